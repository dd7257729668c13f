// Package serve lets many terminals share one congress over SSH: the host's
// process owns the session (bbolt lets one process own the file) and serves
// the secretary, the check-in desks, the tellers and the projector, each in
// its role (issue 6).
//
// A wish v2 server admits only the keys of the access file (others are
// refused at the handshake), runs one Bubble Tea program of the tui package
// per SSH session, and pushes every committed event to every connected
// program. The roles are enforced by the session core; the screens only
// explain its refusals.
package serve

import (
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"podium/model"
	"podium/session"
	"podium/tui"
)

// DefaultListen is the address podium serve listens on unless told.
const DefaultListen = "127.0.0.1:23234"

// Config configures a Server.
type Config struct {
	Session *session.Session
	Access  *Access
	HostKey gossh.Signer
	// Lang is the language of the remote screens ("zh" or "en").
	Lang string
	// Now is the clock of the remote screens; time.Now when nil.
	Now func() time.Time
	// Drafts, when set, keeps each terminal's draft (its screen, a ballot
	// being keyed) outside the record, by its actor, so that a teller who
	// reconnects finds the ballot where it was.
	Drafts tui.Drafts
	// Copies, when set, tells every terminal's header how the log's
	// copies stand (a takeover of this congress above all).
	Copies func() tui.Copies
	// Logf, when set, hears of connections, refusals and disconnections.
	Logf func(format string, a ...any)
	// ProgramOptions are added to every remote program's options (tests).
	ProgramOptions []tea.ProgramOption
	// Limits bound the connections (handshake and idle timeouts,
	// keepalives, caps in all and per address); zero fields take
	// DefaultLimits.
	Limits Limits
	// Standby, when set, serves the log to the keys of the role standby
	// (standby.go); without it they get nothing.
	Standby StandbyService

	// framed, when set, is called with the terminal's actor each time a
	// remote program, having handled a ChangedMsg, has written its next
	// frame to its SSH channel: the change as the terminal receives it
	// (benchmarks).
	framed func(actor string)
}

// Server is the SSH server of one session.
type Server struct {
	cfg    Config
	lim    Limits
	ssh    *ssh.Server
	cancel func() // ends the session subscription

	mu      sync.Mutex
	clients map[*client]struct{}
	closed  bool
	wg      sync.WaitGroup // running session handlers
}

// client is one connected terminal.
type client struct {
	user    User
	p       *tea.Program
	changed chan struct{} // capacity 1: a pending ChangedMsg
	done    chan struct{} // closed when the terminal is gone
}

type clientKey struct{}

// New returns a server for cfg.Session. It subscribes to the session at
// once; Close ends the subscription.
func New(cfg Config) (*Server, error) {
	switch {
	case cfg.Session == nil:
		return nil, errors.New("serve: no session")
	case cfg.Access == nil || len(cfg.Access.Users) == 0:
		return nil, errors.New("serve: no access file users")
	case cfg.HostKey == nil:
		return nil, errors.New("serve: no host key")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	var setup model.Setup
	cfg.Session.Read(func(st *session.State) { setup = st.Setup })
	if err := cfg.Access.checkGroups(setup); err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, lim: cfg.Limits.withDefaults(), clients: map[*client]struct{}{}}
	gate := newGate(s.lim, s.logf)
	srv, err := wish.NewServer(
		func(srv *ssh.Server) error { srv.AddHostKey(cfg.HostKey); return nil },
		// Hostile and dead connections (limits.go).
		func(srv *ssh.Server) error {
			srv.HandshakeTimeout = s.lim.HandshakeTimeout
			srv.IdleTimeout = s.lim.IdleTimeout
			srv.ConnCallback = gate.admit
			srv.ConnectionFailedCallback = s.failed
			srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.noAgent(ssh.DefaultSessionHandler)}
			return nil
		},
		// The only way in: a key of the access file. No password and no
		// keyboard-interactive handler is set, so those methods do not exist.
		wish.WithPublicKeyAuth(func(ctx ssh.Context, key ssh.PublicKey) bool {
			if _, ok := cfg.Access.Lookup(key); !ok {
				s.logf("refused %s from %s: key %s is not in %s", ctx.User(), ctx.RemoteAddr(), gossh.FingerprintSHA256(key), cfg.Access.File)
				return false
			}
			return true
		}),
		// The last listed runs first: track wraps the program.
		wish.WithMiddleware(
			bubbletea.MiddlewareWithProgramHandler(s.program),
			s.commands, // a standby's log; no command for anyone else
			s.track,
		),
	)
	if err != nil {
		return nil, err
	}
	s.ssh = srv
	s.cancel = cfg.Session.Subscribe(s.broadcast)
	return s, nil
}

