package records

import (
	"fmt"
	"strconv"
	"strings"
)

// The documents of a record, laid out once as headings, fields, tables,
// paragraphs and signature lines; the md, html, csv and xlsx writers each
// render this layout, so the formats say the same thing.

type document struct {
	File   string // file stem, ASCII: "01-minutes"
	Sheet  string // worksheet name (at most 31 characters)
	Title  string
	Sub    string // the congress's name, above the title
	Blocks []block
	Footer string // the digest
	Colon  string // after a label: "：" or ": "
	Wide   bool   // printed in landscape (the registers' many columns)
}

type blockKind uint8

const (
	bHeading blockKind = iota
	bFields
	bTable
	bText
	bSigns
)

type block struct {
	Kind   blockKind
	Text   string      // heading, paragraph
	Level  int         // a heading's level: 2, or 3 under a level-2 heading
	Inline bool        // fields in one line rather than a table
	Fields [][2]string // label, value
	Head   []string
	Rows   [][]string
	Num    map[int]bool // right-aligned (numeric) columns of a table
	Signs  [][2]string  // role, name (may be empty)
}

func heading(s string) block    { return block{Kind: bHeading, Text: s, Level: 2} }
func subheading(s string) block { return block{Kind: bHeading, Text: s, Level: 3} }
func text(s string) block       { return block{Kind: bText, Text: s} }
func fields(f ...[2]string) block {
	return block{Kind: bFields, Fields: f}
}
func table(head []string, rows [][]string, num ...int) block {
	b := block{Kind: bTable, Head: head, Rows: rows, Num: map[int]bool{}}
	for _, n := range num {
		b.Num[n] = true
	}
	return b
}
func kv(k, v string) [2]string { return [2]string{k, v} }

// line is fields written in one line (a table in csv and xlsx).
func line(f ...[2]string) block { return block{Kind: bFields, Fields: f, Inline: true} }

var itoa = strconv.Itoa

// dash shows -1 (not recorded) as "—".
func dash(n int) string {
	if n < 0 {
		return "—"
	}
	return itoa(n)
}

func layout(r *Record) []document {
	w := wordsFor(r.Lang)
	footer := fmt.Sprintf(w.digest, r.Digest.Events, r.Digest.HeadHex())
	docs := []document{minutesDoc(r, w), signInDoc(r, w)}
	if e := r.Election; e != nil {
		for _, x := range e.Rounds {
			docs = append(docs, tallyDoc(r, w, e, x))
		}
		docs = append(docs, resultDoc(r, w, e))
	}
	docs = append(docs, motionsDoc(r, w), questionsDoc(r, w))
	for i := range docs {
		docs[i].File = fmt.Sprintf("%02d-%s", i+1, docs[i].File)
		docs[i].Sub = r.Congress.Name
		if r.Lang == "en" && r.Congress.NameEn != "" {
			docs[i].Sub = r.Congress.NameEn
		}
		docs[i].Footer = footer
		docs[i].Colon = w.colon()
	}
	return docs
}

func (w terms) sep2() string {
	if w.zh {
		return "；"
	}
	return "; "
}

func (w terms) countText(c Count) string {
	return fmt.Sprintf("%s %d%s%s %d", w.expected, c.Expected, w.sep, w.present, c.Present)
}

func (w terms) stampText(s *Stamp) string {
	if s == nil {
		return "—"
	}
	return s.At.String() + w.paren(w.countText(s.Count))
}

// paren puts s in brackets: full-width in Chinese.
func (w terms) paren(s string) string {
	if w.zh {
		return "（" + s + "）"
	}
	return " (" + s + ")"
}

func (w terms) yesNo(adopted bool) string {
	if adopted {
		return w.adopted
	}
	return w.rejected
}

