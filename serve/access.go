package serve

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	gossh "golang.org/x/crypto/ssh"

	"podium/session"
)

// User is one terminal allowed in by the access file.
type User struct {
	Name string
	Role session.Role
	Key  gossh.PublicKey
	Line int // the line of its [[user]] header in the access file
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
// the key and what is wrong.
type AccessError struct {
	File   string
	Line   int
	Key    string // e.g. user[2].role; may be empty
	Reason string
	Err    error
}

// Error names the file, line and key of the mistake.
func (e *AccessError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(" line " + strconv.Itoa(e.Line))
	}
	if e.Key != "" {
		b.WriteString(", key " + e.Key)
	}
	b.WriteString(": " + e.Reason)
	return b.String()
}

// Unwrap returns the underlying error (a TOML or key parse error), if any.
func (e *AccessError) Unwrap() error { return e.Err }

// roles are the roles an access file may give, in the order of the issue.
var roles = []session.Role{session.RoleHost, session.RoleSecretary, session.RoleDesk, session.RoleTeller, session.RoleProjector}

// ReadAccess reads and checks the access file at path.
func ReadAccess(path string) (*Access, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &AccessError{File: path, Reason: err.Error(), Err: err}
	}
	return ParseAccess(path, data)
}

type accessFile struct {
	User []struct {
		Name string `toml:"name"`
		Role string `toml:"role"`
		Key  string `toml:"key"`
	} `toml:"user"`
}

// ParseAccess parses an access file's text; name is the file name used in
// errors. It is strict: an unknown key, an unknown role, a missing field,
// an unparsable, duplicate or optioned SSH key, or a duplicate name is an
// error naming the file and line.
func ParseAccess(name string, data []byte) (*Access, error) {
	lines := strings.Split(string(data), "\n")
	fail := func(line int, key, format string, a ...any) error {
		return &AccessError{File: name, Line: line, Key: key, Reason: fmt.Sprintf(format, a...)}
	}
	var f accessFile
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&f)
	if err != nil {
		var pe toml.ParseError
		var ppe *toml.ParseError
		if errors.As(err, &ppe) && ppe != nil {
			pe = *ppe
		} else if !errors.As(err, &pe) {
			// Type errors come as plain text: "toml: line N (…): reason".
			line := 0
			if m := reTomlLine.FindStringSubmatch(err.Error()); m != nil {
				line, _ = strconv.Atoi(m[1])
			}
			return nil, &AccessError{File: name, Line: line, Reason: strings.TrimPrefix(err.Error(), "toml: "), Err: err}
		}
		reason := pe.Message
		if pe.LastKey != "" {
			reason += " (key " + pe.LastKey + ")"
		}
		return nil, &AccessError{File: name, Line: pe.Position.Line, Reason: reason, Err: err}
	}
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		return nil, fail(keyLine(lines, k), k.String(), "unknown key %q (a [[user]] has name, role and key)", k[len(k)-1])
	}
	if len(f.User) == 0 {
		return nil, fail(0, "", "no [[user]]: nobody could connect")
	}
	a := &Access{File: name, byKey: map[string]int{}}
	names := map[string]int{}
	for i, u := range f.User {
		header := userLine(lines, i, "")
		at := func(field string) int {
			if l := userLine(lines, i, field); l > 0 {
				return l
			}
			return header
		}
		key := func(field string) string { return fmt.Sprintf("user[%d].%s", i+1, field) }
		u.Name = strings.TrimSpace(u.Name)
		if u.Name == "" {
			return nil, fail(at("name"), key("name"), "a user needs a name")
		}
		if prev, ok := names[u.Name]; ok {
			return nil, fail(at("name"), key("name"), "the name %q is given twice (first on line %d); each terminal's actor must be distinct", u.Name, prev)
		}
		role := session.Role(u.Role)
		known := false
		for _, r := range roles {
			known = known || r == role
		}
		if !known {
			return nil, fail(at("role"), key("role"), "%q is not a role (host, secretary, desk, teller or projector)", u.Role)
		}
		if strings.TrimSpace(u.Key) == "" {
			return nil, fail(at("key"), key("key"), "a user needs a key (a line of ~/.ssh/id_ed25519.pub)")
		}
		pk, comment, options, rest, err := gossh.ParseAuthorizedKey([]byte(u.Key))
		_ = comment
		switch {
		case err != nil:
			return nil, fail(at("key"), key("key"), "not an SSH public key (%v); paste one line of a .pub file, e.g. \"ssh-ed25519 AAAA… name@host\"", err)
		case len(options) > 0:
			return nil, fail(at("key"), key("key"), "authorized_keys options (%s) are not allowed; give the key alone", strings.Join(options, ","))
		case len(bytes.TrimSpace(rest)) > 0:
			return nil, fail(at("key"), key("key"), "more than one key; give each key its own [[user]]")
		}
		if _, ok := pk.(*gossh.Certificate); ok {
			return nil, fail(at("key"), key("key"), "certificates are not accepted; give the plain public key")
		}
		if j, ok := a.byKey[string(pk.Marshal())]; ok {
			return nil, fail(at("key"), key("key"), "the key of %q (line %d) is given again; one key is one terminal", a.Users[j].Name, a.Users[j].Line)
		}
		names[u.Name] = header
		a.byKey[string(pk.Marshal())] = len(a.Users)
		a.Users = append(a.Users, User{Name: u.Name, Role: role, Key: pk, Line: header})
	}
	return a, nil
}

