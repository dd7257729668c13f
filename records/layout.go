package records

import (
	"fmt"
	"strconv"
	"strings"
)

// The documents of a record, laid out once as headings, fields, tables,
// paragraphs and signature lines; the md, html and xlsx writers each
// render this layout, so the formats say the same thing. (The CSV files
// are tidy tables drawn from the Record itself, see csv.go.)

type document struct {
	File  string // file stem, ASCII: "02-minutes"
	Code  string // the document's code: "minutes"
	Sheet string // worksheet name (at most 31 characters), "" for none
	Title string
	Sub   string // the congress's name, above the title
	// Blocks are the document's content in order.
	Blocks []block
	Wide   bool // printed in landscape (the registers' many columns)
}

type blockKind uint8

const (
	bHeading blockKind = iota
	bFields
	bTable
	bText
	bSigns
)

// cell is one value of a table or field: its text as shown, and for the
// workbook what it is — a number or a time.
type cell struct {
	Text  string
	IsNum bool
	N     int
	At    Time
	Clock bool // At shown as the clock time only (the congress's day)
}

type field struct {
	Label string
	Value cell
}

// signer is one signature line: the role, the printed name (may be empty:
// written by hand), a line to sign and a line for the date.
type signer struct {
	Role, Name string
}

type block struct {
	Kind   blockKind
	Text   string  // heading, paragraph
	Level  int     // a heading's level: 2, 3 under it, 4 a table's caption
	Inline bool    // fields in one line rather than a table
	Fields []field // label, value
	Head   []string
	Rows   [][]cell
	Num    map[int]bool // right-aligned (numeric) columns of a table
	Sign   int          // a column left empty to sign in (its index + 1), 0 for none
	Struck map[int]bool // rows struck through (votes struck by the chair)
	NoWrap map[int]bool // short columns printed on one line
	// KeepWhole prints a short table whole on the page of the signatures
	// after it (the elected list of a result report).
	KeepWhole bool
	// Widths are the columns' widths in percent (nil: automatic), so that
	// the tables of one kind line up from unit to unit and page to page.
	Widths []int
	Signs  []signer
}

func heading(s string) block    { return block{Kind: bHeading, Text: s, Level: 2} }
func subheading(s string) block { return block{Kind: bHeading, Text: s, Level: 3} }
func caption(s string) block    { return block{Kind: bHeading, Text: s, Level: 4} }
func text(s string) block       { return block{Kind: bText, Text: s} }
func fields(f ...field) block   { return block{Kind: bFields, Fields: f} }
func signs(s ...signer) block   { return block{Kind: bSigns, Signs: s} }

// nowrap marks short columns of a table to print on one line.
func (b block) nowrap(cols ...int) block {
	for _, c := range cols {
		b.NoWrap[c] = true
	}
	return b
}

// widths sets the columns' widths in percent.
func (b block) widths(w ...int) block {
	b.Widths = w
	return b
}

// line is fields written in one line.
func line(f ...field) block { return block{Kind: bFields, Fields: f, Inline: true} }

func table(head []string, rows [][]cell, num ...int) block {
	b := block{Kind: bTable, Head: head, Rows: rows, Num: map[int]bool{}, NoWrap: map[int]bool{}}
	for _, n := range num {
		b.Num[n] = true
	}
	return b
}

func kv(k string, v cell) field { return field{k, v} }
func kvs(k, v string) field     { return field{k, txt(v)} }
func txt(s string) cell         { return cell{Text: s} }
func num(n int) cell            { return cell{Text: strconv.Itoa(n), IsNum: true, N: n} }
func row(cells ...cell) []cell  { return cells }
func texts(ss ...string) []cell {
	out := make([]cell, len(ss))
	for i, s := range ss {
		out[i] = txt(s)
	}
	return out
}

var itoa = strconv.Itoa

// lay lays out the documents of one record in its language.
type lay struct {
	r *Record
	w terms
}

// when is a time as a document shows it: the clock time alone on the
// congress's day, else the date too; the workbook gets the time itself.
func (l lay) when(t Time) cell {
	if t.IsZero() {
		return txt("")
	}
	if t.Date() == l.r.Congress.Date {
		return cell{Text: t.Time().In(CST).Format("15:04"), At: t, Clock: true}
	}
	return cell{Text: t.String(), At: t}
}

