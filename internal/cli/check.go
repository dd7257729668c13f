package cli

import "github.com/spf13/cobra"

// newCheckCmd is `podium check`: the checks before the congress sits,
// `roster` (the delegates' composition and the candidates' surplus),
// `staff` (the union staff audit) and `survey` (the satisfaction survey).
func newCheckCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check the roster, the staff or the survey",
		Long: `The checks before the congress sits: 'check roster' the formal delegates'
composition against the seed's targets and the candidates' surplus, 'check
staff' the union staff list against the self-assessment (附件1 items 3–6),
'check survey' the satisfaction survey of the self-assessment (items 16–17)
from a questionnaire export. A check reports: warnings exit 0; bad input
exits 2.`,
		Example: `podium check roster roster.csv --date 2026-11-30
podium check staff staff.csv --format json
podium check survey 满意度调查.xlsx`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError("check: no subcommand %q; use `podium check roster FILE`, `podium check staff FILE` or `podium check survey FILE`", args[0])
			}
			return usageError("check: use `podium check roster FILE`, `podium check staff FILE` or `podium check survey FILE`")
		},
	}
	cmd.AddCommand(newCheckRosterCmd(g), newCheckStaffCmd(g), newCheckSurveyCmd(g))
	return cmd
}
