package files

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"podium/model"
	"podium/session/election"
)

// table is a CSV file read whole: its rows with the line of each.
type electionTable struct {
	name  string
	rows  [][]string
	lines []int
}

// readTable reads a UTF-8 CSV with or without a byte-order mark. Rows whose
// cells are all empty are skipped (spreadsheet residue); a row with another
// number of cells than the header is an error.
func readElectionTable(name string, r io.Reader) (*electionTable, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	t := &electionTable{name: name}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &FileError{File: name, Line: pe.Line, Err: err,
					Reason: fmt.Sprintf("%v (character %d of the line)", pe.Err, pe.Column)}
			}
			return nil, &FileError{File: name, Reason: err.Error(), Err: err}
		}
		line, _ := cr.FieldPos(0)
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if len(t.rows) > 0 && strings.Join(rec, "") == "" {
			continue
		}
		if len(t.rows) > 0 && len(rec) != len(t.rows[0]) {
			return nil, &FileError{File: name, Line: line,
				Reason: fmt.Sprintf("%d cells, the header has %d", len(rec), len(t.rows[0]))}
		}
		t.rows = append(t.rows, rec)
		t.lines = append(t.lines, line)
	}
	if len(t.rows) == 0 {
		return nil, &FileError{File: name, Reason: "empty file: no header"}
	}
	return t, nil
}

// err is an *FileError at row (0 = header) and column col (-1 for
// the whole row): Line is the CSV line (the spreadsheet row unless a cell
// spans lines), Column the header text and Letter the column's letter.
func (t *electionTable) err(row, col int, value, reason string) error {
	e := &FileError{File: t.name, Line: t.lines[row], Value: value, Reason: reason}
	if col >= 0 {
		e.Column, e.Letter = t.rows[0][col], ColumnLetter(col)
		if e.Column == "" {
			e.Column = "#" + strconv.Itoa(col+1)
		}
	}
	return e
}

// ReadCandidates reads the slate of file name: a CSV with the header `name`
// or `name,category`, one candidate a row, in ballot order, and optionally
// a column `person_id` (or `id`) with the roster id of a candidate who is a
// delegate (see ReadSlate). A category must be one of m's, and is required
// when m has categories and forbidden when it has none. Names must be
// non-empty and distinct, and so must the ids given. Errors are
// *FileError.
func ReadCandidates(name string, r io.Reader, m model.Method) ([]model.Candidate, error) {
	c, _, err := readCandidates(name, r, m)
	return c, err
}

// slateTable is a candidates file as read: its table, for errors about
// candidate k (row k+1), and its columns (-1 when absent).
type slateTable struct {
	*electionTable
	nameCol, idCol int
}

func readCandidates(name string, r io.Reader, m model.Method) ([]model.Candidate, slateTable, error) {
	t, err := readElectionTable(name, r)
	if err != nil {
		return nil, slateTable{}, err
	}
	st := slateTable{electionTable: t, nameCol: -1, idCol: -1}
	head := t.rows[0]
	catCol := -1
	for i, h := range head {
		var col *int
		switch strings.ToLower(h) {
		case "name":
			col = &st.nameCol
		case "category":
			col = &catCol
		case "person_id", "id":
			col = &st.idCol
		default:
			return nil, st, t.err(0, i, h, "unknown column (want name, category, person_id)")
		}
		if *col >= 0 {
			return nil, st, t.err(0, i, h, "duplicate column")
		}
		*col = i
	}
	nameCol := st.nameCol
	if nameCol < 0 {
		return nil, st, t.err(0, -1, "", "no name column")
	}
	if catCol < 0 && len(m.Categories) > 0 {
		return nil, st, t.err(0, -1, "", "no category column, and the method has categories")
	}
	known := map[string]bool{}
	for _, c := range m.Categories {
		known[c.Name] = true
	}
	var out []model.Candidate
	seen, ids := map[string]bool{}, map[string]int{}
	for i := 1; i < len(t.rows); i++ {
		row := t.rows[i]
		c := model.Candidate{Name: row[nameCol]}
		if c.Name == "" {
			return nil, st, t.err(i, nameCol, "", "empty name")
		}
		if seen[c.Name] {
			return nil, st, t.err(i, nameCol, c.Name, "candidate listed twice")
		}
		seen[c.Name] = true
		if catCol >= 0 {
			c.Category = row[catCol]
			switch {
			case len(m.Categories) == 0 && c.Category != "":
				return nil, st, t.err(i, catCol, c.Category, "the method has no categories")
			case len(m.Categories) > 0 && !known[c.Category]:
				return nil, st, t.err(i, catCol, c.Category, "unknown category")
			}
		}
		if st.idCol >= 0 && row[st.idCol] != "" {
			c.PersonID = row[st.idCol]
			if prev, dup := ids[strings.ToLower(c.PersonID)]; dup {
				return nil, st, t.err(i, st.idCol, c.PersonID, fmt.Sprintf("is also the id of the candidate on line %d", t.lines[prev]))
			}
			ids[strings.ToLower(c.PersonID)] = i
		}
		out = append(out, c)
	}
	return out, st, nil
}

