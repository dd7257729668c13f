package election

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"podium/model"
	"podium/session/rule"
	"podium/words"
)

// category is one category's working state during a count.
type category struct {
	name   string
	open   int   // open seats in this round
	shown  bool  // reported in Result.Categories
	listed []int // slate indexes, ballot order
	valid  int   // ballots whose part for this category is valid
	need   *int  // minimum approvals that pass (nil: unknown)
	base   int   // the threshold's base
}

// writeKey identifies a write-in person: category index and name.
type writeKey struct {
	cat  int
	name string
}

// counter holds the state of one Count.
type counter struct {
	r       Round
	m       model.Method
	cats    []category
	candCat []int          // slate index → category index
	names   map[string]int // slate name → index
	catIdx  map[string]int // category name → index
	ballotW bool           // over-selection judged on the whole ballot
	open    int            // total open seats
}

// Count counts one round by RULES §6.2–6.4. It never fails: a round that
// cannot be decided (bad input, quorum not met, void) comes back with
// RoundValid false, empty Elected and the Reason.
func Count(r Round) Result {
	res, c := begin(r, len(r.Ballots))
	if c == nil || !res.RoundValid {
		return res
	}
	approve, disapprove, writeIns := c.tally(&res)
	c.finish(&res, approve, disapprove, writeIns)
	return res
}

// begin checks the round with collected ballots: its input, quorum and
// whether it is void (RULES §6.2 steps 1–3). The counter is nil on bad
// input. When the round is not valid the result is complete; else the
// caller tallies into the counter's categories and calls finish.
func begin(r Round, collected int) (Result, *counter) {
	m := r.Method
	res := Result{
		Kind: r.Kind, Method: m,
		Expected: r.Expected, Present: r.Present, Issued: r.Issued, Collected: collected,
		Categories: []CategoryResult{}, Candidates: []CandidateCount{},
		Elected: []string{}, Runoffs: []Pending{}, SecondRounds: []Pending{},
	}
	for _, c := range r.Slate {
		res.Candidates = append(res.Candidates, CandidateCount{Name: c.Name, Category: c.Category, Status: NotElected})
	}
	c, err := newCounter(r)
	if err != nil {
		res.Reason = ReasonBadInput + ": " + err.Error()
		return res, nil
	}
	res.QuorumNeed = rule.Need(m.Quorum, r.Expected)
	res.QuorumMet = rule.Meets(m.Quorum, r.Present, r.Expected)
	switch {
	case !res.QuorumMet:
		res.Reason = fmt.Sprintf("quorum not met: %d present of %d expected, %d needed (%s)",
			r.Present, r.Expected, res.QuorumNeed, words.RuleExact(m.Quorum, "en"))
	case r.Issued > r.Present:
		res.Reason = fmt.Sprintf("round void: %d ballots issued, more than the %d present", r.Issued, r.Present)
	case collected > r.Issued:
		res.Reason = fmt.Sprintf("round void: %d ballots collected, more than the %d issued", collected, r.Issued)
	default:
		res.RoundValid = true
	}
	if !res.RoundValid {
		c.thresholds(false)
		c.report(&res)
	}
	return res, c
}

// finish decides a valid round once each category's valid count and the
// approvals are known (RULES §6.4).
func (c *counter) finish(res *Result, approve, disapprove []int, writeIns map[writeKey]int) {
	c.thresholds(true)
	c.report(res)
	c.decide(res, approve, disapprove, writeIns)
}

// newCounter checks the round and indexes its slate and categories.
func newCounter(r Round) (*counter, error) {
	m := r.Method
	if err := model.ValidMethod(m); err != nil {
		return nil, fmt.Errorf("method: %v", err)
	}
	if r.Expected < 0 || r.Present < 0 || r.Issued < 0 || r.Present > r.Expected {
		return nil, fmt.Errorf("expected %d, present %d, issued %d", r.Expected, r.Present, r.Issued)
	}
	if r.Seats == nil && r.Kind != Regular {
		return nil, fmt.Errorf("a %s round needs its open seats", r.Kind)
	}
	c := &counter{r: r, m: m, names: make(map[string]int, len(r.Slate)), catIdx: map[string]int{}}
	if len(m.Categories) == 0 {
		c.cats = []category{{name: "", open: m.Seats, shown: true}}
		c.ballotW = true
	} else {
		for _, k := range m.Categories {
			c.catIdx[k.Name] = len(c.cats)
			c.cats = append(c.cats, category{name: k.Name, open: k.Seats})
		}
		c.ballotW = m.OverSelection == model.OverSelectionBallot
	}
	if len(m.Categories) == 0 {
		c.catIdx[""] = 0
	}
	if r.Seats != nil {
		for i := range c.cats {
			c.cats[i].open = 0
		}
		for name, n := range r.Seats {
			i, ok := c.catIdx[name]
			if !ok || n < 0 {
				return nil, fmt.Errorf("open seats %d for unknown category %q", n, name)
			}
			c.cats[i].open = n
		}
	}
	c.candCat = make([]int, len(r.Slate))
	for i, cand := range r.Slate {
		if strings.TrimSpace(cand.Name) == "" {
			return nil, fmt.Errorf("candidate %d has no name", i+1)
		}
		if _, dup := c.names[cand.Name]; dup {
			return nil, fmt.Errorf("candidate %q listed twice", cand.Name)
		}
		c.names[cand.Name] = i
		k, ok := c.catIdx[cand.Category]
		if !ok {
			return nil, fmt.Errorf("candidate %q: unknown category %q", cand.Name, cand.Category)
		}
		c.candCat[i] = k
		c.cats[k].listed = append(c.cats[k].listed, i)
	}
	for i := range c.cats {
		k := &c.cats[i]
		k.shown = k.shown || r.Seats == nil || k.open > 0 || len(k.listed) > 0
		c.open += k.open
	}
	return c, nil
}

