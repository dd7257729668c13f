package records

import (
	"fmt"
)

// The floor in the documents (docs/DELIBERATION.md): under each item of the
// minutes its speeches in the order given, the requests not reached, the
// item's time against its plan and its groups' reports; and the register
// of speakers, every request of the congress.

// clock writes seconds as m:ss, or h:mm:ss from an hour.
func clock(s int) string {
	if s < 0 {
		s = 0
	}
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// speechKind is a request's kind in words, with an observer's or a guest's
// standing.
func (w terms) speechKind(s Speech) string {
	k := w.word(s.Kind)
	if s.Attends != "" {
		k += w.paren(w.word(s.Attends))
	}
	return k
}

// overCell is a speech's overtime, empty within its limit.
func overCell(s Speech) cell {
	if s.OverSeconds == 0 {
		return txt("")
	}
	return txt(clock(s.OverSeconds))
}

// floorBlocks are an item's speeches and groups in the minutes.
func (l lay) floorBlocks(it Item) []block {
	w, r := l.w, l.r
	var out []block
	if f := it.Floor; f != nil {
		rows := [][]cell{}
		var waiting []string
		for _, no := range it.Speeches {
			s := r.Speakers[no-1]
			took := txt(clock(s.Seconds))
			if s.Status == "speaking" {
				took = txt(w.word("speaking"))
			}
			rows = append(rows, row(num(s.Order), txt(s.Speaker.Label), txt(s.Speaker.Unit), txt(w.speechKind(s)), l.when(s.Started),
				took, txt(clock(s.LimitSeconds)), overCell(s)))
		}
		for _, s := range r.Speakers {
			if s.Item == it.No && s.Status == "waiting" {
				waiting = append(waiting, s.Speaker.Label)
			}
		}
		out = append(out, caption(w.speechesH))
		if len(rows) > 0 {
			out = append(out, table([]string{w.orderH, w.speaker, w.unit, w.kind, w.started, w.took, w.limit, w.over}, rows, 0).
				nowrap(4, 5, 6, 7).widths(6, 20, 18, 18, 9, 9, 9, 11))
		}
		out = append(out, text(w.floorSummary(*f, it.Planned)))
		if len(waiting) > 0 {
			out = append(out, text(w.notReachedH+w.colon()+joinWords(w, waiting)+w.stop()))
		}
	}
	if len(it.Groups) > 0 {
		rows := [][]cell{}
		reported := 0
		for _, g := range it.Groups {
			if !g.Reported {
				rows = append(rows, row(txt(g.Group), txt(g.Convener), txt(g.Secretary), txt(""), txt(w.notReported)))
				continue
			}
			reported++
			rows = append(rows, row(txt(g.Group), txt(g.Convener), txt(g.Secretary), num(g.Speakers), txt(g.Text)))
		}
		out = append(out, caption(w.groupsH), text(w.groupsReported(reported, len(it.Groups))),
			table([]string{w.group, w.convener, w.recorder, w.speakersN, w.opinions}, rows, 3).widths(14, 11, 11, 9, 55))
	}
	return out
}

// speakersDoc is the register of speakers (发言登记表): every request of the
// congress, what became of it, and each speech's time.
func (l lay) speakersDoc() document {
	w, r := l.w, l.r
	d := document{Code: "speakers", Sheet: w.sheetSpeakers, Title: w.speakers, Wide: true}
	if len(r.Speakers) == 0 {
		d.Blocks = append(d.Blocks, text(w.none))
		return d
	}
	rows := [][]cell{}
	for _, s := range r.Speakers {
		took, limit := txt(""), txt("")
		if s.Status == "spoken" {
			took = txt(clock(s.Seconds))
		}
		if s.LimitSeconds > 0 {
			limit = txt(clock(s.LimitSeconds))
		}
		result := w.word(s.Status)
		if s.Status == "removed" {
			result += " " + l.when(s.Removed).Text
		}
		rows = append(rows, row(num(s.No), num(s.Item), txt(s.Speaker.Label), txt(s.Speaker.Unit), txt(w.speechKind(s)),
			l.when(s.Requested), txt(result), l.when(s.Started), took, limit, overCell(s)))
	}
	d.Blocks = append(d.Blocks, text(w.speakersNote),
		table([]string{w.no, w.item, w.speaker, w.unit, w.kind, w.requested, w.outcome, w.started, w.took, w.limit, w.over}, rows, 0, 1).
			nowrap(5, 7, 8, 9, 10))
	return d
}