// Serve accepts connections on l until Close; it returns nil after Close.
func (s *Server) Serve(l net.Listener) error {
	err := s.ssh.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Close closes the listeners and every connection and waits (at most a few
// seconds) for the terminals' programs to end.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	s.cancel()
	err := s.ssh.Close()
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
	}
	if errors.Is(err, ssh.ErrServerClosed) {
		err = nil
	}
	return err
}

// Clients are the actors of the connected terminals.
func (s *Server) Clients() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for c := range s.clients {
		out = append(out, c.user.Actor())
	}
	return out
}

// broadcast is the session subscriber: it tells every connected program,
// never blocking the session (a pending change is coalesced).
func (s *Server) broadcast(session.Event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c.changed <- struct{}{}:
		default:
		}
	}
}

// program makes the Bubble Tea program of one SSH session, or refuses it
// (nil) with a message on the session.
func (s *Server) program(sess ssh.Session) *tea.Program {
	u, ok := s.cfg.Access.Lookup(sess.PublicKey())
	if !ok { // cannot happen after the handshake; refuse all the same
		wish.Fatalln(sess, "podium: your key is not in the access file")
		return nil
	}
	if _, _, ok := sess.Pty(); !ok {
		wish.Fatalln(sess, "podium: a terminal is needed; connect with ssh -t")
		return nil
	}
	copies := s.cfg.Copies
	if all := copies; all != nil && u.Role != session.RoleHost {
		// The mirror is the host's concern; a takeover is everyone's.
		copies = func() tui.Copies { return tui.Copies{Fenced: all().Fenced} }
	}
	m := tui.New(s.cfg.Session, tui.Options{Lang: s.cfg.Lang, Actor: u.Actor(), Terminal: terminalOf(sess), Role: u.Role, OnlyGroup: u.Group, Now: s.cfg.Now, Drafts: s.cfg.Drafts, Copies: copies})
	opts := append(bubbletea.MakeOptions(sess), s.cfg.ProgramOptions...)
	if s.cfg.framed != nil {
		actor := u.Actor()
		var changed atomic.Bool
		m = handledModel{m, func() { changed.Store(true) }}
		opts = append(opts, tea.WithOutput(frameWriter{sess, func() {
			if changed.Swap(false) {
				s.cfg.framed(actor)
			}
		}}))
	}
	c := &client{user: u, p: tea.NewProgram(m, opts...), changed: make(chan struct{}, 1), done: make(chan struct{})}
	s.mu.Lock()
	s.clients[c] = struct{}{}
	s.mu.Unlock()
	sess.Context().SetValue(clientKey{}, c)
	go func() {
		for {
			select {
			case <-c.changed:
				c.p.Send(tui.ChangedMsg{}) // returns when the program ends
			case <-c.done:
				return
			}
		}
	}()
	s.logf("%s connected from %s (key %s)", u.Actor(), sess.RemoteAddr(), gossh.FingerprintSHA256(u.Key))
	return c.p
}

// track wraps a session's handler: it counts it for Close and forgets the
// terminal's program when the session ends, however it ends.
func (s *Server) track(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return
		}
		s.wg.Add(1)
		s.mu.Unlock()
		defer s.wg.Done()
		if conn, ok := sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn); ok {
			done := make(chan struct{})
			defer close(done)
			go keepAlive(conn, s.lim.KeepAlive, done)
		}
		defer func() {
			c, _ := sess.Context().Value(clientKey{}).(*client)
			if c == nil {
				return
			}
			s.mu.Lock()
			delete(s.clients, c)
			s.mu.Unlock()
			close(c.done)
			s.logf("%s disconnected", c.user.Actor())
		}()
		next(sess)
	}
}

// frameWriter writes a program's output to its SSH channel and then calls
// after (benchmarks).
type frameWriter struct {
	w     io.Writer
	after func()
}

// Write writes p to the channel, then reports it.
func (f frameWriter) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	f.after()
	return n, err
}

// handledModel calls after once its model has handled a ChangedMsg.
type handledModel struct {
	tea.Model
	after func()
}

// Update passes msg to the model and then reports a handled change.
func (h handledModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := h.Model.Update(msg)
	if _, ok := msg.(tui.ChangedMsg); ok {
		h.after()
	}
	return handledModel{m, h.after}, cmd
}

func (s *Server) logf(format string, a ...any) {
	if s.cfg.Logf != nil {
		s.cfg.Logf(format, a...)
	}
}

// terminalOf names the terminal of one SSH connection in the commands it
// gives (session.Meta.Terminal): "ssh:" and the first 16 hex digits of the
// session's id, a new one for every connection, so that an undo takes back
// what this terminal marked even when two terminals log in with one key.
func terminalOf(sess ssh.Session) string {
	id := sess.Context().SessionID()
	if len(id) > 16 {
		id = id[:16]
	}
	return "ssh:" + id
}
