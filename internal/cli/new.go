package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"podium/internal/app"
	"podium/model"
)

// newNewCmd is `podium new`: a congress from a roster (and an agenda), or
// the demo, created and not opened.
func newNewCmd(g *globals) *cobra.Command {
	var roster, agenda, title string
	var demo, force bool
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Create a congress from a roster, or the demo",
		Long: `Create a congress from a roster (CSV or XLSX) and an optional agenda file
(TOML), or the demo, and exit, printing where it is. Any bad cell stops it
with the file, row and column named, and nothing is created. A congress is
never overwritten; the database appears only once the congress is whole in
it. A file that exists but holds no congress is replaced with --force.`,
		Example: `podium new --roster roster.csv --name "某某学院第一次学生代表大会"
podium new --roster roster.xlsx --agenda agenda.toml --db congress.db
podium new --demo --db demo.db
podium new --roster roster.csv --name "…" --db empty.db --force`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out := cmd.OutOrStdout()
			if demo {
				if roster != "" || agenda != "" || title != "" {
					return usageError("new --demo takes no --roster, --agenda or --name")
				}
				c, err := createDemo(g)
				if err != nil {
					return err
				}
				c.Close()
				fmt.Fprintf(out, "created the demo congress in %s\nopen it with: podium --db %s\n", g.db, g.db)
				return nil
			}
			if roster == "" {
				return usageError("new needs --roster FILE (or --demo)")
			}
			setup, err := app.ReadSetup(roster, agenda, title)
			if err != nil {
				return err
			}
			err = app.Create(g.db, setup, time.Now(), force)
			var ee *app.ExistsError
			switch {
			case errors.As(err, &ee) && ee.Empty:
				return failed("%v (an interrupted podium new leaves such a file).\nReplace it with --force, or use --db with a new file.", err)
			case errors.As(err, &ee):
				return failed("%v. Use --db with a new file.", err)
			}
			if err != nil {
				return err
			}
			formal := 0
			for _, p := range setup.Roster {
				if p.Kind == model.Formal {
					formal++
				}
			}
			fmt.Fprintf(out, "created %q: %d people (%d formal delegates), %d agenda items\nin %s\nopen it with: podium --db %s\n",
				setup.Meeting.Name, len(setup.Roster), formal, len(setup.Agenda), g.db, g.db)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&roster, "roster", "", "the roster FILE (.csv or .xlsx)")
	f.StringVar(&agenda, "agenda", "", "the agenda FILE (.toml); else the standard one")
	f.StringVar(&title, "name", "", "the congress's NAME (over the agenda file's)")
	f.BoolVar(&demo, "demo", false, "create the demo congress, not from a roster")
	f.BoolVar(&force, "force", false, "replace a file that exists but is empty, not a congress")
	return cmd
}
