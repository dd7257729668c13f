package app

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"podium/data"
	"podium/session"
)

// FuzzLogRequest: the words of a standby's exec command never crash the
// primary; what reads as a request writes the same words back.
func FuzzLogRequest(f *testing.F) {
	f.Add("podium log --from 7 --after " + strings.Repeat("ab", 32) + " --epoch 2 --follow")
	f.Add("log --follow")
	f.Add("podium log --from 0 --follow --epoch -1")
	f.Fuzz(func(t *testing.T, cmd string) {
		r, err := ParseLogRequest(strings.Fields(cmd))
		if err != nil {
			return
		}
		if back, err := ParseLogRequest(r.Args()); err != nil || back != r {
			t.Errorf("%q reads as %+v, which reads back as %+v (%v)", cmd, r, back, err)
		}
	})
}

// FuzzStandbyStream: whatever the primary's stream holds, a standby never
// crashes and stores only records that link to its chain and decode; what
// it stores verifies.
func FuzzStandbyStream(f *testing.F) {
	dir := f.TempDir()
	p := newNode(f, filepath.Join(dir, "p.db"), true)
	p.marks(f, 1, 3)
	var stream bytes.Buffer
	Ship(cancelled(), p.store, p.sess, LogRequest{From: 1, Epoch: 1}, &stream, nil)
	f.Add(stream.Bytes())
	f.Add([]byte(`{"head":3,"epoch":1,"at":"2026-11-30T10:12:03+08:00"}` + "\n" + `{"seq":1,"record":"AgE=","link":"00"}` + "\n"))
	f.Add([]byte(`{"error":"no","code":"fork","event":3}` + "\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		st, err := data.Open(filepath.Join(t.TempDir(), "s.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		sess, err := session.Follower(st)
		if err != nil {
			t.Fatal(err)
		}
		sb := &Standby{Store: st, Session: sess, Silence: time.Second}
		sb.once(context.Background(), func(context.Context, LogRequest) (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(in)), nil
		})
		if _, _, err := st.Verify(); err != nil {
			t.Errorf("the standby stored a chain that does not verify: %v", err)
		}
		if _, err := session.Load(st); err != nil && st.Len() > 0 {
			t.Errorf("the standby stored events that do not replay: %v", err)
		}
	})
}

// cancelled is a context already done: Ship writes what it has and stops.
func cancelled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

// FuzzTakeoverNotice: whatever a standby sends as a takeover notice, the
// primary never crashes and is fenced only by a takeover that links to
// its own chain.
func FuzzTakeoverNotice(f *testing.F) {
	dir := f.TempDir()
	p := newNode(f, filepath.Join(dir, "p.db"), true)
	p.marks(f, 1, 3)
	s := newNode(f, filepath.Join(dir, "s.db"), false)
	var batch []data.Stored
	p.store.RecordsFrom(1, func(r data.Stored) error {
		batch = append(batch, data.Stored{Seq: r.Seq, Link: bytes.Clone(r.Link), Data: bytes.Clone(r.Data)})
		return nil
	})
	s.store.AppendStored(batch)
	s.sess, _ = session.Follower(s.store)
	TakeOver(s.sess, "host", "p", at.Add(time.Hour))
	notice, _, _ := TakeoverNotice(s.store, s.sess)
	f.Add(append(notice, '\n'))
	f.Add([]byte(`{"seq":5,"record":"AkYF","link":"` + strings.Repeat("00", 32) + `"}`))
	f.Add([]byte("not json"))
	f.Fuzz(func(t *testing.T, in []byte) {
		st, err := data.Open(filepath.Join(t.TempDir(), "p.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if err := st.AppendStored(batch); err != nil {
			t.Fatal(err)
		}
		sess, err := session.Load(st)
		if err != nil {
			t.Fatal(err)
		}
		fenced, err := AcceptTakeover(st, sess, bytes.NewReader(in))
		if err != nil {
			if st.Fenced() != nil {
				t.Error("a refused notice fenced the store")
			}
			return
		}
		if fenced.Epoch < 2 || st.Fenced() == nil {
			t.Errorf("fenced by %+v", fenced)
		}
	})
}