var reTomlLine = regexp.MustCompile(`^toml: line (\d+)`)

var reHeader = regexp.MustCompile(`^\s*(\[\[?)\s*([^\[\]]*?)\s*\]\]?\s*(#.*)?$`)

// userLine is the line of field in the idx-th (0-based) [[user]], or of
// that header when field is ""; 0 when not found.
func userLine(lines []string, idx int, field string) int {
	cur, count := "", -1
	for i, line := range lines {
		if m := reHeader.FindStringSubmatch(line); m != nil {
			cur = strings.ReplaceAll(m[2], " ", "")
			if cur == "user" && m[1] == "[[" {
				count++
				if count == idx && field == "" {
					return i + 1
				}
			}
			continue
		}
		if cur == "user" && count == idx && field != "" && isKey(line, field) {
			return i + 1
		}
	}
	return 0
}

// keyLine finds the line of an undecoded key: inside its [[user]] when it
// is user.x, else a table header or a top-level assignment of its name.
func keyLine(lines []string, k toml.Key) int {
	last := k[len(k)-1]
	if len(k) == 2 && k[0] == "user" {
		// The first [[user]] holding it.
		cur := ""
		for i, line := range lines {
			if m := reHeader.FindStringSubmatch(line); m != nil {
				cur = strings.ReplaceAll(m[2], " ", "")
				if cur == "user."+last {
					return i + 1
				}
				continue
			}
			if cur == "user" && isKey(line, last) {
				return i + 1
			}
		}
	}
	full := k.String()
	cur := ""
	for i, line := range lines {
		if m := reHeader.FindStringSubmatch(line); m != nil {
			cur = strings.ReplaceAll(m[2], " ", "")
			if cur == full || strings.HasPrefix(cur, k[0]) && len(k) == 1 {
				return i + 1
			}
			continue
		}
		if cur == "" && (isKey(line, k[0]) || isKey(line, full)) {
			return i + 1
		}
	}
	for i, line := range lines {
		if isKey(line, last) {
			return i + 1
		}
	}
	return 0
}

// isKey reports whether line assigns key k (bare or quoted), or a dotted
// key under it.
func isKey(line, k string) bool {
	line = strings.TrimSpace(line)
	for _, q := range []string{"", `"`, `'`} {
		if rest, ok := strings.CutPrefix(line, q+k+q); ok {
			rest = strings.TrimSpace(rest)
			if strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, ".") {
				return true
			}
		}
	}
	return false
}
