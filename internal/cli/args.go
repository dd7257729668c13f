package cli

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// The positional-argument rules, the same for every command: flags may
// come before, between or after the arguments (global flags too), and a
// missing or extra argument is bad input (exit 2) naming the command.

// name is the command's path without "podium ", as messages name it.
func name(cmd *cobra.Command) string {
	return strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
}

// noArgs is the rule of a command that takes no argument.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError("%s: unexpected argument %q", name(cmd), args[0])
	}
	return nil
}

// oneFile is the rule of a command that takes one FILE; needs words what
// is missing without it ("the roster FILE").
func oneFile(needs string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch len(args) {
		case 0:
			return usageError("%s needs %s", name(cmd), needs)
		case 1:
			return nil
		}
		return usageError("%s: unexpected argument %q", name(cmd), args[1])
	}
}

// textOrJSON checks a --format flag of json or text.
func textOrJSON(format string) error {
	if format != "json" && format != "text" {
		return usageError("--format %q: use json or text", format)
	}
	return nil
}

// writeJSON writes v indented, with HTML characters as they are: the JSON
// of a command is a contract (see the README).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
