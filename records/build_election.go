package records

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"podium/model"
	"podium/session"
	"podium/session/election"
)

func (b builder) election() *Election {
	v := b.st.Vote
	if v == nil {
		return nil
	}
	m := v.Method
	e := &Election{Seats: m.Seats, Categories: []Seats{}, Quorum: rule(m.Quorum), Threshold: rule(m.Threshold),
		ThresholdBase: string(m.ThresholdBase), WriteIns: string(m.WriteIns), OverSelection: string(m.OverSelection),
		Tie:      string(m.TieRule()),
		Counters: append([]string{}, v.Counters...), Candidates: []Listed{}, Rounds: []Round{}, Elected: []Elected{},
		Vacant: []Seats{}, Pending: []Pending{}}
	for i, it := range b.st.Setup.Agenda {
		if it.Kind == model.ItemElection {
			e.Item, e.Title = i+1, b.title(it)
			e.Name = electionName(e.Title, b.zh)
			break
		}
	}
	for _, c := range m.Categories {
		e.Categories = append(e.Categories, Seats{c.Name, c.Seats})
	}
	if v.MethodAdopted != nil {
		e.MethodAdopted = stamp(*v.MethodAdopted)
		if v.MethodVote > 0 {
			e.MethodVote = intp(v.MethodVote)
		}
	}
	if v.ScrutineersAdopted != nil {
		e.Adopted = stamp(*v.ScrutineersAdopted)
		s, c := b.who(v.Scrutineer), b.who(v.Chief)
		e.Scrutineer, e.Chief = &s, &c
		if v.ScrutineersVote > 0 {
			e.ScrutineersVote = intp(v.ScrutineersVote)
		}
	}
	for _, c := range v.Candidates {
		e.Candidates = append(e.Candidates, b.listed(c))
	}
	for _, r := range v.Rounds {
		e.Rounds = append(e.Rounds, b.round(v, r))
	}
	for _, c := range v.Elected() {
		x := Elected{Name: c.Name, Label: b.candLabel(c.Name), Category: c.Category,
			WriteIn: !slices.ContainsFunc(v.Candidates, func(k model.Candidate) bool { return k.Name == c.Name })}
		if l := b.findListed(c.Name); l != nil {
			x.PersonID = l.PersonID
		}
		for _, r := range v.Rounds {
			if r.Result != nil && slices.Contains(r.Result.Elected, c.Name) {
				x.Round = r.No
			}
		}
		e.Elected = append(e.Elected, x)
	}
	cats := make([]string, 0, len(v.Vacant))
	for c := range v.Vacant {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		if v.Vacant[c] > 0 {
			e.Vacant = append(e.Vacant, Seats{c, v.Vacant[c]})
		}
	}
	for _, p := range v.Pending {
		e.Pending = append(e.Pending, b.pending(p.Kind, p.Pending))
	}
	e.MethodText = methodText(b, e)
	return e
}

// electionName is the body an election item elects: its title without the
// word for electing (选举学生会第一届委员会 → 学生会第一届委员会).
func electionName(title string, zh bool) string {
	if zh {
		if s, ok := strings.CutPrefix(title, "选举"); ok && s != "" {
			return s
		}
		return title
	}
	if s, ok := strings.CutPrefix(title, "Election of "); ok && s != "" {
		return s
	}
	return title
}

// listed is a candidate of the approved list.
func (b builder) listed(c model.Candidate) Listed {
	x := Listed{Name: c.Name, Label: c.Name, PersonID: c.PersonID, Category: c.Category}
	if i, ok := b.names[c.PersonID]; ok && c.PersonID != "" {
		x.Unit = b.st.Setup.Roster[i].Unit
	}
	x.Label = b.label(c.Name, x.Unit, x.PersonID)
	return x
}

func (b builder) findListed(name string) *Listed {
	for _, c := range b.st.Vote.Candidates {
		if c.Name == name {
			l := b.listed(c)
			return &l
		}
	}
	return nil
}

