package common

import (
	"errors"
	"fmt"
	"strings"

	"podium/model"
	"podium/session"
	"podium/words"
)

// Texts is every user-visible string of the TUI in one language. Plain
// fields are labels; func fields fill in numbers and names. Build one with
// NewTexts; never keep one in a package variable.
type Texts struct {
	Lang string // "zh" or "en"

	AppName string
	// Rehearsal marks every screen and the projector of a rehearsal's
	// congress (podium rehearse): 演练.
	Rehearsal     string
	TooSmall      func(w, h int) string
	Present       func(present, expected int) string
	OpeningBadge  string // 开会
	ElectionBadge string // 选举
	Declared      func(at string) string
	NotDeclared   string
	Current       func(n int, title string) string
	NotStarted    string
	Banner        func(present int, which string, need int) string
	RoleRefused   func(role string) string // the core refused: not this terminal's role
	ChainOK       string                   // shown by the clock once the log's chain is verified
	ChainBad      func(err string) string  // the alarm when it is not
	LogBad        string                   // shown instead of ChainOK while the log cannot be written
	// CheckpointBad is the alarm when the state podium started from (the
	// checkpoint of event seq) is not the log's replayed in full: restart;
	// left is the checkpoint file to remove first ("" once removed).
	CheckpointBad func(seq uint64, left string) string
	// WriteFailed is the banner of a command the log could not store,
	// with the whole error and what to do; NotSaved its status line.
	WriteFailed func(err string) string
	NotSaved    string
	// ImageRefused is a command refused because the state podium started
	// from (its checkpoint) is not the log's: the alarm says what to do.
	ImageRefused string
	// TooLong refuses a text longer than the core accepts.
	TooLong func(n, max int) string

	// ClockRefused: the core refused a command dated before the record's
	// last event (the times as the terminal shows them).
	ClockRefused func(last, given string) string

	Agenda, Units, UnitHead, InExp, LeaveHead, LeftHead, Total string
	UnitsShort                                                 string // the per-unit table, in a hint
	SideOther                                                  func(key, other string) string
	// LeaveLeft is a narrow sidebar's line of the delegates on leave and
	// gone: 假 1 · 离 2.
	LeaveLeft func(leave, left int) string

	Prompt, Placeholder                 string
	NameHead, UnitCol, KindHead, StHead string
	NoMatch                             func(q string) string
	EmptyList                           string
	FilterAll, FilterOut, FilterIn      string
	Position                            func(cur, n int, filter string) string

	StatusPresent, StatusLeave, StatusLeft, StatusOut string
	Kind                                              func(k model.Kind) string

	Marked   func(name, unit, at string, present, expected int) string
	MarkedAs func(name, unit, status string) string
	Already  func(name, status string) string
	// AlreadyAt is Already with the person's unit: a scan answers with
	// the name and unit, calmly, when the person is already so.
	AlreadyAt     func(name, unit, status string) string
	Undone        func(name, unit, status string) string
	NothingUndo   string
	LeaveReason   func(name string) string // the optional reason of a leave (请假)
	SameName      func(n int, name string) string
	ConfirmNext   func(key string, n int, title string) string
	ConfirmOpen   func(key string, present, expected int) string
	Started       func(n int, title string, present, expected int) string
	DeclaredOK    func(present, expected int) string
	LastItem      string
	AlreadyOpen   string
	Cancelled     string
	QuorumRefused func(what string, present, expected int, rule string, need int) string
	Failed        func(err error) string
	NoSuchPerson  func(id string) string // an id not on the roster

	// Key help: key names and descriptions.
	HelpMark, HelpLeave, HelpLeft, HelpReset, HelpUndo   string
	HelpMove, HelpPage, HelpEnds, HelpFilter, HelpClear  string
	HelpNext, HelpDeclare, HelpSide, HelpHelp, HelpQuit  string
	HelpMarkLong, HelpUndoLong, HelpFilterLong, HelpMore string
	// SheetTitle heads the key sheet that ? shows.
	SheetTitle string
	// DraftNotKept and DraftNotRead say that the terminal's draft (kept
	// outside the record) could not be saved or read.
	DraftNotKept, DraftNotRead func(err string) string
	// HostKey shows the SSH host key's fingerprint while serving.
	HostKey func(fingerprint string) string

	WelcomeTitle string
	WelcomeBody  []string
	HelpDemo     string

	// HelpToDesk is the help of f1, the check-in desk.
	HelpToDesk string
	// V is the election screen's words.
	V *VoteTexts
	// M is the words of the agenda and the meeting screens.
	M *MeetingTexts
	// P is the hall projector's words.
	P *ProjectorTexts
	// F is the words of the floor: the speakers' lists and the groups.
	F *FloorTexts
	// R is the words of the log's copies: mirror, standby, takeover.
	R *CopyTexts
}

