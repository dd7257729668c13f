package serve

import (
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/ssh/agent"
)

// logBook collects the server's log lines.
type logBook struct {
	mu    sync.Mutex
	lines []string
}

func (b *logBook) logf(format string, a ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.lines = append(b.lines, fmt.Sprintf(format, a...))
}

func (b *logBook) count(part string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for _, l := range b.lines {
		if strings.Contains(l, part) {
			n++
		}
	}
	return n
}

// closedBy reports whether the server closed conn before deadline: reading
// it (the server's version line, then nothing) ends with EOF, not with our
// own deadline.
func closedBy(conn net.Conn, deadline time.Time) bool {
	conn.SetReadDeadline(deadline)
	_, err := io.Copy(io.Discard, conn)
	return err == nil
}

// TestSilentConnectionsAreClosed: 50 TCP connections that never start the
// SSH handshake are all closed by the handshake timeout, while a desk
// connects and works meanwhile.
func TestSilentConnectionsAreClosed(t *testing.T) {
	deskKey, deskLine := newKey(t)
	var log logBook
	f := startWith(t, Limits{HandshakeTimeout: 500 * time.Millisecond}, log.logf, [3]string{"门口一", "desk", deskLine})
	var silent []net.Conn
	for range 50 {
		c, err := net.Dial("tcp", f.addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		silent = append(silent, c)
	}
	// A real desk gets in while the 50 hold their connections.
	c, err := f.dial(deskKey)
	if err != nil {
		t.Fatalf("a desk is locked out by silent connections: %v", err)
	}
	defer c.Close()
	term := openTerminal(t, c)
	term.waitFor(t, f.name)

	deadline := time.Now().Add(30 * time.Second) // generous: the timeout is 0.5 s
	var wg sync.WaitGroup
	open := make(chan int, len(silent))
	for i, c := range silent {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !closedBy(c, deadline) {
				open <- i
			}
		}()
	}
	wg.Wait()
	close(open)
	if n := len(open); n > 0 {
		t.Fatalf("%d of 50 silent connections were never closed", n)
	}
	waitUntil(t, "the closings are logged", func() bool { return log.count("no SSH handshake within 500ms") == 50 })
	// The desk was not touched.
	if _, err := term.in.Write([]byte("x")); err != nil {
		t.Fatalf("the desk's connection suffered: %v", err)
	}
}

// TestConnectionCaps: beyond the cap per address (and in all) a connection
// is closed at once and logged; once the others are gone, a desk gets in.
func TestConnectionCaps(t *testing.T) {
	for _, c := range []struct {
		name string
		lim  Limits
		log  string
	}{
		{"per address", Limits{MaxConnsPerAddr: 5, MaxConns: 100}, "from that address (limit 5)"},
		{"in all", Limits{MaxConnsPerAddr: 100, MaxConns: 5}, "connections are open (limit 5)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			deskKey, deskLine := newKey(t)
			var log logBook
			f := startWith(t, c.lim, log.logf, [3]string{"门口一", "desk", deskLine})
			var held []net.Conn
			for range 5 {
				conn, err := net.Dial("tcp", f.addr)
				if err != nil {
					t.Fatal(err)
				}
				held = append(held, conn)
			}
			// Wait until the server counts all five (it reads their
			// handshake: its version line comes first).
			for _, h := range held {
				h.SetReadDeadline(time.Now().Add(10 * time.Second))
				if _, err := h.Read(make([]byte, 1)); err != nil {
					t.Fatal(err)
				}
			}
			extra, err := net.Dial("tcp", f.addr)
			if err != nil {
				t.Fatal(err)
			}
			defer extra.Close()
			extra.SetReadDeadline(time.Now().Add(10 * time.Second))
			if n, err := extra.Read(make([]byte, 64)); err != io.EOF || n != 0 {
				t.Fatalf("the sixth connection was served (%d bytes, %v)", n, err)
			}
			if _, err := f.dial(deskKey); err == nil {
				t.Fatal("a desk got in beyond the cap")
			}
			waitUntil(t, "the refusal is logged", func() bool { return log.count(c.log) >= 1 })
			for _, h := range held {
				h.Close()
			}
			var cl interface{ Close() error }
			waitUntil(t, "a desk gets in once the others left", func() bool {
				conn, err := f.dial(deskKey)
				if err == nil {
					cl = conn
				}
				return err == nil
			})
			cl.Close()
		})
	}
}

// TestAgentForwardingRefused: a desk asking to forward its SSH agent is
// refused, logged, and served all the same.
func TestAgentForwardingRefused(t *testing.T) {
	deskKey, deskLine := newKey(t)
	var log logBook
	f := startWith(t, Limits{}, log.logf, [3]string{"门口一", "desk", deskLine})
	c, err := f.dial(deskKey)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := agent.RequestAgentForwarding(s); err == nil {
		t.Fatal("agent forwarding was accepted")
	}
	waitUntil(t, "the refusal is logged", func() bool { return log.count("refused agent forwarding") == 1 })
}

// TestDefaultLimits: the defaults the README names.
func TestDefaultLimits(t *testing.T) {
	d := DefaultLimits()
	if d.HandshakeTimeout != 10*time.Second || d.KeepAlive != 30*time.Second || d.IdleTimeout != 90*time.Second {
		t.Errorf("timeouts %+v", d)
	}
	if d.MaxConns > 256 || d.MaxConnsPerAddr > d.MaxConns || d.MaxConnsPerAddr < 4 {
		t.Errorf("caps %+v", d)
	}
	if got := (Limits{MaxConns: 7}).withDefaults(); got.MaxConns != 7 || got.HandshakeTimeout != d.HandshakeTimeout {
		t.Errorf("withDefaults %+v", got)
	}
}
