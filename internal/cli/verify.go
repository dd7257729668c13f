package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"podium/internal/app"
)

// newVerifyCmd is `podium verify`: the hash chain recomputed.
func newVerifyCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "verify",
		Short: "Recompute the hash chain of the event log",
		Long: `Recompute every link of the event log's hash chain. It prints
"ok <events> <sha256 of the last record>", or names the first bad event and
exits 1. Write the printed hash on the signed minutes: it proves later that
the file is the meeting's.`,
		Example: `podium verify
podium verify --db congress.db`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			n, last, err := app.Verify(g.db)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "ok %d %x\n", n, last)
			return nil
		},
	}
}
