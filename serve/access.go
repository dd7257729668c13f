package serve

import (
	"fmt"

	gossh "golang.org/x/crypto/ssh"

	"podium/files"
	"podium/model"
	"podium/session"
)

// User is one terminal allowed in by the access file.
type User struct {
	Name string
	Role session.Role
	// Group limits a secretary's terminal to one deliberation group (a
	// group's own terminal): it reports that group's opinions only.
	Group string
	Key   gossh.PublicKey
	Line  int // the line of its [[user]] header in the access file
}

// Actor is the actor this user's commands carry: "<role>:<name>".
func (u User) Actor() string { return string(u.Role) + ":" + u.Name }

// Access is the parsed access file: who may connect, with which key, in
// which role.
type Access struct {
	File  string
	Users []User
	byKey map[string]int // key.Marshal() → index in Users
}

// Lookup returns the user whose key is key.
func (a *Access) Lookup(key gossh.PublicKey) (User, bool) {
	if a == nil || key == nil {
		return User{}, false
	}
	i, ok := a.byKey[string(key.Marshal())]
	if !ok {
		return User{}, false
	}
	return a.Users[i], true
}

// AccessError is a bad access file: the file, the line (0 when unknown),
// the key (user[2].role) and what is wrong. The file is read by package
// files, whose one error it is.
type AccessError = files.FileError

// roles are the roles an access file may give, in the order of the issue.
var roles = []session.Role{session.RoleHost, session.RoleSecretary, session.RoleDesk, session.RoleTeller, session.RoleProjector, session.RoleStandby}

// roleNames are the roles as an access file writes them.
func roleNames() []string {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = string(r)
	}
	return names
}

// ReadAccess reads and checks the access file at path (files.ReadAccess).
func ReadAccess(path string) (*Access, error) {
	users, err := files.ReadAccess(path, roleNames())
	if err != nil {
		return nil, err
	}
	return newAccess(path, users), nil
}

// ParseAccess parses an access file's text; name is the file name used in
// errors. See files.ParseAccess for its rules.
func ParseAccess(name string, data []byte) (*Access, error) {
	users, err := files.ParseAccess(name, data, roleNames())
	if err != nil {
		return nil, err
	}
	return newAccess(name, users), nil
}

// checkGroups refuses a user limited to a group that no item of the
// congress deliberates in (a typo would leave the group's terminal unable
// to report): an *AccessError naming the user's line.
func (a *Access) checkGroups(setup model.Setup) error {
	groups := map[string]bool{}
	for i := range setup.Agenda {
		for _, g := range setup.ItemGroups(i) {
			groups[g.Name] = true
		}
	}
	for i, u := range a.Users {
		if u.Group != "" && !groups[u.Group] {
			return &AccessError{File: a.File, Line: u.Line, Key: fmt.Sprintf("user[%d].group", i+1), Value: u.Group,
				Reason: "is not a deliberation group of this congress (the agenda's groups, or its electoral units)"}
		}
	}
	return nil
}

// newAccess indexes the users of an access file by key.
func newAccess(name string, users []files.AccessUser) *Access {
	a := &Access{File: name, byKey: map[string]int{}}
	for _, u := range users {
		a.byKey[string(u.Key.Marshal())] = len(a.Users)
		a.Users = append(a.Users, User{Name: u.Name, Role: session.Role(u.Role), Group: u.Group, Key: u.Key, Line: u.Line})
	}
	return a
}
