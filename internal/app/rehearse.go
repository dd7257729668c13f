package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"podium/data"
	"podium/files"
	"podium/model"
	"podium/paper"
	"podium/paper/deck"
	"podium/session"
	"podium/session/election"
)

// RehearsalPath is the rehearsal's database of the congress in db: beside
// it, <name>-rehearsal.db.
func RehearsalPath(db string) string {
	ext := filepath.Ext(db)
	return strings.TrimSuffix(db, ext) + "-rehearsal" + ext
}

// NotRehearsalError refuses to use the congress at Path as a rehearsal:
// it is not one (a rehearsal never replaces or stands for a real
// congress), or it is one where the real congress was asked for.
type NotRehearsalError struct {
	Path, Name string
	// Is is set when the file is a rehearsal where the real congress was
	// wanted.
	Is bool
}

// Error names the path and what it holds.
func (e *NotRehearsalError) Error() string {
	if e.Is {
		return fmt.Sprintf("%s is a rehearsal (演练) of %q, not the congress: rehearse from the congress's own database", e.Path, e.Name)
	}
	return fmt.Sprintf("%s holds the congress %q, not a rehearsal; a rehearsal never replaces a congress: give another --to FILE", e.Path, e.Name)
}

// SameDatabaseError refuses a rehearsal into the congress's own database.
type SameDatabaseError struct{ Path string }

// Error names the path.
func (e *SameDatabaseError) Error() string {
	return e.Path + " is the congress's own database; a rehearsal is always a separate one"
}

// DeckSizeError refuses a test deck larger than the congress's formal
// delegates: its ballots could not all be issued in a round.
type DeckSizeError struct{ Ballots, Formal int }

// Error gives both numbers.
func (e *DeckSizeError) Error() string {
	return fmt.Sprintf("the test deck needs %d ballots, more than the %d formal delegates who could be issued them", e.Ballots, e.Formal)
}

// RehearsalDBError is an error of the rehearsal's database at Path (not
// the congress's), so that a message names the right file.
type RehearsalDBError struct {
	Path string
	Err  error
}

// Error names the path (once).
func (e *RehearsalDBError) Error() string {
	if msg := e.Err.Error(); strings.Contains(msg, e.Path) {
		return msg
	}
	return e.Path + ": " + e.Err.Error()
}

// Unwrap returns the error.
func (e *RehearsalDBError) Unwrap() error { return e.Err }

// inRehearsal wraps err (when not nil) as the rehearsal database's.
func inRehearsal(path string, err error) error {
	if err == nil || errors.As(err, new(*NotRehearsalError)) {
		return err
	}
	return &RehearsalDBError{Path: path, Err: err}
}

// Rehearsal is what podium rehearse made: the rehearsal's database, the
// deck and the files written.
type Rehearsal struct {
	DB    string
	Deck  deck.Deck
	Files []string
}

// Rehearse makes a rehearsal (演练) of the congress in db: a copy of its
// setup marked Rehearsal in a separate database at to (created; an
// earlier rehearsal there is replaced, a congress never), and in dir the
// test deck of its election's first round — the filled test ballots to
// key from paper, the blank ballot, the method, candidates and ballots
// files for podium count, the expected result — and the zero report.
// Nothing is written to db.
func Rehearse(ctx context.Context, db, to, dir, lang string, pdf bool, at time.Time) (*Rehearsal, error) {
	if same(db, to) {
		return nil, &SameDatabaseError{to}
	}
	c, err := OpenForReading(ctx, db)
	if err != nil {
		return nil, err
	}
	var setup model.Setup
	c.Session.Read(func(st *session.State) { setup = st.Setup })
	c.Close()
	if setup.Rehearsal {
		return nil, &NotRehearsalError{Path: db, Name: setup.Meeting.Name, Is: true}
	}
	if setup.Election == nil || len(setup.Election.Candidates) == 0 {
		return nil, paper.ErrNoElection
	}
	d, err := deck.Build(setup.Election.Method, setup.Election.Candidates)
	if err != nil {
		return nil, badInput(err)
	}
	formal := 0
	for _, p := range setup.Roster {
		if p.Kind == model.Formal {
			formal++
		}
	}
	if len(d.Tests) > formal {
		return nil, &DeckSizeError{Ballots: len(d.Tests), Formal: formal}
	}
	replace := false
	switch content, err := data.Contents(to); {
	case err != nil:
		return nil, inRehearsal(to, err)
	case content == data.Congress:
		if err := replaceableRehearsal(to); err != nil {
			return nil, inRehearsal(to, err)
		}
		replace = true
	case content == data.Empty:
		replace = true
	}
	setup.Rehearsal, setup.Demo = true, false
	if err := create(to, replace, setup, at); err != nil {
		return nil, inRehearsal(to, err)
	}
	r := &Rehearsal{DB: to, Deck: d}
	rc, err := Open(to, 0)
	if err != nil {
		return r, inRehearsal(to, err)
	}
	defer rc.Close()
	var blank paper.Ballot
	var zero paper.Report
	rc.Session.Read(func(st *session.State) {
		blank, err = paper.BallotFor(st, paper.BallotOptions{Size: "a4", Spares: paper.DefaultSpares, Lang: lang})
		if err == nil {
			zero, err = paper.ZeroReport(st, lang)
		}
	})
	if err != nil {
		return r, err
	}
	deckHTML, err := paper.RenderBallot(blank, paper.DeckFills(d, lang))
	if err != nil {
		return r, err
	}
	blankHTML, err := paper.RenderBallot(blank, nil)
	if err != nil {
		return r, err
	}
	zeroHTML, err := paper.RenderReport(zero)
	if err != nil {
		return r, err
	}
	m, slate := setup.Election.Method, setup.Election.Candidates
	r.Files, err = writePrint(ctx, dir, pdf,
		printFile{"deck-ballots.html", deckHTML}, printFile{"ballot-round-1.html", blankHTML}, printFile{"zero-report.html", zeroHTML},
		printFile{"method.toml", paper.MethodTOML(m)}, printFile{"candidates.csv", paper.CandidatesCSV(m, slate)},
		printFile{"deck.csv", paper.BallotsCSV(m, slate, d.Ballots(), nil)}, printFile{"expected.csv", paper.ExpectedCSV(d)})
	return r, err
}

