package election

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"podium/model"
)

// slate15 is 15 candidates C01…C15 without categories.
func slate15() []model.Candidate {
	var s []model.Candidate
	for i := 1; i <= 15; i++ {
		s = append(s, model.Candidate{Name: fmt.Sprintf("C%02d", i)})
	}
	return s
}

// build returns n ballots on which candidate i is approved approve[i] times
// (and disapproved disapprove[i] times, if given), spread cyclically so that
// no ballot carries more than ceil(sum/n) marks of each kind.
func build(n, slate int, approve, disapprove []int) []Ballot {
	return buildGroups(n, []int{slate}, approve, disapprove)
}

// buildGroups is build with the slate in groups (categories) filled each
// from the first ballot, so that a group's marks spread evenly on their own.
func buildGroups(n int, groups []int, approve, disapprove []int) []Ballot {
	slate, start := 0, map[int]bool{}
	for _, g := range groups {
		start[slate] = true
		slate += g
	}
	bs := make([]Ballot, n)
	for i := range bs {
		bs[i].Marks = make([]Mark, slate)
	}
	fill := func(counts []int, mk Mark, pos int) int {
		for c, a := range counts {
			if start[c] && mk == Approve {
				pos = 0
			}
			if a > n {
				panic("more marks than ballots")
			}
			for range a {
				for bs[pos%n].Marks[c] != Abstain {
					pos++
				}
				bs[pos%n].Marks[c] = mk
				pos++
			}
		}
		return pos
	}
	pos := fill(approve, Approve, 0)
	fill(disapprove, Disapprove, pos)
	return bs
}

func regular(m model.Method, slate []model.Candidate, present int, ballots []Ballot) Round {
	return Round{Method: m, Slate: slate, Expected: 122, Present: present, Issued: present, Ballots: ballots}
}

// approvals13 gives the first k candidates approvals a, the rest 10.
func approvals(k, a int, rest ...int) []int {
	out := make([]int, 15)
	for i := range out {
		out[i] = 10
		if i < k {
			out[i] = a
		}
	}
	copy(out[k:], rest)
	return out
}

