package records

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"podium/model"
	"podium/session"
	"podium/session/election"
	"podium/words"
)

// Build assembles the complete record of a congress from its state. lang
// is "zh" (the default, also for "") or "en": it sets the headings and the
// words derived for a reader; names and texts stay as recorded. d is the
// digest of the log the state was read from. Build reads st only; call it
// inside Session.Read.
func Build(st *session.State, d Digest, lang string) *Record {
	if isZh(lang) {
		lang = "zh"
	} else {
		lang = "en"
	}
	b := builder{st: st, zh: lang == "zh", names: map[string]int{}}
	for i, p := range st.Setup.Roster {
		b.names[p.ID] = i
	}
	m := st.Setup.Meeting
	r := &Record{
		Format:   FormatVersion,
		Lang:     lang,
		TimeZone: "+08:00",
		Digest:   d,
		Congress: Congress{
			Name: m.Name, NameEn: m.NameEn, Date: m.Date, Place: m.Place,
			Chair: m.Chair, Recorder: m.Recorder, Opened: At(st.Created),
		},
	}
	if r.Congress.Date == "" {
		r.Congress.Date = r.Congress.Opened.Date()
	}
	r.Minutes.Attendance = b.attendance()
	if st.Declared != nil {
		r.Minutes.Declared = stamp(*st.Declared)
	}
	r.SignIn = b.signIn()
	r.Election = b.election()
	r.Motions = b.motions()
	r.Questions = b.questions()
	r.Minutes.Items = b.items(r)
	return r
}

type builder struct {
	st    *session.State
	zh    bool
	names map[string]int // roster id → index
}

// name returns the roster name of a person id, or the id itself when it is
// not on the roster (free text).
func (b builder) name(id string) string {
	if i, ok := b.names[id]; ok {
		return b.st.Setup.Roster[i].Name
	}
	return id
}

func (b builder) unit(id string) string {
	if i, ok := b.names[id]; ok {
		return b.st.Setup.Roster[i].Unit
	}
	return ""
}

func statusCode(s session.Status) string {
	switch s {
	case session.Present:
		return "present"
	case session.OnLeave:
		return "on_leave"
	case session.Left:
		return "left"
	}
	return "not_arrived"
}

func count(c session.Count) Count { return Count{Expected: c.Expected, Present: c.Present} }

func stamp(s session.Stamp) *Stamp { return &Stamp{At: At(s.At), Count: count(s.Count)} }

func rule(f model.Fraction) Rule { return Rule{Num: f.Num, Den: f.Den, Strict: f.Strict} }

// lang is the language of the record: "zh" or "en".
func (b builder) lang() string {
	if b.zh {
		return "zh"
	}
	return "en"
}

func (b builder) attendance() Attendance {
	st := b.st
	a := Attendance{Expected: st.Count().Expected, Present: st.Count().Present, Absentees: []Absentee{}}
	for i, p := range st.Setup.Roster {
		if p.Kind != model.Formal {
			continue
		}
		at := st.Attendance[i]
		switch at.Status {
		case session.Present:
			continue
		case session.OnLeave:
			a.OnLeave++
		case session.Left:
			a.Left++
		default:
			a.NotArrived++
		}
		a.Absentees = append(a.Absentees, Absentee{ID: p.ID, Name: p.Name, Unit: p.Unit, Status: statusCode(at.Status), At: At(at.Since)})
	}
	return a
}

func (b builder) signIn() SignIn {
	st := b.st
	s := SignIn{Units: []Unit{}}
	at := map[string]int{}
	add := func(t *Totals, p model.Person, status session.Status) {
		if p.Kind != model.Formal {
			return
		}
		t.Expected++
		switch status {
		case session.Present:
			t.Present++
		case session.OnLeave:
			t.OnLeave++
		default:
			t.Absent++
		}
	}
	for i, p := range st.Setup.Roster {
		j, ok := at[p.Unit]
		if !ok {
			j = len(s.Units)
			at[p.Unit] = j
			s.Units = append(s.Units, Unit{Unit: p.Unit, People: []Signing{}})
		}
		u := &s.Units[j]
		a := st.Attendance[i]
		u.People = append(u.People, Signing{No: len(u.People) + 1, ID: p.ID, Name: p.Name, Kind: p.Kind.String(),
			Status: statusCode(a.Status), At: At(a.Since)})
		add(&u.Totals, p, a.Status)
		add(&s.Totals, p, a.Status)
	}
	return s
}