func minutesDoc(r *Record, w terms) document {
	c := r.Congress
	d := document{File: "minutes", Sheet: w.minutes, Title: w.minutes}
	a := r.Minutes.Attendance
	d.Blocks = append(d.Blocks,
		fields(kv(w.name, c.Name), kv(w.date, c.Date), kv(w.place, c.Place), kv(w.chair, c.Chair),
			kv(w.recorder, c.Recorder), kv(w.opened, c.Opened.String()), kv(w.declared, w.stampText(r.Minutes.Declared))),
		heading(w.attendance),
		fields(kv(w.expected, itoa(a.Expected)), kv(w.present, itoa(a.Present)), kv(w.onLeave, itoa(a.OnLeave)),
			kv(w.left, itoa(a.Left)), kv(w.notArrived, itoa(a.NotArrived))))
	if len(a.Absentees) > 0 {
		rows := [][]string{}
		for i, p := range a.Absentees {
			rows = append(rows, []string{itoa(i + 1), p.ID, p.Name, p.Unit, w.word(p.Status), p.At.String()})
		}
		d.Blocks = append(d.Blocks, text(w.absentees), table([]string{w.no, w.id, w.name2(), w.unit, w.status, w.at}, rows, 0))
	}
	d.Blocks = append(d.Blocks, heading(w.items))
	for _, it := range r.Minutes.Items {
		title := it.Title
		if it.No > 0 {
			title = itoa(it.No) + ". " + it.Title
		}
		d.Blocks = append(d.Blocks, subheading(title))
		f := []([2]string){kv(w.status, w.word(it.Status))}
		if it.No > 0 {
			f = append(f, kv(w.started, it.Started.String()), kv(w.ended, it.Ended.String()))
		}
		if it.Count != nil {
			f = append(f, kv(w.count, w.countText(*it.Count)))
		}
		if it.Presenter != "" {
			f = append(f, kv(w.presenter, it.Presenter))
		}
		if it.Note != "" {
			f = append(f, kv(w.note, it.Note))
		}
		d.Blocks = append(d.Blocks, line(f...))
		if len(it.Notes) > 0 {
			rows := [][]string{}
			for _, n := range it.Notes {
				rows = append(rows, []string{n.At.String(), n.Text})
			}
			d.Blocks = append(d.Blocks, text(w.notes), table([]string{w.at, w.text}, rows))
		}
		if len(it.Questions) > 0 {
			rows := [][]string{}
			for _, no := range it.Questions {
				q := r.Questions[no-1]
				rows = append(rows, []string{itoa(q.No), q.Delegate, q.Target, q.Text, w.questionOutcome(q)})
			}
			d.Blocks = append(d.Blocks, text(w.questionsH), table([]string{w.no, w.delegate, w.target, w.question, w.answer}, rows, 0))
		}
		if len(it.Votes) > 0 {
			d.Blocks = append(d.Blocks, text(w.votes), votesTable(w, it.Votes))
		}
		if len(it.Ratings) > 0 {
			rows := [][]string{}
			for _, g := range it.Ratings {
				rows = append(rows, []string{g.Officer, w.word(g.Rating), g.Note})
			}
			d.Blocks = append(d.Blocks, text(w.ratings), table([]string{w.officer, w.rating, w.note}, rows))
		}
		for _, s := range it.Election {
			d.Blocks = append(d.Blocks, text(s.Text))
		}
		if it.Kind == "election" && r.Election != nil && len(r.Election.Elected) > 0 {
			d.Blocks = append(d.Blocks, text(w.orderElected+w.colon()+electedNames(w, r.Election)))
		}
	}
	if len(r.Motions) > 0 {
		rows := [][]string{}
		for _, m := range r.Motions {
			rows = append(rows, []string{itoa(m.No), m.Title, m.Proposer, w.motionStatus(m.Status), w.motionOutcome(m)})
		}
		d.Blocks = append(d.Blocks, heading(w.motionsH), table([]string{w.no, w.title, w.proposer, w.status, w.outcome}, rows, 0))
	}
	d.Blocks = append(d.Blocks, block{Kind: bSigns, Signs: [][2]string{{w.host, ""}, {w.secretary, ""}}})
	return d
}

func (w terms) name2() string {
	if w.zh {
		return "姓名"
	}
	return "Name"
}

func electedNames(w terms, e *Election) string {
	var names []string
	for _, x := range e.Elected {
		names = append(names, x.Name)
	}
	return strings.Join(names, w.sep)
}

func votesTable(w terms, vs []Vote) block {
	rows := [][]string{}
	for _, v := range vs {
		subject := v.Subject
		if v.Motion > 0 {
			subject += fmt.Sprintf(" [%s %d]", w.motionsH, v.Motion)
		}
		rows = append(rows, []string{itoa(v.No), subject, w.word(v.Method) + w.sep2() + w.word(v.Kind), itoa(v.For), itoa(v.Against), itoa(v.Abstain),
			w.countText(v.Count), v.RuleText + w.paren(itoa(v.Base)), itoa(v.Need), w.yesNo(v.Adopted), v.At.String()})
	}
	return table([]string{w.no, w.subject, w.method, w.forV, w.against, w.abstain, w.count, w.rule + w.paren(w.base), w.need, w.outcome, w.at},
		rows, 0, 3, 4, 5, 8)
}

