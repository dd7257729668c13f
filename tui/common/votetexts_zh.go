package common

import (
	"fmt"
	"strings"

	"podium/model"
	"podium/session"
	"podium/session/election"
	"podium/words"
)

func zhVoteTexts() *VoteTexts {
	kindName := map[election.Kind]string{election.Regular: "", election.Runoff: "重新投票", election.Second: "另行选举"}
	return &VoteTexts{
		Title: "选举", NoElection: "本次大会没有设置选举", Sep: "、", None: "无",
		Colon: "：", Paren: func(s string) string { return "（" + s + "）" },
		Steps:  []string{"选举办法", "监票人", "清点人数", "发票收票", "计票", "结果"},
		Actor:  func(a string) string { return "本机：" + a },
		Teller: func(a string) string { return "计票人：" + a },
		More: func(f, to, n int) string {
			return fmt.Sprintf("第 %d–%d 行，共 %d 行 · ↑↓ 翻看", f, to, n)
		},
		RoundName: func(no int, k election.Kind, revote bool) string {
			var what []string
			if kindName[k] != "" {
				what = append(what, kindName[k])
			}
			if revote {
				what = append(what, "上轮无效重新进行")
			}
			if len(what) == 0 {
				return fmt.Sprintf("第%d轮", no)
			}
			return fmt.Sprintf("第%d轮（%s）", no, strings.Join(what, "，"))
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
		QuorumWords: func(f model.Fraction, e, need int) string {
			return fmt.Sprintf("实到代表%s（应到%d名，至少%d名）", words.RuleOf(f, "应到人数", "zh"), e, need)
		},
		ThresholdWords: func(f model.Fraction, base model.Base, n, need int) string {
			if n < 0 {
				return "赞成票" + words.RuleOf(f, zhBase(base), "zh")
			}
			return fmt.Sprintf("赞成票%s，即至少%d票", words.RuleOf(f, fmt.Sprintf("%s%d名", zhBase(base), n), "zh"), need)
		},
		WriteInsWords: func(w model.WriteIns) string {
			if w == model.WriteInsNone {
				return "不得另选他人"
			}
			return "可以另选他人：每划一个×，可在同一类别另选一人"
		},
		OverWords: func(o model.OverSelection, withCat bool) string {
			if withCat && o == model.OverSelectionCategory {
				return "某一类别所选人数多于该类别应选名额的，该类别无效"
			}
			return "所选人数多于应选名额的，选票无效"
		},
		Scrutineer: "监票人", Chief: "总监票人", Counters: "计票人", NotChosen: "未定",
		IssuedLabel: "发出选票", CollectedLabel: "收回选票", NotYet: "未记录",
		QuorumSpeech: func(e, p int, f model.Fraction, need int, ok bool) string {
			if ok {
				return fmt.Sprintf("本次选举应到代表%d名，实到%d名，%s应到人数的%s，可以进行选举。", e, p, words.Reach(f), words.Share(f, "zh"))
			}
			return fmt.Sprintf("本次选举应到代表%d名，实到%d名，未%s应到人数的%s（需%d名），不能进行选举。", e, p, words.Reach(f), words.Share(f, "zh"), need)
		},
		BallotSpeech: func(i, c int, void bool) string {
			switch {
			case void:
				return fmt.Sprintf("发出选票%d张，收回%d张，收回的选票多于发出的选票，选举无效，应重新进行选举。", i, c)
			case c < i:
				return fmt.Sprintf("发出选票%d张，收回%d张，收回的选票少于发出的选票，选举有效。", i, c)
			}
			return fmt.Sprintf("发出选票%d张，收回%d张，收回的选票等于发出的选票，选举有效。", i, c)
		},
		OpenSeats: "应选", Slate: "候选人", QuorumTitle: "清点人数（主持人宣读）", BallotsTitle: "发票与收票",
		OpenedAt:   func(at string) string { return at + " 开始" },
		CountTitle: "计票", TallyEntered: "✓ 计票单已录入，与收回的选票相符",
		NothingKeyed: "还没有录入选票",
		RehearsalPass: func(n int) string {
			return fmt.Sprintf("演练核对 PASS：测试票预期的 %d 项数字与计票全部一致（podium rehearse check 打印测试报告）", n)
		},
		RehearsalFail: func(bad, n int, first string) string {
			return fmt.Sprintf("演练核对 FAIL：%d 项数字中有 %d 项与测试票预期不一致：%s（podium rehearse check 打印测试报告）", n, bad, first)
		},
		ZeroReport: func(n int, key string) string {
			return fmt.Sprintf("零票报告：%d 名候选人的赞成、不赞成、弃权均为 0，已录入选票 0 张。按 %s 打印零票报告，监票人签字后开始计票。", n, key)
		},
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
		CannotJudge:   func(d string) string { return "本轮选举数据有误，无法判断选票（" + d + "）" },
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
		ResultsTitle:    func(r string) string { return r + " 选举结果" },
		SpeechPageTitle: func(r string) string { return r + " 宣读稿" },
		RoundOf:         func(i, n int, k string) string { return fmt.Sprintf("第 %d/%d 页 %s 翻页", i, n, k) },
		ShowSpeech:      func(k string) string { return k + " 宣读稿" },
		ShowResults:     func(k string) string { return k + " 返回结果" },
		HelpSpeech:      "结果/宣读稿",
		CountsLine: func(e, p, i, c, v, inv int) string {
			if v < 0 {
				return fmt.Sprintf("应到 %d   实到 %d   发出 %d   收回 %d   有效、无效按类别（计票单）", e, p, i, c)
			}
			return fmt.Sprintf("应到 %d   实到 %d   发出 %d   收回 %d   有效 %d   无效 %d", e, p, i, c, v, inv)
		},
		PartlyLine: func(n int) string {
			return fmt.Sprintf("无效票中 %d 张部分无效：多选的类别无效，其余类别有效并已计入", n)
		},
		CatCounts: func(cat string, v, inv int) string {
			return fmt.Sprintf("%s有效票%d张，无效票%d张", cat, v, inv)
		},
		Undecided: func(r *election.Result) string {
			if !r.QuorumMet {
				return fmt.Sprintf("实到 %d 名，未达到选举法定人数（需 %d 名），本轮不能计票。", r.Present, r.QuorumNeed)
			}
			return fmt.Sprintf("发出选票%d张，收回%d张，收回的选票多于发出的选票，选举无效，应重新进行选举。", r.Issued, r.Collected)
		},
		RunoffRule: "重新投票：在票数相等的候选人中得票多者当选",
		ThresholdLine: func(cat string, f model.Fraction, base model.Base, n, need int) string {
			return fmt.Sprintf("当选票数：赞成票%s，即至少 %d 票", words.RuleOf(f, fmt.Sprintf("%s%d名", zhBase(base), n), "zh"), need)
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
			case election.Tied:
				return "票数相等，缺额"
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
		ChiefReport: func(c string, v, inv int, cats []string) string {
			if v < 0 {
				return fmt.Sprintf("总监票人%s报告：%s。各候选人得票（按选票顺序）：", c, strings.Join(cats, "；"))
			}
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
		ScrutineerRefused: func(name, role string, reason session.Code) string {
			r := map[session.Code]string{session.ReasonNotFormal: "不是正式代表", session.ReasonNotPresent: "未到会", session.ReasonCandidate: "是本次选举的候选人",
				session.ReasonSamePerson: "与监票人是同一人"}[reason]
			if r == "" {
				r = "不符合条件"
			}
			return fmt.Sprintf("%s 不能担任%s：%s", name, map[string]string{"chief": "总监票人"}[role]+map[bool]string{true: "监票人"}[role != "chief"], r)
		},
		BallotRefused: func(p, k, c int, reason session.Code) string {
			switch reason {
			case session.CodeStackFull:
				return fmt.Sprintf("已录 %d 张，等于收回的 %d 张，不能再录入", k, c)
			case session.CodeEmpty:
				return "没有可撤回的选票"
			case session.CodeBadIndex:
				return fmt.Sprintf("第 %d 张还没有录入（已录 %d 张）", p, k)
			case session.CodeBadMark:
				return fmt.Sprintf("第 %d 张不能保存：记号只能是 ○、× 或空白", p)
			case session.CodeTooManyMarks:
				return fmt.Sprintf("第 %d 张不能保存：记号多于候选人", p)
			}
			return fmt.Sprintf("第 %d 张不能保存", p)
		},
		MethodRefused: func(e *session.MethodError) string {
			if e.Code == session.CodeUnknownCategory {
				return fmt.Sprintf("选举办法不能通过：候选人 %s 的类别“%s”不在选举办法中", e.Candidate, e.Category)
			}
			return "选举办法不能通过：办法本身有误（" + e.Reason + "）"
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
		ScrutineerAbsent: func(name, role, st string) string {
			r := "监票人"
			if role == "chief" {
				r = "总监票人"
			}
			return fmt.Sprintf("%s 不能担任%s：%s，不在场", name, r, st)
		},
		AdoptTitle: func(w string) string { return "表决：" + w },
		AdoptHint: func(m string) string {
			return "输入赞成、反对、弃权票数（tab 切换，" + m + " 表决方式），回车确认，esc 返回"
		},
		ConfirmAdopt: func(k, w string, f, a, ab, need int, ok bool) string {
			o := "未通过"
			if ok {
				o = "通过"
			}
			return fmt.Sprintf("%s：赞成 %d、反对 %d、弃权 %d → 需 %d，%s。再按 %s 记录，esc 取消", w, f, a, ab, need, o, k)
		},
		AdoptVoted: func(w string, no, need, f int, ok bool) string {
			if ok {
				return fmt.Sprintf("第 %d 次表决：%s，需 %d 票，赞成 %d 票，通过", no, w, need, f)
			}
			return fmt.Sprintf("第 %d 次表决：%s，需 %d 票，赞成 %d 票，未通过，尚未生效", no, w, need, f)
		},
		HelpSwitchTally: "改为录入计票单", HelpSwitchBallots: "改为录入选票",
		SwitchLabel: func(to string) string {
			if to == "tally" {
				return "改为录入计票单的原因（已录选票保留备查）"
			}
			return "改为录入选票的原因（已录计票单保留备查）"
		},
		Switched: func(to string) string {
			if to == "tally" {
				return "本轮改为录入计票单；已录的选票作为备查保留，不计入结果"
			}
			return "本轮改为录入选票；已录的计票单作为备查保留，不计入结果"
		},
		CountedBy: func(m string) string { return "计票方式：" + words.CountMethod(m, "zh") },
		RunningCounts: func(v, p, w int) string {
			return fmt.Sprintf("有效 %d · 部分无效 %d · 无效 %d", v, p, w)
		},
		SetAsideLine: func(who string, n int, r string) string {
			if n < 0 {
				return "备查（不计入）：计票单，原因：" + r
			}
			return fmt.Sprintf("备查（不计入）：%s 已录 %d 张，原因：%s", who, n, r)
		},
		SecondVacantSpeech: func(cat string, seats int) string {
			return fmt.Sprintf("%s当选人数不足应选名额，尚缺%d名；大会决定不再另行选举，缺额%d名。", catPrefix(cat), seats, seats)
		},
		TiedVacantSpeech: func(cat string, seats int, names string) string {
			return fmt.Sprintf("%s得票相等，按照选举办法，不再重新投票，%s缺额%d名。", names, catPrefix(cat), seats)
		},
		HelpNext: "下一步", HelpBack: "返回", HelpScroll: "翻看", HelpRounds: "各轮结果",
		HelpBallots: "录入选票", HelpTally: "录入计票单", HelpVacant: "宣布缺额",
		HelpApprove: "赞成", HelpDisapprove: "不赞成", HelpAbstain: "弃权", HelpRow: "候选人",
		HelpBackRow: "退一格", HelpSave: "保存此票", HelpWriteIn: "另选他人", HelpDropWriteIn: "删另选人",
		HelpSpoil: "作废票", HelpRemove: "撤回上一张", HelpTeller: "换计票人",
		HelpPrint: "打印选票", Printing: "正在生成本轮选票和零票报告…",
		Printed: func(n int, dir string) string {
			return fmt.Sprintf("已生成 %d 个文件（选票、零票报告）：%s", n, dir)
		},
		PrintFailed:      func(err string) string { return "生成选票失败：" + err },
		ProjectorElected: func(n int) string { return fmt.Sprintf("当选 %d 名（按候选人顺序）", n) },
		TellerNow: func(t string) string {
			return "现在由 " + t + " 录入；两人录入同一叠选票，系统逐张比对"
		}, HelpStack: "翻到前后张", HelpNextDiff: "下一处不一致",
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
func zhBase(b model.Base) string {
	switch b {
	case model.BasePresent:
		return "实到代表"
	case model.BaseValid:
		return "有效票"
	}
	return "应到代表"
}
