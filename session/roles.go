package session

import "fmt"

// Role is what a terminal may do (issue: many terminals on one session).
// The core refuses a forbidden command, whatever the screen shows.
type Role string

// The roles of a congress's terminals. The zero Role is the host's own
// console.
const (
	RoleHost      Role = "host"      // everything
	RoleSecretary Role = "secretary" // notes, questions, motions; no agenda moves or votes
	RoleDesk      Role = "desk"      // check-in only
	RoleTeller    Role = "teller"    // ballot and tally-sheet entry only
	RoleProjector Role = "projector" // read-only
	RoleStandby   Role = "standby"   // a standby podium: reads the log, nothing else
)

// Valid reports whether r is one of the roles (or the zero Role).
func (r Role) Valid() bool {
	switch r {
	case "", RoleHost, RoleSecretary, RoleDesk, RoleTeller, RoleProjector, RoleStandby:
		return true
	}
	return false
}

// RoleError: the terminal's role may not give this command.
type RoleError struct {
	Role    Role
	Command string // the command's type, e.g. "RecordVote"
}

// Error says what was refused.
func (e *RoleError) Error() string {
	return fmt.Sprintf("session: a %s terminal may not %s", e.Role, e.Command)
}

// Permitted reports whether role r may give cmd: the host everything; the
// secretary notes, questions and motions (not their votes); a desk the
// attendance marks and their undo; a teller the ballots and tally sheets; a
// projector and a standby nothing. The roles of each command are listed with it in the
// registry.
func Permitted(r Role, cmd Command) bool {
	c := commandOf(cmd)
	return c != nil && r.Valid() && c.permits(r)
}

// checkRole refuses cmd when its terminal's role does not permit it.
func checkRole(c *commandSpec, cmd Command) error {
	m := cmd.meta()
	if !m.Role.Valid() || !c.permits(m.Role) {
		return &RoleError{Role: m.Role, Command: commandName(cmd)}
	}
	if m.OnlyGroup != "" {
		g, ok := cmd.(grouped)
		switch {
		case !ok || m.Role != RoleSecretary:
			return &GroupLimitError{Group: m.OnlyGroup, Command: commandName(cmd)}
		case g.group() != m.OnlyGroup:
			return &GroupLimitError{Group: m.OnlyGroup, Command: commandName(cmd), Asked: g.group()}
		}
	}
	return nil
}

// grouped is a command of one deliberation group, which a terminal
// limited to that group may give.
type grouped interface{ group() string }

func (c ReportGroup) group() string { return c.Group }

// PermittedIn reports whether a terminal of role r limited to group
// onlyGroup ("" for none) may give cmd: as Permitted, and a limited
// terminal only the commands of a group (its own: the core checks the
// group the command names).
func PermittedIn(r Role, onlyGroup string, cmd Command) bool {
	if !Permitted(r, cmd) {
		return false
	}
	_, ok := cmd.(grouped)
	return onlyGroup == "" || ok && r == RoleSecretary
}

// commandName is the command's type name, for messages.
func commandName(cmd Command) string {
	name := fmt.Sprintf("%T", cmd)
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '.' {
			return name[i+1:]
		}
	}
	return name
}
