package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBinary runs the built podium as a user would: --version, the man
// page from fang, a shell's completions, and the exit code 2 of bad input
// reaching the shell with the file and line named and no stack trace.
func TestBinary(t *testing.T) {
	dir := t.TempDir()
	bin := buildPodium(t, dir)
	podium := func(args ...string) (int, string, string) {
		cmd := exec.Command(bin, args...)
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), out.String(), errb.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, out.String(), errb.String()
	}
	if code, out, _ := podium("--version"); code != 0 || !strings.HasPrefix(out, "podium version ") {
		t.Errorf("--version: %d %q", code, out)
	}
	if code, out, _ := podium("man"); code != 0 || !strings.Contains(out, ".TH PODIUM 1") || !strings.Contains(out, `\fBroster\fP FILE`) || !strings.Contains(out, `\fB--access\fP`) {
		t.Errorf("man: exit %d\n%.300s", code, out)
	}
	if code, out, _ := podium("completion", "bash"); code != 0 || !strings.Contains(out, "__podium") {
		t.Errorf("completion bash: exit %d\n%.300s", code, out)
	}
	bad := filepath.Join(dir, "roster.csv")
	if err := os.WriteFile(bad, []byte("姓名,选举单位,代表类别\n张三,护理分院,正试\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := podium("new", "--roster", bad, "--name", "x", "--db", filepath.Join(dir, "c.db"))
	if code != 2 || out != "" || !strings.Contains(errs, "roster.csv row 2, column 代表类别") || strings.Contains(errs, "goroutine") {
		t.Errorf("bad roster: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}