// whenFull is a time with its date, for the fields of a document's head.
func (l lay) whenFull(t Time) cell {
	if t.IsZero() {
		return txt(l.w.dashWord())
	}
	return cell{Text: t.String(), At: t}
}

func layout(r *Record) []document {
	l := lay{r: r, w: termsFor(r.Lang)}
	docs := []document{l.agendaDoc(), l.minutesDoc(), l.signInDoc(), l.credentialsDoc()}
	if e := r.Election; e != nil {
		docs = append(docs, l.methodDoc(e), l.scrutineersDoc(e))
		for _, x := range e.Rounds {
			docs = append(docs, l.tallyDoc(e, x))
		}
		docs = append(docs, l.resultDoc(e))
	}
	docs = append(docs, l.resolutionsDoc(), l.motionsDoc(), l.questionsDoc(), l.speakersDoc(), l.scriptDoc(), l.assessmentDoc())
	sub := r.Congress.Name
	if r.Lang == "en" && r.Congress.NameEn != "" {
		sub = r.Congress.NameEn
	}
	for i := range docs {
		docs[i].File = fmt.Sprintf("%02d-%s", i+1, docs[i].Code)
		docs[i].Sub = sub
		if r.Rehearsal {
			docs[i].Title = l.w.rehearsal + docs[i].Title
		}
	}
	return docs
}

// chairSigns are the signatures of the minutes: the chair and the
// recorder, with their names as set up.
func (l lay) chairSigns() block {
	c := l.r.Congress
	return signs(signer{l.w.chair, c.Chair}, signer{l.w.recorder, c.Recorder})
}

// scrutineerSigns are the signatures of a tally sheet: each counter on a
// line of their own, the scrutineer and the chief scrutineer.
func (l lay) scrutineerSigns(e *Election, chair bool) block {
	var s []signer
	if chair {
		s = append(s, signer{l.w.chair, l.r.Congress.Chair})
	}
	if e.Chief != nil {
		s = append(s, signer{l.w.chief, e.Chief.Label})
	} else {
		s = append(s, signer{l.w.chief, ""})
	}
	if e.Scrutineer != nil {
		s = append(s, signer{l.w.scrutineer, e.Scrutineer.Label})
	} else {
		s = append(s, signer{l.w.scrutineer, ""})
	}
	if len(e.Counters) == 0 {
		s = append(s, signer{l.w.counter, ""})
	}
	for _, c := range e.Counters {
		s = append(s, signer{l.w.counter, c})
	}
	return signs(s...)
}

// electionName is the election as a document's field names it: the body
// elected (学生会第一届委员会), in English the item's title.
func (l lay) electionName(e *Election) string {
	if l.w.zh {
		return e.Name
	}
	return e.Title
}

// congressName is the meeting's name in the record's language.
func (l lay) congressName() string {
	c := l.r.Congress
	if !l.w.zh && c.NameEn != "" {
		return c.NameEn
	}
	return c.Name
}

func (l lay) agendaDoc() document {
	w, c := l.w, l.r.Congress
	d := document{Code: "agenda", Sheet: w.agenda, Title: w.agenda}
	d.Blocks = append(d.Blocks, fields(kvs(w.name, l.congressName()), kv(w.date, l.dateCell()), kvs(w.place, c.Place), kvs(w.chair, c.Chair)))
	rows := [][]cell{}
	for _, it := range l.r.Minutes.Items {
		if it.No == 0 {
			continue
		}
		planned := txt("")
		if it.Planned > 0 {
			planned = num(it.Planned)
		}
		rows = append(rows, row(num(it.No), txt(it.Title), txt(it.Presenter), planned, l.when(it.Started), l.when(it.Ended), txt(w.word(it.Status))))
	}
	d.Blocks = append(d.Blocks, table([]string{w.no, w.item, w.presenter, w.planned, w.started, w.ended, w.status}, rows, 0, 3))
	return d
}

// dateCell is the congress's date: the day it started, or the planned
// day marked as planned.
func (l lay) dateCell() cell {
	c := l.r.Congress
	if c.Started.IsZero() && c.Date != "" {
		return txt(c.Date + l.w.paren(l.w.plannedWord))
	}
	return txt(c.Date)
}