func itemStatus(s session.ItemStatus) string {
	switch s {
	case session.ItemCurrent:
		return "current"
	case session.ItemDone:
		return "done"
	case session.ItemPassedOver:
		return "passed_over"
	}
	return "pending"
}

// items lays out the agenda with the business of each item; business
// recorded before the first item goes to an item numbered 0.
func (b builder) items(r *Record) []Item {
	st := b.st
	out := make([]Item, 0, len(st.Setup.Agenda)+1)
	pre := Item{No: 0, Kind: "none", Title: wordsFor(r.Lang).beforeAgenda, Status: "done"}
	for i, it := range st.Setup.Agenda {
		s := st.Items[i]
		title := it.Title
		if !b.zh && it.TitleEn != "" {
			title = it.TitleEn
		}
		x := Item{No: i + 1, Kind: string(it.Kind), Title: title, Presenter: it.Presenter,
			Status: itemStatus(s.Status), Started: At(s.Started), Ended: At(s.Ended), Note: s.Note}
		if s.Starts > 0 {
			c := count(s.StartedCount)
			x.Count = &c
		}
		out = append(out, x)
	}
	at := func(item int) *Item {
		if item < 0 || item >= len(out) {
			return &pre
		}
		return &out[item]
	}
	for _, q := range st.Questions {
		it := at(q.Item)
		it.Questions = append(it.Questions, q.No)
	}
	for _, v := range st.Votes {
		it := at(v.Item)
		it.Votes = append(it.Votes, b.vote(v))
		if v.Motion > 0 {
			it.Motions = append(it.Motions, v.Motion)
		}
	}
	for _, n := range st.Notes {
		at(n.Item).Notes = append(at(n.Item).Notes, Note{At: At(n.At), By: n.By, Text: n.Text})
	}
	for _, g := range st.Ratings {
		at(g.Item).Ratings = append(at(g.Item).Ratings, Rating{Officer: g.Officer, Rating: string(g.Rating), Note: g.Note, At: At(g.At)})
	}
	if r.Election != nil {
		for i := range out {
			if out[i].Kind == string(model.ItemElection) {
				out[i].Election = b.roundSummaries(r.Election)
				break
			}
		}
	}
	if len(pre.Questions)+len(pre.Votes)+len(pre.Notes)+len(pre.Ratings) > 0 {
		out = append([]Item{pre}, out...)
	}
	for i := range out {
		nonNil(&out[i])
	}
	return out
}

func nonNil(it *Item) {
	if it.Questions == nil {
		it.Questions = []int{}
	}
	if it.Motions == nil {
		it.Motions = []int{}
	}
	if it.Votes == nil {
		it.Votes = []Vote{}
	}
	if it.Notes == nil {
		it.Notes = []Note{}
	}
	if it.Ratings == nil {
		it.Ratings = []Rating{}
	}
}

func (b builder) vote(v *session.Resolution) Vote {
	baseOf := "expected"
	if b.st.Setup.Meeting.VoteBase == model.BasePresent {
		baseOf = "present"
	}
	return Vote{No: v.No, Motion: v.Motion, Subject: v.Subject, Kind: string(v.Kind), Method: string(v.Method),
		For: v.For, Against: v.Against, Abstain: v.Abstain, At: At(v.At), Count: count(v.Count),
		Rule: rule(v.Rule), Base: v.Base, BaseOf: baseOf, RuleText: words.RuleText(v.Rule, model.Base(baseOf), b.lang()),
		Need: v.Need, Adopted: v.Adopted}
}

func (b builder) motions() []Motion {
	out := []Motion{}
	for _, m := range b.st.Motions {
		x := Motion{No: m.No, Title: m.Title, Category: m.Category, Text: m.Text, Proposer: b.name(m.Proposer),
			CoSigners: []string{}, Filed: At(m.Filed), Decided: At(m.Decided), Reason: m.Reason, Vote: m.Vote}
		for _, id := range m.CoSigners {
			x.CoSigners = append(x.CoSigners, b.name(id))
		}
		switch m.Status {
		case session.MotionAdmitted:
			x.Status = "accepted"
		case session.MotionNotAdmitted:
			x.Status = "declined"
			x.Due = At(m.Due).Date()
		default:
			x.Status = "pending"
		}
		if m.Vote > 0 && m.Vote <= len(b.st.Votes) {
			ok := b.st.Votes[m.Vote-1].Adopted
			x.Adopted = &ok
		}
		out = append(out, x)
	}
	return out
}

