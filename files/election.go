package files

import (
	"fmt"
	"io"
	"strings"

	"podium/model"
	"podium/session/election"
)

// The columns of a candidates file.
const (
	candName = iota
	candCategory
	candID
)

var candidateColumns = []column{
	candName:     {names: []string{"name", "姓名"}, required: true},
	candCategory: {names: []string{"category", "类别"}},
	candID:       {names: []string{"person_id", "编号", "id"}},
}

// ReadCandidates reads the slate of file name from r: a CSV with the
// header `name` or `name,category` (or 姓名, 类别), one candidate a row, in
// ballot order, and optionally a column `person_id` (or `id`, 编号) with
// the roster id of a candidate who is a delegate (see ReadSlate). A
// category must be one of m's, and is required when m has categories and
// forbidden when it has none. Names must be non-empty and distinct, and so
// must the ids given. Every row has as many cells as the header. Errors
// are *FileError.
func ReadCandidates(name string, r io.Reader, m model.Method) ([]model.Candidate, error) {
	data, err := readAll(name, r, MaxTableSize)
	if err != nil {
		return nil, err
	}
	c, _, err := parseCandidates(name, data, m)
	return c, err
}

// ReadCandidatesFile reads the candidates file at path; see ReadCandidates.
func ReadCandidatesFile(path string, m model.Method) ([]model.Candidate, error) {
	data, err := readFile(path, MaxTableSize)
	if err != nil {
		return nil, err
	}
	c, _, err := parseCandidates(path, data, m)
	return c, err
}

// slateRows is a candidates file as read: its header, and the row of
// candidate k, for errors about it.
type slateRows struct {
	*header
	rows []tableRow
}

func parseCandidates(name string, data []byte, m model.Method) ([]model.Candidate, slateRows, error) {
	t, err := readCSV(name, data, csvOptions{})
	if err != nil {
		return nil, slateRows{}, err
	}
	h, err := t.mapHeader(candidateColumns)
	if err != nil {
		return nil, slateRows{}, err
	}
	h.whole = true
	rows, err := h.data()
	if err != nil {
		return nil, slateRows{}, err
	}
	st := slateRows{header: h, rows: rows}
	if h.at[candCategory] < 0 && len(m.Categories) > 0 {
		return nil, st, t.errAt(h.row, -1, "", "", "has no column category (类别), and the method has categories")
	}
	known := map[string]bool{}
	for _, c := range m.Categories {
		known[c.Name] = true
	}
	var out []model.Candidate
	seen, ids := map[string]int{}, map[string]int{}
	for _, row := range rows {
		var c model.Candidate
		c.Name, _ = h.cell(row, candName)
		if c.Name == "" {
			return nil, st, h.errAt(row, candName, "", "is empty: every row is one candidate, with a name")
		}
		if prev, dup := seen[c.Name]; dup {
			return nil, st, h.errAt(row, candName, c.Name, fmt.Sprintf("is listed twice (also row %d)", prev))
		}
		seen[c.Name] = row.n
		if cat, ok := h.cell(row, candCategory); ok {
			c.Category = cat
			switch {
			case len(m.Categories) == 0 && c.Category != "":
				return nil, st, h.errAt(row, candCategory, c.Category, "is a category, and the method has none")
			case len(m.Categories) > 0 && !known[c.Category]:
				return nil, st, h.errAt(row, candCategory, c.Category, "is not a category of the method ("+categoryList(m)+")")
			}
		}
		if id, _ := h.cell(row, candID); id != "" {
			c.PersonID = id
			if prev, dup := ids[strings.ToLower(id)]; dup {
				return nil, st, h.errAt(row, candID, id, fmt.Sprintf("is also the id of the candidate on row %d", prev))
			}
			ids[strings.ToLower(id)] = row.n
		}
		out = append(out, c)
	}
	return out, st, nil
}

// categoryList names the categories of m for a message.
func categoryList(m model.Method) string {
	var s []string
	for _, c := range m.Categories {
		s = append(s, c.Name)
	}
	return strings.Join(s, ", ")
}

// Column headers of a ballots file.
const (
	ColBallot  = "ballot"   // the ballot's number
	ColWriteIn = "write_in" // a write-in space; "write_in:<category>" with categories
	ColSpoiled = "spoiled"  // non-empty: declared spoiled, the text is the reason
)

// ParseMark reads a ballot cell (RULES §6.1, §6.3): ○ 〇 O o approve; ×
// X x ✕ disapprove; empty (spaces only) abstain — the marks and their
// documented aliases. Any other cell (√ ✓ 1 yes ● Ｏ …) is not a mark: ok
// is false, and the ballots file is refused unless its method says
// other_marks = "abstain" (the scrutineers' judgement on paper).
func ParseMark(s string) (m election.Mark, ok bool) {
	switch strings.TrimSpace(s) {
	case "○", "〇", "O", "o":
		return election.Approve, true
	case "×", "X", "x", "✕":
		return election.Disapprove, true
	case "":
		return election.Abstain, true
	}
	return election.Abstain, false
}

