package session

import (
	"fmt"
	"reflect"
	"slices"

	"podium/model"
	"podium/session/election"
	"podium/session/rule"
)

// PendingRound is a runoff or second round that is due, in one category.
type PendingRound struct {
	Kind election.Kind
	election.Pending
}

// holdable reports whether a round can be held for p: seats and someone
// to vote on. A second round with nobody left (fewer candidates than
// seats) can only be left vacant.
func (p PendingRound) holdable() bool { return p.Seats > 0 && len(p.Slate) > 0 }

// Current returns the last round, or nil before the first.
func (v *Vote) Current() *Round {
	if len(v.Rounds) == 0 {
		return nil
	}
	return v.Rounds[len(v.Rounds)-1]
}

// Open reports whether a round is open: opened, not decided and not void.
func (v *Vote) Open() bool {
	r := v.Current()
	return r != nil && r.Decided == nil && !r.Void()
}

// Next returns the round OpenRound would open now, and whether one is due.
// After a void or undecided round it is the same round again; then the
// runoffs due, then the second rounds due; the regular round first of all.
func (v *Vote) Next() (r election.Round, revote, ok bool) {
	cur := v.Current()
	switch {
	case cur == nil:
		return election.Round{Method: v.Method, Slate: v.Candidates, Kind: election.Regular, Seats: v.methodSeats()}, false, true
	case cur.Void() || (cur.Decided != nil && cur.Result.Reason != ""):
		return election.Round{Method: v.Method, Slate: cur.Slate, Kind: cur.Kind, Seats: cur.Seats}, true, true
	}
	for _, kind := range []election.Kind{election.Runoff, election.Second} {
		r := election.Round{Method: v.Method, Kind: kind, Seats: map[string]int{}}
		for _, p := range v.Pending {
			if p.Kind == kind && p.holdable() {
				r.Slate = append(r.Slate, p.Slate...)
				r.Seats[p.Category] += p.Seats
			}
		}
		if len(r.Slate) > 0 {
			return r, false, true
		}
	}
	return election.Round{}, false, false
}

func (v *Vote) methodSeats() map[string]int {
	seats := map[string]int{}
	if len(v.Method.Categories) == 0 {
		seats[""] = v.Method.Seats
	}
	for _, c := range v.Method.Categories {
		seats[c.Name] = c.Seats
	}
	return seats
}

// Elected returns everyone elected so far, in the announcement order of
// RULES §6.5: the approved candidate order, write-in persons after them by
// approvals (in the order their rounds decided them).
func (v *Vote) Elected() []model.Candidate {
	var listed, written []model.Candidate
	for _, r := range v.Rounds {
		if r.Result == nil {
			continue
		}
		for _, name := range r.Result.Elected {
			i := slices.IndexFunc(v.Candidates, func(c model.Candidate) bool { return c.Name == name })
			if i >= 0 {
				listed = append(listed, v.Candidates[i])
				continue
			}
			// A write-in person: in a runoff they stand on the slate, so
			// their category is on their count line, write-in or not.
			cat := ""
			for _, c := range r.Result.Candidates {
				if c.Name == name {
					cat = c.Category
				}
			}
			written = append(written, model.Candidate{Name: name, Category: cat})
		}
	}
	slices.SortStableFunc(listed, func(a, b model.Candidate) int {
		return slices.IndexFunc(v.Candidates, func(c model.Candidate) bool { return c.Name == a.Name }) -
			slices.IndexFunc(v.Candidates, func(c model.Candidate) bool { return c.Name == b.Name })
	})
	return append(listed, written...)
}

