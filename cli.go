package main

import (
	"podium/files"

	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"podium/data"
	"podium/model"
	"podium/session"
	"podium/tui"
)

// globals are the flags every command takes.
type globals struct {
	db   string
	lang string
}

// flags returns a flag set with the global flags registered.
func (g *globals) flags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { commandUsage(stderr, fs) }
	db := g.db // given before the command, or the default
	if db == "" {
		db = defaultDBPath()
	}
	fs.StringVar(&g.db, "db", db, "the database `FILE`")
	fs.StringVar(&g.lang, "lang", g.lang, "the language of the screens: zh or en (default from the locale)")
	return fs
}

// parse parses args and checks the global flags.
func (g *globals) parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return exitError{code: exitUsage}
	}
	if fs.NArg() > 0 {
		return usageError("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
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

func (g *globals) tuiOptions() tui.Options {
	return tui.Options{Lang: g.lang, Actor: "host", Now: time.Now}
}

// runOpen opens the congress in the database; with none yet it offers the
// demo.
func runOpen(g *globals, stdout, stderr io.Writer) error {
	if g.lang == "" {
		g.lang = localeLang()
	} else if g.lang != "zh" && g.lang != "en" {
		return usageError("--lang %q: use zh or en", g.lang)
	}
	if !exists(g.db) {
		ok, err := tui.OfferDemo(g.tuiOptions())
		if err != nil || !ok {
			return err
		}
		return openDemo(g, true)
	}
	store, err := data.Open(g.db, data.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	s, err := session.Load(store)
	if errors.Is(err, session.ErrEmpty) {
		store.Close()
		ok, err := tui.OfferDemo(g.tuiOptions())
		if err != nil || !ok {
			return err
		}
		return openDemo(g, true)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", g.db, err)
	}
	return runTUI(g, store, s)
}

// runTUI runs the screens on a session whose log is store; the log's hash
// chain is verified in the background once the screens are up.
func runTUI(g *globals, store *data.Store, s *session.Session) error {
	opt := g.tuiOptions()
	opt.Verify = store.Verify
	opt.Export = func() (string, []string, error) {
		// Beside the database, one folder per export (its name is the only
		// place the clock appears; the files inside are deterministic).
		dir := filepath.Join(filepath.Dir(g.db), "records-"+time.Now().Format("20060102-150405"))
		files, err := exportRecords(s, store, exportFormats, dir, g.lang)
		return dir, files, err
	}
	return tui.Run(s, opt)
}

func runDemo(g *globals, args []string, stdout, stderr io.Writer) error {
	fs := g.flags("demo", stderr)
	if err := g.parse(fs, args); err != nil {
		return err
	}
	return openDemo(g, true)
}

// openDemo creates a fresh demo congress in g.db, replacing an earlier demo
// but never a real congress, and opens it when open is set.
func openDemo(g *globals, open bool) error {
	if exists(g.db) {
		if err := replaceableDemo(g.db); err != nil {
			return err
		}
		if err := os.Remove(g.db); err != nil {
			return err
		}
	}
	setup := files.Demo()
	setup.Demo = true
	store, err := data.Open(g.db, data.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	s, err := session.Create(store, session.Open{Meta: session.Meta{At: time.Now(), Actor: "host"}, Setup: setup})
	if err != nil {
		return err
	}
	if !open {
		return nil
	}
	return runTUI(g, store, s)
}

// replaceableDemo returns nil when the database at path is empty or holds
// a demo congress, and an error naming the congress otherwise.
func replaceableDemo(path string) error {
	store, err := data.Open(path, data.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	s, err := session.Load(store)
	if errors.Is(err, session.ErrEmpty) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	var name string
	var demo bool
	s.Read(func(st *session.State) { name, demo = st.Setup.Meeting.Name, st.Setup.Demo })
	if demo {
		return nil
	}
	return exitError{1, fmt.Sprintf("podium: %s holds the congress %q; the demo never replaces a real congress.\nUse another file: --db demo.db", path, name)}
}

func runNew(g *globals, args []string, stdout, stderr io.Writer) error {
	fs := g.flags("new", stderr)
	roster := fs.String("roster", "", "the roster `FILE` (.csv or .xlsx)")
	agendaFile := fs.String("agenda", "", "the agenda `FILE` (.toml); default: the standard agenda")
	name := fs.String("name", "", "the congress's name (overrides the agenda file's)")
	demo := fs.Bool("demo", false, "create the demo congress instead of reading a roster")
	if err := g.parse(fs, args); err != nil {
		return err
	}
	if *demo {
		if *roster != "" || *agendaFile != "" || *name != "" {
			return usageError("new --demo takes no --roster, --agenda or --name")
		}
		if err := openDemo(g, false); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "created the demo congress in %s\nopen it with: podium --db %s\n", g.db, g.db)
		return nil
	}
	if *roster == "" {
		return usageError("new needs --roster FILE (or --demo)")
	}
	setup, err := readSetup(*roster, *agendaFile, *name)
	if err != nil {
		return exitError{exitUsage, "podium: " + err.Error()}
	}
	if exists(g.db) {
		return exitError{1, fmt.Sprintf("podium: %s exists already; a congress is never overwritten. Use --db with a new file.", g.db)}
	}
	store, err := data.Open(g.db, data.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	if _, err := session.Create(store, session.Open{Meta: session.Meta{At: time.Now(), Actor: "host"}, Setup: setup}); err != nil {
		store.Close()
		os.Remove(g.db)
		return exitError{exitUsage, "podium: " + err.Error()}
	}
	formal := 0
	for _, p := range setup.Roster {
		if p.Kind == model.Formal {
			formal++
		}
	}
	fmt.Fprintf(stdout, "created %q: %d people (%d formal delegates), %d agenda items\nin %s\nopen it with: podium --db %s\n",
		setup.Meeting.Name, len(setup.Roster), formal, len(setup.Agenda), g.db, g.db)
	return nil
}

func runVerify(g *globals, args []string, stdout, stderr io.Writer) error {
	fs := g.flags("verify", stderr)
	if err := g.parse(fs, args); err != nil {
		return err
	}
	if !exists(g.db) {
		return exitError{1, fmt.Sprintf("podium: %s does not exist", g.db)}
	}
	store, err := data.Open(g.db, data.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer store.Close()
	n, last, err := store.Verify()
	if err != nil {
		return exitError{1, fmt.Sprintf("podium: %s: %v", g.db, err)}
	}
	fmt.Fprintf(stdout, "ok %d %x\n", n, last)
	return nil
}

func runBackup(g *globals, args []string, stdout, stderr io.Writer) error {
	fs := g.flags("backup", stderr)
	out := fs.String("out", "", "where to write the copy (`FILE`)")
	if err := g.parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError("backup needs --out FILE")
	}
	if !exists(g.db) {
		return exitError{1, fmt.Sprintf("podium: %s does not exist", g.db)}
	}
	store, err := data.Open(g.db, data.Options{ReadOnly: true, Timeout: 300 * time.Millisecond})
	if errors.Is(err, data.ErrInUse) {
		// podium is running: copy the file and verify the copy whole.
		n, last, err := data.CopyInUse(g.db, *out)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "backed up %d events (last %x) to %s (copied while podium was running, and verified)\n", n, last, *out)
		return nil
	}
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Backup(*out); err != nil {
		return err
	}
	n, last, err := store.Verify()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %d events (last %x) to %s\n", n, last, *out)
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
