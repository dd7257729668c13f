package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"podium/data"
	"podium/internal/app"
)

// newBackupCmd is `podium backup`: a consistent, verified copy.
func newBackupCmd(g *globals) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "backup",
		Short: "Write a verified copy of the database",
		Long: `Write a consistent copy of the database, whole or absent, and verify it.
While podium is running the file is copied and the copy verified whole; a
copy torn by a commit is taken again, a few times, and then podium says it
is writing too fast and to try again. Nothing is left behind on any way
out, Ctrl-C included.`,
		Example: `podium backup --out /media/usb/podium-backup.db
podium backup --db congress.db --out congress-copy.db`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError("backup needs --out FILE")
			}
			ctx, stop := signalContext(cmd.Context())
			defer stop()
			b, err := app.Backup(ctx, g.db, out)
			if errors.Is(err, data.ErrKeptChanging) {
				return failed("%v", err)
			}
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