// same reports whether two paths name the same file.
func same(a, b string) bool {
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && filepath.Clean(x) == filepath.Clean(y)
}

// replaceableRehearsal returns nil when the database at path holds a
// rehearsal, and a *NotRehearsalError naming its congress otherwise.
func replaceableRehearsal(path string) error {
	c, err := OpenForReading(context.Background(), path)
	if err != nil {
		return err
	}
	defer c.Close()
	var name string
	var rehearsal bool
	c.Session.Read(func(st *session.State) { name, rehearsal = st.Setup.Meeting.Name, st.Setup.Rehearsal })
	if rehearsal {
		return nil
	}
	return &NotRehearsalError{Path: path, Name: name}
}

// ErrNotDecided: the rehearsal has no round decided yet to check.
var ErrNotDecided = errors.New("the rehearsal has no regular round decided yet: key the test deck and decide the round, or give --ballots deck.csv")

// CheckRehearsal compares the rehearsal's count of its test deck with the
// deck's expected result: the first regular round decided in the
// rehearsal's database (the tellers keyed the deck), or, with ballots
// set, that ballots file counted by the counter as podium count does (all
// formal delegates present, the deck's ballots issued). It writes the test
// report into dir and returns the comparison.
func CheckRehearsal(ctx context.Context, rehearsal, ballots, dir, lang string, pdf bool) (deck.Report, []string, error) {
	c, err := OpenForReading(ctx, rehearsal)
	if err != nil {
		return deck.Report{}, nil, inRehearsal(rehearsal, err)
	}
	defer c.Close()
	var setup model.Setup
	var res *election.Result
	c.Session.Read(func(st *session.State) {
		setup = st.Setup
		if st.Vote == nil {
			return
		}
		for _, r := range st.Vote.Rounds {
			if r.Kind == election.Regular && r.Result != nil && r.Result.Reason == "" {
				res = r.Result
				break
			}
		}
	})
	if !setup.Rehearsal {
		return deck.Report{}, nil, &NotRehearsalError{Path: rehearsal, Name: setup.Meeting.Name}
	}
	if setup.Election == nil {
		return deck.Report{}, nil, paper.ErrNoElection
	}
	m, slate := setup.Election.Method, setup.Election.Candidates
	d, err := deck.Build(m, slate)
	if err != nil {
		return deck.Report{}, nil, badInput(err)
	}
	how := termsHow(lang, "keyed")
	if ballots != "" {
		bs, err := files.ReadBallotsFile(ballots, slate, m)
		if err != nil {
			return deck.Report{}, nil, badInput(err)
		}
		formal := 0
		for _, p := range setup.Roster {
			if p.Kind == model.Formal {
				formal++
			}
		}
		counted := election.Count(election.Round{Method: m, Slate: slate, Kind: election.Regular,
			Expected: formal, Present: formal, Issued: len(bs), Ballots: bs})
		res = &counted
		how = termsHow(lang, "file") + filepath.Base(ballots)
	}
	if res == nil {
		return deck.Report{}, nil, ErrNotDecided
	}
	rep := d.Compare(*res)
	html, err := paper.RenderReport(paper.TestReport(setup, d, rep, how, lang))
	if err != nil {
		return rep, nil, err
	}
	written, err := writePrint(ctx, dir, pdf, printFile{"test-report.html", html})
	return rep, written, err
}

// termsHow says how the deck was counted, in lang.
func termsHow(lang, how string) string {
	en := lang == "en"
	switch {
	case how == "keyed" && en:
		return "Counted from the ballots keyed in the rehearsal"
	case how == "keyed":
		return "据演练中录入的测试票计票"
	case en:
		return "Counted from the file "
	}
	return "据文件计票："
}
