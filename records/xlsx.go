package records

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/xuri/excelize/v2"
)

// xlsxFont is the workbook's font: one that has the Chinese glyphs on
// Windows, and that Excel on other systems substitutes with its own CJK
// font.
const xlsxFont = "Microsoft YaHei"

// renderXLSX writes one workbook with a sheet per document that is a form
// or a table (the texts to read — script, method, resolutions — are in the
// other formats). Each sheet prints: A4 (the registers landscape), fitted
// to one page wide, the title rows (and a sheet's one table's header)
// repeated on every page and frozen on screen, the digest and "第 X 页 共
// Y 页" in the page footer, a draft's mark in the page header. Figures
// are numbers, times are dates. Excel writes the time of saving into a
// workbook's properties: they are set to the record's first event
// instead, so the same record always gives the same bytes.
func renderXLSX(r *Record, docs []document) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDefaultFont(xlsxFont); err != nil {
		return nil, err
	}
	w := termsFor(r.Lang)
	digest := fmt.Sprintf(w.digest, r.Digest.Events, r.Digest.HeadHex())
	stamp := r.Congress.Created.Time().UTC().Format("2006-01-02T15:04:05Z")
	if r.Congress.Created.IsZero() {
		stamp = "2000-01-01T00:00:00Z"
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: r.Congress.Name, Subject: digest, Creator: "podium", LastModifiedBy: "podium",
		Created: stamp, Modified: stamp, Language: map[bool]string{true: "zh-CN", false: "en"}[r.Lang == "zh"],
		Identifier: r.Digest.HeadHex(), Revision: itoa(r.Digest.Events), Category: r.Status,
	}); err != nil {
		return nil, err
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	first := true
	for _, d := range docs {
		if d.Sheet == "" {
			continue
		}
		sheet := sheetName(d.Sheet)
		if first {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				return nil, err
			}
			first = false
		} else if _, err := f.NewSheet(sheet); err != nil {
			return nil, err
		}
		x := sheetWriter{f: f, sheet: sheet, st: st, w: w, width: map[int]int{}, rehearsal: r.Rehearsal}
		if err := x.write(r, d, digest); err != nil {
			return nil, fmt.Errorf("records: sheet %s: %w", sheet, err)
		}
	}
	f.SetActiveSheet(0)
	b, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

type xlsxStyles struct{ title, sub, heading, label, para, head, cell, num, time, clock, struck, sign int }