func TestCountRulesExamples(t *testing.T) {
	m := model.DefaultMethod(13)
	s := slate15()
	blank := func(n int) []Ballot { return make([]Ballot, n) }
	tests := []struct {
		name      string
		round     Round
		quorum    bool
		valid     bool
		nValid    int
		elected   int
		runoffs   []Pending
		seconds   []Pending
		threshold int
		check     func(t *testing.T, r Result)
	}{
		{name: "1: 97 present, no round", round: regular(m, s, 97, blank(97)), quorum: false, threshold: 62},
		{name: "1: 98 present, may proceed", round: regular(m, s, 98, blank(98)), quorum: true, valid: true, nValid: 98,
			seconds: []Pending{{Seats: 13, Candidates: namesOf(s)}}, threshold: 62},
		{name: "2: 121 collected of 120 issued, void", round: Round{Method: m, Slate: s, Expected: 122, Present: 120, Issued: 120, Ballots: build(121, 15, approvals(15, 100), nil)},
			quorum: true, threshold: 62},
		{name: "2: 119 collected of 120 issued, valid", round: Round{Method: m, Slate: s, Expected: 122, Present: 120, Issued: 120, Ballots: build(119, 15, approvals(13, 100), nil)},
			quorum: true, valid: true, nValid: 119, elected: 13, threshold: 62},
		{name: "3: 14 ○ invalid yet collected", round: regular(m, s, 100, []Ballot{{Marks: marks("○○○○○○○○○○○○○○")}, {}}),
			quorum: true, valid: true, nValid: 1, seconds: []Pending{{Seats: 13, Candidates: namesOf(s)}}, threshold: 62,
			check: func(t *testing.T, r Result) {
				if r.Collected != 2 || r.Invalid != 1 || r.Candidates[0].Abstain != 1 || r.Candidates[0].Approve != 0 {
					t.Errorf("collected %d invalid %d, C01 %+v", r.Collected, r.Invalid, r.Candidates[0])
				}
			}},
		{name: "4: 12 ○ + 1 × + 1 write-in valid", round: regular(m, s, 100, []Ballot{{Marks: marks("○○○○○○○○○○○○×"), WriteIns: []WriteIn{{Name: "王五"}}}}),
			quorum: true, valid: true, nValid: 1, seconds: []Pending{{Seats: 13, Candidates: namesOf(s)}}, threshold: 62,
			check: func(t *testing.T, r Result) {
				w := r.Candidates[15]
				if len(r.Candidates) != 16 || w.Name != "王五" || !w.WriteIn || w.Approve != 1 || w.Status != NotElected {
					t.Errorf("write-in row %+v", r.Candidates[15:])
				}
			}},
		{name: "5: 11 ○, 2 write-ins without × void", round: regular(m, s, 100, []Ballot{{Marks: marks("○○○○○○○○○○○"), WriteIns: []WriteIn{{Name: "甲"}, {Name: "乙"}}}}),
			quorum: true, valid: true, nValid: 1, seconds: []Pending{{Seats: 13, Candidates: namesOf(s)}}, threshold: 62,
			check: func(t *testing.T, r Result) {
				if len(r.Candidates) != 15 || r.VoidWriteIns != 2 || r.Candidates[10].Approve != 1 || r.Candidates[11].Abstain != 1 {
					t.Errorf("candidates %+v, void write-ins %d", r.Candidates, r.VoidWriteIns)
				}
			}},
		{name: "6: 61 approvals not elected", round: regular(m, s, 110, build(110, 15, approvals(12, 100, 61, 62), nil)),
			quorum: true, valid: true, nValid: 110, elected: 13, threshold: 62,
			check: func(t *testing.T, r Result) {
				if r.Candidates[12].Status != NotElected || r.Candidates[13].Status != Elected {
					t.Errorf("61: %s, 62: %s", r.Candidates[12].Status, r.Candidates[13].Status)
				}
			}},
		{name: "7: 14 pass, 13th and 14th tie → runoff", round: regular(m, s, 110, build(110, 15, approvals(12, 100, 70, 70), nil)),
			quorum: true, valid: true, nValid: 110, elected: 12, runoffs: []Pending{{Seats: 1, Candidates: []string{"C13", "C14"}}}, threshold: 62},
		{name: "8: 5th and 6th tie, 13 pass → all elected", round: regular(m, s, 110, build(110, 15, []int{100, 99, 98, 97, 90, 90, 80, 80, 80, 70, 70, 65, 63, 61, 5}, nil)),
			quorum: true, valid: true, nValid: 110, elected: 13, threshold: 62},
		{name: "9: 11 pass → second round for 2 among 4", round: regular(m, s, 110, build(110, 15, approvals(11, 100, 61, 40, 30, 20), nil)),
			quorum: true, valid: true, nValid: 110, elected: 11, seconds: []Pending{{Seats: 2, Candidates: []string{"C12", "C13", "C14", "C15"}}}, threshold: 62},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Count(tt.round)
			if r.QuorumMet != tt.quorum || r.RoundValid != tt.valid {
				t.Fatalf("quorum %v valid %v (%s), want %v %v", r.QuorumMet, r.RoundValid, r.Reason, tt.quorum, tt.valid)
			}
			if tt.valid == (r.Reason != "") {
				t.Errorf("reason %q with round valid %v", r.Reason, tt.valid)
			}
			if r.Valid != tt.nValid || len(r.Elected) != tt.elected {
				t.Errorf("valid %d elected %v, want %d and %d", r.Valid, r.Elected, tt.nValid, tt.elected)
			}
			if r.Threshold == nil || *r.Threshold != tt.threshold {
				t.Errorf("threshold %v, want %d", r.Threshold, tt.threshold)
			}
			checkPending(t, "runoffs", r.Runoffs, tt.runoffs)
			checkPending(t, "second rounds", r.SecondRounds, tt.seconds)
			if tt.check != nil {
				tt.check(t, r)
			}
			if !tt.valid && (r.Elected == nil || len(r.Elected) != 0) {
				t.Errorf("undecided round elected %#v", r.Elected)
			}
		})
	}
}

func namesOf(s []model.Candidate) []string {
	var out []string
	for _, c := range s {
		out = append(out, c.Name)
	}
	return out
}

// marks reads a test ballot's marks: o approve, x disapprove, anything
// else abstain.
func marks(s string) []Mark {
	var out []Mark
	for _, r := range s {
		switch r {
		case 'o', 'O', '○':
			out = append(out, Approve)
		case 'x', 'X', '×':
			out = append(out, Disapprove)
		default:
			out = append(out, Abstain)
		}
	}
	return out
}

