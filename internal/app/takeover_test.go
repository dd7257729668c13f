package app

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"podium/data"
	"podium/files"
	"podium/session"
)

// node is one podium in a test: its log and its session.
type node struct {
	path  string
	store *data.Store
	sess  *session.Session
}

func newNode(t testing.TB, path string, setup bool) *node {
	t.Helper()
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	n := &node{path: path, store: st}
	if setup {
		n.sess, err = session.Create(st, session.Open{Meta: session.Meta{At: at, Actor: "host"}, Setup: files.Demo()})
	} else {
		n.sess, err = session.Follower(st)
	}
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// marks gives k check-ins on the node, the i-th at at+i seconds.
func (n *node) marks(t testing.TB, from, k int) {
	t.Helper()
	for i := from; i < from+k; i++ {
		if _, err := n.sess.Execute(flip(n.sess, i, "desk-1", at.Add(time.Duration(i)*time.Second))); err != nil {
			t.Fatalf("mark %d on %s: %v", i, filepath.Base(n.path), err)
		}
	}
}

func (n *node) head() uint64 { h, _ := n.store.Head(); return h }

// pipeTo connects a standby to a primary in the same process, as the SSH
// exec channel would.
func pipeTo(p *node) Connect {
	return func(ctx context.Context, req LogRequest) (io.ReadCloser, error) {
		r, w := io.Pipe()
		go func() { w.CloseWithError(Ship(ctx, p.store, p.sess, req, w, nil)) }()
		return r, nil
	}
}

// follow runs a standby of p on n until it holds want events, or until
// it stops (its error).
func follow(t *testing.T, n, p *node, want uint64) error {
	t.Helper()
	sb := &Standby{Store: n.store, Session: n.sess, From: "p", Retry: 10 * time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ran := make(chan error, 1)
	go func() { ran <- sb.Run(ctx, pipeTo(p)) }()
	deadline := time.After(time.Minute) // a loaded machine is slow; all is well in well under a second
	for st := sb.Status(); st.Seq < want || !st.Connected; st = sb.Status() {
		select {
		case err := <-ran:
			return err
		case <-deadline:
			t.Fatalf("the standby holds %d of %d events: %+v", n.head(), want, sb.Status())
		case <-time.After(5 * time.Millisecond):
		}
	}
	st := sb.Status()
	if st.Seq != want || st.Behind != 0 || !st.Connected {
		t.Errorf("status when caught up: %+v", st)
	}
	cancel()
	return <-ran
}

// TestTwoWritersNeverUnnoticed: a standby follows; the link is cut; the
// primary writes on while the standby takes over and writes too. Each
// step that could let two writers extend the same chain unnoticed is
// refused: the standby's database cannot be opened as a writer before it
// takes over; told of the takeover, the old primary refuses every write,
// names who took over and the events it wrote that the other lacks, and
// ships its log to no standby; the new primary refuses a standby of the
// old chain (fork) and the old one refuses the new (epoch); podium
// verify --against names the event where the two files part.
func TestTwoWritersNeverUnnoticed(t *testing.T) {
	dir := t.TempDir()
	p := newNode(t, filepath.Join(dir, "p.db"), true)
	p.marks(t, 1, 30)
	s := newNode(t, filepath.Join(dir, "s.db"), false)
	if err := WriteFollows(s.store, Follows{From: "p:23234", Epoch: 1}); err != nil {
		t.Fatal(err)
	}
	if err := follow(t, s, p, 31); err != nil {
		t.Fatal(err)
	}
	var sbErr *StandbyError
	if err := checkWriter(s.path, s.store, s.sess); !errors.As(err, &sbErr) {
		t.Errorf("a standby's database as a writer: %v", err)
	}

	p.marks(t, 31, 3) // 32–34: never reach the standby
	ev, err := TakeOver(s.sess, "host", "p:23234", at.Add(time.Hour))
	if err != nil || ev.Seq != 32 {
		t.Fatalf("takeover: %+v %v", ev, err)
	}
	if err := checkWriter(s.path, s.store, s.sess); err != nil {
		t.Errorf("the standby after its takeover: %v", err)
	}
	s.marks(t, 3600+100, 2) // 33–34 on the new primary

	notice, ok, err := TakeoverNotice(s.store, s.sess)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	f, err := AcceptTakeover(p.store, p.sess, strings.NewReader(string(notice)+"\n"))
	if err != nil || f.Seq != 32 || f.Epoch != 2 || f.After != 3 {
		t.Fatalf("fence: %+v %v", f, err)
	}
	if !strings.Contains(f.String(), "events 32–34") {
		t.Errorf("the answer: %s", f)
	}
	var fenced *session.FencedError
	if _, err := p.sess.Execute(flip(p.sess, 99, "desk-1", at.Add(2*time.Hour))); !errors.As(err, &fenced) || fenced.By != "host" {
		t.Errorf("the old primary writes on: %v", err)
	}
	if _, err := AcceptTakeover(s.store, s.sess, strings.NewReader(string(notice)+"\n")); err == nil {
		t.Error("the new primary took its own takeover as a fence")
	}

	var fe *FollowError
	fresh := newNode(t, filepath.Join(dir, "fresh.db"), false)
	if err := follow(t, fresh, p, 1); !errors.As(err, &fe) || fe.Code != CodeFenced {
		t.Errorf("a standby of the fenced primary: %v", err)
	}
	if err := follow(t, s, p, 99); !errors.As(err, &fe) || fe.Code != CodeEpoch {
		t.Errorf("the new primary following the old: %v", err)
	}
	old := newNode(t, filepath.Join(dir, "old.db"), false)
	cp := func(from, to uint64) {
		var batch []data.Stored
		p.store.RecordsFrom(from, func(r data.Stored) error {
			if r.Seq <= to {
				batch = append(batch, data.Stored{Seq: r.Seq, Link: append([]byte(nil), r.Link...), Data: append([]byte(nil), r.Data...)})
			}
			return nil
		})
		if err := old.store.AppendStored(batch); err != nil {
			t.Fatal(err)
		}
	}
	cp(1, 34) // the old primary's whole chain, fork included
	old.sess, _ = session.Follower(old.store)
	if err := follow(t, old, s, 99); !errors.As(err, &fe) || fe.Code != CodeFork || fe.Seq != 34 {
		t.Errorf("a standby of the old chain following the new primary: %v", err)
	}
	if err := follow(t, fresh, s, 34); err != nil {
		t.Errorf("a new standby of the new primary: %v", err)
	}

	a, err := VerifyAgainst(context.Background(), p.path, s.path)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Forked() || a.Same != 31 || a.Here == nil || a.Here.Kind != "marked" || a.There == nil || a.There.Kind != "taken_over" {
		t.Errorf("verify --against: %+v here %v there %v", a.Comparison, a.Here, a.There)
	}
	b, err := VerifyAgainst(context.Background(), s.path, fresh.path)
	if err != nil || b.Forked() || b.Same != 34 || b.Events != 34 || b.Head != b.OtherHead {
		t.Errorf("a standby against its primary: %+v %v", b, err)
	}
}

// TestShipRefuses: a request the primary cannot serve is answered by one
// error line: a standby ahead of it, or whose last event differs.
func TestShipRefuses(t *testing.T) {
	dir := t.TempDir()
	p := newNode(t, filepath.Join(dir, "p.db"), true)
	p.marks(t, 1, 5)
	var out strings.Builder
	var fe *FollowError
	err := Ship(context.Background(), p.store, p.sess, LogRequest{From: 10, Epoch: 1}, &out, nil)
	if !errors.As(err, &fe) || fe.Code != CodeAhead || !strings.Contains(out.String(), `"code":"ahead"`) {
		t.Errorf("ahead: %v %s", err, out.String())
	}
	out.Reset()
	err = Ship(context.Background(), p.store, p.sess, LogRequest{From: 3, Epoch: 1}, &out, nil)
	if !errors.As(err, &fe) || fe.Code != CodeFork || fe.Seq != 2 || strings.Contains(out.String(), `"seq"`) {
		t.Errorf("fork: %v %s", err, out.String())
	}
	for _, args := range [][]string{{"podium", "log"}, {"log", "--from", "x", "--follow"}, {"rm", "-rf", "/"},
		{"log", "--from", "2", "--after", "zz", "--follow"}, {"log", "--follow", "extra"}} {
		if _, err := ParseLogRequest(args); err == nil {
			t.Errorf("%q read as a log request", args)
		}
	}
	req := LogRequest{From: 7, After: [32]byte{1, 2}, Epoch: 3}
	if got, err := ParseLogRequest(req.Args()); err != nil || got != req {
		t.Errorf("round trip: %+v %v", got, err)
	}
}