func newStyles(f *excelize.File) (s xlsxStyles, err error) {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: xlsxFont, Size: size, Bold: bold}
	}
	wrap := &excelize.Alignment{Vertical: "top", WrapText: true}
	timeFmt, clockFmt := "yyyy-mm-dd hh:mm", "hh:mm"
	for _, x := range []struct {
		id *int
		st excelize.Style
	}{
		{&s.title, excelize.Style{Font: font(14, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.sub, excelize.Style{Font: font(10, false), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.heading, excelize.Style{Font: font(11, true), Alignment: &excelize.Alignment{Vertical: "bottom"}}},
		{&s.label, excelize.Style{Font: font(10, true), Border: border, Alignment: wrap,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EEEEEE"}}}},
		{&s.para, excelize.Style{Font: font(10, false), Alignment: wrap}},
		{&s.head, excelize.Style{Font: font(10, true), Border: border, Alignment: wrap,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EEEEEE"}}}},
		{&s.cell, excelize.Style{Font: font(10, false), Border: border, Alignment: wrap}},
		{&s.num, excelize.Style{Font: font(10, false), Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}}},
		{&s.time, excelize.Style{Font: font(10, false), Border: border, CustomNumFmt: &timeFmt,
			Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}}},
		{&s.clock, excelize.Style{Font: font(10, false), Border: border, CustomNumFmt: &clockFmt,
			Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}}},
		{&s.struck, excelize.Style{Font: &excelize.Font{Family: xlsxFont, Size: 10, Strike: true}, Border: border, Alignment: wrap}},
		{&s.sign, excelize.Style{Font: font(10, false), Alignment: &excelize.Alignment{Vertical: "bottom"},
			Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}}},
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

// sheetWriter lays one document out on a sheet.
type sheetWriter struct {
	f     *excelize.File
	sheet string
	st    xlsxStyles
	w     terms
	row   int
	cols  int
	width map[int]int // display cells per column
	// heights are the lines of each row (paragraphs and wrapped cells).
	heights map[int]int
	paras   map[int]para // rows of merged text: measured once the widths are known
	// rehearsal marks a rehearsal's workbook in every page header.
	rehearsal bool
}

func (x *sheetWriter) cellName(col int) string {
	c, _ := excelize.CoordinatesToCellName(col, x.row)
	return c
}

// para is a text merged over the columns from From to the last.
type para struct {
	Text string
	From int
}

// put writes one cell: a number, a time (as a date-time), or text.
func (x *sheetWriter) put(col int, c cell, style int) error {
	name := x.cellName(col)
	var err error
	switch {
	case c.IsNum:
		err = x.f.SetCellInt(x.sheet, name, int64(c.N))
		style = x.st.num
	case !c.At.IsZero():
		t := c.At.Time().In(CST)
		err = x.f.SetCellValue(x.sheet, name, time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, time.UTC))
		style = x.st.time
		if c.Clock {
			style = x.st.clock
		}
	default:
		err = x.f.SetCellStr(x.sheet, name, c.Text)
	}
	if err != nil {
		return err
	}
	return x.f.SetCellStyle(x.sheet, name, name, style)
}

func (x *sheetWriter) measure(col int, s string, limit int) {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		n = max(n, ansi.StringWidth(l))
	}
	x.width[col] = max(x.width[col], min(n, limit))
}

// docCols is how many columns a document uses: its widest table, at least
// the four of a signature line.
func docCols(d document) int {
	n := 2
	for _, b := range d.Blocks {
		switch b.Kind {
		case bTable:
			n = max(n, len(b.Head))
		case bSigns:
			n = max(n, 4)
		}
	}
	return n
}

func (x *sheetWriter) write(r *Record, d document, digest string) error {
	x.cols, x.heights, x.paras = docCols(d), map[int]int{}, map[int]para{}
	title := d.Title
	if !r.Final() {
		title += x.w.paren(x.w.pick("草稿", "draft"))
	}
	x.row = 1
	if err := x.merged(title, x.st.title); err != nil {
		return err
	}
	if err := x.merged(d.Sub, x.st.sub); err != nil {
		return err
	}
	titleRows := 2
	tables := 0
	for _, b := range d.Blocks {
		if b.Kind == bTable {
			tables++
		}
	}
	x.row++
	for _, b := range d.Blocks {
		if err := x.block(b, &titleRows, tables == 1); err != nil {
			return err
		}
	}
	return x.finish(d, digest, !r.Final(), titleRows)
}

// merged writes a line of text across the sheet's columns.
func (x *sheetWriter) merged(s string, style int) error {
	if err := x.mergedFrom(1, s, style); err != nil {
		return err
	}
	x.row++
	return nil
}

// mergedFrom writes text in column from, merged to the last column of
// the row.
func (x *sheetWriter) mergedFrom(from int, s string, style int) error {
	a := x.cellName(from)
	end, _ := excelize.CoordinatesToCellName(x.cols, x.row)
	if err := x.f.SetCellStr(x.sheet, a, s); err != nil {
		return err
	}
	if err := x.f.MergeCell(x.sheet, a, end); err != nil {
		return err
	}
	if err := x.f.SetCellStyle(x.sheet, a, end, style); err != nil {
		return err
	}
	if style == x.st.para || from > 1 {
		x.paras[x.row] = para{s, from}
	}
	return nil
}

func (x *sheetWriter) block(b block, titleRows *int, oneTable bool) error {
	switch b.Kind {
	case bHeading:
		return x.merged(b.Text, x.st.heading)
	case bText:
		return x.merged(b.Text, x.st.para)
	case bFields:
		for _, fl := range b.Fields {
			if err := x.put(1, txt(fl.Label), x.st.label); err != nil {
				return err
			}
			x.measure(1, fl.Label, 12)
			// The value spans the rest of the row: a field never
			// widens the columns of the tables below it.
			if fl.Value.IsNum || !fl.Value.At.IsZero() {
				if err := x.put(2, fl.Value, x.st.cell); err != nil {
					return err
				}
			} else if err := x.mergedFrom(2, fl.Value.Text, x.st.cell); err != nil {
				return err
			}
			x.row++
		}
	case bTable:
		for i, h := range b.Head {
			if err := x.put(i+1, txt(h), x.st.head); err != nil {
				return err
			}
			x.measure(i+1, h, 10) // a long header wraps
		}
		if oneTable {
			*titleRows = x.row
		}
		x.row++
		// A column given a share of the page's width may take that
		// share of about 90 characters before it wraps.
		limit := func(i int) int {
			if i < len(b.Widths) {
				return max(18, b.Widths[i]*90/100)
			}
			return 18
		}
		for j, rw := range b.Rows {
			for i, c := range rw {
				style := x.st.cell
				if b.Struck[j] && i < len(rw)-2 {
					style = x.st.struck
				}
				if err := x.put(i+1, c, style); err != nil {
					return err
				}
				switch {
				case c.Clock:
					x.measure(i+1, "15:04", 8)
				case !c.At.IsZero():
					x.measure(i+1, "2006-01-02 15:04", 20)
				default:
					x.measure(i+1, c.Text, limit(i)) // a long text wraps
				}
			}
			if b.Sign > 0 {
				x.width[b.Sign] = max(x.width[b.Sign], 16)
			}
			x.row++
		}
	case bSigns:
		// One line per signer: role, printed name, then 签名： and 日期：
		// over a line to write on, at the widths the tables set.
		x.row++
		for _, s := range b.Signs {
			cells := []struct {
				s     string
				style int
			}{{s.Role, x.st.label}, {s.Name, x.st.para}, {x.w.signature + x.w.colon(), x.st.sign}, {x.w.date + x.w.colon(), x.st.sign}}
			for i, c := range cells {
				if err := x.put(i+1, txt(c.s), c.style); err != nil {
					return err
				}
				if i < 2 {
					x.measure(i+1, c.s, 16)
				}
			}
			x.row += 2
		}
		return nil
	}
	x.row++
	return nil
}

// finish sets the widths, the heights of wrapped rows, the frozen and
// repeated rows and the page: A4, one page wide, footer and header.
func (x *sheetWriter) finish(d document, digest string, draft bool, titleRows int) error {
	widths := make([]float64, x.cols+1)
	for col := 1; col <= x.cols; col++ {
		name, err := excelize.ColumnNumberToName(col)
		if err != nil {
			return err
		}
		widths[col] = float64(max(x.width[col], 4)) + 2
		if err := x.f.SetColWidth(x.sheet, name, name, widths[col]); err != nil {
			return err
		}
	}
	rows, err := x.f.GetRows(x.sheet)
	if err != nil {
		return err
	}
	for i, cells := range rows {
		n := 1
		if p, ok := x.paras[i+1]; ok {
			w := 0
			for c := p.From; c <= x.cols; c++ {
				w += int(widths[c])
			}
			n = linesIn(p.Text, w)
		} else if i+1 > 2 {
			for j, c := range cells {
				if j+1 <= x.cols && c != "" {
					n = max(n, linesIn(c, int(widths[j+1])))
				}
			}
		}
		if n > 1 {
			if err := x.f.SetRowHeight(x.sheet, i+1, float64(n)*14+2); err != nil {
				return err
			}
		}
	}
	if err := x.f.SetRowHeight(x.sheet, 1, 24); err != nil {
		return err
	}
	yes := true
	if err := x.f.SetPanes(x.sheet, &excelize.Panes{Freeze: true, YSplit: titleRows,
		TopLeftCell: fmt.Sprintf("A%d", titleRows+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", x.sheet, titleRows), Scope: x.sheet}); err != nil {
		return err
	}
	if err := x.f.SetSheetProps(x.sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	// Landscape when the columns are wider than a portrait page holds
	// at a readable size (about 100 characters at 10 pt).
	a4, one, any := 9, 1, 0
	orient := "portrait"
	total := 0.0
	for _, w := range widths {
		total += w
	}
	if d.Wide || total > 100 {
		orient = "landscape"
	}
	if err := x.f.SetPageLayout(x.sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient,
		FitToWidth: &one, FitToHeight: &any}); err != nil {
		return err
	}
	m := 0.6
	if err := x.f.SetPageMargins(x.sheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m}); err != nil {
		return err
	}
	hf := &excelize.HeaderFooterOptions{OddFooter: "&L&7" + hfText(digest) + "&R&9" + x.w.pick("第 &P 页　共 &N 页", "Page &P of &N")}
	if draft {
		hf.OddHeader = "&C&\"-,Bold\"" + hfText(x.w.draftMark)
	}
	if x.rehearsal {
		hf.OddHeader = "&L&\"-,Bold\"" + hfText(x.w.rehearsalMark) + hf.OddHeader
	}
	return x.f.SetHeaderFooter(x.sheet, hf)
}

// hfText escapes a text for a page header or footer, where & starts a
// code.
func hfText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// linesIn is how many lines s takes in a column of width display cells.
func linesIn(s string, width int) int {
	if width < 1 {
		width = 1
	}
	n := 0
	for _, l := range strings.Split(s, "\n") {
		n += max(1, (ansi.StringWidth(l)+width-1)/width)
	}
	return n
}
