package deck

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"podium/model"
	"podium/session/election"
)

// randomElection is a method and slate: with or without categories,
// over-selection per category or per ballot, write-ins or none, some
// categories equal (as many candidates as seats).
func randomElection(r *rand.Rand) (model.Method, []model.Candidate) {
	m := model.DefaultMethod(1)
	if r.IntN(2) == 0 {
		m.WriteIns = model.WriteInsNone
	}
	if r.IntN(2) == 0 {
		m.OverSelection = model.OverSelectionBallot
	}
	var slate []model.Candidate
	n := 0
	if r.IntN(3) == 0 {
		m.Seats = 1 + r.IntN(12)
		for i := 0; i < m.Seats+r.IntN(5); i++ {
			n++
			slate = append(slate, model.Candidate{Name: fmt.Sprintf("候选%d", n)})
		}
		return m, slate
	}
	m.Seats = 0
	for c := 0; c < 1+r.IntN(4); c++ {
		cat := model.Category{Name: fmt.Sprintf("类别%d", c+1), Seats: 1 + r.IntN(6)}
		m.Categories = append(m.Categories, cat)
		m.Seats += cat.Seats
		for i := 0; i < cat.Seats+r.IntN(4); i++ {
			n++
			slate = append(slate, model.Candidate{Name: fmt.Sprintf("候选%d", n), Category: cat.Name})
		}
	}
	return m, slate
}

// TestDeckMatchesCounter: over random methods the counter's result of the
// deck equals the expected result built from its construction; each
// category's candidates get distinct approvals; a swapped column fails.
func TestDeckMatchesCounter(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 2026))
	for k := 0; k < 300; k++ {
		m, slate := randomElection(r)
		d, err := Build(m, slate)
		if err != nil {
			t.Fatal(err)
		}
		n := len(d.Tests)
		res := election.Count(election.Round{Method: m, Slate: slate, Kind: election.Regular, Expected: n + 5, Present: n + 5, Issued: n, Ballots: d.Ballots()})
		rep := d.Compare(res)
		if !rep.Pass {
			t.Fatalf("case %d (%+v): %s %v", k, m, rep.Reason, rep.Failed())
		}
		approvals := map[string]map[int]bool{}
		for _, c := range d.Expect.Candidates {
			if approvals[c.Category] == nil {
				approvals[c.Category] = map[int]bool{}
			}
			if approvals[c.Category][c.Approve] {
				t.Fatalf("case %d: two candidates of %q with %d approvals", k, c.Category, c.Approve)
			}
			approvals[c.Category][c.Approve] = true
		}
		// Swap two candidates' marks of one category on every ballot: the
		// comparison fails.
		i, j := -1, -1
		for a := range slate {
			for b := a + 1; b < len(slate); b++ {
				if slate[a].Category == slate[b].Category && i < 0 {
					i, j = a, b
				}
			}
		}
		if i < 0 {
			continue
		}
		swapped := d.Ballots()
		for x := range swapped {
			marks := append([]election.Mark(nil), swapped[x].Marks...)
			marks[i], marks[j] = marks[j], marks[i]
			swapped[x].Marks = marks
		}
		res = election.Count(election.Round{Method: m, Slate: slate, Kind: election.Regular, Expected: n + 5, Present: n + 5, Issued: n, Ballots: swapped})
		if d.Compare(res).Pass {
			t.Fatalf("case %d: swapped columns %d and %d pass", k, i, j)
		}
	}
}

// TestDeckShape: the demo's method gives the ballots the issue lists.
func TestDeckShape(t *testing.T) {
	m := model.DefaultMethod(13)
	m.Categories = []model.Category{{Name: "主席团", Seats: 3}, {Name: "分院学生会", Seats: 7}, {Name: "社团", Seats: 3}}
	var slate []model.Candidate
	for i, c := range []struct {
		cat string
		n   int
	}{{"主席团", 3}, {"分院学生会", 8}, {"社团", 4}} {
		for k := 0; k < c.n; k++ {
			slate = append(slate, model.Candidate{Name: fmt.Sprintf("%d-%d", i, k), Category: c.cat})
		}
	}
	d, err := Build(m, slate)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[Kind]int{}
	for _, x := range d.Tests {
		kinds[x.Kind]++
	}
	// 分院学生会's 8 candidates need 8 staircase ballots; 主席团 (3 for 3)
	// cannot be over-selected.
	want := map[Kind]int{Staircase: 8, OverSelected: 2, Blank: 2, WriteInWithX: 1, WriteInNoX: 1, SpoiledBal: 1}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%s: %d ballots, want %d", k, kinds[k], n)
		}
	}
	if d.Expect.WriteIns[0].Approve != 1 || d.Expect.Invalid != 3 {
		t.Errorf("expected: %+v", d.Expect)
	}
}

// TestNeverCounts: the deck's expected result is built from its
// construction; the package never calls the counter it tests.
func TestNeverCounts(t *testing.T) {
	for _, f := range []string{"deck.go", "compare.go"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, call := range []string{"election.Count", "election.Judge", "election.CountTally"} {
			if strings.Contains(string(src), call) {
				t.Errorf("%s calls %s: the expected result must not come from the counter", f, call)
			}
		}
	}
}