func checkPending(t *testing.T, what string, got, want []Pending) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s %+v, want %+v", what, got, want)
		return
	}
	for i := range got {
		if got[i].Category != want[i].Category || got[i].Seats != want[i].Seats || !slices.Equal(got[i].Candidates, want[i].Candidates) {
			t.Errorf("%s[%d] %+v, want %+v", what, i, got[i], want[i])
		}
		if len(got[i].Slate) != len(got[i].Candidates) {
			t.Errorf("%s[%d] slate %v", what, i, got[i].Slate)
		}
	}
}

func TestCountQuorumBoundary(t *testing.T) {
	m := model.DefaultMethod(13)
	for present, met := range map[int]bool{97: false, 98: true} {
		r := Count(regular(m, slate15(), present, nil))
		if r.QuorumMet != met || r.QuorumNeed != 98 {
			t.Errorf("present %d: met %v need %d", present, r.QuorumMet, r.QuorumNeed)
		}
	}
	m.Quorum.Strict = false // 五分之四以上: 97.6 → 98 still
	if r := Count(regular(m, slate15(), 97, nil)); r.QuorumMet {
		t.Error("97 meets 4/5 以上 of 122")
	}
	m.Quorum = model.Fraction{Num: 1, Den: 2, Strict: false}
	if r := Count(regular(m, slate15(), 61, nil)); !r.QuorumMet {
		t.Error("61 does not meet 1/2 以上 of 122")
	}
	if r := Count(Round{Method: m, Slate: slate15(), Expected: 122, Present: 100, Issued: 101}); r.RoundValid || !strings.Contains(r.Reason, "issued") {
		t.Errorf("issued > present: %+v", r)
	}
}

func TestCountStrictVersusOrMore(t *testing.T) {
	a := approvals(12, 100, 61, 60)
	m := model.DefaultMethod(13)
	r := Count(regular(m, slate15(), 110, build(110, 15, a, nil)))
	if *r.Threshold != 62 || r.Candidates[12].Status != NotElected || len(r.SecondRounds) != 1 {
		t.Errorf("超过: threshold %d, C13 %s", *r.Threshold, r.Candidates[12].Status)
	}
	m.Threshold.Strict = false
	r = Count(regular(m, slate15(), 110, build(110, 15, a, nil)))
	if *r.Threshold != 61 || r.Candidates[12].Status != Elected || len(r.Elected) != 13 || len(r.SecondRounds) != 0 {
		t.Errorf("以上: threshold %d, C13 %s", *r.Threshold, r.Candidates[12].Status)
	}
}

func TestCountThresholdBases(t *testing.T) {
	m := model.DefaultMethod(13)
	m.ThresholdBase = model.BasePresent
	// 100 present: more than half is 51.
	r := Count(regular(m, slate15(), 100, build(100, 15, approvals(12, 90, 51, 50), nil)))
	if *r.Threshold != 51 || r.Candidates[12].Status != Elected || r.Candidates[13].Status != NotElected {
		t.Errorf("present base: threshold %v, %+v", *r.Threshold, r.Candidates[12:14])
	}
	m.ThresholdBase = model.BaseValid
	// 100 ballots, 10 spoiled: 90 valid, more than half is 46.
	bs := build(100, 15, approvals(12, 80, 46, 45), nil)
	for i := 90; i < 100; i++ {
		bs[i] = Ballot{Spoiled: "identifying mark"}
	}
	bs2 := build(90, 15, approvals(12, 80, 46, 45), nil)
	copy(bs, bs2)
	r = Count(regular(m, slate15(), 100, bs))
	if r.Valid != 90 || r.Invalid != 10 || *r.Threshold != 46 || r.Candidates[12].Status != Elected || r.Candidates[13].Status != NotElected {
		t.Errorf("valid base: valid %d threshold %v, %+v", r.Valid, *r.Threshold, r.Candidates[12:14])
	}
	if len(r.InvalidBallots) != 10 || !strings.Contains(r.InvalidBallots[0].Reason, "identifying mark") {
		t.Errorf("invalid ballots %+v", r.InvalidBallots)
	}
}

