package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"podium/internal/app"
)

// newExportCmd is `podium export`: the official records from the log.
func newExportCmd(g *globals) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the official records from the log",
		Long: `Write the official records from the event log: the agenda, the minutes, the
sign-in sheet (a blank form to sign before the congress), the credentials
report, the election method, the scrutineers, a tally sheet per round, the
result report, the resolutions, the registers of motions and questions, the
chair's script and the self-assessment items the record answers. Every page
carries the digest 'podium verify' prints; until the closing item ends they
are drafts (草稿). html writes a file per document, csv a tidy table per file.
The same database gives byte-identical files. While podium runs, a verified
copy is read.`,
		Example: `podium export --format md,html,csv,xlsx,json --out records
podium export --format html --out records --lang zh`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" || format == "" {
				return usageError("export needs --format %s and --out DIR", strings.Join(app.ExportFormats, "|"))
			}
			formats := strings.Split(format, ",")
			for _, f := range formats {
				if !app.ValidFormat(f) {
					return usageError("--format %q: use %s", f, strings.Join(app.ExportFormats, ", "))
				}
			}
			ctx, stop := signalContext(cmd.Context())
			defer stop()
			c, err := app.OpenForReading(ctx, g.db)
			if err != nil {
				return err
			}
			defer c.Close()
			files, err := c.Export(formats, out, g.lang)
			if err != nil {
				return err
			}
			for _, f := range files {
				fmt.Fprintln(cmd.OutOrStdout(), f)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "", "md, html, csv, xlsx, json (comma-separated)")
	f.StringVar(&out, "out", "", "the DIR to write into (created if missing)")
	return cmd
}
