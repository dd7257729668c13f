package records

import (
	"fmt"
	"strings"
)

// methodDoc is the election method as adopted (选举办法), article by
// article, with the approved list of candidates; a draft (草案) until the
// congress adopted it.
func (l lay) methodDoc(e *Election) document {
	w := l.w
	title := w.method
	if e.MethodAdopted == nil {
		title += w.paren(w.draftMethod)
	}
	d := document{Code: "method", Title: title}
	d.Blocks = append(d.Blocks, line(kvs(w.electionH, l.electionName(e)), kvs(w.methodAdopted, l.adoption(e.MethodAdopted, e.MethodVote))))
	for i, a := range e.MethodText {
		d.Blocks = append(d.Blocks, text(w.article(i+1)+a))
	}
	rows := [][]cell{}
	for i, c := range e.Candidates {
		rows = append(rows, row(num(i+1), txt(c.Label), txt(c.Category), txt(c.Unit)))
	}
	d.Blocks = append(d.Blocks, heading(w.candidateList), table([]string{w.no, w.name2, w.category, w.unit}, rows, 0))
	return d
}

// adoption says when and how a part of the election was adopted: by the
// vote with its counts when one is linked, else the time and attendance.
func (l lay) adoption(s *Stamp, vote *int) string {
	if s == nil {
		return l.w.notAdopted
	}
	if vote != nil {
		for _, it := range l.r.Minutes.Items {
			for _, v := range it.Votes {
				if v.No == *vote {
					return l.stampText(s) + l.w.sep2() + l.w.voteCounts(v)
				}
			}
		}
	}
	return l.stampText(s)
}

// scrutineersDoc is the list of scrutineers and counters (监票人、计票人名单)
// with their adoption.
func (l lay) scrutineersDoc(e *Election) document {
	w := l.w
	d := document{Code: "scrutineers", Sheet: w.scrutineers, Title: w.scrutineers}
	d.Blocks = append(d.Blocks, line(kvs(w.electionH, l.electionName(e)), kvs(w.scrutAdopted, l.adoption(e.Adopted, e.ScrutineersVote))))
	rows := [][]cell{}
	add := func(role string, p *Who) {
		if p == nil {
			rows = append(rows, row(num(len(rows)+1), txt(role), txt(""), txt(""), txt("")))
			return
		}
		rows = append(rows, row(num(len(rows)+1), txt(role), txt(p.Name), txt(p.Unit), txt(p.ID)))
	}
	add(w.chief, e.Chief)
	add(w.scrutineer, e.Scrutineer)
	for _, c := range e.Counters {
		rows = append(rows, row(num(len(rows)+1), txt(w.counter), txt(c), txt(""), txt("")))
	}
	d.Blocks = append(d.Blocks, table([]string{w.no, w.role, w.name2, w.unit, w.id}, rows, 0), text(w.scrutineerRule))
	return d
}

func (l lay) roundTitle(x Round) string { return l.w.roundTitle(x.Round, x.Kind) }

// countsLine is a round's counts in one line: attendance and ballots,
// and the whole ballots valid and invalid where they are known.
func (l lay) countsLine(x Round) block {
	w := l.w
	f := []field{kv(w.expected, num(x.Expected)), kv(w.present, num(x.Present)), kv(w.issued, w.dash(x.Issued)), kv(w.collected, w.dash(x.Collected))}
	if x.Valid != nil {
		f = append(f, kv(w.valid, num(*x.Valid)), kv(w.invalid, num(*x.Invalid)))
		if x.PartlyInvalid != nil && *x.PartlyInvalid > 0 {
			f = append(f, kv(w.partlyInvalid, num(*x.PartlyInvalid)))
		}
	}
	return line(f...)
}

