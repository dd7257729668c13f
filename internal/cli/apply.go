package cli

import (
	"errors"

	"github.com/spf13/cobra"

	"podium/internal/app"
)

// newApplyCmd is `podium apply`: commands from a file of JSON lines.
func newApplyCmd(g *globals) *cobra.Command {
	var keepGoing bool
	cmd := &cobra.Command{
		Use:   "apply FILE.jsonl",
		Short: "Execute commands from a JSON-lines file",
		Long: `Execute the commands of FILE (one JSON object a line: cmd, at, actor,
role and the command's fields; docs/COMMANDS.md) on the congress, in order,
exactly as a terminal would: the roles, the times and every rule are
checked. It prints one JSON line per command, {"line":N,"ok":true,"seqs":[…]}
or {"line":N,"ok":false,"code":"…","error":"…"}, and stops at the first
refusal (exit 1) unless --keep-going. A malformed line exits 2 naming the
line and the field, and nothing is applied. FILE "-" reads standard input.
On a database without a congress the first command must be "open".`,
		Example: `podium apply --db congress.db checkins.jsonl
podium apply --db rehearsal.db --keep-going script.jsonl
podium apply --db copy.db - < commands.jsonl`,
		Args: oneFile("the FILE of commands"),
		RunE: func(cmd *cobra.Command, args []string) error {
			err := app.Apply(cmd.OutOrStdout(), g.db, args[0], cmd.InOrStdin(), keepGoing)
			if errors.Is(err, app.ErrRefused) {
				return failed("apply: %v (see its line above)", err)
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&keepGoing, "keep-going", false, "go on after a refused command")
	return cmd
}
