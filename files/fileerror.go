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
// For a roster, Row counts rows as a spreadsheet shows them (the header is
// row 1) and Column is the header text as written; Letter is the column
// letter (A, B, … AA) and Sheet the worksheet, both for XLSX only. For an
// agenda file, Line is the line of the TOML file and Key the dotted key.
// Value is the offending text, quoted in the message when not empty.
type FileError struct {
	File   string // the file name as given to the reader
	Sheet  string // XLSX worksheet, when any
	Row    int    // 1-based row (header = 1); 0 when not about one row
	Column string // header text as written, when about one column
	Letter string // XLSX column letter, when about one column
	Line   int    // 1-based line of a text file such as TOML; 0 when unknown
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
	if e.Line > 0 {
		b.WriteString(" line " + strconv.Itoa(e.Line))
	}
	if e.Row > 0 {
		b.WriteString(" row " + strconv.Itoa(e.Row))
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