// categoriesTable is each category's seats, valid and invalid parts and
// threshold.
func (l lay) categoriesTable(x Round) block {
	w := l.w
	rows := [][]cell{}
	for _, c := range x.Categories {
		t := txt(w.dashWord())
		if c.Threshold != nil {
			t = num(*c.Threshold)
		}
		rows = append(rows, row(txt(c.Name), num(c.Seats), num(c.Valid), num(c.Invalid), t))
	}
	return table([]string{w.category, w.seats, w.validParts, w.invalidParts, w.thresholdVotes}, rows, 1, 2, 3, 4)
}

// roundHead is what a round's figures say before its candidates: the
// categories' valid and invalid parts (when a ballot has several), the
// threshold, and why nothing was decided.
func (l lay) roundHead(x Round) []block {
	var out []block
	if len(x.Categories) > 1 && x.RoundValid && !x.Decided.IsZero() {
		out = append(out, l.categoriesTable(x))
	}
	for _, t := range x.Threshold {
		out = append(out, text(t))
	}
	if x.Reason != "" {
		out = append(out, text(x.Reason))
	}
	return out
}

func (l lay) tallyDoc(e *Election, x Round) document {
	w := l.w
	d := document{Code: fmt.Sprintf("tally-round-%d", x.Round), Sheet: fmt.Sprintf("%s %d", w.tally, x.Round),
		Title: w.tally + w.tallyKind[x.Kind]}
	d.Blocks = append(d.Blocks,
		line(kvs(w.electionH, l.electionName(e)), kvs(w.roundH, l.roundTitle(x))),
		line(kvs(w.counting, w.countingWords(x)), kv(w.decided, l.when(x.Decided))),
		l.countsLine(x))
	for _, a := range x.SetAside {
		d.Blocks = append(d.Blocks, text(w.setAsideWords(a)))
	}
	d.Blocks = append(d.Blocks, l.roundHead(x)...)
	d.Blocks = append(d.Blocks, l.candidateTable(x), text(w.invalidBallots+w.colon()+w.invalidText(x)))
	if len(x.InvalidBallots) > 0 {
		rows := [][]cell{}
		for _, iv := range x.InvalidBallots {
			why := w.invalidWhy(iv)
			rows = append(rows, texts(iv.Ballot, iv.Category, why))
		}
		d.Blocks = append(d.Blocks, table([]string{w.ballotNo, w.category, w.reason}, rows))
	}
	if x.VoidWriteIns > 0 {
		d.Blocks = append(d.Blocks, text(w.voidWriteIns+w.colon()+itoa(x.VoidWriteIns)))
	}
	if !x.Decided.IsZero() && x.RoundValid {
		el := w.none
		if len(x.Elected) > 0 {
			el = joinWords(w, x.Elected)
		}
		d.Blocks = append(d.Blocks, text(w.elected+w.colon()+el))
		for _, p := range x.Runoffs {
			d.Blocks = append(d.Blocks, text(w.runoff+w.colon()+w.pendingText(p)))
		}
		for _, p := range x.SecondRounds {
			d.Blocks = append(d.Blocks, text(w.second+w.colon()+w.pendingText(p)))
		}
	}
	d.Blocks = append(d.Blocks, l.scrutineerSigns(e, false))
	return d
}

// candidateTable is the candidates of a round in ballot order.
func (l lay) candidateTable(x Round) block {
	w := l.w
	rows := [][]cell{}
	for _, c := range x.Candidates {
		st := w.undecided
		if c.Status != "" {
			st = w.word(c.Status)
		}
		if c.WriteIn { // a write-in name: approvals only
			rows = append(rows, row(txt(w.writeIn), txt(c.Label), txt(c.Category), num(c.Approve), txt(""), txt(""), txt(st)))
			continue
		}
		rows = append(rows, row(num(c.No), txt(c.Label), txt(c.Category), num(c.Approve), num(c.Disapprove), num(c.Abstain), txt(st)))
	}
	return table([]string{w.no, w.name2, w.category, w.approve, w.disapprove, w.abstain, w.outcome}, rows, 0, 3, 4, 5).nowrap(0, 6).widths(8, 34, 16, 9, 10, 9, 14)
}

