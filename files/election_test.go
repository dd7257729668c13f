package files

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"podium/model"
	"podium/session/election"
)

func TestReadCandidates(t *testing.T) {
	m, _ := seedMethod()
	got, err := ReadCandidates("c.csv", strings.NewReader("\uFEFFname,category\n张三,主席团\n\n李四 , 分院\n"), m)
	if err != nil || len(got) != 2 || got[1] != (model.Candidate{Name: "李四", Category: "分院"}) {
		t.Fatalf("got %+v, %v", got, err)
	}
	got, err = ReadCandidates("c.csv", strings.NewReader("name\r\nA\r\nB\r\n"), model.DefaultMethod(2))
	if err != nil || len(got) != 2 || got[0].Name != "A" {
		t.Fatalf("got %+v, %v", got, err)
	}
	for _, tt := range []struct {
		src        string
		m          model.Method
		row        int
		col, value string
	}{
		{"name\nA\nA\n", model.DefaultMethod(2), 3, "name", "A"},
		{"name,category\nA,主席团\nB,无此类\n", m, 3, "category", "无此类"},
		{"name\nA\n", m, 1, "", ""},
		{"name,category\nA,x\n", model.DefaultMethod(2), 2, "category", "x"},
		{"name,age\nA,3\n", model.DefaultMethod(2), 1, "age", "age"},
		{"name\nA\nB,C\n", model.DefaultMethod(2), 3, "", ""},
		{"name\n\"A\n", model.DefaultMethod(2), 2, "", ""},
		{"", model.DefaultMethod(2), 0, "", ""},
	} {
		_, err := ReadCandidates("c.csv", strings.NewReader(tt.src), tt.m)
		var fe *FileError
		if !errors.As(err, &fe) || fe.File != "c.csv" || fe.Row != tt.row || fe.Column != tt.col || fe.Value != tt.value {
			t.Errorf("%q: %#v", tt.src, err)
		}
	}
}

func TestReadBallots(t *testing.T) {
	m, _ := seedMethod()
	slate := []model.Candidate{{Name: "甲", Category: "主席团"}, {Name: "乙", Category: "分院"}}
	src := "ballot,乙,write_in:主席团,甲,write_in:分院,spoiled\n" +
		"1,○,丙,×,,\n" +
		"2,x,,〇,丁,\n" +
		"3,,,,,有记号\n" +
		",,,,,\n"
	bs, err := ReadBallots("b.csv", strings.NewReader(src), slate, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 3 {
		t.Fatalf("%d ballots", len(bs))
	}
	if bs[0].Marks[0] != election.Disapprove || bs[0].Marks[1] != election.Approve || len(bs[0].WriteIns) != 1 || bs[0].WriteIns[0] != (election.WriteIn{Name: "丙", Category: "主席团"}) {
		t.Errorf("ballot 1 %+v", bs[0])
	}
	if bs[1].Marks[0] != election.Approve || bs[1].Marks[1] != election.Disapprove || bs[1].WriteIns[0] != (election.WriteIn{Name: "丁", Category: "分院"}) {
		t.Errorf("ballot 2 %+v", bs[1])
	}
	if bs[2].Spoiled != "有记号" || bs[2].Marks[1] != election.Abstain || bs[2].ID != "3" {
		t.Errorf("ballot 3 %+v", bs[2])
	}
	for _, s := range []string{"○", "〇", "O", "o", " ○ "} {
		if mk, ok := ParseMark(s); mk != election.Approve || !ok {
			t.Errorf("%q not approve", s)
		}
	}
	for _, s := range []string{"×", "X", "x", "✕"} {
		if mk, ok := ParseMark(s); mk != election.Disapprove || !ok {
			t.Errorf("%q not disapprove", s)
		}
	}
	for _, s := range []string{"", "  "} {
		if mk, ok := ParseMark(s); mk != election.Abstain || !ok {
			t.Errorf("%q not abstain", s)
		}
	}
	// The marks: no mark at all, so the file is refused (file, row,
	// column) unless the method says other_marks = "abstain".
	for _, s := range []string{"√", "✓", "1", "yes", "●", "Ｏ", "?", "○×"} {
		if _, ok := ParseMark(s); ok {
			t.Errorf("%q read as a mark", s)
		}
		src := "ballot,甲,乙\n1,○,\n2,," + s + "\n"
		_, err := ReadBallots("b.csv", strings.NewReader(src), []model.Candidate{{Name: "甲"}, {Name: "乙"}}, model.DefaultMethod(2))
		var fe *FileError
		if !errors.As(err, &fe) || fe.Row != 3 || fe.Column != "乙" || fe.Value != s {
			t.Errorf("%q: %v", s, err)
		}
		abstain := model.DefaultMethod(2)
		abstain.OtherMarks = model.OtherMarksAbstain
		bs, err := ReadBallots("b.csv", strings.NewReader(src), []model.Candidate{{Name: "甲"}, {Name: "乙"}}, abstain)
		if err != nil || bs[1].Marks[1] != election.Abstain {
			t.Errorf("%q with other_marks = abstain: %v %+v", s, err, bs)
		}
	}
	plain := model.DefaultMethod(2)
	ps := []model.Candidate{{Name: "甲"}, {Name: "乙"}}
	for _, tt := range []struct {
		src, m     string
		row        int
		col, value string
	}{
		{"ballot,甲,乙,丙\n1,,,\n", "plain", 1, "丙", "丙"},
		{"ballot,甲\n1,\n", "plain", 1, "", "乙"},
		{"甲,乙\n○,\n", "plain", 1, "", ""},
		{"ballot,甲,乙,甲\n1,,,\n", "plain", 1, "甲", "甲"},
		{"ballot,甲,乙,write_in:主席团\n1,,,\n", "plain", 1, "write_in:主席团", "write_in:主席团"},
		{"ballot,甲,乙\n1,,\n2,,,\n", "plain", 3, "", ""},
		{"ballot,甲,乙\n1,,\n1,,\n", "plain", 3, "ballot", "1"},
		{"ballot,甲,乙\n1,,\n,○,\n", "plain", 3, "ballot", ""},
		{"ballot,甲,乙,spoiled,spoiled\n1,,,,\n", "plain", 1, "spoiled", "spoiled"},
		{"ballot,甲,乙,write_in\n1,,,\n", "cats", 1, "write_in", "write_in"},
		{"ballot,甲,乙,write_in:社联\n1,,,\n", "cats", 1, "write_in:社联", "write_in:社联"},
	} {
		mm, sl := plain, ps
		if tt.m == "cats" {
			mm, sl = m, slate
		}
		_, err := ReadBallots("b.csv", strings.NewReader(tt.src), sl, mm)
		var fe *FileError
		if !errors.As(err, &fe) || fe.File != "b.csv" || fe.Row != tt.row || fe.Column != tt.col || fe.Value != tt.value {
			t.Errorf("%q: %#v", tt.src, err)
		}
	}
}

func FuzzReadCandidates(f *testing.F) {
	f.Add("name,category\n张三,主席团\n李四,分院\n", true)
	f.Add("\uFEFFname\nA\nB\n", false)
	f.Add("name\n\"A,\"\"B\"\"\"\n", false)
	f.Fuzz(func(t *testing.T, src string, cats bool) {
		m := model.DefaultMethod(2)
		if cats {
			m, _ = seedMethod()
		}
		got, err := ReadCandidates("f.csv", strings.NewReader(src), m)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.File != "f.csv" {
				t.Fatalf("bad error %T %v", err, err)
			}
			return
		}
		// A slate read without error counts without bad input.
		if r := election.Count(election.Round{Method: m, Slate: got, Expected: 1, Present: 1, Issued: 1}); !r.RoundValid {
			t.Fatalf("slate %+v rejected by Count: %s", got, r.Reason)
		}
	})
}