func (w terms) questionOutcome(q Question) string {
	switch q.Status {
	case "answered":
		s := q.Answer
		if q.AnsweredBy != "" {
			s += w.paren(q.AnsweredBy)
		}
		return s
	case "on_notice":
		return w.word("on_notice") + w.sep2() + w.due + " " + q.Due
	}
	return w.word("question_pending")
}

func (w terms) motionStatus(s string) string {
	if s == "pending" {
		return w.word("motion_pending")
	}
	return w.word(s)
}

func (w terms) questionStatus(s string) string {
	if s == "pending" {
		return w.word("question_pending")
	}
	return w.word(s)
}

func (w terms) motionOutcome(m Motion) string {
	switch {
	case m.Adopted != nil:
		return fmt.Sprintf("%s %d%s%s", w.vote, m.Vote, w.colon(), w.yesNo(*m.Adopted))
	case m.Status == "declined":
		return w.due + " " + m.Due
	}
	return ""
}

func signInDoc(r *Record, w terms) document {
	d := document{File: "sign-in", Sheet: w.signIn, Title: w.signIn}
	rows := [][]string{}
	for _, u := range r.SignIn.Units {
		for _, p := range u.People {
			rows = append(rows, []string{u.Unit, itoa(p.No), p.ID, p.Name, w.word(p.Kind), w.word(p.Status), p.At.String()})
		}
	}
	d.Blocks = append(d.Blocks, table([]string{w.unit, w.no, w.id, w.name2(), w.kind, w.status, w.at}, rows, 1))
	tot := [][]string{}
	for _, u := range r.SignIn.Units {
		t := u.Totals
		if t.Expected == 0 {
			continue // observers' and guests' units
		}
		tot = append(tot, []string{u.Unit, itoa(t.Expected), itoa(t.Present), itoa(t.OnLeave), itoa(t.Absent)})
	}
	t := r.SignIn.Totals
	tot = append(tot, []string{w.total, itoa(t.Expected), itoa(t.Present), itoa(t.OnLeave), itoa(t.Absent)})
	d.Blocks = append(d.Blocks, heading(w.total), table([]string{w.unit, w.expected, w.present, w.onLeave, w.absent}, tot, 1, 2, 3, 4))
	return d
}

func roundTitle(w terms, x Round) string {
	return fmt.Sprintf(w.round, x.Round) + w.paren(w.word(x.Kind))
}

func scrutineerSigns(w terms, e *Election) block {
	return block{Kind: bSigns, Signs: [][2]string{{w.counter, strings.Join(e.Counters, w.sep)}, {w.scrutineer, e.Scrutineer}, {w.chief, e.Chief}}}
}

func tallyDoc(r *Record, w terms, e *Election, x Round) document {
	d := document{File: fmt.Sprintf("tally-round-%d", x.Round), Sheet: fmt.Sprintf("%s %d", w.tally, x.Round),
		Title: w.tally + w.tallyKind[x.Kind] + " · " + fmt.Sprintf(w.round, x.Round)}
	d.Blocks = append(d.Blocks,
		line(kv(w.roundH, roundTitle(w, x)), kv(w.source, w.word(x.Source)), kv(w.decided, x.Decided.String())),
		table([]string{w.expected, w.present, w.issued, w.collected, w.valid, w.invalid},
			[][]string{{itoa(x.Expected), itoa(x.Present), dash(x.Issued), dash(x.Collected), itoa(x.Valid), itoa(x.Invalid)}}, 0, 1, 2, 3, 4, 5))
	for _, t := range x.Threshold {
		d.Blocks = append(d.Blocks, text(t))
	}
	if x.Reason != "" {
		d.Blocks = append(d.Blocks, text(x.Reason))
	}
	d.Blocks = append(d.Blocks, candidateTable(w, x))
	var wr [][]string
	for _, c := range x.Candidates {
		if c.WriteIn {
			wr = append(wr, []string{c.Name, c.Category, itoa(c.Approve), w.word(c.Status)})
		}
	}
	if len(wr) > 0 {
		d.Blocks = append(d.Blocks, text(w.writeIns), table([]string{w.name2(), w.category, w.approve, w.outcome}, wr, 2))
	}
	d.Blocks = append(d.Blocks, text(w.invalidBallots+w.colon()+invalidText(w, x)))
	if len(x.InvalidBallots) > 0 {
		rows := [][]string{}
		for _, iv := range x.InvalidBallots {
			why := iv.Reason
			if s, ok := strings.CutPrefix(why, "spoiled: "); ok {
				why = w.word("spoiled") + w.colon() + s
			} else {
				why = w.word(why)
			}
			rows = append(rows, []string{iv.Ballot, iv.Category, why})
		}
		d.Blocks = append(d.Blocks, table([]string{w.no, w.category, w.reason}, rows))
	}
	if x.VoidWriteIns > 0 {
		d.Blocks = append(d.Blocks, text(fmt.Sprintf("%s%s%d", w.voidWriteIns, w.colon(), x.VoidWriteIns)))
	}
	if !x.Decided.IsZero() && x.RoundValid {
		el := w.none
		if len(x.Elected) > 0 {
			el = strings.Join(x.Elected, w.sep)
		}
		d.Blocks = append(d.Blocks, text(w.elected+w.colon()+el))
		for _, p := range x.Runoffs {
			d.Blocks = append(d.Blocks, text(w.runoff+w.colon()+pendingText(w, p)))
		}
		for _, p := range x.SecondRounds {
			d.Blocks = append(d.Blocks, text(w.second+w.colon()+pendingText(w, p)))
		}
	}
	d.Blocks = append(d.Blocks, scrutineerSigns(w, e))
	return d
}

