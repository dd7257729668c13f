package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"podium/internal/app"
	"podium/paper/deck"
)

// newRehearseCmd is `podium rehearse`: a rehearsal (演练) of the congress
// in a separate database, with the test deck of its election; `podium
// rehearse check` compares the rehearsal's count with the deck.
func newRehearseCmd(g *globals) *cobra.Command {
	var to, out string
	var noPDF bool
	cmd := &cobra.Command{
		Use:   "rehearse",
		Short: "Make a rehearsal (演练) with a test deck",
		Long: `Make a rehearsal (演练) of the congress in --db: a copy of its setup in a
separate database (--to, by default <db>-rehearsal.db beside it; an earlier
rehearsal there is replaced, a congress never; the congress's own database is
only read), marked 演练 on every screen, projector, record and page.

It writes into --out the test deck of the election's first round:
ballots on which every candidate receives a different number of approvals
(so a swapped column or candidate is caught), an over-selected ballot per
category, two blank ballots, a write-in beside a × and one without, a
spoiled ballot — as filled ballots to key from paper (deck-ballots), as
files for 'podium count' (method.toml, candidates.csv, deck.csv), with the
expected result computed from the deck (expected.csv) — and the blank
ballot and the zero report.

Open the rehearsal (podium --db <rehearsal>), run the round, key the deck and
decide it; then 'podium rehearse check' prints expected against counted per
candidate and PASS or FAIL, and writes the test report.`,
		Example: `podium rehearse --out rehearsal
podium --db rehearsal.db rehearse --to /tmp/r.db --out rehearsal --no-pdf
podium rehearse check --out rehearsal
podium rehearse check --ballots rehearsal/deck.csv --out rehearsal`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError("rehearse needs --out DIR")
			}
			if to == "" {
				to = app.RehearsalPath(g.db)
			}
			ctx, stop := signalContext(cmd.Context())
			defer stop()
			r, err := app.Rehearse(ctx, g.db, to, out, g.lang, !noPDF, time.Now())
			if err != nil {
				return noElection(rehearsalDB(err))
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "rehearsal (演练): %s\ntest deck: %d ballots\n", r.DB, len(r.Deck.Tests))
			list(cmd, r.Files)
			fmt.Fprintf(w, "next: podium --db %s   (key the deck, decide round 1), then podium rehearse check --out %s\n", r.DB, out)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&to, "to", "", "the rehearsal's database FILE (default: <db>-rehearsal.db)")
	f.StringVar(&out, "out", "", "the DIR to write the deck and its files into")
	f.BoolVar(&noPDF, "no-pdf", false, "HTML only, no PDF even where Chromium is installed")
	cmd.AddCommand(newRehearseCheckCmd(g))
	return cmd
}

func newRehearseCheckCmd(g *globals) *cobra.Command {
	var to, out, ballots string
	var noPDF bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check the rehearsal's count against the deck",
		Long: `Compare the rehearsal's count of the test deck with the deck's expected
result, figure by figure (ballots collected, valid and invalid, each
category's parts, each candidate's approve, disapprove and abstain, the
write-ins): from the first round decided in the rehearsal's database (--to,
by default <db>-rehearsal.db), or from --ballots FILE counted as 'podium
count' counts it. It prints every figure, marks those that differ, says
PASS or FAIL, writes the test report into --out, and exits 1 on FAIL.`,
		Example: `podium rehearse check --out rehearsal
podium rehearse check --ballots rehearsal/deck.csv --out rehearsal --no-pdf`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError("rehearse check needs --out DIR")
			}
			if to == "" {
				to = app.RehearsalPath(g.db)
			}
			ctx, stop := signalContext(cmd.Context())
			defer stop()
			rep, files, err := app.CheckRehearsal(ctx, to, ballots, out, g.lang, !noPDF)
			if errors.Is(err, app.ErrNotDecided) {
				return failed("%s: %v", filepath.Base(to), err)
			}
			if err != nil {
				return noElection(rehearsalDB(err))
			}
			printCheck(cmd.OutOrStdout(), rep)
			list(cmd, files)
			if !rep.Pass {
				return &exitError{code: exitFailed, msg: "podium: the rehearsal FAILED: the count differs from the test deck"}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&to, "to", "", "the rehearsal's database FILE (default: <db>-rehearsal.db)")
	f.StringVar(&out, "out", "", "the DIR to write the test report into")
	f.StringVar(&ballots, "ballots", "", "count this ballots FILE (deck.csv), not the keyed round")
	f.BoolVar(&noPDF, "no-pdf", false, "HTML only, no PDF even where Chromium is installed")
	return cmd
}

// printCheck prints the comparison: each candidate's figures expected and
// counted, the figures that differ marked, and the verdict.
func printCheck(w io.Writer, r deck.Report) {
	if r.Reason != "" {
		fmt.Fprintf(w, "not counted: %s\n", r.Reason)
	}
	for _, l := range r.Lines {
		mark := "  "
		if !l.OK {
			mark = "✗ "
		}
		fmt.Fprintln(w, mark+l.String())
	}
	if r.Pass {
		fmt.Fprintln(w, "PASS: every figure counted is the figure the test deck expects")
	} else {
		fmt.Fprintf(w, "FAIL: %d figures differ from the test deck\n", len(r.Failed()))
	}
}

// rehearsalDB words a damaged rehearsal database with its own path (the
// error handler names --db otherwise).
func rehearsalDB(err error) error {
	var re *app.RehearsalDBError
	if errors.As(err, &re) {
		if msg, ok := damageMessage(re.Err, re.Path); ok {
			return &exitError{code: exitFailed, msg: msg}
		}
	}
	return err
}
