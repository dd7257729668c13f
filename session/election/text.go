package election

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"podium/model"
	"podium/words"
)

// terms are the words of a tally sheet in one language.
type terms struct {
	title                                              [3]string // by Kind
	expected, present, issued, collected, valid, inval string
	threshold, runoffThreshold                         string
	no, name, category, approve, disapprove, abstain   string
	outcome, writeIns, invalidBallots, voidWriteIns    string
	elected, runoff, second, none, sep                 string
	status                                             map[Status]string
	spoiled, overSelection, ballotNo                   string
	counter, scrutineer, chief                         string
	partlyOf                                           func(n int) string
	byCategory, vacant, tiedAmong                      string
}

var zhWords = terms{
	title:    [3]string{"计票单", "计票单（重新投票）", "计票单（另行选举）"},
	expected: "应到", present: "实到", issued: "发出", collected: "收回", valid: "有效", inval: "无效",
	threshold: "当选票数", runoffThreshold: "当选票数：在重新投票的候选人中得票多者当选",
	no: "序号", name: "姓名", category: "类别", approve: "赞成", disapprove: "不赞成", abstain: "弃权",
	outcome: "结果", writeIns: "另选他人", invalidBallots: "无效票", voidWriteIns: "无效的另选人",
	elected: "当选", runoff: "重新投票", second: "另行选举", none: "无", sep: "、",
	status:  map[Status]string{Elected: "当选", InRunoff: "重新投票", NotElected: "未当选", Tied: "票数相等"},
	spoiled: "作废", overSelection: "所选人数多于应选名额", ballotNo: "第%s号",
	counter: "计票人", scrutineer: "监票人", chief: "总监票人",
	partlyOf:   func(n int) string { return fmt.Sprintf("（其中部分无效 %d）", n) },
	byCategory: "有效票、无效票按类别（计票单按类别填写，不推算整张选票的数字）", vacant: "缺额", tiedAmong: "得票相等",
}

var enWords = terms{
	title:    [3]string{"Tally sheet", "Tally sheet (runoff)", "Tally sheet (second round)"},
	expected: "Expected", present: "Present", issued: "Issued", collected: "Collected", valid: "Valid", inval: "Invalid",
	threshold: "Threshold", runoffThreshold: "Threshold: among the tied, the most approvals win",
	no: "No.", name: "Name", category: "Category", approve: "Approve", disapprove: "Disapprove", abstain: "Abstain",
	outcome: "Outcome", writeIns: "Write-ins", invalidBallots: "Invalid ballots", voidWriteIns: "Void write-ins",
	elected: "Elected", runoff: "Runoff", second: "Second round", none: "none", sep: ", ",
	status:  map[Status]string{Elected: "elected", InRunoff: "runoff", NotElected: "not elected", Tied: "tied"},
	spoiled: "spoiled", overSelection: "more selections than seats", ballotNo: "ballot %s",
	counter: "Counter", scrutineer: "Scrutineer", chief: "Chief scrutineer",
	partlyOf:   func(n int) string { return fmt.Sprintf(" (%d of them partly invalid)", n) },
	byCategory: "Valid and invalid by category (the tally sheet gives them per category; no whole-ballot figure is inferred)",
	vacant:     "Vacant", tiedAmong: "tied",
}

// Text returns the tally sheet (计票单) a scrutineer reads out and signs, in
// Chinese for lang "zh" (or any "zh-…") and English otherwise: the counts,
// the threshold, every candidate in ballot order with approve / disapprove
// / abstain and outcome, the write-in rows, the invalid ballots, the
// outcome and the signature lines. Columns are aligned by display width.
func (r Result) Text(lang string) string { return r.TextWith(lang, nil) }