// NewTexts returns the texts for lang: English for "en" (or "en-…"),
// Chinese otherwise.
func NewTexts(lang string) *Texts {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return enTexts()
	}
	return zhTexts()
}

func zhTexts() *Texts {
	t := &Texts{
		Lang:    "zh",
		AppName: "podium 学代会", Rehearsal: "演练",
		TooSmall: func(w, h int) string {
			return fmt.Sprintf("请把终端放大到至少 80×24（当前 %d×%d）", w, h)
		},
		Present: func(p, e int) string {
			return fmt.Sprintf("实到 %d / 应到 %d", p, e)
		},
		OpeningBadge:  "开会",
		ElectionBadge: "选举",
		Declared:      func(at string) string { return "已宣布有效 " + at },
		NotDeclared:   "未宣布有效",
		Current:       func(n int, title string) string { return fmt.Sprintf("当前 %d %s", n, title) },
		NotStarted:    "议程未开始",
		Banner: func(p int, which string, need int) string {
			return fmt.Sprintf("注意：实到已降至 %d 人，低于%s法定人数（需 %d 人）", p, which, need)
		},
		ChainOK: "记录链 ✓",
		LogBad:  "记录 ✗ 无法写入",
		WriteFailed: func(err string) string {
			return "未保存：记录文件无法写入（磁盘已满或故障）：" + err + "。已确认的记录不会丢失。腾出空间或排除故障后重新操作即可，会自动重试，无需重启。"
		},
		NotSaved:     "未保存：记录文件无法写入，见上方提示",
		ImageRefused: "未记录：启动时载入的状态未能与记录核对一致，请重启 podium，见上方提示",
		TooLong: func(n, max int) string {
			return fmt.Sprintf("未执行：文字太长（%d 字，最多 %d 字）", n, max)
		},
		RoleRefused: func(role string) string {
			return "本终端（" + map[string]string{"host": "主持人", "secretary": "秘书处", "desk": "签到台", "teller": "计票", "projector": "投影"}[role] + "）无权进行此操作"
		},
		ClockRefused: func(last, given string) string {
			return "未记录：本机时钟 " + given + " 早于记录最后一条 " + last + "，请校正时钟"
		},
		ChainBad: func(err string) string {
			return "记录链校验失败，记录可能被改动：" + err + "（请停止操作并运行 podium verify）"
		},
		CheckpointBad: func(seq uint64, left string) string {
			if left != "" {
				return fmt.Sprintf("请停止操作，删除 %s 后重启 podium：启动时载入的状态（第 %d 条记录处的检查点）未能与完整重放记录所得核对一致。重启后将完整重放记录。", left, seq)
			}
			return fmt.Sprintf("请停止操作并重启 podium：启动时载入的状态（第 %d 条记录处的检查点）未能与完整重放记录所得核对一致，该检查点已删除。重启后将完整重放记录。", seq)
		},
		Agenda: "议程", Units: "各单位出席", UnitHead: "单位", InExp: "到/应",
		LeaveHead: "假", LeftHead: "离", Total: "合计",
		SideOther:   func(k, o string) string { return k + " " + o },
		UnitsShort:  "单位",
		LeaveLeft:   func(lv, lt int) string { return fmt.Sprintf("请假 %d · 离场 %d", lv, lt) },
		Prompt:      "搜索 › ",
		Placeholder: "拼音首字母如 zxl，回车签到",
		NameHead:    "姓名", UnitCol: "单位", KindHead: "类别", StHead: "状态",
		NoMatch:   func(q string) string { return fmt.Sprintf("没有找到「%s」", q) },
		EmptyList: "没有符合条件的人",
		FilterAll: "全部", FilterOut: "未到", FilterIn: "已到",
		Position: func(cur, n int, f string) string {
			return fmt.Sprintf("%d/%d · %s", cur, n, f)
		},
		StatusPresent: "已到", StatusLeave: "请假", StatusLeft: "离场", StatusOut: "未到",
		Kind: func(k model.Kind) string { return k.Zh() },
		Marked: func(name, unit, at string, p, e int) string {
			return fmt.Sprintf("✓ %s（%s）%s 签到 · 实到 %d/%d", name, unit, at, p, e)
		},
		MarkedAs: func(name, unit, st string) string { return fmt.Sprintf("%s（%s）已记为「%s」", name, unit, st) },
		Already:  func(name, st string) string { return fmt.Sprintf("%s 已是「%s」，无需重复", name, st) },
		AlreadyAt: func(name, unit, st string) string {
			return fmt.Sprintf("%s（%s）已是「%s」，无需重复", name, unit, st)
		},
		Undone: func(name, unit, st string) string {
			return fmt.Sprintf("已撤销：%s（%s）恢复为「%s」", name, unit, st)
		},
		NothingUndo: "没有可撤销的标记",
		LeaveReason: func(n string) string { return n + " 请假原因（可不填，回车确认）" },
		SameName: func(n int, name string) string {
			return fmt.Sprintf("有 %d 位「%s」：请用 ↑↓ 选中后再按回车", n, name)
		},
		ConfirmNext: func(k string, n int, title string) string {
			return fmt.Sprintf("再按 %s 开始议程第 %d 项「%s」，esc 取消", k, n, title)
		},
		ConfirmOpen: func(k string, p, e int) string {
			return fmt.Sprintf("再按 %s 宣布会议有效（实到 %d / 应到 %d），esc 取消", k, p, e)
		},
		Started: func(n int, title string, p, e int) string {
			return fmt.Sprintf("议程第 %d 项「%s」开始 · 实到 %d/%d", n, title, p, e)
		},
		DeclaredOK: func(p, e int) string {
			return fmt.Sprintf("已宣布会议有效：应到 %d 人，实到 %d 人", e, p)
		},
		LastItem:    "已是最后一项议程",
		AlreadyOpen: "会议已宣布有效，无需重复",
		Cancelled:   "已取消",
		QuorumRefused: func(what string, p, e int, rule string, need int) string {
			return fmt.Sprintf("%s法定人数不足：实到 %d 人，应到 %d 人，需%s即 %d 人", what, p, e, rule, need)
		},
		Failed:       func(err error) string { return "未执行：" + err.Error() },
		NoSuchPerson: func(id string) string { return "名册上没有编号为 " + id + " 的人" },

		HelpMark: "签到", HelpLeave: "请假", HelpLeft: "离场", HelpReset: "改回未到",
		HelpUndo: "撤销", HelpMove: "上下", HelpPage: "翻页", HelpEnds: "首/尾",
		HelpFilter: "筛选", HelpClear: "清空搜索", HelpNext: "下一项议程",
		HelpDeclare: "宣布会议有效", HelpSide: "侧栏 议程/单位/收起", HelpHelp: "返回",
		HelpQuit: "退出", HelpMarkLong: "签到并清空搜索", HelpUndoLong: "撤销上一次标记",
		HelpFilterLong: "筛选 全部/未到/已到", HelpMore: "全部按键",
		SheetTitle: "全部按键 · 按 ? 或 esc 返回",
		DraftNotKept: func(err string) string {
			return "草稿未能保存（不影响会议记录，重启后需重新录入未保存的内容）：" + err
		},
		DraftNotRead: func(err string) string {
			return "上次的草稿无法读取，已忽略（会议记录不受影响）：" + err
		},
		HostKey: func(fp string) string {
			return "本机 SSH 主机密钥 " + fp + "（其他终端首次连接时核对）"
		},
		WelcomeTitle: "podium · 学生代表大会",
		WelcomeBody: []string{
			"本机还没有大会。",
			"",
			"按 回车 或 d 打开示例大会，先熟悉签到和议程。",
			"",
			"要建立真实的大会，请退出后运行：",
			"    podium new --roster 名册文件",
			"",
			"q 或 esc 退出",
		},
		HelpDemo:   "打开示例大会",
		HelpToDesk: "签到",
		V:          zhVoteTexts(),
		M:          zhMeetingTexts(),
		P:          zhProjectorTexts(),
		F:          zhFloorTexts(),
		R:          zhCopyTexts(),
	}
	return t
}

