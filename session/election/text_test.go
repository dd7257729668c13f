package election

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"podium/model"
)

func TestText(t *testing.T) {
	m, s := seedMethod()
	a := []int{100, 100, 100, 0, 100, 100, 100, 100, 100, 100, 100, 0, 100, 100, 100}
	bs := build(110, 15, a, nil)
	for i := range bs { // a ballot with 2 ○ in 主席团 may write one in
		if n := strings.Count(string(append([]byte(nil), byte(bs[i].Marks[0]), byte(bs[i].Marks[1]), byte(bs[i].Marks[2]))), "\x01"); n == 2 {
			bs[i].Marks[3] = Disapprove
			bs[i].WriteIns = []WriteIn{{Name: "王五", Category: "主席团"}}
			break
		}
	}
	bs = append(bs, Ballot{ID: "111", Spoiled: "有记号"}, Ballot{ID: "112", Marks: marks("○○○○")})
	r := Count(regular(m, s, 112, bs))
	zh := r.Text("zh")
	for _, want := range []string{"计票单", "应到 122", "收回 112", "有效 110", "无效 2",
		"赞成票超过应到人数122的二分之一，即62票以上", "主席团1", "另选他人", "王五",
		"第111号: 无效（作废）：有记号", "第112号: 部分无效：主席团所选 4 人，多于应选 3 名；其余类别有效", "无效 2（其中部分无效 1）", "当选: 主席团1、", "计票人", "监票人", "总监票人"} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh sheet lacks %q:\n%s", want, zh)
		}
	}
	// Columns align by display width: every table row is as wide as the
	// header or narrower only by trailing empty cells.
	lines := strings.Split(zh, "\n")
	var head int
	for i, l := range lines {
		if strings.HasPrefix(l, "序号") {
			head = i
		}
	}
	// Every row's last cell (the outcome) starts at the same display column.
	lastCell := func(l string) int {
		for _, w := range []string{"结果", "未当选", "当选", "重新投票"} {
			if strings.HasSuffix(l, w) {
				return ansi.StringWidth(strings.TrimSuffix(l, w))
			}
		}
		return -1
	}
	w := lastCell(lines[head])
	for _, l := range lines[head+1 : head+16] {
		if lastCell(l) != w || w < 0 {
			t.Errorf("row %q: outcome at column %d, header at %d", l, lastCell(l), w)
		}
	}
	en := r.Text("en")
	for _, want := range []string{"Tally sheet", "Expected 122", "approvals more than 1/2 of 122 expected: at least 62", "Write-ins", "Chief scrutineer", "ballot 111: invalid (spoiled): 有记号",
		"ballot 112: partly invalid: 主席团: 4 selected, more than its 3 seats; the other categories are valid"} {
		if !strings.Contains(en, want) {
			t.Errorf("en sheet lacks %q:\n%s", want, en)
		}
	}
	// Undecided rounds say why, in the words of RULES §6.5.
	q := Count(regular(model.DefaultMethod(13), slate15(), 97, nil)).Text("zh")
	if !strings.Contains(q, "本次选举应到代表122名，实到97名，未超过应到人数的五分之四（需98名），不能进行选举。") {
		t.Errorf("quorum sheet:\n%s", q)
	}
	v := Count(Round{Method: model.DefaultMethod(13), Slate: slate15(), Expected: 122, Present: 120, Issued: 120, Ballots: make([]Ballot, 121)}).Text("zh")
	if !strings.Contains(v, "发出选票120张，收回121张，收回的选票多于发出的选票，选举无效，应重新进行选举。") {
		t.Errorf("void sheet:\n%s", v)
	}
	ro := Count(regular(model.DefaultMethod(13), slate15(), 110, build(110, 15, approvals(12, 100, 70, 70), nil))).Text("zh")
	if !strings.Contains(ro, "重新投票: 1名，候选人：C13、C14") {
		t.Errorf("runoff sheet:\n%s", ro)
	}
	// With tie = "vacant" the tied are not elected and the seat is vacant;
	// names two people share are written with their labels.
	vm := model.DefaultMethod(13)
	vm.Tie = model.TieVacant
	va := Count(regular(vm, slate15(), 110, build(110, 15, approvals(12, 100, 70, 70), nil))).TextWith("zh", map[string]string{"C14": "C14（护理分院）"})
	for _, want := range []string{"缺额: 1名（得票相等：C13、C14（护理分院））", "票数相等", "C14（护理分院）"} {
		if !strings.Contains(va, want) {
			t.Errorf("vacant sheet lacks %q:\n%s", want, va)
		}
	}
	// A tally judged per category gives its figures per category only.
	cm, cs := seedMethod()
	ct, err := CountTally(regular(cm, cs, 100, nil), 100, Tally{Counts: perCat(cs, map[string]int{"主席团": 99, "分院": 98, "社团": 100}), Invalid: []int{1, 2, 0}})
	if err != nil {
		t.Fatal(err)
	}
	if co := ct.Text("zh"); !strings.Contains(co, "有效票、无效票按类别") || !strings.Contains(co, "分院  有效 98  无效 2") || strings.Contains(co, "有效 0") {
		t.Errorf("category-only sheet:\n%s", co)
	}
}

// perCat is a tally line per candidate: all abstain over valid[category].
func perCat(cs []model.Candidate, valid map[string]int) []TallyCount {
	var out []TallyCount
	for _, c := range cs {
		out = append(out, TallyCount{Abstain: valid[c.Category]})
	}
	return out
}