func (l lay) signInDoc() document {
	w, r := l.w, l.r
	started := !r.Congress.Started.IsZero()
	d := document{Code: "sign-in", Sheet: w.signIn, Title: w.signIn}
	if !started {
		d.Blocks = append(d.Blocks, text(w.signInBlank))
	}
	for _, u := range r.SignIn.Units {
		rows := [][]cell{}
		for _, p := range u.People {
			note := ""
			switch p.Status {
			case "on_leave":
				note = w.word("on_leave")
				if p.Reason != "" {
					note += w.colon() + p.Reason
				}
			case "not_arrived":
				if started && p.Kind == "formal" {
					note = w.word("not_arrived")
				}
			case "left":
				note = w.word("left")
			}
			rows = append(rows, row(num(p.No), txt(p.ID), txt(p.Name), txt(w.word(p.Kind)), l.when(p.Arrived), l.when(p.Departed), txt(note), txt("")))
		}
		t := table([]string{w.no, w.id, w.name2, w.kind, w.arrived, w.departed, w.note, w.signature}, rows, 0).widths(6, 9, 19, 13, 8, 8, 13, 24)
		t.Sign = 8
		d.Blocks = append(d.Blocks, subheading(u.Unit), t)
	}
	tot := [][]cell{}
	figures := func(name string, t Totals) []cell {
		if !started {
			return row(txt(name), num(t.Expected), txt(""), txt(""), txt(""), txt(""))
		}
		return row(txt(name), num(t.Expected), num(t.Arrived), num(t.Left), num(t.OnLeave), num(t.Absent))
	}
	for _, u := range r.SignIn.Units {
		if u.Totals.Expected == 0 {
			continue // observers' and guests' units
		}
		tot = append(tot, figures(u.Unit, u.Totals))
	}
	tot = append(tot, figures(w.total, r.SignIn.Totals))
	d.Blocks = append(d.Blocks, heading(w.totals), table([]string{w.unit, w.expected, w.arrivedN, w.leftN, w.onLeave, w.absent}, tot, 1, 2, 3, 4, 5))
	return d
}

func (l lay) credentialsDoc() document {
	w, c := l.w, l.r.Credentials
	d := document{Code: "credentials", Sheet: w.credentials, Title: w.credentials}
	d.Blocks = append(d.Blocks, text(w.credentialsSummary(c)))
	rows := [][]cell{}
	tf, to, tg := 0, 0, 0
	for _, u := range c.Units {
		rows = append(rows, row(txt(u.Unit), num(u.Formal), num(u.Observers), num(u.Guests)))
		tf, to, tg = tf+u.Formal, to+u.Observers, tg+u.Guests
	}
	rows = append(rows, row(txt(w.total), num(tf), num(to), num(tg)))
	d.Blocks = append(d.Blocks, heading(w.byUnit), table([]string{w.unit, w.formalN, w.observersN, w.guestsN}, rows, 1, 2, 3))
	rows = [][]cell{}
	for _, x := range c.Lines {
		n := txt(w.dashWord())
		if x.Status != "needs_date" {
			n = txt(fmt.Sprintf("%d/%d", x.Count, x.Total))
		}
		note := w.word("comp_" + x.Status)
		if x.Missing > 0 {
			note += w.paren(w.missingN(x.Missing))
		}
		rows = append(rows, row(txt(w.word("comp_"+x.Key)), n, txt(x.Percent), txt(w.targetText(x.Target)), txt(note)))
	}
	d.Blocks = append(d.Blocks, heading(w.composition), text(w.compositionNote(c)),
		table([]string{w.criterion, w.countH, w.percent, w.targetH, w.conclusion}, rows, 1, 2))
	d.Blocks = append(d.Blocks, heading(w.review), text(w.reviewBlank),
		signs(signer{w.credentialsChair, ""}))
	return d
}

// joinLabels joins people's labels.
func joinLabels(w terms, ws []Who) string {
	var s []string
	for _, x := range ws {
		s = append(s, x.Label)
	}
	return strings.Join(s, w.sep)
}