// ReadBallots reads the ballots of file name from r for slate under
// method m: a CSV whose header has `ballot`, one column per candidate
// headed by the candidate's name (any order; every candidate needs one),
// any number of write-in columns headed `write_in` (with categories
// `write_in:<category>`, a category of m), and an optional `spoiled`
// column. Each row is one collected ballot, with as many cells as the
// header; its number is required and unique. Cells are read by ParseMark:
// a cell that is no mark nor a documented alias is an error naming the
// row and the column, unless m's other_marks is "abstain". Write-ins keep
// the left-to-right order of their columns. Errors are *FileError with
// the row and column.
func ReadBallots(name string, r io.Reader, slate []model.Candidate, m model.Method) ([]election.Ballot, error) {
	data, err := readAll(name, r, MaxTableSize)
	if err != nil {
		return nil, err
	}
	return parseBallots(name, data, slate, m)
}

// ReadBallotsFile reads the ballots file at path; see ReadBallots.
func ReadBallotsFile(path string, slate []model.Candidate, m model.Method) ([]election.Ballot, error) {
	data, err := readFile(path, MaxTableSize)
	if err != nil {
		return nil, err
	}
	return parseBallots(path, data, slate, m)
}

func parseBallots(name string, data []byte, slate []model.Candidate, m model.Method) ([]election.Ballot, error) {
	t, err := readCSV(name, data, csvOptions{})
	if err != nil {
		return nil, err
	}
	h, err := t.header("ballot, a column per candidate, write_in, spoiled")
	if err != nil {
		return nil, err
	}
	h.whole = true
	head := h.texts
	bad := func(i int, reason string) error { return t.errAt(h.row, i, head[i], head[i], reason) }
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
	for i, hd := range head {
		if _, isCand := cand[hd]; isCand && (hd == ColBallot || hd == ColSpoiled || hd == ColWriteIn || strings.HasPrefix(hd, ColWriteIn+":")) {
			return nil, bad(i, "is a candidate's name and a reserved column name")
		}
		switch {
		case hd == ColBallot:
			if idCol >= 0 {
				return nil, bad(i, "repeats column "+h.name(idCol))
			}
			idCol = i
		case hd == ColSpoiled:
			if spoiledCol >= 0 {
				return nil, bad(i, "repeats column "+h.name(spoiledCol))
			}
			spoiledCol = i
		case hd == ColWriteIn || strings.HasPrefix(hd, ColWriteIn+":"):
			cat, hasCat := strings.CutPrefix(hd, ColWriteIn+":")
			cat = strings.TrimSpace(cat)
			switch {
			case len(m.Categories) == 0 && hasCat:
				return nil, bad(i, "names a category, and the method has none: write_in")
			case len(m.Categories) > 0 && !hasCat:
				return nil, bad(i, "needs its category: write_in:<category> ("+categoryList(m)+")")
			case hasCat && !cats[cat]:
				return nil, bad(i, "names no category of the method ("+categoryList(m)+")")
			}
			if !hasCat {
				cat = ""
			}
			writeCols = append(writeCols, wcol{i, cat})
		case hd == "":
		default:
			j, ok := cand[hd]
			if !ok {
				return nil, bad(i, "is not a candidate of the slate, nor ballot, write_in or spoiled")
			}
			if candCol[j] >= 0 {
				return nil, bad(i, "repeats column "+h.name(candCol[j]))
			}
			candCol[j] = i
		}
	}
	if idCol < 0 {
		return nil, t.errAt(h.row, -1, "", "", "has no column ballot (the ballot's number)")
	}
	for j, col := range candCol {
		if col < 0 {
			return nil, t.errAt(h.row, -1, "", slate[j].Name, "is a candidate without a column")
		}
	}
	rows, err := h.data()
	if err != nil {
		return nil, err
	}
	ids := map[string]int{}
	out := make([]election.Ballot, 0, len(rows))
	for _, row := range rows {
		cells := row.cells
		b := election.Ballot{ID: cells[idCol], Marks: make([]election.Mark, len(slate))}
		if b.ID == "" {
			return nil, t.errAt(row, idCol, head[idCol], "", "is empty: every ballot needs its number")
		}
		if prev, dup := ids[b.ID]; dup {
			return nil, t.errAt(row, idCol, head[idCol], b.ID, fmt.Sprintf("is the number of the ballot on row %d too", prev))
		}
		ids[b.ID] = row.n
		for j, col := range candCol {
			mk, ok := ParseMark(cells[col])
			if !ok && m.OtherMarksRule() != model.OtherMarksAbstain {
				return nil, t.errAt(row, col, head[col], cells[col],
					"is not a mark: use ○ (also 〇 O o), × (also X x ✕) or leave it empty to abstain; "+
						"or say other_marks = \"abstain\" in the method when the scrutineers judged such marks abstentions")
			}
			b.Marks[j] = mk
		}
		for _, w := range writeCols {
			if cells[w.col] != "" {
				b.WriteIns = append(b.WriteIns, election.WriteIn{Name: cells[w.col], Category: w.cat})
			}
		}
		if spoiledCol >= 0 {
			b.Spoiled = cells[spoiledCol]
		}
		out = append(out, b)
	}
	return out, nil
}
