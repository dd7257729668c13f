package cli

import "github.com/spf13/cobra"

// newDemoCmd is `podium demo`: a fresh demo congress, opened.
func newDemoCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Create a fresh demo congress and open it",
		Long: `Create a fresh demo congress (122 formal delegates in 8 units, the standard
agenda and a committee election) and open it. It replaces an earlier demo in
the database, never a real congress.`,
		Example: `podium demo
podium demo --db /tmp/demo.db --lang en`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return openDemo(g) },
	}
}
