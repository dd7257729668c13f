package serve

import (
	"podium/files"

	"fmt"
	"io"
	"net"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"podium/model"
	"podium/session"
)

// BenchmarkBroadcast50 measures how long one committed event takes to
// reach 50 connected SSH terminals as they see it (issue 15): per
// iteration one Mark is executed in a congress of 3,000 delegates, and for
// each terminal the time from just before Execute until its program —
// having handled the change — has written its next frame to its SSH
// channel is recorded. ms-median and ms-p99 are over all (iteration,
// terminal) samples (goal: p99 ≤ 100 ms); ms-last-p99 is the p99 over
// iterations of the slowest terminal's time. The clock is fixed, so the
// only frames written are the changes'.
func BenchmarkBroadcast50(b *testing.B) {
	const clients = 50
	const perIteration = 10 * time.Second

	setup := files.Demo()
	setup.Roster = bigRoster(3000)
	setup.Election = nil
	at0 := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	sess, err := session.Create(&session.MemoryLog{}, session.Open{Meta: session.Meta{At: at0, Actor: "host"}, Setup: setup})
	if err != nil {
		b.Fatal(err)
	}
	keys := make([]gossh.Signer, clients)
	var acc strings.Builder
	for i := range keys {
		var line string
		keys[i], line = newKey(b)
		fmt.Fprintf(&acc, "[[user]]\nname = \"门口%d\"\nrole = \"desk\"\nkey = \"%s\"\n\n", i+1, line)
	}
	access, err := ParseAccess("access.toml", []byte(acc.String()))
	if err != nil {
		b.Fatal(err)
	}
	hk, _, err := LoadHostKey(filepath.Join(b.TempDir(), "podium.db.hostkey"))
	if err != nil {
		b.Fatal(err)
	}
	framed := make(chan string, 4*clients)
	srv, err := New(Config{
		Session: sess, Access: access, HostKey: hk, Lang: "zh",
		Now: func() time.Time { return at0.Add(time.Hour) },
		framed: func(actor string) {
			select {
			case framed <- actor:
			default: // never block a program; a lost report times the iteration out
			}
		},
	})
	if err != nil {
		b.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	f := &fixture{srv: srv, addr: l.Addr().String(), hostKey: hk.PublicKey()}

	var conns []*gossh.Client
	b.Cleanup(func() {
		for _, c := range conns {
			c.Close()
		}
		if err := srv.Close(); err != nil {
			b.Error(err)
		}
		select {
		case <-served:
		case <-time.After(5 * time.Second):
			b.Error("Serve did not return after Close")
		}
	})

	for _, k := range keys {
		c, err := f.dial(k)
		if err != nil {
			b.Fatal(err)
		}
		conns = append(conns, c)
		s, err := c.NewSession()
		if err != nil {
			b.Fatal(err)
		}
		if err := s.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
			b.Fatal(err)
		}
		r, err := s.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.StdinPipe(); err != nil {
			b.Fatal(err)
		}
		if err := s.Shell(); err != nil {
			b.Fatal(err)
		}
		go io.Copy(io.Discard, r) // keep the channel window open
	}
	deadline := time.Now().Add(10 * time.Second)
	for len(srv.Clients()) < clients {
		if time.Now().After(deadline) {
			b.Fatalf("only %d of %d terminals connected", len(srv.Clients()), clients)
		}
		time.Sleep(10 * time.Millisecond)
	}
	// Let the programs start (their first Update and render, the first
	// frames written) before timing.
	time.Sleep(time.Second)
	for len(framed) > 0 {
		<-framed
	}

	var id string
	sess.Read(func(st *session.State) { id = st.Setup.Roster[0].ID })
	at := at0.Add(time.Minute)

	var all, last []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		status := session.Present
		if i%2 == 1 {
			status = session.Left
		}
		seen := make(map[string]bool, clients)
		start := time.Now()
		if _, err := sess.Execute(session.Mark{Meta: session.Meta{At: at.Add(time.Duration(i) * time.Second), Actor: "host"}, Person: id, Status: status}); err != nil {
			b.Fatal(err)
		}
		timeout := time.After(perIteration)
		for len(seen) < clients {
			select {
			case actor := <-framed:
				if seen[actor] {
					b.Fatalf("iteration %d: %s wrote the change twice", i, actor)
				}
				seen[actor] = true
				all = append(all, time.Since(start))
			case <-timeout:
				b.Fatalf("iteration %d: only %d of %d terminals received the change within %v", i, len(seen), clients, perIteration)
			}
		}
		last = append(last, all[len(all)-1])
	}
	b.StopTimer()
	b.ReportMetric(ms(quantile(all, 0.5)), "ms-median")
	b.ReportMetric(ms(quantile(all, 0.99)), "ms-p99")
	b.ReportMetric(ms(quantile(last, 0.99)), "ms-last-p99")
}

// quantile is the nearest-rank q-quantile of d (sorted in place).
func quantile(d []time.Duration, q float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	slices.Sort(d)
	i := int(q*float64(len(d))+0.999999) - 1
	return d[max(0, min(i, len(d)-1))]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// bigRoster is n formal delegates in 20 units, with common names.
func bigRoster(n int) []model.Person {
	sur := []string{"张", "王", "李", "赵", "陈", "杨", "吴", "刘", "黄", "周", "阿依古丽·", "欧阳"}
	given := []string{"新", "晓", "子", "海", "建", "丽", "明", "文", "志", "秀"}
	out := make([]model.Person, n)
	for i := range out {
		out[i] = model.Person{ID: fmt.Sprintf("B%04d", i), Name: sur[i%len(sur)] + given[(i/7)%len(given)] + given[(i/3)%len(given)],
			Unit: fmt.Sprintf("第%d分院", i%20+1)}
	}
	return out
}
