package election

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"podium/model"
	"podium/session/rule"
)

// refResult is what the reference counter tells of a round.
type refResult struct {
	valid, invalid, partly int
	approve, disapprove    map[string]int // by candidate or write-in name
	status                 map[string]Status
	pending                map[string]string // "runoff/cat", "second/cat", "vacant/cat" → "seats: names"
}

// refCount is an independent counter, written from RULES §6.3–6.4 alone
// in the plainest way (no shared code with Count but rule.Meets): it
// judges each ballot, tallies the valid parts and decides each category.
// The round must be valid (quorum met, not void).
func refCount(r Round) refResult {
	m := r.Method
	type cat struct {
		name  string
		seats int
		in    bool // part of this round
	}
	var cats []cat
	if len(m.Categories) == 0 {
		seats := m.Seats
		if r.Seats != nil {
			seats = r.Seats[""]
		}
		cats = []cat{{"", seats, true}}
	}
	for _, c := range m.Categories {
		seats := c.Seats
		if r.Seats != nil {
			seats = r.Seats[c.Name]
		}
		in := r.Seats == nil || seats > 0
		for _, s := range r.Slate {
			in = in || s.Category == c.Name
		}
		cats = append(cats, cat{c.Name, seats, in})
	}
	catOf := func(name string) int {
		for i, c := range cats {
			if c.name == name {
				return i
			}
		}
		return -1
	}
	listed := map[string]bool{}
	for _, s := range r.Slate {
		listed[s.Name] = true
	}
	perBallot := len(m.Categories) == 0 || m.OverSelection == model.OverSelectionBallot
	out := refResult{approve: map[string]int{}, disapprove: map[string]int{}, status: map[string]Status{}, pending: map[string]string{}}
	validIn := make([]int, len(cats))
	writeCat := map[string]int{}
	for _, b := range r.Ballots {
		if b.Spoiled != "" {
			out.invalid++
			continue
		}
		sel, dis, used := make([]int, len(cats)), make([]int, len(cats)), make([]int, len(cats))
		for i, s := range r.Slate {
			if i < len(b.Marks) {
				switch b.Marks[i] {
				case Approve:
					sel[catOf(s.Category)]++
				case Disapprove:
					dis[catOf(s.Category)]++
				}
			}
		}
		var writes []WriteIn
		var written []string
		for _, w := range b.WriteIns {
			name := strings.TrimSpace(w.Name)
			if name == "" {
				continue
			}
			k := 0
			if len(m.Categories) > 0 {
				k = catOf(strings.TrimSpace(w.Category))
			}
			ok := m.WriteIns == model.WriteInsWithDisapproval && r.Kind == Regular && k >= 0 &&
				!listed[name] && !slices.Contains(written, name) && used[k] < dis[k]
			written = append(written, name)
			if ok {
				used[k]++
				sel[k]++
				writes = append(writes, WriteIn{Name: name, Category: cats[k].name})
			}
		}
		valid := make([]bool, len(cats))
		total, seats := 0, 0
		for k := range cats {
			total += sel[k]
			seats += cats[k].seats
			valid[k] = sel[k] <= cats[k].seats
		}
		if perBallot {
			for k := range valid {
				valid[k] = total <= seats
			}
		}
		nValid, nIn := 0, 0
		for k, c := range cats {
			if c.in {
				nIn++
				if valid[k] {
					nValid++
				}
			}
			if valid[k] {
				validIn[k]++
			}
		}
		switch {
		case nValid == nIn:
			out.valid++
		case nValid > 0:
			out.invalid++
			out.partly++
		default:
			out.invalid++
		}
		for i, s := range r.Slate {
			if i < len(b.Marks) && valid[catOf(s.Category)] {
				switch b.Marks[i] {
				case Approve:
					out.approve[s.Name]++
				case Disapprove:
					out.disapprove[s.Name]++
				}
			}
		}
		for _, w := range writes {
			if valid[catOf(w.Category)] {
				out.approve[w.Name+"@"+w.Category]++
				writeCat[w.Name+"@"+w.Category] = catOf(w.Category)
			}
		}
	}
	for k, c := range cats {
		type entry struct {
			key, name string // key: the name, or name@category for a write-in person
			votes     int
		}
		var es []entry
		for _, s := range r.Slate {
			if s.Category == c.name {
				es = append(es, entry{s.Name, s.Name, out.approve[s.Name]})
				out.status[s.Name] = NotElected
			}
		}
		for key, kk := range writeCat {
			if kk == k {
				name, _, _ := strings.Cut(key, "@")
				es = append(es, entry{key, name, out.approve[key]})
				out.status[key] = NotElected
			}
		}
		base := map[model.Base]int{model.BaseExpected: r.Expected, model.BasePresent: r.Present, model.BaseValid: validIn[k]}[m.ThresholdBase]
		var passing []entry
		for _, e := range es {
			if c.seats > 0 && (r.Kind == Runoff || rule.Meets(m.Threshold, e.votes, base)) {
				passing = append(passing, e)
			}
		}
		names := func(keep func(entry) bool) string {
			var ns []string
			for _, e := range es {
				if keep(e) {
					ns = append(ns, e.name)
				}
			}
			sort.Strings(ns)
			return strings.Join(ns, ",")
		}
		if len(passing) <= c.seats {
			for _, e := range passing {
				out.status[e.key] = Elected
			}
			if missing := c.seats - len(passing); missing > 0 {
				out.pending["second/"+c.name] = fmt.Sprintf("%d: %s", missing, names(func(e entry) bool {
					return listed[e.key] && out.status[e.key] != Elected
				}))
			}
			continue
		}
		sort.SliceStable(passing, func(i, j int) bool { return passing[i].votes > passing[j].votes })
		cut := passing[c.seats-1].votes
		if passing[c.seats].votes != cut {
			for _, e := range passing[:c.seats] {
				out.status[e.key] = Elected
			}
			continue
		}
		above := 0
		for _, e := range passing {
			if e.votes > cut {
				out.status[e.key] = Elected
				above++
			}
		}
		tied, kind := InRunoff, "runoff/"
		if m.TieRule() == model.TieVacant {
			tied, kind = Tied, "vacant/"
		}
		for _, e := range passing {
			if e.votes == cut {
				out.status[e.key] = tied
			}
		}
		out.pending[kind+c.name] = fmt.Sprintf("%d: %s", c.seats-above, names(func(e entry) bool { return out.status[e.key] == tied }))
	}
	return out
}

