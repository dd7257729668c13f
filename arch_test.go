package main

import (
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLayers enforces the import rules of docs/ARCHITECTURE.md: the core
// stays pure, storage and screens meet only through the session.
func TestLayers(t *testing.T) {
	rules := []struct {
		dir    string
		forbid []string // import paths and the paths below them; "=p" forbids p alone
		noNow  bool     // may not read the clock
	}{
		{"model", []string{"podium/", "."}, true},
		{"words", []string{"podium/data", "podium/files", "podium/session", "podium/tui", "podium/records", "charm.land/", "."}, true},
		{"files", []string{"podium/data", "podium/tui", "podium/records", "charm.land/", "go.etcd.io/bbolt"}, false},
		{"session", []string{"podium/data", "podium/tui", "charm.land/", "go.etcd.io/bbolt", "os"}, true},
		{"session/rule", []string{"podium/session", "podium/data", "podium/tui", "charm.land/", "os"}, true},
		{"session/election", []string{"=podium/session", "podium/data", "podium/tui", "charm.land/", "go.etcd.io/bbolt", "os"}, true},
		// The checkpoint's codec knows nothing of podium.
		{"session/snapshot", []string{"podium/", "charm.land/", "os"}, true},
		{"data", []string{"podium/tui", "podium/model", "charm.land/"}, false},
		{"serve", []string{"podium/data", "go.etcd.io/bbolt"}, false},
		{"records", []string{"podium/data", "podium/tui", "charm.land/", "go.etcd.io/bbolt"}, true},
		// The print base knows no congress; the paper reads the state and
		// never the clock; the test deck is pure and never counts.
		{"printout", []string{"podium/", "charm.land/"}, true},
		{"paper", []string{"podium/data", "podium/tui", "podium/internal", "podium/files", "charm.land/", "go.etcd.io/bbolt", "os"}, true},
		{"paper/deck", []string{"=podium/session", "=podium/paper", "podium/printout", "podium/files", "podium/data", "podium/tui", "charm.land/", "os"}, true},
		{"tui", []string{"podium/data", "podium/session/rule", "podium/internal", "go.etcd.io/bbolt"}, false},
		// The screens' parts: what every screen shares knows no screen; the
		// widgets know no screen; a screen knows no root. Every one keeps
		// the root's rules.
		{"tui/common", []string{"podium/tui/", "podium/data", "podium/session/rule", "podium/internal", "go.etcd.io/bbolt"}, false},
		{"tui/widgets", []string{"podium/tui/screens", "=podium/tui", "podium/data", "podium/session/rule", "podium/internal", "go.etcd.io/bbolt"}, false},
		{"prep", []string{"=podium/session", "podium/files", "podium/data", "podium/tui", "charm.land/", "go.etcd.io/bbolt", "os"}, true},
		{"internal/version", []string{"podium/", "."}, true},
		// The use-cases know nothing of the command line or the screens.
		{"internal/app", []string{"github.com/spf13/", "charm.land/", "podium/tui", "podium/serve", "podium/internal/cli"}, false},
		{".", []string{"=podium/data", "=podium/session", "=podium/tui", "=podium/files", "github.com/spf13/"}, false},
	}
	screens, _ := filepath.Glob("tui/screens/*")
	if len(screens) == 0 {
		t.Fatal("tui/screens: no screens")
	}
	for _, d := range screens {
		rules = append(rules, struct {
			dir    string
			forbid []string
			noNow  bool
		}{d, []string{"=podium/tui", "podium/data", "podium/session/rule", "podium/internal", "go.etcd.io/bbolt"}, false})
	}
	for _, r := range rules {
		files, _ := filepath.Glob(filepath.Join(r.dir, "*.go"))
		if len(files) == 0 {
			t.Fatalf("%s: no Go files", r.dir)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range af.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				for _, bad := range r.forbid {
					if bad == "." { // the standard library only
						if first, _, _ := strings.Cut(p, "/"); strings.Contains(first, ".") {
							t.Errorf("%s imports %s: the %s layer imports only the standard library and podium", f, p, r.dir)
						}
						continue
					}
					if exact, ok := strings.CutPrefix(bad, "="); ok {
						if p == exact {
							t.Errorf("%s imports %s: the %s layer must not", f, p, r.dir)
						}
						continue
					}
					if p == bad || strings.HasPrefix(p, bad) && (strings.HasSuffix(bad, "/") || strings.HasPrefix(p, bad+"/")) {
						t.Errorf("%s imports %s: the %s layer must not", f, p, r.dir)
					}
				}
			}
			if r.noNow && strings.Contains(string(src), "time.Now(") {
				t.Errorf("%s reads the clock: commands carry their time", f)
			}
		}
	}
}

// TestCoreDeps checks, with the go tool, that the core depends on no
// storage, file format or UI library, even indirectly.
func TestCoreDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./session/...", "./model", "./words").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, bad := range []string{"github.com/xuri/excelize", "github.com/BurntSushi/toml", "go.etcd.io/bbolt",
			"charm.land/bubbletea", "charm.land/lipgloss", "podium/files", "podium/data", "podium/tui", "podium/records"} {
			if strings.HasPrefix(dep, bad) {
				t.Errorf("the core depends on %s", dep)
			}
		}
	}
}
