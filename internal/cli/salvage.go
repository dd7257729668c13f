package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"podium/data"
	"podium/internal/app"
	"podium/session"
)

// newSalvageCmd is `podium salvage`: the provable events of a damaged
// database, in a new one.
func newSalvageCmd(g *globals) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "salvage",
		Short: "Save what can be read of a damaged database",
		Long: `Read a damaged database with plain reads (never trusting it) and write a new
database holding every event from the first up to the first one that cannot
be read or whose hash-chain link fails, verified. It prints how many events
were saved, the last one saved (number, time, kind) and what was lost after
it. The damaged file is never written, and --out must be a new file.

Exit 0 when every event was saved, 1 when some or all were lost.`,
		Example: `podium salvage --db congress.db --out congress-saved.db
podium salvage --db /media/usb/podium.db --out podium-saved.db`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError("salvage needs --out FILE (a new file; the damaged one is never written)")
			}
			ctx, stop := signalContext(cmd.Context())
			defer stop()
			s, err := app.Salvage(ctx, g.db, out)
			var (
				ee   *data.ExistsError
				none *data.NothingSavedError
			)
			switch {
			case errors.As(err, &ee):
				return usageError("%s exists already; salvage writes a new file: give another --out", out)
			case errors.As(err, &none):
				printSalvage(cmd.OutOrStdout(), g.db, out, &app.Salvaged{SalvageReport: none.Report}, false)
				return failed("not one event of %s could be saved; %s was not written", g.db, out)
			case err != nil:
				return err
			}
			printSalvage(cmd.OutOrStdout(), g.db, out, s, true)
			if !s.Complete() {
				return &exitError{code: exitFailed} // saved, but not all: damage
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "the new database FILE to write (must not exist)")
	return cmd
}

// printSalvage reports what was saved and what was lost.
func printSalvage(w io.Writer, bad, out string, s *app.Salvaged, written bool) {
	if written {
		fmt.Fprintf(w, "saved %d events of %s into %s (verified: ok %d %x)\n", s.Saved, bad, out, s.Saved, s.Hash)
		fmt.Fprintf(w, "last saved: event %d, %s, %s by %s\n", s.Saved, s.LastAt.Local().Format(time.DateTime), s.LastKind, s.LastActor)
	} else {
		fmt.Fprintf(w, "nothing saved from %s\n", bad)
	}
	switch {
	case s.Complete():
		fmt.Fprintln(w, "lost: nothing (every event the file's head names was saved)")
	case s.HeadKnown && s.Lost() > 0:
		fmt.Fprintf(w, "lost: events %d to %d (%d events): %s\n", s.Saved+1, s.Head, s.Lost(), s.Stop)
	default:
		fmt.Fprintf(w, "lost: %s\n", s.Stop)
	}
	for i, p := range s.Problems {
		if i == 5 {
			fmt.Fprintf(w, "  … and %d more\n", len(s.Problems)-5)
			break
		}
		fmt.Fprintf(w, "  damage: %s\n", p)
	}
	if written {
		fmt.Fprintf(w, "the damaged file was not changed; open the saved congress with: podium --db %s\n", out)
	}
}

// signalContext is ctx cancelled also by SIGINT, SIGTERM or SIGHUP, so
// that a command writing files removes its temporary files before it ends.
func signalContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
}

// damageMessage words an error that says the database db is damaged for
// the secretary, with what to do next; ok is false for other errors.
func damageMessage(err error, db string) (msg string, ok bool) {
	var (
		de   *data.DamageError
		bad  *data.BadRecordError
		ce   *session.CorruptError
		what string
	)
	switch {
	case errors.As(err, new(*data.NothingSavedError)):
		return "", false // salvage's own words
	case errors.As(err, &de):
		db, what = de.Path, strings.Join(de.Problems[:min(3, len(de.Problems))], "; ")
		if n := len(de.Problems) - 3; n > 0 {
			what += fmt.Sprintf(" (and %d more)", n)
		}
	case errors.As(err, &bad):
		what = fmt.Sprintf("event %d: %s", bad.Seq, bad.Reason)
	case errors.As(err, &ce):
		what = fmt.Sprintf("event %d cannot be read: %s", ce.Seq, ce.Reason)
	default:
		return "", false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "podium: %s is damaged: %s\n", db, what)
	b.WriteString("Nothing was changed. Keep a copy of the file as it is, then save what can still be read into a new file:\n")
	fmt.Fprintf(&b, "  podium salvage --db %s --out %s", db, savedName(db))
	return b.String(), true
}

// savedName suggests a name for the salvaged copy of db: x.db → x-saved.db.
func savedName(db string) string {
	return strings.TrimSuffix(db, ".db") + "-saved.db"
}
