package paper

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"

	"podium/model"
	"podium/printout"
)

// credentialsCSS is the style of the credentials and the desk lists.
//
//go:embed credentials.css
var credentialsCSS string

// Card is one delegate's credential (代表证).
type Card struct {
	Person model.Person
	// Bar and QR are the id's Code 128 barcode and QR code (PNG); Bar is
	// nil when the id cannot be a Code 128 barcode (beyond ASCII).
	Bar, QR []byte
}

// Credentials are a congress's credentials and desk lists.
type Credentials struct {
	Lang      string
	Congress  string
	Rehearsal bool
	Cards     []Card // in roster order
}

// CredentialsFor makes the credentials of every person on the roster.
func CredentialsFor(setup model.Setup, lang string) (Credentials, error) {
	c := Credentials{Lang: lang, Congress: setup.Meeting.Name, Rehearsal: setup.Rehearsal}
	if lang == "en" && setup.Meeting.NameEn != "" {
		c.Congress = setup.Meeting.NameEn
	}
	for _, p := range setup.Roster {
		card := Card{Person: p}
		var err error
		if card.Bar, err = Code128(p.ID, 60); err != nil {
			card.Bar = nil
		}
		if card.QR, err = QR(p.ID); err != nil {
			return Credentials{}, fmt.Errorf("%s: the QR code of the id: %w", p.ID, err)
		}
		c.Cards = append(c.Cards, card)
	}
	return c, nil
}

// cardsPerSheet is how many cards an A4 sheet holds: two across, four
// down, 90 × 65 mm each.
const cardsPerSheet = 8

type credView struct {
	Lang, Title, Congress, Word, RehearsalWord string
	CSS                                        template.CSS
	Rehearsal                                  bool
	Sheets                                     [][]cardView
	Cuts                                       []cutView
}

type cardView struct {
	Kind, KindWord, Name, Unit, ID, IDLabel, NoBar string
	Bar, QR                                        template.URL
	Left, Top                                      string
}

type cutView struct{ Style template.CSS }

