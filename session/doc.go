// Package session is the pure core of podium: the congress as a sequence of
// events.
//
// A caller builds a Command (which carries its own time and actor) and hands
// it to Session.Execute, the one entry that changes state. Execute validates
// the command against the current State, turns it into events, has the Log
// store them durably in one transaction, and only then applies them to the
// State and tells the subscribers. State is derived only by applying events,
// so replaying the log (Load) gives exactly the live state.
//
// The rules of RULES.md live here: quorum, thresholds, attendance. Refusals
// are typed errors that carry the numbers that caused them, so that a screen
// can explain them in the user's language.
//
// The package imports no UI, no storage and never reads the clock.
package session
