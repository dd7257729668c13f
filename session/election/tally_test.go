package election

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"podium/model"
)

// tallyOf is the paper tally of a counted round: its candidates' lines,
// its write-in rows and the invalid ballots per category of the method
// (Count's whole-ballot invalid for a category it does not report).
func tallyOf(r Round, res Result) Tally {
	var t Tally
	for _, c := range res.Candidates {
		if c.WriteIn {
			t.WriteIns = append(t.WriteIns, WriteInCount{Name: c.Name, Category: c.Category, Approve: c.Approve})
			continue
		}
		t.Counts = append(t.Counts, TallyCount{Approve: c.Approve, Disapprove: c.Disapprove, Abstain: c.Abstain})
	}
	invalid := map[string]int{}
	for _, c := range res.Categories {
		invalid[c.Name] = c.Invalid
	}
	cats := []string{""}
	if len(r.Method.Categories) > 0 {
		cats = nil
		for _, k := range r.Method.Categories {
			cats = append(cats, k.Name)
		}
	}
	for _, k := range cats {
		n, ok := invalid[k]
		if !ok {
			n = res.Invalid
		}
		t.Invalid = append(t.Invalid, n)
	}
	return t
}

// sameDecision compares what a tally can tell of two results.
func sameDecision(t *testing.T, what string, got, want Result, exactValid bool) {
	t.Helper()
	js := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	for _, f := range []struct {
		name      string
		got, want any
	}{
		{"round valid", got.RoundValid, want.RoundValid},
		{"quorum", got.QuorumMet, want.QuorumMet},
		{"collected", got.Collected, want.Collected},
		{"threshold", got.Threshold, want.Threshold},
		{"categories", got.Categories, want.Categories},
		{"candidates", got.Candidates, want.Candidates},
		{"elected", got.Elected, want.Elected},
		{"runoffs", got.Runoffs, want.Runoffs},
		{"second rounds", got.SecondRounds, want.SecondRounds},
		{"vacancies", got.Vacancies, want.Vacancies},
		{"reason", got.Reason, want.Reason},
	} {
		if js(f.got) != js(f.want) {
			t.Fatalf("%s: %s differ:\ntally %s\ncount %s", what, f.name, js(f.got), js(f.want))
		}
	}
	// A tally never infers a per-ballot figure: it gives one only when
	// the sheet holds it (ballots valid or invalid as a whole, or one
	// category on the ballot), and then it is Count's.
	if exactValid && got.CategoryOnly {
		t.Fatalf("%s: a sheet whose ballots are valid or invalid as a whole gave no per-ballot figure", what)
	}
	if got.CategoryOnly != (!exactValid && len(got.Categories) > 1) {
		t.Fatalf("%s: category only %v with %d categories on the ballot", what, got.CategoryOnly, len(got.Categories))
	}
	if got.CategoryOnly {
		if got.Valid != 0 || got.Invalid != 0 || got.PartlyInvalid != 0 {
			t.Fatalf("%s: per-ballot figures %d/%d/%d from a sheet judged per category", what, got.Valid, got.Invalid, got.PartlyInvalid)
		}
	} else if got.Valid != want.Valid || got.Invalid != want.Invalid || got.PartlyInvalid != want.PartlyInvalid {
		t.Fatalf("%s: valid %d invalid %d partly %d, Count %d %d %d", what, got.Valid, got.Invalid, got.PartlyInvalid,
			want.Valid, want.Invalid, want.PartlyInvalid)
	}
	if got.InvalidBallots != nil || got.VoidWriteIns != 0 {
		t.Fatalf("%s: a tally cannot tell the invalid ballots", what)
	}
}

