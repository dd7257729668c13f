package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"podium/internal/app"
	"podium/serve"
	"podium/session"
	"podium/tui"
)

// startCopies starts what keeps copies of an open congress: its mirror
// file (mirror: --mirror, "" for the one recorded) and, on a standby that
// took over, the telling of the podium it took over from (retried in the
// background until that podium answers). It returns the header's Copies
// and a function that stops the teller (closing the congress stops the
// mirror).
func startCopies(c *app.Congress, mirror string, logf func(string, ...any)) (func() tui.Copies, func(), error) {
	if err := c.StartMirror(mirror); err != nil {
		return nil, nil, err
	}
	if c.Mirror != nil {
		logf("mirroring every event to %s", c.Mirror.Path())
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{}, 2)
	go func() {
		defer func() { done <- struct{}{} }()
		keepTelling(ctx, c, logf)
	}()
	go func() {
		defer func() { done <- struct{}{} }()
		watchMirror(ctx, c, logf)
	}()
	stop := func() { cancel(); <-done; <-done }
	return func() tui.Copies { return congressCopies(c) }, stop, nil
}

// watchMirror logs when the mirror starts failing and when it is back.
func watchMirror(ctx context.Context, c *app.Congress, logf func(string, ...any)) {
	if c.Mirror == nil {
		return
	}
	var failing string
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		st := c.Mirror.Status()
		switch {
		case st.Err != nil && st.Err.Error() != failing:
			failing = st.Err.Error()
			logf("the mirror %s cannot be written: %v (retried every second)", st.Path, st.Err)
		case st.Err == nil && failing != "":
			failing = ""
			logf("the mirror %s is back, in step at event %d", st.Path, st.Seq)
		}
	}
}

// congressCopies is how the copies of an open congress stand.
func congressCopies(c *app.Congress) tui.Copies {
	var cp tui.Copies
	if c.Mirror != nil {
		st := c.Mirror.Status()
		cp.Mirror, cp.MirrorErr = st.Path, st.Err
	}
	cp.Fenced = c.Store.Fenced()
	return cp
}

// keepTelling tells the podium a standby took over from, every 5 s until
// it answers or ctx ends. Nothing to do when the congress was never taken
// over here, or the old podium was told already.
func keepTelling(ctx context.Context, c *app.Congress, logf func(string, ...any)) {
	for {
		f, due, err := tellDue(c)
		if err != nil || !due {
			return
		}
		reply, err := tellOldPrimary(ctx, c, f)
		var refused *refusedError
		switch {
		case err == nil:
			logf("told %s of the takeover: %s", f.From, reply)
			f.Told = true
			if err := app.WriteFollows(c.Store, f); err != nil {
				logf("recording that %s was told: %v", f.From, err)
			}
			return
		case errors.As(err, &refused):
			logf("%s did not take the takeover: %v", f.From, err)
			return
		default:
			logf("cannot reach %s to tell it of the takeover (%v); trying again", f.From, err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(5 * time.Second):
		}
	}
}

// tellDue reports whether the podium this one took over from is still to
// be told.
func tellDue(c *app.Congress) (app.Follows, bool, error) {
	f, ok, err := app.ReadFollows(c.Store)
	if err != nil || !ok || f.Told || f.From == "" {
		return f, false, err
	}
	var epoch int
	c.Session.Read(func(st *session.State) { epoch = st.Epoch() })
	return f, epoch > f.Epoch, nil
}

// refusedError: the old podium answered the takeover notice with a
// refusal.
type refusedError struct{ msg string }

func (e *refusedError) Error() string { return e.msg }

// tellOldPrimary tells the podium at f.From that this one took the
// congress over (podium fence over SSH, with the standby's key) and
// returns its answer.
func tellOldPrimary(ctx context.Context, c *app.Congress, f app.Follows) (string, error) {
	notice, ok, err := app.TakeoverNotice(c.Store, c.Session)
	if err != nil || !ok {
		return "", fmt.Errorf("no takeover to tell: %v", err)
	}
	key, err := readIdentity(f.Identity)
	if err != nil {
		return "", err
	}
	trusted, err := hostKeyOf(f)
	if err != nil {
		return "", err
	}
	dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	p, err := serve.DialPrimary(dctx, f.From, key, trusted)
	if err != nil {
		return "", err
	}
	defer p.Close()
	out, err := p.Run([]string{"podium", "fence"}, strings.NewReader(string(notice)+"\n"))
	if err != nil {
		return "", err
	}
	defer out.Close()
	reply, err := io.ReadAll(io.LimitReader(out, 4096))
	if err != nil {
		return "", &refusedError{err.Error()}
	}
	return strings.TrimSpace(string(reply)), nil
}

// readIdentity reads a standby's private key (unencrypted: a standby runs
// unattended).
func readIdentity(path string) (gossh.Signer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &app.InputError{Err: fmt.Errorf("--identity %s: %w", path, err)}
	}
	k, err := gossh.ParsePrivateKey(b)
	var pp *gossh.PassphraseMissingError
	switch {
	case errors.As(err, &pp):
		return nil, &app.InputError{Err: fmt.Errorf("--identity %s: the key has a passphrase; a standby needs a key without one (ssh-keygen -t ed25519 -N '' -f %s)", path, path)}
	case err != nil:
		return nil, &app.InputError{Err: fmt.Errorf("--identity %s: not an SSH private key: %w", path, err)}
	}
	return k, nil
}

// hostKeyOf is the primary's host key a standby trusts (nil: none yet).
func hostKeyOf(f app.Follows) (gossh.PublicKey, error) {
	if f.HostKey == "" {
		return nil, nil
	}
	k, _, _, _, err := gossh.ParseAuthorizedKey([]byte(f.HostKey))
	if err != nil {
		return nil, fmt.Errorf("the primary's host key recorded is malformed: %w", err)
	}
	return k, nil
}
