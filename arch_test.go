package main

import (
	"go/parser"
	"go/token"
	"os"
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
		{"agenda", []string{"podium/"}, false},
		{"session", []string{"podium/data", "podium/tui", "charm.land/", "go.etcd.io/bbolt", "os"}, true},
		{"session/rule", []string{"podium/session", "podium/data", "podium/tui", "charm.land/", "os"}, true},
		{"session/election", []string{"=podium/session", "podium/data", "podium/tui", "charm.land/", "go.etcd.io/bbolt", "os"}, true},
		{"data", []string{"podium/tui", "podium/agenda", "charm.land/"}, false},
		{"serve", []string{"podium/data", "go.etcd.io/bbolt"}, false},
		{"records", []string{"podium/data", "podium/tui", "charm.land/", "go.etcd.io/bbolt"}, true},
		{"tui", []string{"podium/data", "podium/session/rule", "go.etcd.io/bbolt"}, false},
		{"prep", []string{"=podium/session", "podium/data", "podium/tui", "charm.land/", "go.etcd.io/bbolt", "os"}, true},
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
