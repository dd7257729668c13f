package paper

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"podium/model"
	"podium/paper/deck"
	"podium/session/election"
)

// The test deck as files for `podium count`: the method (TOML), the
// candidates (CSV, in ballot order) and the ballots (CSV, one row per
// test ballot), in the formats package files reads.

// MethodTOML writes m as a method file (files.ParseMethod reads it back).
func MethodTOML(m model.Method) []byte {
	var b bytes.Buffer
	q := func(s string) string { return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"` }
	fmt.Fprintf(&b, "# the election method of the rehearsal (演练), as in the congress\n")
	fmt.Fprintf(&b, "seats = %d\n", m.Seats)
	fmt.Fprintf(&b, "quorum = %s\nquorum_strict = %t\n", q(fmt.Sprintf("%d/%d", m.Quorum.Num, m.Quorum.Den)), m.Quorum.Strict)
	fmt.Fprintf(&b, "threshold = %s\nthreshold_strict = %t\n", q(fmt.Sprintf("%d/%d", m.Threshold.Num, m.Threshold.Den)), m.Threshold.Strict)
	fmt.Fprintf(&b, "threshold_base = %s\nwrite_ins = %s\nover_selection = %s\n", q(string(m.ThresholdBase)), q(string(m.WriteIns)), q(string(m.OverSelection)))
	if m.Tie != "" {
		fmt.Fprintf(&b, "tie = %s\n", q(string(m.Tie)))
	}
	if m.OtherMarks != "" {
		fmt.Fprintf(&b, "other_marks = %s\n", q(string(m.OtherMarks)))
	}
	for _, c := range m.Categories {
		fmt.Fprintf(&b, "\n[[categories]]\nname = %s\nseats = %d\n", q(c.Name), c.Seats)
	}
	return b.Bytes()
}

// CandidatesCSV writes the slate as a candidates file: name, category
// (with categories) and person_id, in ballot order.
func CandidatesCSV(m model.Method, slate []model.Candidate) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	cats := len(m.Categories) > 0
	head := []string{"name"}
	if cats {
		head = append(head, "category")
	}
	w.Write(append(head, "person_id"))
	for _, c := range slate {
		row := []string{c.Name}
		if cats {
			row = append(row, c.Category)
		}
		w.Write(append(row, c.PersonID))
	}
	w.Flush()
	return b.Bytes()
}

// BallotsCSV writes ballots as a ballots file for the slate: ballot, a
// column per candidate (○, × or blank), the write-in columns each
// category needs (write_in:<category>, or write_in), spoiled. Swap, when
// not nil, swaps two candidates' columns under their headings (the test
// of the test: the comparison must then fail).
func BallotsCSV(m model.Method, slate []model.Candidate, ballots []election.Ballot, swap []int) []byte {
	cats := []string{""}
	if len(m.Categories) > 0 {
		cats = cats[:0]
		for _, c := range m.Categories {
			cats = append(cats, c.Name)
		}
	}
	spaces := map[string]int{}
	for _, bal := range ballots {
		n := map[string]int{}
		for _, wi := range bal.WriteIns {
			n[wi.Category]++
			spaces[wi.Category] = max(spaces[wi.Category], n[wi.Category])
		}
	}
	head := []string{"ballot"}
	for _, c := range slate {
		head = append(head, c.Name)
	}
	var wcats []string
	for _, cat := range cats {
		for k := 0; k < spaces[cat]; k++ {
			if cat == "" {
				head = append(head, "write_in")
			} else {
				head = append(head, "write_in:"+cat)
			}
			wcats = append(wcats, cat)
		}
	}
	head = append(head, "spoiled")
	col := make([]int, len(slate))
	for i := range col {
		col[i] = i
	}
	if len(swap) == 2 {
		col[swap[0]], col[swap[1]] = col[swap[1]], col[swap[0]]
	}
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.Write(head)
	for _, bal := range ballots {
		row := []string{bal.ID}
		for i := range slate {
			row = append(row, markText(markAt(bal.Marks, col[i])))
		}
		used := map[string]int{}
		for _, cat := range wcats {
			cell := ""
			k := 0
			for _, wi := range bal.WriteIns {
				if wi.Category == cat {
					if k == used[cat] {
						cell = wi.Name
						break
					}
					k++
				}
			}
			used[cat]++
			row = append(row, cell)
		}
		w.Write(append(row, bal.Spoiled))
	}
	w.Flush()
	return b.Bytes()
}

func markAt(m []election.Mark, i int) election.Mark {
	if i < len(m) {
		return m[i]
	}
	return election.Abstain
}

func markText(m election.Mark) string {
	switch m {
	case election.Approve:
		return "○"
	case election.Disapprove:
		return "×"
	}
	return ""
}

// ExpectedCSV writes the deck's expected result: a line per figure
// (ballots, categories, candidates, write-ins) with its value.
func ExpectedCSV(d deck.Deck) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.Write([]string{"name", "category", "figure", "expected"})
	e := d.Expect
	for _, f := range []struct {
		n string
		v int
	}{{"collected", e.Collected}, {"valid", e.Valid}, {"invalid", e.Invalid}} {
		w.Write([]string{"", "", f.n, strconv.Itoa(f.v)})
	}
	for _, c := range e.Categories {
		w.Write([]string{"", c.Name, "valid", strconv.Itoa(c.Valid)})
		w.Write([]string{"", c.Name, "invalid", strconv.Itoa(c.Invalid)})
	}
	for _, c := range e.Candidates {
		w.Write([]string{c.Name, c.Category, "approve", strconv.Itoa(c.Approve)})
		w.Write([]string{c.Name, c.Category, "disapprove", strconv.Itoa(c.Disapprove)})
		w.Write([]string{c.Name, c.Category, "abstain", strconv.Itoa(c.Abstain)})
	}
	for _, c := range e.WriteIns {
		w.Write([]string{c.Name, c.Category, "write_in", strconv.Itoa(c.Approve)})
	}
	w.Flush()
	return b.Bytes()
}

// DeckFills are the deck's ballots as filled ballots to print, each
// labelled with its number and what it tests.
func DeckFills(d deck.Deck, lang string) []Filled {
	w := termsFor(lang)
	var out []Filled
	for _, t := range d.Tests {
		out = append(out, Filled{Label: w.deckLabel(t.Ballot.ID, len(d.Tests)), Marks: t.Ballot.Marks, WriteIns: t.Ballot.WriteIns, Spoiled: t.Ballot.Spoiled})
	}
	return out
}