func (b builder) questions() []Question {
	out := []Question{}
	for _, q := range b.st.Questions {
		x := Question{No: q.No, Delegate: b.name(q.Delegate), Unit: b.unit(q.Delegate), Target: q.Target, Text: q.Text,
			Asked: At(q.Asked), Item: q.Item + 1, Answer: q.Answer, AnsweredBy: q.AnsweredBy, Answered: At(q.Answered),
			Due: At(q.Due).Date()}
		switch q.Status {
		case session.QuestionReplied:
			x.Status = "answered"
		case session.QuestionOnNotice:
			x.Status = "on_notice"
		default:
			x.Status = "pending"
		}
		out = append(out, x)
	}
	return out
}

func (b builder) election() *Election {
	v := b.st.Vote
	if v == nil {
		return nil
	}
	m := v.Method
	e := &Election{Seats: m.Seats, Categories: []Seats{}, Quorum: rule(m.Quorum), Threshold: rule(m.Threshold),
		ThresholdBase: string(m.ThresholdBase), Scrutineer: b.name(v.Scrutineer), Chief: b.name(v.Chief),
		Counters: append([]string{}, v.Counters...), Candidates: []string{}, Rounds: []Round{}, Elected: []Elected{},
		Vacant: []Seats{}, Pending: []Pending{}}
	for _, c := range m.Categories {
		e.Categories = append(e.Categories, Seats{c.Name, c.Seats})
	}
	if v.MethodAdopted != nil {
		e.MethodAdopted = stamp(*v.MethodAdopted)
	}
	if v.ScrutineersAdopted != nil {
		e.Adopted = stamp(*v.ScrutineersAdopted)
	}
	for _, c := range v.Candidates {
		e.Candidates = append(e.Candidates, c.Name)
	}
	for _, r := range v.Rounds {
		e.Rounds = append(e.Rounds, b.round(v, r))
	}
	for _, c := range v.Elected() {
		x := Elected{Name: c.Name, Category: c.Category, WriteIn: !slices.ContainsFunc(v.Candidates, func(k model.Candidate) bool { return k.Name == c.Name })}
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
		e.Pending = append(e.Pending, pending(p.Kind, p.Pending))
	}
	return e
}

func pending(k election.Kind, p election.Pending) Pending {
	return Pending{Kind: k.String(), Category: p.Category, Seats: p.Seats, Candidates: append([]string{}, p.Candidates...)}
}

func (b builder) round(v *session.Vote, r *session.Round) Round {
	x := Round{Round: r.No, Kind: r.Kind.String(), Opened: At(r.Opened.At), Source: "none",
		Expected: r.Opened.Count.Expected, Present: r.Opened.Count.Present, Issued: r.Issued, Collected: r.Collected,
		Threshold: []string{}, Categories: []Category{}, Candidates: []Candidate{}, InvalidBallots: []Invalid{},
		Elected: []string{}, Runoffs: []Pending{}, SecondRounds: []Pending{}, Announcements: []string{}}
	if r.Issued >= 0 {
		x.Expected, x.Present = r.IssuedCount.Expected, r.IssuedCount.Present
	}
	// A round repeats the one before when it has the same kind and slate
	// after a void or undecided round.
	if r.No > 1 {
		prev := v.Rounds[r.No-2]
		x.Revote = prev.Kind == r.Kind && (prev.Void() || (prev.Result != nil && prev.Result.Reason != ""))
	}
	switch {
	case r.Tally != nil:
		x.Source = "tally"
	case len(r.Tellers) > 0:
		x.Source = "ballots"
	}
	if r.Decided != nil {
		x.Decided = At(r.Decided.At)
	}
	res := r.Result
	if res == nil {
		for i, c := range r.Slate {
			x.Candidates = append(x.Candidates, Candidate{No: i + 1, Name: c.Name, Category: c.Category})
		}
		x.Announcements = b.announcements(v.Method, x)
		return x
	}
	x.Expected, x.Present, x.Issued, x.Collected = res.Expected, res.Present, res.Issued, res.Collected
	x.Valid, x.Invalid, x.QuorumMet, x.RoundValid = res.Valid, res.Invalid, res.QuorumMet, res.RoundValid
	x.VoidWriteIns = res.VoidWriteIns
	x.Elected = append(x.Elected, res.Elected...)
	x.Threshold, x.Reason = sheetWords(*res, b.zh)
	for _, c := range res.Categories {
		x.Categories = append(x.Categories, Category{Name: c.Name, Seats: c.Seats, Valid: c.Valid, Invalid: c.Invalid, Threshold: c.Threshold})
	}
	n := 0
	for _, c := range res.Candidates {
		no := 0
		if !c.WriteIn {
			n++
			no = n
		}
		x.Candidates = append(x.Candidates, Candidate{No: no, Name: c.Name, Category: c.Category, WriteIn: c.WriteIn,
			Approve: c.Approve, Disapprove: c.Disapprove, Abstain: c.Abstain, Status: string(c.Status)})
	}
	for _, iv := range res.InvalidBallots {
		id := iv.ID
		if id == "" {
			id = strconv.Itoa(iv.Index + 1)
		}
		x.InvalidBallots = append(x.InvalidBallots, Invalid{Ballot: id, Category: iv.Category, Reason: iv.Reason})
	}
	for _, p := range res.Runoffs {
		x.Runoffs = append(x.Runoffs, pending(election.Runoff, p))
	}
	for _, p := range res.SecondRounds {
		x.SecondRounds = append(x.SecondRounds, pending(election.Second, p))
	}
	x.Announcements = b.announcements(v.Method, x)
	return x
}

