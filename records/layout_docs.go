package records

import (
	"strings"
)

// resolutionsDoc is the resolutions in full (大会决议): each adopted vote's
// title, its text, and the vote that adopted it.
func (l lay) resolutionsDoc() document {
	w, r := l.w, l.r
	d := document{Code: "resolutions", Title: w.resolutions}
	if len(r.Resolutions) == 0 {
		d.Blocks = append(d.Blocks, text(w.none))
		return d
	}
	votes := map[int]Vote{}
	for _, it := range r.Minutes.Items {
		for _, v := range it.Votes {
			votes[v.No] = v
		}
	}
	for _, x := range r.Resolutions {
		d.Blocks = append(d.Blocks, subheading(w.resolutionNo(x.No)+x.Title))
		for _, p := range strings.Split(x.Text, "\n") {
			if strings.TrimSpace(p) != "" {
				d.Blocks = append(d.Blocks, text(p))
			}
		}
		d.Blocks = append(d.Blocks, text(w.adoptedBy(x.At.String(), votes[x.Vote])))
	}
	return d
}

func (l lay) motionsDoc() document {
	w, r := l.w, l.r
	d := document{Code: "motions", Sheet: w.sheetMotions, Title: w.motions, Wide: true}
	rows := [][]cell{}
	for _, m := range r.Motions {
		rows = append(rows, row(num(m.No), txt(m.Title), txt(m.Category), txt(m.Text), txt(m.Proposer.Label), txt(joinLabels(w, m.CoSigners)),
			l.when(m.Filed), txt(w.motionStatus(m.Status)), l.when(m.Decided), txt(m.Reason), txt(w.motionVote(m)), txt(m.Due)))
	}
	if len(rows) == 0 {
		d.Blocks = append(d.Blocks, text(w.none))
		return d
	}
	d.Blocks = append(d.Blocks, table([]string{w.no, w.title, w.category, w.text, w.proposer, w.coSigners, w.filed,
		w.status, w.decidedAt, w.reason, w.vote, w.due}, rows, 0))
	return d
}

func (l lay) questionsDoc() document {
	w, r := l.w, l.r
	d := document{Code: "questions", Sheet: w.sheetQuestions, Title: w.questions, Wide: true}
	rows := [][]cell{}
	for _, q := range r.Questions {
		rows = append(rows, row(num(q.No), txt(q.Delegate.Label), txt(q.Delegate.Unit), txt(q.Target), txt(q.Text), l.when(q.Asked),
			txt(w.questionStatus(q.Status)), txt(q.Answer), txt(q.AnsweredBy), l.when(q.Answered), txt(q.Due)))
	}
	if len(rows) == 0 {
		d.Blocks = append(d.Blocks, text(w.none))
		return d
	}
	d.Blocks = append(d.Blocks, table([]string{w.no, w.delegate, w.unit, w.target, w.question, w.at, w.status,
		w.answer, w.answeredBy, w.answered, w.due}, rows, 0))
	return d
}

// scriptDoc is the host's script (主持词) for the whole agenda: what was
// read, with the figures of the record, and ____ where a figure is not
// known yet.
func (l lay) scriptDoc() document {
	w := l.w
	d := document{Code: "script", Title: w.script}
	d.Blocks = append(d.Blocks, text(w.scriptNote))
	for _, p := range l.r.Script {
		d.Blocks = append(d.Blocks, subheading(itoa(p.Item)+". "+p.Title))
		for _, s := range strings.Split(p.Text, "\n") {
			if strings.TrimSpace(s) != "" {
				d.Blocks = append(d.Blocks, text(s))
			}
		}
	}
	return d
}

// assessmentDoc is the reform self-assessment form (附件1) with the items
// the congress record answers filled in, the others left for the office.
func (l lay) assessmentDoc() document {
	w := l.w
	d := document{Code: "self-assessment", Sheet: w.assessmentSheet, Title: w.assessment}
	d.Blocks = append(d.Blocks, fields(kvs(w.organisation, "")), text(w.assessmentNote))
	rows := [][]cell{}
	for _, a := range l.r.Assessment {
		rows = append(rows, row(num(a.No), txt(a.Text), txt(w.verdictBoxes(a.Verdict)), txt(a.Note)))
	}
	d.Blocks = append(d.Blocks, table([]string{w.no, w.itemH, w.verdict, w.remarks}, rows, 0).nowrap(2).widths(6, 47, 11, 36))
	var f []field
	for _, s := range w.assessmentTail {
		f = append(f, kvs(s, ""))
	}
	for _, o := range w.assessmentOpinions {
		f = append(f, kvs(o[0], o[1]))
	}
	d.Blocks = append(d.Blocks, fields(f...))
	return d
}
