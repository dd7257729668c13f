package records

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"podium/model"
	"podium/session"
)

// dangerous are the first characters a spreadsheet reads as a formula
// (OWASP, CSV injection).
const dangerous = "=+-@\t\r"

// readCSVs reads every CSV file written for r: its header and rows.
func readCSVs(t *testing.T, r *Record) map[string][][]string {
	t.Helper()
	files, err := Write(r, "csv", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][][]string{}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		if !bytes.HasPrefix(b, bom) {
			t.Errorf("%s has no BOM", filepath.Base(f))
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, bom))).ReadAll()
		if err != nil { // also refuses a row with another number of fields
			t.Fatalf("%s: %v", filepath.Base(f), err)
		}
		out[filepath.Base(f)] = rows
	}
	return out
}

// TestCSVTables: one tidy table per file, the fixed header first, every
// row as wide as it; index.csv lists them with the digest.
func TestCSVTables(t *testing.T) {
	r := small(t, "zh", -1)
	tables := readCSVs(t, r)
	for _, name := range []string{"attendance.csv", "votes.csv", "candidates.csv", "rounds.csv", "categories.csv", "elected.csv",
		"agenda.csv", "questions.csv", "motions.csv", "resolutions.csv", "self-assessment.csv", "index.csv"} {
		if _, ok := tables[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	for name, rows := range tables {
		base := strings.TrimSuffix(name, ".csv")
		if want := csvHeads(zhTerms, base); len(rows) == 0 || !slicesEqual(rows[0], want) {
			t.Errorf("%s: header %q, want %q", name, rows[0], want)
		}
	}
	if n := len(tables["attendance.csv"]) - 1; n != 14 {
		t.Errorf("attendance.csv has %d people, want 14", n)
	}
	if n := len(tables["candidates.csv"]) - 1; n != 8 {
		t.Errorf("candidates.csv has %d lines, want 5 + 3", n)
	}
	index := tables["index.csv"]
	if len(index) != len(tables) || index[1][4] != r.Digest.HeadHex() || index[1][2] != "final" {
		t.Errorf("index.csv %q", index[:2])
	}
	// Round 1 was counted from a tally sheet: its figures are per
	// category, no per-ballot one is inferred (RULES §6.3).
	rounds := tables["rounds.csv"]
	if rounds[1][5] != "计票单录入" || rounds[1][11] != "" || rounds[1][12] != "" || rounds[1][13] != "" ||
		rounds[2][11] != "9" || rounds[2][5] != "双人核对" {
		t.Errorf("rounds.csv %q", rounds)
	}
}

func slicesEqual(a, b []string) bool {
	return len(a) == len(b) && strings.Join(a, "\x00") == strings.Join(b, "\x00")
}

// TestCSVInjection writes a congress whose roster names, a note typed by
// the secretary, a question and a motion start with every character a
// spreadsheet reads as a formula: every cell of every CSV file comes out
// with a leading apostrophe, and the text otherwise as recorded.
func TestCSVInjection(t *testing.T) {
	setup := smallSetup(t)
	// A tab or a carriage return never starts a name (Rule C refuses
	// them outside paragraphs); a note may start with a tab.
	evil := map[string]string{"D01": "=1+1", "D02": "+SUM(A1)", "D03": "-2+3", "D04": "@cmd", "D05": "=TAB()", "D06": "+cr"}
	for i, p := range setup.Roster {
		if n, ok := evil[p.ID]; ok {
			setup.Roster[i].Name = n
		}
	}
	for i, c := range setup.Election.Candidates { // the ballot names them as the roster does
		if n, ok := evil[c.PersonID]; ok {
			setup.Election.Candidates[i].Name = n
		}
	}
	log := &session.MemoryLog{}
	s, err := session.Create(log, session.Open{Meta: by("secretary", -60), Setup: setup})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"D01", "D02", "D03", "D04", "D05", "D06", "D08", "D09", "D10", "D12"} {
		run(t, s, session.Mark{Meta: by("desk", 1), Person: id, Status: session.Present})
	}
	run(t, s,
		session.DeclareOpen{Meta: by("host", 5)},
		session.StartItem{Meta: by("host", 5), Index: 0},
		session.AddNote{Meta: by("secretary", 6), Text: `=HYPERLINK("http://evil.example/","Click")`},
		session.AddNote{Meta: by("secretary", 6), Text: "\t=tab"},
		session.AskQuestion{Meta: by("secretary", 7), Delegate: "D01", Target: "@主席团", Text: "+1 为什么？"},
		session.FileMotion{Meta: by("secretary", 8), Proposer: "D02", CoSigners: []string{"D03", "D04"},
			Title: "-提案", Text: "@SUM(1,2)", Category: "=分类"},
		session.RecordVote{Meta: by("host", 9), Subject: "=通过议程", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 10},
	)
	var r *Record
	s.Read(func(st *session.State) { r = Build(st, digestOf(t, log), "zh") })
	seen := map[string]bool{}
	for name, rows := range readCSVs(t, r) {
		for i, row := range rows {
			for j, c := range row {
				if c != "" && strings.ContainsRune(dangerous, rune(c[0])) {
					t.Errorf("%s row %d column %d: %q would be read as a formula", name, i+1, j+1, c)
				}
				if strings.HasPrefix(c, "'") {
					seen[c] = true
				}
			}
		}
	}
	for _, want := range []string{"'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\t=tab", "'=TAB()", "'+cr",
		`'=HYPERLINK("http://evil.example/","Click")`, "'@主席团", "'+1 为什么？", "'-提案", "'@SUM(1,2)", "'=分类", "'=通过议程"} {
		if !seen[want] {
			t.Errorf("no cell %q", want)
		}
	}
}

// TestNeutralise is the rule itself, each dangerous first character and
// the harmless ones.
func TestNeutralise(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"=A1", "'=A1"}, {"+1", "'+1"}, {"-1", "'-1"}, {"@x", "'@x"}, {"\tx", "'\tx"}, {"\rx", "'\rx"},
		{"", ""}, {"张伟", "张伟"}, {"a=b", "a=b"}, {"'=A1", "'=A1"}, {" =A1", " =A1"},
	} {
		if got := neutralise(c.in); got != c.want {
			t.Errorf("neutralise(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
