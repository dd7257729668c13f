package common

import (
	"errors"
	"fmt"

	"podium/session"
)

// FloorTexts are the words of the floor in one language (Texts.F): the
// speakers' screen, its forms and notes, the group reports, the
// projector's speaker and the refusals of the speakers' list.
type FloorTexts struct {
	// Kind is a kind of request in words: 发言, 补充发言, 程序性动议, 答复.
	Kind func(k session.SpeechKind) string
	// The speech under way: its title, nobody speaking (with the key that
	// gives the floor), the time left, the overtime and the limit.
	SpeakingTitle string
	Nobody        func(key string) string
	Left, Over    func(d string) string
	Limit         func(d string) string
	// The list: its title (fair: the fairness rule is on), empty.
	ListTitle func(n int, fair bool) string
	EmptyList func(keys string) string
	// The speeches given on the item: their title, one's overtime.
	SpokenTitle func(n int, total string) string
	SpokeOver   func(d string) string
	// The groups: their title, a report's line, none yet.
	GroupsTitle  func(reported, n int) string
	GroupLine    func(speakers int, convener, secretary string) string
	NotReported  string
	Rules        func(fair, guests bool) string
	NoItem       string
	NotGroupItem string

	// Forms: the search of who asks, the answer's name, the group report.
	PickTitle    func(kind string) string
	PickHint     string
	ReplyTitle   string
	ReplyLabel   string
	GroupTitle   func(item int, group string) string
	GroupLabel   string
	Convener     string
	Secretary    string
	Speakers     string
	Summary      string
	NotANumber   string
	OnlyGroupFor func(group string) string

	// Notes of what was done.
	Added        func(no int, name, kind string, pos int) string
	Removed      func(no int, name string) string
	Moved        func(no int, name string, pos int) string
	Started      func(name, limit string) string
	Ended        func(name, took, over string) string
	Undone       string
	RulesSet     func(fair, guests bool) string
	Reported     func(group string, speakers int) string
	ConfirmDrop  func(key, name string) string
	ConfirmRules func(key string, fair, guests bool) string

	// The projector: what the hall reads.
	ProjSpeaking, ProjNext string
	ProjLeft, ProjOver     string

	// Key help.
	HelpToSpeakers, HelpSpeak, HelpSupplement, HelpOrder, HelpReply string
	HelpStart, HelpEnd, HelpRemove, HelpUp, HelpDown, HelpUndo      string
	HelpGroup, HelpFair, HelpGuests                                 string

	// Refusals of the core.
	Refused        func(code session.Code, name string, no int) string
	Running        func(name, key string) string
	GroupRefused   func(code session.Code, group string, item, got, members int) string
	GroupLimit     func(group, asked string) string
	NoSpeech       string
	FloorUnchanged string
	SameRules      string
	BadKind        string
	NameNotReply   string
}

// floorRefusal says a refusal of the floor, if err is one.
func (t *Texts) floorRefusal(err error, name func(id string) string, endKey string) (text string, calm, ok bool) {
	f := t.F
	var (
		se *session.SpeakerError
		sr *session.SpeechRunningError
		ge *session.GroupError
		gl *session.GroupLimitError
		fe *session.FieldError
	)
	who := func(id, n string) string {
		if n != "" {
			return n
		}
		if id != "" {
			return name(id)
		}
		return ""
	}
	switch {
	case errors.As(err, &se):
		return f.Refused(se.Reason, who(se.ID, se.Name), se.No), se.Reason == session.CodeAlreadyWaiting, true
	case errors.As(err, &sr):
		return f.Running(who(sr.ID, sr.Name), endKey), true, true
	case errors.As(err, &ge):
		return f.GroupRefused(ge.Reason, ge.Group, ge.Item+1, ge.Got, ge.Members), false, true
	case errors.As(err, &gl):
		return f.GroupLimit(gl.Group, gl.Asked), false, true
	case errors.As(err, &fe) && fe.Code == session.CodeBadSpeechKind:
		return f.BadKind, false, true
	case errors.As(err, &fe) && fe.Code == session.CodeNameNotReply:
		return f.NameNotReply, false, true
	case errors.Is(err, session.ErrNoSpeech):
		return f.NoSpeech, true, true
	case errors.Is(err, session.ErrFloorUnchanged):
		return f.FloorUnchanged, true, true
	case errors.Is(err, session.ErrSameFloorRules):
		return f.SameRules, true, true
	}
	return "", false, false
}

