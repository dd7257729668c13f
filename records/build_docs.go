package records

import (
	"strings"
	"time"

	"podium/model"
	"podium/prep"
	"podium/session"
	srule "podium/session/rule"
	"podium/words"
)

// credentials is the credentials report's figures: the delegates by unit
// and kind, and the composition of the formal delegates against the
// seed's targets on the congress's date (package prep).
func (b builder) credentials(date string) Credentials {
	c := Credentials{Units: []UnitDelegates{}, Lines: []CompositionRow{}, Date: date, Tolerance: prep.DefaultTolerance}
	at := map[string]int{}
	for _, p := range b.st.Setup.Roster {
		j, ok := at[p.Unit]
		if !ok {
			j = len(c.Units)
			at[p.Unit] = j
			c.Units = append(c.Units, UnitDelegates{Unit: p.Unit})
		}
		u := &c.Units[j]
		switch p.Kind {
		case model.Formal:
			u.Formal++
			c.Formal++
		case model.Observer:
			u.Observers++
			c.Observers++
		default:
			u.Guests++
			c.Guests++
		}
	}
	rep, err := prep.Composition(b.st.Setup.Roster, date, prep.DefaultTolerance)
	if err != nil { // a date that is no date: counted without one
		rep, _ = prep.Composition(b.st.Setup.Roster, "", prep.DefaultTolerance)
		c.Date = ""
	}
	for _, l := range rep.Lines {
		st := map[prep.Status]string{prep.OK: "ok", prep.Warning: "warning", prep.Unknown: "unknown", prep.NeedsDate: "needs_date"}[l.Status]
		c.Lines = append(c.Lines, CompositionRow{Key: l.Key, Count: l.Count, Total: l.Total, Missing: l.Missing,
			Percent: l.Percent, Target: l.Target, Status: st})
	}
	return c
}

// statusAt is every formal delegate's attendance at time t, from the
// timeline: present and on leave.
func (b builder) statusAt(t time.Time) (present, onLeave int) {
	st := b.st
	now := make([]session.Status, len(st.Setup.Roster))
	for _, c := range st.Timeline.All() {
		if c.At.After(t) {
			break
		}
		now[c.Person] = c.To
	}
	for i, p := range st.Setup.Roster {
		if p.Kind != model.Formal {
			continue
		}
		switch now[i] {
		case session.Present:
			present++
		case session.OnLeave:
			onLeave++
		}
	}
	return present, onLeave
}

// script is the host's words for every agenda item (words.HostScript),
// filled with the figures the record has at that item: the attendance
// when it started, the outcome of its vote, the questions and motions
// when it ended. An item not yet started has its figures blank (____).
// The election item adds the words read for each round; a vote under any
// other item than a resolution adds the words of that vote.
func (b builder) script(r *Record) []ScriptPart {
	st, w := b.st, b.w
	out := []ScriptPart{}
	m := st.Setup.Meeting
	name := m.Name
	if !b.zh && m.NameEn != "" {
		name = m.NameEn
	}
	for i, it := range st.Setup.Agenda {
		s := st.Items[i]
		vars := map[string]string{
			"meeting": name, "chair": m.Chair, "date": r.Congress.Date, "place": m.Place,
			"no": itoa(i + 1), "title": b.title(it), "item": b.title(it), "presenter": it.Presenter,
		}
		// The printed script holds every part of the words, the
		// declaration and the result included, with blanks where the
		// figures are not known; the screens say only what has happened.
		for _, c := range words.ScriptConditions() {
			vars[c] = "yes"
		}
		if it.Presenter == "" && len(it.Officers) > 0 {
			vars["presenter"] = joinWords(w, it.Officers)
		}
		if it.Minutes > 0 {
			vars["minutes"] = itoa(it.Minutes)
		}
		days := m.AnswerDays
		if days == 0 {
			days = 14
		}
		vars["answer_days"] = itoa(days)
		if e := st.Setup.Election; e != nil {
			vars["seats"], vars["candidates"] = itoa(e.Method.Seats), itoa(len(e.Candidates))
		}
		kind, method := model.VoteOrdinary, model.VoteHands
		if rs := it.Resolution; rs != nil {
			kind, method = rs.Kind, rs.Method
			vars["subject"], vars["text"] = b.title(it), rs.Text
			if !b.zh && rs.TextEn != "" {
				vars["text"] = rs.TextEn
			}
		}
		vars["method"] = w.word(string(method))
		vars["base"] = w.baseWord(m.VoteBase)
		vars["rule"] = words.RuleText(b.voteRule(kind), m.VoteBase, b.lang)
		if s.Starts > 0 {
			b.startFigures(vars, s, it.Kind == model.ItemElection)
			end := s.Ended
			if s.Status == session.ItemCurrent || end.IsZero() {
				end = time.Time{}
			}
			b.businessFigures(vars, end)
		}
		var last *session.Resolution
		for _, v := range st.Votes {
			if v.Item == i {
				last = v
			}
		}
		if it.Kind == model.ItemResolution && last != nil {
			voteVars(vars, w, last)
		}
		text, err := words.RenderScript(words.HostScript(it, b.lang), vars)
		if err != nil {
			text, _ = words.RenderScript(words.DefaultScript(it.Kind, b.lang), vars)
		}
		parts := []string{text}
		for _, v := range st.Votes {
			if v.Item == i && (it.Kind != model.ItemResolution || v != last) {
				parts = append(parts, b.voteScript(vars, v))
			}
		}
		if e := r.Election; e != nil && it.Kind == model.ItemElection {
			for _, x := range e.Rounds {
				parts = append(parts, w.roundTitle(x.Round, x.Kind)+w.colon()+strings.Join(x.Announcements, ""))
			}
		}
		out = append(out, ScriptPart{Item: i + 1, Title: b.title(it), Text: strings.Join(parts, "\n")})
	}
	return out
}

