package records

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"

	"podium/printout"
)

// printCSS is the print style of every document.
//
//go:embed print.css
var printCSS string

// pageRules are the margin boxes of every page: the digest at the bottom
// left, "第 X 页 共 Y 页" at the bottom right, and a draft's mark at the
// top (printout.Page). Chromium prints CSS margin boxes from version 131;
// the render test checks the printed pages.
func pageRules(w terms, digest string, draft, wide, rehearsal bool) string {
	p := printout.Page{Size: "A4", Margin: "18mm 15mm 20mm 15mm", Boxes: []printout.Box{
		{Where: "bottom-left", Content: printout.CSSString(digest), Style: "font-size: 6.5pt; color: #333; vertical-align: top; padding-top: 3mm;"},
		{Where: "bottom-right", Content: w.pageOf, Style: "font-size: 9pt; vertical-align: top; padding-top: 3mm; white-space: nowrap;"},
	}}
	if wide {
		p.Size = "A4 landscape"
	}
	if draft {
		p.Boxes = append(p.Boxes, printout.Box{Where: "top-center", Content: printout.CSSString(w.draftMark),
			Style: "font-size: 9pt; font-weight: bold; vertical-align: bottom; padding-bottom: 3mm;"})
	}
	if rehearsal {
		p.Boxes = append(p.Boxes, printout.Box{Where: "top-left", Content: printout.CSSString(w.rehearsalMark),
			Style: "font-size: 8pt; font-weight: bold; vertical-align: bottom; padding-bottom: 3mm; white-space: nowrap;"})
	}
	return p.CSS()
}

// The view of a document for the template.
type htmlDoc struct {
	Lang, Title, Sub string
	CSS              template.CSS
	Draft            bool
	DraftWord        string
	Wide             bool
	Blocks           []htmlBlock
}

type htmlBlock struct {
	Kind   string // h, p, line, fields, table, signs
	Level  int
	Lines  []template.HTML
	Keep   bool // kept on the page of what comes before (break-before: avoid)
	Fields []htmlField
	Head   []htmlCell
	Body   []htmlRow
	Tail   []htmlRow // the last rows, kept with the signatures after them
	Form   bool
	// KeepWhole keeps a short table whole with the signatures after it.
	KeepWhole bool
	Widths    []int // the columns' widths in percent, nil for automatic
	Signs     []signer
	// SignWord and DateWord label a signer's lines ("签名：", "日期：").
	SignWord, DateWord string
}

type htmlField struct {
	Label string
	Lines []template.HTML
}

type htmlRow struct {
	Cells  []htmlCell
	Struck bool
}

type htmlCell struct {
	Lines []template.HTML
	Class string
}