func zhFloorTexts() *FloorTexts {
	kinds := map[session.SpeechKind]string{session.SpeechOrdinary: "发言", session.SpeechSupplement: "补充发言",
		session.SpeechOrder: "程序性动议", session.SpeechReply: "答复"}
	onOff := func(b bool) string {
		if b {
			return "开"
		}
		return "关"
	}
	return &FloorTexts{
		Kind: func(k session.SpeechKind) string {
			if w, ok := kinds[k]; ok {
				return w
			}
			return string(k)
		},
		SpeakingTitle: "正在发言",
		Nobody:        func(k string) string { return fmt.Sprintf("无人发言 · 按 %s 请名单第一位发言", k) },
		Left:          func(d string) string { return "剩余 " + d },
		Over:          func(d string) string { return "超时 " + d },
		Limit:         func(d string) string { return "限时 " + d },
		ListTitle: func(n int, fair bool) string {
			if fair {
				return fmt.Sprintf("发言登记 %d 人 · 公平排序", n)
			}
			return fmt.Sprintf("发言登记 %d 人", n)
		},
		EmptyList:   func(k string) string { return "尚无发言登记：" + k },
		SpokenTitle: func(n int, total string) string { return fmt.Sprintf("已发言 %d 人次 · 共 %s", n, total) },
		SpokeOver:   func(d string) string { return "超时 " + d },
		GroupsTitle: func(r, n int) string { return fmt.Sprintf("分组审议 · 已报告 %d / %d 组", r, n) },
		GroupLine: func(n int, c, s string) string {
			line := fmt.Sprintf("发言 %d 人", n)
			if c != "" {
				line += " · 召集人 " + c
			}
			if s != "" {
				line += " · 记录人 " + s
			}
			return line
		},
		NotReported: "未报告",
		Rules: func(fair, guests bool) string {
			return fmt.Sprintf("公平排序%s · 列席/特邀发言%s", onOff(fair), onOff(guests))
		},
		NoItem:       "当前没有进行中的议程项：发言登记属于进行中的议程项",
		NotGroupItem: "本项不分组审议",
		PickTitle:    func(k string) string { return "登记" + k + " — 输入姓名或拼音首字母" },
		PickHint:     "enter 登记 · esc 取消",
		ReplyTitle:   "登记答复",
		ReplyLabel:   "答复人",
		GroupTitle:   func(i int, g string) string { return fmt.Sprintf("议程第 %d 项 · %s 的审议意见", i, g) },
		GroupLabel:   "小组",
		Convener:     "召集人",
		Secretary:    "记录人",
		Speakers:     "发言人数",
		Summary:      "审议意见",
		NotANumber:   "发言人数须为 0 或正整数",
		OnlyGroupFor: func(g string) string {
			return "本终端为「" + g + "」小组终端，只能录入本组审议意见"
		},
		Added: func(no int, name, kind string, pos int) string {
			return fmt.Sprintf("已登记第 %d 号 %s（%s），排第 %d 位", no, name, kind, pos)
		},
		Removed: func(no int, name string) string { return fmt.Sprintf("已将第 %d 号 %s 移出名单", no, name) },
		Moved: func(no int, name string, pos int) string {
			return fmt.Sprintf("第 %d 号 %s 现排第 %d 位", no, name, pos)
		},
		Started: func(name, limit string) string { return fmt.Sprintf("请 %s 发言，限时 %s", name, limit) },
		Ended: func(name, took, over string) string {
			if over != "" {
				return fmt.Sprintf("%s 发言结束，用时 %s，超时 %s", name, took, over)
			}
			return fmt.Sprintf("%s 发言结束，用时 %s", name, took)
		},
		Undone: "已撤销发言名单的上一步",
		RulesSet: func(fair, guests bool) string {
			return fmt.Sprintf("已设定：公平排序%s，列席/特邀发言%s", onOff(fair), onOff(guests))
		},
		Reported: func(g string, n int) string {
			return fmt.Sprintf("已录入「%s」的审议意见（发言 %d 人）", g, n)
		},
		ConfirmDrop: func(k, name string) string {
			return fmt.Sprintf("再按 %s 将 %s 移出发言名单", k, name)
		},
		ConfirmRules: func(k string, fair, guests bool) string {
			return fmt.Sprintf("再按 %s 改为：公平排序%s，列席/特邀发言%s", k, onOff(fair), onOff(guests))
		},
		ProjSpeaking: "正在发言", ProjNext: "接下来",
		ProjLeft: "剩余", ProjOver: "超时",
		HelpToSpeakers: "发言", HelpSpeak: "登记发言", HelpSupplement: "补充发言", HelpOrder: "程序性动议", HelpReply: "答复",
		HelpStart: "请发言", HelpEnd: "结束发言", HelpRemove: "移出名单", HelpUp: "上移", HelpDown: "下移", HelpUndo: "撤销",
		HelpGroup: "分组审议意见", HelpFair: "公平排序", HelpGuests: "列席发言",
		Refused: func(code session.Code, name string, no int) string {
			switch code {
			case session.CodeNoRequest:
				return fmt.Sprintf("本项发言名单上没有第 %d 号", no)
			case session.CodeNotWaiting:
				return fmt.Sprintf("第 %d 号 %s 已不在等候名单上", no, name)
			case session.CodeOrderFirst:
				return fmt.Sprintf("程序性动议优先：请先处理第 %d 号 %s 的程序性动议", no, name)
			case session.CodeAlreadyWaiting:
				return fmt.Sprintf("%s 已在发言名单上（第 %d 号）", name, no)
			case session.CodeAbsent:
				return fmt.Sprintf("%s 未在场，不能登记发言", name)
			case session.CodeGuest:
				return fmt.Sprintf("%s 是列席或特邀代表：主持人准许（G）后方可登记发言", name)
			case session.CodeBadPosition:
				return "名单上没有这个位置"
			case session.CodeListEmpty:
				return "发言名单是空的：先登记发言"
			}
			return "发言登记未被接受"
		},
		Running: func(name, k string) string { return fmt.Sprintf("%s 正在发言：请先结束（%s）", name, k) },
		GroupRefused: func(code session.Code, g string, item, got, members int) string {
			switch code {
			case session.CodeNotInGroups:
				return fmt.Sprintf("议程第 %d 项不分组审议", item)
			case session.CodeUnknownGroup:
				return fmt.Sprintf("议程第 %d 项没有「%s」小组", item, g)
			case session.CodeNotStarted:
				return fmt.Sprintf("议程第 %d 项尚未开始，不能录入审议意见", item)
			case session.CodeTooManySpeakers:
				return fmt.Sprintf("「%s」只有 %d 人，发言人数不能是 %d", g, members, got)
			}
			return "审议意见未被接受"
		},
		GroupLimit: func(g, asked string) string {
			if asked != "" {
				return fmt.Sprintf("本终端属于「%s」小组，不能录入「%s」的审议意见", g, asked)
			}
			return fmt.Sprintf("本终端属于「%s」小组，只能录入本组的审议意见", g)
		},
		NoSpeech:       "当前没有人在发言",
		FloorUnchanged: "发言名单没有可撤销的操作",
		SameRules:      "发言规则已是如此",
		BadKind:        "发言类别无效：发言、补充发言、程序性动议或答复",
		NameNotReply:   "只有答复可以写不在名册上的答复人",
	}
}