func (w terms) colon() string {
	if w.zh {
		return "："
	}
	return ": "
}

func pendingText(w terms, p Pending) string {
	cat := ""
	if p.Category != "" {
		cat = p.Category + " "
	}
	if w.zh {
		return fmt.Sprintf("%s%d名，候选人：%s", cat, p.Seats, strings.Join(p.Candidates, w.sep))
	}
	return fmt.Sprintf("%s%d seat(s) among %s", cat, p.Seats, strings.Join(p.Candidates, w.sep))
}

func candidateTable(w terms, x Round) block {
	rows := [][]string{}
	for _, c := range x.Candidates {
		if c.WriteIn {
			continue
		}
		st := w.undecided
		if c.Status != "" {
			st = w.word(c.Status)
		}
		rows = append(rows, []string{itoa(c.No), c.Name, c.Category, itoa(c.Approve), itoa(c.Disapprove), itoa(c.Abstain), st})
	}
	return table([]string{w.no, w.name2(), w.category, w.approve, w.disapprove, w.abstain, w.outcome}, rows, 0, 3, 4, 5)
}

func resultDoc(r *Record, w terms, e *Election) document {
	d := document{File: "result-report", Sheet: w.result, Title: w.result}
	seats := itoa(e.Seats)
	if len(e.Categories) > 0 {
		var parts []string
		for _, c := range e.Categories {
			parts = append(parts, fmt.Sprintf("%s %d", c.Category, c.Seats))
		}
		seats += w.paren(strings.Join(parts, w.sep))
	}
	d.Blocks = append(d.Blocks, fields(kv(w.seats, seats), kv(w.candidate, itoa(len(e.Candidates))),
		kv(w.methodAdopted, w.stampText(e.MethodAdopted)), kv(w.scrutAdopted, w.stampText(e.Adopted)),
		kv(w.counters, strings.Join(e.Counters, w.sep)), kv(w.scrutineer, e.Scrutineer), kv(w.chief, e.Chief)))
	rows := [][]string{}
	for _, x := range e.Rounds {
		valid := w.undecided
		if !x.Decided.IsZero() {
			valid = map[bool]string{true: w.roundValid, false: w.roundVoid}[x.RoundValid]
		}
		rows = append(rows, []string{roundTitle(w, x), itoa(x.Expected), itoa(x.Present), dash(x.Issued), dash(x.Collected),
			itoa(x.Valid), itoa(x.Invalid), valid, x.Decided.String()})
	}
	d.Blocks = append(d.Blocks, heading(w.roundH),
		table([]string{w.roundH, w.expected, w.present, w.issued, w.collected, w.valid, w.invalid, w.outcome, w.decided}, rows, 1, 2, 3, 4, 5, 6))
	for _, x := range e.Rounds {
		d.Blocks = append(d.Blocks, subheading(roundTitle(w, x)))
		for _, t := range x.Threshold {
			d.Blocks = append(d.Blocks, text(t))
		}
		if x.Reason != "" {
			d.Blocks = append(d.Blocks, text(x.Reason))
		}
		d.Blocks = append(d.Blocks, candidateTable(w, x))
		for _, c := range x.Candidates {
			if c.WriteIn {
				d.Blocks = append(d.Blocks, text(fmt.Sprintf("%s%s%s %s %d%s%s", w.writeIns, w.colon(), c.Name, w.approve, c.Approve, w.sep2(), w.word(c.Status))))
			}
		}
		for _, p := range x.Runoffs {
			d.Blocks = append(d.Blocks, text(w.runoff+w.colon()+pendingText(w, p)))
		}
		for _, p := range x.SecondRounds {
			d.Blocks = append(d.Blocks, text(w.second+w.colon()+pendingText(w, p)))
		}
		for _, s := range x.Announcements {
			d.Blocks = append(d.Blocks, text(s))
		}
	}
	el := [][]string{}
	for i, x := range e.Elected {
		name := x.Name
		if x.WriteIn {
			name += w.paren(w.writeIns)
		}
		el = append(el, []string{itoa(i + 1), name, x.Category, fmt.Sprintf(w.round, x.Round)})
	}
	d.Blocks = append(d.Blocks, heading(w.orderElected), table([]string{w.no, w.name2(), w.category, w.roundH}, el, 0))
	if len(e.Vacant) > 0 {
		var parts []string
		for _, v := range e.Vacant {
			parts = append(parts, strings.TrimSpace(fmt.Sprintf("%s %d", v.Category, v.Seats)))
		}
		d.Blocks = append(d.Blocks, text(w.vacant+w.colon()+strings.Join(parts, w.sep)))
	}
	for _, p := range e.Pending {
		d.Blocks = append(d.Blocks, text(w.pendingH+w.colon()+w.word(p.Kind)+" "+pendingText(w, p)))
	}
	d.Blocks = append(d.Blocks, scrutineerSigns(w, e))
	return d
}

