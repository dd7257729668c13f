package common

import "fmt"

// ProjectorTexts are the hall projector's words: short, to be read from
// the back of the hall.
type ProjectorTexts struct {
	CheckIn       string                 // before the meeting is declared valid
	Valid         func(at string) string // the meeting declared valid
	Present       string                 // under present / expected
	QuorumNeed    func(what string, need int, ok bool) string
	ItemNo        func(n int) string       // above an item's title
	Planned       func(minutes int) string // beside the timer
	Over          func(d string) string
	Question      string // above a vote's question
	Method        func(method string) string
	Need          func(rule string, need int) string // under the votes needed
	Expected      string
	PresentShort  string
	Issued        string
	Collected     string
	NotYet        string
	RoundResults  func(round string) string
	Elected       func(n int) string
	ElectionSteps string // before the first round
	Seats         func(seats, candidates int) string
}

func zhProjectorTexts() *ProjectorTexts {
	return &ProjectorTexts{
		CheckIn: "代表报到中",
		Valid:   func(at string) string { return "会议有效 · " + at + " 宣布" },
		Present: "实到 / 应到",
		QuorumNeed: func(what string, need int, ok bool) string {
			mark := "✗"
			if ok {
				mark = "✓"
			}
			return fmt.Sprintf("%s需 %d 人 %s", what, need, mark)
		},
		ItemNo:   func(n int) string { return fmt.Sprintf("议程第 %d 项", n) },
		Planned:  func(m int) string { return fmt.Sprintf("计划 %d 分钟", m) },
		Over:     func(d string) string { return "超时 " + d },
		Question: "表决",
		Method:   func(m string) string { return "表决方式：" + m },
		Need: func(rule string, n int) string {
			return fmt.Sprintf("须经%s赞成，即 %d 票，方可通过", rule, n)
		},
		Expected:      "应到",
		PresentShort:  "实到",
		Issued:        "发出",
		Collected:     "收回",
		NotYet:        "—",
		RoundResults:  func(r string) string { return r + " 选举结果" },
		Elected:       func(n int) string { return fmt.Sprintf("当选 %d 名（按候选人顺序）", n) },
		ElectionSteps: "选举准备中",
		Seats:         func(s, c int) string { return fmt.Sprintf("应选 %d 名 · 候选人 %d 名", s, c) },
	}
}

func enProjectorTexts() *ProjectorTexts {
	return &ProjectorTexts{
		CheckIn: "Check-in under way",
		Valid:   func(at string) string { return "The meeting is valid (declared " + at + ")" },
		Present: "present / expected",
		QuorumNeed: func(what string, need int, ok bool) string {
			mark := "✗"
			if ok {
				mark = "✓"
			}
			return fmt.Sprintf("%s needs %d %s", what, need, mark)
		},
		ItemNo:       func(n int) string { return fmt.Sprintf("Item %d", n) },
		Planned:      func(m int) string { return fmt.Sprintf("of %d min", m) },
		Over:         func(d string) string { return d + " over" },
		Question:     "Vote",
		Method:       func(m string) string { return "By " + m },
		Need:         func(rule string, n int) string { return fmt.Sprintf("passes with %s in favour: %d votes", rule, n) },
		Expected:     "expected",
		PresentShort: "present",
		Issued:       "issued",
		Collected:    "collected",
		NotYet:       "-",
		RoundResults: func(r string) string { return "Results: " + r },
		Elected: func(n int) string {
			if n == 1 {
				return "1 elected (in the approved order)"
			}
			return fmt.Sprintf("%d elected (in the approved order)", n)
		},
		ElectionSteps: "The election is being prepared",
		Seats: func(s, c int) string {
			return fmt.Sprintf("%d seat%s · %d candidate%s", s, map[bool]string{true: "", false: "s"}[s == 1], c, map[bool]string{true: "", false: "s"}[c == 1])
		},
	}
}