// tally judges every ballot (RULES §6.3) and counts approvals and
// disapprovals per slate candidate and approvals per write-in person over
// the valid parts.
func (c *counter) tally(res *Result) (approve, disapprove []int, writeIns map[writeKey]int) {
	slate := c.r.Slate
	approve, disapprove = make([]int, len(slate)), make([]int, len(slate))
	writeIns = map[writeKey]int{}
	var v Verdict
	for bi, b := range c.r.Ballots {
		c.judge(b, &v)
		switch {
		case b.Spoiled != "":
			res.InvalidBallots = append(res.InvalidBallots, InvalidBallot{Index: bi, ID: b.ID, Reason: v.Reason})
			continue
		case v.PerBallot && !v.Valid:
			res.InvalidBallots = append(res.InvalidBallots, InvalidBallot{Index: bi, ID: b.ID, Reason: ReasonOverSelection,
				Selections: v.Selections, Seats: v.Seats})
		case !v.PerBallot:
			for _, p := range v.Parts {
				if !p.Valid {
					res.InvalidBallots = append(res.InvalidBallots, InvalidBallot{Index: bi, ID: b.ID, Category: p.Category, Reason: p.Reason,
						Selections: p.Selections, Seats: p.Seats, Partly: v.Partly})
				}
			}
		}
		if v.Partly {
			res.PartlyInvalid++
		}
		res.VoidWriteIns += len(v.VoidWriteIns)
		if v.Valid {
			res.Valid++
		}
		for k, p := range v.Parts {
			if p.Valid {
				c.cats[k].valid++
			}
		}
		marks := b.Marks
		if len(marks) > len(slate) {
			marks = marks[:len(slate)]
		}
		for i, mk := range marks {
			if !v.Parts[c.candCat[i]].Valid {
				continue
			}
			switch mk {
			case Approve:
				approve[i]++
			case Disapprove:
				disapprove[i]++
			}
		}
		for _, w := range v.accepted {
			if v.Parts[w.cat].Valid {
				writeIns[w]++
			}
		}
	}
	res.Invalid = res.Collected - res.Valid
	return approve, disapprove, writeIns
}

// thresholds sets each category's minimum approvals. counted says whether
// the ballots were judged (the valid base needs them).
func (c *counter) thresholds(counted bool) {
	f := c.m.Threshold
	for i := range c.cats {
		k := &c.cats[i]
		switch {
		case c.r.Kind == Runoff:
			k.base = 0
		case c.m.ThresholdBase == model.BaseExpected:
			k.base = c.r.Expected
		case c.m.ThresholdBase == model.BasePresent:
			k.base = c.r.Present
		case counted:
			k.base = k.valid
		default:
			continue
		}
		need := 0
		if c.r.Kind != Runoff {
			need = rule.Need(f, k.base)
		}
		k.need = &need
	}
}

// passes reports whether approvals pass in category k.
func (c *counter) passes(k *category, approvals int) bool {
	if c.r.Kind == Runoff {
		return true
	}
	return rule.Meets(c.m.Threshold, approvals, k.base)
}

// report fills the categories of res and its overall threshold.
func (c *counter) report(res *Result) {
	same, first := true, true
	for i := range c.cats {
		k := &c.cats[i]
		if !k.shown {
			continue
		}
		res.Categories = append(res.Categories, CategoryResult{
			Name: k.name, Seats: k.open, Valid: k.valid, Invalid: res.Collected - k.valid, Threshold: k.need,
		})
		switch {
		case first:
			res.Threshold, first = k.need, false
		case k.need == nil || res.Threshold == nil || *k.need != *res.Threshold:
			same = false
		}
	}
	if !same {
		res.Threshold = nil
	}
	if !res.RoundValid { // nothing judged: no ballot is valid or invalid
		for i := range res.Categories {
			res.Categories[i].Invalid = 0
		}
	}
}

