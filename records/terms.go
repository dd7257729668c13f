package records

import (
	"strings"
)

// terms are the headings and fixed words of the documents in one language.
// The tally sheet's words are those of package election's tally sheet
// (election.Result.Text), so the printed sheet and `podium count` agree.
type terms struct {
	minutes, signIn, tally, result, motions, questions string
	tallyKind                                          map[string]string // round kind → title suffix
	sheetMotions, sheetQuestions                       string

	name, session, date, place, chair, recorder, opened, declared string
	attendance, expected, present, onLeave, left, notArrived      string
	absent, absentees, unit, kind, status, at, no, total          string
	item, items, started, ended, presenter, count, note           string
	questionsH, motionsH, votes, notes, ratings, electionH        string
	subject, method, forV, against, abstain, base, rule, need     string
	outcome, adopted, rejected, officer, rating, by, text         string
	issued, collected, valid, invalid, threshold, approve         string
	disapprove, candidate, category, writeIns, invalidBallots     string
	voidWriteIns, elected, runoff, second, vacant, pendingH, none string
	roundH, roundValid, roundVoid, decided, source, announce      string
	counter, scrutineer, chief, signature, seats, round           string
	proposer, coSigners, filed, title, reason, due, vote          string
	delegate, target, question, answer, answeredBy, answered      string
	beforeAgenda, digest, quorum, methodAdopted, scrutAdopted     string
	host, secretary, sep, undecided, counters, orderElected       string

	statusWord map[string]string // every code of the record → word
	zh         bool
	id         string
}

var zh = terms{
	zh: true, id: "编号",
	minutes: "会议记录", signIn: "代表签到表", tally: "计票单", result: "选举结果报告单",
	motions: "提案和意见建议登记表", questions: "质询登记表",
	sheetMotions: "提案和意见建议", sheetQuestions: "质询登记表",
	tallyKind: map[string]string{"regular": "", "runoff": "（重新投票）", "second": "（另行选举）"},
	name:      "会议名称", session: "届次", date: "日期", place: "地点", chair: "主持人", recorder: "记录人",
	opened: "开始", declared: "宣布会议有效",
	attendance: "出席情况", expected: "应到", present: "实到", onLeave: "请假", left: "离场", notArrived: "未到",
	absent: "缺席", absentees: "缺席代表", unit: "选举单位", kind: "类别", status: "状态", at: "时间", no: "序号", total: "合计",
	item: "议程", items: "会议议程", started: "开始", ended: "结束", presenter: "报告人", count: "出席", note: "说明",
	questionsH: "质询", motionsH: "提案", votes: "表决", notes: "记录", ratings: "评议", electionH: "选举",
	subject: "表决事项", method: "方式", forV: "赞成", against: "反对", abstain: "弃权", base: "基数", rule: "通过标准", need: "需赞成",
	outcome: "结果", adopted: "通过", rejected: "未通过", officer: "述职人", rating: "评议结果", by: "记录者", text: "内容",
	issued: "发出", collected: "收回", valid: "有效", invalid: "无效", threshold: "当选票数", approve: "赞成",
	disapprove: "不赞成", candidate: "候选人", category: "类别", writeIns: "另选他人", invalidBallots: "无效票",
	voidWriteIns: "无效的另选人", elected: "当选", runoff: "重新投票", second: "另行选举", vacant: "缺额", pendingH: "待进行", none: "无",
	roundH: "轮次", roundValid: "选举有效", roundVoid: "选举无效", decided: "计票结束", source: "计票方式", announce: "宣布",
	counter: "计票人", scrutineer: "监票人", chief: "总监票人", signature: "签名", seats: "应选名额", round: "第%d轮",
	proposer: "提案人", coSigners: "附议人", filed: "提交时间", title: "案由", reason: "理由", due: "答复期限", vote: "表决",
	delegate: "代表", target: "质询对象", question: "质询内容", answer: "答复", answeredBy: "答复人", answered: "答复时间",
	beforeAgenda: "议程开始前", digest: "本记录据事件日志生成：事件 %d 条，末条记录 SHA-256 %s", quorum: "法定人数",
	methodAdopted: "通过选举办法", scrutAdopted: "通过监票人名单", host: "大会主持人", secretary: "记录人",
	sep: "、", undecided: "未决定", counters: "计票人", orderElected: "当选人名单（按候选人顺序）",
	statusWord: map[string]string{
		"present": "已到", "on_leave": "请假", "not_arrived": "未到", "left": "离场",
		"formal": "正式代表", "observer": "列席代表", "guest": "特邀代表",
		"pending": "未开始", "current": "进行中", "done": "已结束", "passed_over": "未进行",
		"ordinary": "一般事项", "charter": "修改章程", "hands": "举手表决", "ballot": "无记名投票",
		"excellent": "优秀", "pass": "合格", "fail": "不合格",
		"regular": "正式选举", "runoff": "重新投票", "second": "另行选举",
		"elected": "当选", "not_elected": "未当选",
		"ballots": "录入选票（双人核对）", "tally": "计票单录入", "none": "—",
		"accepted": "立案", "declined": "不予立案（转为意见建议）", "motion_pending": "待审查",
		"answered": "已答复", "on_notice": "会后答复", "question_pending": "待答复",
		"spoiled": "作废", "over-selection": "所选人数多于应选名额",
	},
}

