package cli

import (
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// words collapses every run of white space to one space, so that text
// fang re-wraps still compares.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// commandPaths lists every command and subcommand of podium, e.g.
// ["check", "roster"], the root first (as []string{}).
func commandPaths(c *cobra.Command, path []string) [][]string {
	all := [][]string{path}
	for _, sub := range c.Commands() {
		if sub.Hidden {
			continue
		}
		all = append(all, commandPaths(sub, append(append([]string(nil), path...), sub.Name()))...)
	}
	return all
}

// TestHelp walks every command and subcommand: `--help` exits 0 and
// prints its usage line (podium, its path and its arguments), its own
// synopsis and no sibling's, every flag it takes (the global ones too)
// and an example of it; `podium help <path>` prints the same.
func TestHelp(t *testing.T) {
	root := newRoot(io.Discard, io.Discard)
	paths := commandPaths(root, []string{})
	if len(paths) < 13 {
		t.Fatalf("only %d commands: %v", len(paths), paths)
	}
	for _, path := range paths {
		cmd, _, err := root.Find(path)
		if err != nil {
			t.Fatal(err)
		}
		label := strings.Join(append([]string{"podium"}, path...), " ")
		code, out, errs := podium(t, append(path, "--help")...)
		if code != 0 || errs != "" {
			t.Errorf("%s --help: exit %d, stderr %q", label, code, errs)
			continue
		}
		text := words(out)
		// The usage line: the path, then the arguments of its Use.
		usage := label
		if _, args, ok := strings.Cut(cmd.Use, " "); ok && cmd.HasParent() {
			usage += " " + args
		}
		if !strings.Contains(text, "USAGE "+usage) {
			t.Errorf("%s --help has no usage line %q:\n%s", label, usage, out)
		}
		if syn := cmd.Long; syn == "" || !strings.Contains(text, words(syn)) {
			t.Errorf("%s --help lacks its synopsis %q:\n%s", label, syn, out)
		}
		if cmd.Parent() != nil {
			for _, sib := range cmd.Parent().Commands() {
				if sib != cmd && strings.Contains(text, cmd.Parent().CommandPath()+" "+sib.Name()+" ") {
					t.Errorf("%s --help shows its sibling %s:\n%s", label, sib.Name(), out)
				}
			}
		}
		ex := strings.SplitN(strings.TrimSpace(cmd.Example), "\n", 2)[0]
		if ex == "" || !strings.Contains(text, "EXAMPLES") || !strings.Contains(text, words(ex)) {
			t.Errorf("%s --help lacks an example (%q):\n%s", label, ex, out)
		}
		if !strings.Contains(ex, label) && !strings.HasPrefix(ex, "#") {
			t.Errorf("%s: the first example %q is not of the command", label, ex)
		}
		for _, flag := range []string{"--db", "--lang", "--help"} {
			if !strings.Contains(text, flag) {
				t.Errorf("%s --help lacks %s", label, flag)
			}
		}
		cmd.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if !strings.Contains(text, "--"+f.Name+" ") || !strings.Contains(strings.ToLower(text), strings.ToLower(words(f.Usage))) {
				t.Errorf("%s --help lacks --%s (%q)", label, f.Name, f.Usage)
			}
		})
		// It fits an 80-column terminal (the database's default path aside:
		// it is the machine's).
		for _, line := range strings.Split(out, "\n") {
			line = strings.TrimRight(line, " ")
			cobras := len(path) > 1 && path[0] == "completion" // cobra's own words
			if w := ansi.StringWidth(line); w > 80 && !strings.Contains(line, defaultDBPath()) && !cobras {
				t.Errorf("%s --help: a line of %d columns: %q", label, w, line)
			}
		}
		if len(path) > 0 {
			if code, again, _ := podium(t, append([]string{"help"}, path...)...); code != 0 || again != out {
				t.Errorf("podium help %s: exit %d, not the same as --help:\n%s", strings.Join(path, " "), code, again)
			}
		}
	}
	// The short form, and a help topic that is not a command.
	if code, out, _ := podium(t, "verify", "-h"); code != 0 || !strings.Contains(out, "podium verify") {
		t.Errorf("verify -h: %d %q", code, out)
	}
	if code, _, errs := podium(t, "help", "frobnicate"); code != exitBadArgs || !strings.Contains(errs, `"frobnicate"`) {
		t.Errorf("help frobnicate: %d %q", code, errs)
	}
	if code, _, errs := podium(t, "frobnicate"); code != exitBadArgs || !strings.Contains(errs, "unknown command") {
		t.Errorf("unknown command: %d %q", code, errs)
	}
}

// TestHelpCheck: `podium help check` honours its argument: the check
// command's help, listing its two subcommands, not podium's.
func TestHelpCheck(t *testing.T) {
	_, top, _ := podium(t, "help")
	code, out, _ := podium(t, "help", "check")
	if code != 0 || out == top || !strings.Contains(out, "podium check") {
		t.Fatalf("help check: exit %d\n%s", code, out)
	}
	for _, want := range []string{"roster FILE", "staff FILE", "survey FILE"} {
		if !strings.Contains(out, want) {
			t.Errorf("help check lacks %q:\n%s", want, out)
		}
	}
	// check roster's help shows only its own synopsis.
	_, roster, _ := podium(t, "check", "roster", "--help")
	if strings.Contains(roster, "check staff") || strings.Contains(roster, "staff FILE") {
		t.Errorf("check roster --help shows check staff:\n%s", roster)
	}
}

// TestVersionAndCompletion: --version (and -v) print the version from the
// build information; completion scripts come for the usual shells.
func TestVersionAndCompletion(t *testing.T) {
	for _, arg := range []string{"--version", "-v"} {
		code, out, _ := podium(t, arg)
		if code != 0 || !regexp.MustCompile(`^podium version \S+`).MatchString(out) {
			t.Errorf("%s: exit %d, %q", arg, code, out)
		}
	}
	for _, sh := range []string{"bash", "zsh", "fish", "powershell"} {
		code, out, errs := podium(t, "completion", sh)
		if code != 0 || !strings.Contains(out, "podium") {
			t.Errorf("completion %s: exit %d, %q", sh, code, errs)
		}
	}
}
