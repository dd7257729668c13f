package paper

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"strconv"

	"podium/model"
	"podium/paper/deck"
	"podium/printout"
	"podium/session"
	"podium/session/election"
)

// reportCSS is the style of the zero report and the test report.
//
//go:embed report.css
var reportCSS string

// Report is a one-table document: the zero report or the test report.
type Report struct {
	Lang, Congress, Title, Round string
	Lines                        []string // what it says, before the table
	Head                         []string
	Rows                         [][]string
	Bad                          []bool // rows that differ (the test report)
	Verdict                      string // PASS / FAIL, or ""
	Pass                         bool
	Signers                      []string
	Rehearsal                    bool
}

// ErrBallotsKeyed refuses a zero report once a ballot is keyed (or a
// tally entered) in the round: it is printed before the first.
var ErrBallotsKeyed = errors.New("ballots are keyed in the round already: the zero report is printed before the first")

// ZeroReport is the zero report (零票报告) of the round open or about to
// open: the counter's result with no ballot — every candidate 0, no
// ballot keyed — which the scrutineers sign before the first ballot is
// counted.
func ZeroReport(st *session.State, lang string) (Report, error) {
	b, err := BallotFor(st, BallotOptions{Lang: lang})
	if err != nil {
		return Report{}, err
	}
	keyed := 0
	if v := st.Vote; v.Open() && b.Round == len(v.Rounds) {
		r := v.Current()
		for _, e := range r.Entries {
			keyed += len(e)
		}
		if keyed > 0 || r.Tally != nil {
			return Report{}, ErrBallotsKeyed
		}
	}
	w := termsFor(lang)
	res := election.Count(election.Round{Method: b.Method, Slate: b.Slate, Kind: b.Kind, Seats: seatsOf(b), Expected: 1, Present: 1})
	rep := Report{Lang: lang, Congress: b.Congress, Title: w.zeroTitle, Round: w.title(b.Body) + " · " + w.roundLine(b.Round, b.Kind, b.Revote),
		Lines: []string{w.zeroNote(keyed)}, Head: w.countHead, Signers: w.zeroSigners, Rehearsal: b.Rehearsal}
	for i, c := range res.Candidates {
		rep.Rows = append(rep.Rows, []string{strconv.Itoa(i + 1), c.Category, c.Name, strconv.Itoa(c.Approve), strconv.Itoa(c.Disapprove), strconv.Itoa(c.Abstain)})
	}
	return rep, nil
}

// seatsOf is a ballot's open seats per category.
func seatsOf(b Ballot) map[string]int {
	out := map[string]int{}
	for _, p := range b.Parts {
		out[p.Category] = p.Seats
	}
	return out
}

// TestReport is the rehearsal's test report (演练测试报告): the deck's
// expected result against the counted one, figure by figure, and the
// verdict PASS or FAIL. how says how it was counted (the rehearsal's keyed
// round, or the deck's CSV through the counter).
func TestReport(setup model.Setup, d deck.Deck, r deck.Report, how, lang string) Report {
	w := termsFor(lang)
	rep := Report{Lang: lang, Congress: setup.Meeting.Name, Title: w.testTitle, Round: how, Head: w.testHead,
		Signers: w.testSigners, Rehearsal: true, Pass: r.Pass, Verdict: "FAIL"}
	if r.Pass {
		rep.Verdict = "PASS"
	}
	rep.Lines = append(rep.Lines, w.testNote(len(d.Tests)))
	if r.Reason != "" {
		rep.Lines = append(rep.Lines, w.notCounted+r.Reason)
	}
	for _, l := range r.Lines {
		verdict := "✓"
		if !l.OK {
			verdict = "✗"
		}
		rep.Rows = append(rep.Rows, []string{l.Name, l.Category, w.field(l.Field), strconv.Itoa(l.Expected), countedText(l.Counted), verdict})
		rep.Bad = append(rep.Bad, !l.OK)
	}
	return rep
}

func countedText(n int) string {
	if n < 0 {
		return "—"
	}
	return strconv.Itoa(n)
}

type reportView struct {
	Report
	HTMLLang, RehearsalWord string
	CSS                     template.CSS
	Sign, Date              string
}

var reportTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="{{.HTMLLang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>
{{.CSS}}</style>
</head>
<body>
{{if .Rehearsal}}<div class="watermark" aria-hidden="true">{{.RehearsalWord}}</div>
{{end}}<p class="sub">{{.Congress}}</p>
<h1>{{.Title}}</h1>
<p class="round">{{.Round}}</p>
{{if .Verdict}}<p class="verdict {{if .Pass}}pass{{else}}fail{{end}}">{{.Verdict}}</p>
{{end}}{{range .Lines}}<p>{{.}}</p>
{{end}}<table>
<thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range $i, $r := .Rows}}<tr{{if index $.Bad $i}} class="bad"{{end}}>{{range $r}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
<div class="signs">
{{range .Signers}}<div class="signer"><span class="role">{{.}}</span><span class="line">{{$.Sign}}</span><span class="line">{{$.Date}}</span></div>
{{end}}</div>
</body>
</html>
`))

// RenderReport writes a report as one print-ready A4 HTML file, with its
// page numbers, and 演练 on every page of a rehearsal's.
func RenderReport(r Report) ([]byte, error) {
	w := termsFor(r.Lang)
	if len(r.Bad) < len(r.Rows) {
		r.Bad = append(r.Bad, make([]bool, len(r.Rows)-len(r.Bad))...)
	}
	v := reportView{Report: r, HTMLLang: htmlLang(r.Lang), RehearsalWord: w.rehearsalWatermark, Sign: w.sign, Date: w.date}
	page := printout.Page{Size: "A4", Margin: "18mm 15mm 20mm 15mm", Boxes: []printout.Box{
		{Where: "bottom-right", Content: printout.PageOf(r.Lang), Style: "font-size: 9pt; vertical-align: top; padding-top: 3mm; white-space: nowrap;"},
	}}
	if r.Rehearsal {
		page.Boxes = append(page.Boxes, printout.Box{Where: "top-center", Content: printout.CSSString(w.rehearsalReport),
			Style: "font-size: 9pt; font-weight: bold; vertical-align: bottom; padding-bottom: 3mm;"})
	}
	v.CSS = template.CSS(page.CSS() + printout.BaseCSS + reportCSS)
	var out bytes.Buffer
	if err := reportTemplate.Execute(&out, v); err != nil {
		return nil, fmt.Errorf("paper: %w", err)
	}
	return out.Bytes(), nil
}