// TextWith is Text with the names written as labels says (a name two
// people share, with the unit that tells them apart: RULES §7); a name
// labels lacks is written as it is.
func (r Result) TextWith(lang string, labels map[string]string) string {
	w, zh := enWords, strings.HasPrefix(lang, "zh")
	if zh {
		w = zhWords
	}
	name := func(n string) string {
		if l, ok := labels[n]; ok {
			return l
		}
		return n
	}
	names := func(ns []string) []string {
		out := make([]string, len(ns))
		for i, n := range ns {
			out[i] = name(n)
		}
		return out
	}
	var b strings.Builder
	b.WriteString(w.title[min(int(r.Kind), 2)] + "\n\n")
	if r.CategoryOnly {
		fmt.Fprintf(&b, "%s %d  %s %d  %s %d  %s %d\n%s:\n", w.expected, r.Expected, w.present, r.Present,
			w.issued, r.Issued, w.collected, r.Collected, w.byCategory)
		for _, c := range r.Categories {
			fmt.Fprintf(&b, "  %s  %s %d  %s %d\n", c.Name, w.valid, c.Valid, w.inval, c.Invalid)
		}
	} else {
		partly := ""
		if r.PartlyInvalid > 0 {
			partly = w.partlyOf(r.PartlyInvalid)
		}
		fmt.Fprintf(&b, "%s %d  %s %d  %s %d  %s %d  %s %d  %s %d%s\n",
			w.expected, r.Expected, w.present, r.Present, w.issued, r.Issued,
			w.collected, r.Collected, w.valid, r.Valid, w.inval, r.Invalid, partly)
	}
	if !r.RoundValid {
		b.WriteString("\n" + r.undecided(zh) + "\n")
		b.WriteString(signatures(w))
		return b.String()
	}
	if r.Kind == Runoff {
		b.WriteString(w.runoffThreshold + "\n")
	} else {
		for _, c := range r.Categories {
			if c.Threshold == nil {
				continue
			}
			label := w.threshold
			if c.Name != "" {
				label += "（" + c.Name + "）"
			}
			fmt.Fprintf(&b, "%s: %s\n", label, thresholdWords(r.Method, r, c, *c.Threshold, zh))
		}
	}
	b.WriteString("\n")
	withCat := len(r.Method.Categories) > 0
	head := []string{w.no, w.name}
	if withCat {
		head = append(head, w.category)
	}
	head = append(head, w.approve, w.disapprove, w.abstain, w.outcome)
	rows := [][]string{head}
	n, wrote := 0, false
	for _, c := range r.Candidates {
		row := []string{}
		if c.WriteIn {
			if !wrote {
				rows = append(rows, []string{w.writeIns})
				wrote = true
			}
			row = append(row, "", name(c.Name))
		} else {
			n++
			row = append(row, strconv.Itoa(n), name(c.Name))
		}
		if withCat {
			row = append(row, c.Category)
		}
		if c.WriteIn {
			row = append(row, strconv.Itoa(c.Approve), "", "", w.status[c.Status])
		} else {
			row = append(row, strconv.Itoa(c.Approve), strconv.Itoa(c.Disapprove), strconv.Itoa(c.Abstain), w.status[c.Status])
		}
		rows = append(rows, row)
	}
	numeric := map[int]bool{len(head) - 4: true, len(head) - 3: true, len(head) - 2: true}
	b.WriteString(align(rows, numeric))
	b.WriteString("\n" + w.invalidBallots + ":")
	if len(r.InvalidBallots) == 0 {
		b.WriteString(" " + w.none)
	}
	b.WriteString("\n")
	for _, iv := range invalidByBallot(r.InvalidBallots) {
		id := iv[0].ID
		if id == "" {
			id = strconv.Itoa(iv[0].Index + 1)
		}
		fmt.Fprintf(&b, "  %s: %s\n", fmt.Sprintf(w.ballotNo, id), InvalidWords(iv, lang))
	}
	if r.VoidWriteIns > 0 {
		fmt.Fprintf(&b, "%s: %d\n", w.voidWriteIns, r.VoidWriteIns)
	}
	b.WriteString("\n" + w.elected + ": ")
	if len(r.Elected) == 0 {
		b.WriteString(w.none)
	}
	b.WriteString(strings.Join(names(r.Elected), w.sep) + "\n")
	for _, p := range r.Runoffs {
		p.Candidates = names(p.Candidates)
		fmt.Fprintf(&b, "%s: %s\n", w.runoff, pendingWords(p, w, zh))
	}
	for _, p := range r.SecondRounds {
		p.Candidates = names(p.Candidates)
		fmt.Fprintf(&b, "%s: %s\n", w.second, pendingWords(p, w, zh))
	}
	for _, p := range r.Vacancies {
		cat := p.Category
		if cat != "" {
			cat += " "
		}
		if zh {
			fmt.Fprintf(&b, "%s: %s%d名（%s：%s）\n", w.vacant, cat, p.Seats, w.tiedAmong, strings.Join(names(p.Candidates), w.sep))
		} else {
			fmt.Fprintf(&b, "%s: %s%d (%s: %s)\n", w.vacant, cat, p.Seats, w.tiedAmong, strings.Join(names(p.Candidates), w.sep))
		}
	}
	b.WriteString(signatures(w))
	return b.String()
}