// candLabel is a name on a ballot as printed: a listed candidate's label,
// or a write-in name as written.
func (b builder) candLabel(name string) string {
	if l := b.findListed(name); l != nil {
		return l.Label
	}
	return name
}

func (b builder) labels(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, b.candLabel(n))
	}
	return out
}

func (b builder) pending(k election.Kind, p election.Pending) Pending {
	return Pending{Kind: k.String(), Category: p.Category, Seats: p.Seats, Candidates: b.labels(p.Candidates)}
}

func intp(n int) *int { return &n }

// counting says how a round was counted, as it happened: the core's
// session.Round.CountedBy once decided (双人核对 only when two tellers'
// whole stacks agreed), keying while ballots are being keyed, none before.
func counting(r *session.Round) string {
	switch {
	case r.Tally != nil:
		return "tally"
	case len(r.Tellers) == 0:
		return "none"
	case r.Decided == nil:
		return "keying"
	}
	if m := r.CountedBy(); m != "" {
		return string(m)
	}
	return "keying"
}

func (b builder) round(v *session.Vote, r *session.Round) Round {
	x := Round{Round: r.No, Kind: r.Kind.String(), Opened: At(r.Opened.At), Counting: counting(r),
		Tellers:  append([]string{}, r.Tellers...),
		Expected: r.Opened.Count.Expected, Present: r.Opened.Count.Present, Issued: r.Issued, Collected: r.Collected,
		Threshold: []string{}, Categories: []Category{}, Candidates: []Candidate{}, InvalidBallots: []Invalid{},
		Elected: []string{}, Runoffs: []Pending{}, SecondRounds: []Pending{}, Vacancies: []Pending{}, Announcements: []string{},
		SetAside: []SetAside{}, void: r.Void()}
	for _, a := range r.SetAside {
		x.SetAside = append(x.SetAside, SetAside{At: At(a.At), Reason: a.Reason, Teller: a.Teller, Ballots: len(a.Ballots), Tally: a.Tally != nil})
	}
	if r.Issued >= 0 {
		x.Expected, x.Present = r.IssuedCount.Expected, r.IssuedCount.Present
	}
	// A round repeats the one before when it has the same kind and slate
	// after a void or undecided round.
	if r.No > 1 {
		prev := v.Rounds[r.No-2]
		x.Revote = prev.Kind == r.Kind && (prev.Void() || (prev.Result != nil && prev.Result.Reason != ""))
	}
	if r.Decided != nil {
		x.Decided = At(r.Decided.At)
	}
	res := r.Result
	if res == nil {
		for i, c := range r.Slate {
			l := b.listed(c)
			x.Candidates = append(x.Candidates, Candidate{No: i + 1, Name: c.Name, Label: l.Label, PersonID: c.PersonID, Category: c.Category})
		}
		x.Announcements = b.announcements(v.Method, x)
		return x
	}
	x.Expected, x.Present, x.Issued, x.Collected = res.Expected, res.Present, res.Issued, res.Collected
	x.QuorumMet, x.RoundValid = res.QuorumMet, res.RoundValid
	x.VoidWriteIns = res.VoidWriteIns
	x.Elected = b.labels(res.Elected)
	x.Threshold = b.thresholdLines(*res)
	if !res.RoundValid {
		x.Reason = reasonWords(*res, b.zh)
	} else if res.Reason != "" {
		x.Reason = res.Reason
	}
	for _, c := range res.Categories {
		x.Categories = append(x.Categories, Category{Name: c.Name, Seats: c.Seats, Valid: c.Valid, Invalid: c.Invalid, Threshold: c.Threshold})
	}
	if res.RoundValid {
		b.ballotCounts(&x, r, *res)
	}
	n := 0
	for _, c := range res.Candidates {
		no := 0
		if !c.WriteIn {
			n++
			no = n
		}
		k := Candidate{No: no, Name: c.Name, Label: c.Name, Category: c.Category, WriteIn: c.WriteIn,
			Approve: c.Approve, Disapprove: c.Disapprove, Abstain: c.Abstain, Status: string(c.Status)}
		if !c.WriteIn {
			if l := b.findListed(c.Name); l != nil {
				k.Label, k.PersonID = l.Label, l.PersonID
			}
		}
		x.Candidates = append(x.Candidates, k)
	}
	for _, iv := range res.InvalidBallots {
		id := iv.ID
		if id == "" {
			id = strconv.Itoa(iv.Index + 1)
		}
		x.InvalidBallots = append(x.InvalidBallots, Invalid{Ballot: id, Category: iv.Category, Reason: iv.Reason,
			Selections: iv.Selections, Seats: iv.Seats, Partly: iv.Partly})
	}
	for _, p := range res.Runoffs {
		x.Runoffs = append(x.Runoffs, b.pending(election.Runoff, p))
	}
	for _, p := range res.SecondRounds {
		x.SecondRounds = append(x.SecondRounds, b.pending(election.Second, p))
	}
	for _, p := range res.Vacancies {
		x.Vacancies = append(x.Vacancies, Pending{Kind: "vacant", Category: p.Category, Seats: p.Seats, Candidates: b.labels(p.Candidates)})
	}
	x.Announcements = b.announcements(v.Method, x)
	return x
}