func motionsDoc(r *Record, w terms) document {
	d := document{File: "motions", Sheet: w.sheetMotions, Title: w.motions, Wide: true}
	rows := [][]string{}
	for _, m := range r.Motions {
		rows = append(rows, []string{itoa(m.No), m.Title, m.Category, m.Text, m.Proposer, strings.Join(m.CoSigners, w.sep),
			m.Filed.String(), w.motionStatus(m.Status), m.Decided.String(), m.Reason, w.motionOutcome2(m), m.Due})
	}
	if len(rows) == 0 {
		d.Blocks = append(d.Blocks, text(w.none))
		return d
	}
	d.Blocks = append(d.Blocks, table([]string{w.no, w.title, w.category, w.text, w.proposer, w.coSigners, w.filed,
		w.status, w.at, w.reason, w.vote, w.due}, rows, 0))
	return d
}

func (w terms) motionOutcome2(m Motion) string {
	if m.Adopted == nil {
		return ""
	}
	return fmt.Sprintf("%d%s%s", m.Vote, w.colon(), w.yesNo(*m.Adopted))
}

func questionsDoc(r *Record, w terms) document {
	d := document{File: "questions", Sheet: w.sheetQuestions, Title: w.questions, Wide: true}
	rows := [][]string{}
	for _, q := range r.Questions {
		rows = append(rows, []string{itoa(q.No), q.Delegate, q.Unit, q.Target, q.Text, q.Asked.String(),
			w.questionStatus(q.Status), q.Answer, q.AnsweredBy, q.Answered.String(), q.Due})
	}
	if len(rows) == 0 {
		d.Blocks = append(d.Blocks, text(w.none))
		return d
	}
	d.Blocks = append(d.Blocks, table([]string{w.no, w.delegate, w.unit, w.target, w.question, w.at, w.status,
		w.answer, w.answeredBy, w.answered, w.due}, rows, 0))
	return d
}

// invalidText is the invalid ballots in a line: the number, and per
// category when the parts of a ballot are judged apart.
func invalidText(w terms, x Round) string {
	if x.Invalid == 0 && len(x.InvalidBallots) == 0 {
		return w.none
	}
	s := itoa(x.Invalid)
	if w.zh {
		s += "张"
	}
	if len(x.Categories) > 1 {
		var parts []string
		for _, c := range x.Categories {
			parts = append(parts, fmt.Sprintf("%s %d", c.Name, c.Invalid))
		}
		s += w.paren(strings.Join(parts, w.sep))
	}
	return s
}
