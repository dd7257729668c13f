package files

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// This file is the one CSV path of the package: every CSV reader (roster,
// candidates, ballots, units, staff) turns its bytes into a table with
// readCSV and its header into known columns with mapHeader; the XLSX
// roster fills the same table. Rows and columns are named as a
// spreadsheet names them.

// table is a sheet of cells as read from CSV or XLSX, before any meaning is
// given to them. Cells are cleaned (cleanCell) and blank rows left out.
type table struct {
	file   string
	sheet  string     // XLSX only
	serial *bool      // XLSX: date cells may be serials; the 1904 flag
	rows   []tableRow // header first
}

// tableRow is one row as the user sees it: n is the spreadsheet row (the
// header is row 1; blank rows count), line the CSV line it starts on,
// which differs from n only after a cell that spans lines.
type tableRow struct {
	n, line int
	cells   []string
}

// csvOptions say how one kind of CSV file departs from the common rules.
type csvOptions struct {
	comments   bool // lines starting with # are comments (the staff list)
	lazyQuotes bool // a quote inside an unquoted cell is text (the staff list, pasted from a document)
}

// readCSV reads CSV text into a table: UTF-8 with or without a byte-order
// mark or GBK (decodeText), CRLF or LF, comma-separated or, when the first
// line that is not blank holds more tabs than commas, tab-separated.
// Blank rows are left out but counted, so that row numbers are the
// spreadsheet's. Errors are *FileError.
func readCSV(name string, data []byte, opt csvOptions) (*table, error) {
	data, err := decodeText(name, data)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = opt.lazyQuotes
	if opt.comments {
		cr.Comment = '#'
	}
	if first := firstLine(data, opt.comments); bytes.Count(first, []byte("\t")) > bytes.Count(first, []byte(",")) {
		cr.Comma = '\t'
	}
	t := &table{file: name}
	spanned := 0 // lines taken by cells spanning lines so far
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return t, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				fe := &FileError{File: name, Row: pe.StartLine - spanned, Err: err,
					Reason: fmt.Sprintf("is not valid CSV: %v (line %d, character %d)", pe.Err, pe.Line, pe.Column)}
				if pe.Line != fe.Row {
					fe.Line = pe.Line
				}
				return nil, fe
			}
			return nil, &FileError{File: name, Reason: "is not valid CSV: " + err.Error(), Err: err}
		}
		line, _ := cr.FieldPos(0)
		last, _ := cr.FieldPos(len(rec) - 1)
		row := tableRow{n: line - spanned, line: line, cells: rec}
		spanned += last - line + strings.Count(rec[len(rec)-1], "\n")
		t.add(row)
	}
}

// firstLine is the first line of data that is not blank (nor a comment).
func firstLine(data []byte, comments bool) []byte {
	for len(data) > 0 {
		var l []byte
		l, data, _ = bytes.Cut(data, []byte("\n"))
		l = bytes.TrimSpace(l)
		if len(l) > 0 && !(comments && l[0] == '#') {
			return l
		}
	}
	return nil
}

// add cleans the cells of a row and keeps it unless it is blank.
func (t *table) add(r tableRow) {
	blank := true
	for i, c := range r.cells {
		r.cells[i] = cleanCell(c)
		blank = blank && r.cells[i] == ""
	}
	if !blank {
		t.rows = append(t.rows, r)
	}
}

