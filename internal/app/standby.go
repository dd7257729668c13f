package app

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"podium/data"
	"podium/session"
)

// Connect is how a standby reaches its primary: it asks for the log
// (LogRequest) and returns the stream of lines (Ship's), or an error when
// the primary cannot be reached. Closing the stream ends the request.
type Connect func(ctx context.Context, req LogRequest) (io.ReadCloser, error)

// Standby keeps a durable copy of another podium's log (its primary),
// event by event as they are committed there: it asks for the events
// after its last one, checks each link (data.Store.AppendStored), stores
// them in its own log, fsync'd, and applies them to its session for its
// screens. A lost connection is retried every second; logs that part, or
// epochs that say one of the two took over, stop it (*FollowError).
type Standby struct {
	Store   *data.Store
	Session *session.Session
	// From is the primary's address, as the status shows it.
	From string
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Stored, when set, hears of each batch stored, with the primary's
	// last event as last heard and the time (tests measure the lag).
	Stored func(recs []data.Stored, head uint64, at time.Time)
	// Silence is how long the primary may say nothing before the
	// connection is given up (it writes a status line every second);
	// Retry how long to wait before connecting again. Defaults 5 s, 1 s.
	Silence, Retry time.Duration

	mu     sync.Mutex
	status StandbyStatus
	since  time.Time // behind since (zero: in step)
}

// StandbyStatus is how a standby stands.
type StandbyStatus struct {
	From      string
	Connected bool
	// Seq is the last event held here; Head the primary's, as last
	// heard; Behind how many events this standby lacks of it, and Lag for
	// how long it has lacked some (0 when in step).
	Seq, Head, Behind uint64
	Lag               time.Duration
	// Epoch is this log's epoch, PrimaryEpoch the primary's.
	Epoch, PrimaryEpoch int
	// Heard is when the primary last wrote a line; Skew is this
	// machine's clock minus the primary's then (with the network's delay).
	Heard time.Time
	Skew  time.Duration
	// Err is why the last connection ended or failed (it is retried);
	// Stopped why following stopped for good (a *FollowError).
	Err, Stopped error
}

// Status returns the standby's state now.
func (sb *Standby) Status() StandbyStatus {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	st := sb.status
	st.From = sb.From
	if !sb.since.IsZero() {
		st.Lag = sb.now().Sub(sb.since)
	}
	return st
}

func (sb *Standby) now() time.Time {
	if sb.Now != nil {
		return sb.Now()
	}
	return time.Now()
}

// Run follows the primary until ctx ends (nil) or following must stop (a
// *FollowError, also kept in Status().Stopped).
func (sb *Standby) Run(ctx context.Context, connect Connect) error {
	retry := sb.Retry
	if retry <= 0 {
		retry = time.Second
	}
	for {
		err := sb.once(ctx, connect)
		var fe *FollowError
		sb.mu.Lock()
		sb.status.Connected = false
		if errors.As(err, &fe) {
			sb.status.Stopped = err
			sb.mu.Unlock()
			return err
		}
		if ctx.Err() != nil {
			sb.mu.Unlock()
			return nil
		}
		sb.status.Err = err
		sb.mu.Unlock()
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(retry):
		}
	}
}

// errSilent: the primary said nothing for too long.
var errSilent = errors.New("the primary has said nothing for too long")