var htmlTemplate = template.Must(template.New("doc").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}} · {{.Sub}}</title>
<style>
{{.CSS}}</style>
</head>
<body{{if .Wide}} class="wide"{{end}}>
{{if .Draft}}<div class="watermark" aria-hidden="true">{{.DraftWord}}</div>
{{end}}<p class="sub">{{.Sub}}</p>
<h1>{{.Title}}</h1>
{{range .Blocks}}{{template "block" .}}{{end}}</body>
</html>
{{define "lines"}}{{range $i, $l := .}}{{if $i}}<br>{{end}}{{$l}}{{end}}{{end}}
{{define "row"}}<tr{{if .Struck}} class="struck"{{end}}>{{range .Cells}}<td{{if .Class}} class="{{.Class}}"{{end}}>{{template "lines" .Lines}}</td>{{end}}</tr>
{{end}}
{{define "block"}}{{if eq .Kind "h"}}{{if eq .Level 2}}<h2>{{template "lines" .Lines}}</h2>
{{else if eq .Level 3}}<h3>{{template "lines" .Lines}}</h3>
{{else}}<h4>{{template "lines" .Lines}}</h4>
{{end}}{{else if eq .Kind "p"}}<p{{if .Keep}} class="keep"{{end}}>{{template "lines" .Lines}}</p>
{{else if eq .Kind "line"}}<p class="line{{if .Keep}} keep{{end}}">{{range .Fields}}<span><b>{{.Label}}</b>{{template "lines" .Lines}}</span> {{end}}</p>
{{else if eq .Kind "fields"}}<table class="fields">
{{range .Fields}}<tr><th>{{.Label}}</th><td>{{template "lines" .Lines}}</td></tr>
{{end}}</table>
{{else if eq .Kind "table"}}<table class="{{if .Form}}form {{end}}{{if .Widths}}fixed{{end}}">
{{if .Widths}}<colgroup>{{range .Widths}}<col style="width: {{.}}%">{{end}}</colgroup>
{{end}}<thead><tr>{{range .Head}}<th{{if .Class}} class="{{.Class}}"{{end}}>{{template "lines" .Lines}}</th>{{end}}</tr></thead>
{{if .Body}}<tbody>
{{range .Body}}{{template "row" .}}{{end}}</tbody>
{{end}}{{if .Tail}}<tbody class="tail">
{{range .Tail}}{{template "row" .}}{{end}}</tbody>
{{end}}</table>
{{else if eq .Kind "signs"}}<div class="signs keep">
{{$b := .}}{{range .Signs}}<div class="signer"><span class="role">{{.Role}}</span><span class="who">{{.Name}}</span><span class="at"><span>{{$b.SignWord}}</span><span class="line"></span></span><span class="at"><span>{{$b.DateWord}}</span><span class="line"></span></span></div>
{{end}}</div>
{{end}}{{end}}`))

// tailRows is how many last rows of a table stay on the page of the
// signatures that certify it.
const tailRows = 3

// renderHTML writes each document as one print-ready HTML file: A4 (the
// registers landscape), page numbers and the digest on every page, a draft
// mark and watermark on every page of a draft, signature blocks kept on
// the page of the last rows they certify, headings kept with what follows.
// html/template escapes every recorded text.
func renderHTML(r *Record, docs []document) ([]file, error) {
	w := termsFor(r.Lang)
	digest := fmt.Sprintf(w.digest, r.Digest.Events, r.Digest.HeadHex())
	lang := "zh-CN"
	if r.Lang == "en" {
		lang = "en"
	}
	nm := namesOf(r)
	var out []file
	for _, d := range docs {
		v := htmlDoc{Lang: lang, Title: d.Title, Sub: d.Sub, Draft: !r.Final() || r.Rehearsal, DraftWord: w.pick("草稿", "DRAFT"),
			Wide: d.Wide,
			CSS:  template.CSS(pageRules(w, digest, !r.Final(), d.Wide, r.Rehearsal) + printout.BaseCSS + printCSS)}
		if r.Rehearsal {
			v.DraftWord = w.pick("演练", "REHEARSAL")
		}
		v.Blocks = htmlBlocks(d, w, nm)
		var b bytes.Buffer
		if err := htmlTemplate.Execute(&b, v); err != nil {
			return nil, err
		}
		out = append(out, file{d.File + ".html", b.Bytes()})
	}
	return out, nil
}

func htmlBlocks(d document, w terms, nm names) []htmlBlock {
	lines := nm.lines
	out := make([]htmlBlock, 0, len(d.Blocks))
	for _, bl := range d.Blocks {
		var h htmlBlock
		switch bl.Kind {
		case bHeading:
			h = htmlBlock{Kind: "h", Level: bl.Level, Lines: lines(bl.Text)}
		case bText:
			h = htmlBlock{Kind: "p", Lines: lines(bl.Text)}
		case bFields:
			h = htmlBlock{Kind: "fields"}
			if bl.Inline {
				h.Kind = "line"
			}
			for _, f := range bl.Fields {
				label := f.Label
				if bl.Inline {
					label += w.colon()
				}
				h.Fields = append(h.Fields, htmlField{label, lines(f.Value.Text)})
			}
		case bTable:
			h = htmlBlock{Kind: "table", Form: bl.Sign > 0, KeepWhole: bl.KeepWhole, Widths: bl.Widths}
			for i, c := range bl.Head {
				h.Head = append(h.Head, htmlCell{Lines: lines(c), Class: colClass(bl, i, cell{})})
			}
			for j, r := range bl.Rows {
				hr := htmlRow{Struck: bl.Struck[j]}
				for i, c := range r {
					hr.Cells = append(hr.Cells, htmlCell{Lines: lines(c.Text), Class: colClass(bl, i, c)})
				}
				h.Body = append(h.Body, hr)
			}
		case bSigns:
			h = htmlBlock{Kind: "signs", Signs: bl.Signs, Keep: true, SignWord: w.signature + w.colon(), DateWord: w.date + w.colon()}
			keepTail(out)
		}
		out = append(out, h)
	}
	return out
}

// keepTail keeps the blocks before a signature block with it: the short
// paragraphs and lines between it and the last table, and that table's
// last rows.
func keepTail(out []htmlBlock) {
	for i := len(out) - 1; i >= 0; i-- {
		switch out[i].Kind {
		case "p", "line":
			out[i].Keep = true
			continue
		case "table":
			t := &out[i]
			n := min(tailRows, len(t.Body))
			if t.KeepWhole {
				n = len(t.Body)
			}
			t.Tail, t.Body = t.Body[len(t.Body)-n:], t.Body[:len(t.Body)-n]
		}
		return
	}
}

func colClass(bl block, i int, c cell) string {
	switch {
	case bl.Num[i]:
		return "num"
	case bl.Sign == i+1:
		return "signcol"
	case bl.NoWrap[i]:
		return "nowrap"
	case !c.At.IsZero():
		return "time"
	}
	return ""
}