// seedMethod is the seed's method with its three categories.
func seedMethod() (model.Method, []model.Candidate) {
	m := model.DefaultMethod(13)
	m.Categories = []model.Category{{Name: "主席团", Seats: 3}, {Name: "分院", Seats: 7}, {Name: "社团", Seats: 3}}
	var s []model.Candidate
	for i, n := range []int{4, 8, 3} {
		for j := range n {
			s = append(s, model.Candidate{Name: fmt.Sprintf("%s%d", m.Categories[i].Name, j+1), Category: m.Categories[i].Name})
		}
	}
	return m, s
}

func TestCountCategories(t *testing.T) {
	m, s := seedMethod()
	// 110 ballots: 主席团 1–3, 分院 1–7, 社团 1–3 get 100 each.
	a := []int{100, 100, 100, 0, 100, 100, 100, 100, 100, 100, 100, 0, 100, 100, 100}
	bs := build(110, 15, a, nil)
	// One more ballot over-selects 主席团 (4 ○) and approves 分院8 and 社团1.
	over := Ballot{Marks: marks("○○○○" + "       ○" + "○")}
	r := Count(regular(m, s, 111, append(bs, over)))
	if r.Valid != 110 || r.Invalid != 1 {
		t.Errorf("valid %d invalid %d", r.Valid, r.Invalid)
	}
	want := []CategoryResult{{"主席团", 3, 110, 1, ptr(62)}, {"分院", 7, 111, 0, ptr(62)}, {"社团", 3, 111, 0, ptr(62)}}
	for i, c := range r.Categories {
		if c.Name != want[i].Name || c.Seats != want[i].Seats || c.Valid != want[i].Valid || c.Invalid != want[i].Invalid || *c.Threshold != *want[i].Threshold {
			t.Errorf("category %+v, want %+v", c, want[i])
		}
	}
	if c := r.Candidates[3]; c.Approve != 0 || c.Abstain != 110 {
		t.Errorf("主席团4 %+v: the over-selected part must not count", c)
	}
	if c := r.Candidates[11]; c.Approve != 1 || c.Abstain != 110 {
		t.Errorf("分院8 %+v: the valid part must count", c)
	}
	if c := r.Candidates[12]; c.Approve != 101 {
		t.Errorf("社团1 %+v", c)
	}
	if len(r.Elected) != 13 || r.Elected[0] != "主席团1" || r.Elected[12] != "社团3" {
		t.Errorf("elected %v", r.Elected)
	}
	if len(r.InvalidBallots) != 1 || r.InvalidBallots[0].Category != "主席团" {
		t.Errorf("invalid %+v", r.InvalidBallots)
	}

	// over_selection = ballot: the same ballot is invalid as a whole? No:
	// 4+1+1 = 6 selections ≤ 13, so it is valid and 主席团 has 4 approvals.
	mb := m
	mb.OverSelection = model.OverSelectionBallot
	r = Count(regular(mb, s, 111, append(build(110, 15, a, nil), over)))
	if r.Valid != 111 || r.Candidates[3].Approve != 1 {
		t.Errorf("ballot over-selection: valid %d, 主席团4 %+v", r.Valid, r.Candidates[3])
	}
	// 14 ○ over the categories: whole ballot invalid.
	r = Count(regular(mb, s, 111, append(build(110, 15, a, nil), Ballot{Marks: marks("○○○○○○○○○○○○○○")})))
	if r.Valid != 110 || r.Categories[1].Valid != 110 || r.Candidates[4].Approve != 100 {
		t.Errorf("ballot over-selection 14: valid %d %+v", r.Valid, r.Categories)
	}

	// A category with too many passing: 主席团 4 pass, 3rd and 4th tie.
	a2 := slices.Clone(a)
	a2[0], a2[1], a2[2], a2[3] = 80, 80, 70, 70
	groups := []int{4, 8, 3}
	r = Count(regular(m, s, 110, buildGroups(110, groups, a2, nil)))
	checkPending(t, "runoffs", r.Runoffs, []Pending{{Category: "主席团", Seats: 1, Candidates: []string{"主席团3", "主席团4"}}})
	if len(r.Elected) != 12 || r.Candidates[2].Status != InRunoff || r.Candidates[3].Status != InRunoff {
		t.Errorf("elected %v", r.Elected)
	}
	// 4 pass without a tie: the top 3 are elected.
	a2[3] = 69
	r = Count(regular(m, s, 110, buildGroups(110, groups, a2, nil)))
	if len(r.Runoffs) != 0 || r.Candidates[3].Status != NotElected || len(r.Elected) != 13 {
		t.Errorf("no tie: %v %+v", r.Elected, r.Runoffs)
	}
	// Threshold by valid ballots differs between categories: null overall.
	mv := m
	mv.ThresholdBase = model.BaseValid
	r = Count(regular(mv, s, 112, append(build(110, 15, a, nil), over, over)))
	if r.Threshold != nil || *r.Categories[0].Threshold != 56 || *r.Categories[1].Threshold != 57 {
		t.Errorf("threshold %v, categories %+v", r.Threshold, r.Categories)
	}
}

