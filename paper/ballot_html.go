package paper

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"

	"github.com/charmbracelet/x/ansi"

	"podium/printout"
	"podium/session/election"
)

// ballotCSS is the style of a ballot, after printout's base.
//
//go:embed ballot.css
var ballotCSS string

// Filled is one ballot as a voter marked it: the test deck prints its
// ballots filled in, so that tellers rehearse from paper. Marks are
// parallel to the ballot's slate; WriteIns stand in their category's
// write-in rows in order; Spoiled is what makes the scrutineers declare it
// spoiled, written on it. Label says which ballot of the deck it is.
type Filled struct {
	Label    string
	Marks    []election.Mark
	WriteIns []election.WriteIn
	Spoiled  string
}

// paperSize is a paper's page: its CSS size, its margins, the width the
// candidates' table may fill (mm), the names' font size (pt) and how many
// candidates a row may hold at most.
type paperSize struct {
	css, margin string
	width, pt   float64
	maxCols     int
}

var paperSizes = map[string]paperSize{
	"a4": {"A4", "14mm 15mm 16mm 15mm", 180, 12, 5},
	"a5": {"A5", "11mm 10mm 13mm 10mm", 128, 11, 3},
}

// columns is how many candidates stand in one row of the ballot: as many
// as fit the widest name on the paper (a name is never split), from 1 to
// the paper's most.
func columns(b Ballot, ps paperSize) int {
	cells := 4
	for _, c := range b.Slate {
		cells = max(cells, ansi.StringWidth(c.Name))
	}
	// A display cell of the names' font is about half an em wide; the
	// box, its gap and the cell's padding take 13mm.
	pair := 13 + float64(cells)*ps.pt*0.3528/2*1.05
	return max(1, min(ps.maxCols, int(ps.width/pair)))
}

// The view of a ballot for the template.
type ballotView struct {
	Lang, Title, Sub, Round, NotesWord string
	CSS                                template.CSS
	Rehearsal                          bool
	RehearsalWord                      string
	Notes                              []string
	Cols                               int
	BoxMM, NameMM                      string
	Sheets                             []sheetView
}

type sheetView struct {
	Label   string
	Parts   []partView
	Spoiled string
}

type partView struct {
	Head     string
	Rows     [][]cellView
	WriteIns [][]cellView
	WriteIn  string
}

type cellView struct {
	Mark, Name string
	Empty      bool
}

