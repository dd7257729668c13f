package records

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func openXLSX(t *testing.T, r *Record) *excelize.File {
	t.Helper()
	files, err := Write(r, "xlsx", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// findRow returns the row (1-based) whose first cells are first.
func findRow(t *testing.T, f *excelize.File, sheet string, first ...string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) >= len(first) && slices.Equal(r[:len(first)], first) {
			return i + 1
		}
	}
	t.Fatalf("%s: no row starting %q", sheet, first)
	return 0
}

// TestXLSX reads the workbook back: a sheet per form and table, figures
// stored as numbers, times as dates, and every sheet set up to print —
// A4, one page wide, the title rows merged, repeated and frozen, the
// digest and page numbers in the footer.
func TestXLSX(t *testing.T) {
	r := small(t, "zh", -1)
	f := openXLSX(t, r)
	want := []string{"大会议程", "会议记录", "代表签到表", "代表资格审查报告", "监票人、计票人名单", "计票单 1", "计票单 2",
		"选举结果报告单", "提案和意见建议", "质询登记表", "发言登记表", "改革自评表"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	// 刘洋's approvals on the tally sheet: a number, not the text "8".
	row := findRow(t, f, "计票单 1", "1", "刘洋")
	for col, want := range map[string]string{"D": "8", "E": "1", "F": "0"} {
		cell := fmt.Sprintf("%s%d", col, row)
		typ, err := f.GetCellType("计票单 1", cell)
		if err != nil {
			t.Fatal(err)
		}
		if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("计票单 1 %s is stored as type %d, not a number", cell, typ)
		}
		if v, _ := f.GetCellValue("计票单 1", cell, excelize.Options{RawCellValue: true}); v != want {
			t.Errorf("计票单 1 %s = %q, want %s", cell, v, want)
		}
	}
	// D01's arrival on the sign-in sheet: a date-time, shown as the clock
	// time on the congress's day.
	row = findRow(t, f, "代表签到表", "1", "D01", "张伟")
	cell := fmt.Sprintf("E%d", row)
	raw, _ := f.GetCellValue("代表签到表", cell, excelize.Options{RawCellValue: true})
	if !strings.HasPrefix(raw, "46356.37") { // 2026-11-30 09:01
		t.Errorf("代表签到表 %s holds %q, not the serial date of 2026-11-30 09:01", cell, raw)
	}
	if v, _ := f.GetCellValue("代表签到表", cell); v != "09:01" {
		t.Errorf("代表签到表 %s shows %q", cell, v)
	}
	titles := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo
		}
	}
	digest := r.Digest.HeadHex()
	for _, sheet := range want {
		lay, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if lay.Size == nil || *lay.Size != 9 || lay.FitToWidth == nil || *lay.FitToWidth != 1 || lay.FitToHeight == nil || *lay.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v, want A4 (9), one page wide", sheet, lay)
		}
		props, _ := f.GetSheetProps(sheet)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit to page is off", sheet)
		}
		panes, _ := f.GetPanes(sheet)
		if !panes.Freeze || panes.YSplit < 2 {
			t.Errorf("%s: panes %+v, want the title rows frozen", sheet, panes)
		}
		if !strings.HasSuffix(titles[sheet], fmt.Sprintf("!$1:$%d", panes.YSplit)) {
			t.Errorf("%s: print titles %q, want the frozen rows 1..%d", sheet, titles[sheet], panes.YSplit)
		}
		hf, _ := f.GetHeaderFooter(sheet)
		if hf == nil || !strings.Contains(hf.OddFooter, digest) || !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "&N") {
			t.Errorf("%s: footer %+v, want the digest and 第 &P 页 共 &N 页", sheet, hf)
		}
		merged, _ := f.GetMergeCells(sheet)
		if len(merged) == 0 || merged[0].GetStartAxis() != "A1" {
			t.Errorf("%s: the title row is not merged", sheet)
		}
	}
	// The sign-in sheet has one table per unit: its title rows are
	// repeated; a register, one table: its header too.
	if p, _ := f.GetPanes("质询登记表"); p.YSplit != 4 {
		t.Errorf("质询登记表 frozen at row %d, want its header (row 4)", p.YSplit)
	}
	props, _ := f.GetDocProps()
	if props.Created != "2026-11-30T00:00:00Z" || props.Modified != props.Created || props.Identifier != digest || props.Category != "final" {
		t.Errorf("workbook properties %+v", props)
	}
	if w, _ := f.GetColWidth("代表签到表", "C"); w < 16 { // 阿依古丽·买买提: 15 cells wide
		t.Errorf("代表签到表 column C is %v wide, want the widest name in display cells", w)
	}
}

// TestXLSXDraft marks a draft's title and page header.
func TestXLSXDraft(t *testing.T) {
	f := openXLSX(t, small(t, "zh", 0))
	if v, _ := f.GetCellValue("会议记录", "A1"); v != "会议记录（草稿）" {
		t.Errorf("A1 %q", v)
	}
	if hf, _ := f.GetHeaderFooter("会议记录"); hf == nil || !strings.Contains(hf.OddHeader, "草稿") {
		t.Errorf("header %+v", hf)
	}
}