// Column headers of a ballots file.
const (
	ColBallot  = "ballot"   // the ballot's number
	ColWriteIn = "write_in" // a write-in space; "write_in:<category>" with categories
	ColSpoiled = "spoiled"  // non-empty: declared spoiled, the text is the reason
)

// ParseMark reads a ballot cell: ○ 〇 O o approve; × X x ✕ disapprove;
// empty or anything else abstain (RULES §6.3).
func ParseMark(s string) election.Mark {
	switch strings.TrimSpace(s) {
	case "○", "〇", "O", "o":
		return election.Approve
	case "×", "X", "x", "✕":
		return election.Disapprove
	}
	return election.Abstain
}

// ReadBallots reads the ballots of file name for slate under method m: a
// CSV whose header has `ballot`, one column per candidate headed by the
// candidate's name (any order; every candidate needs one), any number of
// write-in columns headed `write_in` (with categories `write_in:<category>`,
// a category of m), and an optional `spoiled` column. Each row is one
// collected ballot; its number is required and unique. Cells are read by
// ParseMark; write-ins keep the left-to-right order of their columns.
// Errors are *FileError with the line, row and column.
func ReadBallots(name string, r io.Reader, slate []model.Candidate, m model.Method) ([]election.Ballot, error) {
	t, err := readElectionTable(name, r)
	if err != nil {
		return nil, err
	}
	head := t.rows[0]
	cand := map[string]int{}
	for i, c := range slate {
		cand[c.Name] = i
	}
	cats := map[string]bool{}
	for _, c := range m.Categories {
		cats[c.Name] = true
	}
	idCol, spoiledCol := -1, -1
	candCol := make([]int, len(slate))
	for i := range candCol {
		candCol[i] = -1
	}
	type wcol struct {
		col int
		cat string
	}
	var writeCols []wcol
	for i, h := range head {
		if _, isCand := cand[h]; isCand && (h == ColBallot || h == ColSpoiled || h == ColWriteIn || strings.HasPrefix(h, ColWriteIn+":")) {
			return nil, t.err(0, i, h, "a candidate's name is a reserved column name")
		}
		switch {
		case h == ColBallot:
			if idCol >= 0 {
				return nil, t.err(0, i, h, "duplicate column")
			}
			idCol = i
		case h == ColSpoiled:
			if spoiledCol >= 0 {
				return nil, t.err(0, i, h, "duplicate column")
			}
			spoiledCol = i
		case h == ColWriteIn || strings.HasPrefix(h, ColWriteIn+":"):
			cat, hasCat := strings.CutPrefix(h, ColWriteIn+":")
			cat = strings.TrimSpace(cat)
			switch {
			case len(m.Categories) == 0 && hasCat:
				return nil, t.err(0, i, h, "the method has no categories")
			case len(m.Categories) > 0 && !hasCat:
				return nil, t.err(0, i, h, "a write-in column needs its category: write_in:<category>")
			case hasCat && !cats[cat]:
				return nil, t.err(0, i, h, "unknown category")
			}
			if !hasCat {
				cat = ""
			}
			writeCols = append(writeCols, wcol{i, cat})
		default:
			j, ok := cand[h]
			if !ok {
				return nil, t.err(0, i, h, "unknown candidate column")
			}
			if candCol[j] >= 0 {
				return nil, t.err(0, i, h, "duplicate column")
			}
			candCol[j] = i
		}
	}
	if idCol < 0 {
		return nil, t.err(0, -1, "", "no ballot column")
	}
	for j, col := range candCol {
		if col < 0 {
			return nil, t.err(0, -1, slate[j].Name, "no column for candidate")
		}
	}
	ids := map[string]int{}
	out := make([]election.Ballot, 0, len(t.rows)-1)
	for i := 1; i < len(t.rows); i++ {
		row := t.rows[i]
		b := election.Ballot{ID: row[idCol], Marks: make([]election.Mark, len(slate))}
		if b.ID == "" {
			return nil, t.err(i, idCol, "", "ballot number missing")
		}
		if prev, dup := ids[b.ID]; dup {
			return nil, t.err(i, idCol, b.ID, fmt.Sprintf("ballot number already on line %d", prev))
		}
		ids[b.ID] = t.lines[i]
		for j, col := range candCol {
			b.Marks[j] = ParseMark(row[col])
		}
		for _, w := range writeCols {
			if row[w.col] != "" {
				b.WriteIns = append(b.WriteIns, election.WriteIn{Name: row[w.col], Category: w.cat})
			}
		}
		if spoiledCol >= 0 {
			b.Spoiled = row[spoiledCol]
		}
		out = append(out, b)
	}
	return out, nil
}
