package records

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestContents checks what RULES §7 asks of each record in the demo
// congress.
func TestContents(t *testing.T) {
	r := build(t, "zh")
	a := r.Minutes.Attendance
	if a.Expected != 122 || a.Present != 118 || a.OnLeave != 2 || a.Left != 1 || a.NotArrived != 1 || len(a.Absentees) != 4 {
		t.Fatalf("attendance %+v", a)
	}
	if tot := r.SignIn.Totals; tot != (Totals{Expected: 122, Arrived: 119, Present: 118, Left: 1, OnLeave: 2, Absent: 1}) {
		t.Fatalf("sign-in totals %+v", tot)
	}
	var votes []Vote
	for _, it := range r.Minutes.Items {
		votes = append(votes, it.Votes...)
	}
	if len(votes) != 3 || votes[2].RuleText != "全体代表的二分之一以上" || votes[2].Need != 61 || !votes[2].Adopted {
		t.Fatalf("votes %+v", votes)
	}
	if q := r.Questions; len(q) != 2 || q[0].Status != "answered" || q[1].Status != "on_notice" || q[1].Due != "2026-12-14" {
		t.Fatalf("questions %+v", q)
	}
	if m := r.Motions; len(m) != 2 || m[0].Adopted == nil || !*m[0].Adopted || m[1].Status != "declined" || m[1].Due != "2026-12-14" {
		t.Fatalf("motions %+v", m)
	}
	e := r.Election
	if e == nil || len(e.Rounds) != 2 || e.Rounds[1].Kind != "runoff" || len(e.Elected) != 13 || e.Chief == nil {
		t.Fatalf("election %+v", e)
	}
	if len(e.Rounds[0].Runoffs) != 1 || len(e.Rounds[0].Threshold) != 1 || !strings.Contains(e.Rounds[0].Threshold[0], "62") {
		t.Fatalf("round 1: runoffs %+v threshold %q", e.Rounds[0].Runoffs, e.Rounds[0].Threshold)
	}
	if e.Rounds[0].Opened.String() != "2026-11-30 11:45" {
		t.Fatalf("round 1 opened %s, want China Standard Time", e.Rounds[0].Opened)
	}
	// The demo's 张伟 D0032 is a candidate; another 张伟 (D0043) is on the
	// roster: the ballot and the elected list tell them apart.
	for _, c := range e.Candidates {
		if c.PersonID == "D0032" && c.Label != "张伟（药学与医学技术分院，D0032）" {
			t.Errorf("candidate D0032 printed as %q", c.Label)
		}
	}
}

// TestFacts checks the facts of the small congress: when it began (the
// first item, not when the record was created), arrival kept through an
// undo, the counting as it happened, no per-ballot figure from a tally
// whose categories differ, the two 张伟 told apart.
func TestFacts(t *testing.T) {
	r := small(t, "zh", -1)
	c := r.Congress
	if c.Created.String() != "2026-11-30 08:00" || c.Started.String() != "2026-11-30 09:05" || c.Closed.String() != "2026-11-30 11:07" {
		t.Errorf("created %s, started %s, closed %s", c.Created, c.Started, c.Closed)
	}
	if r.Status != "final" {
		t.Errorf("status %s after the closing item ended", r.Status)
	}
	people := map[string]Signing{}
	for _, u := range r.SignIn.Units {
		for _, p := range u.People {
			people[p.ID] = p
		}
	}
	if p := people["D06"]; p.Status != "present" || p.Arrived.String() != "2026-11-30 09:02" || !p.Departed.IsZero() {
		t.Errorf("D06, marked left and undone: %+v", p)
	}
	if p := people["D08"]; p.Status != "left" || p.Arrived.String() != "2026-11-30 09:02" || p.Departed.String() != "2026-11-30 11:01" {
		t.Errorf("D08, arrived and left: %+v", p)
	}
	e := r.Election
	r1, r2 := e.Rounds[0], e.Rounds[1]
	if r1.Counting != "tally" || r1.Valid != nil || r1.Invalid != nil || len(r1.Categories) != 2 || r1.Categories[0].Invalid != 1 {
		t.Errorf("round 1 from a tally sheet: counting %s, valid %v, categories %+v", r1.Counting, r1.Valid, r1.Categories)
	}
	if r2.Counting != "double" || r2.Valid == nil || *r2.Valid != 9 || *r2.Invalid != 1 || len(r2.Tellers) != 2 {
		t.Errorf("round 2 keyed twice: counting %s, valid %v, tellers %v", r2.Counting, r2.Valid, r2.Tellers)
	}
	if q := r.Questions; q[0].Delegate.Label != "张伟（护理分院，D05）" || q[1].Delegate.Label != "张伟（机电工程分院，D01）" {
		t.Errorf("questions by %q and %q", q[0].Delegate.Label, q[1].Delegate.Label)
	}
	if e.Candidates[1].Label != "张伟（机电工程分院，D01）" || e.Elected[1].Label != "张伟（机电工程分院，D01）" {
		t.Errorf("candidate %q, elected %q", e.Candidates[1].Label, e.Elected[1].Label)
	}
	if len(r.Resolutions) != 3 || !strings.Contains(r.Resolutions[2].Text, "社团经费") {
		t.Errorf("resolutions %+v", r.Resolutions)
	}
	if a := r.Assessment; a[7].Verdict != "met" || a[8].Verdict != "met" || a[9].Verdict != "" || a[2].Verdict != "" ||
		a[15].Verdict != "met" || a[16].Verdict != "not_met" {
		t.Errorf("assessment 3 %q, 8 %q, 9 %q, 10 %q, 16 %q, 17 %q", a[2].Verdict, a[7].Verdict, a[8].Verdict, a[9].Verdict, a[15].Verdict, a[16].Verdict)
	}
	for _, p := range r.Script {
		if p.Title == "关于学生会工作报告的决议" && !strings.Contains(p.Text, "赞成9票，反对0票，弃权1票，通过") {
			t.Errorf("the resolution's script: %s", p.Text)
		}
	}
}