// TestCountTallyAgreesWithCount counts random rounds (and their runoffs
// and second rounds) from ballots, writes the tally sheet from Count's
// result and decides it again with CountTally: the decision must be the
// same.
func TestCountTallyAgreesWithCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	seen := map[string]int{}
	check := func(it int, r Round) Result {
		res := Count(r)
		exact := len(r.Method.Categories) == 0 || r.Method.OverSelection == model.OverSelectionBallot
		paper := r
		paper.Ballots = nil
		got, err := CountTally(paper, len(r.Ballots), tallyOf(r, res))
		if err != nil {
			t.Fatalf("%d: %v", it, err)
		}
		sameDecision(t, r.Kind.String(), got, res, exact)
		seen[r.Kind.String()]++
		if len(res.Runoffs) > 0 {
			seen["runoffs"]++
		}
		if len(res.SecondRounds) > 0 {
			seen["seconds"]++
		}
		return res
	}
	vote := func(next Round, present int) Round {
		next.Present, next.Issued = present, present
		for range present - rng.IntN(2) {
			b := Ballot{Marks: make([]Mark, len(next.Slate))}
			for i := range b.Marks {
				b.Marks[i] = Mark(rng.IntN(3))
			}
			next.Ballots = append(next.Ballots, b)
		}
		return next
	}
	for it := range 10000 {
		r := randomRound(rng)
		res := check(it, r)
		for _, kind := range []Kind{Runoff, Second} {
			if next, ok := res.NextRound(kind); ok {
				check(it, vote(next, r.Present))
			}
		}
	}
	for _, k := range []string{"regular", "runoff", "second", "runoffs", "seconds"} {
		if seen[k] < 50 {
			t.Errorf("only %d with %s", seen[k], k)
		}
	}
}

func TestCountTallyNotValid(t *testing.T) {
	m := model.DefaultMethod(13)
	s := slate15()
	zero := Tally{Counts: make([]TallyCount, 15), Invalid: []int{0}}
	for _, r := range []Round{
		{Method: m, Slate: s, Expected: 122, Present: 97},                // §9.1: no quorum
		{Method: m, Slate: s, Kind: Second, Expected: 122, Present: 120}, // bad input: no seats
		{Method: m, Slate: s, Expected: 122, Present: 123, Issued: 0},    // bad input: present > expected
		{Method: m, Slate: s, Expected: 122, Present: 100, Issued: 101},  // void: issued > present
	} {
		want := Count(r)
		got, err := CountTally(r, 0, zero)
		if err != nil {
			t.Fatalf("%+v: %v", r, err)
		}
		if want.RoundValid || got.Reason == "" {
			t.Fatalf("%+v: the case is valid", r)
		}
		sameDecision(t, want.Reason, got, want, true)
	}
	// §9.2: 121 collected of 120 issued: void; the sheet is checked, not used.
	r := Round{Method: m, Slate: s, Expected: 122, Present: 120, Issued: 120}
	got, err := CountTally(r, 121, Tally{Counts: make([]TallyCount, 15), Invalid: []int{121}})
	if err != nil || got.RoundValid || got.Reason != "round void: 121 ballots collected, more than the 120 issued" || got.Valid != 0 || got.Invalid != 0 {
		t.Errorf("void: %v %+v", err, got)
	}
	if _, err := CountTally(r, 121, zero); err == nil {
		t.Error("void round: a sheet that does not add up was taken")
	}
}

