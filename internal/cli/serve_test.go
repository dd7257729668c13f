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