var ballotTemplate = template.Must(template.New("ballot").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}} · {{.Round}}</title>
<style>
{{.CSS}}</style>
</head>
<body>
{{range .Sheets}}<section class="ballot">
{{if $.Rehearsal}}<div class="watermark" aria-hidden="true">{{$.RehearsalWord}}</div>
{{end}}<p class="sub">{{$.Sub}}</p>
<h1>{{$.Title}}</h1>
<p class="round">{{$.Round}}</p>
{{if .Label}}<p class="label">{{.Label}}</p>
{{end}}{{if .Spoiled}}<p class="scrawl">{{.Spoiled}}</p>
{{end}}<table class="ballot">
<colgroup>{{template "cols" $}}</colgroup>
<thead><tr><td class="notes" colspan="{{$.Cols}}"><b>{{$.NotesWord}}</b>{{range $i, $n := $.Notes}}<span class="note">{{$n}}</span>{{end}}</td></tr></thead>
{{range .Parts}}<tbody>
<tr class="part"><th colspan="{{$.Cols}}">{{.Head}}</th></tr>
{{range .Rows}}<tr class="cands">{{range .}}{{if .Empty}}<td class="empty" colspan="2"></td>{{else}}<td class="mark"><span class="box">{{.Mark}}</span></td><td class="name">{{.Name}}</td>{{end}}{{end}}</tr>
{{end}}{{if .WriteIns}}<tr class="part writein"><th colspan="{{$.Cols}}">{{.WriteIn}}</th></tr>
{{range .WriteIns}}<tr class="writeins">{{range .}}{{if .Empty}}<td class="empty" colspan="2"></td>{{else}}<td class="write" colspan="2">{{.Name}}</td>{{end}}{{end}}</tr>
{{end}}{{end}}</tbody>
{{end}}</table>
</section>
{{end}}</body>
</html>
{{define "cols"}}{{range $i := .Pairs}}<col style="width: {{$.BoxMM}}"><col style="width: {{$.NameMM}}">{{end}}{{end}}`))

// Pairs is one element per candidate in a row (for the template).
func (v ballotView) Pairs() []int { return make([]int, v.Cols/2) }

// RenderBallot writes a round's ballot as one print-ready HTML file: the
// blank ballot, or with fills one filled ballot per page (the test deck).
// Every page repeats the notes (a ballot of 200 candidates runs over
// several pages) and, in its margins, the election and round, the page
// number and how many ballots to print; a rehearsal's every page says 演练.
func RenderBallot(b Ballot, fills []Filled) ([]byte, error) {
	w := termsFor(b.Lang)
	ps, ok := paperSizes[b.Size]
	if !ok {
		ps = paperSizes["a4"]
	}
	cols := columns(b, ps)
	lang := "zh-CN"
	if w.en {
		lang = "en"
	}
	nameMM := ps.width/float64(cols) - 9
	v := ballotView{Lang: lang, Title: w.title(b.Body), Sub: b.Congress, Round: w.roundLine(b.Round, b.Kind, b.Revote),
		NotesWord: w.notes, Rehearsal: b.Rehearsal, RehearsalWord: w.rehearsalWatermark, Notes: w.instructions(b),
		Cols: 2 * cols, BoxMM: "9mm", NameMM: fmt.Sprintf("%.1fmm", nameMM)}
	page := printout.Page{Size: ps.css, Margin: ps.margin, Boxes: []printout.Box{
		{Where: "top-center", Content: printout.CSSString(v.Title + " · " + v.Round), Style: "font-size: 7pt; vertical-align: bottom; padding-bottom: 2mm;"},
		{Where: "bottom-left", Content: printout.CSSString(w.copies(b.Copies)), Style: "font-size: 7pt; vertical-align: top; padding-top: 2mm;"},
		{Where: "bottom-right", Content: printout.PageOf(b.Lang), Style: "font-size: 8pt; vertical-align: top; padding-top: 2mm; white-space: nowrap;"},
	}}
	if b.Rehearsal {
		page.Boxes = append(page.Boxes, printout.Box{Where: "top-left", Content: printout.CSSString(w.rehearsal),
			Style: "font-size: 9pt; font-weight: bold; vertical-align: bottom; padding-bottom: 2mm; white-space: nowrap;"})
	}
	v.CSS = template.CSS(page.CSS() + printout.BaseCSS + fmt.Sprintf(":root { --name-size: %gpt; }\n", ps.pt) + ballotCSS)
	if len(fills) == 0 {
		fills = []Filled{{}}
	}
	for _, f := range fills {
		v.Sheets = append(v.Sheets, sheet(b, w, cols, f))
	}
	var out bytes.Buffer
	if err := ballotTemplate.Execute(&out, v); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// sheet lays out one ballot: per part its heading, its candidates row by
// row in ballot order (left to right, then down), its write-in spaces.
func sheet(b Ballot, w terms, cols int, f Filled) sheetView {
	s := sheetView{Label: f.Label, Spoiled: f.Spoiled}
	marks := map[election.Mark]string{election.Approve: "○", election.Disapprove: "×"}
	for _, p := range b.Parts {
		pv := partView{Head: w.partHead(p), WriteIn: w.writeIn}
		var cells []cellView
		for _, i := range p.Index {
			c := cellView{Name: b.Slate[i].Name}
			if i < len(f.Marks) {
				c.Mark = marks[f.Marks[i]]
			}
			cells = append(cells, c)
		}
		pv.Rows = rows(cells, cols)
		var written []string
		for _, wi := range f.WriteIns {
			if wi.Category == p.Category {
				written = append(written, wi.Name)
			}
		}
		var spaces []cellView
		for k := 0; k < max(p.WriteIns, len(written)); k++ {
			c := cellView{}
			if k < len(written) {
				c.Name = written[k]
			}
			spaces = append(spaces, c)
		}
		pv.WriteIns = rows(spaces, cols)
		s.Parts = append(s.Parts, pv)
	}
	return s
}

// rows cuts cells into rows of cols, the last filled with empty cells.
func rows(cells []cellView, cols int) [][]cellView {
	var out [][]cellView
	for len(cells) > 0 {
		n := min(cols, len(cells))
		row := append([]cellView(nil), cells[:n]...)
		for len(row) < cols {
			row = append(row, cellView{Empty: true})
		}
		out = append(out, row)
		cells = cells[n:]
	}
	return out
}
