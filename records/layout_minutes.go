package records

import (
	"fmt"
)

func (l lay) minutesDoc() document {
	w, r := l.w, l.r
	c := r.Congress
	d := document{Code: "minutes", Sheet: w.minutes, Title: w.minutes}
	a := r.Minutes.Attendance
	closed := w.notClosed
	if !c.Closed.IsZero() {
		closed = c.Closed.String()
	}
	d.Blocks = append(d.Blocks,
		fields(kvs(w.name, l.congressName()), kv(w.date, l.dateCell()), kvs(w.place, c.Place), kvs(w.chair, c.Chair),
			kvs(w.recorder, c.Recorder), kv(w.opened, l.whenFull(c.Started)), kvs(w.closed, closed),
			kvs(w.declared, l.stampText(r.Minutes.Declared))),
		heading(w.attendance))
	if c.Started.IsZero() {
		d.Blocks = append(d.Blocks, line(kv(w.expected, num(a.Expected))))
	} else {
		d.Blocks = append(d.Blocks, line(kv(w.expected, num(a.Expected)), kv(w.arrivedN, num(a.Arrived)), kv(w.leftN, num(a.Left)),
			kv(w.onLeave, num(a.OnLeave)), kv(w.absent, num(a.NotArrived))))
	}
	if c.Started.IsZero() { // nobody is absent from a congress not yet begun
		d.Blocks = append(d.Blocks, text(w.notStarted))
		a.Absentees = nil
	}
	var leave, out, left [][]cell
	for _, p := range a.Absentees {
		switch p.Status {
		case "on_leave":
			leave = append(leave, row(num(len(leave)+1), txt(p.ID), txt(p.Name), txt(p.Unit), txt(p.Reason)))
		case "left":
			left = append(left, row(num(len(left)+1), txt(p.ID), txt(p.Name), txt(p.Unit), l.when(p.Arrived), l.when(p.At)))
		default:
			out = append(out, row(num(len(out)+1), txt(p.ID), txt(p.Name), txt(p.Unit)))
		}
	}
	if len(leave) > 0 {
		d.Blocks = append(d.Blocks, caption(w.onLeaveH), table([]string{w.no, w.id, w.name2, w.unit, w.reason}, leave, 0))
	}
	if len(out) > 0 {
		d.Blocks = append(d.Blocks, caption(w.absentH), table([]string{w.no, w.id, w.name2, w.unit}, out, 0))
	}
	if len(left) > 0 {
		d.Blocks = append(d.Blocks, caption(w.leftH), table([]string{w.no, w.id, w.name2, w.unit, w.arrived, w.departed}, left, 0))
	}
	d.Blocks = append(d.Blocks, heading(w.items))
	for _, it := range r.Minutes.Items {
		title := it.Title
		if it.No > 0 {
			title = itoa(it.No) + ". " + it.Title
		}
		d.Blocks = append(d.Blocks, subheading(title))
		f := []field{kvs(w.status, w.word(it.Status))}
		if it.No > 0 && !it.Started.IsZero() {
			f = append(f, kv(w.started, l.when(it.Started)), kv(w.ended, l.when(it.Ended)))
		}
		if it.Count != nil {
			f = append(f, kvs(w.count, w.countText(*it.Count)))
		}
		if it.Presenter != "" {
			f = append(f, kvs(w.presenter, it.Presenter))
		}
		if it.Note != "" {
			f = append(f, kvs(w.note, it.Note))
		}
		d.Blocks = append(d.Blocks, line(f...))
		if len(it.Notes) > 0 {
			rows := [][]cell{}
			for _, n := range it.Notes {
				rows = append(rows, row(l.when(n.At), txt(n.Text)))
			}
			d.Blocks = append(d.Blocks, caption(w.notes), table([]string{w.at, w.text}, rows))
		}
		if len(it.Questions) > 0 {
			rows := [][]cell{}
			for _, no := range it.Questions {
				q := r.Questions[no-1]
				rows = append(rows, row(num(q.No), txt(q.Delegate.Label), txt(q.Target), txt(q.Text), txt(w.questionOutcome(q))))
			}
			d.Blocks = append(d.Blocks, caption(w.questionsH), table([]string{w.no, w.delegate, w.target, w.question, w.answer}, rows, 0))
		}
		if len(it.Votes) > 0 {
			d.Blocks = append(d.Blocks, caption(w.votes), l.votesTable(it.Votes))
		}
		if len(it.Ratings) > 0 {
			rows := [][]cell{}
			for _, g := range it.Ratings {
				rows = append(rows, texts(g.Officer, w.word(g.Rating), g.Note))
			}
			d.Blocks = append(d.Blocks, caption(w.ratings), table([]string{w.officer, w.rating, w.note}, rows))
		}
		d.Blocks = append(d.Blocks, l.floorBlocks(it)...)
		for _, s := range it.Election {
			d.Blocks = append(d.Blocks, text(s.Text))
		}
		if e := r.Election; e != nil && it.No == e.Item && len(e.Elected) > 0 {
			d.Blocks = append(d.Blocks, text(w.orderElected+w.colon()+electedNames(w, e)+w.stop()))
		}
	}
	d.Blocks = append(d.Blocks, l.takeoverBlocks()...)
	if len(r.Motions) > 0 {
		rows := [][]cell{}
		for _, m := range r.Motions {
			rows = append(rows, row(num(m.No), txt(m.Title), txt(m.Proposer.Label), txt(w.motionStatus(m.Status)), txt(w.motionOutcome(m))))
		}
		t := table([]string{w.no, w.title, w.proposer, w.status, w.outcome}, rows, 0)
		t.KeepWhole = len(rows) <= 10
		d.Blocks = append(d.Blocks, heading(w.motionsH), t)
	}
	d.Blocks = append(d.Blocks, l.chairSigns())
	return d
}

// stampText is a decision's time and the attendance it used.
func (l lay) stampText(s *Stamp) string {
	if s == nil {
		return l.w.dashWord()
	}
	return s.At.String() + l.w.paren(l.w.countText(s.Count))
}

func electedNames(w terms, e *Election) string {
	var names []string
	for _, x := range e.Elected {
		names = append(names, x.Label)
	}
	return joinWords(w, names)
}

// votesTable is the votes of an item: subject, method, the counts, the
// rule with what it is of and the votes it needs, the outcome and the
// time. A struck vote stays, struck through with its reason.
func (l lay) votesTable(vs []Vote) block {
	w := l.w
	rows := [][]cell{}
	struck := map[int]bool{}
	for i, v := range vs {
		subject := v.Subject
		if v.Kind == "charter" {
			subject += w.paren(w.word("charter"))
		}
		if v.Motion > 0 {
			subject += w.paren(fmt.Sprintf(w.motionNo, v.Motion))
		}
		outcome := w.yesNo(v.Adopted)
		if v.Struck != nil {
			struck[i] = true
			outcome = w.struckWord + w.colon() + v.Struck.Reason
		}
		rows = append(rows, row(num(v.No), txt(subject), txt(w.word(v.Method)), num(v.For), num(v.Against), num(v.Abstain),
			num(v.Count.Present), txt(w.ruleCell(v)), txt(outcome), l.when(v.At)))
	}
	t := table([]string{w.no, w.subject, w.method2, w.forV, w.against, w.abstain, w.present, w.rule, w.outcome, w.at},
		rows, 0, 3, 4, 5, 6).nowrap(2, 8).widths(5, 20, 11, 6, 6, 6, 6, 22, 9, 9)
	t.Struck = struck
	return t
}
