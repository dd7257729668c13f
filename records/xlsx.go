package records

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/xuri/excelize/v2"
)

// xlsxFont is the workbook's font: one that has the Chinese glyphs on
// Windows, and that Excel on other systems substitutes with its own CJK
// font.
const xlsxFont = "Microsoft YaHei"

// renderXLSX writes one workbook with a sheet per document. Excel writes
// the time of saving into a workbook's properties: they are set to the
// congress's opening instead (the first event), so the same record always
// gives the same bytes.
func renderXLSX(r *Record, docs []document) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDefaultFont(xlsxFont); err != nil {
		return nil, err
	}
	stamp := r.Congress.Opened.Time().UTC().Format("2006-01-02T15:04:05Z")
	if r.Congress.Opened.IsZero() {
		stamp = "2000-01-01T00:00:00Z"
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: r.Congress.Name, Subject: docs[0].Footer, Creator: "podium", LastModifiedBy: "podium",
		Created: stamp, Modified: stamp, Language: map[bool]string{true: "zh-CN", false: "en"}[r.Lang == "zh"],
		Identifier: r.Digest.HeadHex(), Revision: itoa(r.Digest.Events),
	}); err != nil {
		return nil, err
	}
	styles, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	for i, d := range docs {
		sheet := sheetName(d.Sheet)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(sheet); err != nil {
			return nil, err
		}
		if err := writeSheet(f, sheet, d, styles); err != nil {
			return nil, err
		}
	}
	f.SetActiveSheet(0)
	b, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

type xlsxStyles struct{ title, heading, label, para, head, cell, num, footer int }

func newStyles(f *excelize.File) (s xlsxStyles, err error) {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: xlsxFont, Size: size, Bold: bold}
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	for _, x := range []struct {
		id *int
		st excelize.Style
	}{
		{&s.title, excelize.Style{Font: font(14, true)}},
		{&s.heading, excelize.Style{Font: font(11, true)}},
		{&s.label, excelize.Style{Font: font(10, true), Alignment: top}},
		{&s.para, excelize.Style{Font: font(10, false)}},
		{&s.head, excelize.Style{Font: font(10, true), Border: border, Alignment: top,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EEEEEE"}}}},
		{&s.cell, excelize.Style{Font: font(10, false), Border: border, Alignment: top}},
		{&s.num, excelize.Style{Font: font(10, false), Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}}},
		{&s.footer, excelize.Style{Font: &excelize.Font{Family: xlsxFont, Size: 8, Color: "555555"}}},
	} {
		if *x.id, err = f.NewStyle(&x.st); err != nil {
			return s, err
		}
	}
	return s, nil
}

// sheetName keeps a worksheet name within Excel's rules: at most 31
// characters, none of : \ / ? * [ ].
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '_'
		}
		return r
	}, s)
	if rs := []rune(s); len(rs) > 31 {
		s = string(rs[:31])
	}
	return s
}

// writeSheet lays a document out down column A: title, blocks, digest.
// Every cell is a string, as recorded; widths follow the longest cell of
// each column in display cells (a Han character is two).
func writeSheet(f *excelize.File, sheet string, d document, st xlsxStyles) error {
	row := 1
	width := map[int]int{}
	put := func(col int, v string, style int) error {
		cell, err := excelize.CoordinatesToCellName(col, row)
		if err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, style)
	}
	measure := func(col int, v string) {
		n := 0
		for _, l := range strings.Split(v, "\n") {
			n = max(n, ansi.StringWidth(l))
		}
		width[col] = max(width[col], n)
	}
	line := func(cells []string, style func(int) int, fit bool) error {
		for i, c := range cells {
			if err := put(i+1, c, style(i)); err != nil {
				return err
			}
			if fit {
				measure(i+1, c)
			}
		}
		row++
		return nil
	}
	fixed := func(s int) func(int) int { return func(int) int { return s } }
	if err := line([]string{d.Sub}, fixed(st.heading), false); err != nil {
		return err
	}
	if err := line([]string{d.Title}, fixed(st.title), false); err != nil {
		return err
	}
	row++
	for _, b := range d.Blocks {
		var err error
		switch b.Kind {
		case bHeading:
			err = line([]string{b.Text}, fixed(st.heading), false)
		case bText:
			err = line([]string{b.Text}, fixed(st.para), false)
		case bFields:
			for _, fl := range b.Fields {
				if err = line([]string{fl[0], fl[1]}, func(i int) int { return []int{st.label, st.cell}[i] }, true); err != nil {
					break
				}
			}
		case bTable:
			if err = line(b.Head, fixed(st.head), true); err != nil {
				break
			}
			for _, r := range b.Rows {
				if err = line(r, func(i int) int {
					if b.Num[i] {
						return st.num
					}
					return st.cell
				}, true); err != nil {
					break
				}
			}
		case bSigns:
			for _, s := range b.Signs {
				if err = line([]string{s[0], s[1], ""}, func(i int) int { return []int{st.label, st.cell, st.cell}[i] }, true); err != nil {
					break
				}
			}
		}
		if err != nil {
			return err
		}
		if b.Kind != bHeading {
			row++
		}
	}
	if err := line([]string{d.Footer}, fixed(st.footer), false); err != nil {
		return err
	}
	cols := 0
	for c := range width {
		cols = max(cols, c)
	}
	for col := 1; col <= cols; col++ {
		name, err := excelize.ColumnNumberToName(col)
		if err != nil {
			return err
		}
		w := float64(min(max(width[col], 6), 60)) + 2
		if err := f.SetColWidth(sheet, name, name, w); err != nil {
			return err
		}
	}
	return nil
}
