package common

import (
	"fmt"

	"podium/model"
	"podium/session"
)

func zhMeetingTexts() *MeetingTexts {
	kinds := map[model.ItemKind]string{
		model.ItemPreparatory: "预备会议", model.ItemOpening: "开幕", model.ItemReport: "报告",
		model.ItemDeliberation: "审议", model.ItemQuestioning: "质询", model.ItemMotions: "提案",
		model.ItemResolution: "表决", model.ItemElection: "选举", model.ItemClosing: "闭幕",
		model.ItemProcedure: "程序", model.ItemReview: "述职评议",
	}
	fields := map[string]string{
		"reason": "原因", "target": "质询对象", "question": "质询内容", "answer": "答复内容",
		"title": "提案标题", "subject": "表决事项", "note": "记录内容", "kind": "表决类别",
		"method": "表决方式", "counts": "票数",
	}
	roles := map[session.Code]string{session.CodeAsDelegate: "质询人", session.CodeAsProposer: "提案人", session.CodeAsCoSigner: "附议人"}
	whats := map[string]string{"question": "质询", "motion": "提案", "item": "议程"}
	reasons := map[session.Code]string{
		session.CodeUnknown: "不存在", session.CodeAnswered: "已答复", session.CodeOnNotice: "已转为书面答复", session.CodeDecided: "已审查",
		session.CodeNotAdmitted: "未立案，不能表决", session.CodeVoted: "已表决", session.CodeStarted: "已开始，不能跳过",
		session.CodeStruck: "已撤销", session.CodeSameEntry: "已按这种方式计票（或尚未录入），无需切换",
	}
	return &MeetingTexts{
		Review:        zhReviewTexts(),
		FirstItem:     "已是第一项议程",
		NothingToEnd:  "没有进行中的议程",
		NoItemForNote: "议程尚未开始，无法记录",
		EndNoteLabel:  "未完成原因",
		ConfirmEnd: func(k string, n int, title string) string {
			return fmt.Sprintf("再按 %s 结束议程第 %d 项「%s」，esc 取消", k, n, title)
		},
		NoteLabel: func(n int, title string) string { return fmt.Sprintf("第 %d 项记录", n) },
		SkipLabel: func(n int, title string) string { return fmt.Sprintf("跳过第 %d 项「%s」的原因", n, title) },
		Skipped:   func(n int, title string) string { return fmt.Sprintf("议程第 %d 项「%s」已跳过", n, title) },
		EndedItem: func(n int, title string) string { return fmt.Sprintf("第 %d 项 %s 已结束", n, title) },
		NoteAdded: func(at string) string { return "已记录 " + at },
		Ended: func(n int, title, took string) string {
			return fmt.Sprintf("议程第 %d 项「%s」结束，用时 %s", n, title, took)
		},
		NotPending:     func(n int) string { return fmt.Sprintf("第 %d 项已开始或已跳过，不能跳过", n) },
		AlreadyCurrent: func(n int) string { return fmt.Sprintf("第 %d 项正在进行", n) },
		AgendaTitle:    "大会议程",
		AgendaHint:     "✓ 已完成  ▶ 进行中  ↷ 已跳过  › 下一项",
		SkippedInfo:    "已跳过",
		StartedAt:      func(at string) string { return at + " 开始" },
		RanFromTo:      func(from, to, took string) string { return fmt.Sprintf("%s–%s，用时 %s", from, to, took) },
		PlanMinutes:    func(n int) string { return fmt.Sprintf("计划 %d 分钟", n) },
		KindName:       func(k model.ItemKind) string { return kinds[k] },
		EndedAt:        func(at, took string) string { return fmt.Sprintf("%s 结束 · 用时 %s", at, took) },
		Elapsed:        func(d string) string { return "用时 " + d },
		Over:           func(d string) string { return "超时 " + d },
		Planned:        func(d string, mins int) string { return fmt.Sprintf("用时 %s / %d 分钟", d, mins) },

		ItemLine: func(n int, title, kind string) string {
			if kind == "" {
				return fmt.Sprintf("第 %d 项 · %s", n, title)
			}
			return fmt.Sprintf("第 %d 项 · %s（%s）", n, title, kind)
		},
		Presenter: func(p string) string { return "报告人：" + p },
		ScriptFault: func(e string) string {
			return "（议程文件的主持词有误，以下为默认主持词：" + e + "）"
		},
		ScriptTitle:  "主持词",
		ThePresenter: "报告人",
		NotesTitle: func(n int) string {
			if n == 0 {
				return "会议记录"
			}
			return fmt.Sprintf("会议记录（%d 条）", n)
		},
		NoNotes:    func(k string) string { return "暂无记录，按 " + k + " 记录本项" },
		MoreScript: func(k string) string { return "……按 " + k + " 展开全文" },
		DeclareHint: func(k string, p, need int, met bool) string {
			if met {
				return fmt.Sprintf("实到 %d 人，已达法定人数：按 %s 宣布会议有效，主持词随之更新。", p, k)
			}
			return fmt.Sprintf("实到 %d 人，宣布会议有效需 %d 人；达到后按 %s 宣布。", p, need, k)
		},
		QuorumWords: func(ok bool, rule string, need int) string {
			if ok {
				return fmt.Sprintf("%s，符合法定人数", rule)
			}
			return fmt.Sprintf("不足法定人数（需%s即 %d 人）", rule, need)
		},

		Sep:         "、",
		PickHint:    "拼音首字母，回车选定",
		FormHint:    "回车填写下一项，最后一项回车提交，esc 取消",
		Counted:     func(n int, names string) string { return fmt.Sprintf("%d 人 %s", n, names) },
		FormalCount: func(n int) string { return fmt.Sprintf("正式代表 %d 人", n) },

		AskTitle: "登记质询", Delegate: "质询人", Target: "质询对象", Question: "质询内容",
		AnsweredBy: "答复人", Answer: "答复内容", QPending: "待答复", Q: "问：",
		AnswerTitle:     func(no int, who string) string { return fmt.Sprintf("答复第 %d 件质询（%s）", no, who) },
		NoQuestions:     func(k string) string { return "还没有质询，按 " + k + " 登记" },
		AlreadyAnswered: func(no int) string { return fmt.Sprintf("第 %d 件质询已答复", no) },
		Answered:        func(no int) string { return fmt.Sprintf("第 %d 件质询已答复", no) },
		ConfirmDefer: func(k string, no, days int) string {
			return fmt.Sprintf("再按 %s 将第 %d 件质询转为会后书面答复（%d 天内），esc 取消", k, no, days)
		},
		Deferred: func(no int, due string) string {
			return fmt.Sprintf("第 %d 件质询转为书面答复，%s 前答复", no, due)
		},
		Asked:        func(no int, who string) string { return fmt.Sprintf("已登记第 %d 件质询（%s）", no, who) },
		QAnswered:    func(at string) string { return "已答复 " + at },
		QOnNotice:    func(due string) string { return "书面答复 " + due + " 前" },
		OnNoticeLine: func(due string) string { return "会后书面答复，" + due + " 前答复" },
		A: func(by string) string {
			if by == "" {
				return "答："
			}
			return "答（" + by + "）："
		},
		QueueTitle: func(n, p, a, o int) string {
			return fmt.Sprintf("质询 %d 件 · 待答复 %d · 已答复 %d · 书面答复 %d", n, p, a, o)
		},
		QuestionNo: func(no int, who, target, at string) string {
			return fmt.Sprintf("第 %d 件 · %s → %s · %s", no, who, target, at)
		},

		FileTitle: "登记提案", Proposer: "提案人", CoSigners: "附议人", MotionTitle: "标题",
		MotionText: "内容", Category: "类别", Reason: "不予立案理由",
		FileHint:   "附议人：逐个搜索回车添加，tab 完成；至少 2 人",
		ReasonHint: "写明不予立案的理由，回车提交",
		MAdmitted:  "已立案", MPending: "待审查",
		NoMotions:      func(k string) string { return "还没有提案，按 " + k + " 登记" },
		PutToVote:      func(k string) string { return "已立案，按 " + k + " 提交大会表决" },
		MDeclined:      func(due string) string { return "不予立案 " + due + " 前答复" },
		NotAdmitted:    func(no int) string { return fmt.Sprintf("第 %d 件提案未立案，不能表决", no) },
		AlreadyVoted:   func(no int) string { return fmt.Sprintf("第 %d 件提案已表决", no) },
		AlreadyDecided: func(no int) string { return fmt.Sprintf("第 %d 件提案已审查", no) },
		VoteOnMotion: func(no int, title string) string {
			return fmt.Sprintf("表决第 %d 件提案「%s」：输入赞成、反对、弃权票数", no, title)
		},
		DeclineTitle: func(no int, title string) string {
			return fmt.Sprintf("第 %d 件提案「%s」不予立案", no, title)
		},
		ConfirmAccept: func(k string, no int, title string) string {
			return fmt.Sprintf("再按 %s 对第 %d 件提案「%s」立案，esc 取消", k, no, title)
		},
		Accepted: func(no int, k string) string {
			return fmt.Sprintf("第 %d 件提案已立案，按 %s 提交表决", no, k)
		},
		Declined: func(no int, due string) string {
			return fmt.Sprintf("第 %d 件提案不予立案，作为意见建议，%s 前答复", no, due)
		},
		Filed: func(no int, title string, n int) string {
			return fmt.Sprintf("已登记第 %d 件提案「%s」（附议 %d 人）", no, title, n)
		},
		MotionsTitle: func(n, p, a, d int) string {
			return fmt.Sprintf("提案 %d 件 · 待审查 %d · 立案 %d · 不予立案 %d", n, p, a, d)
		},
		MotionNo: func(no int, title, at string) string { return fmt.Sprintf("第 %d 件 · %s · %s", no, title, at) },
		Signers: func(p, co, cat string) string {
			s := "提案人 " + p + " · 附议人 " + co
			if cat != "" {
				s += " · 类别 " + cat
			}
			return s
		},
		DeclinedLine: func(r, due string) string {
			return "不予立案：" + r + "；作为意见建议，" + due + " 前答复"
		},

		NoResolution: "当前议程不是表决事项；已立案的提案在提案台按 v 表决",
		For:          "赞成", Against: "反对", Abstain: "弃权",
		VoteHint: func(k string) string {
			return "输入赞成、反对、弃权票数，" + k + " 全票赞成，回车记录"
		},
		VoteTitle: func(s string) string { return "表决：" + s },
		ConfirmVote: func(k, subject string, f, a, ab, need int, ok bool) string {
			o := "未通过"
			if ok {
				o = "通过"
			}
			return fmt.Sprintf("「%s」赞成 %d、反对 %d、弃权 %d → 需 %d，%s。再按 %s 记录，esc 取消", subject, f, a, ab, need, o, k)
		},
		Recorded:        func(no int, d string) string { return fmt.Sprintf("第 %d 次表决已记录：%s", no, d) },
		MotionVoteTitle: func(no int, s string) string { return fmt.Sprintf("表决第 %d 件提案：%s", no, s) },
		HowVoted: func(method, kind, rule string) string {
			return fmt.Sprintf("%s · %s · 须经%s赞成", method, kind, rule)
		},
		Sum: func(sum, p int) string { return fmt.Sprintf("合计 %d 票 / 实到 %d 人", sum, p) },
		VoteCounts: func(no int, at string, f, a, ab int) string {
			return fmt.Sprintf("第 %d 次 %s 赞成 %d 反对 %d 弃权 %d", no, at, f, a, ab)
		},
		Derivation: func(need, f int, ok bool) string {
			o := "未通过"
			if ok {
				o = "通过"
			}
			return fmt.Sprintf("需 %d 票，赞成 %d 票，%s", need, f, o)
		},
		Outcome: func(ok bool) string {
			if ok {
				return "通过"
			}
			return "未通过"
		},
		Method: func(m model.VoteMethod) string {
			if m == model.VoteBallot {
				return "无记名投票"
			}
			return "举手表决"
		},
		KindWords: func(k model.VoteKind) string {
			if k == model.VoteCharter {
				return "修改章程"
			}
			return "一般事项"
		},
		VoteBase: func(b model.Base) string {
			if b == model.BasePresent {
				return "出席代表"
			}
			return "全体代表"
		},

		Unfinished: func(n int, why session.Code, k string) string {
			s := fmt.Sprintf("第 %d 项尚未完成", n)
			switch why {
			case session.CodeNoVote:
				s = fmt.Sprintf("第 %d 项尚未表决", n)
			case session.CodeRoundOpen:
				s = fmt.Sprintf("第 %d 项的选举轮次尚未结束", n)
			}
			if k != "" {
				return s + "：请先完成，或按 " + k + " 结束并写明原因"
			}
			return s + "：请写明原因"
		},
		FieldEmpty: func(f string) string {
			if w, ok := fields[f]; ok {
				f = w
			}
			return "请填写" + f
		},
		FieldBad: func(code session.Code) string {
			switch code {
			case session.CodeBadKind:
				return "表决类别无效：一般事项或修改章程"
			case session.CodeBadMethod:
				return "表决方式无效：举手表决或无记名投票"
			case session.CodeNegative:
				return "票数不能为负数"
			case session.CodeSurveyItem:
				return "满意度调查只填自评表第16、17项，每项一次"
			case session.CodeNoAnswers:
				return "这道题无人作答，满意率无法计算"
			case session.CodeSurveySum:
				return "满意度调查的各项人数与答卷份数对不上，请核对"
			case session.CodeBadOption:
				return "答案只能计为满意、基本满意、一般、不太满意或不满意"
			case session.CodeStaffItem:
				return "工作人员核查应含自评表第3.1、3.2、3.3、4、5、6项，每项一次"
			case session.CodeStaffFigures:
				return "工作人员核查的人数或部门数前后不一致，请核对"
			case session.CodeStaffFinding:
				return "工作人员核查的某条问题不属于名单中的人员或不属于该项"
			case session.CodeStaffVerdict:
				return "工作人员核查的结论与其人数和问题不符"
			case session.CodeReasonNotLeave:
				return "只有请假才能填写原因"
			case session.CodeNeedsVote:
				return "本次大会的选举办法和监票人名单须经大会表决通过：请录入表决票数"
			case session.CodeBadEntry:
				return "计票方式只能是录入选票或录入计票单"
			}
			return "输入无效，请核对"
		},
		NotFormal: func(name string, role session.Code) string {
			return fmt.Sprintf("%s 不是正式代表，不能作为%s", name, roles[role])
		},
		FewCoSigners: func(got, need int) string {
			return fmt.Sprintf("提案需要至少 %d 名附议人，现有 %d 名", need, got)
		},
		MotionRefused: func(name string, r session.Code) string {
			if r == session.CodeProposerCoSigns {
				return name + " 是提案人，不能同时附议"
			}
			return name + " 重复列为附议人"
		},
		StatusRefused: func(what string, no int, r session.Code) string {
			switch what {
			case "item":
				return fmt.Sprintf("议程第 %d 项%s", no, reasons[r])
			case "vote":
				return fmt.Sprintf("第 %d 次表决%s", no, reasons[r])
			case "round":
				return fmt.Sprintf("第 %d 轮%s", no, reasons[r])
			}
			return fmt.Sprintf("第 %d 件%s%s", no, whats[what], reasons[r])
		},
		VoteTooMany: func(sum, p int) string {
			return fmt.Sprintf("票数合计 %d 超过实到正式代表 %d 人，请核对", sum, p)
		},
		VoteEmpty: func(p int) string {
			return fmt.Sprintf("赞成、反对、弃权合计 0 票：没有人表决，不能记录（实到 %d 人）", p)
		},
		NotDeclared: func(what session.Code, p, e, need int) string {
			w := map[session.Code]string{session.CodeVote: "表决", session.CodeBallots: "发出选票", session.CodeRound: "开始选举"}[what]
			return fmt.Sprintf("会议尚未宣布有效，不能%s：实到 %d / 应到 %d，宣布有效需 %d 人", w, p, e, need)
		},
		NotPresent: func(name, st string, role session.Code) string {
			if role == session.CodeAsLeaving {
				return fmt.Sprintf("%s %s，不在场，不能登记离场", name, st)
			}
			return fmt.Sprintf("%s %s，不在场，不能作为%s", name, st, roles[role])
		},
		BadText: func(f string, r rune) string {
			if w, ok := fields[f]; ok {
				f = w
			}
			return fmt.Sprintf("%s 含有不能写入记录的控制字符（U+%04X），请删去后重试", f, r)
		},
		HelpStrike: "撤销表决", NothingToStrike: "没有可撤销的表决",
		StrikeLabel: func(no int) string { return fmt.Sprintf("撤销第 %d 次表决的原因", no) },
		Struck: func(no int) string {
			return fmt.Sprintf("第 %d 次表决已撤销，保留在记录中，不计入结果", no)
		},
		StruckLine: func(at, r string) string { return "已撤销 " + at + "：" + r },
		Adopts: func(a session.Adopts) string {
			if a == session.AdoptsScrutineers {
				return "通过监票人名单"
			}
			return "通过选举办法"
		},
		NoCurrentItem: "没有进行中的议程",
		NoSuchItem:    func(no, n int) string { return fmt.Sprintf("没有第 %d 项议程（共 %d 项）", no, n) },

		HelpPrev: "上一项", HelpEnd: "结束本项", HelpNote: "记录", HelpExport: "导出会议记录",
		HelpPrep: "筹备", PrepTitle: "筹备 · 代表构成（附件4）", PrepTarget: "目标",
		PrepHead: func(f int, date string, tol int) string {
			return fmt.Sprintf("正式代表 %d 名 · 大会日期 %s · “左右”允许 ±%d 个百分点", f, date, tol)
		},
		PrepStatus: func(st string) string {
			return map[string]string{"ok": "符合", "warning": "偏离", "cannot verify": "无法核实", "needs --date": "需大会日期"}[st]
		},
		PrepCommittee: func(c, seats int, sur string) string {
			return fmt.Sprintf("委员会选举：候选人 %d 名，应选 %d 名，差额 %s（仅提示，不作限制）", c, seats, sur)
		}, Exporting: "正在导出会议记录……",
		Exported:     func(n int, dir string) string { return fmt.Sprintf("已导出 %d 个文件到 %s", n, dir) },
		ExportFailed: func(err string) string { return "导出失败：" + err }, HelpToItem: "本项",
		HelpToElection: "选举", HelpToQuestions: "质询", HelpToMotions: "提案", HelpToAgenda: "议程",
		HelpJump: "开始此项", HelpSkip: "跳过", HelpAsk: "登记质询", HelpAnswer: "答复",
		HelpDefer: "书面答复", HelpFile: "登记提案", HelpAccept: "立案", HelpDecline: "不予立案",
		HelpVote: "表决", HelpUnanimous: "全票赞成", HelpKind: "类别", HelpMethod: "方式",
		HelpRecord: "记录", HelpTab: "切换", HelpScript: "主持词全文",
		HelpFormNext: "下一项", HelpFormAdd: "添加", HelpFormDone: "完成",
	}
}