func enTexts() *Texts {
	t := &Texts{
		Lang:    "en",
		AppName: "podium congress", Rehearsal: "REHEARSAL",
		TooSmall: func(w, h int) string {
			return fmt.Sprintf("Please enlarge the terminal to at least 80×24 (now %d×%d)", w, h)
		},
		Present: func(p, e int) string {
			return fmt.Sprintf("present %d/%d", p, e)
		},
		OpeningBadge:  "Opening",
		ElectionBadge: "Election",
		Declared:      func(at string) string { return "declared " + at },
		NotDeclared:   "not declared",
		Current:       func(n int, title string) string { return fmt.Sprintf("now %d %s", n, title) },
		NotStarted:    "agenda not started",
		Banner: func(p int, which string, need int) string {
			return fmt.Sprintf("Attention: present fell to %d, below the %s quorum (%d needed)", p, strings.ToLower(which), need)
		},
		ChainOK: "log ✓",
		LogBad:  "log ✗ not writable",
		WriteFailed: func(err string) string {
			return "Not saved: the log cannot be written (disk full or failing): " + err + ". Everything acknowledged is safe. Free space on the disk or fix it, then act again: the next action retries, no restart needed."
		},
		NotSaved:     "Not saved: the log cannot be written, see the banner",
		ImageRefused: "Not recorded: the state podium started from could not be confirmed against the log; restart podium, see the banner",
		TooLong: func(n, max int) string {
			return fmt.Sprintf("Not done: the text is too long (%d characters, at most %d)", n, max)
		},
		RoleRefused: func(role string) string {
			return "This terminal (" + role + ") may not do that"
		},
		ClockRefused: func(last, given string) string {
			return "Not recorded: clock " + given + " is behind the record (" + last + "); set the clock"
		},
		ChainBad: func(err string) string {
			return "The log's hash chain is broken, the record may have been changed: " + err + " (stop and run podium verify)"
		},
		CheckpointBad: func(seq uint64, left string) string {
			if left != "" {
				return fmt.Sprintf("Stop, remove %s and restart podium: the state it started from (the checkpoint at event %d) could not be confirmed against the log replayed in full. The restart replays the log in full.", left, seq)
			}
			return fmt.Sprintf("Stop and restart podium: the state it started from (the checkpoint at event %d) could not be confirmed against the log replayed in full; the checkpoint is removed. The restart replays the log in full.", seq)
		},
		Agenda: "Agenda", Units: "Attendance by unit", UnitHead: "Unit", InExp: "in/exp",
		LeaveHead: "lv", LeftHead: "out", Total: "Total",
		SideOther:   func(k, o string) string { return k + " " + strings.ToLower(o) },
		UnitsShort:  "Units",
		LeaveLeft:   func(lv, lt int) string { return fmt.Sprintf("%d on leave · %d left", lv, lt) },
		Prompt:      "Search › ",
		Placeholder: "pinyin or initials, Enter",
		NameHead:    "Name", UnitCol: "Unit", KindHead: "Kind", StHead: "Status",
		NoMatch:   func(q string) string { return fmt.Sprintf("No one matches \"%s\"", q) },
		EmptyList: "No one to show",
		FilterAll: "all", FilterOut: "not arrived", FilterIn: "present",
		Position: func(cur, n int, f string) string {
			return fmt.Sprintf("%d/%d · %s", cur, n, f)
		},
		StatusPresent: "present", StatusLeave: "on leave", StatusLeft: "left", StatusOut: "not arrived",
		Kind: func(k model.Kind) string { return k.String() },
		Marked: func(name, unit, at string, p, e int) string {
			return fmt.Sprintf("✓ %s (%s) present %s · %d/%d present", name, unit, at, p, e)
		},
		MarkedAs: func(name, unit, st string) string { return fmt.Sprintf("%s (%s) is now %s", name, unit, st) },
		Already:  func(name, st string) string { return fmt.Sprintf("%s is already %s, nothing to do", name, st) },
		AlreadyAt: func(name, unit, st string) string {
			return fmt.Sprintf("%s (%s) is already %s, nothing to do", name, unit, st)
		},
		Undone: func(name, unit, st string) string {
			return fmt.Sprintf("Undone: %s (%s) is back to %s", name, unit, st)
		},
		NothingUndo: "Nothing of yours to undo",
		LeaveReason: func(n string) string { return n + " on leave: the reason (optional, enter confirms)" },
		SameName: func(n int, name string) string {
			return fmt.Sprintf("%d people named %s: pick one with ↑↓, then Enter", n, name)
		},
		ConfirmNext: func(k string, n int, title string) string {
			return fmt.Sprintf("Press %s again to start item %d \"%s\", esc cancels", k, n, title)
		},
		ConfirmOpen: func(k string, p, e int) string {
			return fmt.Sprintf("Press %s again to declare the meeting valid (%d of %d present), esc cancels", k, p, e)
		},
		Started: func(n int, title string, p, e int) string {
			return fmt.Sprintf("Item %d \"%s\" started · %d/%d present", n, title, p, e)
		},
		DeclaredOK: func(p, e int) string {
			return fmt.Sprintf("Meeting declared valid: %d present of %d expected", p, e)
		},
		LastItem:    "This is the last agenda item",
		AlreadyOpen: "The meeting has already been declared valid",
		Cancelled:   "Cancelled",
		QuorumRefused: func(what string, p, e int, rule string, need int) string {
			return fmt.Sprintf("No %s quorum: %d present of %d expected; %s needed, i.e. %d",
				strings.ToLower(what), p, e, rule, need)
		},
		Failed:       func(err error) string { return "Not done: " + err.Error() },
		NoSuchPerson: func(id string) string { return "No one on the roster has the id " + id },

		HelpMark: "present", HelpLeave: "leave", HelpLeft: "left", HelpReset: "not arrived",
		HelpUndo: "undo", HelpMove: "move", HelpPage: "page", HelpEnds: "first/last",
		HelpFilter: "filter", HelpClear: "clear search", HelpNext: "next item",
		HelpDeclare: "declare valid", HelpSide: "sidebar", HelpHelp: "back",
		HelpQuit: "quit", HelpMarkLong: "present, clear", HelpUndoLong: "undo my mark",
		HelpFilterLong: "filter status", HelpMore: "all keys",
		SheetTitle: "All keys · ? or esc to go back",
		DraftNotKept: func(err string) string {
			return "The draft could not be kept (the record is not affected; after a restart, unsaved work is keyed again): " + err
		},
		DraftNotRead: func(err string) string {
			return "The last draft could not be read and is ignored (the record is not affected): " + err
		},
		HostKey: func(fp string) string {
			return "SSH host key " + fp + " (compare it on each terminal's first connection)"
		},
		WelcomeTitle: "podium · student congress",
		WelcomeBody: []string{
			"There is no congress on this machine yet.",
			"",
			"Press Enter or d to open the demo congress and try check-in and the agenda.",
			"",
			"To set up a real congress, quit and run:",
			"    podium new --roster FILE",
			"",
			"q or esc quits",
		},
		HelpDemo:   "open the demo",
		HelpToDesk: "check-in",
		V:          enVoteTexts(),
		M:          enMeetingTexts(),
		P:          enProjectorTexts(),
		F:          enFloorTexts(),
		R:          enCopyTexts(),
	}
	return t
}

