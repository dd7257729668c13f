package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

// addCompletion adds cobra's `completion` command now rather than at
// execution, so that it and its shells are worded and walked like every
// other command (TestHelp).
func addCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Short = "Print a shell's completion script"
		c.Long = `Print the completion script of a shell (bash, zsh, fish or powershell):
commands, subcommands and flags complete with the tab key. 'podium
completion <shell> --help' says how to load it.`
		c.Example = `podium completion bash > /etc/bash_completion.d/podium
podium completion zsh > "${fpath[1]}/_podium"`
		for _, sh := range c.Commands() {
			sh.Example = fmt.Sprintf("podium completion %s", sh.Name())
		}
	}
}
