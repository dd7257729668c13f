// Package cli is podium's command line, on cobra with Charm's fang for
// help, errors, --version, shell completions and the man page. Each
// command is one file (new.go, verify.go, …) building one *cobra.Command;
// the work itself is done by internal/app (the use-cases shared with the
// screens), tui and the other packages.
//
// Exit codes: 0 ok; 1 a refusal, damage or a failed verification (a
// damaged database is named with what to do: podium salvage); 2 bad input
// (a wrong argument, flag or file, named with its line and field).
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"podium/internal/app"
	"podium/internal/version"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailed  = 1 // a refusal, damage, a failed verification
	exitBadArgs = 2 // bad arguments or bad input files
)

// Run runs podium's command line with args (without the program's name),
// writing to stdout and stderr, and returns the exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	root.SetIn(os.Stdin)
	path := "podium"
	if cmd, _, err := root.Find(args); err == nil && cmd != nil && cmd.Name() != "help" {
		path = cmd.CommandPath()
	}
	db := func() string { f := root.PersistentFlags().Lookup("db"); return f.Value.String() }
	err := fang.Execute(ctx, root,
		fang.WithVersion(version.Line()),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) { printError(w, path, db(), err) }),
	)
	return exitCode(err)
}

// globals are the flags every command takes, anywhere on the line.
type globals struct {
	db   string
	lang string
	// mirror is --mirror of podium and podium serve: the mirror file.
	mirror string
	// now is the screens' clock (clock.go): the machine's unless a test
	// names a clock file.
	now func() time.Time
}

// newRoot builds the command tree writing to stdout and stderr: podium
// itself (open the congress) and one subcommand per file of this package.
func newRoot(stdout, stderr io.Writer) *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "podium",
		Short: "Run a live student congress (学生代表大会) from the terminal",
		Long: `podium runs a live student congress (学生代表大会) from the terminal:
check-in, quorum, the agenda, questions, motions, votes, the committee
election counted by the congress's method, the official records, and SSH
terminals with roles.

Without a command it opens the congress in the database; with none yet it
offers the demo. Every action is written durably to one hash-chained file;
--mirror FILE (a USB stick) also writes each event there, right after,
and the database remembers it for every later run (--mirror off forgets
it). A failing mirror shows in the header and catches up once back.`,
		Example: `# open the congress in the default database
podium
# open another database, in English
podium --db congress.db --lang en
# also copy every event to a USB stick
podium --db congress.db --mirror /media/usb/congress.mirror.db
# the version, a shell's completions and the manual page
podium --version
podium completion bash > /etc/bash_completion.d/podium
podium man > podium.1`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			msg := fmt.Sprintf("unknown command %q", args[0])
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += fmt.Sprintf("; did you mean %q?", s[0])
			}
			return usageError("%s", msg)
		},
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error { return g.check() },
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runOpen(g, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(stdout) // before addCompletion, which keeps the writer
	root.SetErr(stderr)
	pf := root.PersistentFlags()
	pf.StringVar(&g.db, "db", defaultDBPath(), "the database FILE")
	pf.StringVar(&g.lang, "lang", "", "the language, zh or en (default: the locale)")
	root.Flags().StringVar(&g.mirror, "mirror", "", mirrorHelp)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		if !cmd.HasParent() {
			return usageError("%v", err)
		}
		return usageError("%s: %v", name(cmd), err)
	})
	root.SetHelpCommand(newHelpCmd())
	root.AddCommand(
		newDemoCmd(g), newNewCmd(g), newServeCmd(g), newVerifyCmd(g), newBackupCmd(g),
		newSalvageCmd(g), newExportCmd(g), newCountCmd(g), newPlanCmd(g), newCheckCmd(g),
		newLogCmd(g), newApplyCmd(g), newAuditCmd(g), newPrintCmd(g), newRehearseCmd(g),
		newStandbyCmd(g), newTakeoverCmd(g),
	)
	addCompletion(root)
	return root
}

// check checks the global flags after parsing: --lang is zh or en, or
// comes from the locale.
func (g *globals) check() error {
	now, err := clock()
	if err != nil {
		return err
	}
	g.now = now
	switch g.lang {
	case "":
		g.lang = localeLang()
	case "zh", "en":
	default:
		return usageError("--lang %q: use zh or en", g.lang)
	}
	return nil
}

// defaultDBPath follows the XDG rules: $XDG_DATA_HOME/podium/podium.db,
// else ~/.local/share/podium/podium.db.
func defaultDBPath() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "podium.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "podium", "podium.db")
}

// localeLang is "zh" when the locale is Chinese, "en" otherwise.
func localeLang() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "zh") {
				return "zh"
			}
			return "en"
		}
	}
	return "en"
}

// exitError ends podium with a code and a message already worded for the
// user.
type exitError struct {
	code int
	msg  string
	// usage is set for a wrong argument or flag: the message adds where
	// to find the command's usage.
	usage bool
}

// Error returns the message.
func (e *exitError) Error() string { return e.msg }

// usageError is a wrong argument or flag: exit 2.
func usageError(format string, a ...any) error {
	return &exitError{code: exitBadArgs, msg: "podium: " + fmt.Sprintf(format, a...), usage: true}
}

// failed is a refusal worded for the user: exit 1.
func failed(format string, a ...any) error {
	return &exitError{code: exitFailed, msg: "podium: " + fmt.Sprintf(format, a...)}
}

// exitCode maps an error to podium's exit code: bad input is 2 (an
// *app.InputError, or a wrong argument or flag), any other failure 1.
func exitCode(err error) int {
	var e *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &e):
		return e.code
	case errors.As(err, new(*app.InputError)):
		return exitBadArgs
	default:
		return exitFailed
	}
}

// printError is fang's error handler: the message exactly as worded
// (file, line and field intact; never restyled or wrapped), "podium: "
// before it, and for a wrong argument or flag where to find the usage of
// the command at path. A damaged database db is named with what to do
// (damageMessage); an exitError with no message prints nothing.
func printError(w io.Writer, path, db string, err error) {
	if msg, ok := damageMessage(err, db); ok {
		fmt.Fprintln(w, msg)
		return
	}
	msg := err.Error()
	if msg == "" {
		return
	}
	if !strings.HasPrefix(msg, "podium: ") {
		msg = "podium: " + msg
	}
	fmt.Fprintln(w, msg)
	var e *exitError
	if errors.As(err, &e) && e.usage {
		if path == "podium" {
			fmt.Fprintln(w, "Run 'podium --help' for the commands and flags.")
		} else {
			fmt.Fprintf(w, "Run '%s --help' for usage.\n", path)
		}
	}
}
