package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"podium/files"
	"podium/internal/app"
	"podium/prep"
)

// newPlanCmd is `podium plan`: preparing the congress. Its one subcommand
// is `seats`.
func newPlanCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "Plan the seats of the electoral units",
		Long: `Plan the congress before it sits (RULES §8): 'plan seats' shares the
formal delegates' seats over the electoral units.`,
		Example: `podium plan seats --units units.csv --total 122
podium help plan seats`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError("plan: no subcommand %q; use `podium plan seats --units FILE --total N`", args[0])
			}
			return usageError("plan: use `podium plan seats --units FILE --total N`")
		},
	}
	cmd.AddCommand(newPlanSeatsCmd(g))
	return cmd
}

// newPlanSeatsCmd is `podium plan seats`: the seats of each electoral
// unit (RULES §8). The JSON on stdout, [{unit, students, minimum, seats}]
// in the file's order, is a contract (see the README).
func newPlanSeatsCmd(g *globals) *cobra.Command {
	var units, format string
	var total int
	cmd := &cobra.Command{
		Use:   "seats",
		Short: "Share the seats over the electoral units",
		Long: `Share the seats over the electoral units (CSV unit,students): each unit first
gets 1% of its students, rounded up; the seats left are shared in proportion
to the students by largest remainder, all in integers. When the minimums
alone need more seats than --total, it exits 2 saying by how much.`,
		Example: `podium plan seats --units units.csv --total 122
podium plan seats --units units.csv --total 122 --format text`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if units == "" {
				return usageError("plan seats needs --units FILE")
			}
			if !cmd.Flags().Changed("total") || total < 0 {
				return usageError("plan seats needs --total N (a whole number, 0 or more)")
			}
			if err := textOrJSON(format); err != nil {
				return err
			}
			us, err := files.ReadUnitsFile(units)
			if err != nil {
				return &app.InputError{Err: err}
			}
			alloc, err := prep.AllocateSeats(us, total)
			if err != nil { // a *prep.ShortError says by how much
				return &app.InputError{Err: fmt.Errorf("%s: %w", units, err)}
			}
			if format == "text" {
				_, err := io.WriteString(cmd.OutOrStdout(), prep.SeatsText(alloc))
				return err
			}
			return writeJSON(cmd.OutOrStdout(), alloc)
		},
	}
	f := cmd.Flags()
	f.StringVar(&units, "units", "", "the units FILE (CSV: unit,students)")
	f.IntVar(&total, "total", 0, "the formal delegates' seats to share, N")
	f.StringVar(&format, "format", "json", "the output: json or text")
	return cmd
}
