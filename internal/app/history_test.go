package app

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"podium/files"
	"podium/model"
	"podium/session"
	"podium/session/election"
)

// legacyCopy copies the database podium wrote before the history was
// versioned (data/testdata/legacy-v1.db): codec 1 events, two rounds
// decided from ballots and tallies, a vacancy, the business around them.
func legacyCopy(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "testdata", "legacy-v1.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "legacy.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// extendedLegacy is the legacy database with events of today's codec
// after it: a mark, the satisfaction survey, a note.
func extendedLegacy(t *testing.T) string {
	t.Helper()
	path := legacyCopy(t)
	c, err := Open(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var last time.Time
	c.Session.Read(func(st *session.State) { last = st.LastAt })
	for _, cmd := range []session.Command{
		session.Mark{Meta: session.Meta{At: last.Add(time.Minute), Actor: "desk-9", Role: session.RoleDesk, Terminal: "ssh:7f3a"}, Person: "D0007", Status: session.Present},
		session.RecordSurvey{Meta: session.Meta{At: last.Add(time.Minute), Actor: "podium check survey", Role: session.RoleSecretary},
			File: "满意度调查.xlsx", Respondents: 10, Items: []model.SurveyCount{
				{Item: 16, Question: 7, Header: "7、整体", Satisfied: 4, Basically: 2, Neutral: 2, Less: 1, Dissatisfied: 0, Blank: 1,
					Mapped: []model.SurveyMapped{{Answer: "1", Option: model.SurveySatisfied, Count: 4, By: "legend"}}},
				{Item: 17, Question: 14, Header: "14、人员", Satisfied: 3, Basically: 2, Neutral: 4, Blank: 1}}},
		session.AddNote{Meta: session.Meta{At: last.Add(2 * time.Minute), Actor: "sec", Role: session.RoleSecretary}, Text: "续记"},
	} {
		if _, err := c.Session.Execute(cmd); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestChainAsDocumented recomputes `podium verify` from `podium log`'s
// output with the algorithm of docs/FORMAT.md ("Recomputing podium verify
// from podium log"), step by step as written there, on a log holding both
// codecs.
func TestChainAsDocumented(t *testing.T) {
	db := extendedLegacy(t)
	var out bytes.Buffer
	if err := PrintLog(context.Background(), &out, db, false); err != nil {
		t.Fatal(err)
	}
	prev := make([]byte, 32)
	count := 0
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var obj struct {
			Seq    int    `json:"seq"`
			Link   string `json:"link"`
			Record string `json:"record"`
		}
		if err := json.Unmarshal(sc.Bytes(), &obj); err != nil {
			t.Fatal(err)
		}
		link, err := hex.DecodeString(obj.Link)
		if err != nil {
			t.Fatal(err)
		}
		record, err := base64.StdEncoding.DecodeString(obj.Record)
		if err != nil {
			t.Fatal(err)
		}
		if obj.Seq != count+1 {
			t.Fatalf("event missing or out of order at %d", obj.Seq)
		}
		if !bytes.Equal(link, prev) {
			t.Fatalf("event %d: chain broken", obj.Seq)
		}
		h := sha256.Sum256(append(link, record...))
		prev = h[:]
		count++
	}
	got := fmt.Sprintf("ok %d %s", count, hex.EncodeToString(prev))
	n, last, err := Verify(db)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("ok %d %x", n, last); got != want || count != 408 {
		t.Fatalf("the documented script gives %q, podium verify %q", got, want)
	}
}

// TestLogLines: each line has the envelope of docs/FORMAT.md, the body's
// fields and the stored record; codec 1 events have no role.
func TestLogLines(t *testing.T) {
	db := extendedLegacy(t)
	var out bytes.Buffer
	if err := PrintLog(context.Background(), &out, db, false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var first, mark, last map[string]any
	for _, l := range []struct {
		s string
		m *map[string]any
	}{{lines[0], &first}, {lines[1], &mark}, {lines[len(lines)-1], &last}} {
		if err := json.Unmarshal([]byte(l.s), l.m); err != nil {
			t.Fatal(err)
		}
	}
	if first["kind"] != "opened" || first["codec"] != 1.0 || first["role"] != "" || first["at"] != "2026-11-30T09:00:00+08:00" {
		t.Errorf("first line: %v", first)
	}
	if _, ok := first["setup"].(map[string]any)["roster"]; !ok {
		t.Error("the opened line has no roster")
	}
	if mark["kind"] != "marked" || mark["person"] != "D0001" || mark["status"] != "present" {
		t.Errorf("second line: %v", mark)
	}
	if last["kind"] != "note_added" || last["codec"] != 2.0 || last["role"] != "secretary" || last["text"] != "续记" {
		t.Errorf("last line: %v", last)
	}
	var marked map[string]any
	for _, l := range lines {
		if strings.Contains(l, `"actor":"desk-9"`) {
			if err := json.Unmarshal([]byte(l), &marked); err != nil {
				t.Fatal(err)
			}
		}
	}
	if marked["kind"] != "marked" || marked["terminal"] != "ssh:7f3a" {
		t.Errorf("a mark's terminal: %v", marked)
	}
	for _, k := range []string{"seq", "at", "actor", "role", "kind", "codec", "record", "link"} {
		if _, ok := last[k]; !ok {
			t.Errorf("no %q in %v", k, last)
		}
	}
}

// TestLogCommandsApplyRoundTrip: the commands behind the events of a
// congress recorded today (terminals, a leave with its reason, an undo, a
// struck vote, the adoption votes, a round switched from keyed ballots to
// a tally sheet and decided), printed by podium log --commands and
// executed by podium apply on an empty database, give the same congress:
// the same events, byte for byte, so the same chain.
func TestLogCommandsApplyRoundTrip(t *testing.T) {
	db := todaysCongress(t)
	var cmds bytes.Buffer
	if err := PrintLog(context.Background(), &cmds, db, true); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "commands.jsonl")
	if err := os.WriteFile(file, cmds.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	copyDB := filepath.Join(t.TempDir(), "copy.db")
	var out bytes.Buffer
	if err := Apply(&out, copyDB, file, nil, false); err != nil {
		t.Fatalf("%v\n%s", err, tail(out.String()))
	}
	n1, h1, err1 := Verify(db)
	n2, h2, err2 := Verify(copyDB)
	if err1 != nil || err2 != nil || n1 != n2 || h1 != h2 {
		t.Fatalf("the applied congress differs: %d %x %v, %d %x %v", n1, h1, err1, n2, h2, err2)
	}
	for _, kind := range []string{"excused", "vote_struck", "method_voted", "scrutineers_voted", "entry_switched", `"terminal":"ssh:aa"`, "record_staff_audit"} {
		if !strings.Contains(cmds.String(), kind) && !strings.Contains(logText(t, db), kind) {
			t.Errorf("the congress has no %s", kind)
		}
	}
}

// TestLegacyCommandsUnderTodaysRules: the commands of the legacy
// congress, applied today, are taken until the first one today's rules
// refuse (a 离场 marked for someone never present), with its code:
// a congress recorded under laxer rules is not rewritten to pass.
func TestLegacyCommandsUnderTodaysRules(t *testing.T) {
	db := extendedLegacy(t)
	var cmds bytes.Buffer
	if err := PrintLog(context.Background(), &cmds, db, true); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "commands.jsonl")
	if err := os.WriteFile(file, cmds.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Apply(&out, filepath.Join(t.TempDir(), "copy.db"), file, nil, false); !errors.Is(err, ErrRefused) {
		t.Fatalf("%v", err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 124 || strings.Count(out.String(), `"ok":true`) != 123 || !strings.Contains(lines[123], `"code":"not_present"`) {
		t.Fatalf("%d lines: %s", len(lines), tail(out.String()))
	}
}

// logText is podium log's output for db.
func logText(t *testing.T, db string) string {
	t.Helper()
	var out bytes.Buffer
	if err := PrintLog(context.Background(), &out, db, false); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// todaysCongress records a demo congress with today's commands: check-in
// from two terminals (one leave with its reason, one undo), the
// declaration, a vote struck and taken again, the adoption votes of the
// method and the scrutineers, a round keyed by a teller, switched to a
// tally sheet with the reason, and decided; a staff audit.
func todaysCongress(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "today.db")
	setup := files.Demo()
	t0 := time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC)
	if err := Create(db, setup, t0, false); err != nil {
		t.Fatal(err)
	}
	c, err := Open(db, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	min := 0
	meta := func(actor string, role session.Role, terminal string) session.Meta {
		min++
		return session.Meta{At: t0.Add(time.Duration(min) * time.Minute), Actor: actor, Role: role, Terminal: terminal}
	}
	host := func() session.Meta { return meta("host", session.RoleHost, "console") }
	var cmds []session.Command
	var formal []string
	for _, p := range setup.Roster {
		if p.Kind == model.Formal {
			formal = append(formal, p.ID)
		}
	}
	for i, id := range formal[:119] {
		cmds = append(cmds, session.Mark{Meta: meta("desk:签到台", session.RoleDesk, []string{"ssh:aa", "ssh:bb"}[i%2]), Person: id, Status: session.Present})
	}
	cmds = append(cmds,
		session.Mark{Meta: meta("desk:签到台", session.RoleDesk, "ssh:aa"), Person: formal[119], Status: session.OnLeave, Reason: "参加省运动会"},
		session.Undo{Meta: meta("desk:签到台", session.RoleDesk, "ssh:bb")},
		session.DeclareOpen{Meta: host()},
		session.StartItem{Meta: host(), Index: 0},
		session.RecordVote{Meta: host(), Subject: "大会议程", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 1},
		session.StrikeVote{Meta: host(), No: 1, Reason: "误按：表决尚未进行"},
		session.RecordVote{Meta: host(), Subject: "大会议程", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 110, Against: 3, Abstain: 5},
		session.AdoptMethod{Meta: host(), Method: setup.Election.Method, Vote: &session.VoteCounts{Method: model.VoteHands, For: 112, Against: 2, Abstain: 4}},
		session.AdoptScrutineers{Meta: host(), Scrutineer: "D0001", Chief: "D0003", Counters: []string{"赵计票"},
			Vote: &session.VoteCounts{Method: model.VoteHands, For: 115, Abstain: 3}},
		session.OpenRound{Meta: host()},
		session.IssueBallots{Meta: host(), N: 118},
		session.CollectBallots{Meta: host(), N: 118},
		session.EnterBallot{Meta: meta("teller:甲", session.RoleTeller, "ssh:cc"), Index: -1, Ballot: election.Ballot{Marks: []election.Mark{1, 1, 1}}},
		session.SwitchEntry{Meta: host(), To: session.EntryTally, Reason: "改按计票单录入"},
	)
	counts := make([]election.TallyCount, len(setup.Election.Candidates))
	for i := range counts {
		counts[i] = election.TallyCount{Approve: 100, Disapprove: 18}
	}
	counts[10], counts[14] = election.TallyCount{Disapprove: 118}, election.TallyCount{Disapprove: 118}
	cmds = append(cmds,
		session.EnterTally{Meta: meta("teller:甲", session.RoleTeller, "ssh:cc"), Tally: election.Tally{Counts: counts, Invalid: []int{0, 0, 0}}},
		session.DecideRound{Meta: host()},
		session.RecordStaffAudit{Meta: meta("podium check staff", session.RoleSecretary, ""), File: "staff.tsv", Staff: 3, Checks: []session.StaffAuditCheck{
			{Item: "3.1", Status: session.StaffPass, Count: 3, Limit: 40},
			{Item: "3.2", Status: session.StaffCannotVerify, Count: 1, Limit: 5,
				Findings: []session.StaffAuditFinding{{Row: 3, Name: "丙", Status: session.StaffCannotVerify, Code: model.StaffNoTitle}}},
			{Item: "3.3", Status: session.StaffPass, Count: 1, Limit: 6, Departments: []string{"宣传部"}},
			{Item: "4", Status: session.StaffCannotVerify, Count: 2,
				Findings: []session.StaffAuditFinding{{Row: 3, Name: "丙", Status: session.StaffCannotVerify, Code: model.StaffNoTitle}}},
			{Item: "5", Status: session.StaffPass, Count: 3},
			{Item: "6", Status: session.StaffFail, Count: 3,
				Findings: []session.StaffAuditFinding{{Row: 2, Name: "乙", Status: session.StaffFail, Code: model.StaffOutsideTop, Value: "9/10"}}}}})
	for _, cmd := range cmds {
		if _, err := c.Session.Execute(cmd); err != nil {
			t.Fatalf("%T: %v", cmd, err)
		}
	}
	return db
}

func tail(s string) string {
	if len(s) > 600 {
		return "…" + s[len(s)-600:]
	}
	return s
}

// TestApplyBadLineAppliesNothing: a malformed line is bad input naming
// the file, the line and the field; no line of the file is applied.
func TestApplyBadLineAppliesNothing(t *testing.T) {
	db := legacyCopy(t)
	file := filepath.Join(t.TempDir(), "in.jsonl")
	lines := `{"cmd":"mark","at":"2026-11-30T13:00:00+08:00","actor":"desk-1","role":"desk","person":"D0007","status":"present"}

{"cmd":"mark","at":"2026-11-30T13:01:00+08:00","actor":"desk-1","role":"desk","person":"D0008","status":"here"}
`
	if err := os.WriteFile(file, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := Apply(&out, db, file, nil, false)
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "in.jsonl:3: field \"status\"") {
		t.Fatalf("%v", err)
	}
	if out.Len() != 0 {
		t.Errorf("printed %q", out.String())
	}
	if n, _, _ := Verify(db); n != 405 {
		t.Errorf("%d events: something was applied", n)
	}
}

// TestApplyRefusals: apply stops at the first refusal with its code, or
// goes on with --keep-going; roles are checked as on a terminal.
func TestApplyRefusals(t *testing.T) {
	lines := `{"cmd":"mark","at":"2026-11-30T13:00:00+08:00","actor":"desk-1","role":"desk","person":"D0007","status":"present"}
{"cmd":"mark","at":"2026-11-30T13:01:00+08:00","actor":"desk-1","role":"desk","person":"D0007","status":"present"}
{"cmd":"add_note","at":"2026-11-30T13:02:00+08:00","actor":"desk-1","role":"desk","text":"a desk may not"}
{"cmd":"add_note","at":"2026-11-30T12:00:00+08:00","actor":"sec","role":"secretary","text":"back in time"}
{"cmd":"add_note","at":"2026-11-30T13:03:00+08:00","actor":"sec","role":"secretary","text":"ok"}
`
	file := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(file, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, keep := range []bool{false, true} {
		db := legacyCopy(t)
		var out bytes.Buffer
		if err := Apply(&out, db, file, nil, keep); !errors.Is(err, ErrRefused) {
			t.Fatalf("keep %v: %v", keep, err)
		}
		got := strings.Split(strings.TrimSpace(out.String()), "\n")
		want := []string{`{"line":1,"ok":true,"seqs":[406]}`, `{"line":2,"ok":false,"code":"same_status"`}
		if keep {
			want = append(want, `{"line":3,"ok":false,"code":"role"`, `{"line":4,"ok":false,"code":"clock"`, `{"line":5,"ok":true,"seqs":[407]}`)
		}
		if len(got) != len(want) {
			t.Fatalf("keep %v:\n%s", keep, out.String())
		}
		for i := range want {
			if !strings.HasPrefix(got[i], want[i]) {
				t.Errorf("keep %v line %d: %s, want %s…", keep, i+1, got[i], want[i])
			}
		}
	}
}

// TestAuditPrints: every round of the legacy congress is the same, marked
// legacy; a fresh congress with a decided round is "same" at rules 1.
func TestAuditPrints(t *testing.T) {
	var out bytes.Buffer
	if err := PrintAudit(context.Background(), &out, legacyCopy(t)); err != nil {
		t.Fatal(err)
	}
	want := "round 1 (regular, a legacy decision: replay recounts it): same\n" +
		"round 2 (runoff, a legacy decision: replay recounts it): same\n" +
		"round 3 (second, a legacy decision: replay recounts it): same\n"
	if out.String() != want {
		t.Fatalf("got\n%s", out.String())
	}
}

// TestCommandsDocumented: every registered command has a section in
// docs/COMMANDS.md with one example line; every example reads, and in
// document order they apply to the demo congress (every formal delegate
// present but D0122, a review item added), with a few lines of the test's
// own where an example needs more history. The open example creates a
// congress on an empty database.
func TestCommandsDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "COMMANDS.md"))
	if err != nil {
		t.Fatal(err)
	}
	section := regexp.MustCompile("(?m)^### `([a-z_]+)`$")
	example := regexp.MustCompile("(?s)```jsonl\n(.*?)\n```")
	var names []string
	examples := map[string]string{}
	locs := section.FindAllStringSubmatchIndex(string(doc), -1)
	for i, loc := range locs {
		name := string(doc[loc[2]:loc[3]])
		end := len(doc)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		m := example.FindAllStringSubmatch(string(doc[loc[1]:end]), -1)
		if len(m) != 1 || strings.Contains(m[0][1], "\n") {
			t.Errorf("%s: %d example blocks, want one line", name, len(m))
			continue
		}
		names = append(names, name)
		examples[name] = m[0][1]
		cmd, err := session.ParseCommand([]byte(m[0][1]))
		if err != nil || session.CommandName(cmd) != name {
			t.Errorf("%s: the example does not read: %v", name, err)
		}
	}
	reg := session.CommandNames()
	for _, n := range reg {
		if !slices.Contains(names, n) {
			t.Errorf("command %s is not documented", n)
		}
	}
	if len(names) != len(reg) {
		t.Errorf("%d sections, %d commands", len(names), len(reg))
	}

	dir := t.TempDir()
	openFile := filepath.Join(dir, "open.jsonl")
	os.WriteFile(openFile, []byte(examples["open"]+"\n"), 0o600)
	var out bytes.Buffer
	if err := Apply(&out, filepath.Join(dir, "new.db"), openFile, nil, false); err != nil {
		t.Fatalf("open: %v %s", err, out.String())
	}

	db := filepath.Join(dir, "demo.db")
	setup := files.Demo()
	setup.Agenda = append(setup.Agenda, model.Item{Kind: model.ItemReview, Title: "述职评议", Officers: []string{"主席 王芳"}})
	if err := Create(db, setup, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), false); err != nil {
		t.Fatal(err)
	}
	c, err := Open(db, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range setup.Roster {
		if p.Kind == model.Formal && p.ID != "D0122" {
			m := session.Meta{At: time.Date(2026, 11, 30, 0, 30, 0, 0, time.UTC), Actor: "desk-0", Role: session.RoleDesk}
			if _, err := c.Session.Execute(session.Mark{Meta: m, Person: p.ID, Status: session.Present}); err != nil {
				t.Fatal(err)
			}
		}
	}
	c.Close()
	before := map[string][]string{
		"add_speaker":    {`{"cmd":"start_item","at":"2026-11-30T11:40:00+08:00","actor":"host","role":"host","index":4}`},
		"remove_speaker": {`{"cmd":"add_speaker","at":"2026-11-30T11:41:30+08:00","actor":"host","role":"host","person":"D0011","speech_kind":"speech"}`},
		"move_speaker":   {`{"cmd":"add_speaker","at":"2026-11-30T11:42:30+08:00","actor":"host","role":"host","person":"D0012","speech_kind":"supplement"}`},
		"decline_motion": {`{"cmd":"file_motion","at":"2026-11-30T09:11:00+08:00","actor":"s","role":"secretary","proposer":"D0015","cosigners":["D0017","D0018"],"title":"关于调整个人奖学金的提案"}`},
		"rate_officer":   {`{"cmd":"start_item","at":"2026-11-30T09:14:00+08:00","actor":"host","role":"host","index":10}`},
		// A ballot keyed again, for the switch to the tally sheet to set aside.
		"switch_entry": {`{"cmd":"enter_ballot","at":"2026-11-30T10:29:00+08:00","actor":"teller-1","role":"teller","ballot":{"id":"No.001","marks":[1,1,1],"write_ins":[],"spoiled":""}}`},
		"declare_vacant": { // the second round that leaves the seat open
			`{"cmd":"open_round","at":"2026-11-30T11:00:00+08:00","actor":"host","role":"host"}`,
			`{"cmd":"issue_ballots","at":"2026-11-30T11:01:00+08:00","actor":"host","role":"host","n":118}`,
			`{"cmd":"collect_ballots","at":"2026-11-30T11:10:00+08:00","actor":"host","role":"host","n":118}`,
			`{"cmd":"enter_tally","at":"2026-11-30T11:20:00+08:00","actor":"t","role":"teller","tally":{"counts":[{"approve":40,"disapprove":70,"abstain":8},{"approve":30,"disapprove":80,"abstain":8}],"invalid":[0,0,0]}}`,
			`{"cmd":"decide_round","at":"2026-11-30T11:21:00+08:00","actor":"host","role":"host"}`,
		},
	}
	var script []string
	for _, n := range names {
		if n != "open" {
			script = append(append(script, before[n]...), examples[n])
		}
	}
	file := filepath.Join(dir, "script.jsonl")
	os.WriteFile(file, []byte(strings.Join(script, "\n")+"\n"), 0o600)
	out.Reset()
	if err := Apply(&out, db, file, nil, true); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
}

// TestFormatDocumentsEveryKind: docs/FORMAT.md's table lists every kind
// with its number, its stable name and every field of its body.
func TestFormatDocumentsEveryKind(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "FORMAT.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range session.Kinds() {
		row := regexp.MustCompile(fmt.Sprintf("(?m)^\\| %d \\| `%s` \\|.*$", k.Kind, k.Name)).Find(doc)
		if row == nil {
			t.Errorf("kind %d %s has no row in docs/FORMAT.md", k.Kind, k.Name)
			continue
		}
		for _, f := range reflect.VisibleFields(k.BodyType()) {
			if f.Anonymous {
				continue // its fields are listed
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !bytes.Contains(row, []byte("`"+name+"`")) {
				t.Errorf("kind %s: field %s is not in its row", k.Name, name)
			}
		}
	}
}