func ptr(n int) *int { return &n }

func TestCountWriteIns(t *testing.T) {
	m := model.DefaultMethod(13)
	s := slate15()
	one := func(mk string, w ...string) Ballot {
		b := Ballot{Marks: marks(mk)}
		for _, n := range w {
			b.WriteIns = append(b.WriteIns, WriteIn{Name: n})
		}
		return b
	}
	tests := []struct {
		name  string
		m     model.Method
		b     Ballot
		got   map[string]int // write-in approvals
		void  int
		valid bool
	}{
		{"with ×", m, one("×", "甲"), map[string]int{"甲": 1}, 0, true},
		{"beyond × count", m, one("××", "甲", "乙", "丙"), map[string]int{"甲": 1, "乙": 1}, 1, true},
		{"names a listed candidate", m, one("×", "C05", "甲"), map[string]int{"甲": 1}, 1, true},
		{"repeated name", m, one("××", "甲", " 甲 ", "乙"), map[string]int{"甲": 1, "乙": 1}, 1, true},
		{"empty write-in ignored", m, one("×", "", "甲"), map[string]int{"甲": 1}, 0, true},
		{"abstain gives no write-in", m, one("  ", "甲"), map[string]int{}, 1, true},
		{"write-ins over-select", m, one("○○○○○○○○○○○○××", "甲", "乙"), map[string]int{}, 0, false},
		{"write_ins none", func() model.Method { m := m; m.WriteIns = model.WriteInsNone; return m }(), one("×", "甲"), map[string]int{}, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Count(regular(tt.m, s, 100, []Ballot{tt.b}))
			got := map[string]int{}
			for _, c := range r.Candidates[15:] {
				got[c.Name] = c.Approve
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.got) || r.VoidWriteIns != tt.void || (r.Valid == 1) != tt.valid {
				t.Errorf("write-ins %v void %d valid %d", got, r.VoidWriteIns, r.Valid)
			}
		})
	}
	// With categories: the × must be in the write-in's own category.
	mc, sc := seedMethod()
	b := Ballot{Marks: marks("×"), WriteIns: []WriteIn{{Name: "甲", Category: "分院"}, {Name: "乙", Category: "主席团"}, {Name: "丙", Category: "无此类"}}}
	r := Count(regular(mc, sc, 100, []Ballot{b}))
	if len(r.Candidates) != 16 || r.Candidates[15].Name != "乙" || r.Candidates[15].Category != "主席团" || r.VoidWriteIns != 2 {
		t.Errorf("category write-ins %+v void %d", r.Candidates[15:], r.VoidWriteIns)
	}
	// ○ + valid write-ins over the category's seats: that part is invalid.
	b = Ballot{Marks: marks("○○○×○"), WriteIns: []WriteIn{{Name: "乙", Category: "主席团"}}}
	r = Count(regular(mc, sc, 100, []Ballot{b}))
	if r.Categories[0].Valid != 0 || r.Categories[1].Valid != 1 || r.Candidates[0].Approve != 0 || r.Candidates[4].Approve != 1 || len(r.Candidates) != 15 {
		t.Errorf("write-in over-selection: %+v %+v", r.Categories, r.Candidates)
	}
	// A write-in person who passes is elected, announced after the listed.
	dis := make([]int, 15)
	dis[12] = 70
	bs := build(110, 15, approvals(12, 100, 0, 0, 0), dis)
	for i := range bs {
		if bs[i].Marks[12] == Disapprove {
			bs[i].WriteIns = []WriteIn{{Name: "王五"}}
		}
	}
	r = Count(regular(m, s, 110, bs))
	if len(r.Elected) != 13 || r.Elected[12] != "王五" || r.Candidates[15].Status != Elected {
		t.Errorf("write-in elected: %v %+v", r.Elected, r.Candidates[15:])
	}
	// Write-ins are void in runoffs and second rounds.
	for _, k := range []Kind{Runoff, Second} {
		r = Count(Round{Method: m, Kind: k, Slate: s[:2], Seats: map[string]int{"": 1}, Expected: 122, Present: 100, Issued: 100,
			Ballots: []Ballot{one("×", "甲")}})
		if len(r.Candidates) != 2 || r.VoidWriteIns != 1 {
			t.Errorf("%s: write-in counted %+v", k, r.Candidates)
		}
	}
}