// Rule writes a rule the way a congress says it: 超过半数, 超过五分之四,
// 三分之二以上; more than half, 2/3 or more (words.Rule).
func (t *Texts) Rule(f model.Fraction) string { return words.Rule(f, t.Lang) }

// RuleShort writes a rule for a badge: 超过4/5, 2/3以上; >4/5, ≥2/3
// (words.RuleShort).
func (t *Texts) RuleShort(f model.Fraction) string { return words.RuleShort(f, t.Lang) }

// StatusWord returns the word for an attendance status.
func (t *Texts) StatusWord(s session.Status) string {
	switch s {
	case session.Present:
		return t.StatusPresent
	case session.OnLeave:
		return t.StatusLeave
	case session.Left:
		return t.StatusLeft
	}
	return t.StatusOut
}

// ItemTitle returns an agenda item's title in the language: the English
// title when the language is English and one is set.
func (t *Texts) ItemTitle(it model.Item) string {
	if t.Lang == "en" && it.TitleEn != "" {
		return it.TitleEn
	}
	return it.Title
}

// Title is the congress as a screen's top line names it: its name, after
// the rehearsal's mark (演练) in a rehearsal.
func (t *Texts) Title(s model.Setup) string {
	if s.Rehearsal {
		return "【" + t.Rehearsal + "】" + t.MeetingName(s.Meeting)
	}
	return t.MeetingName(s.Meeting)
}

