package serve

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"podium/files"
	"podium/session"
)

func TestParseAccess(t *testing.T) {
	k1, l1 := newKey(t)
	_, l2 := newKey(t)
	good := "# the congress's terminals\n[[user]]\nname = \"秘书处\"\nrole = \"secretary\"\nkey = \"" + l1 + " sec@laptop\"\n\n[[user]]\nname = \"门口一\"\nrole = \"desk\"\nkey = \"" + l2 + "\"\n"
	a, err := ParseAccess("access.toml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Users) != 2 || a.Users[0].Role != session.RoleSecretary || a.Users[0].Line != 2 || a.Users[1].Line != 7 {
		t.Fatalf("users %+v", a.Users)
	}
	u, ok := a.Lookup(k1.PublicKey())
	if !ok || u.Actor() != "secretary:秘书处" {
		t.Fatalf("lookup: %+v %v", u, ok)
	}
	stranger, _ := newKey(t)
	if _, ok := a.Lookup(stranger.PublicKey()); ok {
		t.Fatal("a stranger's key was found")
	}

	user := func(name, role, key string) string {
		return "[[user]]\nname = \"" + name + "\"\nrole = \"" + role + "\"\nkey = \"" + key + "\"\n"
	}
	for _, tc := range []struct {
		name, text string
		line       int
		key, why   string
	}{
		{"empty", "", 0, "", "no [[user]]"},
		{"syntax", "[[user]\nname = 1\n", 2, "", "delimiter"},
		{"unknown key", "[[user]]\nname = \"a\"\nrole = \"desk\"\nkey = \"" + l1 + "\"\nlang = \"zh\"\n", 5, "user[1].lang", "unknown key \"lang\""},
		{"unknown table", user("a", "desk", l1) + "\n[server]\nlisten = \"x\"\n", 6, "server", "unknown key"},
		{"unknown top key", "listen = \"0.0.0.0:1\"\n" + user("a", "desk", l1), 1, "listen", "unknown key"},
		{"unknown role", user("a", "desk", l1) + user("b", "chair", l2), 7, "user[2].role", `"chair" is not a role`},
		{"empty role", "[[user]]\nname = \"a\"\nkey = \"" + l1 + "\"\n", 1, "user[1].role", `"" is not a role`},
		{"no name", "[[user]]\nrole = \"desk\"\nkey = \"" + l1 + "\"\n", 1, "user[1].name", "needs a name"},
		{"no key", "[[user]]\nname = \"a\"\nrole = \"desk\"\n", 1, "user[1].key", "needs a key"},
		{"bad key", user("a", "desk", "ssh-ed25519 AAAAnotakey"), 4, "user[1].key", "not an SSH public key"},
		{"private key pasted", user("a", "desk", "-----BEGIN OPENSSH PRIVATE KEY-----"), 4, "user[1].key", "not an SSH public key"},
		{"options", user("a", "desk", "no-pty "+l1), 4, "user[1].key", "options"},
		{"two keys", user("a", "desk", l1+"\\n"+l2), 4, "user[1].key", "more than one key"},
		{"duplicate key", user("a", "desk", l1) + user("b", "teller", l1+" other"), 8, "user[2].key", `the key of "a" (line 1)`},
		{"duplicate name", user("a", "desk", l1) + user("a", "teller", l2), 6, "user[2].name", `"a" is given twice (first on line 1)`},
		{"wrong type", "[[user]]\nname = 7\nrole = \"desk\"\nkey = \"" + l1 + "\"\n", 2, "user[1].name", "must be a string"},
		{"a desk limited to a group", user("a", "desk", l1) + "group = \"护理分院\"\n", 5, "user[1].group", "limits a secretary's terminal"},
		{"a group not a string", user("a", "secretary", l1) + "group = 1\n", 5, "user[1].group", "must be a string"},
		{"an empty group", user("a", "secretary", l1) + "group = \" \"\n", 5, "user[1].group", "is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseAccess("access.toml", []byte(tc.text))
			var ae *AccessError
			if !errors.As(err, &ae) {
				t.Fatalf("want an *AccessError, got %v", err)
			}
			if ae.File != "access.toml" || ae.Line != tc.line || ae.Key != tc.key || !strings.Contains(ae.Reason, tc.why) {
				t.Fatalf("got file %q line %d key %q reason %q; want line %d key %q reason containing %q", ae.File, ae.Line, ae.Key, ae.Reason, tc.line, tc.key, tc.why)
			}
			if !strings.HasPrefix(err.Error(), "access.toml") {
				t.Fatalf("the message does not name the file: %v", err)
			}
		})
	}
}

func TestReadAccessNamesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "who.toml")
	if _, err := ReadAccess(path); err == nil || !strings.HasPrefix(err.Error(), path) {
		t.Fatalf("missing file: %v", err)
	}
	if err := os.WriteFile(path, []byte("[[user]]\nname = \"a\"\nrole = \"boss\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadAccess(path); err == nil || !strings.HasPrefix(err.Error(), path+" line 3, key user[1].role") {
		t.Fatalf("bad role: %v", err)
	}
}

// FuzzParseAccess: no input panics; an accepted file has users with valid
// roles, distinct names and keys, each found by Lookup; a refusal is an
// *AccessError naming the file.
func FuzzParseAccess(f *testing.F) {
	_, l1 := newKey(f)
	f.Add([]byte("[[user]]\nname = \"a\"\nrole = \"desk\"\nkey = \"" + l1 + "\"\n"))
	f.Add([]byte("[[user]]\nname = \"a\"\nrole = \"desk\"\nkey = \"" + l1 + "\"\n[[user]]\nname = \"b\"\nrole = \"host\"\nkey = \"" + l1 + "\"\n"))
	f.Add([]byte("[user]\nname = 'x'\n"))
	f.Add([]byte("user = [{name='a', role='teller', key='" + l1 + "'}]\n"))
	f.Add([]byte("[[user]]\n[[user]]\nx.y = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseAccess("f.toml", data)
		if err != nil {
			var ae *AccessError
			if !errors.As(err, &ae) || ae.File != "f.toml" || !strings.HasPrefix(err.Error(), "f.toml") {
				t.Fatalf("not an AccessError naming the file: %v", err)
			}
			if ae.Line < 0 || ae.Line > strings.Count(string(data), "\n")+1 {
				t.Fatalf("line %d out of the file", ae.Line)
			}
			return
		}
		if len(a.Users) == 0 {
			t.Fatal("accepted with no users")
		}
		names := map[string]bool{}
		for _, u := range a.Users {
			if !u.Role.Valid() || u.Role == "" || u.Name == "" || names[u.Name] {
				t.Fatalf("bad user %+v", u)
			}
			names[u.Name] = true
			got, ok := a.Lookup(u.Key)
			if !ok || got.Name != u.Name {
				t.Fatalf("lookup of %s's key gave %+v", u.Name, got)
			}
			if _, ok := u.Key.(*gossh.Certificate); ok {
				t.Fatal("a certificate was accepted")
			}
		}
	})
}

// TestAccessGroups: a secretary's terminal limited to a deliberation group
// names one of the congress's groups (by default its electoral units);
// another name is refused at the user's line before anyone connects.
func TestAccessGroups(t *testing.T) {
	_, l1 := newKey(t)
	_, l2 := newKey(t)
	text := "[[user]]\nname = \"秘书处\"\nrole = \"secretary\"\nkey = \"" + l1 + "\"\n\n" +
		"[[user]]\nname = \"护理组\"\nrole = \"secretary\"\ngroup = \"%s\"\nkey = \"" + l2 + "\"\n"
	setup := files.Demo()
	for _, c := range []struct {
		group string
		ok    bool
	}{{"护理分院", true}, {"护理分院组", false}} {
		a, err := ParseAccess("access.toml", []byte(fmt.Sprintf(text, c.group)))
		if err != nil {
			t.Fatal(err)
		}
		if a.Users[1].Group != c.group || a.Users[0].Group != "" {
			t.Fatalf("users %+v", a.Users)
		}
		err = a.checkGroups(setup)
		var ae *AccessError
		switch {
		case c.ok && err != nil:
			t.Errorf("%s: %v", c.group, err)
		case !c.ok && (!errors.As(err, &ae) || ae.Line != 6 || ae.Key != "user[2].group"):
			t.Errorf("%s: %v", c.group, err)
		}
	}
}
