package cli

import (
	"context"
	"errors"
	"io"

	"podium/internal/app"
	"podium/tui"
)

// The screens tell a wrong checkpoint (from Options.Verify) by this.
var _ tui.CheckpointProblem = (*app.CheckpointError)(nil)

// tuiOptions are the screens' options for the host's own terminal.
func (g *globals) tuiOptions() tui.Options {
	return tui.Options{Lang: g.lang, Actor: "host", Now: g.now}
}

// runOpen is `podium` alone: it opens the congress in the database; with
// none yet it offers the demo.
func runOpen(g *globals, stdout, stderr io.Writer) error {
	c, err := app.Open(g.db, 0)
	if errors.Is(err, app.ErrNoCongress) {
		ok, err := tui.OfferDemo(g.tuiOptions())
		if err != nil || !ok {
			return err
		}
		return openDemo(g)
	}
	if err != nil {
		return err
	}
	defer c.Close()
	return runCopied(g, c)
}

// runCopied runs the host's screens with the congress's copies: its
// mirror file, and the telling of a podium this one took over from.
func runCopied(g *globals, c *app.Congress) error {
	copies, stop, err := startCopies(c, g.mirror, func(string, ...any) {})
	if err != nil {
		return err
	}
	defer stop()
	return runTUI(g, c, copies)
}

// runTUI runs the host's screens on an open congress; the log's hash chain
// is verified in the background once the screens are up, f8 exports the
// records beside the database and p on the election screen prints the
// round's ballots and zero report there; copies, when set, tells the
// header how the log's copies stand.
func runTUI(g *globals, c *app.Congress, copies func() tui.Copies) error {
	return runTUIServing(g, c, "", copies)
}

// runTUIServing is runTUI while serving other terminals over SSH with the
// host key of fingerprint, which the screens show the host.
func runTUIServing(g *globals, c *app.Congress, fingerprint string, copies func() tui.Copies) error {
	opt := g.tuiOptions()
	opt.Fingerprint = fingerprint
	opt.Copies = copies
	opt.Verify = c.Verify
	opt.Drafts = c.Drafts()
	opt.Export = func() (string, []string, error) { return c.ExportBeside(g.lang, g.now()) }
	opt.Print = func() (string, []string, error) { return c.PrintBeside(context.Background(), g.lang, g.now()) }
	return tui.Run(c.Session, opt)
}

// openDemo creates a fresh demo congress in the database and opens it.
func openDemo(g *globals) error {
	c, err := createDemo(g)
	if err != nil {
		return err
	}
	defer c.Close()
	return runCopied(g, c)
}

// createDemo creates a fresh demo congress in the database, replacing an
// earlier demo but never a real congress.
func createDemo(g *globals) (*app.Congress, error) {
	c, err := app.CreateDemo(g.db, g.now())
	var real *app.RealCongressError
	if errors.As(err, &real) {
		return nil, failed("%v.\nUse another file: --db demo.db", err)
	}
	return c, err
}