var en = terms{
	id:      "ID",
	minutes: "Minutes", signIn: "Sign-in sheet", tally: "Tally sheet", result: "Election result report",
	motions: "Register of motions and opinions", questions: "Register of questions",
	sheetMotions: "Motions and opinions", sheetQuestions: "Questions",
	tallyKind: map[string]string{"regular": "", "runoff": " (runoff)", "second": " (second round)"},
	name:      "Meeting", session: "Session", date: "Date", place: "Place", chair: "Chair", recorder: "Recorder",
	opened: "Opened", declared: "Declared valid",
	attendance: "Attendance", expected: "Expected", present: "Present", onLeave: "On leave", left: "Left", notArrived: "Not arrived",
	absent: "Absent", absentees: "Absent delegates", unit: "Unit", kind: "Kind", status: "Status", at: "Time", no: "No.", total: "Total",
	item: "Item", items: "Agenda", started: "Started", ended: "Ended", presenter: "Presenter", count: "Attendance", note: "Note",
	questionsH: "Questions", motionsH: "Motions", votes: "Votes", notes: "Notes", ratings: "Ratings", electionH: "Election",
	subject: "Subject", method: "Method", forV: "For", against: "Against", abstain: "Abstain", base: "Base", rule: "Rule", need: "Needed",
	outcome: "Outcome", adopted: "adopted", rejected: "rejected", officer: "Officer", rating: "Rating", by: "By", text: "Text",
	issued: "Issued", collected: "Collected", valid: "Valid", invalid: "Invalid", threshold: "Threshold", approve: "Approve",
	disapprove: "Disapprove", candidate: "Candidate", category: "Category", writeIns: "Write-ins", invalidBallots: "Invalid ballots",
	voidWriteIns: "Void write-ins", elected: "Elected", runoff: "Runoff", second: "Second round", vacant: "Vacant", pendingH: "Still due", none: "none",
	roundH: "Round", roundValid: "valid", roundVoid: "void", decided: "Count closed", source: "Counted from", announce: "Announced",
	counter: "Counter", scrutineer: "Scrutineer", chief: "Chief scrutineer", signature: "Signature", seats: "Seats", round: "Round %d",
	proposer: "Proposer", coSigners: "Co-signers", filed: "Filed", title: "Title", reason: "Reason", due: "Answer due", vote: "Vote",
	delegate: "Delegate", target: "Addressed to", question: "Question", answer: "Answer", answeredBy: "Answered by", answered: "Answered",
	beforeAgenda: "Before the agenda", digest: "Drawn from the event log: %d events, SHA-256 of the last record %s", quorum: "Quorum",
	methodAdopted: "Election method adopted", scrutAdopted: "Scrutineers adopted", host: "Chair", secretary: "Recorder",
	sep: ", ", undecided: "undecided", counters: "Counters", orderElected: "Elected (in the approved candidate order)",
	statusWord: map[string]string{
		"present": "present", "on_leave": "on leave", "not_arrived": "not arrived", "left": "left",
		"formal": "formal delegate", "observer": "observer", "guest": "invited guest",
		"pending": "pending", "current": "under way", "done": "done", "passed_over": "passed over",
		"ordinary": "ordinary", "charter": "charter amendment", "hands": "show of hands", "ballot": "secret ballot",
		"excellent": "excellent", "pass": "pass", "fail": "fail",
		"regular": "regular", "runoff": "runoff", "second": "second round",
		"elected": "elected", "not_elected": "not elected",
		"ballots": "keyed ballots (double entry)", "tally": "paper tally", "none": "—",
		"accepted": "accepted", "declined": "declined (kept as an opinion)", "motion_pending": "pending",
		"answered": "answered", "on_notice": "on notice", "question_pending": "pending",
		"spoiled": "spoiled", "over-selection": "more selections than seats",
	},
}

func wordsFor(lang string) terms {
	if isZh(lang) {
		return zh
	}
	return en
}

// isZh reports whether lang is Chinese: "zh", any "zh-…", or "" (the
// default).
func isZh(lang string) bool { return lang == "" || strings.HasPrefix(lang, "zh") }

// word returns the word for a code of the record, or the code itself.
func (w terms) word(code string) string {
	if s, ok := w.statusWord[code]; ok {
		return s
	}
	return code
}
