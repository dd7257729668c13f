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

	"podium/session"
)

// BenchmarkBroadcast50 measures how long one committed event takes to reach
// the models of 50 connected SSH terminals (issue 6): per iteration one
// Mark is executed, and for each terminal the time from just before Execute
// until its program's model has handled the ChangedMsg is recorded.
// ms-median and ms-p99 are over all (iteration, terminal) samples;
// ms-last-p99 is the p99 over iterations of the slowest terminal's time.
func BenchmarkBroadcast50(b *testing.B) {
	const clients = 50
	const perIteration = 5 * time.Second

	setup := files.Demo()
	sess, err := session.Create(&session.MemoryLog{}, session.Open{Meta: session.Meta{At: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC), Actor: "host"}, Setup: setup})
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
	handled := make(chan string, 4*clients)
	srv, err := New(Config{
		Session: sess, Access: access, HostKey: hk, Lang: "zh",
		handled: func(actor string) {
			select {
			case handled <- actor:
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
	// Let the programs start (their first Update and render) before timing.
	time.Sleep(200 * time.Millisecond)

	var id string
	sess.Read(func(st *session.State) { id = st.Setup.Roster[0].ID })
	at := time.Date(2026, 11, 25, 9, 1, 0, 0, time.UTC)

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
			case actor := <-handled:
				if seen[actor] {
					b.Fatalf("iteration %d: %s handled the change twice", i, actor)
				}
				seen[actor] = true
				all = append(all, time.Since(start))
			case <-timeout:
				b.Fatalf("iteration %d: only %d of %d models handled the change within %v", i, len(seen), clients, perIteration)
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
