package files

import (
	"fmt"
	"io"
	"strings"

	"podium/model"
)

// ReadSlate reads the candidates file of a congress being set up (see
// ReadCandidates) and links each candidate to the roster, so that a
// candidate who is a delegate can never be a scrutineer:
//
//   - a candidate with a person_id (or id) cell is linked to the roster
//     person of that id (case-blind), who must be a formal delegate of
//     the same name;
//   - otherwise a candidate is linked to the formal delegate of exactly
//     the same name when there is exactly one, and left unlinked when
//     there is none (a candidate who is not a delegate);
//   - when two or more formal delegates share the candidate's name the
//     file is refused, naming them: the secretary says which one stands
//     with a person_id column (the roster's ids, D0001 … when the roster
//     file has no id column).
//
// A file with a header and no candidate is refused too. Errors are
// *FileError with the file's row.
func ReadSlate(name string, r io.Reader, m model.Method, roster []model.Person) ([]model.Candidate, error) {
	data, err := readAll(name, r, MaxTableSize)
	if err != nil {
		return nil, err
	}
	return parseSlate(name, data, m, roster)
}

// ReadSlateFile reads the candidates file at path and links it to the
// roster; see ReadSlate.
func ReadSlateFile(path string, m model.Method, roster []model.Person) ([]model.Candidate, error) {
	data, err := readFile(path, MaxTableSize)
	if err != nil {
		return nil, err
	}
	return parseSlate(path, data, m, roster)
}

func parseSlate(name string, data []byte, m model.Method, roster []model.Person) ([]model.Candidate, error) {
	cands, t, err := parseCandidates(name, data, m)
	if err != nil {
		return nil, err
	}
	if len(cands) == 0 {
		return nil, t.t.errAt(t.row, -1, "", "", "has a header but no candidate")
	}
	byName := map[string][]int{}
	for i, p := range roster {
		if p.Kind == model.Formal {
			byName[p.Name] = append(byName[p.Name], i)
		}
	}
	for k := range cands {
		c, row := &cands[k], t.rows[k]
		if c.PersonID != "" {
			i := personByID(roster, c.PersonID)
			if i < 0 {
				return nil, t.errAt(row, candID, c.PersonID, "is not the id of anyone on the roster")
			}
			if p := roster[i]; p.Kind != model.Formal || p.Name != c.Name {
				return nil, t.errAt(row, candID, c.PersonID, fmt.Sprintf("is %s (%s, %s) on the roster, not the formal delegate %s",
					p.Name, p.Unit, p.Kind, c.Name))
			}
			c.PersonID = roster[i].ID
			continue
		}
		switch same := byName[c.Name]; len(same) {
		case 0:
		case 1:
			c.PersonID = roster[same[0]].ID
		default:
			var who []string
			for _, i := range same {
				who = append(who, fmt.Sprintf("%s (%s)", roster[i].ID, roster[i].Unit))
			}
			return nil, t.errAt(row, candName, c.Name, fmt.Sprintf("is the name of %d formal delegates on the roster: %s; "+
				"add a person_id column with the id of the one who stands", len(same), strings.Join(who, ", ")))
		}
	}
	return cands, nil
}

// personByID is the roster index of the person with id (case-blind, as
// the roster reader compares ids), -1 if none.
func personByID(roster []model.Person, id string) int {
	for i, p := range roster {
		if p.ID == id {
			return i
		}
	}
	for i, p := range roster {
		if strings.EqualFold(p.ID, id) {
			return i
		}
	}
	return -1
}