// ballotCounts sets the whole-ballot counts where they are known: from
// keyed ballots always (with the partly invalid ones), from a tally sheet
// only when a ballot is valid or invalid as a whole (no categories, or
// over-selection voiding the whole ballot). A tally sheet whose categories
// are judged apart tells each category's counts, never a ballot's.
func (b builder) ballotCounts(x *Round, r *session.Round, res election.Result) {
	cats := len(res.Categories) // the categories of this round's ballot
	if r.Rules >= 2 {           // counted by rules that say it themselves
		if !res.CategoryOnly {
			x.Valid, x.Invalid, x.PartlyInvalid = intp(res.Valid), intp(res.Invalid), intp(res.PartlyInvalid)
		}
		return
	}
	if r.Tally != nil {
		if cats > 1 && res.Method.OverSelection != model.OverSelectionBallot {
			return
		}
		x.Valid, x.Invalid = intp(res.Valid), intp(res.Invalid)
		return
	}
	x.Valid, x.Invalid = intp(res.Valid), intp(res.Invalid)
	if cats < 2 {
		return
	}
	parts := map[int]map[string]bool{}
	whole := map[int]bool{}
	for _, iv := range res.InvalidBallots {
		if iv.Category == "" {
			whole[iv.Index] = true
			continue
		}
		if parts[iv.Index] == nil {
			parts[iv.Index] = map[string]bool{}
		}
		parts[iv.Index][iv.Category] = true
	}
	partly := 0
	for i, parts := range parts {
		if !whole[i] && len(parts) < cats {
			partly++
		}
	}
	x.PartlyInvalid = intp(partly)
}

// reasonWords says why a round decided nothing, in the words of the tally
// sheet package election writes (election.Result.Text), so that the
// records say it as the sheet the scrutineers read out.
func reasonWords(res election.Result, zh bool) string {
	lang := "en"
	if zh {
		lang = "zh"
	}
	// title, blank, counts, blank, the reason.
	if lines := strings.Split(res.Text(lang), "\n"); len(lines) > 4 && lines[4] != "" {
		return lines[4]
	}
	return res.Reason
}

