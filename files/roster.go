package files

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"podium/model"
)

// The known columns of a roster, indexes into rosterColumns.
const (
	colID = iota
	colName
	colUnit
	colGender
	colEthnicity
	colBirthDate
	colKind
	colUnionCadre
	colLeagueCadre
	colHonoured
)

// rosterColumns lists, per column, the headers accepted for it (compared
// folded: case, width, spaces and hyphens ignored). The first two are the
// canonical Chinese and English headers.
var rosterColumns = []column{
	colID:          {names: []string{"编号", "id", "代表编号", "序号", "no", "no."}},
	colName:        {names: []string{"姓名", "name", "名字"}, required: true},
	colUnit:        {names: []string{"选举单位", "unit", "单位", "electoral_unit"}, required: true},
	colGender:      {names: []string{"性别", "gender", "sex"}},
	colEthnicity:   {names: []string{"民族", "ethnicity"}},
	colBirthDate:   {names: []string{"出生日期", "birth_date", "birthdate", "date_of_birth", "dob", "生日"}},
	colKind:        {names: []string{"代表类别", "kind", "类别", "代表类型"}, required: true},
	colUnionCadre:  {names: []string{"学生会骨干", "union_cadre"}},
	colLeagueCadre: {names: []string{"团干部", "league_cadre"}},
	colHonoured:    {names: []string{"受表彰", "honoured", "honored"}},
}

// ReadRoster reads a roster file, choosing the reader by the extension:
// .csv (also .txt and .tsv, tab- or comma-separated) with ReadRosterCSV, or
// .xlsx (also .xlsm) with ReadRosterXLSX. Any other extension, including
// the old binary .xls, is an error. Errors are *FileError.
func ReadRoster(path string) ([]model.Person, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".csv", ".txt", ".tsv", ".xlsx", ".xlsm":
	case ".xls", ".et", ".wps":
		return nil, &FileError{File: path, Reason: "is an old binary spreadsheet; save it as .xlsx or as CSV UTF-8 (逗号分隔)"}
	default:
		return nil, &FileError{File: path, Reason: "has an unknown extension; a roster is a .csv or .xlsx file"}
	}
	data, err := readFile(path, MaxTableSize)
	if err != nil {
		return nil, err
	}
	if ext == ".xlsx" || ext == ".xlsm" {
		return parseRosterXLSX(path, data)
	}
	return parseRosterCSV(path, data)
}

// ReadRosterCSV reads a roster (代表名册) in CSV from r; name is the file
// name used in error messages. The rules, shared with ReadRosterXLSX, are
// what a careful secretary expects:
//
//   - The first row holds the headers, in Chinese or English, in any order,
//     with surrounding spaces ignored; see rosterColumns. An unknown or a
//     repeated header is an error, never silently ignored. 姓名/name,
//     选举单位/unit and 代表类别/kind are required.
//   - Optional columns, when present, must parse in every row; an empty cell
//     means "no" for yes/no columns and "not known" for gender, ethnicity
//     and birth date (guests rarely give a birth date).
//   - Blank rows anywhere are skipped: they carry no data, and hand-kept
//     rosters often leave one between two units. Row numbers in messages
//     still count them, as the spreadsheet does.
//   - A non-empty cell beyond the last header, or under an empty header, is
//     an error; empty ones are invisible in a spreadsheet and are ignored.
//   - Ids come from the 编号/序号/id column (each non-empty and unique, case
//     ignored), or are assigned D0001, D0002 … in row order. Without ids, two
//     rows identical in every cell are an error (a row pasted twice); two
//     people may otherwise share a name.
//   - Names: spaces between Chinese characters are dropped (张 三 → 张三) and
//     the look-alikes of the middle dot (•・．‧, or "." between Chinese
//     characters) become "·".
//   - CSV is UTF-8 with or without a byte-order mark; a file that is not
//     UTF-8 is read as GB18030/GBK, which is what Excel on a Chinese
//     Windows writes for "CSV (逗号分隔)". A tab-separated file is accepted.
//   - On any error nothing is returned: never a half-imported roster.
func ReadRosterCSV(name string, r io.Reader) ([]model.Person, error) {
	data, err := readAll(name, r, MaxTableSize)
	if err != nil {
		return nil, err
	}
	return parseRosterCSV(name, data)
}