// refOf is Count's result in the reference's terms.
func refOf(res Result) refResult {
	out := refResult{valid: res.Valid, invalid: res.Invalid, partly: res.PartlyInvalid,
		approve: map[string]int{}, disapprove: map[string]int{}, status: map[string]Status{}, pending: map[string]string{}}
	for _, c := range res.Candidates {
		key := c.Name
		if c.WriteIn {
			key += "@" + c.Category
		}
		out.status[key] = c.Status
		if c.Approve > 0 {
			out.approve[key] = c.Approve
		}
		if c.Disapprove > 0 {
			out.disapprove[key] = c.Disapprove
		}
	}
	for kind, ps := range map[string][]Pending{"runoff/": res.Runoffs, "second/": res.SecondRounds, "vacant/": res.Vacancies} {
		for _, p := range ps {
			ns := slices.Clone(p.Candidates)
			sort.Strings(ns)
			out.pending[kind+p.Category] = fmt.Sprintf("%d: %s", p.Seats, strings.Join(ns, ","))
		}
	}
	return out
}

// TestCountAgreesWithReference: on random rounds (both tie policies,
// categories judged per category or per ballot, write-ins, stray marks,
// spoiled ballots) and their runoffs and second rounds, Count and the
// independent reference counter agree on every figure and outcome.
func TestCountAgreesWithReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	seen := map[string]int{}
	check := func(it int, r Round) Result {
		res := Count(r)
		got, want := refOf(res), refCount(r)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%d (%s, tie %s): Count and the reference differ:\nCount     %v\nreference %v", it, r.Kind, r.Method.TieRule(), got, want)
		}
		if res.PartlyInvalid > 0 {
			seen["partly"]++
		}
		if len(res.Vacancies) > 0 {
			seen["vacant"]++
		}
		if len(res.Runoffs) > 0 {
			seen["runoff"]++
		}
		return res
	}
	for it := range 12000 {
		r := randomRound(rng)
		res := check(it, r)
		for _, kind := range []Kind{Runoff, Second} {
			if next, ok := res.NextRound(kind); ok {
				next.Present, next.Issued = r.Present, r.Present
				for range r.Present {
					b := Ballot{Marks: make([]Mark, len(next.Slate))}
					for i := range b.Marks {
						b.Marks[i] = Mark(rng.IntN(3))
					}
					next.Ballots = append(next.Ballots, b)
				}
				check(it, next)
				seen[kind.String()+" round"]++
			}
		}
	}
	for _, k := range []string{"partly", "vacant", "runoff", "runoff round", "second round"} {
		if seen[k] < 30 {
			t.Errorf("only %d rounds with %s: the generator misses cases", seen[k], k)
		}
	}
}
