package cli

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"podium/files"
	"podium/internal/app"
	"podium/model"
	"podium/paper"
	"podium/paper/deck"
	"podium/session"
	"podium/session/election"
)

// randomElection is a method and slate: with or without categories,
// over-selection per category or per ballot, write-ins or none, names
// with "·", some categories equal (as many candidates as seats).
func randomElection(r *rand.Rand) (model.Method, []model.Candidate) {
	m := model.DefaultMethod(1)
	if r.IntN(2) == 0 {
		m.WriteIns = model.WriteInsNone
	}
	if r.IntN(2) == 0 {
		m.OverSelection = model.OverSelectionBallot
	}
	m.Threshold = model.Fraction{Num: 1 + r.IntN(2), Den: 3, Strict: r.IntN(2) == 0}
	name := func(i int) string {
		return []string{"王芳", "阿依古丽·买买提", "李强", "欧阳娜娜", "迪丽热巴"}[i%5] + strconv.Itoa(i)
	}
	var slate []model.Candidate
	n := 0
	if r.IntN(3) == 0 {
		m.Seats = 1 + r.IntN(9)
		for i := 0; i < m.Seats+r.IntN(5); i++ {
			n++
			slate = append(slate, model.Candidate{Name: name(n)})
		}
		return m, slate
	}
	m.Seats = 0
	for c := 0; c < 1+r.IntN(3); c++ {
		cat := model.Category{Name: fmt.Sprintf("类别%d", c+1), Seats: 1 + r.IntN(5)}
		m.Categories = append(m.Categories, cat)
		m.Seats += cat.Seats
		for i := 0; i < cat.Seats+r.IntN(4); i++ {
			n++
			slate = append(slate, model.Candidate{Name: name(n), Category: cat.Name})
		}
	}
	return m, slate
}

// countDeck runs `podium count` on the deck's files (the ballots with two
// columns swapped when swap is set) and compares its JSON with the deck.
func countDeck(t *testing.T, dir string, m model.Method, slate []model.Candidate, d deck.Deck, swap []int) deck.Report {
	t.Helper()
	method := writeFile(t, dir, "method.toml", string(paper.MethodTOML(m)))
	cands := writeFile(t, dir, "candidates.csv", string(paper.CandidatesCSV(m, slate)))
	ballots := writeFile(t, dir, "deck.csv", string(paper.BallotsCSV(m, slate, d.Ballots(), swap)))
	n := strconv.Itoa(len(d.Tests))
	code, out, errs := podium(t, "count", "--method", method, "--candidates", cands, "--ballots", ballots,
		"--expected", n, "--present", n, "--issued", n)
	if code != 0 {
		t.Fatalf("count: %d %s", code, errs)
	}
	var res election.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	return d.Compare(res)
}

// TestDeckCountedByPodiumCount: over random methods, `podium count` on
// the test deck's files gives exactly the expected result built from the
// deck; the same deck with two candidates' columns swapped FAILs.
func TestDeckCountedByPodiumCount(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 17))
	dir := t.TempDir()
	for k := 0; k < 60; k++ {
		m, slate := randomElection(r)
		d, err := deck.Build(m, slate)
		if err != nil {
			t.Fatal(err)
		}
		if rep := countDeck(t, dir, m, slate, d, nil); !rep.Pass {
			t.Fatalf("case %d %+v: %s %v", k, m, rep.Reason, rep.Failed())
		}
		i := 0
		for i < len(slate)-1 && slate[i].Category != slate[i+1].Category {
			i++
		}
		if i == len(slate)-1 {
			continue
		}
		if rep := countDeck(t, dir, m, slate, d, []int{i, i + 1}); rep.Pass {
			t.Fatalf("case %d: columns %d and %d swapped, and the deck passes", k, i, i+1)
		}
	}
}