// decideVote validates an election command; see decide.
func decideVote(st *State, cmd Command) ([]Body, error) {
	v := st.Vote
	if v == nil {
		return nil, ErrNoElection
	}
	cur := v.Current()
	switch c := cmd.(type) {
	case AdoptMethod:
		if len(v.Rounds) > 0 {
			return nil, ErrVoteStarted
		}
		if err := checkMethod(c.Method, v.Candidates); err != nil {
			return nil, err
		}
		fig, err := st.adoptionVote(c.Vote)
		if err != nil {
			return nil, err
		}
		if fig != nil {
			return []Body{MethodVoted{No: len(st.Votes) + 1, Item: st.Item, Method: c.Method, VoteFigures: *fig}}, nil
		}
		return []Body{MethodAdopted{Method: c.Method}}, nil
	case AdoptScrutineers:
		if v.Open() {
			return nil, ErrRoundOpen
		}
		for _, who := range []struct{ id, role, other string }{{c.Scrutineer, RoleScrutineer, ""}, {c.Chief, RoleChief, c.Scrutineer}} {
			if err := st.CheckScrutineer(who.id, who.role, who.other); err != nil {
				return nil, err
			}
		}
		fig, err := st.adoptionVote(c.Vote)
		if err != nil {
			return nil, err
		}
		if fig != nil {
			return []Body{ScrutineersVoted{No: len(st.Votes) + 1, Item: st.Item, Scrutineer: c.Scrutineer, Chief: c.Chief,
				Counters: c.Counters, VoteFigures: *fig}}, nil
		}
		return []Body{ScrutineersAdopted{Scrutineer: c.Scrutineer, Chief: c.Chief, Counters: c.Counters, Count: st.Count()}}, nil
	case OpenRound:
		if err := st.declared(CodeRound); err != nil {
			return nil, err
		}
		switch {
		case v.MethodAdopted == nil:
			return nil, ErrMethodNotAdopted
		case v.ScrutineersAdopted == nil:
			return nil, ErrNoScrutineers
		case v.Open():
			return nil, ErrRoundOpen
		}
		next, revote, ok := v.Next()
		if !ok {
			return nil, ErrNothingToHold
		}
		cnt := st.Count()
		if !rule.Meets(v.Method.Quorum, cnt.Present, cnt.Expected) {
			return nil, &QuorumError{What: "election", Rule: v.Method.Quorum, Count: cnt, Need: rule.Need(v.Method.Quorum, cnt.Expected)}
		}
		return []Body{RoundOpened{Round: len(v.Rounds) + 1, Kind: next.Kind, Slate: next.Slate, Seats: next.Seats, Revote: revote, Count: cnt}}, nil
	case DeclareVacant:
		if !v.CanVacate() {
			return nil, ErrNoVacancy
		}
		seats := map[string]int{}
		for _, p := range v.Pending {
			if p.Kind == election.Second {
				seats[p.Category] += p.Seats
			}
		}
		return []Body{VacancyDeclared{Round: cur.No, Seats: seats}}, nil
	}
	if cur == nil || cur.Decided != nil {
		return nil, ErrNoOpenRound
	}
	switch c := cmd.(type) {
	case IssueBallots:
		if cur.Issued >= 0 {
			return nil, ErrAlreadyRecorded
		}
		if err := st.declared(CodeBallots); err != nil {
			return nil, err
		}
		// A ballot issue needs the quorum (RULES §2), however many
		// arrived or left since the round opened.
		cnt := st.Count()
		if !rule.Meets(v.Method.Quorum, cnt.Present, cnt.Expected) {
			return nil, &QuorumError{What: "election", Rule: v.Method.Quorum, Count: cnt, Need: rule.Need(v.Method.Quorum, cnt.Expected)}
		}
		if c.N <= 0 || c.N > cnt.Present {
			return nil, &IssueError{N: c.N, Present: cnt.Present}
		}
		return []Body{BallotsIssued{Round: cur.No, N: c.N, Count: cnt}}, nil
	case CollectBallots:
		switch {
		case cur.Issued < 0:
			return nil, ErrNotIssued
		case cur.Collected >= 0:
			return nil, ErrAlreadyRecorded
		case c.N < 0:
			return nil, fmt.Errorf("session: %d ballots collected is not a count", c.N)
		}
		return []Body{BallotsCollected{Round: cur.No, N: c.N}}, nil
	}
	// Counting needs the collected ballots of a round that is not void.
	switch {
	case cur.Collected < 0:
		return nil, ErrNotCollected
	case cur.Void():
		if _, ok := cmd.(DecideRound); ok {
			return v.decision(cur, st.Count())
		}
		return nil, ErrRoundVoid
	}
	switch c := cmd.(type) {
	case EnterBallot:
		if cur.Mode() == EntryTally {
			return nil, ErrMixedEntry
		}
		stack := cur.Entries[c.Actor]
		if err := checkBallot(c, len(stack), cur); err != nil {
			return nil, err
		}
		i := c.Index
		if i < 0 {
			i = len(stack)
		}
		return []Body{BallotEntered{Round: cur.No, Index: i, Ballot: c.Ballot}}, nil
	case RemoveBallot:
		stack := cur.Entries[c.Actor]
		if len(stack) == 0 {
			return nil, &BallotError{Index: -1, Len: 0, Collected: cur.Collected, Reason: CodeEmpty}
		}
		return []Body{BallotRemoved{Round: cur.No, Index: len(stack) - 1}}, nil
	case EnterTally:
		if cur.Mode() == EntryBallots {
			return nil, ErrMixedEntry
		}
		if _, err := countTally(v, cur, c.Tally); err != nil {
			return nil, err
		}
		return []Body{TallyEntered{Round: cur.No, Tally: c.Tally}}, nil
	case DecideRound:
		return v.decision(cur, st.Count())
	case SwitchEntry:
		return decideSwitch(cur, c)
	}
	return nil, ErrUnknownCommand
}

