package records

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"podium/session"
	"podium/session/election"

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
	if len(votes) != 5 || votes[2].RuleText != "全体代表的二分之一以上" || votes[2].Need != 61 || !votes[2].Adopted {
		t.Fatalf("votes %+v", votes)
	}
	// The adoption votes of the election are votes of the congress, with
	// their counts, linked to the election (RULES §3).
	if m, s := votes[3], votes[4]; m.Adopts != "method" || m.Subject != "通过选举办法" || m.For != 112 || m.Need != 61 ||
		s.Adopts != "scrutineers" || s.Subject != "通过监票人名单" || s.For != 115 ||
		r.Election.MethodVote == nil || *r.Election.MethodVote != m.No || r.Election.ScrutineersVote == nil || *r.Election.ScrutineersVote != s.No {
		t.Fatalf("adoption votes %+v %+v, election links %v %v", m, s, r.Election.MethodVote, r.Election.ScrutineersVote)
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
	if p := people["D07"]; p.Status != "on_leave" || p.Reason != "参加省运动会" {
		t.Errorf("D07 on leave: %+v", p)
	}
	if tot := r.SignIn.Totals; tot.Arrived != tot.Present+tot.Left || tot.Left != 1 {
		t.Errorf("who arrived and left is counted arrived, never absent: %+v", tot)
	}
	var leave *Absentee
	for i, a := range r.Minutes.Attendance.Absentees {
		if a.ID == "D07" {
			leave = &r.Minutes.Attendance.Absentees[i]
		}
	}
	if leave == nil || leave.Reason != "参加省运动会" {
		t.Errorf("the absentee table's leave: %+v", leave)
	}
	// The vote recorded by mistake stays, struck with its reason; the
	// item's outcome is the vote after it.
	var first []Vote
	for _, it := range r.Minutes.Items {
		first = append(first, it.Votes...)
	}
	if v := first[0]; v.No != 1 || v.Struck == nil || v.Struck.Reason != "误按 表决尚未进行" || first[1].No != 2 || first[1].Struck != nil {
		t.Errorf("the struck vote: %+v, then %+v", first[0], first[1])
	}
	for _, res := range r.Resolutions {
		if res.Vote == 1 {
			t.Errorf("a struck vote among the resolutions: %+v", res)
		}
	}
	e := r.Election
	r1, r2 := e.Rounds[0], e.Rounds[1]
	// A tally sheet gives its figures per category; none per ballot is
	// inferred (RULES §6.3), not even where arithmetic would allow it.
	if r1.Counting != "tally" || r1.Valid != nil || r1.Invalid != nil || r1.PartlyInvalid != nil ||
		len(r1.Categories) != 2 || r1.Categories[0].Invalid != 1 || r1.Categories[1].Invalid != 0 {
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
	// The adoption votes are decisions of the congress; the struck vote is none.
	if len(r.Resolutions) != 5 || r.Resolutions[1].Title != "通过选举办法" || !strings.Contains(r.Resolutions[4].Text, "社团经费") {
		t.Errorf("resolutions %+v", r.Resolutions)
	}
	if a := r.Assessment; a[7].Verdict != "met" || a[8].Verdict != "met" || a[9].Verdict != "" || a[2].Verdict != "met" ||
		a[3].Verdict != "not_met" || a[4].Verdict != "met" || a[5].Verdict != "" || a[15].Verdict != "met" || a[16].Verdict != "not_met" {
		t.Errorf("assessment 3 %q, 4 %q, 5 %q, 6 %q, 8 %q, 9 %q, 10 %q, 16 %q, 17 %q", a[2].Verdict, a[3].Verdict, a[4].Verdict, a[5].Verdict,
			a[7].Verdict, a[8].Verdict, a[9].Verdict, a[15].Verdict, a[16].Verdict)
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
		{`"status": "cannot_verify"`, `"status": "cannot verify"`},
		{`"code": "no_major_size"`, `"code": "guessed"`},
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

// TestPartlyInvalidRecord keys round 1 of the small congress: first a
// tally sheet, set aside when the host switches to keyed ballots with a
// reason; then one teller keys ten ballots, one of which approves all
// four 委员 for three seats while its 主席团 part is valid. The record
// says so (RULES §6.3, §7): counted by one teller (单人录入), 1 invalid
// ballot of which 1 partly invalid, the ballot's figures and 部分无效
// words, the announcement, and the set-aside sheet with its reason.
func TestPartlyInvalidRecord(t *testing.T) {
	s, log := smallCongress(t, 2)
	ballots := []string{"○○○○○", "○○○× ", "○○○× ", "○○×○ ", "○○×○ ", "○×○○ ", "○×○○ ", "×○○○ ", "○○ ○ ", "     "}
	cmds := []session.Command{
		session.StartItem{Meta: by("host", 80), Index: 5},
		session.OpenRound{Meta: by("host", 82)},
		session.IssueBallots{Meta: by("host", 83), N: 10},
		session.CollectBallots{Meta: by("host", 90), N: 10},
		session.EnterTally{Meta: by("t1", 92), Tally: election.Tally{Counts: []election.TallyCount{
			{Approve: 10}, {Approve: 10}, {Approve: 10}, {Approve: 10}, {Abstain: 10}}, Invalid: []int{0, 0}}},
		session.SwitchEntry{Meta: by("host", 93), To: session.EntryBallots, Reason: "计票单抄错，改为录入选票"},
	}
	for i, b := range ballots {
		var marks []election.Mark
		for _, r := range b {
			marks = append(marks, map[rune]election.Mark{'○': election.Approve, '×': election.Disapprove, ' ': election.Abstain}[r])
		}
		cmds = append(cmds, session.EnterBallot{Meta: by("t1", 95+i/5), Index: -1, Ballot: election.Ballot{ID: itoa(i + 1), Marks: marks}})
	}
	cmds = append(cmds, session.DecideRound{Meta: by("host", 100)})
	run(t, s, cmds...)
	var r *Record
	s.Read(func(st *session.State) { r = Build(st, digestOf(t, log), "zh") })
	x := r.Election.Rounds[0]
	if x.Counting != "single" || x.Valid == nil || *x.Valid != 9 || *x.Invalid != 1 || x.PartlyInvalid == nil || *x.PartlyInvalid != 1 {
		t.Fatalf("round 1: counting %s, valid %v invalid %v partly %v", x.Counting, x.Valid, x.Invalid, x.PartlyInvalid)
	}
	if len(x.InvalidBallots) != 1 {
		t.Fatalf("invalid ballots %+v", x.InvalidBallots)
	}
	iv := x.InvalidBallots[0]
	if iv.Ballot != "1" || iv.Category != "委员" || !iv.Partly || iv.Selections != 4 || iv.Seats != 3 {
		t.Errorf("the invalid ballot %+v", iv)
	}
	w := termsFor("zh")
	if got := w.invalidWhy(iv); got != "部分无效：委员所选 4 人，多于应选 3 名；其余类别有效" {
		t.Errorf("the words %q", got)
	}
	if !slices.ContainsFunc(x.Announcements, func(a string) bool { return strings.Contains(a, "其中部分无效1张") }) {
		t.Errorf("announcements %q", x.Announcements)
	}
	if len(x.SetAside) != 1 || x.SetAside[0].Reason != "计票单抄错，改为录入选票" || !x.SetAside[0].Tally {
		t.Errorf("set aside %+v", x.SetAside)
	}
	var b bytes.Buffer
	b.Write(renderMarkdown(r, layout(r)))
	for _, want := range []string{"部分无效：委员所选 4 人，多于应选 3 名；其余类别有效", "单人录入", "计票单抄错，改为录入选票"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the records lack %q", want)
		}
	}
}
