package election

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"podium/model"
	"podium/session/rule"
)

// randomRound makes a random valid round: method, slate, ballots with
// marks biased so that outcomes vary (passes, ties, over-selections).
func randomRound(rng *rand.Rand) Round {
	m := model.DefaultMethod(1)
	var slate []model.Candidate
	if rng.IntN(2) == 0 {
		m.Seats = 1 + rng.IntN(6)
		for i := range m.Seats + rng.IntN(4) {
			slate = append(slate, model.Candidate{Name: fmt.Sprintf("c%d", i)})
		}
	} else {
		m.Seats = 0
		for k := range 1 + rng.IntN(3) {
			c := model.Category{Name: fmt.Sprintf("k%d", k), Seats: 1 + rng.IntN(3)}
			m.Categories = append(m.Categories, c)
			m.Seats += c.Seats
			for i := range c.Seats + rng.IntN(3) {
				slate = append(slate, model.Candidate{Name: fmt.Sprintf("k%dc%d", k, i), Category: c.Name})
			}
		}
	}
	m.ThresholdBase = []model.Base{model.BaseExpected, model.BasePresent, model.BaseValid}[rng.IntN(3)]
	m.Threshold = []model.Fraction{{Num: 1, Den: 2, Strict: true}, {Num: 1, Den: 2}, {Num: 1, Den: 3}, {Num: 2, Den: 3, Strict: true}}[rng.IntN(4)]
	if rng.IntN(4) == 0 {
		m.WriteIns = model.WriteInsNone
	}
	if rng.IntN(3) == 0 {
		m.OverSelection = model.OverSelectionBallot
	}
	if rng.IntN(3) == 0 {
		m.Tie = model.TieVacant
	}
	expected := 5 + rng.IntN(30)
	present := expected - rng.IntN(max(expected/5, 1))
	r := Round{Method: m, Slate: slate, Expected: expected, Present: present, Issued: present}
	pApprove := 0.3 + 0.6*rng.Float64()
	n := present - rng.IntN(3)
	for range max(n, 0) {
		b := Ballot{Marks: make([]Mark, len(slate))}
		for i := range b.Marks {
			switch x := rng.Float64(); {
			case x < pApprove/2:
				b.Marks[i] = Approve
			case x < pApprove/2+0.2:
				b.Marks[i] = Disapprove
			case x < pApprove/2+0.25:
				b.Marks[i] = Mark(3 + rng.IntN(5)) // a stray mark: abstain
			}
		}
		for range rng.IntN(3) {
			w := WriteIn{Name: []string{"w1", "w2", "w3", "c0", "k0c0"}[rng.IntN(5)]}
			if len(m.Categories) > 0 {
				w.Category = m.Categories[rng.IntN(len(m.Categories))].Name
			}
			b.WriteIns = append(b.WriteIns, w)
		}
		if rng.IntN(30) == 0 {
			b.Spoiled = "marked"
		}
		r.Ballots = append(r.Ballots, b)
	}
	return r
}

func TestCountProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	seen := map[string]int{}
	for it := range 20000 {
		r := randomRound(rng)
		res := Count(r)
		if !res.RoundValid {
			t.Fatalf("%d: round not valid: %s", it, res.Reason)
		}
		checkProperties(t, r, res, seen)
		// Shuffling the ballots changes nothing.
		sh := r
		sh.Ballots = append([]Ballot(nil), r.Ballots...)
		rng.Shuffle(len(sh.Ballots), func(i, j int) { sh.Ballots[i], sh.Ballots[j] = sh.Ballots[j], sh.Ballots[i] })
		a, _ := json.Marshal(res)
		b, _ := json.Marshal(Count(sh))
		if string(a) != string(b) {
			t.Fatalf("%d: shuffling changed the result:\n%s\n%s", it, a, b)
		}
		// A runoff among the tied elects at most its seats and never
		// leaves a seat open when it has enough candidates.
		if next, ok := res.NextRound(Runoff); ok {
			next.Present, next.Issued = r.Present, r.Present
			for range r.Present {
				b := Ballot{Marks: make([]Mark, len(next.Slate))}
				for i := range b.Marks {
					if rng.IntN(2) == 0 {
						b.Marks[i] = Approve
					}
				}
				next.Ballots = append(next.Ballots, b)
			}
			rr := Count(next)
			checkProperties(t, next, rr, seen)
			if len(rr.SecondRounds) != 0 {
				t.Fatalf("%d: runoff left seats for a second round: %+v", it, rr.SecondRounds)
			}
			seen["runoff round"]++
		}
	}
	for _, k := range []string{"elected", "runoff", "second", "invalid", "write-in elected", "runoff round", "vacant", "partly"} {
		if seen[k] < 50 {
			t.Errorf("only %d rounds with %s: the generator misses cases", seen[k], k)
		}
	}
}

