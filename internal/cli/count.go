package cli

import (
	"io"

	"github.com/spf13/cobra"

	"podium/internal/app"
	"podium/session/election"
)

// newCountCmd is `podium count`: one round counted from files, for
// recounts and audits. The JSON on stdout is a contract (see the README).
func newCountCmd(g *globals) *cobra.Command {
	var method, candidates, ballots, format string
	var expected, present, issued int
	cmd := &cobra.Command{
		Use:   "count",
		Short: "Count one election round from files",
		Long: `Count one election round from files by the congress's method, as the screens
do: ballot validity, the threshold, ties, runoffs and second rounds. It prints
the result as JSON (a contract, see the README) or the tally sheet (计票单).`,
		Example: `podium count --method m.toml --candidates c.csv --ballots b.csv \
  --expected 122 --present 118 --issued 118
podium count --method m.toml --candidates c.csv --ballots b.csv \
  --expected 122 --present 118 --issued 118 --format text --lang zh`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			for _, f := range []struct{ name, val string }{{"method", method}, {"candidates", candidates}, {"ballots", ballots}} {
				if f.val == "" {
					return usageError("count needs --%s FILE", f.name)
				}
			}
			for _, n := range []struct {
				name string
				val  int
			}{{"expected", expected}, {"present", present}, {"issued", issued}} {
				if !cmd.Flags().Changed(n.name) || n.val < 0 {
					return usageError("count needs --%s N (a whole number, 0 or more)", n.name)
				}
			}
			if err := textOrJSON(format); err != nil {
				return err
			}
			round, err := app.ReadRound(method, candidates, ballots)
			if err != nil {
				return err
			}
			round.Expected, round.Present, round.Issued = expected, present, issued
			res := election.Count(round)
			if format == "text" {
				_, err := io.WriteString(cmd.OutOrStdout(), res.Text(g.lang))
				return err
			}
			return writeJSON(cmd.OutOrStdout(), res)
		},
	}
	f := cmd.Flags()
	f.StringVar(&method, "method", "", "the election method FILE (TOML)")
	f.StringVar(&candidates, "candidates", "", "the candidates FILE (CSV, in ballot order)")
	f.StringVar(&ballots, "ballots", "", "the ballots FILE (CSV, one row per ballot)")
	f.StringVar(&format, "format", "json", "the output: json or text (the tally sheet)")
	f.IntVar(&expected, "expected", 0, "formal delegates expected (应到) N")
	f.IntVar(&present, "present", 0, "formal delegates present (实到) N")
	f.IntVar(&issued, "issued", 0, "ballots issued (发出) N")
	return cmd
}
