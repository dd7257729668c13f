package main

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

	"podium/data"
	"podium/serve"
	"podium/session"
)

// runServe is podium serve: an SSH server owning the session, with the
// host's own screens in this terminal unless --headless.
func runServe(g *globals, args []string, stdout, stderr io.Writer) error {
	fs := g.flags("serve", stderr)
	listen := fs.String("listen", serve.DefaultListen, "the `ADDR`ESS to listen on (0.0.0.0:23234 for the LAN)")
	accessFile := fs.String("access", "", "the access `FILE` (TOML: [[user]] name, role, key)")
	headless := fs.Bool("headless", false, "serve only, with no screens in this terminal, until SIGINT/SIGTERM")
	if err := g.parse(fs, args); err != nil {
		return err
	}
	if *accessFile == "" {
		return usageError("serve needs --access FILE")
	}
	access, err := serve.ReadAccess(*accessFile)
	if err != nil {
		return exitError{exitUsage, "podium: " + err.Error()}
	}
	if !exists(g.db) {
		return exitError{1, fmt.Sprintf("podium: %s does not exist; create a congress first (podium new)", g.db)}
	}
	store, err := data.Open(g.db, data.Options{Timeout: 300 * time.Millisecond})
	if errors.Is(err, data.ErrInUse) {
		return exitError{1, fmt.Sprintf("podium: %s is open in another podium; one process owns a congress, the others connect to it", g.db)}
	}
	if err != nil {
		return err
	}
	defer store.Close()
	s, err := session.Load(store)
	if errors.Is(err, session.ErrEmpty) {
		return exitError{1, fmt.Sprintf("podium: %s holds no congress; create one first (podium new)", g.db)}
	}
	if err != nil {
		return fmt.Errorf("%s: %w", g.db, err)
	}
	keyPath := serve.HostKeyPath(g.db)
	hostKey, created, err := serve.LoadHostKey(keyPath)
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", *listen)
	if err != nil {
		return exitError{1, fmt.Sprintf("podium: --listen %s: %v", *listen, err)}
	}
	cfg := serve.Config{Session: s, Access: access, HostKey: hostKey, Lang: g.lang}
	if *headless {
		cfg.Logf = func(format string, a ...any) {
			fmt.Fprintf(stderr, "%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, a...))
		}
	} else {
		// The library's own logger would write over the host's screens.
		charmlog.SetOutput(io.Discard)
	}
	srv, err := serve.New(cfg)
	if err != nil {
		l.Close()
		return err
	}
	var name string
	s.Read(func(st *session.State) { name = st.Setup.Meeting.Name })
	kept := "kept in"
	if created {
		kept = "new, kept in"
	}
	banner := fmt.Sprintf("podium serve: %s\n  listening on %s for %d users of %s\n  host key %s (%s %s)\n",
		name, l.Addr(), len(access.Users), *accessFile, serve.Fingerprint(hostKey.PublicKey()), kept, keyPath)
	fmt.Fprint(stdout, banner)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()

	if *headless {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		select {
		case <-ctx.Done():
			fmt.Fprintln(stdout, "podium serve: stopping")
		case err := <-served:
			srv.Close()
			return err
		}
		if err := srv.Close(); err != nil {
			return err
		}
		return <-served
	}
	err = runTUI(g, store, s)
	cerr := srv.Close()
	<-served
	fmt.Fprint(stdout, banner)
	if err != nil {
		return err
	}
	return cerr
}
