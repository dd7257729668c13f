package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	charmlog "charm.land/log/v2"
	"github.com/spf13/cobra"

	"podium/data"
	"podium/internal/app"
	"podium/serve"
)

// newServeCmd is `podium serve`: the congress over SSH.
func newServeCmd(g *globals) *cobra.Command {
	var listen, access string
	var headless, fingerprint bool
	lim := serve.DefaultLimits()
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the congress to other terminals (SSH)",
		Long: `Own the database and serve the other terminals over SSH: each connection
gets its own screens on the same live congress, with the role the access
file gives its key. Without --headless this terminal is the host's own
screen, whose status line shows the host key's fingerprint at the start
(and ? always): the other terminals compare it on their first connection.
The host key is kept beside the database; --fingerprint prints its
fingerprint and serves nothing.

A connection must finish the SSH handshake within 10 s; connections are
capped in all and per address (--max-conns, --max-conns-per-addr); a
terminal that stops answering keepalives is dropped after 90 s; agent and
port forwarding are refused. With --headless these are logged.

Keys with the role standby may only follow the log (a second laptop
standing by) and tell this podium that they took over. --mirror also
writes every event to a second file, a USB stick: the database remembers
it for every later run; --mirror off forgets it.`,
		Example: `podium serve --access who.toml
podium serve --access who.toml --listen 0.0.0.0:23234 --headless
podium serve --access who.toml --mirror /media/usb/congress.mirror.db
podium serve --fingerprint`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if fingerprint {
				return printFingerprint(g, cmd.OutOrStdout())
			}
			if lim.MaxConns < 1 || lim.MaxConnsPerAddr < 1 {
				return usageError("serve: --max-conns and --max-conns-per-addr must be at least 1")
			}
			return runServe(g, listen, access, headless, lim, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&listen, "listen", serve.DefaultListen, "the ADDRESS (LAN: 0.0.0.0:23234)")
	f.StringVar(&access, "access", "", "the access FILE (TOML: [[user]] name, role, key)")
	f.BoolVar(&headless, "headless", false, "no screens here; serve until SIGINT/SIGTERM")
	f.BoolVar(&fingerprint, "fingerprint", false, "print the host key's fingerprint and stop")
	f.IntVar(&lim.MaxConns, "max-conns", lim.MaxConns, "at most N connections at once")
	f.IntVar(&lim.MaxConnsPerAddr, "max-conns-per-addr", lim.MaxConnsPerAddr, "at most N from one address")
	f.StringVar(&g.mirror, "mirror", "", mirrorHelp)
	return cmd
}

// printFingerprint prints the fingerprint of the host key kept beside the
// database (made now if there is none yet, as serve would), for the
// terminals to compare.
func printFingerprint(g *globals, stdout io.Writer) error {
	if !app.Exists(g.db) {
		return failed("%s does not exist; create a congress first (podium new)", g.db)
	}
	keyPath := serve.HostKeyPath(g.db)
	hostKey, created, err := serve.LoadHostKey(keyPath)
	if err != nil {
		return err
	}
	kept := "kept in"
	if created {
		kept = "new, kept in"
	}
	fmt.Fprintf(stdout, "%s (%s %s)\n", serve.Fingerprint(hostKey.PublicKey()), kept, keyPath)
	return nil
}

// mirrorHelp is --mirror's help, on podium and podium serve.
const mirrorHelp = "also write every event to the mirror FILE"

// serving is how podium serve serves: where, to whom, with which limits.
type serving struct {
	listen     string
	access     *serve.Access
	accessFile string
	headless   bool
	lim        serve.Limits
}

// runServe runs an SSH server owning the session, with the host's own
// screens in this terminal unless headless.
func runServe(g *globals, listen, accessFile string, headless bool, lim serve.Limits, stdout, stderr io.Writer) error {
	if accessFile == "" {
		return usageError("serve needs --access FILE")
	}
	access, err := serve.ReadAccess(accessFile)
	if err != nil {
		return &app.InputError{Err: err}
	}
	if !app.Exists(g.db) {
		return failed("%s does not exist; create a congress first (podium new)", g.db)
	}
	c, err := app.Open(g.db, 300*time.Millisecond)
	switch {
	case errors.Is(err, data.ErrInUse):
		return failed("%s is open in another podium; one process owns a congress, the others connect to it", g.db)
	case errors.Is(err, app.ErrNoCongress):
		return failed("%s holds no congress; create one first (podium new)", g.db)
	case err != nil:
		return err
	}
	defer c.Close()
	return serveCongress(g, c, serving{listen: listen, access: access, accessFile: accessFile, headless: headless, lim: lim}, stdout, stderr)
}

// serveCongress serves an open congress over SSH (runServe; a standby
// that took over), with its mirror, the host's screens unless headless.
func serveCongress(g *globals, c *app.Congress, sv serving, stdout, stderr io.Writer) error {
	keyPath := serve.HostKeyPath(g.db)
	hostKey, created, err := serve.LoadHostKey(keyPath)
	if err != nil {
		return err
	}
	logf := func(string, ...any) {}
	if sv.headless {
		logf = func(format string, a ...any) {
			fmt.Fprintf(stderr, "%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, a...))
		}
	} else {
		// The library's own logger would write over the host's screens.
		charmlog.SetOutput(io.Discard)
	}
	copies, stopCopies, err := startCopies(c, g.mirror, logf)
	if err != nil {
		return err
	}
	defer stopCopies()
	l, err := net.Listen("tcp", sv.listen)
	if err != nil {
		return failed("--listen %s: %v", sv.listen, err)
	}
	cfg := serve.Config{Now: g.now, Session: c.Session, Access: sv.access, HostKey: hostKey, Lang: g.lang, Limits: sv.lim,
		Drafts: c.Drafts(), Copies: copies, Standby: app.Serving{C: c}}
	if sv.headless {
		cfg.Logf = logf
	}
	srv, err := serve.New(cfg)
	if err != nil {
		l.Close()
		return err
	}
	kept := "kept in"
	if created {
		kept = "new, kept in"
	}
	banner := fmt.Sprintf("podium serve: %s\n  listening on %s for %d users of %s\n  host key %s (%s %s)\n  at most %d connections, %d from one address\n",
		c.Name(), l.Addr(), len(sv.access.Users), sv.accessFile, serve.Fingerprint(hostKey.PublicKey()), kept, keyPath, sv.lim.MaxConns, sv.lim.MaxConnsPerAddr)
	if c.Mirror != nil {
		banner += fmt.Sprintf("  mirror %s\n", c.Mirror.Path())
	}
	fmt.Fprint(stdout, banner)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()

	if sv.headless {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		// No screens verify the log here: verify it in the background as
		// they do (and check a checkpoint started from), and log it.
		logf("%s", c.Loaded())
		verified := make(chan error, 1)
		go func() { _, _, err := c.Verify(); verified <- err }()
	wait:
		for {
			select {
			case err := <-verified:
				verified = nil
				if err != nil {
					logf("%v", err)
				} else {
					logf("the log's hash chain is verified")
				}
			case <-ctx.Done():
				fmt.Fprintln(stdout, "podium serve: stopping")
				break wait
			case err := <-served:
				srv.Close()
				return err
			}
		}
		if err := srv.Close(); err != nil {
			return err
		}
		return <-served
	}
	err = runTUIServing(g, c, serve.Fingerprint(hostKey.PublicKey()), copies)
	cerr := srv.Close()
	<-served
	fmt.Fprint(stdout, banner)
	if err != nil {
		return err
	}
	return cerr
}