// TestBeforeTheCongress: a congress only set up prints drafts, a blank
// sign-in form, a script with blanks, no date of opening.
func TestBeforeTheCongress(t *testing.T) {
	r := small(t, "zh", 0)
	if r.Status != "draft" || !r.Congress.Started.IsZero() || r.Congress.Date != "2026-11-30" {
		t.Fatalf("status %s, started %s, date %s", r.Status, r.Congress.Started, r.Congress.Date)
	}
	for _, p := range r.Script {
		if p.Item == 1 && !strings.Contains(p.Text, "应到正式代表____名，实到____名") {
			t.Errorf("the preparatory script before the congress: %s", p.Text)
		}
	}
	docs := layout(r)
	for _, d := range docs {
		if d.Code != "sign-in" {
			continue
		}
		for _, b := range d.Blocks {
			if b.Kind == bTable && b.Sign > 0 {
				for _, row := range b.Rows {
					if row[4].Text != "" || row[5].Text != "" || row[6].Text != "" {
						t.Errorf("a blank form with %v", row)
					}
				}
			}
		}
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("schema.json", sch); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestJSONSchema(t *testing.T) {
	s := compileSchema(t)
	for _, r := range []*Record{build(t, "zh"), small(t, "en", -1), small(t, "zh", 0)} {
		data, err := renderJSON(r)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(inst); err != nil {
			t.Fatalf("%s %s: %v", r.Lang, r.Status, err)
		}
		// The JSON reads back into the same record.
		var back Record
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		again, _ := renderJSON(&back)
		if !bytes.Equal(again, data) {
			t.Fatal("record.json does not read back to the same record")
		}
	}
}

// TestSchemaRejects makes sure the schema is not vacuous.
func TestSchemaRejects(t *testing.T) {
	s := compileSchema(t)
	data, _ := renderJSON(small(t, "zh", -1))
	for _, bad := range []struct{ from, to string }{
		{`"format": "podium-records/2"`, `"format": "podium-records/1"`},
		{`"events": `, `"events": -`},
		{`"status": "on_notice"`, `"status": "lost"`},
		{`"expected": 12`, `"expected": "12"`},
		{`"counting": "double"`, `"counting": "checked"`},
		{`"status": "final"`, `"status": "signed"`},
	} {
		if !strings.Contains(string(data), bad.from) {
			t.Fatalf("record.json has no %s", bad.from)
		}
		doc := strings.Replace(string(data), bad.from, bad.to, 1)
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if s.Validate(inst) == nil {
			t.Errorf("the schema accepts %s", bad.to)
		}
	}
}

// TestDeterministic writes every format twice, in two directories, with
// the machine's zone changed in between, and compares every file.
func TestDeterministic(t *testing.T) {
	r := small(t, "zh", -1)
	a, b := t.TempDir(), t.TempDir()
	for _, f := range Formats {
		fa, err := Write(r, f, a)
		if err != nil {
			t.Fatal(err)
		}
		old := time.Local
		time.Local = time.FixedZone("X", -5*3600)
		fb, err := Write(small(t, "zh", -1), f, b)
		time.Local = old
		if err != nil {
			t.Fatal(err)
		}
		if len(fa) != len(fb) || len(fa) == 0 {
			t.Fatalf("%s: %d and %d files", f, len(fa), len(fb))
		}
		for i := range fa {
			x, _ := os.ReadFile(fa[i])
			y, _ := os.ReadFile(fb[i])
			if !bytes.Equal(x, y) {
				t.Errorf("%s differs between two writes", filepath.Base(fa[i]))
			}
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := Write(small(t, "zh", 0), "pdf", t.TempDir()); err == nil {
		t.Fatal("pdf accepted")
	}
}

// TestEnglishPunctuation: the English records use ASCII punctuation in
// their own words (names and texts stay as recorded; the small congress
// records none of these marks).
func TestEnglishPunctuation(t *testing.T) {
	for _, upTo := range []int{-1, 0} {
		var b strings.Builder
		r := small(t, "en", upTo)
		b.Write(renderMarkdown(r, layout(r)))
		for _, f := range layout(r) {
			b.WriteString(f.Title)
		}
		for _, mark := range []string{"（", "）", "：", "；", "，", "、", "—"} {
			if i := strings.Index(b.String(), mark); i >= 0 {
				t.Errorf("%q in the English records: %q", mark, b.String()[max(0, i-40):min(b.Len(), i+40)])
			}
		}
	}
}