// TestCountTallyRulesExamples decides RULES §9 examples 6–9 from a tally
// of 110 valid ballots (122 expected, 13 seats, needs 62).
func TestCountTallyRulesExamples(t *testing.T) {
	m := model.DefaultMethod(13)
	s := slate15()
	sheet := func(a []int) Tally {
		t := Tally{Invalid: []int{2}}
		for _, n := range a {
			t.Counts = append(t.Counts, TallyCount{Approve: n, Abstain: 110 - n})
		}
		return t
	}
	r := Round{Method: m, Slate: s, Expected: 122, Present: 112, Issued: 112}
	tests := []struct {
		name    string
		a       []int
		elected int
		runoffs []Pending
		seconds []Pending
	}{
		{"6: 61 not elected, 62 elected", approvals(12, 100, 61, 62), 13, nil, nil},
		{"7: 13th and 14th tie", approvals(12, 100, 70, 70, 10), 12, []Pending{{Seats: 1, Candidates: []string{"C13", "C14"}}}, nil},
		{"8: 5th and 6th tie, 13 pass", approvals(13, 80, 0, 0), 13, nil, nil},
		{"9: 11 pass", approvals(11, 80, 0, 0, 0, 0), 11, nil, []Pending{{Seats: 2, Candidates: []string{"C12", "C13", "C14", "C15"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := CountTally(r, 112, sheet(tt.a))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Elected) != tt.elected || res.Valid != 110 || res.Invalid != 2 || *res.Threshold != 62 {
				t.Errorf("elected %v valid %d invalid %d threshold %d", res.Elected, res.Valid, res.Invalid, *res.Threshold)
			}
			checkPending(t, "runoffs", res.Runoffs, tt.runoffs)
			checkPending(t, "second rounds", res.SecondRounds, tt.seconds)
		})
	}
}

func TestCountTallyErrors(t *testing.T) {
	m := model.DefaultMethod(13)
	s := slate15()
	cm, cs := seedMethod() // 主席团 3 (4), 分院 7 (8), 社团 3 (3)
	bm := cm
	bm.OverSelection = model.OverSelectionBallot
	none := m
	none.WriteIns = model.WriteInsNone
	round := func(m model.Method, s []model.Candidate) Round {
		return Round{Method: m, Slate: s, Expected: 122, Present: 110, Issued: 110}
	}
	second := Round{Method: m, Slate: s[13:], Kind: Second, Seats: map[string]int{"": 2}, Expected: 122, Present: 110, Issued: 110}
	// good is a valid sheet of 100 collected, invalid per category, every
	// candidate approved a times and the rest abstain.
	good := func(s []model.Candidate, a int, invalid ...int) Tally {
		t := Tally{Invalid: invalid}
		for _, c := range s {
			k := 0
			for i, cat := range cm.Categories {
				if cat.Name == c.Category && len(invalid) > 1 {
					k = i
				}
			}
			t.Counts = append(t.Counts, TallyCount{Approve: a, Abstain: 100 - invalid[k] - a})
		}
		return t
	}
	with := func(t Tally, f func(*Tally)) Tally {
		t.Counts = append([]TallyCount(nil), t.Counts...)
		t.Invalid = append([]int(nil), t.Invalid...)
		f(&t)
		return t
	}
	plain := good(s, 10, 0)
	cats := good(cs, 10, 1, 2, 3)
	w := func(name, cat string, a int) []WriteInCount {
		return []WriteInCount{{Name: name, Category: cat, Approve: a}}
	}
	tests := []struct {
		name      string
		r         Round
		collected int
		t         Tally
		want      TallyError
	}{
		{"round has ballots", func() Round { r := round(m, s); r.Ballots = make([]Ballot, 3); return r }(), 100, plain,
			TallyError{Reason: TallyHasBallots, Got: 3}},
		{"negative collected", round(m, s), -1, plain, TallyError{Reason: TallyNegative, Got: -1}},
		{"too few lines", round(m, s), 100, with(plain, func(t *Tally) { t.Counts = t.Counts[:14] }),
			TallyError{Reason: TallyLines, Got: 14, Want: 15}},
		{"invalid without categories is one number", round(m, s), 100, with(plain, func(t *Tally) { t.Invalid = []int{0, 0} }),
			TallyError{Reason: TallyInvalidLines, Got: 2, Want: 1}},
		{"invalid per category", round(cm, cs), 100, with(cats, func(t *Tally) { t.Invalid = []int{1} }),
			TallyError{Reason: TallyInvalidLines, Got: 1, Want: 3}},
		{"negative invalid", round(cm, cs), 100, with(cats, func(t *Tally) { t.Invalid[1] = -1 }),
			TallyError{Category: "分院", Reason: TallyNegative, Got: -1}},
		{"invalid over collected", round(m, s), 100, with(plain, func(t *Tally) { t.Invalid[0] = 101 }),
			TallyError{Reason: TallyInvalidOver, Got: 101, Want: 100}},
		{"per ballot: invalid differ", round(bm, cs), 100, good(cs, 10, 1, 2, 1),
			TallyError{Category: "分院", Reason: TallyInvalidUnequal, Got: 2, Want: 1}},
		{"negative approve", round(m, s), 100, with(plain, func(t *Tally) { t.Counts[2] = TallyCount{Approve: -1, Abstain: 101} }),
			TallyError{Candidate: "C03", Reason: TallyNegative, Got: -1}},
		{"negative abstain", round(m, s), 100, with(plain, func(t *Tally) { t.Counts[2] = TallyCount{Approve: 101, Abstain: -1} }),
			TallyError{Candidate: "C03", Reason: TallyNegative, Got: -1}},
		{"sum not collected − invalid", round(m, s), 100, with(plain, func(t *Tally) { t.Counts[4].Disapprove = 1 }),
			TallyError{Candidate: "C05", Reason: TallySum, Got: 101, Want: 100}},
		{"sum per category", round(cm, cs), 100, with(cats, func(t *Tally) { t.Counts[12].Abstain++ }),
			TallyError{Candidate: "社团1", Category: "社团", Reason: TallySum, Got: 98, Want: 97}},
		{"write-ins forbidden by the method", round(none, s), 100, with(plain, func(t *Tally) { t.WriteIns = w("甲", "", 1) }),
			TallyError{Candidate: "甲", Reason: VoidNotAllowed}},
		{"no write-ins in a second round", second, 100, Tally{Counts: make([]TallyCount, 2), Invalid: []int{100}, WriteIns: w("甲", "", 0)},
			TallyError{Candidate: "甲", Reason: VoidRoundKind}},
		{"write-in without a name", round(m, s), 100, with(plain, func(t *Tally) { t.WriteIns = w(" ", "", 1) }),
			TallyError{Reason: TallyWriteInName}},
		{"write-in names a candidate", round(m, s), 100, with(plain, func(t *Tally) { t.WriteIns = w("C07", "", 1) }),
			TallyError{Candidate: "C07", Reason: VoidListed}},
		{"write-in twice", round(m, s), 100, with(plain, func(t *Tally) {
			t.Counts[0] = TallyCount{Disapprove: 2, Abstain: 98}
			t.WriteIns = append(w("甲", "", 1), w(" 甲", "", 1)...)
		}), TallyError{Candidate: "甲", Reason: VoidRepeated}},
		{"write-in category without categories", round(m, s), 100, with(plain, func(t *Tally) { t.WriteIns = w("甲", "社团", 1) }),
			TallyError{Candidate: "甲", Category: "社团", Reason: VoidUnknownCategory}},
		{"write-in unknown category", round(cm, cs), 100, with(cats, func(t *Tally) { t.WriteIns = w("甲", "无", 1) }),
			TallyError{Candidate: "甲", Category: "无", Reason: VoidUnknownCategory}},
		{"write-in without category", round(cm, cs), 100, with(cats, func(t *Tally) { t.WriteIns = w("甲", "", 1) }),
			TallyError{Candidate: "甲", Reason: VoidUnknownCategory}},
		{"write-in negative", round(m, s), 100, with(plain, func(t *Tally) { t.WriteIns = w("甲", "", -2) }),
			TallyError{Candidate: "甲", Reason: TallyNegative, Got: -2}},
		{"write-in over valid", round(cm, cs), 100, with(cats, func(t *Tally) { t.WriteIns = w("甲", "社团", 98) }),
			TallyError{Candidate: "甲", Category: "社团", Reason: TallyWriteInApprovals, Got: 98, Want: 97}},
		{"write-ins need ×", round(cm, cs), 100, with(cats, func(t *Tally) {
			t.Counts[0] = TallyCount{Approve: 10, Disapprove: 3, Abstain: 86}
			t.WriteIns = append(w("甲", "主席团", 2), w("乙", "主席团", 2)...)
		}), TallyError{Category: "主席团", Reason: TallyWriteInDisapprovals, Got: 4, Want: 3}},
		{"over-selection", round(m, s), 100, with(plain, func(t *Tally) {
			for i := range t.Counts {
				t.Counts[i] = TallyCount{Approve: 87, Abstain: 13}
			}
		}), TallyError{Reason: TallyOverSelection, Got: 15 * 87, Want: 1300}},
		{"over-selection with write-ins", round(m, s), 100, with(plain, func(t *Tally) {
			for i := range t.Counts {
				t.Counts[i] = TallyCount{Approve: 86, Disapprove: 14}
			}
			t.WriteIns = w("甲", "", 11)
		}), TallyError{Reason: TallyOverSelection, Got: 15*86 + 11, Want: 1300}},
		{"over-selection per category", round(cm, cs), 100, with(cats, func(t *Tally) {
			for i := range 4 {
				t.Counts[i] = TallyCount{Approve: 75, Abstain: 24}
			}
		}), TallyError{Category: "主席团", Reason: TallyOverSelection, Got: 300, Want: 297}},
		{"per ballot: over-selection over categories", round(bm, cs), 100, func() Tally {
			t := good(cs, 87, 1, 1, 1)
			t.Counts[14] = TallyCount{Approve: 99}
			return t
		}(), TallyError{Reason: TallyOverSelection, Got: 14*87 + 99, Want: 99 * 13}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CountTally(tt.r, tt.collected, tt.t)
			var te *TallyError
			if !errors.As(err, &te) {
				t.Fatalf("error %v, want a *TallyError", err)
			}
			if *te != tt.want {
				t.Errorf("%+v\nwant %+v", *te, tt.want)
			}
			if te.Error() == "" {
				t.Error("no message")
			}
		})
	}
	// The sheets the cases above spoil are themselves good.
	for _, c := range []struct {
		r Round
		t Tally
	}{{round(m, s), plain}, {round(cm, cs), cats}, {round(bm, cs), good(cs, 10, 1, 1, 1)}} {
		if _, err := CountTally(c.r, 100, c.t); err != nil {
			t.Errorf("good sheet refused: %v", err)
		}
	}
}

