package tui

import (
	"errors"
	"fmt"
	"strings"

	"podium/agenda"
	"podium/session"
	"podium/session/election"
)

// VoteTexts are the election screen's words in one language (Texts.V).
type VoteTexts struct {
	Title, NoElection, Sep, None                    string
	Steps                                           []string // the six steps of the strip
	Actor, Teller                                   func(a string) string
	More                                            func(from, to, n int) string
	RoundName                                       func(no int, k election.Kind, revote bool) string
	NextLabel, Done, NumberHint, CountersHint       string
	NextMethod, NextScrutineers, NextIssue          func(key string) string
	NextCollect, NextDecide                         func(key string) string
	NextOpen                                        func(key, round string) string
	NextCount, NextChoose                           func(a, b string) string
	NotNow, CountedByTally, CountedByBallots        string
	ConfirmMethod, ConfirmDecide                    func(key string) string
	ConfirmOpen                                     func(key, round string, present, expected int) string
	ConfirmVacant                                   func(key, seats string) string
	CountHow                                        func(b, t string) string
	AllDone, MethodAdopted, VacancyDeclared         string
	RoundOpened                                     func(round string, present, expected int) string
	Decided                                         func(elected int) string
	NotANumber                                      string
	IssuedOK                                        func(n int) string
	CollectedOK, CollectedVoid                      func(issued, collected int) string
	ScrutineersAdopted                              func(s, chief string) string
	PickHint, Choosing                              func(role string) string
	PickPlaceholder, IsCandidate                    string
	PresentFormal                                   func(n int) string
	MethodTitle, CandidatesTitle, ScrutineersTitle  string
	Adopted                                         func(at string) string
	SeatsWith                                       func(total int, parts string) string
	SeatsOnly                                       func(n int) string
	CatSeats                                        func(cat string, n int) string
	TermSeats, TermCandidates, TermQuorum           string
	TermThreshold, TermWriteIns, TermOver           string
	TermRunoff, TermOrder, RunoffWords, OrderWords  string
	CandidatesWords                                 func(n, seats int) string
	QuorumWords                                     func(rule string, expected, need int) string
	ThresholdWords                                  func(rule string, base agenda.Base, baseN, need int) string
	WriteInsWords                                   func(w agenda.WriteIns) string
	OverWords                                       func(o agenda.OverSelection, withCat bool) string
	Scrutineer, Chief, Counters, NotChosen          string
	IssuedLabel, CollectedLabel, NotYet             string
	QuorumSpeech                                    func(expected, present int, f agenda.Fraction, need int, ok bool) string
	BallotSpeech                                    func(issued, collected int) string
	OpenSeats, Slate, QuorumTitle, BallotsTitle     string
	OpenedAt                                        func(at string) string
	CountTitle, TallyEntered, NothingKeyed          string
	SingleEntry, NoDiffs, SpoiledDiffers            string
	WriteInsDiffer                                  string
	Keyed                                           func(n, collected int) string
	DiffsTitle                                      func(n int) string
	DiffsShort                                      func(n int, list, key string) string
	StackPos                                        func(i int) string
	MissingAt                                       func(tellers string) string
	MarkGlyph                                       func(m election.Mark) string
	BallotEntry, TallyEntry, NoOpenRound            string
	WriteInHint, SpoilHint, SpoiledDefault          string
	CorrectHint                                     func(pos int) string
	Valid, Invalid, NothingToRemove                 string
	Saved                                           func(n, collected int, what string) string
	Corrected                                       func(pos int, what string, diffs int) string
	Removed                                         func(n int) string
	Correcting                                      func(pos, keyed, collected int) string
	BallotNo                                        func(n, collected int) string
	KeyedSoFar                                      func(n int) string
	OtherTeller                                     func(t string, n int) string
	CandidateHead, CategoryHead, MarkHead           string
	ApproveShort, DisapproveShort, AbstainShort     string
	WriteInLabel, SpoilLabel, InvalidLabel          string
	TallyHint                                       string
	VoidWriteIn, VoidReason, SpoiledReason          func(s string) string
	OverSelected                                    func(cat string, sel, seats int) string
	Selections                                      func(n int) string
	TallySaved                                      func(collected int) string
	CollectedIs                                     func(n int) string
	TallyRefused                                    func(e *election.TallyError) string
	ResultsTitle                                    func(round string) string
	RoundOf                                         func(i, n int, key string) string
	CountsLine                                      func(e, p, i, c, v, inv int) string
	Undecided                                       func(r *election.Result) string
	RunoffRule                                      string
	ThresholdLine                                   func(cat, rule string, base agenda.Base, baseN, need int) string
	ThresholdMark                                   func(need int) string
	PendingRunoff, PendingSecond                    func(cat string, seats int, names string) string
	SpeechTitle, ElectedTitle                       string
	Status                                          func(s election.Status, k election.Kind) string
	CategoryLine                                    func(cat string, seats, valid int) string
	ReportLine                                      func(name string, a, d, ab int) string
	ReportWriteIn                                   func(name string, a int) string
	ChiefReport                                     func(chief string, valid, invalid int) string
	JoinReport                                      func(lines []string) string
	ElectedSpeech                                   func(round string, names []string) string
	RunoffSpeech                                    func(cat string, seats int, names string) string
	SecondSpeech                                    func(cat string, seats int) string
	FinalSpeech                                     func(names []string, vacant string) string
	VacantWords                                     func(n int) string
	Refused                                         func(err error) (string, bool)
	ScrutineerRefused                               func(name, role, reason string) string
	BallotRefused                                   func(pos, keyed, collected int, reason string) string
	MismatchRefused                                 func(tellers []string, lengths []int, collected, differ int) string
	IssueRefused                                    func(n, present int) string
	HelpNext, HelpBack, HelpScroll, HelpRounds      string
	HelpBallots, HelpTally, HelpVacant, HelpApprove string
	HelpDisapprove, HelpAbstain, HelpRow            string
	HelpBackRow, HelpSave, HelpWriteIn              string
	HelpDropWriteIn, HelpSpoil, HelpRemove          string
	HelpStack, HelpNextDiff, HelpCategory           string
	HelpCell, HelpWriteInRow, HelpSubmit, HelpPick  string
	HelpConfirm                                     string
	// Sentinels explain the refusals without numbers.
	Sentinels []sentinel
}

