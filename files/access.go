package files

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
	gossh "golang.org/x/crypto/ssh"
)

// This file reads the access file of `podium serve --access FILE`: who may
// connect over SSH, with which key, in which role. Package serve looks
// users up by key; the roles are the session's, given by the caller.

// AccessUser is one [[user]] of an access file.
type AccessUser struct {
	Name string
	Role string
	// Group limits a secretary's terminal to one deliberation group (a
	// group's own terminal, docs/DELIBERATION.md); "" for none.
	Group string
	Key   gossh.PublicKey
	Line  int // the line of its [[user]] header
}

// userDoc is one [[user]] table as decoded.
type userDoc struct {
	Name tomlValue `toml:"name"`
	Role tomlValue `toml:"role"`
	Key  tomlValue `toml:"key"`
	// Group is the deliberation group a secretary's terminal is limited
	// to (optional, role secretary only).
	Group tomlValue `toml:"group"`
}

// ReadAccess reads the access file at path; see ParseAccess.
func ReadAccess(path string, roles []string) ([]AccessUser, error) {
	data, err := readFile(path, MaxTOMLSize)
	if err != nil {
		return nil, err
	}
	return ParseAccess(path, data, roles)
}

// ParseAccess parses an access file's text; name is the file name used in
// errors, roles the roles a user may have. It is strict: an unknown key,
// an unknown role, a missing field, an unparsable, duplicate or optioned
// SSH key, or a duplicate name is a *FileError naming the file, the line
// and the key (user[2].role).
func ParseAccess(name string, data []byte, roles []string) ([]AccessUser, error) {
	var doc struct {
		User toml.Primitive `toml:"user"`
	}
	f, err := decodeTOML(name, data, &doc)
	if err != nil {
		return nil, err
	}
	var users []userDoc
	if f.defined("user") {
		const want = "must be [[user]] tables, each with name, role and key"
		var elems []toml.Primitive
		if fe := f.decode(doc.User, &elems, place("user"), want); fe != nil {
			return nil, fe
		}
		users = make([]userDoc, len(elems))
		for i, e := range elems {
			if fe := f.decode(e, &users[i], place("user", i), want); fe != nil {
				return nil, fe
			}
		}
	}
	if k := f.unknown(); k != nil {
		if len(k) > 1 && k[0].name == "user" {
			return nil, f.fail(k, nil, fmt.Sprintf("unknown key %q: a [[user]] has name, role, key and (a secretary's) group", k[len(k)-1].name))
		}
		return nil, f.fail(k, nil, fmt.Sprintf("unknown key %q: an access file holds [[user]] tables only", k[len(k)-1].name))
	}
	if len(users) == 0 {
		return nil, &FileError{File: name, Reason: "has no [[user]]: nobody could connect"}
	}
	var out []AccessUser
	names, keys := map[string]int{}, map[string]int{}
	for i, d := range users {
		u, fe := f.user(i, d, roles)
		if fe != nil {
			return nil, fe
		}
		at := place("user", i)
		if prev, ok := names[u.Name]; ok {
			return nil, f.fail(at.at("name"), nil, fmt.Sprintf("the name %q is given twice (first on line %d); each terminal's actor must be distinct", u.Name, prev))
		}
		if j, ok := keys[string(u.Key.Marshal())]; ok {
			return nil, f.fail(at.at("key"), nil, fmt.Sprintf("the key of %q (line %d) is given again; one key is one terminal", out[j].Name, out[j].Line))
		}
		names[u.Name] = u.Line
		keys[string(u.Key.Marshal())] = len(out)
		out = append(out, u)
	}
	return out, nil
}

// user checks the i-th [[user]].
func (f *tomlFile) user(i int, d userDoc, roles []string) (AccessUser, *FileError) {
	at := place("user", i)
	u := AccessUser{Line: f.line(at)}
	for _, t := range []struct {
		key  string
		v    *tomlValue
		into *string
	}{{"name", &d.Name, &u.Name}, {"role", &d.Role, &u.Role}, {"key", &d.Key, nil}} {
		if s, ok := t.v.v.(string); ok && t.into != nil {
			*t.into = s
		} else if t.v.set && !ok {
			return u, f.fail(at.at(t.key), nil, "must be a string")
		}
	}
	u.Name = strings.TrimSpace(u.Name)
	if u.Name == "" {
		return u, f.fail(at.at("name"), nil, "a user needs a name")
	}
	known := false
	for _, r := range roles {
		known = known || r == u.Role
	}
	if !known {
		return u, f.fail(at.at("role"), nil, fmt.Sprintf("%q is not a role (%s)", u.Role, strings.Join(roles, ", ")))
	}
	key, _ := d.Key.v.(string)
	if strings.TrimSpace(key) == "" {
		return u, f.fail(at.at("key"), nil, "a user needs a key (a line of ~/.ssh/id_ed25519.pub)")
	}
	pk, _, options, rest, err := gossh.ParseAuthorizedKey([]byte(key))
	switch {
	case err != nil:
		return u, f.fail(at.at("key"), nil, fmt.Sprintf("not an SSH public key (%v); paste one line of a .pub file, e.g. \"ssh-ed25519 AAAA… name@host\"", err))
	case len(options) > 0:
		return u, f.fail(at.at("key"), nil, fmt.Sprintf("authorized_keys options (%s) are not allowed; give the key alone", strings.Join(options, ",")))
	case len(bytes.TrimSpace(rest)) > 0:
		return u, f.fail(at.at("key"), nil, "more than one key; give each key its own [[user]]")
	}
	if _, ok := pk.(*gossh.Certificate); ok {
		return u, f.fail(at.at("key"), nil, "certificates are not accepted; give the plain public key")
	}
	u.Key = pk
	if d.Group.set {
		s, ok := d.Group.v.(string)
		if !ok {
			return u, f.fail(at.at("group"), nil, "must be a string: the name of a deliberation group")
		}
		c, why := cleanText(s)
		switch {
		case why != "":
			return u, f.fail(at.at("group"), s, why)
		case c == "":
			return u, f.fail(at.at("group"), s, "is empty: name the deliberation group, or leave the key out")
		case u.Role != "secretary":
			return u, f.fail(at.at("group"), s, fmt.Sprintf("limits a secretary's terminal to one group; this user's role is %q", u.Role))
		}
		u.Group = c
	}
	return u, nil
}