// entry is one candidate or write-in person competing in a category.
type entry struct {
	slate     int // slate index, or -1 for a write-in person
	name      string
	approvals int
	status    Status
}

// decide applies RULES §6.4 per category and fills the candidates, the
// elected in announcement order, the runoffs and the second rounds.
func (c *counter) decide(res *Result, approve, disapprove []int, writeIns map[writeKey]int) {
	var wk []writeKey
	for k := range writeIns {
		wk = append(wk, k)
	}
	// Write-in persons: by approvals, then category order, then name, so
	// that the order never depends on the order of the ballots.
	slices.SortFunc(wk, func(a, b writeKey) int {
		return cmp.Or(cmp.Compare(writeIns[b], writeIns[a]), cmp.Compare(a.cat, b.cat), strings.Compare(a.name, b.name))
	})
	status := make([]Status, len(c.r.Slate))
	wStatus := make(map[writeKey]Status, len(wk))
	for ci := range c.cats {
		k := &c.cats[ci]
		if k.open == 0 && len(k.listed) == 0 {
			continue
		}
		var es []entry
		for _, i := range k.listed {
			es = append(es, entry{slate: i, name: c.r.Slate[i].Name, approvals: approve[i], status: NotElected})
		}
		for _, w := range wk {
			if w.cat == ci {
				es = append(es, entry{slate: -1, name: w.name, approvals: writeIns[w], status: NotElected})
			}
		}
		var passing []*entry
		for i := range es {
			if k.open > 0 && c.passes(k, es[i].approvals) {
				passing = append(passing, &es[i])
			}
		}
		if len(passing) <= k.open {
			for _, e := range passing {
				e.status = Elected
			}
		} else {
			ranked := slices.Clone(passing)
			slices.SortStableFunc(ranked, func(a, b *entry) int { return cmp.Compare(b.approvals, a.approvals) })
			cut := ranked[k.open-1].approvals
			tie := ranked[k.open].approvals == cut
			above := 0
			for _, e := range ranked {
				switch {
				case e.approvals > cut || (!tie && e.approvals == cut):
					e.status = Elected
					above++
				case e.approvals == cut:
					e.status = InRunoff
				}
			}
			if tie && c.m.TieRule() == model.TieVacant {
				// The tied are not elected; their seats stay vacant, with
				// no runoff (RULES §6.4 step 3).
				for i := range es {
					if es[i].status == InRunoff {
						es[i].status = Tied
					}
				}
				res.Vacancies = append(res.Vacancies, c.pending(k, es, k.open-above, Tied))
			} else if tie {
				res.Runoffs = append(res.Runoffs, c.pending(k, es, k.open-above, InRunoff))
			}
		}
		elected := 0
		for _, e := range es {
			if e.status == Elected {
				elected++
			}
		}
		if missing := k.open - elected; missing > 0 && len(passing) < k.open {
			res.SecondRounds = append(res.SecondRounds, c.pending(k, es[:len(k.listed)], missing, NotElected))
		}
		for _, e := range es {
			if e.slate >= 0 {
				status[e.slate] = e.status
			} else {
				wStatus[writeKey{ci, e.name}] = e.status
			}
		}
	}
	for i := range c.r.Slate {
		cc := &res.Candidates[i]
		cc.Approve, cc.Disapprove = approve[i], disapprove[i]
		cc.Abstain = c.cats[c.candCat[i]].valid - approve[i] - disapprove[i]
		cc.Status = status[i]
		if cc.Status == Elected {
			res.Elected = append(res.Elected, cc.Name)
		}
	}
	for _, w := range wk {
		st := wStatus[w]
		res.Candidates = append(res.Candidates, CandidateCount{
			Name: w.name, Category: c.cats[w.cat].name, WriteIn: true, Approve: writeIns[w], Status: st,
		})
		if st == Elected {
			res.Elected = append(res.Elected, w.name)
		}
	}
}

// pending lists the entries of es with status st, in ballot order, as a
// runoff or second round for seats in category k.
func (c *counter) pending(k *category, es []entry, seats int, st Status) Pending {
	p := Pending{Category: k.name, Seats: seats, Candidates: []string{}, Slate: []model.Candidate{}}
	for _, e := range es {
		if e.status != st {
			continue
		}
		p.Candidates = append(p.Candidates, e.name)
		if e.slate >= 0 {
			p.Slate = append(p.Slate, c.r.Slate[e.slate])
		} else {
			p.Slate = append(p.Slate, model.Candidate{Name: e.name, Category: k.name})
		}
	}
	return p
}
