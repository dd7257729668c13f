package files

import (
	"podium/model"

	"io"
)

// rosterSheetNames are the worksheet names that mark the roster in a
// workbook with several sheets (compared case-insensitively).
var rosterSheetNames = []string{"代表名册", "roster"}

// ReadRosterXLSX reads a roster from an XLSX workbook in r; name is the file
// name used in error messages. The sheet is the one named 代表名册 or roster
// when there is one, else the first sheet. Cells are read raw (not as
// formatted for display), so a date cell arrives as its serial number and is
// converted in the workbook's date system; messages name columns by header
// and letter. The rules are those of ReadRosterCSV.
func ReadRosterXLSX(name string, r io.Reader) ([]model.Person, error) {
	data, err := readAll(name, r, MaxTableSize)
	if err != nil {
		return nil, err
	}
	return parseRosterXLSX(name, data)
}

// parseRosterXLSX reads the roster in the workbook data (readXLSX).
func parseRosterXLSX(name string, data []byte) ([]model.Person, error) {
	t, err := readXLSX(name, data, rosterSheetNames, "the roster")
	if err != nil {
		return nil, err
	}
	return t.people()
}
