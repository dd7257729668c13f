package cli

import (
	"errors"

	"github.com/spf13/cobra"

	"podium/internal/app"
)

// newAuditCmd is `podium audit`: every decided round recounted.
func newAuditCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "audit",
		Short: "Recount the decided rounds against the log",
		Long: `Recount every decided round of the election with today's counter, from
the ballots or the tally sheet stored in the log, and compare it with the
result stored when the round was decided (which is what replay shows, never
a recount). It prints, per round, "same" or each difference, and exits 1 on
any difference.`,
		Example: `podium audit
podium audit --db congress.db`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signalContext(cmd.Context())
			defer stop()
			err := app.PrintAudit(ctx, cmd.OutOrStdout(), g.db)
			if errors.Is(err, app.ErrAuditDiffers) {
				return failed("audit: %v", err)
			}
			return err
		},
	}
}