// thresholdLines write the threshold in words (RULES §0: 超过 excludes
// the boundary): one line when every category needs the same approvals of
// the same base, else one line per category.
func (b builder) thresholdLines(res election.Result) []string {
	out := []string{}
	if !res.RoundValid {
		return out
	}
	w := b.w
	if res.Kind == election.Runoff {
		return append(out, w.runoffThreshold)
	}
	m := res.Method
	same := m.ThresholdBase != model.BaseValid
	var first *int
	for _, c := range res.Categories {
		if c.Threshold == nil {
			continue
		}
		if first != nil && *first != *c.Threshold {
			same = false
		}
		if first == nil {
			first = c.Threshold
		}
	}
	for _, c := range res.Categories {
		if c.Threshold == nil {
			continue
		}
		base, of := res.Expected, w.ofExpected
		switch m.ThresholdBase {
		case model.BasePresent:
			base, of = res.Present, w.ofPresent
		case model.BaseValid:
			base, of = c.Valid, w.ofValid
		}
		label := w.threshold
		if c.Name != "" && !same {
			label += w.paren(c.Name)
		}
		out = append(out, label+w.colon()+w.thresholdText(rule(m.Threshold), base, of, *c.Threshold))
		if same {
			break
		}
	}
	return out
}

// announcements are the words read out for a round (RULES §6.5): the
// quorum, the ballots issued and collected, and the outcome.
func (b builder) announcements(m model.Method, x Round) []string {
	out := []string{}
	if x.Opened.IsZero() {
		return out
	}
	w := b.w
	if x.QuorumMet || x.Decided.IsZero() {
		out = append(out, w.quorumAnnouncement(x.Expected, x.Present, rule(m.Quorum)))
	}
	if x.Issued >= 0 && x.Collected >= 0 {
		out = append(out, w.ballotsAnnouncement(x.Issued, x.Collected, x.void))
	}
	if x.Decided.IsZero() || !x.RoundValid {
		return out
	}
	if x.Valid != nil {
		out = append(out, w.validAnnouncement(*x.Valid, *x.Invalid, x.PartlyInvalid))
	} else {
		var parts []string
		for _, c := range x.Categories {
			parts = append(parts, w.categoryValid(c.Name, c.Valid, c.Invalid))
		}
		out = append(out, w.perCategory(parts))
	}
	if len(x.Elected) > 0 {
		out = append(out, w.electedAnnouncement(x.Elected))
	}
	for _, p := range x.Runoffs {
		out = append(out, w.runoffAnnouncement(p))
	}
	for _, p := range x.SecondRounds {
		out = append(out, w.secondAnnouncement(p))
	}
	return out
}

// roundSummaries are the rounds in one sentence each, for the minutes.
func (b builder) roundSummaries(e *Election) []RoundSummary {
	w := b.w
	out := []RoundSummary{}
	for _, x := range e.Rounds {
		s := RoundSummary{Round: x.Round, Kind: x.Kind, Issued: x.Issued, Collected: x.Collected,
			Valid: x.RoundValid, Decided: !x.Decided.IsZero(), Elected: append([]string{}, x.Elected...)}
		var parts []string
		if x.Issued >= 0 {
			parts = append(parts, w.issuedN(x.Issued))
		}
		if x.Collected >= 0 {
			parts = append(parts, w.collectedN(x.Collected))
		}
		switch {
		case !s.Decided:
			parts = append(parts, w.undecided)
		case !x.RoundValid:
			parts = append(parts, w.roundVoid)
		default:
			parts = append(parts, w.roundValid)
			if len(x.Elected) > 0 {
				parts = append(parts, w.electedN(x.Elected))
			}
			for _, p := range x.Runoffs {
				parts = append(parts, w.runoffBrief(p))
			}
			for _, p := range x.SecondRounds {
				parts = append(parts, w.secondBrief(p))
			}
		}
		s.Text = w.roundTitle(x.Round, x.Kind) + w.colon() + strings.Join(parts, w.sep2()) + w.stop()
		out = append(out, s)
	}
	return out
}

// joinWords joins names with the language's list separator.
func joinWords(w terms, names []string) string { return strings.Join(names, w.sep) }