func TestCountTallyPerCategoryValid(t *testing.T) {
	cm, cs := seedMethod()
	r := Round{Method: cm, Slate: cs, Expected: 122, Present: 110, Issued: 110}
	sheet := Tally{Invalid: []int{1, 4, 2}}
	for _, c := range cs {
		valid := map[string]int{"主席团": 99, "分院": 96, "社团": 98}[c.Category]
		sheet.Counts = append(sheet.Counts, TallyCount{Approve: 70, Abstain: valid - 70})
	}
	sheet.Counts[0] = TallyCount{Approve: 20, Disapprove: 1, Abstain: 78}
	sheet.Counts[11] = TallyCount{Approve: 10, Abstain: 86} // 分院8
	sheet.WriteIns = []WriteInCount{{Name: "甲", Category: "主席团", Approve: 1}, {Name: "乙", Category: "主席团"}}
	res, err := CountTally(r, 100, sheet)
	if err != nil {
		t.Fatal(err)
	}
	// Three categories hold invalid parts (1, 4, 2): how they lie on
	// the ballots is unknown, so no per-ballot figure is given; each
	// category has its own.
	if !res.CategoryOnly || res.Valid != 0 || res.Invalid != 0 || res.PartlyInvalid != 0 {
		t.Errorf("category only %v, valid %d invalid %d partly %d", res.CategoryOnly, res.Valid, res.Invalid, res.PartlyInvalid)
	}
	for i, want := range []int{99, 96, 98} {
		if c := res.Categories[i]; c.Valid != want || c.Invalid != 100-want {
			t.Errorf("category %+v, want valid %d", c, want)
		}
	}
	js, _ := json.Marshal(res)
	if !strings.Contains(string(js), `"valid":null,"invalid":null,"partly_invalid":null,"category_only":true`) {
		t.Errorf("the JSON gives per-ballot figures: %s", js)
	}
	// One category with invalid parts: arithmetic would say those
	// ballots are partly invalid, but a sheet's figure is never inferred
	// (RULES §6.3): still per category only.
	one := sheet
	one.Invalid = []int{0, 4, 0}
	one.Counts = append([]TallyCount(nil), sheet.Counts...)
	for i, c := range cs {
		if c.Category != "分院" {
			one.Counts[i].Abstain += map[string]int{"主席团": 1, "社团": 2}[c.Category]
		}
	}
	res, err = CountTally(r, 100, one)
	if err != nil {
		t.Fatal(err)
	}
	if !res.CategoryOnly || res.Valid != 0 || res.Invalid != 0 || res.PartlyInvalid != 0 || res.Categories[1].Invalid != 4 {
		t.Errorf("one category: category only %v, valid %d invalid %d partly %d", res.CategoryOnly, res.Valid, res.Invalid, res.PartlyInvalid)
	}
	if n := len(res.Candidates); n != 16 || res.Candidates[15].Name != "甲" {
		t.Errorf("write-in rows %+v: the one without approvals is dropped", res.Candidates[15:])
	}
	// 主席团 has 4 candidates for 3 seats, 3 of them at 70: elected.
	if len(res.Elected) != 13 || res.Candidates[0].Status != NotElected {
		t.Errorf("elected %v", res.Elected)
	}
}