// sheetWords takes the threshold lines and, for a round that decided
// nothing, the reason in words from the tally sheet package election
// writes (election.Result.Text), so that the records say it in the same
// words as the sheet the scrutineers read out.
func sheetWords(res election.Result, zhLang bool) (threshold []string, reason string) {
	lang := "en"
	if zhLang {
		lang = "zh"
	}
	lines := strings.Split(res.Text(lang), "\n")
	// title, blank, counts, then the threshold lines up to a blank line;
	// for a round not valid: blank, the reason.
	threshold = []string{}
	if len(lines) < 4 {
		return threshold, res.Reason
	}
	if !res.RoundValid {
		if len(lines) > 4 {
			return threshold, lines[4]
		}
		return threshold, res.Reason
	}
	for _, l := range lines[3:] {
		if l == "" {
			break
		}
		threshold = append(threshold, l)
	}
	return threshold, res.Reason
}

// announcements are the words read out for a round (RULES §6.5): the
// quorum, the ballots issued and collected, and the outcome.
func (b builder) announcements(m model.Method, x Round) []string {
	out := []string{}
	q := m.Quorum
	if x.Opened.IsZero() {
		return out
	}
	if b.zh {
		if x.QuorumMet || x.Decided.IsZero() {
			out = append(out, fmt.Sprintf("本次选举应到代表%d名，实到%d名，%s应到人数的%s，可以进行选举。", x.Expected, x.Present, words.Reach(q), words.Fraction(q, "zh")))
		}
		if x.Issued >= 0 && x.Collected >= 0 {
			switch {
			case x.Collected > x.Issued:
				out = append(out, fmt.Sprintf("发出选票%d张，收回%d张，收回的选票多于发出的选票，选举无效，应重新进行选举。", x.Issued, x.Collected))
			case x.Collected < x.Issued:
				out = append(out, fmt.Sprintf("发出选票%d张，收回%d张，收回的选票少于发出的选票，选举有效。", x.Issued, x.Collected))
			default:
				out = append(out, fmt.Sprintf("发出选票%d张，收回%d张，收回的选票等于发出的选票，选举有效。", x.Issued, x.Collected))
			}
		}
		if !x.Decided.IsZero() && x.RoundValid {
			out = append(out, fmt.Sprintf("有效票%d张，无效票%d张。", x.Valid, x.Invalid))
			if len(x.Elected) > 0 {
				out = append(out, fmt.Sprintf("当选%d名：%s。", len(x.Elected), strings.Join(x.Elected, "、")))
			}
			for _, p := range x.Runoffs {
				out = append(out, fmt.Sprintf("%s得票相同，应在其中重新投票，选出%d名。", strings.Join(p.Candidates, "、"), p.Seats))
			}
			for _, p := range x.SecondRounds {
				out = append(out, fmt.Sprintf("当选人数少于应选名额，%s尚缺%d名，应在未当选的候选人中另行选举。", p.Category, p.Seats))
			}
		}
		return out
	}
	if x.QuorumMet || x.Decided.IsZero() {
		out = append(out, fmt.Sprintf("Expected %d delegates, present %d: the quorum of %s of expected is met; the election may proceed.", x.Expected, x.Present, words.RuleExact(q, "en")))
	}
	if x.Issued >= 0 && x.Collected >= 0 {
		if x.Collected > x.Issued {
			out = append(out, fmt.Sprintf("%d ballots issued, %d collected: more collected than issued, the round is void and is voted again.", x.Issued, x.Collected))
		} else {
			out = append(out, fmt.Sprintf("%d ballots issued, %d collected: the round is valid.", x.Issued, x.Collected))
		}
	}
	if !x.Decided.IsZero() && x.RoundValid {
		out = append(out, fmt.Sprintf("%d valid ballots, %d invalid.", x.Valid, x.Invalid))
		if len(x.Elected) > 0 {
			out = append(out, fmt.Sprintf("%d elected: %s.", len(x.Elected), strings.Join(x.Elected, ", ")))
		}
		for _, p := range x.Runoffs {
			out = append(out, fmt.Sprintf("%s are tied: a runoff among them for %d seat(s).", strings.Join(p.Candidates, ", "), p.Seats))
		}
		for _, p := range x.SecondRounds {
			out = append(out, fmt.Sprintf("Too few elected: a second round for %d seat(s) in %s among those not elected.", p.Seats, p.Category))
		}
	}
	return out
}

