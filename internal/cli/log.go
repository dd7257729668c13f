package cli

import (
	"github.com/spf13/cobra"

	"podium/internal/app"
)

// newLogCmd is `podium log`: every event as one JSON line.
func newLogCmd(g *globals) *cobra.Command {
	var format string
	var commands bool
	cmd := &cobra.Command{
		Use:   "log",
		Short: "Print every event as one JSON line",
		Long: `Print every event of the log as one JSON line: seq, at (RFC 3339,
+08:00), actor, role, kind (its stable name), codec, the event's fields, the
stored record (base64) and its chain link (hex). docs/FORMAT.md documents
every kind and how to recompute 'podium verify' from this output. With
--commands, print instead the command that caused each event, as the apply
command reads it: applied to an empty database they give the same congress.`,
		Example: `podium log | head
podium log --db congress.db > congress.jsonl
podium log --commands > commands.jsonl`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "jsonl" {
				return usageError("--format %q: use jsonl", format)
			}
			ctx, stop := signalContext(cmd.Context())
			defer stop()
			return app.PrintLog(ctx, cmd.OutOrStdout(), g.db, commands)
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "jsonl", "the output format: jsonl")
	f.BoolVar(&commands, "commands", false, "print the commands that caused the events instead (for apply)")
	return cmd
}
