package app

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"podium/data"
	"podium/session"
)

// Follows is what a standby's database records of the podium it follows
// (data.SettingFollows): where it is, the key the standby logs in with,
// the primary's host key (trusted at the first connection, then
// required), the standby's epoch when it began to follow, and whether
// the old primary has been told of a takeover.
type Follows struct {
	From     string `json:"from"`
	Identity string `json:"identity"`
	HostKey  string `json:"host_key,omitempty"`
	Epoch    int    `json:"epoch"`
	Told     bool   `json:"told,omitempty"`
}

// ReadFollows reads what the database records of the podium it follows;
// ok is false for a database that never followed one.
func ReadFollows(store *data.Store) (f Follows, ok bool, err error) {
	v, err := store.Setting(data.SettingFollows)
	if err != nil || v == "" {
		return f, false, err
	}
	if err := json.Unmarshal([]byte(v), &f); err != nil {
		return f, false, fmt.Errorf("%s: the setting %q is malformed: %w", store.Path(), data.SettingFollows, err)
	}
	return f, true, nil
}

// WriteFollows records it.
func WriteFollows(store *data.Store, f Follows) error {
	v, err := json.Marshal(f)
	if err != nil {
		return err
	}
	return store.SetSetting(data.SettingFollows, string(v))
}

// StandbyError: a standby's database was opened to be written: it follows
// another podium and writes nothing of its own until it takes over.
type StandbyError struct {
	DB, From string
}

// Error says what to do.
func (e *StandbyError) Error() string {
	return fmt.Sprintf("%s is the standby of the podium at %s: it copies that podium's log and writes nothing of its own. Follow it with podium standby, or, if that podium is gone, take over with podium takeover --db %s", e.DB, e.From, e.DB)
}

// checkWriter refuses to write a standby's database that has not taken
// over since it began to follow: two podiums must never extend the same
// chain.
func checkWriter(db string, store *data.Store, sess *session.Session) error {
	f, ok, err := ReadFollows(store)
	if err != nil || !ok {
		return err
	}
	epoch := 1
	if sess != nil {
		sess.Read(func(st *session.State) { epoch = st.Epoch() })
	}
	if epoch <= f.Epoch {
		return &StandbyError{DB: db, From: f.From}
	}
	return nil
}

// TakeOver records, on a standby, that it takes the congress over from
// the podium it followed (from: its address): a takeover event by who, at
// at, in a new epoch. The caller stops following first. The session
// refuses it as it refuses any command (a clock behind the last event,
// say).
func TakeOver(sess *session.Session, who, from string, at time.Time) (session.Event, error) {
	evs, err := sess.Execute(session.TakeOver{Meta: session.Meta{At: at, Actor: who, Role: session.RoleHost}, From: from})
	if err != nil {
		return session.Event{}, err
	}
	return evs[0], nil
}

// TakeoverNotice returns the line (podium log's, EventLine) of the last
// takeover in the log, which the podium taken over is told (podium fence
// over SSH); ok is false when the log was never taken over.
func TakeoverNotice(store *data.Store, sess *session.Session) (line []byte, ok bool, err error) {
	var seq uint64
	sess.Read(func(st *session.State) {
		if n := len(st.Takeovers); n > 0 {
			seq = st.Takeovers[n-1].Seq
		}
	})
	if seq == 0 {
		return nil, false, nil
	}
	err = store.RecordsFrom(seq, func(r data.Stored) error {
		line, err = EventLine(r)
		return errBatch
	})
	if err != nil && err != errBatch {
		return nil, false, err
	}
	return line, true, nil
}

// Fenced is what a podium answers when told of its takeover.
type Fenced struct {
	*session.FencedError
	// After is how many events this podium wrote after the last one the
	// podium that took over received: they are not in its chain.
	After uint64
}

// AcceptTakeover takes a takeover notice (one line of podium log: the
// takeover event of a standby of this podium) read from r: if it proves
// a takeover of this log in a newer epoch, the store refuses every write
// from now on (data.Store.Fence), and the screens say who took over.
func AcceptTakeover(store *data.Store, sess *session.Session, r io.Reader) (Fenced, error) {
	line, err := readLine(bufio.NewReaderSize(io.LimitReader(r, 1<<20), 64<<10))
	if err != nil && !errors.Is(err, io.EOF) {
		return Fenced{}, err
	}
	w, rec, err := parseWire(line)
	if err != nil {
		return Fenced{}, err
	}
	if w.Seq == nil {
		return Fenced{}, errors.New("the notice is not an event line of podium log")
	}
	e, err := session.Decode(rec.Data)
	if err != nil {
		return Fenced{}, fmt.Errorf("the notice cannot be read: %w", err)
	}
	fe, ok := session.FenceOf(e)
	if !ok {
		return Fenced{}, fmt.Errorf("the notice is a %s, not a takeover", session.KindOf(e.Body).Name)
	}
	var epoch int
	sess.Read(func(st *session.State) { epoch = st.Epoch() })
	if fe.Epoch <= epoch {
		return Fenced{}, fmt.Errorf("the takeover is in epoch %d; this podium is in epoch %d already", fe.Epoch, epoch)
	}
	fe, after, err := store.Fence(rec)
	if err != nil {
		return Fenced{}, err
	}
	return Fenced{FencedError: fe, After: after}, nil
}

// String is the answer's line: who took over, when, and what this podium
// wrote that the other lacks.
func (f Fenced) String() string {
	s := fmt.Sprintf("fenced: %s took this congress over at %s (event %d, epoch %d); this podium writes nothing more",
		f.By, f.At.In(cst).Format(time.RFC3339), f.Seq, f.Epoch)
	if f.After > 0 {
		s += fmt.Sprintf("; its events %d–%d were not received there: enter them again on the podium that took over", f.Seq, f.Seq+f.After-1)
	}
	return s
}

// OpenStandby opens a standby's database, to follow a podium or to take
// over from it: the log (created when missing) and its session, which may
// hold no congress yet. Unlike Open it opens a database that follows a
// podium; the caller writes to it only by following (Standby) or by
// taking over (TakeOver).
func OpenStandby(db string, wait time.Duration) (*Congress, error) {
	store, err := data.Open(db, data.Options{Timeout: wait})
	if err != nil {
		return nil, err
	}
	sess, err := session.Follower(store)
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("%s: %w", db, err)
	}
	return &Congress{DB: db, Store: store, Session: sess, close: store.Close}, nil
}

// Following reports how a standby's database stands: f what it records of
// the podium it follows (ok false: it follows none), and tookOver whether
// it took over since it began to follow.
func (c *Congress) Following() (f Follows, ok, tookOver bool, err error) {
	f, ok, err = ReadFollows(c.Store)
	if err != nil || !ok {
		return f, ok, false, err
	}
	var epoch int
	c.Session.Read(func(st *session.State) { epoch = st.Epoch() })
	return f, true, epoch > f.Epoch, nil
}