// errAt builds a FileError about row r; col is the 0-based column (-1 for
// the whole row), header the column's header as written.
func (t *table) errAt(r tableRow, col int, header, value, reason string) *FileError {
	e := &FileError{File: t.file, Sheet: t.sheet, Row: r.n, Value: value, Reason: reason}
	if r.line != r.n {
		e.Line = r.line
	}
	if col >= 0 {
		e.Column, e.Letter = header, ColumnLetter(col)
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

// column is one known column of a file: the headers accepted for it,
// compared folded (foldHeader), the first two its canonical Chinese and
// English headers (or one, when they are the same word).
type column struct {
	names    []string
	required bool
}

// title writes a column for a message: 姓名/name.
func (c column) title() string {
	if len(c.names) > 1 {
		return c.names[0] + "/" + c.names[1]
	}
	return c.names[0]
}

// columnList writes the columns for a message.
func columnList(cols []column) string {
	var parts []string
	for _, c := range cols {
		parts = append(parts, c.title())
	}
	return strings.Join(parts, ", ")
}

// foldHeader folds a header for comparison: full-width letters to ASCII,
// lower case, spaces and hyphens to underscores ("Birth Date" = birth_date).
func foldHeader(h string) string {
	return strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(foldWidth(h)))
}

// header is the first row of a table mapped to known columns.
type header struct {
	t     *table
	row   tableRow
	at    []int    // per known column, its cell index; -1 when absent
	texts []string // per cell, the header as written ("" for none)
	whole bool     // every row must have as many cells as the header
}

// mapHeader reads the first row of t as the header naming cols: a header
// that is unknown, or repeats a column, is an error, and so is a required
// column left out. An empty file is an error too.
func (t *table) mapHeader(cols []column) (*header, error) {
	h, err := t.header(columnList(cols))
	if err != nil {
		return nil, err
	}
	h.at = make([]int, len(cols))
	for c := range h.at {
		h.at[c] = -1
	}
	for i, text := range h.texts {
		if text == "" {
			continue
		}
		c := findColumn(cols, text)
		switch {
		case c < 0:
			return nil, t.errAt(h.row, i, text, text, "is not a known column; the columns are "+columnList(cols))
		case h.at[c] >= 0:
			return nil, t.errAt(h.row, i, text, text, "repeats column "+h.name(h.at[c]))
		}
		h.at[c] = i
	}
	for c, col := range cols {
		if col.required && h.at[c] < 0 {
			var req []column
			for _, c := range cols {
				if c.required {
					req = append(req, c)
				}
			}
			return nil, &FileError{File: t.file, Sheet: t.sheet, Row: h.row.n,
				Reason: fmt.Sprintf("has no column %s (required: %s)", col.title(), columnList(req))}
		}
	}
	return h, nil
}

// header returns the first row of t as its header, unmapped; want
// describes the header for the message about an empty file.
func (t *table) header(want string) (*header, error) {
	if len(t.rows) == 0 {
		return nil, &FileError{File: t.file, Sheet: t.sheet, Reason: "is empty; the first row is the header: " + want}
	}
	return &header{t: t, row: t.rows[0], texts: t.rows[0].cells}, nil
}

// findColumn is the index in cols of the column a header names, -1 if none.
func findColumn(cols []column, text string) int {
	k := foldHeader(text)
	for c, col := range cols {
		for _, n := range col.names {
			if k == foldHeader(n) {
				return c
			}
		}
	}
	return -1
}

// name writes the header of cell i for a message: 姓名 (B).
func (h *header) name(i int) string {
	return h.texts[i] + " (" + ColumnLetter(i) + ")"
}

// data returns the rows below the header, each checked: a non-empty cell
// beyond the last header or under an empty one is an error (empty ones
// are invisible in a spreadsheet), and so, when whole is set, is a row
// with another number of cells than the header.
func (h *header) data() ([]tableRow, error) {
	rows := h.t.rows[1:]
	for _, r := range rows {
		if h.whole && len(r.cells) != len(h.texts) {
			return nil, h.t.errAt(r, -1, "", "", fmt.Sprintf("has %d cells, the header has %d", len(r.cells), len(h.texts)))
		}
		for i, c := range r.cells {
			if c != "" && (i >= len(h.texts) || h.texts[i] == "") {
				return nil, h.t.errAt(r, i, "", c, "is in a column without a header")
			}
		}
	}
	return rows, nil
}

// cell returns the cell of known column c in row r: "" when the row is
// short, and ok false when the file has no such column.
func (h *header) cell(r tableRow, c int) (v string, ok bool) {
	i := h.at[c]
	if i < 0 {
		return "", false
	}
	if i < len(r.cells) {
		return r.cells[i], true
	}
	return "", true
}

// errAt builds a FileError about the cell of known column c in row r.
func (h *header) errAt(r tableRow, c int, value, reason string) *FileError {
	i := h.at[c]
	return h.t.errAt(r, i, h.texts[i], value, reason)
}
