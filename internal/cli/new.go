package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"podium/internal/app"
	"podium/model"
	"podium/prep"
	"podium/session"
)

// newNewCmd is `podium new`: a congress from a roster (and an agenda), or
// the demo, created and not opened.
func newNewCmd(g *globals) *cobra.Command {
	var roster, agenda, title, survey, staff string
	var demo, force, large bool
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Create a congress from a roster, or the demo",
		Long: `Create a congress from a roster (CSV or XLSX) and an optional agenda file
(TOML), or the demo, and exit, printing where it is. Any bad cell stops it
with the file, row and column named, and nothing is created. A congress is
never overwritten; the database appears only once the congress is whole in
it. A file that exists but holds no congress is replaced with --force.

--survey FILE records the satisfaction survey of the self-assessment (附件1
items 16–17) with the congress, counted from a questionnaire export with
questions 7 and 14 as 'check survey' counts it; a survey that cannot be
counted, or with an answer off the scale, stops it and nothing is created
(record such a survey later with 'check survey --db' and its --overall,
--staff, --legend or --map).

--staff FILE records the staff audit of the self-assessment (附件1 items
3–6) of the union's staff list with the congress, as 'check staff' audits it
(--large: a large school's limit of 60 staff); a list that cannot be read
stops it and nothing is created.`,
		Example: `podium new --roster roster.csv --name "某某学院第一次学生代表大会"
podium new --roster roster.xlsx --agenda agenda.toml --db congress.db
podium new --roster roster.csv --survey 满意度调查.xlsx --db congress.db
podium new --roster roster.csv --staff staff.tsv --db congress.db
podium new --demo --db demo.db
podium new --roster roster.csv --name "…" --db empty.db --force`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out := cmd.OutOrStdout()
			if demo {
				if roster != "" || agenda != "" || title != "" || survey != "" || staff != "" || large {
					return usageError("new --demo takes no --roster, --agenda, --name, --survey, --staff or --large")
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
			if large && staff == "" {
				return usageError("new --large is for the staff list: give --staff FILE")
			}
			setup, err := app.ReadSetup(roster, agenda, title)
			if err != nil {
				return err
			}
			now := g.now()
			var then []session.Command
			var report prep.SurveyReport
			if survey != "" {
				if report, err = app.ReadSurvey(survey, nil, prep.SurveyOptions{}); err != nil {
					return err
				}
				c, err := app.SurveyCommand(report, now, "podium new")
				if err != nil {
					return err
				}
				then = append(then, c)
			}
			var audit prep.Audit
			if staff != "" {
				list, a, err := app.AuditStaff(staff, prep.StaffOptions{Large: large})
				if err != nil {
					return err
				}
				c, err := app.StaffAuditCommand(list, a, now, "podium new")
				if err != nil {
					return err
				}
				audit, then = a, append(then, c)
			}
			err = app.Create(g.db, setup, now, force, then...)
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
			fmt.Fprintf(out, "created %q: %d people (%d formal delegates), %d agenda items\n",
				setup.Meeting.Name, len(setup.Roster), formal, len(setup.Agenda))
			if survey != "" {
				fmt.Fprintf(out, "with the satisfaction survey of %s (%d respondents):", survey, report.Respondents)
				for _, it := range report.Items {
					fmt.Fprintf(out, " item %d %s;", it.Item, it.Sentence)
				}
				fmt.Fprintln(out)
			}
			if staff != "" {
				fmt.Fprintf(out, "with the staff audit of %s (%d staff, %d data errors):", staff, audit.Staff, len(audit.DataErrors))
				for _, c := range audit.Checks {
					fmt.Fprintf(out, " %s %s;", c.Item, strings.ToUpper(string(c.Status)))
				}
				fmt.Fprintln(out)
			}
			if agenda == "" {
				fmt.Fprintln(out, "the standard agenda, without its election item: an election needs --agenda FILE with an election item that links its method and candidates")
			}
			fmt.Fprintf(out, "in %s\nopen it with: podium --db %s\n", g.db, g.db)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&roster, "roster", "", "the roster FILE (.csv or .xlsx)")
	f.StringVar(&agenda, "agenda", "", "the agenda FILE (.toml); else the standard one")
	f.StringVar(&title, "name", "", "the congress's NAME (over the agenda file's)")
	f.StringVar(&survey, "survey", "", "record the satisfaction survey of the export FILE (.csv, .xlsx)")
	f.StringVar(&staff, "staff", "", "record the staff audit of the staff list FILE (.csv, .tsv)")
	f.BoolVar(&large, "large", false, "with --staff: a large school, at most 60 staff, not 40")
	f.BoolVar(&demo, "demo", false, "create the demo congress, not from a roster")
	f.BoolVar(&force, "force", false, "replace a file that exists but is empty, not a congress")
	return cmd
}
