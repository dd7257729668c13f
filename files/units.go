package files

import (
	"fmt"
	"io"
	"strconv"

	"podium/prep"
)

// This file reads the files of `podium plan seats` and `podium check
// roster --units-candidates`: the electoral units with their students, and
// their delegate seats and candidates (RULES §8).

// The columns of the units files.
var (
	unitColumn       = column{names: []string{"unit", "单位", "选举单位"}, required: true}
	studentsColumn   = column{names: []string{"students", "学生数", "学生人数"}, required: true}
	seatsColumn      = column{names: []string{"seats", "名额", "代表名额"}, required: true}
	candidatesColumn = column{names: []string{"candidates", "候选人数", "代表候选人数"}, required: true}
)

// ReadUnits reads the units of a seat allocation from r: CSV with the
// header `unit,students` (or 单位/选举单位, 学生数/学生人数), in any order. A
// unit must be named once; students is a whole number. Errors are
// *FileError naming the file, the row and the column; on an error nothing
// is returned. name is the file name for messages.
func ReadUnits(name string, r io.Reader) ([]prep.Unit, error) {
	data, err := readAll(name, r, MaxTableSize)
	if err != nil {
		return nil, err
	}
	return parseUnits(name, data)
}

// ReadUnitsFile reads the units file at path; see ReadUnits.
func ReadUnitsFile(path string) ([]prep.Unit, error) {
	data, err := readFile(path, MaxTableSize)
	if err != nil {
		return nil, err
	}
	return parseUnits(path, data)
}

func parseUnits(name string, data []byte) ([]prep.Unit, error) {
	h, rows, err := unitsTable(name, data, []column{unitColumn, studentsColumn})
	if err != nil {
		return nil, err
	}
	seen := map[string]int{}
	var us []prep.Unit
	for _, row := range rows {
		u, err := h.unitName(row, seen)
		if err != nil {
			return nil, err
		}
		n, err := h.count(row, 1)
		if err != nil {
			return nil, err
		}
		us = append(us, prep.Unit{Name: u, Students: n})
	}
	return us, nil
}

// ReadUnitCandidates reads the delegate candidates per unit from r: CSV
// with the header `unit,seats,candidates` (or 单位, 名额, 候选人数), with the
// same rules and errors as ReadUnits.
func ReadUnitCandidates(name string, r io.Reader) ([]prep.UnitCandidates, error) {
	data, err := readAll(name, r, MaxTableSize)
	if err != nil {
		return nil, err
	}
	return parseUnitCandidates(name, data)
}

// ReadUnitCandidatesFile reads the file at path; see ReadUnitCandidates.
func ReadUnitCandidatesFile(path string) ([]prep.UnitCandidates, error) {
	data, err := readFile(path, MaxTableSize)
	if err != nil {
		return nil, err
	}
	return parseUnitCandidates(path, data)
}

func parseUnitCandidates(name string, data []byte) ([]prep.UnitCandidates, error) {
	h, rows, err := unitsTable(name, data, []column{unitColumn, seatsColumn, candidatesColumn})
	if err != nil {
		return nil, err
	}
	seen := map[string]int{}
	var us []prep.UnitCandidates
	for _, row := range rows {
		u, err := h.unitName(row, seen)
		if err != nil {
			return nil, err
		}
		s, err := h.count(row, 1)
		if err != nil {
			return nil, err
		}
		c, err := h.count(row, 2)
		if err != nil {
			return nil, err
		}
		us = append(us, prep.UnitCandidates{Unit: u, Seats: s, Candidates: c})
	}
	return us, nil
}

// unitsTable reads a units file with the columns cols, the unit first: its
// header and its rows, at least one.
func unitsTable(name string, data []byte, cols []column) (*header, []tableRow, error) {
	t, err := readCSV(name, data, csvOptions{})
	if err != nil {
		return nil, nil, err
	}
	h, err := t.mapHeader(cols)
	if err != nil {
		return nil, nil, err
	}
	rows, err := h.data()
	if err != nil {
		return nil, nil, err
	}
	if len(rows) == 0 {
		return nil, nil, &FileError{File: name, Reason: "has no units below the header"}
	}
	return h, rows, nil
}

// unitName checks the unit of a row (known column 0): present and not
// repeated.
func (h *header) unitName(r tableRow, seen map[string]int) (string, error) {
	u, _ := h.cell(r, 0)
	if u == "" {
		return "", h.errAt(r, 0, "", "is empty; every row needs its unit")
	}
	if prev, dup := seen[u]; dup {
		return "", h.errAt(r, 0, u, "is listed twice (also row "+strconv.Itoa(prev)+")")
	}
	seen[u] = r.n
	return u, nil
}

// count reads the whole number, 0 or more, of known column c in a row.
func (h *header) count(r tableRow, c int) (int, error) {
	v, _ := h.cell(r, c)
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 10_000_000 {
		return 0, h.errAt(r, c, v, fmt.Sprintf("is not a whole number (0 to %d)", 10_000_000))
	}
	return n, nil
}