// once follows the primary over one connection.
func (sb *Standby) once(ctx context.Context, connect Connect) error {
	seq, hash := sb.Store.Head()
	req := LogRequest{From: seq + 1, After: hash, Epoch: sb.epoch()}
	sb.mu.Lock()
	sb.status.Seq, sb.status.Epoch = seq, req.Epoch
	sb.mu.Unlock()
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	rc, err := connect(cctx, req)
	if err != nil {
		return err
	}
	defer rc.Close()
	silence := sb.Silence
	if silence <= 0 {
		silence = 5 * time.Second
	}
	heard := make(chan struct{}, 1)
	silent := make(chan struct{})
	go func() { // close the stream when the primary falls silent or ctx ends
		t := time.NewTimer(silence)
		defer t.Stop()
		for {
			select {
			case <-cctx.Done():
				rc.Close()
				return
			case <-heard:
				t.Reset(silence)
			case <-t.C:
				close(silent)
				rc.Close()
				return
			}
		}
	}()
	br := bufio.NewReaderSize(rc, 1<<20)
	var batch []data.Stored
	for {
		line, err := readLine(br)
		if err != nil {
			select {
			case <-silent:
				return errSilent
			default:
			}
			if errors.Is(err, io.EOF) {
				return errors.New("the primary closed the connection")
			}
			return err
		}
		select {
		case heard <- struct{}{}:
		default:
		}
		w, rec, err := parseWire(line)
		if err != nil {
			return &FollowError{Code: "record", Msg: err.Error()}
		}
		if w.Seq == nil {
			if err := sb.heard(w); err != nil {
				return err
			}
		} else {
			batch = append(batch, rec)
		}
		if len(batch) > 0 && (br.Buffered() == 0 || len(batch) >= shipBatch) {
			if err := sb.store(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
}

// epoch is this log's epoch.
func (sb *Standby) epoch() int {
	var e int
	sb.Session.Read(func(st *session.State) { e = st.Epoch() })
	return e
}

// heard takes in a status or error line.
func (sb *Standby) heard(w wireLine) error {
	if w.Error != "" {
		return &FollowError{Code: w.Code, Seq: w.Event, Msg: "the primary refuses: " + w.Error}
	}
	if w.Head == nil {
		return &FollowError{Code: "record", Msg: "a line of the primary is neither an event nor a status"}
	}
	now := sb.now()
	mine := sb.epoch()
	sb.mu.Lock()
	defer sb.mu.Unlock()
	st := &sb.status
	st.Connected, st.Err, st.Head, st.PrimaryEpoch, st.Heard, st.Epoch = true, nil, *w.Head, w.Epoch, now, mine
	if at, err := time.Parse(time.RFC3339Nano, w.At); err == nil {
		st.Skew = now.Sub(at)
	}
	sb.behind(now)
	if w.Epoch < mine {
		return &FollowError{Code: CodeEpoch, Msg: fmt.Sprintf(
			"the primary is in epoch %d, this standby in epoch %d: this congress was taken over from it, so it is not followed", w.Epoch, mine)}
	}
	return nil
}

// behind updates Behind and since when. Called with sb.mu held.
func (sb *Standby) behind(now time.Time) {
	st := &sb.status
	st.Behind = 0
	if st.Head > st.Seq {
		st.Behind = st.Head - st.Seq
	}
	switch {
	case st.Behind == 0:
		sb.since = time.Time{}
	case sb.since.IsZero():
		sb.since = now
	}
}

// store checks, stores and applies a batch of the primary's events.
func (sb *Standby) store(batch []data.Stored) error {
	evs := make([]session.Event, len(batch))
	for i, r := range batch {
		e, err := session.Decode(r.Data)
		if err == nil && e.Seq != r.Seq {
			err = fmt.Errorf("numbered %d", e.Seq)
		}
		if err != nil {
			return &FollowError{Code: "record", Seq: r.Seq, Msg: fmt.Sprintf("event %d of the primary cannot be read here: %v (is this podium older than the primary's?)", r.Seq, err)}
		}
		evs[i] = e
	}
	if err := sb.Store.AppendStored(batch); err != nil {
		var fork *data.ForkError
		var seqErr *data.SeqError
		switch {
		case errors.As(err, &fork):
			return &FollowError{Code: CodeFork, Seq: fork.Seq, Msg: fmt.Sprintf(
				"the primary's event %d does not link to this standby's event %d: the two logs part (podium verify --against finds where)", fork.Seq+1, fork.Seq)}
		case errors.As(err, &seqErr):
			return &FollowError{Code: "record", Seq: seqErr.Got, Msg: "the primary sent " + seqErr.Error()}
		}
		return err
	}
	if err := sb.Session.Follow(evs); err != nil {
		return &FollowError{Code: "record", Seq: batch[0].Seq, Msg: fmt.Sprintf("the primary's events cannot be applied here: %v", err)}
	}
	now, epoch, last := sb.now(), sb.epoch(), batch[len(batch)-1].Seq
	sb.mu.Lock()
	sb.status.Seq, sb.status.Epoch = last, epoch
	sb.status.Head = max(sb.status.Head, last)
	head := sb.status.Head
	sb.behind(now)
	sb.mu.Unlock()
	if sb.Stored != nil {
		sb.Stored(batch, head, now)
	}
	return nil
}