// roundSummaries are the rounds in one sentence each, for the minutes.
func (b builder) roundSummaries(e *Election) []RoundSummary {
	w := wordsFor(b.lang())
	out := []RoundSummary{}
	for _, x := range e.Rounds {
		s := RoundSummary{Round: x.Round, Kind: x.Kind, Issued: x.Issued, Collected: x.Collected,
			Valid: x.RoundValid, Decided: !x.Decided.IsZero(), Elected: append([]string{}, x.Elected...)}
		var parts []string
		head := fmt.Sprintf(w.round, x.Round) + "（" + w.word(x.Kind) + "）"
		if !b.zh {
			head = fmt.Sprintf(w.round, x.Round) + " (" + w.word(x.Kind) + ")"
		}
		if x.Issued >= 0 {
			if b.zh {
				parts = append(parts, fmt.Sprintf("发出选票%d张", x.Issued))
			} else {
				parts = append(parts, fmt.Sprintf("%d ballots issued", x.Issued))
			}
		}
		if x.Collected >= 0 {
			if b.zh {
				parts = append(parts, fmt.Sprintf("收回%d张", x.Collected))
			} else {
				parts = append(parts, fmt.Sprintf("%d collected", x.Collected))
			}
		}
		switch {
		case !s.Decided:
			parts = append(parts, w.undecided)
		case !x.RoundValid:
			parts = append(parts, w.roundVoid)
		default:
			parts = append(parts, w.roundValid)
			if len(x.Elected) > 0 {
				if b.zh {
					parts = append(parts, fmt.Sprintf("当选%d名：%s", len(x.Elected), strings.Join(x.Elected, "、")))
				} else {
					parts = append(parts, fmt.Sprintf("%d elected: %s", len(x.Elected), strings.Join(x.Elected, ", ")))
				}
			}
			for _, p := range x.Runoffs {
				if b.zh {
					parts = append(parts, fmt.Sprintf("%s%d名重新投票：%s", p.Category, p.Seats, strings.Join(p.Candidates, "、")))
				} else {
					parts = append(parts, fmt.Sprintf("runoff for %d seat(s) in %s among %s", p.Seats, p.Category, strings.Join(p.Candidates, ", ")))
				}
			}
			for _, p := range x.SecondRounds {
				if b.zh {
					parts = append(parts, fmt.Sprintf("%s%d名另行选举", p.Category, p.Seats))
				} else {
					parts = append(parts, fmt.Sprintf("second round for %d seat(s) in %s", p.Seats, p.Category))
				}
			}
		}
		if b.zh {
			s.Text = head + "：" + strings.Join(parts, "，") + "。"
		} else {
			s.Text = head + ": " + strings.Join(parts, "; ") + "."
		}
		out = append(out, s)
	}
	return out
}
