package app

import (
	"fmt"
	"os"

	"podium/data"
	"podium/session"
)

// CheckpointTail is how many events replayed after the checkpoint at
// start make a verification write a new one (a start without a
// checkpoint always does).
const CheckpointTail = 1000

// CheckpointError: the state podium started from — resumed from the
// checkpoint beside the database — is not the state of the log replayed
// in full (session.Session.Checked), or the replay that checks it failed.
// Nothing was recorded on it: the session refused every command. The record
// is not affected (the log is whole and verified); the running state may
// be wrong. The checkpoint has been removed (unless Left names it) and
// this podium writes no other: restart podium, which then replays the log
// in full. The screens show it as they show a broken chain.
type CheckpointError struct {
	// Path is the checkpoint file.
	Path string
	// Seq is the checkpoint's last event.
	Seq uint64
	// Left is the checkpoint file when it could not be removed (remove
	// it by hand before restarting), "" once removed.
	Left string
	// Err is the difference (a *session.ImageError), or the error of the
	// replay that checks it.
	Err error
}

// Error says what differs and what to do.
func (e *CheckpointError) Error() string {
	s := fmt.Sprintf("the state podium started from (the checkpoint %s of event %d) could not be confirmed against the log replayed in full: %v; ", e.Path, e.Seq, e.Err)
	if e.Left != "" {
		return s + "remove " + e.Left + " (it could not be removed) and restart podium, which then replays the log in full"
	}
	return s + "the checkpoint is removed: restart podium, which then replays the log in full"
}

// Unwrap returns the difference.
func (e *CheckpointError) Unwrap() error { return e.Err }

// Checkpoint returns the checkpoint's last event and, when it could not
// be removed, its file ("" once removed): what the screens show.
func (e *CheckpointError) Checkpoint() (seq uint64, left string) { return e.Seq, e.Left }

// Loaded says how the session was loaded: from a checkpoint and the
// events after it, or by replaying the log in full (and why), for a note
// or a log line.
func (c *Congress) Loaded() data.Loaded {
	c.ckptMu.Lock()
	defer c.ckptMu.Unlock()
	return c.loaded
}

// checkImage checks the session resumed from the checkpoint against a
// full replay of the log (resumedCheck), once the chain is verified. A
// writer then keeps a new checkpoint when none was used at start or the
// tail replayed after it was long (CheckpointTail): written from a full
// replay (session.Image), never from the running state; failing to write
// one is not an error.
func (c *Congress) checkImage() error {
	c.ckptMu.Lock()
	defer c.ckptMu.Unlock()
	if c.closed {
		return nil
	}
	if err := c.resumedCheck(); err != nil {
		return err
	}
	if !c.loaded.Resumed || c.loaded.Replayed >= CheckpointTail {
		c.keepCheckpoint()
	}
	return nil
}

// resumedCheck checks a session resumed from the checkpoint against a
// full replay of the log (session.Session.Checked, which holds every
// command back until it is done), once: on a difference it removes the
// checkpoint, stops writing checkpoints and returns a *CheckpointError
// (every later call too). Either way it removes the mark that a check is
// due (uncheckedPath). It is called with ckptMu held: by Open's
// background check, Verify and Close.
func (c *Congress) resumedCheck() error {
	if !c.loaded.Resumed || c.checked {
		return c.checkErr
	}
	c.checked = true
	if err := c.Session.Checked(); err != nil {
		c.noCheckpoints = true
		path := data.CheckpointPath(c.Store.Path())
		e := &CheckpointError{Path: path, Seq: c.loaded.Seq, Err: err}
		if rerr := data.RemoveCheckpoint(c.Store.Path()); rerr != nil {
			e.Left = path
		}
		c.checkErr = e
	}
	os.Remove(uncheckedPath(c.Store.Path()))
	return c.checkErr
}

// uncheckedPath is the mark beside the database that the podium running
// it started from its checkpoint and has not checked it yet: when a
// podium finds it at start, the last one stopped (a crash, a kill) before
// its check, and the checkpoint is not used again — a checkpoint that
// stops podium before it is checked cannot stop it twice.
func uncheckedPath(db string) string { return data.CheckpointPath(db) + ".unchecked" }

// forgetUnchecked removes the checkpoint beside db when the mark of an
// unchecked start is there, and the mark.
func forgetUnchecked(db string) {
	if _, err := os.Stat(uncheckedPath(db)); err == nil {
		data.RemoveCheckpoint(db)
		os.Remove(uncheckedPath(db))
	}
}

// keepCheckpoint writes a checkpoint of the whole log from a full replay
// (session.Image) when this podium writes the log, has not found a
// checkpoint wrong, and the log is past the checkpoint it knows of. It is
// called with ckptMu held. A checkpoint is a cache: its errors are
// ignored.
func (c *Congress) keepCheckpoint() {
	if !c.writer || c.noCheckpoints || c.Store.Len() <= c.ckptSeq {
		return
	}
	image, seq, err := session.Image(c.Store)
	if err != nil {
		return
	}
	if c.Store.SaveCheckpoint(seq, image) == nil {
		c.ckptSeq = seq
	}
}