// decision counts the round and returns its decision with the complete
// result, which replay will apply as it is (never recounting it).
func (v *Vote) decision(cur *Round, cnt Count) ([]Body, error) {
	res, err := v.result(cur)
	if err != nil {
		return nil, err
	}
	return []Body{RoundDecided{Round: cur.No, Count: cnt, Rules: election.RulesVersion, Result: res}}, nil
}

// checkBallot checks a keyed ballot's place and shape; its validity as a
// vote is the counter's business (an invalid ballot is still collected).
func checkBallot(c EnterBallot, keyed int, r *Round) error {
	e := &BallotError{Index: c.Index, Len: keyed, Collected: r.Collected}
	switch {
	case c.Index < 0 && keyed >= r.Collected:
		e.Index, e.Reason = keyed, CodeStackFull
	case c.Index >= keyed:
		e.Reason = CodeBadIndex
	case len(c.Ballot.Marks) > len(r.Slate):
		e.Reason = CodeTooManyMarks
	default:
		for _, m := range c.Ballot.Marks {
			if m > election.Disapprove {
				e.Reason = CodeBadMark
			}
		}
	}
	if e.Reason != "" {
		return e
	}
	return nil
}

// agreed checks that every teller keyed the whole stack and that they
// agree on every ballot.
func agreed(r *Round) error {
	e := &EntryMismatchError{Collected: r.Collected, Tellers: r.Tellers}
	whole := len(r.Tellers) > 0
	for _, t := range r.Tellers {
		n := len(r.Entries[t])
		e.Lengths = append(e.Lengths, n)
		if n != r.Collected {
			whole = false
		}
	}
	if len(r.Tellers) > 0 {
		first := r.Entries[r.Tellers[0]]
		for i := 0; i < r.Collected; i++ {
			for _, t := range r.Tellers[1:] {
				other := r.Entries[t]
				if i >= len(first) || i >= len(other) || !sameBallot(first[i], other[i], len(r.Slate)) {
					e.Differ = append(e.Differ, i)
					break
				}
			}
		}
	}
	if whole && len(e.Differ) == 0 {
		return nil
	}
	return e
}

// sameBallot compares two keyed ballots; missing marks are abstentions.
func sameBallot(a, b election.Ballot, n int) bool {
	for i := 0; i < n; i++ {
		if markAt(a.Marks, i) != markAt(b.Marks, i) {
			return false
		}
	}
	return a.Spoiled == b.Spoiled && reflect.DeepEqual(normWriteIns(a.WriteIns), normWriteIns(b.WriteIns))
}

func markAt(m []election.Mark, i int) election.Mark {
	if i < len(m) {
		return m[i]
	}
	return election.Abstain
}

func normWriteIns(w []election.WriteIn) []election.WriteIn {
	if len(w) == 0 {
		return nil
	}
	return w
}

// Agreed returns nil when every teller keyed the whole stack and they
// agree on every ballot (so the round can be decided from them), else an
// *EntryMismatchError with the numbers.
func (r *Round) Agreed() error { return agreed(r) }

