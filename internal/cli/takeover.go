package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"podium/data"
	"podium/internal/app"
	"podium/session"
)

// newTakeoverCmd is `podium takeover`: a standby's database becomes the
// congress's.
func newTakeoverCmd(g *globals) *cobra.Command {
	var as string
	cmd := &cobra.Command{
		Use:   "takeover",
		Short: "Take the congress over on a standby",
		Long: `On the standby's laptop, once the primary is gone (and the standby
stopped): record in the standby's database a takeover event — who, when,
the last event received — that starts a new epoch. The database becomes
the congress's: serve it (serve --db) and the desks reconnect to this
laptop (README, "A standby"). The old primary is told at once if it can be
reached, else by the server here as soon as it answers; told, it refuses
every write and says who took over and when. Verifying the file shows the
chain continuous from event 1; the minutes note the takeover.`,
		Example: `podium takeover --db standby.db
podium takeover --db standby.db --as 王芳`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTakeover(cmd, g, taker(as))
		},
	}
	cmd.Flags().StringVar(&as, "as", "", "WHO takes over (default host@<hostname>)")
	return cmd
}

// runTakeover records the takeover and tells the old primary if it can.
func runTakeover(cmd *cobra.Command, g *globals, who string) error {
	out := cmd.OutOrStdout()
	if !app.Exists(g.db) {
		return &app.MissingError{Path: g.db}
	}
	c, err := app.OpenStandby(g.db, 300*time.Millisecond)
	if errors.Is(err, data.ErrInUse) {
		return failed("%s is open in another podium (the standby?): stop it first, or take over on its screen with T", g.db)
	} else if err != nil {
		return err
	}
	defer c.Close()
	f, ok, took, err := c.Following()
	switch {
	case err != nil:
		return err
	case !ok:
		return failed("%s follows no podium (podium standby): there is nothing to take over", g.db)
	case took:
		return failed("%s took the congress over already; serve it: podium serve --db %s --access FILE", g.db, g.db)
	}
	var opened bool
	c.Session.Read(func(st *session.State) { opened = st.Opened() })
	if !opened {
		return failed("%s holds no congress yet: it received nothing from %s", g.db, f.From)
	}
	if _, err := app.TakeOver(c.Session, who, f.From, time.Now()); err != nil {
		return err
	}
	fmt.Fprintln(out, tookOverLine(c))
	ctx, cancel := context.WithTimeout(cmd.Context(), 10*time.Second)
	defer cancel()
	if reply, err := tellOldPrimary(ctx, c, f); err != nil {
		fmt.Fprintf(out, "podium: %s was not told (%v): podium serve here tells it as soon as it answers; until then keep it off the network\n", f.From, err)
	} else {
		fmt.Fprintf(out, "podium: %s was told: %s\n", f.From, reply)
		f.Told = true
		if err := app.WriteFollows(c.Store, f); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "podium: now serve the terminals: podium serve --db %s --access FILE --listen 0.0.0.0:23234\n", g.db)
	return nil
}