func TestCountSpoiled(t *testing.T) {
	r := Count(regular(model.DefaultMethod(13), slate15(), 100, []Ballot{{Marks: marks("○"), Spoiled: "illegible"}, {Marks: marks("○")}}))
	if r.Valid != 1 || r.Invalid != 1 || r.Candidates[0].Approve != 1 || r.Candidates[0].Abstain+r.Candidates[0].Disapprove != 0 {
		t.Errorf("%+v", r)
	}
}

func TestCountRunoff(t *testing.T) {
	m := model.DefaultMethod(13)
	first := Count(regular(m, slate15(), 110, build(110, 15, approvals(12, 100, 70, 70), nil)))
	next, ok := first.NextRound(Runoff)
	if !ok || next.Kind != Runoff || len(next.Slate) != 2 || next.Seats[""] != 1 || next.Expected != 122 {
		t.Fatalf("next round %+v", next)
	}
	next.Present, next.Issued = 105, 105
	// Most approvals win, even below the regular threshold.
	next.Ballots = build(105, 2, []int{40, 30}, nil)
	r := Count(next)
	if !slices.Equal(r.Elected, []string{"C13"}) || r.Candidates[1].Status != NotElected || *r.Threshold != 0 || len(r.SecondRounds) != 0 {
		t.Errorf("runoff: %v %+v", r.Elected, r.Candidates)
	}
	// Tie again: another runoff.
	next.Ballots = build(105, 2, []int{40, 40}, nil)
	r = Count(next)
	if len(r.Elected) != 0 || len(r.Runoffs) != 1 || r.Runoffs[0].Seats != 1 || len(r.Runoffs[0].Candidates) != 2 {
		t.Errorf("tie again: %v %+v", r.Elected, r.Runoffs)
	}
	// Over-selection counts against the runoff's seats: 2 ○ for 1 seat.
	next.Ballots = []Ballot{{Marks: marks("○○")}, {Marks: marks("○")}}
	r = Count(next)
	if r.Valid != 1 || !slices.Equal(r.Elected, []string{"C13"}) {
		t.Errorf("runoff over-selection: valid %d elected %v", r.Valid, r.Elected)
	}
	// Three tied for two seats, one ahead: it is elected, runoff for one.
	r = Count(Round{Method: m, Kind: Runoff, Slate: slate15()[:3], Seats: map[string]int{"": 2}, Expected: 122, Present: 100, Issued: 100,
		Ballots: build(100, 3, []int{60, 50, 50}, nil)})
	if !slices.Equal(r.Elected, []string{"C01"}) || len(r.Runoffs) != 1 || r.Runoffs[0].Seats != 1 {
		t.Errorf("3 for 2: %v %+v", r.Elected, r.Runoffs)
	}
	// A runoff needs its seats.
	if r := Count(Round{Method: m, Kind: Runoff, Slate: slate15()[:2], Expected: 122, Present: 100}); r.RoundValid || !strings.HasPrefix(r.Reason, "bad input") {
		t.Errorf("runoff without seats: %+v", r)
	}
}