func parseRosterCSV(name string, data []byte) ([]model.Person, error) {
	t, err := readCSV(name, data, csvOptions{})
	if err != nil {
		return nil, err
	}
	return t.people()
}

// people gives the table its meaning: headers, then one Person per row.
func (t *table) people() ([]model.Person, error) {
	h, err := t.mapHeader(rosterColumns)
	if err != nil {
		return nil, err
	}
	rows, err := h.data()
	if err != nil {
		return nil, err
	}
	var people []model.Person
	rowOf := map[string]int{} // id (folded) or whole row → row number
	for _, row := range rows {
		p, err := h.person(row)
		if err != nil {
			return nil, err
		}
		if h.at[colID] >= 0 {
			k := strings.ToLower(p.ID)
			if prev, dup := rowOf[k]; dup {
				return nil, h.errAt(row, colID, p.ID, fmt.Sprintf("is already the id of row %d", prev))
			}
			rowOf[k] = row.n
		} else {
			k := strings.Join(row.cells[:min(len(row.cells), len(h.texts))], "\x00")
			if prev, dup := rowOf[k]; dup {
				return nil, t.errAt(row, -1, "", "",
					fmt.Sprintf("repeats row %d exactly (a row pasted twice?); add an id column if they are two people", prev))
			}
			rowOf[k] = row.n
			p.ID = autoID(len(people) + 1)
		}
		people = append(people, p)
	}
	if len(people) == 0 {
		return nil, &FileError{File: t.file, Sheet: t.sheet, Reason: "has a header but no person"}
	}
	formal := 0
	for _, p := range people {
		if p.Kind == model.Formal {
			formal++
		}
	}
	if formal == 0 {
		return nil, &FileError{File: t.file, Sheet: t.sheet, Reason: "has no formal delegate (正式代表); check the 代表类别/kind column"}
	}
	return people, nil
}

// person reads one data row.
func (h *header) person(row tableRow) (model.Person, error) {
	var p model.Person
	var fail *FileError
	failCol := 0
	bad := func(c int, value, why string) {
		// Report the leftmost bad cell of the row, as the eye reads it.
		if i := h.at[c]; why != "" && (fail == nil || i < failCol) {
			fail, failCol = h.errAt(row, c, value, why), i
		}
	}
	var why string
	if v, ok := h.cell(row, colID); ok {
		p.ID, why = cleanID(v)
		bad(colID, v, why)
	}
	v, _ := h.cell(row, colName)
	p.Name, why = cleanName(v)
	if why == "" && p.Name == "" {
		why = "is empty; every row needs a name"
	}
	bad(colName, v, why)
	v, _ = h.cell(row, colUnit)
	p.Unit, why = cleanText(v)
	if why == "" && p.Unit == "" {
		why = "is empty; every row needs an electoral unit"
	}
	bad(colUnit, v, why)
	v, _ = h.cell(row, colKind)
	p.Kind, why = parseRosterKind(v)
	bad(colKind, v, why)
	if v, ok := h.cell(row, colGender); ok {
		p.Gender, why = parseGender(v)
		bad(colGender, v, why)
	}
	if v, ok := h.cell(row, colEthnicity); ok {
		p.Ethnicity, why = parseEthnicity(v)
		bad(colEthnicity, v, why)
	}
	if v, ok := h.cell(row, colBirthDate); ok {
		p.BirthDate, why = parseBirthDate(v, h.t.serial)
		bad(colBirthDate, v, why)
	}
	for _, f := range []struct {
		c int
		b *bool
	}{{colUnionCadre, &p.UnionCadre}, {colLeagueCadre, &p.LeagueCadre}, {colHonoured, &p.Honoured}} {
		if v, ok := h.cell(row, f.c); ok {
			*f.b, why = parseBool(v)
			bad(f.c, v, why)
		}
	}
	if fail != nil {
		return model.Person{}, fail
	}
	return p, nil
}
