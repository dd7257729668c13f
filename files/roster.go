package files

import (
	"podium/model"

	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// rosterColumn is one known column of the roster.
type rosterColumn int

const (
	colID rosterColumn = iota
	colName
	colUnit
	colGender
	colEthnicity
	colBirthDate
	colKind
	colUnionCadre
	colLeagueCadre
	colHonoured
	numColumns
)

// rosterColumns lists, per column, the headers accepted for it (compared
// after lower-casing and turning spaces and hyphens into underscores). The
// first two are the canonical Chinese and English headers.
var rosterColumns = [numColumns][]string{
	colID:          {"编号", "id", "代表编号", "序号", "no", "no."},
	colName:        {"姓名", "name", "名字"},
	colUnit:        {"选举单位", "unit", "单位", "electoral_unit"},
	colGender:      {"性别", "gender", "sex"},
	colEthnicity:   {"民族", "ethnicity"},
	colBirthDate:   {"出生日期", "birth_date", "birthdate", "date_of_birth", "dob", "生日"},
	colKind:        {"代表类别", "kind", "类别", "代表类型"},
	colUnionCadre:  {"学生会骨干", "union_cadre"},
	colLeagueCadre: {"团干部", "league_cadre"},
	colHonoured:    {"受表彰", "honoured", "honored"},
}

// headerColumn finds the column a header names.
func headerColumn(h string) (rosterColumn, bool) {
	k := strings.ToLower(foldWidth(h))
	k = strings.NewReplacer(" ", "_", "-", "_").Replace(k)
	for c, names := range rosterColumns {
		for _, n := range names {
			if k == n {
				return rosterColumn(c), true
			}
		}
	}
	return 0, false
}

// knownHeaders lists the canonical headers for a message.
func knownHeaders() string {
	var parts []string
	for _, names := range rosterColumns {
		parts = append(parts, names[0]+"/"+names[1])
	}
	return strings.Join(parts, ", ")
}

// table is a sheet of cells as read from CSV or XLSX, before any meaning is
// given to them.
type table struct {
	file    string
	sheet   string     // XLSX only
	letters bool       // XLSX: name columns by letter too
	serial  *bool      // XLSX: date cells may be serials; the 1904 flag
	rows    []tableRow // header first; blank rows may be left out
}

// tableRow is one row and its number as the user sees it (header = 1).
type tableRow struct {
	n     int
	cells []string
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
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{File: path, Reason: "cannot be opened: " + err.Error(), Err: err}
	}
	defer f.Close()
	if ext == ".xlsx" || ext == ".xlsm" {
		return ReadRosterXLSX(path, f)
	}
	return ReadRosterCSV(path, f)
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
func ReadRosterCSV(name string, r io.Reader) (ps []model.Person, err error) {
	defer func() {
		if p := recover(); p != nil {
			ps, err = nil, &FileError{File: name, Reason: fmt.Sprintf("cannot be read (internal error: %v)", p)}
		}
	}()
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &FileError{File: name, Reason: "cannot be read: " + err.Error(), Err: err}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		dec, derr := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if derr != nil || bytes.ContainsRune(dec, utf8.RuneError) {
			line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
			return nil, &FileError{File: name, Row: line, Reason: "is neither UTF-8 nor GBK text; save it as CSV UTF-8"}
		}
		data = dec
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &FileError{File: name, Reason: "is empty"}
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.IndexByte(first, '\t') >= 0 && bytes.IndexByte(first, ',') < 0 {
		cr.Comma = '\t'
	}
	t := &table{file: name}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &FileError{File: name, Row: pe.StartLine, Reason: "is not valid CSV: " + pe.Err.Error(), Err: err}
			}
			return nil, &FileError{File: name, Reason: "is not valid CSV: " + err.Error(), Err: err}
		}
		line, _ := cr.FieldPos(0)
		t.rows = append(t.rows, tableRow{n: line, cells: rec})
	}
	return t.people()
}

// firstInvalid returns the offset of the first byte that is not UTF-8.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// blank reports whether every cell is empty after trimming.
func blank(cells []string) bool {
	for _, c := range cells {
		if cleanCell(c) != "" {
			return false
		}
	}
	return true
}

// errAt builds a FileError about one cell.
func (t *table) errAt(row, col int, header, value, reason string) *FileError {
	e := &FileError{File: t.file, Sheet: t.sheet, Row: row, Column: header, Value: value, Reason: reason}
	if t.letters && col >= 0 {
		e.Letter = ColumnLetter(col)
	}
	return e
}

