package serve

import (
	"errors"
	"net"
	"os"
	"sync"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Limits keep hostile or dead connections from holding the server: a
// connection that has not finished the SSH handshake (and so has not
// authenticated) within HandshakeTimeout is closed, whatever it does or
// does not send; at most MaxConns connections are open at once, and at
// most MaxConnsPerAddr from one IP address, so that one machine cannot
// lock the desks out; an authenticated connection is sent a keepalive
// every KeepAlive and closed when nothing has come from it for IdleTimeout
// (a dead client, or one that never reads). The zero value of a field
// means its default (DefaultLimits).
type Limits struct {
	HandshakeTimeout time.Duration
	IdleTimeout      time.Duration
	KeepAlive        time.Duration
	MaxConns         int
	MaxConnsPerAddr  int
}

// DefaultLimits are the limits podium serve uses unless told: a 10 s
// handshake, keepalives every 30 s, 90 s without a word, 256 connections
// (fewer when the process may open fewer files), 64 from one address.
func DefaultLimits() Limits {
	l := Limits{
		HandshakeTimeout: 10 * time.Second,
		IdleTimeout:      90 * time.Second,
		KeepAlive:        30 * time.Second,
		MaxConns:         256,
		MaxConnsPerAddr:  64,
	}
	// Each connection is one file descriptor: leave room for the
	// database, the terminal and the listener.
	if n := maxFiles() - 32; n > 0 && n < l.MaxConns {
		l.MaxConns = max(8, n)
		l.MaxConnsPerAddr = max(4, min(l.MaxConnsPerAddr, l.MaxConns/2))
	}
	return l
}

// withDefaults fills the zero fields of l from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.HandshakeTimeout <= 0 {
		l.HandshakeTimeout = d.HandshakeTimeout
	}
	if l.IdleTimeout <= 0 {
		l.IdleTimeout = d.IdleTimeout
	}
	if l.KeepAlive <= 0 {
		l.KeepAlive = d.KeepAlive
	}
	if l.MaxConns <= 0 {
		l.MaxConns = d.MaxConns
	}
	if l.MaxConnsPerAddr <= 0 {
		l.MaxConnsPerAddr = d.MaxConnsPerAddr
	}
	return l
}

// gate counts the open connections, in all and per address.
type gate struct {
	lim    Limits
	logf   func(format string, a ...any)
	mu     sync.Mutex
	total  int
	perIP  map[string]int
	quiet  map[string]time.Time // refusals of an address not logged until then
	hushed map[string]int       // refusals not logged since
}

func newGate(lim Limits, logf func(string, ...any)) *gate {
	return &gate{lim: lim, logf: logf, perIP: map[string]int{}, quiet: map[string]time.Time{}, hushed: map[string]int{}}
}

// admit is the server's ConnCallback: it counts the connection in, or
// refuses it (nil: the server closes it at once) when a cap is reached.
func (g *gate) admit(_ ssh.Context, c net.Conn) net.Conn {
	ip := hostOf(c.RemoteAddr())
	g.mu.Lock()
	defer g.mu.Unlock()
	switch {
	case g.total >= g.lim.MaxConns:
		g.refused(ip, "%d connections are open (limit %d)", g.total, g.lim.MaxConns)
		return nil
	case g.perIP[ip] >= g.lim.MaxConnsPerAddr:
		g.refused(ip, "%d connections are open from that address (limit %d)", g.perIP[ip], g.lim.MaxConnsPerAddr)
		return nil
	}
	g.total++
	g.perIP[ip]++
	return &countedConn{Conn: c, release: func() { g.release(ip) }}
}

// refused logs a refusal of ip, at most once per five seconds an address
// (an attacker must not flood the log).
func (g *gate) refused(ip, format string, a ...any) {
	now := time.Now()
	if now.Before(g.quiet[ip]) {
		g.hushed[ip]++
		return
	}
	if n := g.hushed[ip]; n > 0 {
		format += " (and %d more refused since the last message)"
		a = append(a, n)
	}
	g.quiet[ip], g.hushed[ip] = now.Add(5*time.Second), 0
	g.logf("refused a connection from %s: "+format, append([]any{ip}, a...)...)
}

func (g *gate) release(ip string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.total--
	if g.perIP[ip]--; g.perIP[ip] <= 0 {
		delete(g.perIP, ip)
	}
}

// countedConn gives its place back once, when closed.
type countedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

// Close closes the connection and counts it out.
func (c *countedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}

// hostOf is the IP address of a remote address (the address itself when it
// has no port).
func hostOf(a net.Addr) string {
	if a == nil {
		return "unknown"
	}
	h, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return h
}

// failed is the server's ConnectionFailedCallback: a connection dropped
// before it authenticated, most often for taking too long.
func (s *Server) failed(c net.Conn, err error) {
	if errors.Is(err, os.ErrDeadlineExceeded) {
		s.logf("closed a connection from %s: no SSH handshake within %s", c.RemoteAddr(), s.lim.HandshakeTimeout)
		return
	}
	s.logf("closed a connection from %s: %v", c.RemoteAddr(), err)
}

// keepAlive asks the client for a reply every interval until done or the
// connection fails; the idle timeout closes a connection that stops
// answering.
func keepAlive(conn gossh.Conn, every time.Duration, done <-chan struct{}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
			if _, _, err := conn.SendRequest("keepalive@openssh.com", true, nil); err != nil {
				return
			}
		}
	}
}

// agentRequest is the request a client sends to forward its SSH agent.
const agentRequest = "auth-agent-req@openssh.com"

// noAgent wraps the session channel handler so that requests to forward
// the client's agent are refused (and logged): nothing on the server needs
// a desk's keys. Other forwarding (ports, X11) is refused by the library.
func (s *Server) noAgent(next ssh.ChannelHandler) ssh.ChannelHandler {
	return func(srv *ssh.Server, conn *gossh.ServerConn, ch gossh.NewChannel, ctx ssh.Context) {
		next(srv, conn, agentless{NewChannel: ch, refused: func() {
			s.logf("refused agent forwarding to %s from %s", ctx.User(), conn.RemoteAddr())
		}}, ctx)
	}
}

// agentless is a new session channel whose agent requests are refused.
type agentless struct {
	gossh.NewChannel
	refused func()
}

// Accept accepts the channel and filters its requests.
func (a agentless) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := a.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		for r := range reqs {
			if r.Type == agentRequest {
				a.refused()
				if r.WantReply {
					_ = r.Reply(false, nil)
				}
				continue
			}
			out <- r
		}
	}()
	return ch, out, nil
}