// CanVacate reports whether the host may leave the seats still open
// vacant: seats are still due to a second round, and either the last round
// was a decided second round or no second round can be held for them
// (nobody left to vote on) (RULES §6.4 step 4).
func (v *Vote) CanVacate() bool {
	cur := v.Current()
	if cur == nil || cur.Decided == nil {
		return false
	}
	second := func(p PendingRound) bool { return p.Kind == election.Second }
	holdable := func(p PendingRound) bool { return second(p) && p.holdable() }
	return slices.ContainsFunc(v.Pending, second) && (cur.Kind == election.Second || !slices.ContainsFunc(v.Pending, holdable))
}

// ElectionRound returns r as package election counts it, without ballots:
// for judging one ballot before it is saved (election.NewJudge).
func (v *Vote) ElectionRound(r *Round) election.Round { return v.counted(r, nil) }

// PendingDiffers returns the stack positions where the tellers' keyed
// ballots differ or are missing, for the double-entry screen.
func (r *Round) PendingDiffers() []int {
	if err, ok := agreed(r).(*EntryMismatchError); ok && err != nil {
		return err.Differ
	}
	return nil
}

// counted returns the round as package election counts it. Its attendance
// is the one the ballots were issued to (checked for quorum then, and
// issued <= present), else the one the round opened with: delegates may
// arrive or leave in between (RULES §2, §6.2).
func (v *Vote) counted(r *Round, ballots []election.Ballot) election.Round {
	cnt := r.Opened.Count
	if r.Issued >= 0 {
		cnt = r.IssuedCount
	}
	return election.Round{
		Method: v.Method, Slate: r.Slate, Kind: r.Kind, Seats: r.Seats,
		Expected: cnt.Expected, Present: cnt.Present, Issued: r.Issued,
		Ballots: ballots,
	}
}

// The counter, as variables only so that a test can change it and show
// that replay never recounts (the stored result stays) while podium audit
// does (TestAuditSeesChangedCounter). Nothing else assigns them.
var (
	countBallots = election.Count
	countSheet   = election.CountTally
)

// result computes a round's result from its tally, its agreed ballots or,
// for a void round, the collected count alone, with today's counter: when
// the host decides it, when podium audit recounts it, and on replay of a
// legacy decision (codec 1) that stored none.
func (v *Vote) result(r *Round) (election.Result, error) {
	switch {
	case r.Void():
		return countBallots(v.counted(r, make([]election.Ballot, r.Collected))), nil
	case r.Tally != nil:
		return countTally(v, r, *r.Tally)
	}
	if err := agreed(r); err != nil {
		return election.Result{}, err
	}
	return countBallots(v.counted(r, r.Entries[r.Tellers[0]])), nil
}

// checkMethod checks a method against the slate: valid in itself, and
// every candidate in one of its categories (or none without categories).
func checkMethod(m model.Method, slate []model.Candidate) error {
	if err := model.ValidMethod(m); err != nil {
		return &MethodError{Code: CodeInvalidMethod, Reason: err.Error()}
	}
	for _, c := range slate {
		ok := len(m.Categories) == 0 && c.Category == ""
		for _, k := range m.Categories {
			ok = ok || k.Name == c.Category
		}
		if !ok {
			return &MethodError{Code: CodeUnknownCategory, Candidate: c.Name, Category: c.Category,
				Reason: fmt.Sprintf("candidate %s stands in category %q, which the method does not have", c.Name, c.Category)}
		}
	}
	return nil
}