// ColumnLetter names the 0-based column i as a spreadsheet does: A … Z,
// AA …; error messages about CSV and XLSX cells use it.
func ColumnLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// people gives the table its meaning: headers, then one Person per row.
func (t *table) people() ([]model.Person, error) {
	for len(t.rows) > 0 && blank(t.rows[0].cells) {
		t.rows = t.rows[1:] // blank lines before the header
	}
	if len(t.rows) == 0 {
		return nil, &FileError{File: t.file, Sheet: t.sheet, Reason: "is empty"}
	}
	head := t.rows[0]
	var at [numColumns]int // index+1 of each known column; 0 = absent
	headers := make([]string, len(head.cells))
	for i, raw := range head.cells {
		h := cleanCell(raw)
		headers[i] = h
		if h == "" {
			continue
		}
		c, ok := headerColumn(h)
		if !ok {
			return nil, t.errAt(head.n, i, h, h, "is not a known column; the columns are "+knownHeaders())
		}
		if at[c] != 0 {
			return nil, t.errAt(head.n, i, h, h, fmt.Sprintf("repeats column %s", headerName(headers[at[c]-1], at[c]-1, t.letters)))
		}
		at[c] = i + 1
	}
	for _, c := range []rosterColumn{colName, colUnit, colKind} {
		if at[c] == 0 {
			n := rosterColumns[c]
			return nil, &FileError{File: t.file, Sheet: t.sheet, Row: head.n,
				Reason: fmt.Sprintf("has no column %s/%s (required: 姓名/name, 选举单位/unit, 代表类别/kind)", n[0], n[1])}
		}
	}
	var people []model.Person
	rowOf := map[string]int{} // id (folded) or whole row → row number
	for _, row := range t.rows[1:] {
		if blank(row.cells) {
			continue
		}
		for i, c := range row.cells {
			if cleanCell(c) != "" && (i >= len(headers) || headers[i] == "") {
				return nil, t.errAt(row.n, i, "", cleanCell(c), "is in a column without a header")
			}
		}
		p, err := t.person(row, at, headers)
		if err != nil {
			return nil, err
		}
		if at[colID] != 0 {
			k := strings.ToLower(p.ID)
			if prev, dup := rowOf[k]; dup {
				i := at[colID] - 1
				return nil, t.errAt(row.n, i, headers[i], p.ID, fmt.Sprintf("is already the id of row %d", prev))
			}
			rowOf[k] = row.n
		} else {
			k := strings.Join(row.cells[:min(len(row.cells), len(headers))], "\x00")
			if prev, dup := rowOf[k]; dup {
				return nil, &FileError{File: t.file, Sheet: t.sheet, Row: row.n,
					Reason: fmt.Sprintf("repeats row %d exactly (a row pasted twice?); add an id column if they are two people", prev)}
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

// headerName writes a header for a message, with its letter for XLSX.
func headerName(h string, i int, letters bool) string {
	if letters {
		return h + " (" + ColumnLetter(i) + ")"
	}
	return h
}

// person reads one data row.
func (t *table) person(row tableRow, at [numColumns]int, headers []string) (model.Person, error) {
	var p model.Person
	var fail *FileError
	cell := func(c rosterColumn) (string, bool) {
		i := at[c] - 1
		if i < 0 {
			return "", false
		}
		if i < len(row.cells) {
			return row.cells[i], true
		}
		return "", true
	}
	failCol := 0
	bad := func(c rosterColumn, value, why string) {
		// Report the leftmost bad cell of the row, as the eye reads it.
		if i := at[c] - 1; why != "" && (fail == nil || i < failCol) {
			fail, failCol = t.errAt(row.n, i, headers[i], cleanCell(value), why), i
		}
	}
	var why string
	if v, ok := cell(colID); ok {
		p.ID, why = cleanID(v)
		bad(colID, v, why)
	}
	v, _ := cell(colName)
	p.Name, why = cleanName(v)
	if why == "" && p.Name == "" {
		why = "is empty; every row needs a name"
	}
	bad(colName, v, why)
	v, _ = cell(colUnit)
	p.Unit, why = cleanText(v)
	if why == "" && p.Unit == "" {
		why = "is empty; every row needs an electoral unit"
	}
	bad(colUnit, v, why)
	v, _ = cell(colKind)
	p.Kind, why = parseRosterKind(v)
	bad(colKind, v, why)
	if v, ok := cell(colGender); ok {
		p.Gender, why = parseGender(v)
		bad(colGender, v, why)
	}
	if v, ok := cell(colEthnicity); ok {
		p.Ethnicity, why = parseEthnicity(v)
		bad(colEthnicity, v, why)
	}
	if v, ok := cell(colBirthDate); ok {
		p.BirthDate, why = parseBirthDate(v, t.serial)
		bad(colBirthDate, v, why)
	}
	for _, f := range []struct {
		c rosterColumn
		b *bool
	}{{colUnionCadre, &p.UnionCadre}, {colLeagueCadre, &p.LeagueCadre}, {colHonoured, &p.Honoured}} {
		if v, ok := cell(f.c); ok {
			*f.b, why = parseBool(v)
			bad(f.c, v, why)
		}
	}
	if fail != nil {
		return model.Person{}, fail
	}
	return p, nil
}