func enFloorTexts() *FloorTexts {
	kinds := map[session.SpeechKind]string{session.SpeechOrdinary: "speech", session.SpeechSupplement: "supplementary",
		session.SpeechOrder: "point of order", session.SpeechReply: "answer"}
	onOff := func(b bool) string {
		if b {
			return "on"
		}
		return "off"
	}
	return &FloorTexts{
		Kind: func(k session.SpeechKind) string {
			if w, ok := kinds[k]; ok {
				return w
			}
			return string(k)
		},
		SpeakingTitle: "Speaking now",
		Nobody: func(k string) string {
			return fmt.Sprintf("Nobody has the floor · %s gives it to the first on the list", k)
		},
		Left:  func(d string) string { return d + " left" },
		Over:  func(d string) string { return d + " over" },
		Limit: func(d string) string { return "limit " + d },
		ListTitle: func(n int, fair bool) string {
			s := fmt.Sprintf("Speakers' list: %d waiting", n)
			if fair {
				s += " · fair order"
			}
			return s
		},
		EmptyList:   func(k string) string { return "Nobody is on the list: " + k },
		SpokenTitle: func(n int, total string) string { return fmt.Sprintf("Spoken: %d · %s in all", n, total) },
		SpokeOver:   func(d string) string { return d + " over" },
		GroupsTitle: func(r, n int) string { return fmt.Sprintf("Groups · %d of %d reported", r, n) },
		GroupLine: func(n int, c, s string) string {
			line := fmt.Sprintf("%d spoke", n)
			if c != "" {
				line += " · convener " + c
			}
			if s != "" {
				line += " · secretary " + s
			}
			return line
		},
		NotReported: "not reported",
		Rules: func(fair, guests bool) string {
			return fmt.Sprintf("fair order %s · observers and guests %s", onOff(fair), onOff(guests))
		},
		NoItem:       "No item is under way: a speakers' list belongs to the current item",
		NotGroupItem: "This item is not deliberated in groups",
		PickTitle:    func(k string) string { return "Add a " + k + " — type a name or its pinyin initials" },
		PickHint:     "enter adds · esc cancels",
		ReplyTitle:   "Add an answer",
		ReplyLabel:   "Who answers",
		GroupTitle:   func(i int, g string) string { return fmt.Sprintf("Item %d · opinions of %s", i, g) },
		GroupLabel:   "Group",
		Convener:     "Convener",
		Secretary:    "Secretary",
		Speakers:     "Speakers",
		Summary:      "Opinions",
		NotANumber:   "Speakers must be 0 or a whole number",
		OnlyGroupFor: func(g string) string {
			return "This is the terminal of group " + g + ": it enters that group's opinions only"
		},
		Added: func(no int, name, kind string, pos int) string {
			return fmt.Sprintf("No. %d %s (%s) is on the list, place %d", no, name, kind, pos)
		},
		Removed: func(no int, name string) string { return fmt.Sprintf("No. %d %s is off the list", no, name) },
		Moved: func(no int, name string, pos int) string {
			return fmt.Sprintf("No. %d %s is now place %d", no, name, pos)
		},
		Started: func(name, limit string) string { return fmt.Sprintf("%s has the floor for %s", name, limit) },
		Ended: func(name, took, over string) string {
			if over != "" {
				return fmt.Sprintf("%s spoke for %s, %s over", name, took, over)
			}
			return fmt.Sprintf("%s spoke for %s", name, took)
		},
		Undone: "The list's last change is taken back",
		RulesSet: func(fair, guests bool) string {
			return fmt.Sprintf("Now: fair order %s, observers and guests %s", onOff(fair), onOff(guests))
		},
		Reported: func(g string, n int) string { return fmt.Sprintf("Opinions of %s recorded (%d spoke)", g, n) },
		ConfirmDrop: func(k, name string) string {
			return fmt.Sprintf("Press %s again to take %s off the list", k, name)
		},
		ConfirmRules: func(k string, fair, guests bool) string {
			return fmt.Sprintf("Press %s again for fair order %s, observers and guests %s", k, onOff(fair), onOff(guests))
		},
		ProjSpeaking: "Speaking", ProjNext: "Next",
		ProjLeft: "left", ProjOver: "over",
		HelpToSpeakers: "speakers", HelpSpeak: "add speaker", HelpSupplement: "supplementary", HelpOrder: "point of order", HelpReply: "answer",
		HelpStart: "give the floor", HelpEnd: "end speech", HelpRemove: "take off", HelpUp: "up", HelpDown: "down", HelpUndo: "undo",
		HelpGroup: "group opinions", HelpFair: "fair order", HelpGuests: "guests speak",
		Refused: func(code session.Code, name string, no int) string {
			switch code {
			case session.CodeNoRequest:
				return fmt.Sprintf("No. %d is not on this item's list", no)
			case session.CodeNotWaiting:
				return fmt.Sprintf("No. %d %s is no longer waiting", no, name)
			case session.CodeOrderFirst:
				return fmt.Sprintf("Points of order first: No. %d %s's point of order comes before", no, name)
			case session.CodeAlreadyWaiting:
				return fmt.Sprintf("%s is on the list already (No. %d)", name, no)
			case session.CodeAbsent:
				return fmt.Sprintf("%s is not present and cannot be put on the list", name)
			case session.CodeGuest:
				return fmt.Sprintf("%s is an observer or guest: the chair must allow them first (G)", name)
			case session.CodeBadPosition:
				return "The list has no such place"
			case session.CodeListEmpty:
				return "The list is empty: add a speaker first"
			}
			return "The speakers' list refused it"
		},
		Running: func(name, k string) string {
			return fmt.Sprintf("%s has the floor: end that speech first (%s)", name, k)
		},
		GroupRefused: func(code session.Code, g string, item, got, members int) string {
			switch code {
			case session.CodeNotInGroups:
				return fmt.Sprintf("Item %d is not deliberated in groups", item)
			case session.CodeUnknownGroup:
				return fmt.Sprintf("Item %d has no group %s", item, g)
			case session.CodeNotStarted:
				return fmt.Sprintf("Item %d has not started: no opinions yet", item)
			case session.CodeTooManySpeakers:
				return fmt.Sprintf("%s has %d members, not %d speakers", g, members, got)
			}
			return "The group's report was refused"
		},
		GroupLimit: func(g, asked string) string {
			if asked != "" {
				return fmt.Sprintf("This terminal is group %s's: it cannot enter %s's opinions", g, asked)
			}
			return fmt.Sprintf("This terminal is group %s's: it enters that group's opinions only", g)
		},
		NoSpeech:       "Nobody is speaking",
		FloorUnchanged: "The list has nothing to undo",
		SameRules:      "The rules are so already",
		BadKind:        "Not a kind of request: speech, supplementary, point of order or answer",
		NameNotReply:   "Only an answer may name someone not on the roster",
	}
}
