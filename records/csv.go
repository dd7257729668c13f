package records

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
)

// bom is the UTF-8 byte order mark: with it Excel opens a CSV file as
// UTF-8, so Chinese reads as Chinese.
var bom = []byte{0xEF, 0xBB, 0xBF}

// A CSV file is one tidy table: a fixed header, one row per thing
// (attendance per person, votes per vote, candidates per round and
// candidate …), the same columns in every row. The header is in the
// record's language; times are "YYYY-MM-DD HH:MM" in China Standard Time;
// a figure not known is left empty.

type csvTable struct {
	name string // file name without .csv
	head []string
	rows [][]csvCell
}

// csvCell is a value: text (neutralised against formulas) or a number.
type csvCell struct {
	s   string
	num bool
}

func ct(s string) csvCell  { return csvCell{s: s} }
func cn(n int) csvCell     { return csvCell{s: strconv.Itoa(n), num: true} }
func cmaybe(n int) csvCell { return map[bool]csvCell{true: ct(""), false: cn(n)}[n < 0] }
func ctime(t Time) csvCell { return ct(t.String()) }
func cptr(n *int) csvCell {
	if n == nil {
		return ct("")
	}
	return cn(*n)
}

// neutralise makes a text cell safe to open in a spreadsheet (OWASP, CSV
// injection): a cell starting with =, +, -, @, a tab or a carriage return
// would be read as a formula, so it gets a leading apostrophe, which
// Excel and WPS show as text and do not print.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// renderCSV writes the tidy tables of the record and an index: every file
// with its rows, the record's status and the digest of the log.
func renderCSV(r *Record) ([]file, error) {
	w := termsFor(r.Lang)
	tables := csvTables(r, w)
	index := csvTable{name: "index", head: csvHeads(w, "index")}
	for _, t := range tables {
		index.rows = append(index.rows, []csvCell{ct(t.name + ".csv"), cn(len(t.rows)), ct(r.Status),
			cn(r.Digest.Events), ct(r.Digest.HeadHex())})
	}
	var out []file
	for _, t := range append([]csvTable{index}, tables...) {
		var b bytes.Buffer
		b.Write(bom)
		// Lines end in LF: Excel and WPS read it, and encoding/csv with
		// UseCRLF would drop a lone CR from a cell.
		cw := csv.NewWriter(&b)
		if err := cw.Write(t.head); err != nil {
			return nil, err
		}
		for _, row := range t.rows {
			rec := make([]string, len(row))
			for i, c := range row {
				rec[i] = c.s
				if !c.num {
					rec[i] = neutralise(c.s)
				}
			}
			if err := cw.Write(rec); err != nil {
				return nil, err
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return nil, err
		}
		out = append(out, file{t.name + ".csv", b.Bytes()})
	}
	return out, nil
}

func yes(w terms, b bool) csvCell {
	if b {
		return ct(w.pick("是", "yes"))
	}
	return ct(w.pick("否", "no"))
}

func csvTables(r *Record, w terms) []csvTable {
	tab := func(name string) csvTable { return csvTable{name: name, head: csvHeads(w, name)} }
	agenda, att, votes, notes, ratings := tab("agenda"), tab("attendance"), tab("votes"), tab("notes"), tab("ratings")
	for _, it := range r.Minutes.Items {
		exp, pre := ct(""), ct("")
		if it.Count != nil {
			exp, pre = cn(it.Count.Expected), cn(it.Count.Present)
		}
		if it.No > 0 {
			planned := ct("")
			if it.Planned > 0 {
				planned = cn(it.Planned)
			}
			agenda.rows = append(agenda.rows, []csvCell{cn(it.No), ct(it.Title), ct(it.Kind), ct(it.Presenter), planned,
				ct(w.word(it.Status)), ctime(it.Started), ctime(it.Ended), exp, pre, ct(it.Note)})
		}
		for _, v := range it.Votes {
			sAt, sWhy := ct(""), ct("")
			if v.Struck != nil {
				sAt, sWhy = ctime(v.Struck.At), ct(v.Struck.Reason)
			}
			motion := ct("")
			if v.Motion > 0 {
				motion = cn(v.Motion)
			}
			votes.rows = append(votes.rows, []csvCell{cn(v.No), cn(v.Item), motion, ct(v.Subject), ct(w.word(v.Kind)), ct(w.word(v.Method)),
				cn(v.For), cn(v.Against), cn(v.Abstain), cn(v.Count.Expected), cn(v.Count.Present), ct(v.RuleText), cn(v.Base),
				cn(v.Need), ct(w.yesNo(v.Adopted)), ctime(v.At), sAt, sWhy})
		}
		for _, n := range it.Notes {
			notes.rows = append(notes.rows, []csvCell{cn(it.No), ctime(n.At), ct(n.By), ct(n.Text)})
		}
		for _, g := range it.Ratings {
			ratings.rows = append(ratings.rows, []csvCell{cn(it.No), ct(g.Officer), ct(w.word(g.Rating)), ct(g.Note), ctime(g.At)})
		}
	}
	for _, u := range r.SignIn.Units {
		for _, p := range u.People {
			att.rows = append(att.rows, []csvCell{ct(u.Unit), cn(p.No), ct(p.ID), ct(p.Name), ct(w.word(p.Kind)), ct(w.word(p.Status)),
				ctime(p.Arrived), ctime(p.Departed), ctime(p.At), ct(p.Reason)})
		}
	}
	units, comp := tab("delegates"), tab("composition")
	for _, u := range r.Credentials.Units {
		units.rows = append(units.rows, []csvCell{ct(u.Unit), cn(u.Formal), cn(u.Observers), cn(u.Guests)})
	}
	for _, l := range r.Credentials.Lines {
		comp.rows = append(comp.rows, []csvCell{ct(w.word("comp_" + l.Key)), cn(l.Count), cn(l.Total), cn(l.Missing), ct(l.Percent),
			ct(w.targetText(l.Target)), ct(w.word("comp_" + l.Status))})
	}
	out := []csvTable{agenda, att, units, comp, votes, notes, ratings}
	out = append(out, takeoverTable(r, w)...)
	if e := r.Election; e != nil {
		out = append(out, electionTables(e, w, tab)...)
	}
	res, mot, que, ass := tab("resolutions"), tab("motions"), tab("questions"), tab("self-assessment")
	for _, x := range r.Resolutions {
		res.rows = append(res.rows, []csvCell{cn(x.No), cn(x.Vote), cn(x.Item), ct(x.Title), ct(x.Text), ctime(x.At)})
	}
	for _, m := range r.Motions {
		vote, outcome := ct(""), ct("")
		if m.Adopted != nil {
			vote, outcome = cn(m.Vote), ct(w.yesNo(*m.Adopted))
		}
		var co, coID []string
		for _, c := range m.CoSigners {
			co, coID = append(co, c.Name), append(coID, c.ID)
		}
		mot.rows = append(mot.rows, []csvCell{cn(m.No), ct(m.Title), ct(m.Category), ct(m.Text), ct(m.Proposer.Name), ct(m.Proposer.ID),
			ct(strings.Join(co, w.sep)), ct(strings.Join(coID, w.sep)), ctime(m.Filed), ct(w.motionStatus(m.Status)), ctime(m.Decided),
			ct(m.Reason), vote, outcome, ct(m.Due)})
	}
	for _, q := range r.Questions {
		que.rows = append(que.rows, []csvCell{cn(q.No), ct(q.Delegate.Name), ct(q.Delegate.ID), ct(q.Delegate.Unit), cn(q.Item),
			ct(q.Target), ct(q.Text), ctime(q.Asked), ct(w.questionStatus(q.Status)), ct(q.Answer), ct(q.AnsweredBy),
			ctime(q.Answered), ct(q.Due)})
	}
	spk, grp := tab("speakers"), tab("groups")
	for _, s := range r.Speakers {
		order := ct("")
		if s.Order > 0 {
			order = cn(s.Order)
		}
		spk.rows = append(spk.rows, []csvCell{cn(s.No), cn(s.Item), ct(s.Speaker.Name), ct(s.Speaker.ID), ct(s.Speaker.Unit),
			ct(w.word(s.Attends)), ct(w.word(s.Kind)), ctime(s.Requested), ct(w.word(s.Status)), order, ctime(s.Started),
			ctime(s.Ended), ctime(s.Removed), cn(s.LimitSeconds), cn(s.Seconds), cn(s.OverSeconds)})
	}
	for _, it := range r.Minutes.Items {
		for _, g := range it.Groups {
			spoke, rev := ct(""), ct("")
			if g.Reported {
				spoke, rev = cn(g.Speakers), cn(g.Revision)
			}
			grp.rows = append(grp.rows, []csvCell{cn(it.No), ct(g.Group), ct(strings.Join(g.Units, w.sep)), cn(g.Members),
				yes(w, g.Reported), ct(g.Convener), ct(g.Secretary), spoke, ct(g.Text), ctime(g.At), rev})
		}
	}
	for _, a := range r.Assessment {
		ass.rows = append(ass.rows, []csvCell{cn(a.No), ct(a.Text), ct(w.verdictBoxes(a.Verdict)), ct(a.Note), ct(w.word("source_" + a.Source))})
	}
	return append(out, res, mot, que, spk, grp, ass)
}

func electionTables(e *Election, w terms, tab func(string) csvTable) []csvTable {
	rounds, cats, cands, inv, el, scr := tab("rounds"), tab("categories"), tab("candidates"), tab("invalid-ballots"), tab("elected"), tab("scrutineers")
	for _, x := range e.Rounds {
		rounds.rows = append(rounds.rows, []csvCell{cn(x.Round), ct(w.word(x.Kind)), yes(w, x.Revote), ctime(x.Opened), ctime(x.Decided),
			ct(w.word(x.Counting)), ct(strings.Join(x.Tellers, w.sep)), cn(x.Expected), cn(x.Present), cmaybe(x.Issued),
			cmaybe(x.Collected), cptr(x.Valid), cptr(x.Invalid), cptr(x.PartlyInvalid), yes(w, x.QuorumMet), yes(w, x.RoundValid),
			cn(x.VoidWriteIns), ct(x.Reason)})
		for _, c := range x.Categories {
			cats.rows = append(cats.rows, []csvCell{cn(x.Round), ct(c.Name), cn(c.Seats), cn(c.Valid), cn(c.Invalid), cptr(c.Threshold)})
		}
		for _, c := range x.Candidates {
			no := ct("")
			if !c.WriteIn {
				no = cn(c.No)
			}
			st := ct("")
			if c.Status != "" {
				st = ct(w.word(c.Status))
			}
			cands.rows = append(cands.rows, []csvCell{cn(x.Round), no, ct(c.Name), ct(c.PersonID), ct(c.Category), yes(w, c.WriteIn),
				cn(c.Approve), cn(c.Disapprove), cn(c.Abstain), st})
		}
		for _, iv := range x.InvalidBallots {
			why := w.invalidWhy(iv)
			inv.rows = append(inv.rows, []csvCell{cn(x.Round), ct(iv.Ballot), ct(iv.Category), ct(why)})
		}
	}
	for i, x := range e.Elected {
		el.rows = append(el.rows, []csvCell{cn(i + 1), ct(x.Name), ct(x.PersonID), ct(x.Category), yes(w, x.WriteIn), cn(x.Round)})
	}
	who := func(role string, p *Who) {
		if p != nil {
			scr.rows = append(scr.rows, []csvCell{ct(role), ct(p.Name), ct(p.ID), ct(p.Unit)})
		}
	}
	who(w.chief, e.Chief)
	who(w.scrutineer, e.Scrutineer)
	for _, c := range e.Counters {
		scr.rows = append(scr.rows, []csvCell{ct(w.counter), ct(c), ct(""), ct("")})
	}
	return []csvTable{scr, rounds, cats, cands, inv, el}
}

// csvHeads are the fixed headers of the tidy tables.
func csvHeads(w terms, name string) []string {
	h := csvHeaders[name]
	if w.zh {
		return h[0]
	}
	return h[1]
}

var csvHeaders = map[string][2][]string{
	"index": {{"文件", "行数", "状态", "事件数", "末条记录SHA-256"}, {"file", "rows", "status", "events", "head_sha256"}},
	"agenda": {{"序号", "议程", "类型", "报告人", "计划分钟", "状态", "开始", "结束", "应到", "实到", "说明"},
		{"no", "item", "kind", "presenter", "planned_minutes", "status", "started", "ended", "expected", "present", "note"}},
	"attendance": {{"选举单位", "序号", "编号", "姓名", "类别", "状态", "签到时间", "离场时间", "状态时间", "请假理由"},
		{"unit", "no", "id", "name", "kind", "status", "arrived", "departed", "status_at", "leave_reason"}},
	"delegates":   {{"选举单位", "正式代表", "列席代表", "特邀代表"}, {"unit", "formal", "observers", "guests"}},
	"composition": {{"项目", "人数", "总数", "资料不全", "占比", "要求", "结论"}, {"criterion", "count", "total", "missing", "percent", "target", "conclusion"}},
	"votes": {{"表决序号", "议程序号", "提案序号", "表决事项", "事项类别", "方式", "赞成", "反对", "弃权", "应到", "实到", "通过标准", "基数", "需赞成", "结果", "时间", "撤销时间", "撤销理由"},
		{"no", "item", "motion", "subject", "kind", "method", "for", "against", "abstain", "expected", "present", "rule", "base", "need", "outcome", "at", "struck_at", "struck_reason"}},
	"notes": {{"议程序号", "时间", "记录者", "内容"}, {"item", "at", "by", "text"}},
	"takeovers": {{"时间", "接替者", "原主机", "收到至第几号事件", "接替事件", "纪元"},
		{"at", "by", "from", "last_received", "takeover_event", "epoch"}},
	"ratings":     {{"议程序号", "述职人", "评议结果", "备注", "时间"}, {"item", "officer", "rating", "note", "at"}},
	"scrutineers": {{"职务", "姓名", "编号", "选举单位"}, {"role", "name", "id", "unit"}},
	"rounds": {{"轮次", "类型", "重新投票", "开始", "计票结束", "计票方式", "录入人", "应到", "实到", "发出", "收回", "有效", "无效", "部分无效", "达到法定人数", "选举有效", "无效的另选人", "说明"},
		{"round", "kind", "revote", "opened", "decided", "counting", "tellers", "expected", "present", "issued", "collected", "valid", "invalid", "partly_invalid", "quorum_met", "round_valid", "void_write_ins", "reason"}},
	"categories": {{"轮次", "类别", "应选名额", "有效", "无效", "当选票数"}, {"round", "category", "seats", "valid", "invalid", "threshold"}},
	"candidates": {{"轮次", "序号", "姓名", "编号", "类别", "另选人", "赞成", "不赞成", "弃权", "结果"},
		{"round", "no", "name", "person_id", "category", "write_in", "approve", "disapprove", "abstain", "outcome"}},
	"invalid-ballots": {{"轮次", "选票编号", "类别", "理由"}, {"round", "ballot", "category", "reason"}},
	"elected":         {{"序号", "姓名", "编号", "类别", "另选人", "轮次"}, {"no", "name", "person_id", "category", "write_in", "round"}},
	"resolutions":     {{"序号", "表决序号", "议程序号", "标题", "全文", "时间"}, {"no", "vote", "item", "title", "text", "at"}},
	"motions": {{"序号", "案由", "类别", "内容", "提案人", "提案人编号", "附议人", "附议人编号", "提交时间", "状态", "审查时间", "理由", "表决序号", "表决结果", "答复期限"},
		{"no", "title", "category", "text", "proposer", "proposer_id", "co_signers", "co_signer_ids", "filed", "status", "decided", "reason", "vote", "outcome", "due"}},
	"questions": {{"序号", "代表", "编号", "选举单位", "议程序号", "质询对象", "质询内容", "时间", "状态", "答复", "答复人", "答复时间", "答复期限"},
		{"no", "delegate", "id", "unit", "item", "target", "question", "asked", "status", "answer", "answered_by", "answered", "due"}},
	"self-assessment": {{"序号", "项目", "验收结论", "备注", "填写"}, {"no", "item", "verdict", "remarks", "answered_by"}},
	"speakers": {{"序号", "议程序号", "发言人", "编号", "选举单位", "身份", "类别", "登记时间", "结果", "次序", "开始", "结束", "撤回时间", "限时秒", "用时秒", "超时秒"},
		{"no", "item", "speaker", "id", "unit", "attends", "kind", "requested", "status", "order", "started", "ended", "removed", "limit_seconds", "seconds", "over_seconds"}},
	"groups": {{"议程序号", "小组", "选举单位", "人数", "已报告", "召集人", "记录人", "发言人数", "审议意见", "报告时间", "报告次数"},
		{"item", "group", "units", "members", "reported", "convener", "secretary", "speakers", "opinions", "reported_at", "revision"}},
}
