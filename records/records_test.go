package records

import (
	"podium/files"

	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/xuri/excelize/v2"

	"podium/model"
	"podium/session"
	"podium/session/election"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// t0 is 09:00 in Beijing on the demo congress's day.
var t0 = time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC)

func by(actor string, min int) session.Meta {
	return session.Meta{At: t0.Add(time.Duration(min) * time.Minute), Actor: actor}
}

func run(t *testing.T, s *session.Session, cmds ...session.Command) {
	t.Helper()
	for _, c := range cmds {
		if _, err := s.Execute(c); err != nil {
			t.Fatalf("%T: %v", c, err)
		}
	}
}

// congress runs a scripted demo congress: attendance with two on leave,
// one not arrived and one who leaves; the work report with a note; a
// question answered and one taken on notice; a motion accepted and voted
// and one declined; the resolution on the work report; the election with
// a runoff in 社团, counted from paper tallies.
func congress(t *testing.T) (*session.Session, Digest) {
	t.Helper()
	setup := files.Demo()
	log := &session.MemoryLog{}
	s, err := session.Create(log, session.Open{Meta: by("secretary", 0), Setup: setup})
	if err != nil {
		t.Fatal(err)
	}
	var formal []string
	for _, p := range setup.Roster {
		if p.Kind == model.Formal {
			formal = append(formal, p.ID)
		}
	}
	cand := map[string]bool{}
	for _, c := range setup.Election.Candidates {
		cand[c.PersonID] = true
	}
	// D0005, D0006 on leave, D0007 never arrives, the rest present; D0008
	// leaves during the motions.
	for i, id := range formal {
		st := session.Present
		switch id {
		case "D0005", "D0006":
			st = session.OnLeave
		case "D0007":
			continue
		}
		run(t, s, session.Mark{Meta: by("desk", 1+i/40), Person: id, Status: st})
	}
	run(t, s,
		session.Mark{Meta: by("desk", 4), Person: "D0123", Status: session.Present},
		session.Mark{Meta: by("desk", 4), Person: "D0124", Status: session.Present},
		session.DeclareOpen{Meta: by("host", 5)},
		session.StartItem{Meta: by("host", 5), Index: 0},
		session.RecordVote{Meta: by("host", 12), Subject: "通过大会议程", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 119},
		session.StartItem{Meta: by("host", 20), Index: 1},
		session.StartItem{Meta: by("host", 25), Index: 2},
		session.StartItem{Meta: by("host", 28), Index: 3},
		session.AddNote{Meta: by("secretary", 55), Text: "工作报告分“过去一年的工作”“存在的问题”“明年的打算”三部分，约25分钟。"},
		session.StartItem{Meta: by("host", 58), Index: 4},
		session.StartItem{Meta: by("host", 100), Index: 5},
		session.AskQuestion{Meta: by("secretary", 102), Delegate: "D0010", Target: "学生会主席团", Text: "去年社团经费为何没有公示？"},
		session.AnswerQuestion{Meta: by("secretary", 106), No: 1, By: "学生会主席", Text: "经费明细将于下月在校园网公示。"},
		session.AskQuestion{Meta: by("secretary", 110), Delegate: "D0011", Target: "生活部", Text: "食堂晚餐时间能否延长到八点？"},
		session.DeferQuestion{Meta: by("secretary", 112), No: 2},
		session.StartItem{Meta: by("host", 130), Index: 6},
		session.FileMotion{Meta: by("secretary", 131), Proposer: "D0012", CoSigners: []string{"D0013", "D0014"},
			Title: "关于在图书馆增设夜间自习室的提案", Text: "建议图书馆三楼开放至22:30。", Category: "学习"},
		session.FileMotion{Meta: by("secretary", 133), Proposer: "D0015", CoSigners: []string{"D0017", "D0018"},
			Title: "关于调整个人奖学金的提案", Text: "建议提高本人奖学金。", Category: "其他"},
		session.AcceptMotion{Meta: by("secretary", 136), No: 1},
		session.DeclineMotion{Meta: by("secretary", 137), No: 2, Reason: "纯属个人事项"},
		session.Mark{Meta: by("desk", 140), Person: "D0008", Status: session.Left},
		session.RecordVote{Meta: by("host", 142), Subject: "关于在图书馆增设夜间自习室的提案", Kind: model.VoteOrdinary,
			Method: model.VoteHands, For: 100, Against: 12, Abstain: 6, Motion: 1},
		session.StartItem{Meta: by("host", 150), Index: 7},
		session.RecordVote{Meta: by("host", 155), Subject: "大会批准学生会工作报告。", Kind: model.VoteOrdinary,
			Method: model.VoteHands, For: 110, Against: 3, Abstain: 5},
		session.StartItem{Meta: by("host", 160), Index: 8},
		session.AdoptMethod{Meta: by("host", 161), Method: setup.Election.Method},
		session.AdoptScrutineers{Meta: by("host", 163), Scrutineer: "D0001", Chief: "D0003", Counters: []string{"赵计票", "钱计票"}},
		session.OpenRound{Meta: by("host", 165)},
		session.IssueBallots{Meta: by("host", 166), N: 118},
		session.CollectBallots{Meta: by("host", 180), N: 118},
	)
	// 118 collected; invalid per category 0, 1, 2: valid 118, 117, 116.
	// 主席团 all pass; 分院学生会 3-9 pass, 10 not; 社团 11, 12 pass, 13
	// and 14 tie at 70 across the cut-off: a runoff for one seat.
	counts := make([]election.TallyCount, 15)
	for i := range counts {
		switch {
		case i < 3:
			counts[i] = election.TallyCount{Approve: 110, Disapprove: 5, Abstain: 3}
		case i < 10:
			counts[i] = election.TallyCount{Approve: 100, Disapprove: 10, Abstain: 7}
		case i == 10:
			counts[i] = election.TallyCount{Approve: 40, Disapprove: 70, Abstain: 7}
		case i == 11:
			counts[i] = election.TallyCount{Approve: 90, Disapprove: 20, Abstain: 6}
		case i == 12:
			counts[i] = election.TallyCount{Approve: 80, Disapprove: 30, Abstain: 6}
		default:
			counts[i] = election.TallyCount{Approve: 70, Disapprove: 40, Abstain: 6}
		}
	}
	run(t, s,
		session.EnterTally{Meta: by("t1", 190), Tally: election.Tally{Counts: counts,
			WriteIns: []election.WriteInCount{{Name: "孙另选", Category: "社团", Approve: 3}}, Invalid: []int{0, 1, 2}}},
		session.DecideRound{Meta: by("host", 192)},
		session.OpenRound{Meta: by("host", 195)},
		session.IssueBallots{Meta: by("host", 196), N: 118},
		session.CollectBallots{Meta: by("host", 205), N: 118},
		session.EnterTally{Meta: by("t1", 210), Tally: election.Tally{Counts: []election.TallyCount{
			{Approve: 75, Disapprove: 30, Abstain: 12}, {Approve: 40, Disapprove: 60, Abstain: 17}}, Invalid: []int{0, 0, 1}}},
		session.DecideRound{Meta: by("host", 212)},
		session.EndItem{Meta: by("host", 215)},
		session.StartItem{Meta: by("host", 220), Index: 9},
		session.AddNote{Meta: by("secretary", 225), Text: "大会在国际歌声中闭幕。"},
		session.EndItem{Meta: by("host", 230)},
	)
	// The digest as package data chains it: each record's hash is the
	// SHA-256 of the previous hash and the record.
	var d Digest
	err = log.Replay(func(r session.Record) error {
		d.Events++
		d.Head = sha256.Sum256(append(d.Head[:], r.Data...))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, d
}

func build(t *testing.T, lang string) *Record {
	t.Helper()
	s, d := congress(t)
	var r *Record
	s.Read(func(st *session.State) { r = Build(st, d, lang) })
	return r
}

// golden compares every file written for format with testdata/<lang>/.
func golden(t *testing.T, r *Record, format string) {
	t.Helper()
	dir := t.TempDir()
	files, err := Write(r, format, dir)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join("testdata", r.Lang)
	for _, f := range files {
		got, _ := os.ReadFile(f)
		g := filepath.Join(want, filepath.Base(f))
		if *update {
			if err := os.MkdirAll(want, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(g, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		exp, err := os.ReadFile(g)
		if err != nil {
			t.Fatalf("%v (run go test ./records -update)", err)
		}
		if !bytes.Equal(got, exp) {
			t.Errorf("%s differs from %s (run go test ./records -update and review the diff)", f, g)
		}
	}
}

func TestGolden(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		r := build(t, lang)
		formats := []string{"md", "html", "csv", "json"}
		if lang == "en" {
			formats = []string{"md", "json"}
		}
		for _, f := range formats {
			t.Run(lang+"/"+f, func(t *testing.T) { golden(t, r, f) })
		}
	}
}

// TestContents checks what RULES §7 asks of each record in the scripted
// congress.
func TestContents(t *testing.T) {
	r := build(t, "zh")
	a := r.Minutes.Attendance
	if a.Expected != 122 || a.Present != 118 || a.OnLeave != 2 || a.Left != 1 || a.NotArrived != 1 || len(a.Absentees) != 4 {
		t.Fatalf("attendance %+v", a)
	}
	if tot := r.SignIn.Totals; tot != (Totals{Expected: 122, Present: 118, OnLeave: 2, Absent: 2}) {
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
	if e == nil || len(e.Rounds) != 2 || e.Rounds[1].Kind != "runoff" || len(e.Elected) != 13 || e.Chief == "" {
		t.Fatalf("election %+v", e)
	}
	if len(e.Rounds[0].Runoffs) != 1 || len(e.Rounds[0].Threshold) != 3 || !strings.Contains(e.Rounds[0].Threshold[0], "62") {
		t.Fatalf("round 1: runoffs %+v threshold %q", e.Rounds[0].Runoffs, e.Rounds[0].Threshold)
	}
	if e.Rounds[0].Opened.String() != "2026-11-30 11:45" {
		t.Fatalf("round 1 opened %s, want China Standard Time", e.Rounds[0].Opened)
	}
}

func TestJSONSchema(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		dir := t.TempDir()
		files, err := Write(build(t, lang), "json", dir)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(files[0])
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
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
		if err := s.Validate(inst); err != nil {
			t.Fatalf("%s: %v", lang, err)
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
	sch, _ := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", sch); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := renderJSON(build(t, "zh"))
	for _, bad := range []struct{ from, to string }{
		{`"format": "podium-records/1"`, `"format": "other"`},
		{`"events": `, `"events": -`},
		{`"status": "on_notice"`, `"status": "lost"`},
		{`"expected": 122`, `"expected": "122"`},
	} {
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

func TestXLSXReadBack(t *testing.T) {
	r := build(t, "zh")
	files, err := Write(r, "xlsx", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"会议记录", "代表签到表", "计票单 1", "计票单 2", "选举结果报告单", "提案和意见建议", "质询登记表"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	cell := func(sheet, at string) string {
		v, err := f.GetCellValue(sheet, at)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if v := cell("会议记录", "A2"); v != "会议记录" {
		t.Errorf("minutes A2 = %q", v)
	}
	if v := cell("会议记录", "B4"); v != r.Congress.Name {
		t.Errorf("minutes B4 = %q", v)
	}
	rows, err := f.GetRows("计票单 2")
	if err != nil {
		t.Fatal(err)
	}
	last := rows[len(rows)-1]
	if !strings.Contains(last[0], r.Digest.HeadHex()) {
		t.Errorf("the tally sheet's last row %q has no digest", last)
	}
	found := false
	for _, row := range rows {
		if len(row) >= 2 && row[0] == "总监票人" && row[1] == r.Election.Chief {
			found = true
		}
	}
	if !found {
		t.Error("the tally sheet has no chief scrutineer's signature line")
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2026-11-30T01:00:00Z" || props.Modified != props.Created {
		t.Errorf("workbook properties %+v", props)
	}
}

// TestDeterministic writes every format twice, in two directories, with
// the machine's zone changed in between, and compares every file.
func TestDeterministic(t *testing.T) {
	r := build(t, "zh")
	a, b := t.TempDir(), t.TempDir()
	for _, f := range Formats {
		fa, err := Write(r, f, a)
		if err != nil {
			t.Fatal(err)
		}
		old := time.Local
		time.Local = time.FixedZone("X", -5*3600)
		fb, err := Write(build(t, "zh"), f, b)
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

func TestCSVHasBOM(t *testing.T) {
	files, err := Write(build(t, "zh"), "csv", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 7 {
		t.Fatalf("%d csv files", len(files))
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		if !bytes.HasPrefix(b, bom) {
			t.Errorf("%s has no BOM", f)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := Write(build(t, "zh"), "pdf", t.TempDir()); err == nil {
		t.Fatal("pdf accepted")
	}
}