func TestCountSecondRound(t *testing.T) {
	m := model.DefaultMethod(13)
	first := Count(regular(m, slate15(), 110, build(110, 15, approvals(11, 100, 61, 40, 30, 20), nil)))
	next, ok := first.NextRound(Second)
	if !ok || next.Kind != Second || next.Seats[""] != 2 || !slices.Equal(namesOf(next.Slate), []string{"C12", "C13", "C14", "C15"}) {
		t.Fatalf("next %+v", next)
	}
	if _, ok := first.NextRound(Runoff); ok {
		t.Error("runoff from a round without ties")
	}
	next.Present, next.Issued = 108, 108
	// Same threshold: 62. Only C14 passes; one seat stays open.
	next.Ballots = build(108, 4, []int{61, 30, 70, 20}, nil)
	r := Count(next)
	if !slices.Equal(r.Elected, []string{"C14"}) || *r.Threshold != 62 {
		t.Errorf("second round: %v", r.Elected)
	}
	checkPending(t, "second rounds", r.SecondRounds, []Pending{{Seats: 1, Candidates: []string{"C12", "C13", "C15"}}})
	// Over-selection against the 2 open seats.
	next.Ballots = []Ballot{{Marks: marks("○○○")}}
	if r := Count(next); r.Valid != 0 {
		t.Errorf("3 ○ for 2 seats counted valid")
	}
}

func TestCountBadInput(t *testing.T) {
	m := model.DefaultMethod(13)
	s := slate15()
	for name, r := range map[string]Round{
		"present > expected": {Method: m, Slate: s, Expected: 10, Present: 11},
		"duplicate":          {Method: m, Slate: append(slices.Clone(s), s[0]), Expected: 122, Present: 100},
		"unknown category":   {Method: m, Slate: []model.Candidate{{Name: "a", Category: "x"}}, Expected: 122, Present: 100},
		"bad method":         {Method: model.Method{Seats: 3}, Expected: 122, Present: 100},
		"unknown seats":      {Method: m, Seats: map[string]int{"x": 1}, Expected: 122, Present: 100},
	} {
		res := Count(r)
		if res.RoundValid || !strings.HasPrefix(res.Reason, "bad input") || res.Elected == nil {
			t.Errorf("%s: %+v", name, res)
		}
	}
}

func TestCountJSON(t *testing.T) {
	m := model.DefaultMethod(1)
	s := []model.Candidate{{Name: "甲"}, {Name: "乙"}}
	r := Count(Round{Method: m, Slate: s, Expected: 5, Present: 5, Issued: 5, Ballots: []Ballot{
		{Marks: marks("○×")}, {Marks: marks("○×"), WriteIns: []WriteIn{{Name: "丙"}}}, {Marks: marks("○")}, {Marks: marks("○?")}, {Spoiled: "x"},
	}})
	got, _ := json.Marshal(r)
	want := `{"quorum_met":true,"round_valid":true,"expected":5,"present":5,"issued":5,"collected":5,"valid":3,"invalid":2,` +
		`"partly_invalid":0,"category_only":false,"threshold":3,` +
		`"categories":[{"name":"","seats":1,"valid":3,"invalid":2,"threshold":3}],` +
		`"candidates":[{"name":"甲","category":"","write_in":false,"approve":3,"disapprove":0,"abstain":0,"status":"elected"},` +
		`{"name":"乙","category":"","write_in":false,"approve":0,"disapprove":1,"abstain":2,"status":"not_elected"}],` +
		`"elected":["甲"],"runoffs":[],"second_rounds":[],"vacancies":[]}`
	// The ballot 甲○ 乙× 丙 has 2 selections for 1 seat: invalid; "?" is
	// an abstention.
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	r = Count(Round{Method: m, Slate: s, Expected: 5, Present: 5, Issued: 1, Ballots: make([]Ballot, 2)})
	got, _ = json.Marshal(r)
	want = `{"quorum_met":true,"round_valid":false,"expected":5,"present":5,"issued":1,"collected":2,"valid":0,"invalid":0,` +
		`"partly_invalid":0,"category_only":false,"threshold":3,` +
		`"categories":[{"name":"","seats":1,"valid":0,"invalid":0,"threshold":3}],` +
		`"candidates":[{"name":"甲","category":"","write_in":false,"approve":0,"disapprove":0,"abstain":0,"status":"not_elected"},` +
		`{"name":"乙","category":"","write_in":false,"approve":0,"disapprove":0,"abstain":0,"status":"not_elected"}],` +
		`"elected":[],"runoffs":[],"second_rounds":[],"vacancies":[],"reason":"round void: 2 ballots collected, more than the 1 issued"}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