// sentinel is the words for one of the session's plain refusals; calm
// ones are no error (nothing to do).
type sentinel struct {
	err  error
	text string
	calm bool
}

// zhFrac writes n/d as a congress says it: 五分之四, 半数.
func zhFrac(f agenda.Fraction) string {
	if f.Num == 1 && f.Den == 2 {
		return "半数"
	}
	return zhNum(f.Den) + "分之" + zhNum(f.Num)
}

func zhVoteTexts() *VoteTexts {
	kindName := map[election.Kind]string{election.Regular: "", election.Runoff: "（重新投票）", election.Second: "（另行选举）"}
	return &VoteTexts{
		Title: "选举", NoElection: "本次大会没有设置选举", Sep: "、", None: "无",
		Steps:  []string{"选举办法", "监票人", "清点人数", "发票收票", "计票", "结果"},
		Actor:  func(a string) string { return "本机：" + a },
		Teller: func(a string) string { return "计票人：" + a },
		More: func(f, to, n int) string {
			return fmt.Sprintf("第 %d–%d 行，共 %d 行 · ↑↓ 翻看", f, to, n)
		},
		RoundName: func(no int, k election.Kind, revote bool) string {
			s := fmt.Sprintf("第%d轮%s", no, kindName[k])
			if revote {
				s += "（重新进行）"
			}
			return s
		},
		NextLabel: "下一步 › ", Done: "选举已全部完成，结果见上",
		NumberHint:   "输入数字后回车，esc 取消",
		CountersHint: "输入计票人姓名（用顿号或空格分隔），回车通过监票人名单，esc 返回",
		NextMethod:   func(k string) string { return k + " 通过选举办法" },
		NextScrutineers: func(k string) string {
			return k + " 选定监票人、总监票人和计票人"
		},
		NextOpen:    func(k, r string) string { return k + " 清点人数，开始" + r },
		NextIssue:   func(k string) string { return k + " 记录发出的选票数" },
		NextCollect: func(k string) string { return k + " 记录收回的选票数" },
		NextCount:   func(b, t string) string { return b + " 录入选票 · " + t + " 录入计票单" },
		NextDecide:  func(k string) string { return k + " 计票结束，宣布结果" },
		NextChoose: func(k, v string) string {
			return k + " 再次另行选举 · " + v + " 宣布缺额"
		},
		NotNow:           "现在不是这一步",
		CountedByTally:   "本轮已录入计票单，不再录入选票",
		CountedByBallots: "本轮已在录入选票，不能再录入计票单",
		ConfirmMethod: func(k string) string {
			return "大会已表决通过选举办法？再按 " + k + " 确认，esc 取消"
		},
		ConfirmDecide: func(k string) string { return "再按 " + k + " 结束计票并宣布结果，esc 取消" },
		ConfirmOpen: func(k, r string, p, e int) string {
			return fmt.Sprintf("再按 %s 开始%s（实到 %d / 应到 %d），esc 取消", k, r, p, e)
		},
		ConfirmVacant: func(k, seats string) string {
			return fmt.Sprintf("再按 %s 宣布缺额：%s，不再选举，esc 取消", k, seats)
		},
		CountHow:        func(b, t string) string { return "按 " + b + " 逐张录入选票，或按 " + t + " 录入计票单" },
		AllDone:         "选举已完成",
		MethodAdopted:   "选举办法已通过",
		VacancyDeclared: "已宣布缺额",
		RoundOpened: func(r string, p, e int) string {
			return fmt.Sprintf("%s开始：应到 %d 名，实到 %d 名", r, e, p)
		},
		Decided:    func(n int) string { return fmt.Sprintf("计票结束：本轮当选 %d 名", n) },
		NotANumber: "请输入数字",
		IssuedOK:   func(n int) string { return fmt.Sprintf("已记录：发出选票 %d 张", n) },
		CollectedOK: func(i, c int) string {
			return fmt.Sprintf("已记录：发出 %d 张，收回 %d 张，选举有效", i, c)
		},
		CollectedVoid: func(i, c int) string {
			return fmt.Sprintf("收回 %d 张多于发出 %d 张：本轮选举无效，须重新投票", c, i)
		},
		ScrutineersAdopted: func(s, c string) string {
			return fmt.Sprintf("监票人 %s、总监票人 %s 已通过", s, c)
		},
		PickHint:        func(role string) string { return "输入拼音首字母查找" + role + "，回车选定，esc 返回" },
		Choosing:        func(role string) string { return "选定" + role },
		PickPlaceholder: "只列出已到的正式代表",
		IsCandidate:     "候选人",
		PresentFormal:   func(n int) string { return fmt.Sprintf("%d 人", n) },
		MethodTitle:     "选举办法", CandidatesTitle: "候选人（按选票顺序）", ScrutineersTitle: "监票人",
		Adopted:   func(at string) string { return "✓ 已通过 " + at },
		SeatsWith: func(total int, parts string) string { return fmt.Sprintf("%d名：%s", total, parts) },
		SeatsOnly: func(n int) string { return fmt.Sprintf("%d名", n) },
		CatSeats:  func(cat string, n int) string { return fmt.Sprintf("%s %d名", cat, n) },
		TermSeats: "应选名额", TermCandidates: "候选人", TermQuorum: "法定人数",
		TermThreshold: "当选票数", TermWriteIns: "另选他人", TermOver: "多选无效",
		TermRunoff: "重新投票", TermOrder: "宣布顺序",
		RunoffWords: "末位票数相等且超过名额时，在票数相等的候选人中重新投票，得票多者当选；当选不足应选名额时，在未当选的候选人中另行选举",
		OrderWords:  "各候选人得票按选票顺序报告；当选人按候选人顺序宣布",
		CandidatesWords: func(n, seats int) string {
			if n > seats {
				return fmt.Sprintf("%d名，差额%d名", n, n-seats)
			}
			return fmt.Sprintf("%d名，等额选举", n)
		},
		QuorumWords: func(rule string, e, need int) string {
			return fmt.Sprintf("实到代表%s（应到%d名，至少%d名）", zhOf(rule, "应到人数", ""), e, need)
		},
		ThresholdWords: func(rule string, base agenda.Base, n, need int) string {
			if n < 0 {
				return "赞成票" + zhOf(rule, zhBase(base), "")
			}
			return fmt.Sprintf("赞成票%s，即至少%d票", zhOf(rule, zhBase(base), fmt.Sprintf("%d名", n)), need)
		},
		WriteInsWords: func(w agenda.WriteIns) string {
			if w == agenda.WriteInsNone {
				return "不得另选他人"
			}
			return "可以另选他人：每划一个×，可在同一类别另选一人"
		},
		OverWords: func(o agenda.OverSelection, withCat bool) string {
			if withCat && o == agenda.OverSelectionCategory {
				return "某一类别所选人数多于该类别应选名额的，该类别无效"
			}
			return "所选人数多于应选名额的，选票无效"
		},
		Scrutineer: "监票人", Chief: "总监票人", Counters: "计票人", NotChosen: "未定",
		IssuedLabel: "发出选票", CollectedLabel: "收回选票", NotYet: "未记录",
		QuorumSpeech: func(e, p int, f agenda.Fraction, need int, ok bool) string {
			verb := "超过"
			if !f.Strict {
				verb = "达到"
			}
			if ok {
				return fmt.Sprintf("本次选举应到代表%d名，实到%d名，%s应到人数的%s，可以进行选举。", e, p, verb, zhFrac(f))
			}
			return fmt.Sprintf("本次选举应到代表%d名，实到%d名，未%s应到人数的%s（需%d名），不能进行选举。", e, p, verb, zhFrac(f), need)
		},
		BallotSpeech: func(i, c int) string {
			switch {
			case c > i:
				return fmt.Sprintf("发出选票%d张，收回%d张，收回的选票多于发出的选票，选举无效，应重新进行选举。", i, c)
			case c < i:
				return fmt.Sprintf("发出选票%d张，收回%d张，收回的选票少于发出的选票，选举有效。", i, c)
			}
			return fmt.Sprintf("发出选票%d张，收回%d张，收回的选票等于发出的选票，选举有效。", i, c)
		},
		OpenSeats: "应选", Slate: "候选人", QuorumTitle: "清点人数（主持人宣读）", BallotsTitle: "发票与收票",
		OpenedAt:   func(at string) string { return at + " 开始" },
		CountTitle: "计票", TallyEntered: "✓ 计票单已录入，与收回的选票相符",
		NothingKeyed:   "还没有录入选票",
		SingleEntry:    "只有一位计票人录入；另一台终端用另一计票人名录入同一叠选票即为双录核对",
		NoDiffs:        "✓ 双录一致",
		SpoiledDiffers: "作废与否不同", WriteInsDiffer: "另选他人不同",
		Keyed: func(n, c int) string { return fmt.Sprintf("已录 %d / %d 张", n, c) },
		DiffsTitle: func(n int) string {
			return fmt.Sprintf("双录不一致 %d 处（按原始选票更正后才能宣布结果）：", n)
		},
		DiffsShort: func(n int, list, k string) string {
			return fmt.Sprintf("双录不一致 %d 处：第 %s 张 · %s 下一处", n, list, k)
		},
		StackPos:  func(i int) string { return fmt.Sprintf("第%d张", i) },
		MissingAt: func(ts string) string { return ts + " 未录" },
		MarkGlyph: func(m election.Mark) string {
			switch m {
			case election.Approve:
				return "○"
			case election.Disapprove:
				return "×"
			}
			return "·"
		},
		BallotEntry: "选票录入", TallyEntry: "计票单录入", NoOpenRound: "没有正在计票的轮次",
		WriteInHint:    "输入另选人姓名，tab 切换类别，回车加入，esc 取消",
		SpoilHint:      "输入作废原因（可留空），回车保存为作废票，esc 取消",
		SpoiledDefault: "监票人认定作废",
		CorrectHint: func(p int) string {
			return fmt.Sprintf("更正第 %d 张：请对照原始选票重新录入，回车保存", p)
		},
		Valid: "有效", Invalid: "无效", NothingToRemove: "没有可撤回的选票",
		Saved: func(n, c int, w string) string {
			return fmt.Sprintf("第 %d 张已保存（%s）· 已录 %d / %d", n, w, n, c)
		},
		Corrected: func(p int, w string, d int) string {
			if d == 0 {
				return fmt.Sprintf("第 %d 张已更正（%s）· 双录一致", p, w)
			}
			return fmt.Sprintf("第 %d 张已更正（%s）· 还有 %d 处不一致", p, w, d)
		},
		Removed: func(n int) string {
			return fmt.Sprintf("已撤回第 %d 张，内容放回录入区，可修改后回车重新保存", n)
		},
		Correcting: func(p, k, c int) string {
			return fmt.Sprintf("更正第 %d 张（已录 %d / %d）", p, k, c)
		},
		BallotNo:      func(n, c int) string { return fmt.Sprintf("第 %d 张 / 收回 %d 张", n, c) },
		KeyedSoFar:    func(n int) string { return fmt.Sprintf("已录 %d", n) },
		OtherTeller:   func(t string, n int) string { return fmt.Sprintf("%s 已录 %d", t, n) },
		CandidateHead: "候选人", CategoryHead: "类别", MarkHead: "选票",
		ApproveShort: "赞成", DisapproveShort: "不赞成", AbstainShort: "弃权",
		WriteInLabel: "另选他人", SpoilLabel: "作废原因", InvalidLabel: "无效票",
		TallyHint:   "数字填入 · ↑↓←→ tab 移动 · w 加另选人 · W 删除该行 · 回车提交 · esc 返回",
		VoidWriteIn: func(r string) string { return "（无效：" + r + "）" },
		VoidReason: func(code string) string {
			switch code {
			case election.VoidNotAllowed:
				return "选举办法不允许另选"
			case election.VoidRoundKind:
				return "重新投票和另行选举不得另选"
			case election.VoidUnknownCategory:
				return "类别不对"
			case election.VoidListed:
				return "是本票上的候选人"
			case election.VoidRepeated:
				return "重复填写"
			case election.VoidNoDisapproval:
				return "同类别没有多余的×"
			}
			return code
		},
		SpoiledReason: func(r string) string { return "作废（" + r + "）" },
		OverSelected: func(cat string, sel, seats int) string {
			if cat == "" {
				return fmt.Sprintf("所选 %d 人，多于应选 %d 名", sel, seats)
			}
			return fmt.Sprintf("%s所选 %d 人，多于应选 %d 名", cat, sel, seats)
		},
		Selections:  func(n int) string { return fmt.Sprintf("共选 %d 人", n) },
		TallySaved:  func(c int) string { return fmt.Sprintf("计票单已录入，与收回的 %d 张选票相符", c) },
		CollectedIs: func(n int) string { return fmt.Sprintf("收回 %d 张", n) },
		TallyRefused: func(e *election.TallyError) string {
			who := ""
			switch {
			case e.Candidate != "":
				who = e.Candidate + "："
			case e.Category != "":
				who = e.Category + "："
			}
			g, w := e.Got, e.Want
			var why string
			switch e.Reason {
			case election.TallySum:
				why = fmt.Sprintf("赞成+不赞成+弃权为 %d，应等于该类别有效票 %d", g, w)
			case election.TallyInvalidOver:
				why = fmt.Sprintf("无效票 %d 张，多于收回的 %d 张", g, w)
			case election.TallyInvalidUnequal:
				why = fmt.Sprintf("无效票 %d 张，与其他类别的 %d 张不同（整张选票有效或无效）", g, w)
			case election.TallyNegative:
				why = fmt.Sprintf("不能为负数（%d）", g)
			case election.TallyLines:
				why = fmt.Sprintf("计票单有 %d 行，应为 %d 行", g, w)
			case election.TallyInvalidLines:
				why = fmt.Sprintf("无效票有 %d 个数，应为 %d 个", g, w)
			case election.TallyWriteInName:
				why = "另选人没有姓名"
			case election.TallyWriteInApprovals:
				why = fmt.Sprintf("另选人得票 %d，多于有效票 %d", g, w)
			case election.TallyWriteInDisapprovals:
				why = fmt.Sprintf("另选人得票合计 %d，多于不赞成票 %d", g, w)
			case election.TallyOverSelection:
				why = fmt.Sprintf("所选合计 %d，多于有效票×应选名额 %d", g, w)
			case election.TallyHasBallots:
				why = fmt.Sprintf("本轮已录入 %d 张选票", g)
			default:
				why = e.Reason
			}
			return "计票单不符：" + who + why
		},
		ResultsTitle: func(r string) string { return r + " 选举结果" },
		RoundOf:      func(i, n int, k string) string { return fmt.Sprintf("共 %d 轮，%s 切换", n, k) },
		CountsLine: func(e, p, i, c, v, inv int) string {
			return fmt.Sprintf("应到 %d   实到 %d   发出 %d   收回 %d   有效 %d   无效 %d", e, p, i, c, v, inv)
		},
		Undecided: func(r *election.Result) string {
			if !r.QuorumMet {
				return fmt.Sprintf("实到 %d 名，未达到选举法定人数（需 %d 名），本轮不能计票。", r.Present, r.QuorumNeed)
			}
			return fmt.Sprintf("发出选票%d张，收回%d张，收回的选票多于发出的选票，选举无效，应重新进行选举。", r.Issued, r.Collected)
		},
		RunoffRule: "重新投票：在票数相等的候选人中得票多者当选",
		ThresholdLine: func(cat, rule string, base agenda.Base, n, need int) string {
			return fmt.Sprintf("当选票数：赞成票%s，即至少 %d 票", zhOf(rule, zhBase(base), fmt.Sprintf("%d名", n)), need)
		},
		ThresholdMark: func(n int) string { return fmt.Sprintf("当选线 %d 票", n) },
		PendingRunoff: func(cat string, seats int, names string) string {
			return fmt.Sprintf("↻ 重新投票：%s%d名，在 %s 中选出", catPrefix(cat), seats, names)
		},
		PendingSecond: func(cat string, seats int, names string) string {
			return fmt.Sprintf("↻ 另行选举：%s尚缺%d名，候选人 %s", catPrefix(cat), seats, names)
		},
		SpeechTitle: "宣读", ElectedTitle: "当选",
		Status: func(s election.Status, k election.Kind) string {
			switch s {
			case election.Elected:
				return "当选"
			case election.InRunoff:
				return "进入重新投票"
			}
			return "未当选"
		},
		CategoryLine: func(cat string, seats, valid int) string {
			return fmt.Sprintf("%s · 应选 %d 名 · 有效票 %d", cat, seats, valid)
		},
		ReportLine: func(n string, a, d, ab int) string {
			return fmt.Sprintf("%s，赞成%d票，不赞成%d票，弃权%d票", n, a, d, ab)
		},
		ReportWriteIn: func(n string, a int) string { return fmt.Sprintf("另选他人%s，赞成%d票", n, a) },
		ChiefReport: func(c string, v, inv int) string {
			return fmt.Sprintf("总监票人%s报告：有效票%d张，无效票%d张。各候选人得票（按选票顺序）：", c, v, inv)
		},
		JoinReport: func(l []string) string { return strings.Join(l, "；") + "。" },
		ElectedSpeech: func(r string, names []string) string {
			if len(names) == 0 {
				return r + "没有候选人当选。"
			}
			return fmt.Sprintf("根据选举办法，%s当选的是（按候选人顺序）：%s，共%d名。", r, strings.Join(names, "、"), len(names))
		},
		RunoffSpeech: func(cat string, seats int, names string) string {
			return fmt.Sprintf("%s得票相等，按照选举办法，在%s中重新投票，选出%s%d名，得票多者当选。", names, names, catPrefix(cat), seats)
		},
		SecondSpeech: func(cat string, seats int) string {
			return fmt.Sprintf("%s当选人数不足应选名额，尚缺%d名，将在未当选的候选人中另行选举。", catPrefix(cat), seats)
		},
		FinalSpeech: func(names []string, vac string) string {
			s := fmt.Sprintf("选举结束。当选的是（按候选人顺序）：%s，共%d名。", strings.Join(names, "、"), len(names))
			if vac != "" {
				s += "缺额：" + vac + "。"
			}
			return s
		},
		VacantWords: func(n int) string { return fmt.Sprintf("缺额 %d 名", n) },
		ScrutineerRefused: func(name, role, reason string) string {
			r := map[string]string{session.ReasonNotFormal: "不是正式代表", session.ReasonNotPresent: "未到会", session.ReasonCandidate: "是本次选举的候选人",
				session.ReasonSamePerson: "与监票人是同一人"}[reason]
			if r == "" {
				r = reason
			}
			return fmt.Sprintf("%s 不能担任%s：%s", name, map[string]string{"chief": "总监票人"}[role]+map[bool]string{true: "监票人"}[role != "chief"], r)
		},
		BallotRefused: func(p, k, c int, reason string) string {
			switch reason {
			case "stack_full":
				return fmt.Sprintf("已录 %d 张，等于收回的 %d 张，不能再录入", k, c)
			case "empty":
				return "没有可撤回的选票"
			case "bad_index":
				return fmt.Sprintf("第 %d 张还没有录入（已录 %d 张）", p, k)
			}
			return fmt.Sprintf("第 %d 张不能保存：%s", p, reason)
		},
		MismatchRefused: func(ts []string, ls []int, c, d int) string {
			var parts []string
			for i, t := range ts {
				parts = append(parts, fmt.Sprintf("%s 已录 %d", t, ls[i]))
			}
			return fmt.Sprintf("不能宣布结果：应录 %d 张，%s；双录不一致 %d 处", c, strings.Join(parts, "，"), d)
		},
		IssueRefused: func(n, p int) string {
			return fmt.Sprintf("不能发出 %d 张：实到正式代表只有 %d 名", n, p)
		},
		HelpNext: "下一步", HelpBack: "返回", HelpScroll: "翻看", HelpRounds: "各轮结果",
		HelpBallots: "录入选票", HelpTally: "录入计票单", HelpVacant: "宣布缺额",
		HelpApprove: "赞成", HelpDisapprove: "不赞成", HelpAbstain: "弃权", HelpRow: "候选人",
		HelpBackRow: "退一格", HelpSave: "保存此票", HelpWriteIn: "另选他人", HelpDropWriteIn: "删另选人",
		HelpSpoil: "作废票", HelpRemove: "撤回上一张", HelpStack: "翻到前后张", HelpNextDiff: "下一处不一致",
		HelpCategory: "类别", HelpCell: "移动", HelpWriteInRow: "加另选人", HelpSubmit: "提交计票单",
		Sentinels: []sentinel{
			{session.ErrNoElection, "本次大会没有设置选举", true},
			{session.ErrMethodNotAdopted, "选举办法尚未通过", false},
			{session.ErrNoScrutineers, "监票人尚未通过", false},
			{session.ErrVoteStarted, "投票已经开始，选举办法不能再改", false},
			{session.ErrRoundOpen, "本轮还没有结束", false},
			{session.ErrNoOpenRound, "没有正在进行的轮次", true},
			{session.ErrNothingToHold, "所有名额都已产生或宣布缺额，无需再选", true},
			{session.ErrNotIssued, "请先记录发出的选票", false},
			{session.ErrNotCollected, "请先记录收回的选票", false},
			{session.ErrAlreadyRecorded, "本轮已经记录过这个数", true},
			{session.ErrRoundVoid, "本轮选举无效（收回多于发出），请重新投票", false},
			{session.ErrMixedEntry, "本轮已用另一种方式计票（选票或计票单）", false},
			{session.ErrNoVacancy, "只有另行选举后仍空缺的名额才能宣布缺额", false},
		},
		HelpPick: "选定", HelpConfirm: "确认",
	}
}

