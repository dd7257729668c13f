package records

import (
	"time"

	"podium/model"
	"podium/session"
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
	b := newBuilder(st, lang)
	m := st.Setup.Meeting
	r := &Record{
		Format:    FormatVersion,
		Lang:      lang,
		TimeZone:  "+08:00",
		Status:    "draft",
		Rehearsal: st.Setup.Rehearsal,
		Digest:    d,
		Congress: Congress{
			Name: m.Name, NameEn: m.NameEn, Date: m.Date, Planned: m.Date, Place: m.Place,
			Chair: m.Chair, Recorder: m.Recorder, Created: At(st.Created),
			Started: At(b.started()), Closed: At(b.closed()),
		},
	}
	if !r.Congress.Started.IsZero() {
		r.Congress.Date = r.Congress.Started.Date()
	}
	if !r.Congress.Closed.IsZero() {
		r.Status = "final"
	}
	r.Minutes.Attendance = b.attendance()
	if st.Declared != nil {
		r.Minutes.Declared = stamp(*st.Declared)
	}
	r.SignIn = b.signIn()
	r.Credentials = b.credentials(r.Congress.Date)
	r.Election = b.election()
	r.Motions = b.motions()
	r.Questions = b.questions()
	r.Survey = b.survey()
	r.StaffAudit = b.staffAudit()
	r.Speakers = b.speakers()
	r.Minutes.Items = b.items(r)
	r.Minutes.Takeovers = b.takeovers()
	r.Resolutions = b.resolutions()
	r.Script = b.script(r)
	r.Assessment = b.assessment(r)
	return r
}

type builder struct {
	st    *session.State
	zh    bool
	lang  string
	w     terms
	names map[string]int  // roster id → index
	dup   map[string]bool // names two people (roster or ballot) share
	// arrived is when each person (by roster index) arrived: the first
	// change to present since they were last set back to not arrived.
	arrived []time.Time
}

func newBuilder(st *session.State, lang string) builder {
	b := builder{st: st, zh: lang == "zh", lang: lang, w: termsFor(lang), names: map[string]int{}, dup: map[string]bool{}}
	seen := map[string]int{}
	for i, p := range st.Setup.Roster {
		b.names[p.ID] = i
		seen[p.Name]++
	}
	if e := st.Setup.Election; e != nil {
		for _, c := range e.Candidates {
			if _, ok := b.names[c.PersonID]; !ok || c.PersonID == "" {
				seen[c.Name]++
			}
		}
	}
	for n, k := range seen {
		if k > 1 {
			b.dup[n] = true
		}
	}
	// When each arrived, as the core keeps it (session.State.Presence):
	// a mark taken back by an undo is no arrival, and an undo restores
	// the earlier status with its own time.
	b.arrived = make([]time.Time, len(st.Setup.Roster))
	for i := range st.Setup.Roster {
		b.arrived[i] = st.Presence(i).Arrived
	}
	return b
}

// who names the person with roster id id; a free text that is no id of
// the roster is named as it stands.
func (b builder) who(id string) Who {
	i, ok := b.names[id]
	if !ok {
		return Who{Name: id, Label: id}
	}
	p := b.st.Setup.Roster[i]
	return Who{ID: p.ID, Name: p.Name, Unit: p.Unit, Label: b.label(p.Name, p.Unit, p.ID)}
}

// label is a name as printed: with the unit and id when the name is
// shared.
func (b builder) label(name, unit, id string) string {
	if !b.dup[name] || (unit == "" && id == "") {
		return name
	}
	parts := name
	sep, open, close := "，", "（", "）"
	if !b.zh {
		sep, open, close = ", ", " (", ")"
	}
	inner := unit
	if id != "" {
		if inner != "" {
			inner += sep
		}
		inner += id
	}
	return parts + open + inner + close
}

// started is when the congress began: the first agenda item's start or
// the declaration that the meeting is valid, whichever came first.
func (b builder) started() time.Time {
	var t time.Time
	first := func(x time.Time) {
		if !x.IsZero() && (t.IsZero() || x.Before(t)) {
			t = x
		}
	}
	if b.st.Declared != nil {
		first(b.st.Declared.At)
	}
	for _, it := range b.st.Items {
		if it.Starts > 0 {
			first(it.Started)
		}
	}
	return t
}