// MeetingName returns the congress name in the language.
func (t *Texts) MeetingName(m model.Meeting) string {
	if t.Lang == "en" && m.NameEn != "" {
		return m.NameEn
	}
	return m.Name
}

// Refusal explains an error returned by Session.Execute in the language,
// with its numbers. It reports whether the refusal is calm (nothing went
// wrong, e.g. the person already has that status) rather than an error.
func (t *Texts) Refusal(err error, name func(id string) string) (text string, calm bool) {
	var (
		qe   *session.QuorumError
		same *session.SameStatusError
		nu   *session.NothingToUndoError
		long *session.TextTooLongError
	)
	var fenced *session.FencedError
	switch {
	case errors.As(err, &fenced):
		return t.R.Fenced(fenced.By, fenced.At.Format("15:04:05"), fenced.Seq, fenced.Epoch), false
	case errors.As(err, new(*session.WriteError)):
		return t.NotSaved, false
	case errors.As(err, new(*session.ImageError)):
		return t.ImageRefused, false
	case errors.As(err, &long):
		return t.TooLong(long.Len, long.Max), false
	case errors.As(err, &qe):
		what := t.OpeningBadge
		if qe.What == "election" {
			what = t.ElectionBadge
		}
		return t.QuorumRefused(what, qe.Present, qe.Expected, t.Rule(qe.Rule), qe.Need), false
	case errors.As(err, &same):
		return t.Already(name(same.ID), t.StatusWord(same.Status)), true
	case errors.As(err, &nu):
		return t.NothingUndo, true
	case errors.Is(err, session.ErrAlreadyDeclared):
		return t.AlreadyOpen, true
	}
	var (
		re *session.RoleError
		up *session.UnknownPersonError
	)
	if errors.As(err, &re) {
		return t.RoleRefused(string(re.Role)), false
	}
	var ce *session.ClockError
	if errors.As(err, &ce) {
		zone := ce.Given.Location() // the terminal's clock, as it shows the time
		return t.ClockRefused(ce.Last.In(zone).Format("15:04:05"), ce.Given.Format("15:04:05")), false
	}
	if errors.As(err, &up) {
		return t.NoSuchPerson(up.ID), false
	}
	if text, calm, ok := t.voteRefusal(err); ok {
		return text, calm
	}
	if text, calm, ok := t.floorRefusal(err, name, "e"); ok {
		return text, calm
	}
	if text, calm, ok := t.meetingRefusal(err, name, ""); ok {
		return text, calm
	}
	return t.Failed(err), false
}