// voteRule is the threshold of a kind of vote under the meeting's rules.
func (b builder) voteRule(k model.VoteKind) model.Fraction {
	m := b.st.Setup.Meeting
	if k == model.VoteCharter {
		return m.Charter
	}
	return m.Ordinary
}

// startFigures are the attendance figures when an item started.
func (b builder) startFigures(vars map[string]string, s session.ItemState, election bool) {
	m, w := b.st.Setup.Meeting, b.w
	c := s.StartedCount
	_, onLeave := b.statusAt(s.Started)
	vars["time"] = s.Started.In(CST).Format("15:04")
	vars["expected"], vars["present"] = itoa(c.Expected), itoa(c.Present)
	vars["on_leave"], vars["absent"] = itoa(onLeave), itoa(c.Expected-c.Present)
	q := m.OpeningQuorum
	if election && b.st.Vote != nil {
		q = b.st.Vote.Method.Quorum
	}
	vars["quorum_need"] = itoa(srule.Need(q, c.Expected))
	vars["quorum"] = w.quorumWords(rule(m.OpeningQuorum), srule.Meets(m.OpeningQuorum, c.Present, c.Expected))
	eq := m.ElectionQuorum
	if b.st.Vote != nil {
		eq = b.st.Vote.Method.Quorum
	}
	vars["election_quorum"] = w.quorumWords(rule(eq), srule.Meets(eq, c.Present, c.Expected))
}

// businessFigures are the questions and motions recorded up to end (all
// of them when end is zero: the item is still under way).
func (b builder) businessFigures(vars map[string]string, end time.Time) {
	by := func(t time.Time) bool { return !t.IsZero() && (end.IsZero() || !t.After(end)) }
	asked, pending, answered := 0, 0, 0
	for _, q := range b.st.Questions {
		if !by(q.Asked) {
			continue
		}
		asked++
		if q.Status == session.QuestionReplied && by(q.Answered) {
			answered++
		} else {
			pending++
		}
	}
	filed, accepted, declined := 0, 0, 0
	for _, m := range b.st.Motions {
		if !by(m.Filed) {
			continue
		}
		filed++
		if by(m.Decided) {
			switch m.Status {
			case session.MotionAdmitted:
				accepted++
			case session.MotionNotAdmitted:
				declined++
			}
		}
	}
	vars["questions"], vars["pending"], vars["answered"] = itoa(asked), itoa(pending), itoa(answered)
	vars["motions"], vars["accepted"], vars["declined"] = itoa(filed), itoa(accepted), itoa(declined)
}

// voteVars are the figures of a vote taken.
func voteVars(vars map[string]string, w terms, v *session.Resolution) {
	vars["need"], vars["for"], vars["against"], vars["abstain"] = itoa(v.Need), itoa(v.For), itoa(v.Against), itoa(v.Abstain)
	vars["outcome"] = w.yesNo(v.Adopted)
	vars["result"] = w.derivation(v.Need, v.For, v.Adopted)
	vars["method"] = w.word(string(v.Method))
	vars["expected"], vars["present"] = itoa(v.Count.Expected), itoa(v.Count.Present)
}

// voteScript is the words of a vote taken under an item other than a
// resolution: the resolution's default words for its subject.
func (b builder) voteScript(itemVars map[string]string, v *session.Resolution) string {
	vars := map[string]string{}
	for k, x := range itemVars {
		vars[k] = x
	}
	vars["subject"], vars["text"] = v.Subject, ""
	if v.Motion > 0 && v.Motion <= len(b.st.Motions) {
		mo := b.st.Motions[v.Motion-1]
		vars["subject"], vars["text"] = mo.Title, mo.Text
	}
	vars["rule"] = words.RuleText(v.Rule, b.st.Setup.Meeting.VoteBase, b.lang)
	voteVars(vars, b.w, v)
	tmpl := words.DefaultScript(model.ItemResolution, b.lang)
	if vars["text"] == "" {
		tmpl = strings.Replace(tmpl, "{text}\n", "", 1)
	}
	s, _ := words.RenderScript(tmpl, vars)
	return s
}
