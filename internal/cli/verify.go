package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"podium/internal/app"
)

// newVerifyCmd is `podium verify`: the hash chain recomputed.
func newVerifyCmd(g *globals) *cobra.Command {
	var against string
	cmd := &cobra.Command{
		Use:   "verify",
		Short: "Recompute the hash chain of the event log",
		Long: `Recompute every link of the event log's hash chain. It prints
"ok <events> <sha256 of the last record>", or names the first bad event and
exits 1. Write the printed hash on the signed minutes: it proves later that
the file is the meeting's. While a podium runs the congress (or mirrors
it) a verified copy of the file is read, and a note says so.

With --against OTHER it verifies both files and compares them event by
event: a mirror or a standby holds the same events as the primary up to
its last one; if two podiums ever wrote the same congress, it names the
event where the two files part and exits 1.`,
		Example: `podium verify
podium verify --db congress.db
podium verify --db congress.db --against /media/usb/congress.mirror.db`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out := cmd.OutOrStdout()
			if against != "" {
				return verifyAgainst(cmd, g.db, against)
			}
			n, last, hot, err := app.VerifyLive(g.db)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "ok %d %x\n", n, last)
			if hot {
				fmt.Fprintf(cmd.ErrOrStderr(), "(%s is open in a podium: a copy of it was read and verified)\n", g.db)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&against, "against", "", "compare with the OTHER copy of the congress (a mirror, a standby)")
	return cmd
}

// verifyAgainst is podium verify --against: both chains, and where the
// files part.
func verifyAgainst(cmd *cobra.Command, db, other string) error {
	a, err := app.VerifyAgainst(cmd.Context(), db, other)
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	fmt.Fprintf(out, "ok %d %x %s\n", a.Events, a.Head, db)
	fmt.Fprintf(out, "ok %d %x %s\n", a.OtherEvents, a.OtherHead, other)
	switch {
	case a.Forked():
		fmt.Fprintf(out, "fork at event %d: the files hold the same %d events, then\n", a.Same+1, a.Same)
		side(out, db, a.Here)
		side(out, other, a.There)
		return failed("%s and %s part at event %d: two podiums wrote this congress", db, other, a.Same+1)
	case a.Len == a.OtherLen:
		fmt.Fprintf(out, "the same %d events\n", a.Same)
	case a.Len < a.OtherLen:
		fmt.Fprintf(out, "%s holds the first %d of the %d events of %s (it is behind, not forked)\n", db, a.Same, a.OtherLen, other)
	default:
		fmt.Fprintf(out, "%s holds the first %d of the %d events of %s (it is behind, not forked)\n", other, a.Same, a.Len, db)
	}
	return nil
}

// side prints what a file holds where the files part.
func side(w io.Writer, path string, e *app.EventSummary) {
	if e == nil {
		fmt.Fprintf(w, "  %s: ends there\n", path)
		return
	}
	fmt.Fprintf(w, "  %s: %s\n", path, e)
}
