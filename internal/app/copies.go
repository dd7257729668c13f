package app

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"podium/data"
)

// MirrorOff, given as the mirror's path, forgets the mirror recorded in
// the database.
const MirrorOff = "off"

// StartMirror starts copying the congress's log to a mirror file (a USB
// stick, a second disk; data.Mirror). path, when given (--mirror), is
// recorded in the database as its mirror, so that every later run of this
// congress keeps it; MirrorOff forgets it; "" uses the one recorded, if
// any. Close stops the mirror after its last copy. A congress mirrored
// already keeps its mirror.
func (c *Congress) StartMirror(path string) error {
	if c.Mirror != nil {
		return nil
	}
	switch path {
	case MirrorOff:
		return c.Store.SetSetting(data.SettingMirror, "")
	case "":
		var err error
		if path, err = c.Store.Setting(data.SettingMirror); err != nil || path == "" {
			return err
		}
	default:
		abs, err := filepath.Abs(path)
		if err != nil {
			return badInput(fmt.Errorf("--mirror %s: %w", path, err))
		}
		if err := c.Store.SetSetting(data.SettingMirror, abs); err != nil {
			return err
		}
		path = abs
	}
	m, err := data.StartMirror(c.Store, path)
	if err != nil {
		return badInput(err)
	}
	c.Mirror = m
	return nil
}

// Serving is the standby service of a congress for podium serve
// (serve.StandbyService): the log for a standby, and its takeover told.
type Serving struct {
	C *Congress
	// Now is the clock of the status lines; time.Now when nil.
	Now func() time.Time
}

// Log ships the log for a standby's request (the exec command's words).
func (s Serving) Log(ctx context.Context, args []string, w io.Writer) error {
	req, err := ParseLogRequest(args)
	if err != nil {
		return badInput(err)
	}
	return Ship(ctx, s.C.Store, s.C.Session, req, w, s.Now)
}

// Fence takes a standby's takeover notice and answers with the line of
// Fenced.
func (s Serving) Fence(_ context.Context, r io.Reader, w io.Writer) error {
	f, err := AcceptTakeover(s.C.Store, s.C.Session, r)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(w, f.String())
	return err
}
