package cli

import "github.com/spf13/cobra"

// newCheckCmd is `podium check`: the checks before the congress sits,
// `roster` (the delegates' composition and the candidates' surplus) and
// `staff` (the union staff audit).
func newCheckCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check the roster or the union staff",
		Long: `The checks before the congress sits: 'check roster' the formal delegates'
composition against the seed's targets and the candidates' surplus, 'check
staff' the union staff list against the self-assessment. A check reports:
warnings exit 0; bad input exits 2.`,
		Example: `podium check roster roster.csv --date 2026-11-30
podium check staff staff.csv --format json`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError("check: no subcommand %q; use `podium check roster FILE` or `podium check staff FILE`", args[0])
			}
			return usageError("check: use `podium check roster FILE` or `podium check staff FILE`")
		},
	}
	cmd.AddCommand(newCheckRosterCmd(g), newCheckStaffCmd(g))
	return cmd
}
