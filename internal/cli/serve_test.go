package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestServeRefusesBadInvocations(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "access.toml")
	if err := os.WriteFile(bad, []byte("[[user]]\nname = \"门口一\"\nrole = \"doorman\"\nkey = \"x\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "--db", filepath.Join(dir, "p.db")}, exitBadArgs, "serve needs --access FILE"},
		{[]string{"serve", "--db", filepath.Join(dir, "p.db"), "--access", bad}, exitBadArgs, bad + " line 3, key user[1].role: \"doorman\" is not a role"},
		{[]string{"serve", "--db", filepath.Join(dir, "p.db"), "--access", filepath.Join(dir, "none.toml")}, exitBadArgs, "none.toml"},
	} {
		var out, errb bytes.Buffer
		if code := run(tc.args, &out, &errb); code != tc.code || !strings.Contains(errb.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errb.String(), tc.code, tc.want)
		}
	}
}

// TestServeFingerprint: serve --fingerprint prints the host key's
// fingerprint (making the key on first use, as serve does) and the same
// one every time after; it needs a congress.
func TestServeFingerprint(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	var out, errb bytes.Buffer
	if code := run([]string{"serve", "--fingerprint", "--db", db}, &out, &errb); code == 0 || !strings.Contains(errb.String(), "does not exist") {
		t.Fatalf("no congress: exit %d, %q", code, errb.String())
	}
	if code := run([]string{"new", "--demo", "--db", db}, &out, &errb); code != 0 {
		t.Fatalf("new --demo: %d %s", code, errb.String())
	}
	var first, second bytes.Buffer
	if code := run([]string{"serve", "--fingerprint", "--db", db}, &first, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if code := run([]string{"--db", db, "serve", "--fingerprint"}, &second, &errb); code != 0 {
		t.Fatal(errb.String())
	}
	fp := strings.Fields(first.String())[0]
	if !strings.HasPrefix(fp, "SHA256:") || !strings.Contains(first.String(), "new, kept in "+db+".hostkey") ||
		!strings.HasPrefix(second.String(), fp+" (kept in ") {
		t.Errorf("first %q, then %q", first.String(), second.String())
	}
}