// closed is when the congress closed: its closing item ended. An agenda
// without a closing item is closed when every item is done or passed over.
func (b builder) closed() time.Time {
	st := b.st
	var last time.Time
	for i, it := range st.Setup.Agenda {
		s := st.Items[i]
		if it.Kind == model.ItemClosing {
			if s.Status == session.ItemDone {
				return s.Ended
			}
			return time.Time{}
		}
		switch s.Status {
		case session.ItemDone:
			if s.Ended.After(last) {
				last = s.Ended
			}
		case session.ItemPassedOver:
		default:
			return time.Time{}
		}
	}
	return last
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

func (b builder) attendance() Attendance {
	st := b.st
	a := Attendance{Expected: st.Count().Expected, Present: st.Count().Present, Absentees: []Absentee{}}
	for i, p := range st.Setup.Roster {
		if p.Kind != model.Formal {
			continue
		}
		at := st.Attendance[i]
		x := Absentee{ID: p.ID, Name: p.Name, Unit: p.Unit, Status: statusCode(at.Status)}
		switch at.Status {
		case session.Present:
			continue
		case session.OnLeave:
			a.OnLeave++
			x.At, x.Reason = At(at.Since), at.Reason
		case session.Left:
			a.Left++
			x.Arrived, x.At = At(b.arrived[i]), At(at.Since)
		default:
			a.NotArrived++
		}
		a.Absentees = append(a.Absentees, x)
	}
	a.Arrived = a.Present + a.Left
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
			t.Arrived++
		case session.Left:
			t.Left++
			t.Arrived++
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
		x := Signing{No: len(u.People) + 1, ID: p.ID, Name: p.Name, Kind: p.Kind.String(),
			Status: statusCode(a.Status), At: At(a.Since), Arrived: At(b.arrived[i]), Reason: a.Reason}
		if a.Status == session.Left {
			x.Departed = At(a.Since)
		}
		u.People = append(u.People, x)
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

// title is an agenda item's title in the record's language.
func (b builder) title(it model.Item) string {
	if !b.zh && it.TitleEn != "" {
		return it.TitleEn
	}
	return it.Title
}

// items lays out the agenda with the business of each item; business
// recorded before the first item goes to an item numbered 0.
func (b builder) items(r *Record) []Item {
	st := b.st
	out := make([]Item, 0, len(st.Setup.Agenda)+1)
	pre := Item{No: 0, Kind: "none", Title: b.w.beforeAgenda, Status: "done"}
	for i, it := range st.Setup.Agenda {
		s := st.Items[i]
		x := Item{No: i + 1, Kind: string(it.Kind), Title: b.title(it), Presenter: it.Presenter, Planned: it.Minutes,
			Status: itemStatus(s.Status), Started: At(s.Started), Ended: At(s.Ended), Note: s.Note}
		if it.Presenter == "" && len(it.Officers) > 0 {
			x.Presenter = joinWords(b.w, it.Officers)
		}
		if s.Starts > 0 {
			c := count(s.StartedCount)
			x.Count = &c
		}
		out = append(out, x)
	}
	at := func(item int) *Item {
		if item < 0 || item >= len(st.Setup.Agenda) {
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
	if r.Election != nil && r.Election.Item > 0 {
		out[r.Election.Item-1].Election = b.roundSummaries(r.Election)
	}
	b.floors(out, r.Speakers)
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
	if it.Speeches == nil {
		it.Speeches = []int{}
	}
	if it.Groups == nil {
		it.Groups = []GroupReport{}
	}
}

func (b builder) vote(v *session.Resolution) Vote {
	baseOf := "expected"
	if b.st.Setup.Meeting.VoteBase == model.BasePresent {
		baseOf = "present"
	}
	rl := rule(v.Rule)
	x := Vote{No: v.No, Item: v.Item + 1, Motion: v.Motion, Subject: v.Subject, Kind: string(v.Kind), Method: string(v.Method),
		For: v.For, Against: v.Against, Abstain: v.Abstain, At: At(v.At), Count: count(v.Count),
		Rule: rl, Base: v.Base, BaseOf: baseOf, RuleText: words.RuleText(v.Rule, b.st.Setup.Meeting.VoteBase, b.lang), Need: v.Need, Adopted: v.Adopted,
		Adopts: string(v.Adopts)}
	if v.Adopts != "" { // the election's adoption votes, linked to it
		x.Subject = b.w.adopts(string(v.Adopts))
	}
	if v.Struck != nil {
		x.Struck = &Struck{At: At(v.Struck.At), Reason: v.StruckReason}
	}
	return x
}

func (b builder) motions() []Motion {
	out := []Motion{}
	for _, m := range b.st.Motions {
		x := Motion{No: m.No, Title: m.Title, Category: m.Category, Text: m.Text, Proposer: b.who(m.Proposer),
			CoSigners: []Who{}, Filed: At(m.Filed), Decided: At(m.Decided), Reason: m.Reason, Vote: m.Vote}
		for _, id := range m.CoSigners {
			x.CoSigners = append(x.CoSigners, b.who(id))
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
		x := Question{No: q.No, Delegate: b.who(q.Delegate), Target: q.Target, Text: q.Text,
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

// resolutions are the adopted votes in full: a resolution item's text, a
// motion's text, or the subject alone.
func (b builder) resolutions() []Resolution {
	out := []Resolution{}
	for _, v := range b.st.Votes {
		if !v.Adopted || v.Struck != nil { // a struck vote decided nothing
			continue
		}
		x := Resolution{No: len(out) + 1, Vote: v.No, Item: v.Item + 1, Title: v.Subject, At: At(v.At)}
		if v.Adopts != "" {
			x.Title = b.w.adopts(string(v.Adopts))
		}
		switch {
		case v.Motion > 0 && v.Motion <= len(b.st.Motions):
			m := b.st.Motions[v.Motion-1]
			x.Title, x.Text = m.Title, m.Text
		case v.Item >= 0 && v.Item < len(b.st.Setup.Agenda):
			it := b.st.Setup.Agenda[v.Item]
			if sp := it.Resolution; sp != nil && (v.Subject == sp.Text || v.Subject == sp.TextEn || v.Subject == it.Title) {
				x.Title, x.Text = b.title(it), sp.Text
				if !b.zh && sp.TextEn != "" {
					x.Text = sp.TextEn
				}
			}
		}
		out = append(out, x)
	}
	return out
}