// resultDoc is the result report (选举结果报告单): it names the election,
// gives every round's figures and the elected in order, and is signed by
// the chair and the scrutineers.
func (l lay) resultDoc(e *Election) document {
	w := l.w
	d := document{Code: "result-report", Sheet: w.result, Title: w.result}
	seats := itoa(e.Seats)
	if len(e.Categories) > 0 {
		var parts []string
		for _, c := range e.Categories {
			parts = append(parts, w.seatsIn(c.Category, c.Seats))
		}
		seats += w.paren(strings.Join(parts, w.sep))
	}
	d.Blocks = append(d.Blocks, fields(kvs(w.electionH, l.electionName(e)), kvs(w.seats, seats), kv(w.candidate, num(len(e.Candidates))),
		kvs(w.methodAdopted, l.adoption(e.MethodAdopted, e.MethodVote)), kvs(w.scrutAdopted, l.adoption(e.Adopted, e.ScrutineersVote))))
	rows := [][]cell{}
	for _, x := range e.Rounds {
		valid := w.undecided
		if !x.Decided.IsZero() {
			valid = map[bool]string{true: w.roundValid, false: w.roundVoid}[x.RoundValid]
		}
		v, iv := w.numOrDash(x.Valid), w.numOrDash(x.Invalid)
		if x.Valid == nil && x.RoundValid && !x.Decided.IsZero() {
			v, iv = txt(w.byCategory), txt(w.byCategory)
		}
		rows = append(rows, row(txt(l.roundTitle(x)), num(x.Expected), num(x.Present), w.dash(x.Issued), w.dash(x.Collected),
			v, iv, txt(valid), l.when(x.Decided)))
	}
	d.Blocks = append(d.Blocks, heading(w.roundsH))
	if len(rows) == 0 {
		d.Blocks = append(d.Blocks, text(w.noRounds))
	} else {
		d.Blocks = append(d.Blocks, table([]string{w.roundH, w.expected, w.present, w.issued, w.collected, w.valid, w.invalid, w.outcome, w.decided},
			rows, 1, 2, 3, 4, 5, 6).nowrap(0, 7))
	}
	for _, x := range e.Rounds {
		d.Blocks = append(d.Blocks, subheading(l.roundTitle(x)), line(kvs(w.counting, w.countingWords(x))))
		if x.Valid == nil { // valid and invalid are known per category only
			d.Blocks = append(d.Blocks, l.roundHead(x)...)
		} else {
			for _, t := range x.Threshold {
				d.Blocks = append(d.Blocks, text(t))
			}
			if x.Reason != "" {
				d.Blocks = append(d.Blocks, text(x.Reason))
			}
		}
		d.Blocks = append(d.Blocks, l.candidateTable(x))
	}
	el := [][]cell{}
	for i, x := range e.Elected {
		name := x.Label
		if x.WriteIn {
			name += w.paren(w.writeIn)
		}
		el = append(el, row(num(i+1), txt(name), txt(x.Category), txt(w.roundTitle(x.Round, ""))))
	}
	d.Blocks = append(d.Blocks, heading(w.orderElected))
	if len(el) == 0 {
		d.Blocks = append(d.Blocks, text(w.none))
	} else {
		t := table([]string{w.no, w.name2, w.category, w.roundH}, el, 0)
		t.KeepWhole = len(el) <= 25 // the elected list and the signatures on one page
		d.Blocks = append(d.Blocks, t)
	}
	if len(e.Vacant) > 0 {
		var parts []string
		for _, v := range e.Vacant {
			parts = append(parts, w.seatsIn(v.Category, v.Seats))
		}
		d.Blocks = append(d.Blocks, text(w.vacant+w.colon()+strings.Join(parts, w.sep)))
	}
	for _, p := range e.Pending {
		d.Blocks = append(d.Blocks, text(w.pendingH+w.colon()+w.word(p.Kind)+w.sep2()+w.pendingText(p)))
	}
	d.Blocks = append(d.Blocks, l.scrutineerSigns(e, true))
	return d
}
