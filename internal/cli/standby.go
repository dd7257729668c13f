package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"

	"podium/data"
	"podium/internal/app"
	"podium/serve"
	"podium/session"
	"podium/tui"
)

// standbyFlags are podium standby's flags.
type standbyFlags struct {
	from, identity, access, listen, as string
	headless, trustNew                 bool
	lim                                serve.Limits
}

// newStandbyCmd is `podium standby`: a second laptop following the
// congress, ready to take over.
func newStandbyCmd(g *globals) *cobra.Command {
	sf := standbyFlags{lim: serve.DefaultLimits()}
	cmd := &cobra.Command{
		Use:   "standby",
		Short: "Follow a podium as its standby",
		Long: `Keep a live copy of the congress on a second laptop: connect to the SSH
server of the podium at --from with the key --identity (role standby in its
access file), receive every event as it is committed (after the events this
database holds already), check each link of the chain and write it to
--db, fsync'd. The screens are the host's, read-only, with how far behind
the standby is (events, seconds); a lost connection is retried every
second.

If the primary is gone, press T (confirmed twice) to take over: a takeover
event starts a new epoch, the standby becomes the congress's podium and,
with --access, serves the terminals at --listen (the desks reconnect to
this laptop's address); the old primary refuses every write once it
hears of it. With --headless it only follows and logs; stop it and run
podium takeover. The primary's host key is trusted at the first
connection and then required.`,
		Example: `podium standby --from 10.0.0.2:23234 --identity sb_key --db s.db
podium standby --from 10.0.0.2:23234 --identity sb_key --access who.toml
podium standby --from 10.0.0.2:23234 --identity sb_key --headless`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runStandby(g, sf, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&sf.from, "from", "", "the primary's podium serve, HOST:PORT")
	f.StringVar(&sf.identity, "identity", "", "this standby's private key FILE (no passphrase)")
	f.StringVar(&sf.access, "access", "", "after a takeover, serve this access FILE")
	f.StringVar(&sf.listen, "listen", serve.DefaultListen, "after a takeover, listen on ADDRESS")
	f.StringVar(&sf.as, "as", "", "WHO takes over (default host@<hostname>)")
	f.BoolVar(&sf.headless, "headless", false, "no screens; follow and log until SIGINT/SIGTERM")
	f.BoolVar(&sf.trustNew, "trust-new-host-key", false, "trust the primary's new host key")
	f.StringVar(&g.mirror, "mirror", "", mirrorHelp)
	return cmd
}

// taker is who takes over: --as, or host@<this machine>.
func taker(as string) string {
	if as != "" {
		return as
	}
	h, _ := os.Hostname()
	return "host@" + h
}

// runStandby follows the primary and, on the host's word, takes over.
func runStandby(g *globals, sf standbyFlags, stdout, stderr io.Writer) error {
	if sf.from == "" || sf.identity == "" {
		return usageError("standby needs --from HOST:PORT and --identity KEYFILE")
	}
	if _, _, err := net.SplitHostPort(sf.from); err != nil {
		return usageError("--from %q: give HOST:PORT (%v)", sf.from, err)
	}
	key, err := readIdentity(sf.identity)
	if err != nil {
		return err
	}
	var access *serve.Access
	if sf.access != "" {
		if access, err = serve.ReadAccess(sf.access); err != nil {
			return &app.InputError{Err: err}
		}
	}
	c, err := app.OpenStandby(g.db, 300*time.Millisecond)
	if errors.Is(err, data.ErrInUse) {
		return failed("%s is open in another podium; a standby needs its own file", g.db)
	} else if err != nil {
		return err
	}
	defer c.Close()
	f, _, took, err := c.Following()
	if err != nil {
		return err
	}
	if took {
		return failed("%s took the congress over; it follows nobody now. Serve it: podium serve --db %s --access FILE", g.db, g.db)
	}
	c.Session.Read(func(st *session.State) { f.Epoch = st.Epoch() })
	f.From = sf.from
	if f.Identity, err = filepath.Abs(sf.identity); err != nil {
		return err
	}
	if sf.trustNew {
		f.HostKey = ""
	}
	if err := app.WriteFollows(c.Store, f); err != nil {
		return err
	}
	logf := func(format string, a ...any) {
		fmt.Fprintf(stderr, "%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, a...))
	}
	if !sf.headless {
		logf = func(string, ...any) {}
	}
	if err := c.StartMirror(g.mirror); err != nil {
		return err
	}
	fl := &follower{c: c, sb: &app.Standby{Store: c.Store, Session: c.Session, From: sf.from}, key: key, follows: f, logf: logf, started: time.Now()}
	fl.start()
	defer fl.stop()
	if sf.headless {
		return fl.headless(stdout)
	}

	if err := fl.waitForCongress(stdout); err != nil {
		return err
	}
	tookOver := false
	opt := tui.Options{Lang: g.lang, Actor: "standby", Role: session.RoleStandby, Now: time.Now, Copies: fl.copies,
		TakeOver: func() error {
			fl.stop()
			if _, err := app.TakeOver(c.Session, taker(sf.as), sf.from, time.Now()); err != nil {
				fl.start()
				return err
			}
			tookOver = true
			return nil
		}}
	if err := tui.Run(c.Session, opt); err != nil || !tookOver {
		return err
	}
	fmt.Fprintln(stdout, tookOverLine(c))
	if access == nil {
		fmt.Fprintf(stdout, "podium: no --access: terminals cannot connect; serve them with podium serve --db %s --access FILE\n", g.db)
		return runCopied(g, c)
	}
	return serveCongress(g, c, serving{listen: sf.listen, access: access, accessFile: sf.access, lim: sf.lim}, stdout, stderr)
}

// tookOverLine says what the takeover recorded.
func tookOverLine(c *app.Congress) string {
	var t session.Takeover
	var zone *time.Location
	c.Session.Read(func(st *session.State) { t, zone = st.Takeovers[len(st.Takeovers)-1], st.Setup.Meeting.Location() })
	return fmt.Sprintf("podium: %s took over at %s: event %d records it (epoch %d); the record goes on from event %d received from %s",
		t.Actor, t.At.In(zone).Format("2006-01-02 15:04:05 -07:00"), t.Seq, t.Epoch, t.LastSeq, t.From)
}

// follower runs a standby's following, which stops for a takeover.
type follower struct {
	c       *app.Congress
	sb      *app.Standby
	key     gossh.Signer
	logf    func(string, ...any)
	started time.Time

	mu      sync.Mutex
	follows app.Follows
	cancel  func()
	done    chan struct{} // closed when following has stopped
	err     error         // why it stopped by itself
}

// start follows the primary in the background.
func (fl *follower) start() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	fl.mu.Lock()
	fl.cancel, fl.done = cancel, done
	fl.mu.Unlock()
	go func() {
		err := fl.sb.Run(ctx, fl.connect)
		fl.mu.Lock()
		fl.err = err
		fl.mu.Unlock()
		close(done)
	}()
}

// stop stops following and waits until it has.
func (fl *follower) stop() {
	fl.mu.Lock()
	cancel, done := fl.cancel, fl.done
	fl.cancel = nil
	fl.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}

// connect dials the primary and asks for its log (app.Connect).
func (fl *follower) connect(ctx context.Context, req app.LogRequest) (io.ReadCloser, error) {
	fl.mu.Lock()
	f := fl.follows
	fl.mu.Unlock()
	trusted, err := hostKeyOf(f)
	if err != nil {
		return nil, err
	}
	p, err := serve.DialPrimary(ctx, f.From, fl.key, trusted)
	if err != nil {
		return nil, err
	}
	if trusted == nil {
		f.HostKey = strings.TrimSpace(string(gossh.MarshalAuthorizedKey(p.HostKey)))
		if err := app.WriteFollows(fl.c.Store, f); err != nil {
			p.Close()
			return nil, err
		}
		fl.mu.Lock()
		fl.follows = f
		fl.mu.Unlock()
		fl.logf("trusting the host key of %s: %s", f.From, serve.Fingerprint(p.HostKey))
	}
	rc, err := p.Run(req.Args(), nil)
	if err != nil {
		p.Close()
		return nil, err
	}
	fl.logf("following %s from event %d", f.From, req.From)
	return stream{rc, p}, nil
}

// stream is the primary's log; closing it closes the connection.
type stream struct {
	io.ReadCloser
	p *serve.Primary
}

func (s stream) Close() error {
	s.ReadCloser.Close()
	return s.p.Close()
}

// copies is the standby's header: how far behind, and its mirror.
func (fl *follower) copies() tui.Copies {
	st := fl.sb.Status()
	cp := congressCopies(fl.c)
	cp.Follows, cp.Seq, cp.Behind, cp.Lag, cp.Skew, cp.Stopped = st.From, st.Seq, st.Behind, st.Lag, st.Skew, st.Stopped
	if !st.Connected {
		since := st.Heard
		if since.IsZero() {
			since = fl.started
		}
		cp.Silent = max(time.Since(since), 3*time.Second)
	} else if s := time.Since(st.Heard); s > 2*time.Second {
		cp.Silent = s
	}
	return cp
}

// waitForCongress waits, before the screens, for the first event of a
// congress this standby does not hold yet.
func (fl *follower) waitForCongress(stdout io.Writer) error {
	opened := func() (ok bool) {
		fl.c.Session.Read(func(st *session.State) { ok = st.Opened() })
		return ok
	}
	if opened() {
		return nil
	}
	fmt.Fprintf(stdout, "podium standby: waiting for the congress from %s… (ctrl+c stops)\n", fl.sb.From)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var last error
	for !opened() {
		st := fl.sb.Status()
		if st.Stopped != nil {
			return failed("%v", st.Stopped)
		}
		if st.Err != nil && (last == nil || st.Err.Error() != last.Error()) {
			fmt.Fprintf(stdout, "podium standby: %v; trying again\n", st.Err)
			last = st.Err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(100 * time.Millisecond):
		}
	}
	return nil
}

// headless follows until a signal, logging how it stands.
func (fl *follower) headless(stdout io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(stdout, "podium standby: following %s into %s (ctrl+c stops; then podium takeover --db %s takes over)\n", fl.sb.From, fl.c.DB, fl.c.DB)
	var last app.StandbyStatus
	var lastErr string
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			st := fl.sb.Status()
			fmt.Fprintf(stdout, "podium standby: stopped at event %d\n", st.Seq)
			return nil
		case <-fl.doneChan():
			fl.mu.Lock()
			err := fl.err
			fl.mu.Unlock()
			if err != nil {
				return failed("standby stopped: %v", err)
			}
			return nil
		case <-tick.C:
		}
		st := fl.sb.Status()
		if st.Err != nil && st.Err.Error() != lastErr {
			fl.logf("lost %s: %v; trying again every second", fl.sb.From, st.Err)
		}
		lastErr = ""
		if st.Err != nil {
			lastErr = st.Err.Error()
		}
		if st.Seq != last.Seq || st.Behind != last.Behind || st.Connected != last.Connected {
			fl.logf("event %d · behind %d · %.1f s · primary epoch %d", st.Seq, st.Behind, st.Lag.Seconds(), st.PrimaryEpoch)
			last = st
		}
	}
}

// doneChan is closed when following has stopped.
func (fl *follower) doneChan() <-chan struct{} {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	return fl.done
}
