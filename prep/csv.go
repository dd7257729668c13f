package prep

import (
	"podium/files"

	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// csvTable is a CSV file read with its header mapped to known columns.
type csvTable struct {
	name   string
	header []string // as written
	rows   []csvRow
}

// csvRow is one data row and the line it starts on.
type csvRow struct {
	line  int
	cells []string
}

// readCSV reads a CSV file (UTF-8, BOM allowed, blank lines skipped) whose
// header must name exactly the columns in want, in any order, each by one
// of its accepted names (want[i][0] is the canonical one). It returns the
// rows with cells reordered to want's order.
func readCSV(name string, r io.Reader, want [][]string) (t csvTable, err error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return t, &files.FileError{File: name, Reason: "cannot be read: " + err.Error(), Err: err}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		return t, &files.FileError{File: name, Reason: "is not UTF-8 text; save it as CSV UTF-8"}
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	t.name = name
	var index []int // file column → want column
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return t, &files.FileError{File: name, Line: pe.Line, Reason: fmt.Sprintf("column %d: %v", pe.Column, pe.Err), Err: err}
			}
			return t, &files.FileError{File: name, Reason: err.Error(), Err: err}
		}
		line, _ := cr.FieldPos(0)
		if index == nil {
			t.header = rec
			index, err = mapHeader(name, line, rec, want)
			if err != nil {
				return t, err
			}
			continue
		}
		if blank(rec) {
			continue
		}
		cells := make([]string, len(want))
		for i, c := range rec {
			c = strings.TrimSpace(c)
			if i >= len(index) || index[i] < 0 {
				if c != "" {
					return t, &files.FileError{File: name, Line: line, Column: strconv.Itoa(i + 1), Value: c, Reason: "is beyond the known columns"}
				}
				continue
			}
			cells[index[i]] = c
		}
		t.rows = append(t.rows, csvRow{line, cells})
	}
	if index == nil {
		return t, &files.FileError{File: name, Reason: "is empty; the first line is the header " + canonical(want)}
	}
	return t, nil
}

// mapHeader maps each header cell to its column in want.
func mapHeader(name string, line int, rec []string, want [][]string) ([]int, error) {
	index := make([]int, len(rec))
	found := make([]bool, len(want))
	for i, h := range rec {
		h = strings.ToLower(strings.TrimSpace(h))
		index[i] = -1
		if h == "" {
			continue
		}
		for w, names := range want {
			for _, n := range names {
				if h == n {
					index[i] = w
				}
			}
		}
		switch {
		case index[i] < 0:
			return nil, &files.FileError{File: name, Line: line, Column: rec[i], Reason: "is not a known header; the header is " + canonical(want)}
		case found[index[i]]:
			return nil, &files.FileError{File: name, Line: line, Column: rec[i], Reason: "repeats a column"}
		}
		found[index[i]] = true
	}
	for w, ok := range found {
		if !ok {
			return nil, &files.FileError{File: name, Line: line, Reason: "has no column " + want[w][0] + "; the header is " + canonical(want)}
		}
	}
	return index, nil
}

func canonical(want [][]string) string {
	var s []string
	for _, w := range want {
		s = append(s, w[0])
	}
	return strings.Join(s, ",")
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// count parses a whole number, 0 or more, in a cell.
func (t csvTable) count(r csvRow, col int, header string) (int, error) {
	v := r.cells[col]
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 10_000_000 {
		return 0, &files.FileError{File: t.name, Line: r.line, Column: header, Value: v, Reason: "is not a whole number (0 to 10000000)"}
	}
	return n, nil
}

// name checks a unit name: present and not repeated.
func (t csvTable) unitName(r csvRow, seen map[string]bool) (string, error) {
	u := r.cells[0]
	if u == "" {
		return "", &files.FileError{File: t.name, Line: r.line, Column: "unit", Reason: "is empty"}
	}
	if seen[u] {
		return "", &files.FileError{File: t.name, Line: r.line, Column: "unit", Value: u, Reason: "is listed twice"}
	}
	seen[u] = true
	return u, nil
}

var (
	unitNames       = []string{"unit", "单位", "选举单位"}
	studentsNames   = []string{"students", "学生数", "学生人数"}
	seatsNames      = []string{"seats", "名额", "代表名额"}
	candidatesNames = []string{"candidates", "候选人数", "代表候选人数"}
)

// ReadUnits reads the units of a seat allocation from CSV with the header
// `unit,students` (or 单位/选举单位, 学生数/学生人数), in any order. The file
// is UTF-8 with or without a byte-order mark; blank lines are skipped. A
// unit must be named once; students is a whole number. Errors are
// *files.FileError naming the file, the line and the column; on an error
// nothing is returned. name is the file name for messages.
func ReadUnits(name string, r io.Reader) ([]Unit, error) {
	t, err := readCSV(name, r, [][]string{unitNames, studentsNames})
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var us []Unit
	for _, row := range t.rows {
		u, err := t.unitName(row, seen)
		if err != nil {
			return nil, err
		}
		n, err := t.count(row, 1, "students")
		if err != nil {
			return nil, err
		}
		us = append(us, Unit{u, n})
	}
	if len(us) == 0 {
		return nil, &files.FileError{File: name, Reason: "has no units below the header"}
	}
	return us, nil
}

// ReadUnitCandidates reads the delegate candidates per unit from CSV with
// the header `unit,seats,candidates` (or 单位, 名额, 候选人数), with the same
// rules and errors as ReadUnits.
func ReadUnitCandidates(name string, r io.Reader) ([]UnitCandidates, error) {
	t, err := readCSV(name, r, [][]string{unitNames, seatsNames, candidatesNames})
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var us []UnitCandidates
	for _, row := range t.rows {
		u, err := t.unitName(row, seen)
		if err != nil {
			return nil, err
		}
		s, err := t.count(row, 1, "seats")
		if err != nil {
			return nil, err
		}
		c, err := t.count(row, 2, "candidates")
		if err != nil {
			return nil, err
		}
		us = append(us, UnitCandidates{Unit: u, Seats: s, Candidates: c})
	}
	if len(us) == 0 {
		return nil, &files.FileError{File: name, Reason: "has no units below the header"}
	}
	return us, nil
}
