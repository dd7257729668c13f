// Command podium runs a live student congress (学生代表大会) from a
// terminal: attendance and quorum, the agenda, the election count, and a
// durable, tamper-evident record of every action.
//
// main.go only wires: it reads the command line and hands the work to the
// packages (agenda, session, data, tui). See docs/ARCHITECTURE.md.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// exitUsage is the exit code for bad arguments or bad input files.
const exitUsage = 2

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// command is one subcommand of podium.
type command struct {
	name     string
	synopsis string
	summary  string
	run      func(g *globals, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"demo", "", "create a fresh demo congress and open it", runDemo},
		{"new", "--roster FILE [--agenda FILE] [--name TEXT] | --demo", "create a congress from a roster (--roster FILE) or the demo (--demo)", runNew},
		{"serve", "--access FILE [--listen ADDR] [--headless]", "serve the congress over SSH to the secretary, desks, tellers and projector (--access FILE)", runServe},
		{"verify", "", "recompute the hash chain of the event log", runVerify},
		{"backup", "--out FILE", "write a consistent copy of the database (--out FILE)", runBackup},
		{"export", "--format md|html|csv|xlsx|json[,…] --out DIR", "write the official records: minutes, sign-in sheet, tally sheets, result report, registers", runExport},
		{"count", "--method M.toml --candidates C.csv --ballots B.csv --expected N --present N --issued N [--format json|text]",
			"count one election round from files (recounts and audits)", runCount},
		{"plan", "seats --units FILE --total N [--format json|text]", "plan the congress: the seats of each electoral unit", runPlan},
		{"check", "roster FILE [--date YYYY-MM-DD] [--tolerance N] | staff FILE", "check the delegates' composition and candidates, or the union staff", runCheck},
	}
}

// commandUsage prints a command's synopsis and flags, written with "--".
func commandUsage(w io.Writer, fs *flag.FlagSet) {
	for _, c := range commands() {
		if c.name == fs.Name() {
			fmt.Fprintf(w, "Usage: podium %s [--db FILE] [--lang zh|en] %s\n\n%s.\n\nFlags:\n", c.name, c.synopsis, c.summary)
		}
	}
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(w, "  --%s\n      %s", strings.TrimSpace(f.Name+" "+name), usage)
		if f.DefValue != "" && f.DefValue != "false" {
			fmt.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// run is main without the exit, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	name := ""
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	if name == "help" {
		usage(stdout)
		return 0
	}
	var err error
	g := &globals{}
	if name == "" {
		// Global flags may come before a command: podium --db x.db verify.
		fs := g.flags("podium", stderr)
		fs.Usage = func() { usage(stderr) }
		if err = fs.Parse(args); err == nil && fs.NArg() > 0 {
			name, args = fs.Arg(0), fs.Args()[1:]
			if name == "help" {
				usage(stdout)
				return 0
			}
		} else if err == nil {
			err = runOpen(g, stdout, stderr)
		} else if !errors.Is(err, flag.ErrHelp) {
			err = exitError{code: exitUsage} // flag has said what is wrong
		}
	}
	if name != "" && err == nil {
		var c *command
		for _, k := range commands() {
			if k.name == name {
				c = &k
				break
			}
		}
		if c == nil {
			fmt.Fprintf(stderr, "podium: unknown command %q\n\n", name)
			usage(stderr)
			return exitUsage
		}
		err = c.run(g, args, stdout, stderr)
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, new(exitError)):
		var e exitError
		errors.As(err, &e)
		if e.msg != "" {
			fmt.Fprintln(stderr, e.msg)
		}
		return e.code
	default:
		fmt.Fprintln(stderr, "podium:", err)
		return 1
	}
}

func usage(w io.Writer) {
	fmt.Fprintf(w, `podium runs a live student congress (学生代表大会) from the terminal.

Usage:
  podium [--db FILE] [--lang zh|en]     open the congress in the database
  podium <command> [flags]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, `
Global flags (every command):
  --db FILE       the database (default %s)
  --lang zh|en    the language of the screens (default from the locale)

Run 'podium <command> --help' for a command's flags.
`, defaultDBPath())
}

// exitError ends podium with a code and a message already worded for the
// user.
type exitError struct {
	code int
	msg  string
}

// Error returns the message.
func (e exitError) Error() string { return e.msg }

func usageError(format string, a ...any) error {
	return exitError{exitUsage, "podium: " + fmt.Sprintf(format, a...)}
}