// TestRehearse: podium rehearse makes a separate database marked 演练
// and the deck's files; the deck's CSV checks PASS; the deck keyed by a
// teller in the rehearsal and decided checks PASS; a keying mistake FAILs
// (exit 1); the congress's own database is never the rehearsal's, and a
// rehearsal never replaces a congress.
func TestRehearse(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "congress.db")
	setup := demoSetup(t)
	if err := app.Create(db, setup, time.Now().Add(-time.Hour), false); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "reh")
	code, stdout, errs := podium(t, "--db", db, "rehearse", "--out", out, "--no-pdf")
	if code != 0 {
		t.Fatalf("rehearse: %d %s", code, errs)
	}
	reh := filepath.Join(dir, "congress-rehearsal.db")
	if !strings.Contains(stdout, reh) {
		t.Errorf("rehearse does not name %s:\n%s", reh, stdout)
	}
	for _, f := range []string{"deck-ballots.html", "ballot-round-1.html", "zero-report.html", "method.toml", "candidates.csv", "deck.csv", "expected.csv"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	code, stdout, errs = podium(t, "--db", db, "rehearse", "check", "--ballots", filepath.Join(out, "deck.csv"), "--out", out, "--no-pdf")
	if code != 0 || !strings.Contains(stdout, "PASS") {
		t.Fatalf("check of deck.csv: %d %s %s", code, stdout, errs)
	}
	code, _, errs = podium(t, "--db", db, "rehearse", "check", "--out", out, "--no-pdf")
	if code != 1 || !strings.Contains(errs, "no regular round decided") {
		t.Errorf("check before keying: %d %s", code, errs)
	}
	// The congress itself is untouched and not a rehearsal; the
	// rehearsal is.
	for path, want := range map[string]bool{db: false, reh: true} {
		c, err := app.OpenForReading(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		c.Session.Read(func(st *session.State) {
			if st.Setup.Rehearsal != want || (path == db && st.Seq != 1) {
				t.Errorf("%s: rehearsal %v, %d events", path, st.Setup.Rehearsal, st.Seq)
			}
		})
		c.Close()
	}
	// Key the deck in the rehearsal, with one mistake first.
	keyDeck(t, reh, true)
	code, stdout, _ = podium(t, "--db", db, "rehearse", "check", "--out", out, "--no-pdf")
	if code != 1 || !strings.Contains(stdout, "FAIL") {
		t.Errorf("a keying mistake: %d\n%s", code, stdout)
	}
	code, _, errs = podium(t, "--db", db, "rehearse", "--out", out, "--no-pdf")
	if code != 0 {
		t.Fatalf("a second rehearsal replaces the first: %d %s", code, errs)
	}
	keyDeck(t, reh, false)
	code, stdout, _ = podium(t, "--db", db, "rehearse", "check", "--out", out, "--no-pdf")
	if code != 0 || !strings.Contains(stdout, "PASS") {
		t.Errorf("the deck keyed: %d\n%s", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "test-report.html")); err != nil {
		t.Error(err)
	}
	// Never into the congress's own database, never over a congress.
	if code, _, errs := podium(t, "--db", db, "rehearse", "--to", db, "--out", out); code != 1 || !strings.Contains(errs, "own database") {
		t.Errorf("rehearse into the congress: %d %s", code, errs)
	}
	other := filepath.Join(dir, "other.db")
	if err := app.Create(other, setup, time.Now().Add(-time.Hour), false); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := podium(t, "--db", db, "rehearse", "--to", other, "--out", out); code != 1 || !strings.Contains(errs, "never replaces a congress") {
		t.Errorf("rehearse over a congress: %d %s", code, errs)
	}
}

// demoSetup is the demo congress as a real one would be set up.
func demoSetup(t *testing.T) model.Setup {
	t.Helper()
	s := files.Demo()
	s.Demo = false
	return s
}

// keyDeck runs round 1 of the rehearsal at path: all formal delegates
// present, the deck's ballots issued, collected and keyed by one teller
// (with wrong, one ballot's first two marks swapped), and decided.
func keyDeck(t *testing.T, path string, wrong bool) {
	t.Helper()
	c, err := app.Open(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s := c.Session
	var setup model.Setup
	s.Read(func(st *session.State) { setup = st.Setup })
	at := time.Now()
	host := session.Meta{At: at, Actor: "host"}
	exec := func(cmd session.Command) {
		t.Helper()
		if _, err := s.Execute(cmd); err != nil {
			t.Fatalf("%T: %v", cmd, err)
		}
	}
	var free []string
	for _, p := range setup.Roster {
		if p.Kind != model.Formal {
			continue
		}
		exec(session.Mark{Meta: session.Meta{At: at, Actor: "desk"}, Person: p.ID, Status: session.Present})
		cand := false
		for _, c := range setup.Election.Candidates {
			cand = cand || c.PersonID == p.ID
		}
		if !cand {
			free = append(free, p.ID)
		}
	}
	d, err := deck.Build(setup.Election.Method, setup.Election.Candidates)
	if err != nil {
		t.Fatal(err)
	}
	exec(session.DeclareOpen{Meta: host})
	// The congress adopts the method and the list by its votes (all for).
	var aye *session.VoteCounts
	s.Read(func(st *session.State) { aye = &session.VoteCounts{Method: model.VoteHands, For: st.Count().Present} })
	exec(session.AdoptMethod{Meta: host, Method: setup.Election.Method, Vote: aye})
	exec(session.AdoptScrutineers{Meta: host, Scrutineer: free[0], Chief: free[1], Vote: aye})
	exec(session.OpenRound{Meta: host})
	exec(session.IssueBallots{Meta: host, N: len(d.Tests)})
	exec(session.CollectBallots{Meta: host, N: len(d.Tests)})
	for i, b := range d.Ballots() {
		if wrong && i == 0 {
			b.Marks = append([]election.Mark(nil), b.Marks...)
			b.Marks[0], b.Marks[len(b.Marks)-1] = b.Marks[len(b.Marks)-1], b.Marks[0]
		}
		exec(session.EnterBallot{Meta: session.Meta{At: at, Actor: "teller-1", Role: session.RoleTeller}, Index: -1, Ballot: b})
	}
	exec(session.DecideRound{Meta: host})
}
