package app

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"podium/data"
	"podium/files"
	"podium/prep"
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

// FuzzStaffAudit: whatever a staff list holds, what `check staff --db`
// would record is either refused before the core (a list that cannot be
// read or recorded: an *InputError) or taken by the core as it is: the
// audit's verdicts always agree with its figures and findings as the
// core checks them.
func FuzzStaffAudit(f *testing.F) {
	head := "序号,姓名,政治面貌,院系,年级,成绩排名,是否存在课业不及格情况,学生工作经历,职务,部门\n"
	f.Add(head + "1,甲,团员,护理,大二,3/10,否,无,主席,\n2,姓名：乙,群众,护理,纪检 委员,x/专业,是,无,秘书长,宣传部\n")
	f.Add(head + "1,甲,,护理,研一,,,无,,\n2,乙,党员,护理,大三,9/10,有,无,学习部部长,\n3,,团员,x,大一,,,无,干事,外联部\n")
	f.Add("序号,姓名,政治面貌,院系,年级,成绩排名,是否存在课业不及格情况,学生工作经历\n1,甲,团员,护理,大二,4/10,否,无\n")
	setup := files.Demo()
	f.Fuzz(func(t *testing.T, src string) {
		list, dataErrs, err := files.ReadStaff("fuzz.csv", strings.NewReader(src))
		if err != nil {
			return
		}
		s, err := session.Create(&session.MemoryLog{}, session.Open{Meta: session.Meta{At: at}, Setup: setup})
		if err != nil {
			t.Fatal(err)
		}
		for _, large := range []bool{false, true} {
			a := prep.AuditStaff(list, prep.StaffOptions{Large: large})
			a.DataErrors = dataErrs
			c, err := StaffAuditCommand(list, a, at, "fuzz")
			if err != nil {
				if !errors.As(err, new(*InputError)) {
					t.Fatalf("not an InputError: %v", err)
				}
				return
			}
			if _, err := s.Execute(c); err != nil {
				t.Fatalf("the core refuses the audit of\n%q\n%+v: %v", src, c, err)
			}
		}
	})
}
