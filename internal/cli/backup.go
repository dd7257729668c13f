package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"podium/internal/app"
)

// newBackupCmd is `podium backup`: a consistent, verified copy.
func newBackupCmd(g *globals) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "backup",
		Short: "Write a verified copy of the database",
		Long: `Write a consistent copy of the database, whole or absent, and verify it.
While podium is running the file is copied and the copy verified whole.`,
		Example: `podium backup --out /media/usb/podium-backup.db
podium backup --db congress.db --out congress-copy.db`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError("backup needs --out FILE")
			}
			b, err := app.Backup(g.db, out)
			if err != nil {
				return err
			}
			hot := ""
			if b.Hot {
				hot = " (copied while podium was running, and verified)"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "backed up %d events (last %x) to %s%s\n", b.Events, b.Last, out, hot)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "the FILE to write the copy to")
	return cmd
}