func catPrefix(cat string) string { return cat }

// zhBase names what a threshold is taken of.
func zhBase(b agenda.Base) string {
	switch b {
	case agenda.BasePresent:
		return "实到代表"
	case agenda.BaseValid:
		return "有效票"
	}
	return "应到代表"
}

// zhOf says "超过应到代表122名的半数" from a rule in words (超过半数,
// 三分之二以上), what it is of and the number.
func zhOf(rule, what, n string) string {
	if frac, ok := strings.CutPrefix(rule, "超过"); ok {
		return "超过" + what + n + "的" + frac
	}
	if frac, ok := strings.CutSuffix(rule, "以上"); ok {
		return "达到" + what + n + "的" + frac + "以上"
	}
	return rule + "（" + what + n + "）"
}

func enVoteTexts() *VoteTexts {
	kindName := map[election.Kind]string{election.Regular: "", election.Runoff: " (runoff)", election.Second: " (second round)"}
	plural := func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	}
	base := map[agenda.Base]string{agenda.BaseExpected: "expected delegates", agenda.BasePresent: "present delegates", agenda.BaseValid: "valid ballots"}
	catOf := func(cat string) string {
		if cat == "" {
			return ""
		}
		return cat + ": "
	}
	return &VoteTexts{
		Title: "Election", NoElection: "This congress has no election", Sep: ", ", None: "none",
		Steps:  []string{"Method", "Scrutineers", "Quorum", "Ballots", "Count", "Results"},
		Actor:  func(a string) string { return "terminal: " + a },
		Teller: func(a string) string { return "teller: " + a },
		More:   func(f, to, n int) string { return fmt.Sprintf("lines %d–%d of %d · ↑↓ to scroll", f, to, n) },
		RoundName: func(no int, k election.Kind, revote bool) string {
			s := fmt.Sprintf("Round %d%s", no, kindName[k])
			if revote {
				s += " again"
			}
			return s
		},
		NextLabel: "Next › ", Done: "The election is complete; the results are above",
		NumberHint:       "type the number and press enter, esc cancels",
		CountersHint:     "type the counters' names (separated by spaces or commas), enter adopts, esc goes back",
		NextMethod:       func(k string) string { return k + " adopt the election method" },
		NextScrutineers:  func(k string) string { return k + " choose the scrutineer, chief scrutineer and counters" },
		NextOpen:         func(k, r string) string { return k + " check the quorum and open " + r },
		NextIssue:        func(k string) string { return k + " record the ballots issued" },
		NextCollect:      func(k string) string { return k + " record the ballots collected" },
		NextCount:        func(b, t string) string { return b + " key the ballots · " + t + " enter a tally sheet" },
		NextDecide:       func(k string) string { return k + " close the count and announce" },
		NextChoose:       func(k, v string) string { return k + " hold another round · " + v + " leave the seats vacant" },
		NotNow:           "That is not the step now",
		CountedByTally:   "A tally sheet was entered for this round; no ballots can be keyed",
		CountedByBallots: "Ballots are being keyed for this round; no tally sheet can be entered",
		ConfirmMethod: func(k string) string {
			return "Has the congress adopted the method? Press " + k + " again to record it, esc cancels"
		},
		ConfirmDecide: func(k string) string { return "Press " + k + " again to close the count and announce, esc cancels" },
		ConfirmOpen: func(k, r string, p, e int) string {
			return fmt.Sprintf("Press %s again to open %s (%d of %d present), esc cancels", k, r, p, e)
		},
		ConfirmVacant: func(k, seats string) string {
			return fmt.Sprintf("Press %s again to leave %s vacant, esc cancels", k, seats)
		},
		CountHow: func(b, t string) string {
			return "Press " + b + " to key the ballots one by one, or " + t + " to enter a tally sheet"
		},
		AllDone:         "The election is complete",
		MethodAdopted:   "Election method adopted",
		VacancyDeclared: "Seats declared vacant",
		RoundOpened: func(r string, p, e int) string {
			return fmt.Sprintf("%s opened: %d expected, %d present", r, e, p)
		},
		Decided:    func(n int) string { return fmt.Sprintf("Count closed: %d elected in this round", n) },
		NotANumber: "Please type a number",
		IssuedOK:   func(n int) string { return fmt.Sprintf("Recorded: %d ballots issued", n) },
		CollectedOK: func(i, c int) string {
			return fmt.Sprintf("Recorded: %d issued, %d collected, the round is valid", i, c)
		},
		CollectedVoid: func(i, c int) string {
			return fmt.Sprintf("%d collected is more than %d issued: the round is void and is voted again", c, i)
		},
		ScrutineersAdopted: func(s, c string) string {
			return fmt.Sprintf("Scrutineer %s and chief scrutineer %s adopted", s, c)
		},
		PickHint: func(role string) string {
			return "Type pinyin initials to find the " + strings.ToLower(role) + ", enter chooses, esc goes back"
		},
		Choosing:        func(role string) string { return "Choose the " + strings.ToLower(role) },
		PickPlaceholder: "present formal delegates only",
		IsCandidate:     "candidate",
		PresentFormal:   func(n int) string { return fmt.Sprintf("%d people", n) },
		MethodTitle:     "Election method", CandidatesTitle: "Candidates (ballot order)", ScrutineersTitle: "Scrutineers",
		Adopted:   func(at string) string { return "✓ adopted " + at },
		SeatsWith: func(total int, parts string) string { return fmt.Sprintf("%d: %s", total, parts) },
		SeatsOnly: func(n int) string { return fmt.Sprintf("%d %s", n, plural(n, "seat", "seats")) },
		CatSeats:  func(cat string, n int) string { return fmt.Sprintf("%s %d", cat, n) },
		TermSeats: "Seats", TermCandidates: "Candidates", TermQuorum: "Quorum",
		TermThreshold: "To be elected", TermWriteIns: "Write-ins", TermOver: "Over-selection",
		TermRunoff: "Ties, shortfall", TermOrder: "Order",
		RunoffWords: "a tie across the last seat is voted again among the tied, most approvals win; seats left open go to a second round among those not elected",
		OrderWords:  "every candidate's votes are reported in ballot order; the elected are announced in the approved candidate order",
		CandidatesWords: func(n, seats int) string {
			if n > seats {
				return fmt.Sprintf("%d for %d seats (competitive, %d more)", n, seats, n-seats)
			}
			return fmt.Sprintf("%d for %d seats (equal election)", n, seats)
		},
		QuorumWords: func(rule string, e, need int) string {
			return fmt.Sprintf("present %s of the %d expected: at least %d", rule, e, need)
		},
		ThresholdWords: func(rule string, b agenda.Base, n, need int) string {
			if n < 0 {
				return fmt.Sprintf("approvals %s of the %s", rule, base[b])
			}
			return fmt.Sprintf("approvals %s of the %d %s: at least %d", rule, n, base[b], need)
		},
		WriteInsWords: func(w agenda.WriteIns) string {
			if w == agenda.WriteInsNone {
				return "not allowed"
			}
			return "one other person per ×, in the same category"
		},
		OverWords: func(o agenda.OverSelection, withCat bool) string {
			if withCat && o == agenda.OverSelectionCategory {
				return "more selections than a category's seats voids that category's part"
			}
			return "more selections than seats voids the ballot"
		},
		Scrutineer: "Scrutineer", Chief: "Chief scrutineer", Counters: "Counters", NotChosen: "not chosen",
		IssuedLabel: "Ballots issued", CollectedLabel: "Ballots collected", NotYet: "not recorded",
		QuorumSpeech: func(e, p int, f agenda.Fraction, need int, ok bool) string {
			if ok {
				return fmt.Sprintf("%d delegates are expected at this election and %d are present, %s of the expected: the election may proceed.", e, p, enRule(f))
			}
			return fmt.Sprintf("%d delegates are expected at this election and %d are present, not %s of the expected (%d needed): the election cannot proceed.", e, p, enRule(f), need)
		},
		BallotSpeech: func(i, c int) string {
			switch {
			case c > i:
				return fmt.Sprintf("%d ballots were issued and %d collected, more than issued: the round is void and is voted again.", i, c)
			case c < i:
				return fmt.Sprintf("%d ballots were issued and %d collected, fewer than issued: the round is valid.", i, c)
			}
			return fmt.Sprintf("%d ballots were issued and %d collected, as many as issued: the round is valid.", i, c)
		},
		OpenSeats: "Seats", Slate: "Candidates", QuorumTitle: "Quorum (the chair reads)", BallotsTitle: "Ballots",
		OpenedAt:   func(at string) string { return "opened " + at },
		CountTitle: "Count", TallyEntered: "✓ Tally sheet entered, it agrees with the ballots collected",
		NothingKeyed:   "No ballots keyed yet",
		SingleEntry:    "Only one teller keys; another terminal with another teller name keying the same stack makes a double entry",
		NoDiffs:        "✓ Both entries agree",
		SpoiledDiffers: "spoiled or not", WriteInsDiffer: "write-ins differ",
		Keyed: func(n, c int) string { return fmt.Sprintf("%d of %d keyed", n, c) },
		DiffsTitle: func(n int) string {
			return fmt.Sprintf("The entries differ at %d %s (correct from the paper ballot before announcing):", n, plural(n, "ballot", "ballots"))
		},
		DiffsShort: func(n int, list, k string) string {
			return fmt.Sprintf("Entries differ at %d: no. %s · %s next", n, list, k)
		},
		StackPos:  func(i int) string { return fmt.Sprintf("no. %d", i) },
		MissingAt: func(ts string) string { return "not keyed by " + ts },
		MarkGlyph: func(m election.Mark) string {
			switch m {
			case election.Approve:
				return "○"
			case election.Disapprove:
				return "×"
			}
			return "·"
		},
		BallotEntry: "Ballot entry", TallyEntry: "Tally sheet", NoOpenRound: "No round is being counted",
		WriteInHint:    "Type the written-in name, tab changes the category, enter adds, esc cancels",
		SpoilHint:      "Type why the ballot is spoiled (or nothing), enter saves it as spoiled, esc cancels",
		SpoiledDefault: "declared spoiled by the scrutineers",
		CorrectHint: func(p int) string {
			return fmt.Sprintf("Correcting no. %d: key it again from the paper ballot, enter saves", p)
		},
		Valid: "valid", Invalid: "invalid", NothingToRemove: "No ballot of yours to take back",
		Saved: func(n, c int, w string) string { return fmt.Sprintf("No. %d saved (%s) · %d of %d keyed", n, w, n, c) },
		Corrected: func(p int, w string, d int) string {
			if d == 0 {
				return fmt.Sprintf("No. %d corrected (%s) · both entries agree", p, w)
			}
			return fmt.Sprintf("No. %d corrected (%s) · %d still differ", p, w, d)
		},
		Removed: func(n int) string {
			return fmt.Sprintf("No. %d taken back and put in the editor; fix it and press enter", n)
		},
		Correcting: func(p, k, c int) string {
			return fmt.Sprintf("Correcting no. %d (%d of %d keyed)", p, k, c)
		},
		BallotNo:      func(n, c int) string { return fmt.Sprintf("Ballot %d of %d collected", n, c) },
		KeyedSoFar:    func(n int) string { return fmt.Sprintf("%d keyed", n) },
		OtherTeller:   func(t string, n int) string { return fmt.Sprintf("%s: %d keyed", t, n) },
		CandidateHead: "Candidate", CategoryHead: "Category", MarkHead: "Mark",
		ApproveShort: "For", DisapproveShort: "Against", AbstainShort: "Abst.",
		WriteInLabel: "Write-ins", SpoilLabel: "Spoiled because", InvalidLabel: "Invalid",
		TallyHint:   "digits fill · ↑↓←→ tab move · w write-in line · W delete it · enter submits · esc back",
		VoidWriteIn: func(r string) string { return "(void: " + r + ")" },
		VoidReason: func(code string) string {
			switch code {
			case election.VoidNotAllowed:
				return "the method allows none"
			case election.VoidRoundKind:
				return "none in a runoff or second round"
			case election.VoidUnknownCategory:
				return "unknown category"
			case election.VoidListed:
				return "a listed candidate"
			case election.VoidRepeated:
				return "written twice"
			case election.VoidNoDisapproval:
				return "no unused × in its category"
			}
			return code
		},
		SpoiledReason: func(r string) string { return "spoiled (" + r + ")" },
		OverSelected: func(cat string, sel, seats int) string {
			return fmt.Sprintf("%s%d selected, more than %d %s", catOf(cat), sel, seats, plural(seats, "seat", "seats"))
		},
		Selections: func(n int) string { return fmt.Sprintf("%d selected", n) },
		TallySaved: func(c int) string {
			return fmt.Sprintf("Tally sheet entered; it agrees with the %d ballots collected", c)
		},
		CollectedIs: func(n int) string { return fmt.Sprintf("%d collected", n) },
		TallyRefused: func(e *election.TallyError) string {
			who := ""
			switch {
			case e.Candidate != "":
				who = e.Candidate + ": "
			case e.Category != "":
				who = e.Category + ": "
			}
			g, w := e.Got, e.Want
			var why string
			switch e.Reason {
			case election.TallySum:
				why = fmt.Sprintf("for + against + abstain is %d, the category's valid ballots are %d", g, w)
			case election.TallyInvalidOver:
				why = fmt.Sprintf("%d invalid is more than the %d collected", g, w)
			case election.TallyInvalidUnequal:
				why = fmt.Sprintf("%d invalid differs from the other categories' %d (a ballot is valid or invalid as a whole)", g, w)
			case election.TallyNegative:
				why = fmt.Sprintf("%d is negative", g)
			default:
				why = fmt.Sprintf("%s (got %d, want %d)", e.Reason, g, w)
			}
			return "The tally sheet does not add up: " + who + why
		},
		ResultsTitle: func(r string) string { return "Results of " + strings.ToLower(r[:1]) + r[1:] },
		RoundOf:      func(i, n int, k string) string { return fmt.Sprintf("%d rounds, %s to switch", n, k) },
		CountsLine: func(e, p, i, c, v, inv int) string {
			return fmt.Sprintf("expected %d   present %d   issued %d   collected %d   valid %d   invalid %d", e, p, i, c, v, inv)
		},
		Undecided: func(r *election.Result) string {
			if !r.QuorumMet {
				return fmt.Sprintf("%d present, below the election quorum (%d needed): this round is not counted.", r.Present, r.QuorumNeed)
			}
			return fmt.Sprintf("%d ballots were issued and %d collected, more than issued: the round is void and is voted again.", r.Issued, r.Collected)
		},
		RunoffRule: "Runoff: among the tied, the most approvals win",
		ThresholdLine: func(cat, rule string, b agenda.Base, n, need int) string {
			return fmt.Sprintf("To be elected: approvals %s of the %d %s, at least %d", rule, n, base[b], need)
		},
		ThresholdMark: func(n int) string { return fmt.Sprintf("threshold %d", n) },
		PendingRunoff: func(cat string, seats int, names string) string {
			return fmt.Sprintf("↻ Runoff: %s%d %s among %s", catOf(cat), seats, plural(seats, "seat", "seats"), names)
		},
		PendingSecond: func(cat string, seats int, names string) string {
			return fmt.Sprintf("↻ Second round: %s%d %s open, candidates %s", catOf(cat), seats, plural(seats, "seat", "seats"), names)
		},
		SpeechTitle: "To read", ElectedTitle: "Elected",
		Status: func(s election.Status, k election.Kind) string {
			switch s {
			case election.Elected:
				return "elected"
			case election.InRunoff:
				return "to runoff"
			}
			return "not elected"
		},
		CategoryLine: func(cat string, seats, valid int) string {
			return fmt.Sprintf("%s · %d %s · %d valid", cat, seats, plural(seats, "seat", "seats"), valid)
		},
		ReportLine: func(n string, a, d, ab int) string {
			return fmt.Sprintf("%s, %d for, %d against, %d abstaining", n, a, d, ab)
		},
		ReportWriteIn: func(n string, a int) string { return fmt.Sprintf("written in: %s, %d for", n, a) },
		ChiefReport: func(c string, v, inv int) string {
			return fmt.Sprintf("Chief scrutineer %s reports: %d valid ballots, %d invalid. The votes, in ballot order: ", c, v, inv)
		},
		JoinReport: func(l []string) string { return strings.Join(l, "; ") + "." },
		ElectedSpeech: func(r string, names []string) string {
			if len(names) == 0 {
				return "No candidate was elected in " + strings.ToLower(r[:1]) + r[1:] + "."
			}
			return fmt.Sprintf("By the election method, elected in %s (in candidate order): %s; %d in all.", strings.ToLower(r[:1])+r[1:], strings.Join(names, ", "), len(names))
		},
		RunoffSpeech: func(cat string, seats int, names string) string {
			return fmt.Sprintf("%s are tied: by the method, %s%d %s will be voted again among them, the most approvals win.", names, catOf(cat), seats, plural(seats, "seat is", "seats are"))
		},
		SecondSpeech: func(cat string, seats int) string {
			return fmt.Sprintf("%s%d %s still open: a second round will be held among the candidates not elected.", catOf(cat), seats, plural(seats, "seat is", "seats are"))
		},
		FinalSpeech: func(names []string, vac string) string {
			s := fmt.Sprintf("The election is over. Elected (in candidate order): %s; %d in all.", strings.Join(names, ", "), len(names))
			if vac != "" {
				s += " Vacant: " + vac + "."
			}
			return s
		},
		VacantWords: func(n int) string { return fmt.Sprintf("%d vacant", n) },
		ScrutineerRefused: func(name, role, reason string) string {
			r := map[string]string{session.ReasonNotFormal: "not a formal delegate", session.ReasonNotPresent: "not present", session.ReasonCandidate: "a candidate in this election",
				session.ReasonSamePerson: "the same person as the scrutineer"}[reason]
			if r == "" {
				r = reason
			}
			what := "scrutineer"
			if role == "chief" {
				what = "chief scrutineer"
			}
			return fmt.Sprintf("%s cannot be %s: %s", name, what, r)
		},
		BallotRefused: func(p, k, c int, reason string) string {
			switch reason {
			case "stack_full":
				return fmt.Sprintf("%d keyed, as many as the %d collected: no more ballots", k, c)
			case "empty":
				return "No ballot of yours to take back"
			case "bad_index":
				return fmt.Sprintf("No. %d is not keyed yet (%d keyed)", p, k)
			}
			return fmt.Sprintf("No. %d cannot be saved: %s", p, reason)
		},
		MismatchRefused: func(ts []string, ls []int, c, d int) string {
			var parts []string
			for i, t := range ts {
				parts = append(parts, fmt.Sprintf("%s %d", t, ls[i]))
			}
			return fmt.Sprintf("Cannot announce: %d to key, keyed %s; %d differ", c, strings.Join(parts, ", "), d)
		},
		IssueRefused: func(n, p int) string {
			return fmt.Sprintf("Cannot issue %d ballots: only %d formal delegates are present", n, p)
		},
		HelpNext: "next step", HelpBack: "back", HelpScroll: "scroll", HelpRounds: "rounds",
		HelpBallots: "key ballots", HelpTally: "tally sheet", HelpVacant: "vacant",
		HelpApprove: "for", HelpDisapprove: "against", HelpAbstain: "abstain", HelpRow: "candidate",
		HelpBackRow: "back one", HelpSave: "save ballot", HelpWriteIn: "write-in", HelpDropWriteIn: "drop write-in",
		HelpSpoil: "spoiled", HelpRemove: "take back last", HelpStack: "earlier/later ballot", HelpNextDiff: "next difference",
		HelpCategory: "category", HelpCell: "move", HelpWriteInRow: "write-in line", HelpSubmit: "submit",
		Sentinels: []sentinel{
			{session.ErrNoElection, "This congress has no election", true},
			{session.ErrMethodNotAdopted, "The election method has not been adopted", false},
			{session.ErrNoScrutineers, "The scrutineers have not been adopted", false},
			{session.ErrVoteStarted, "Voting has started; the method can no longer change", false},
			{session.ErrRoundOpen, "This round is not finished yet", false},
			{session.ErrNoOpenRound, "No round is open", true},
			{session.ErrNothingToHold, "Every seat is filled or vacant; no round is due", true},
			{session.ErrNotIssued, "Record the ballots issued first", false},
			{session.ErrNotCollected, "Record the ballots collected first", false},
			{session.ErrAlreadyRecorded, "That number is already recorded for this round", true},
			{session.ErrRoundVoid, "The round is void (more collected than issued); vote again", false},
			{session.ErrMixedEntry, "This round is counted the other way (ballots or tally sheet)", false},
			{session.ErrNoVacancy, "Only seats left open after a second round can be declared vacant", false},
		},
		HelpPick: "choose", HelpConfirm: "confirm",
	}
}

// voteRefusal explains the election's refusals with their numbers; ok is
// false for an error it does not know.
func (t *Texts) voteRefusal(err error) (text string, calm, ok bool) {
	v := t.V
	var (
		se *session.ScrutineerError
		ie *session.IssueError
		be *session.BallotError
		me *session.EntryMismatchError
		te *election.TallyError
		mt *session.MethodError
	)
	switch {
	case errors.As(err, &se):
		return v.ScrutineerRefused(se.Name, se.Role, se.Reason), false, true
	case errors.As(err, &ie):
		return v.IssueRefused(ie.N, ie.Present), false, true
	case errors.As(err, &be):
		return v.BallotRefused(be.Index+1, be.Len, be.Collected, be.Reason), be.Reason == "empty", true
	case errors.As(err, &me):
		return v.MismatchRefused(me.Tellers, me.Lengths, me.Collected, len(me.Differ)), false, true
	case errors.As(err, &te):
		return v.TallyRefused(te), false, true
	case errors.As(err, &mt):
		return t.Failed(err), false, true
	}
	for _, s := range v.Sentinels {
		if errors.Is(err, s.err) {
			return s.text, s.calm, true
		}
	}
	return "", false, false
}