var credTemplate = template.Must(template.New("cards").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>
{{.CSS}}</style>
</head>
<body>
{{range .Sheets}}<section class="sheet">
{{range $.Cuts}}<i class="cut" style="{{.Style}}"></i>{{end}}
{{range .}}<div class="card {{.Kind}}" style="left: {{.Left}}; top: {{.Top}};">
<div class="band">{{.KindWord}}</div>
<p class="congress">{{$.Congress}}</p>
<p class="word">{{$.Word}}</p>
<p class="name">{{.Name}}</p>
<p class="unit">{{.Unit}}</p>
<p class="id">{{.IDLabel}}{{.ID}}</p>
{{if .Bar}}<img class="bar" src="{{.Bar}}" alt="{{.ID}}">{{else}}<p class="nobar">{{.NoBar}}</p>{{end}}
<img class="qr" src="{{.QR}}" alt="{{.ID}}">
{{if $.Rehearsal}}<p class="rehearsal">{{$.RehearsalWord}}</p>{{end}}
</div>
{{end}}</section>
{{end}}</body>
</html>
`))

// cutMarks are the crop marks of a sheet: short lines in the margin
// continuing each cut line of the card grid, none over a card.
func cutMarks() []cutView {
	var out []cutView
	for col := 0; col <= 2; col++ {
		x := 15 + 90*col
		out = append(out,
			cutView{template.CSS(fmt.Sprintf("left: %dmm; top: 8mm; width: 0; height: 8mm; border-left: 0.3pt solid #000;", x))},
			cutView{template.CSS(fmt.Sprintf("left: %dmm; top: 281mm; width: 0; height: 8mm; border-left: 0.3pt solid #000;", x))})
	}
	for row := 0; row <= 4; row++ {
		y := 18.5 + 65*float64(row)
		out = append(out,
			cutView{template.CSS(fmt.Sprintf("left: 5mm; top: %.1fmm; width: 8mm; height: 0; border-top: 0.3pt solid #000;", y))},
			cutView{template.CSS(fmt.Sprintf("left: 197mm; top: %.1fmm; width: 8mm; height: 0; border-top: 0.3pt solid #000;", y))})
	}
	return out
}

// RenderCards writes the credentials as one HTML file: eight cards to an
// A4 sheet, two across and four down, with crop marks. Each card shows
// the kind by its colour and its word (正式代表 red, 列席代表 blue, 特邀代表
// green), the congress, the name, the unit, the id, and the id's Code 128
// barcode and QR code.
func RenderCards(c Credentials) ([]byte, error) {
	w := termsFor(c.Lang)
	v := credView{Lang: htmlLang(c.Lang), Title: c.Congress + " · " + w.credential, Congress: c.Congress, Word: w.credential,
		Rehearsal: c.Rehearsal, RehearsalWord: w.rehearsalWatermark, Cuts: cutMarks()}
	v.CSS = template.CSS(printout.Page{Size: "A4", Margin: "0"}.CSS() + printout.BaseCSS + credentialsCSS)
	var sheet []cardView
	for i, card := range c.Cards {
		p := card.Person
		k := i % cardsPerSheet
		sheet = append(sheet, cardView{Kind: p.Kind.String(), KindWord: w.kind(p.Kind), Name: p.Name, Unit: p.Unit, ID: p.ID,
			IDLabel: w.idLabel, NoBar: w.noBar, Bar: dataURL(card.Bar), QR: dataURL(card.QR),
			Left: fmt.Sprintf("%dmm", 15+90*(k%2)), Top: fmt.Sprintf("%.1fmm", 18.5+65*float64(k/2))})
		if len(sheet) == cardsPerSheet || i == len(c.Cards)-1 {
			v.Sheets = append(v.Sheets, sheet)
			sheet = nil
		}
	}
	var out bytes.Buffer
	if err := credTemplate.Execute(&out, v); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

type deskView struct {
	Lang, Title, Congress, Note, RehearsalWord string
	Head                                       []string
	CSS                                        template.CSS
	Rehearsal                                  bool
	Units                                      []deskUnit
}

type deskUnit struct {
	Unit string
	Rows []cardView
}

var deskTemplate = template.Must(template.New("desk").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>
{{.CSS}}</style>
</head>
<body>
{{range .Units}}<section class="desk">
{{if $.Rehearsal}}<p class="rehearsal-line">{{$.RehearsalWord}}</p>
{{end}}<p class="sub">{{$.Congress}}</p>
<h1>{{$.Title}}</h1>
<h2>{{.Unit}}</h2>
<p class="note">{{$.Note}}</p>
<table class="desk">
<colgroup><col style="width: 10mm"><col><col style="width: 24mm"><col style="width: 22mm"><col style="width: 58mm"></colgroup>
<thead><tr>{{range $.Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range $i, $r := .Rows}}<tr><td class="num">{{$r.Left}}</td><td class="name">{{$r.Name}}</td><td>{{$r.KindWord}}</td><td class="id">{{$r.ID}}</td><td class="code">{{if $r.Bar}}<img class="bar" src="{{$r.Bar}}" alt="{{$r.ID}}">{{else}}{{$r.NoBar}}{{end}}</td></tr>
{{end}}</tbody>
</table>
</section>
{{end}}</body>
</html>
`))

// RenderDeskLists writes the desk lists (签到处备用条码表): one page per
// unit, in the roster's order of units, listing its people with the Code
// 128 barcode of each id, for a delegate who forgot the credential: the
// desk scans the list instead.
func RenderDeskLists(c Credentials) ([]byte, error) {
	w := termsFor(c.Lang)
	v := deskView{Lang: htmlLang(c.Lang), Title: w.deskList, Congress: c.Congress, Note: w.deskNote, Head: w.deskHead,
		Rehearsal: c.Rehearsal, RehearsalWord: w.rehearsal}
	page := printout.Page{Size: "A4", Margin: "14mm 15mm 16mm 15mm", Boxes: []printout.Box{
		{Where: "bottom-right", Content: printout.PageOf(c.Lang), Style: "font-size: 8pt; vertical-align: top; padding-top: 2mm; white-space: nowrap;"},
	}}
	v.CSS = template.CSS(page.CSS() + printout.BaseCSS + credentialsCSS)
	at := map[string]int{}
	for _, card := range c.Cards {
		p := card.Person
		i, ok := at[p.Unit]
		if !ok {
			i = len(v.Units)
			at[p.Unit] = i
			v.Units = append(v.Units, deskUnit{Unit: p.Unit})
		}
		u := &v.Units[i]
		u.Rows = append(u.Rows, cardView{Left: fmt.Sprint(len(u.Rows) + 1), Name: p.Name, KindWord: w.kind(p.Kind), ID: p.ID,
			Bar: dataURL(card.Bar), NoBar: w.noBar})
	}
	var out bytes.Buffer
	if err := deskTemplate.Execute(&out, v); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func htmlLang(lang string) string {
	if lang == "en" {
		return "en"
	}
	return "zh-CN"
}