func FuzzReadBallots(f *testing.F) {
	f.Add("ballot,甲,乙,write_in:主席团,spoiled\n1,○,×,丙,\n2,,x,,坏\n")
	f.Add("ballot,乙,甲\n1,O,o\n")
	f.Add("\uFEFFballot,甲,乙\r\n7,✕,〇\r\n")
	m, _ := seedMethod()
	slate := []model.Candidate{{Name: "甲", Category: "主席团"}, {Name: "乙", Category: "分院"}}
	f.Fuzz(func(t *testing.T, src string) {
		bs, err := ReadBallots("f.csv", strings.NewReader(src), slate, m)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.File != "f.csv" {
				t.Fatalf("bad error %T %v", err, err)
			}
			return
		}
		ids := map[string]bool{}
		for _, b := range bs {
			if len(b.Marks) != len(slate) || b.ID == "" || ids[b.ID] {
				t.Fatalf("ballot %+v", b)
			}
			ids[b.ID] = true
		}
		r := election.Count(election.Round{Method: m, Slate: slate, Expected: len(bs), Present: len(bs), Issued: len(bs), Ballots: bs})
		if len(bs) > 0 && !r.RoundValid || r.Valid+r.Invalid != len(bs) {
			t.Fatalf("count %+v", r)
		}
		_ = r.Text("zh")
	})
}

// seedMethod is the seed's method with three categories and a slate of
// 4 + 8 + 3 candidates named after their category.
func seedMethod() (model.Method, []model.Candidate) {
	m := model.DefaultMethod(13)
	m.Categories = []model.Category{{Name: "主席团", Seats: 3}, {Name: "分院", Seats: 7}, {Name: "社团", Seats: 3}}
	var s []model.Candidate
	for i, n := range []int{4, 8, 3} {
		for j := range n {
			s = append(s, model.Candidate{Name: fmt.Sprintf("%s%d", m.Categories[i].Name, j+1), Category: m.Categories[i].Name})
		}
	}
	return m, s
}