func checkProperties(t *testing.T, r Round, res Result, seen map[string]int) {
	t.Helper()
	catValid := map[string]int{}
	catNeed := map[string]*int{}
	open := map[string]int{}
	for _, c := range res.Categories {
		catValid[c.Name] = c.Valid
		catNeed[c.Name] = c.Threshold
		open[c.Name] = c.Seats
		if c.Valid+c.Invalid != res.Collected {
			t.Fatalf("category %+v: valid+invalid != collected %d", c, res.Collected)
		}
		if c.Valid < res.Valid {
			t.Fatalf("category %s valid %d < ballot valid %d", c.Name, c.Valid, res.Valid)
		}
		if r.Kind != Runoff {
			base := map[model.Base]int{model.BaseExpected: r.Expected, model.BasePresent: r.Present, model.BaseValid: c.Valid}[r.Method.ThresholdBase]
			if *c.Threshold != rule.Need(r.Method.Threshold, base) {
				t.Fatalf("threshold %d, Need %d", *c.Threshold, rule.Need(r.Method.Threshold, base))
			}
		}
	}
	if res.Valid+res.Invalid != res.Collected {
		t.Fatalf("valid %d + invalid %d != collected %d", res.Valid, res.Invalid, res.Collected)
	}
	if res.Invalid > 0 {
		seen["invalid"]++
	}
	elected := map[string]int{}
	total := 0
	for i, c := range res.Candidates {
		if !c.WriteIn {
			if i >= len(r.Slate) || c.Name != r.Slate[i].Name {
				t.Fatalf("candidates not in ballot order at %d", i)
			}
			if c.Approve+c.Disapprove+c.Abstain != catValid[c.Category] || c.Abstain < 0 {
				t.Fatalf("%+v: does not add up to %d valid", c, catValid[c.Category])
			}
		}
		if c.Status == Elected {
			elected[c.Category]++
			total++
			if c.Approve < *catNeed[c.Category] {
				t.Fatalf("%+v elected below the threshold %d", c, *catNeed[c.Category])
			}
			if c.WriteIn {
				seen["write-in elected"]++
			}
		}
	}
	if total != len(res.Elected) || total > r.Method.Seats {
		t.Fatalf("elected %v, %d with status, %d seats", res.Elected, total, r.Method.Seats)
	}
	if total > 0 {
		seen["elected"]++
	}
	pending := map[string]int{}
	for _, p := range res.Vacancies {
		pending[p.Category] += p.Seats
		if r.Method.TieRule() != model.TieVacant || len(p.Candidates) <= p.Seats {
			t.Fatalf("vacancy %+v with tie %q", p, r.Method.TieRule())
		}
		seen["vacant"]++
	}
	if res.PartlyInvalid > 0 {
		seen["partly"]++
	}
	if res.PartlyInvalid > res.Invalid {
		t.Fatalf("partly invalid %d > invalid %d", res.PartlyInvalid, res.Invalid)
	}
	for _, p := range res.Runoffs {
		pending[p.Category] += p.Seats
		if len(p.Candidates) <= p.Seats || p.Seats <= 0 || r.Method.TieRule() != model.TieRunoff {
			t.Fatalf("runoff %+v: needs more tied than seats, and tie = runoff", p)
		}
		seen["runoff"]++
	}
	for _, p := range res.SecondRounds {
		pending[p.Category] += p.Seats
		seen["second"]++
	}
	for name, n := range open {
		if elected[name]+pending[name] != n {
			t.Fatalf("category %q: %d elected + %d pending != %d open (%+v)", name, elected[name], pending[name], n, res)
		}
	}
}

func BenchmarkCount3000x200(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	m := model.DefaultMethod(100)
	var slate []model.Candidate
	for i := range 200 {
		slate = append(slate, model.Candidate{Name: fmt.Sprintf("候选人%03d", i)})
	}
	r := Round{Method: m, Slate: slate, Expected: 3100, Present: 3000, Issued: 3000}
	for range 3000 {
		bl := Ballot{Marks: make([]Mark, 200)}
		for i := range bl.Marks {
			bl.Marks[i] = Mark(rng.IntN(3))
		}
		if rng.IntN(10) == 0 {
			bl.WriteIns = []WriteIn{{Name: fmt.Sprintf("另%d", rng.IntN(20))}}
		}
		r.Ballots = append(r.Ballots, bl)
	}
	b.ResetTimer()
	for b.Loop() {
		Count(r)
	}
}