// undecided says why nothing was decided.
func (r Result) undecided(zh bool) string {
	if !zh {
		return r.Reason
	}
	switch {
	case strings.HasPrefix(r.Reason, ReasonBadInput): // as Count writes it
		return "输入有误：" + r.Reason
	case !r.QuorumMet:
		return fmt.Sprintf("本次选举应到代表%d名，实到%d名，未%s应到人数的%s（需%d名），不能进行选举。",
			r.Expected, r.Present, words.Reach(r.Method.Quorum), words.Fraction(r.Method.Quorum, "zh"), r.QuorumNeed)
	case r.Issued > r.Present:
		return fmt.Sprintf("发出选票%d张，多于实到代表%d名，选举无效。", r.Issued, r.Present)
	}
	return fmt.Sprintf("发出选票%d张，收回%d张，收回的选票多于发出的选票，选举无效，应重新进行选举。", r.Issued, r.Collected)
}

// invalidByBallot groups the invalid ballots and ballot parts by ballot,
// in order.
func invalidByBallot(ivs []InvalidBallot) [][]InvalidBallot {
	var out [][]InvalidBallot
	for _, iv := range ivs {
		if n := len(out); n > 0 && out[n-1][0].Index == iv.Index {
			out[n-1] = append(out[n-1], iv)
			continue
		}
		out = append(out, []InvalidBallot{iv})
	}
	return out
}

// InvalidWords says why one ballot is invalid or partly invalid, from its
// entries of Result.InvalidBallots (one per invalid part, all of the same
// ballot), in the words of RULES §6.3: 部分无效：分院学生会所选 8 人，多于应选
// 7 名；其余类别有效 (words.Overselected, words.Spoiled).
func InvalidWords(parts []InvalidBallot, lang string) string {
	if len(parts) == 0 {
		return ""
	}
	if s, ok := strings.CutPrefix(parts[0].Reason, ReasonSpoiled+": "); ok {
		return words.Spoiled(s, lang)
	}
	var ps []words.OverPart
	for _, p := range parts {
		ps = append(ps, words.OverPart{Category: p.Category, Selections: p.Selections, Seats: p.Seats})
	}
	return words.Overselected(ps, parts[0].Partly, lang)
}

func thresholdWords(m model.Method, r Result, c CategoryResult, need int, zh bool) string {
	base, baseZh, baseEn := r.Expected, "应到人数", "expected"
	switch m.ThresholdBase {
	case model.BasePresent:
		base, baseZh, baseEn = r.Present, "实到人数", "present"
	case model.BaseValid:
		base, baseZh, baseEn = c.Valid, "有效票数", "valid ballots"
	}
	f := m.Threshold
	if zh {
		if f.Strict {
			return fmt.Sprintf("赞成票超过%s%d的%s，即%d票以上", baseZh, base, words.Fraction(f, "zh"), need)
		}
		return fmt.Sprintf("赞成票达到%s%d的%s以上，即%d票以上", baseZh, base, words.Fraction(f, "zh"), need)
	}
	return fmt.Sprintf("approvals %s of %d %s: at least %d", words.RuleExact(f, "en"), base, baseEn, need)
}

func pendingWords(p Pending, w terms, zh bool) string {
	names := strings.Join(p.Candidates, w.sep)
	if names == "" {
		names = w.none
	}
	cat := p.Category
	if cat != "" {
		cat += " "
	}
	if zh {
		return fmt.Sprintf("%s%d名，候选人：%s", cat, p.Seats, names)
	}
	return fmt.Sprintf("%s%d seat(s) among %s", cat, p.Seats, names)
}

func signatures(w terms) string {
	line := "________________"
	return fmt.Sprintf("\n%s: %s    %s: %s    %s: %s\n", w.counter, line, w.scrutineer, line, w.chief, line)
}

// align lays out rows in columns padded by display width; the columns in
// numeric are right-aligned. A row of one cell is written as is.
func align(rows [][]string, numeric map[int]bool) string {
	var width []int
	for _, row := range rows {
		if len(row) == 1 {
			continue
		}
		for i, cell := range row {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], ansi.StringWidth(cell))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		if len(row) == 1 {
			b.WriteString(row[0] + "\n")
			continue
		}
		var line strings.Builder
		for i, cell := range row {
			pad := strings.Repeat(" ", width[i]-ansi.StringWidth(cell))
			if i > 0 {
				line.WriteString("  ")
			}
			if numeric[i] {
				line.WriteString(pad + cell)
			} else {
				line.WriteString(cell + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	return b.String()
}