// applyVote applies an election event; see apply.
func (st *State) applyVote(e Event) error {
	v := st.Vote
	if v == nil {
		return &CorruptError{e.Seq, "an election event in a congress without an election"}
	}
	stamp := func(c Count) *Stamp { return &Stamp{Seq: e.Seq, At: e.At, Count: c} }
	if o, ok := e.Body.(RoundOpened); ok {
		if o.Round != len(v.Rounds)+1 {
			return &CorruptError{e.Seq, "round opened out of order"}
		}
		if !o.Revote { // the round holds every holdable pending of its kind (Next)
			v.Pending = slices.DeleteFunc(v.Pending, func(p PendingRound) bool { return p.Kind == o.Kind && p.holdable() })
		}
		v.Rounds = append(v.Rounds, &Round{No: o.Round, Kind: o.Kind, Slate: o.Slate, Seats: o.Seats,
			Opened: *stamp(o.Count), Issued: -1, Collected: -1, Entries: map[string][]election.Ballot{}})
		return nil
	}
	cur := v.Current()
	if cur == nil || roundOf(e.Body) != cur.No {
		return &CorruptError{e.Seq, "an event for a round that is not the current one"}
	}
	switch b := e.Body.(type) {
	case BallotsIssued:
		cur.Issued, cur.IssuedCount = b.N, b.Count
	case BallotsCollected:
		cur.Collected = b.N
	case BallotEntered:
		return cur.enter(e, b.Index, b.Ballot)
	case BallotRemoved:
		stack := cur.Entries[e.Actor]
		if b.Index != len(stack)-1 {
			return &CorruptError{e.Seq, "removes a ballot that is not the teller's last"}
		}
		cur.Entries[e.Actor] = stack[:b.Index]
		if b.Index == 0 {
			cur.Tellers = slices.DeleteFunc(cur.Tellers, func(t string) bool { return t == e.Actor })
			delete(cur.Entries, e.Actor)
		}
	case TallyEntered:
		t := b.Tally
		cur.Tally = &t
	case EntrySwitched:
		cur.switchEntry(e, b)
	case RoundDecided, LegacyRoundDecided:
		var res election.Result
		var cnt Count
		if d, ok := b.(RoundDecided); ok {
			res, cnt = d.Result, d.Count
			cur.Rules = d.Rules
		} else {
			// A decision stored without its result (codec 1): the only
			// recount replay does, with today's counter.
			var err error
			if res, err = v.result(cur); err != nil {
				return &CorruptError{e.Seq, "the round cannot be decided: " + err.Error()}
			}
			cnt = b.(LegacyRoundDecided).Count
			cur.Recounted = true
		}
		cur.Result, cur.Decided = &res, stamp(cnt)
		if res.Reason == "" {
			for _, p := range res.Runoffs {
				v.Pending = append(v.Pending, PendingRound{Kind: election.Runoff, Pending: p})
			}
			for _, p := range res.SecondRounds {
				v.Pending = append(v.Pending, PendingRound{Kind: election.Second, Pending: p})
			}
			for _, p := range res.Vacancies { // tie = "vacant"
				v.Vacant[p.Category] += p.Seats
			}
		}
	case VacancyDeclared:
		for cat, n := range b.Seats {
			v.Vacant[cat] += n
		}
		v.Pending = slices.DeleteFunc(v.Pending, func(p PendingRound) bool { return p.Kind == election.Second })
	default:
		return &CorruptError{e.Seq, "unknown election event"}
	}
	return nil
}

// enter applies a BallotEntered event to the round: the teller's (the
// actor's) ballot at index, the end of the stack or a correction.
func (cur *Round) enter(e Event, index int, b election.Ballot) error {
	stack := cur.Entries[e.Actor]
	switch {
	case index == len(stack):
		if len(stack) == 0 {
			if !slices.Contains(cur.Tellers, e.Actor) {
				cur.Tellers = append(cur.Tellers, e.Actor)
			}
			stack = make([]election.Ballot, 0, max(cur.Collected, 1)) // room for the whole stack
		}
		cur.Entries[e.Actor] = append(stack, b)
	case index >= 0 && index < len(stack):
		stack[index] = b
	default:
		return &CorruptError{e.Seq, "ballot index out of range"}
	}
	return nil
}

// roundOf returns the round number an election event names.
func roundOf(b Body) int {
	switch b := b.(type) {
	case BallotsIssued:
		return b.Round
	case BallotsCollected:
		return b.Round
	case BallotEntered:
		return b.Round
	case BallotRemoved:
		return b.Round
	case TallyEntered:
		return b.Round
	case RoundDecided:
		return b.Round
	case LegacyRoundDecided:
		return b.Round
	case VacancyDeclared:
		return b.Round
	case EntrySwitched:
		return b.Round
	}
	return -1
}
