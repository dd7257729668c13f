package files

import (
	"podium/words"

	"strconv"
	"strings"
)

// FileError is the one error the file readers of this package return for a
// bad file: it names the file and the place in it as the secretary sees it,
// so that the mistake can be found and fixed in the spreadsheet or editor.
//
// In a table (CSV or XLSX), Row counts rows as a spreadsheet shows them
// (the header is row 1, blank rows count), Column is the header text as
// written and Letter the column letter (A, B, … AA); Sheet is the XLSX
// worksheet. Line is set beside Row only where the CSV line differs (after
// a cell spanning lines). In a TOML file, Line is the line and Key the
// dotted key, with the element of an array of tables: item[3].kind.
// Value is the offending text, quoted in the message when not empty.
type FileError struct {
	File   string // the file name as given to the reader
	Sheet  string // XLSX worksheet, when any
	Row    int    // 1-based spreadsheet row (header = 1); 0 when not about one row
	Column string // header text as written, when about one column
	Letter string // column letter, when about one column of a table
	Line   int    // 1-based line of a text file; 0 when unknown or the same as Row
	Key    string // dotted TOML key, e.g. meeting.opening_quorum
	Value  string // the offending value; may be empty
	Reason string // what is wrong, e.g. `is not a kind (…)`
	Err    error  // the underlying error, when any (os, zip, toml …)
}

// Error writes the place, the value and the reason, e.g.
// `roster.csv row 14, column 代表类别: "正式代 表" is not a kind (…)`.
func (e *FileError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Sheet != "" {
		b.WriteString(" sheet " + e.Sheet + ",")
	}
	switch {
	case e.Row > 0 && e.Line > 0 && e.Line != e.Row:
		b.WriteString(" row " + strconv.Itoa(e.Row) + " (line " + strconv.Itoa(e.Line) + ")")
	case e.Row > 0:
		b.WriteString(" row " + strconv.Itoa(e.Row))
	case e.Line > 0:
		b.WriteString(" line " + strconv.Itoa(e.Line))
	}
	if e.Column != "" || e.Letter != "" {
		b.WriteString(", column ")
		switch {
		case e.Column != "" && e.Letter != "":
			b.WriteString(e.Column + " (" + e.Letter + ")")
		case e.Column != "":
			b.WriteString(e.Column)
		default:
			b.WriteString(e.Letter)
		}
	}
	if e.Key != "" {
		b.WriteString(", key " + e.Key)
	}
	s := strings.TrimSuffix(b.String(), ",")
	b.Reset()
	b.WriteString(s + ": ")
	if e.Value != "" {
		b.WriteString(words.QuoteShort(e.Value) + " ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// Unwrap returns the underlying error, if any.
func (e *FileError) Unwrap() error { return e.Err }
