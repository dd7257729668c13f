package tui

import (
	tea "charm.land/bubbletea/v2"

	"podium/session"
)

// Run runs the TUI on the session until the user quits. It subscribes to
// the session so that events executed elsewhere (other terminals) reach the
// screen, and unsubscribes on exit. The subscription never blocks the
// session: changes are coalesced into at most one pending ChangedMsg.
func Run(s *session.Session, opt Options, popts ...tea.ProgramOption) error {
	p := tea.NewProgram(New(s, opt), popts...)
	changed := make(chan struct{}, 1)
	cancel := s.Subscribe(func(session.Event) {
		select {
		case changed <- struct{}{}:
		default: // one is pending already; it will read the newest state
		}
	})
	defer cancel()
	done := make(chan struct{})
	pumped := make(chan struct{})
	go func() {
		defer close(pumped)
		for {
			select {
			case <-changed:
				p.Send(ChangedMsg{})
			case <-done:
				return
			}
		}
	}()
	_, err := p.Run()
	close(done)
	<-pumped
	return err
}
