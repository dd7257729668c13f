package records

import (
	"fmt"
	"strings"

	"podium/model"
	"podium/words"
)

// The sentences of the documents, built from figures, in the record's
// language: Chinese with full-width punctuation, English with ASCII
// punctuation and real plurals.

func (w terms) colon() string { return w.pick("：", ": ") }
func (w terms) sep2() string  { return w.pick("；", "; ") }
func (w terms) stop() string  { return w.pick("。", ".") }
func (w terms) dashWord() string {
	return w.pick("—", "-")
}

func (w terms) pick(zh, en string) string {
	if w.zh {
		return zh
	}
	return en
}

// paren puts s in brackets: full-width in Chinese.
func (w terms) paren(s string) string { return w.pick("（"+s+"）", " ("+s+")") }

// dash shows -1 (not recorded) as a dash.
func (w terms) dash(n int) cell {
	if n < 0 {
		return txt(w.dashWord())
	}
	return num(n)
}

// numOrDash shows a count that may be unknown (nil) as a dash.
func (w terms) numOrDash(n *int) cell {
	if n == nil {
		return txt(w.dashWord())
	}
	return num(*n)
}

func (w terms) yesNo(adopted bool) string {
	if adopted {
		return w.adopted
	}
	return w.rejected
}

func (w terms) countText(c Count) string {
	if w.zh {
		return fmt.Sprintf("应到 %d、实到 %d", c.Expected, c.Present)
	}
	return fmt.Sprintf("%d expected, %d present", c.Expected, c.Present)
}

// ruleCell is a vote's rule with its base and the votes it needs:
// 全体代表的二分之一以上（122名），需61票.
func (w terms) ruleCell(v Vote) string {
	if w.zh {
		return fmt.Sprintf("%s（%d名），需%d票", v.RuleText, v.Base, v.Need)
	}
	return fmt.Sprintf("%s (%d): %d needed", v.RuleText, v.Base, v.Need)
}

// voteCounts is a vote's counts and the votes it needed.
func (w terms) voteCounts(v Vote) string {
	if w.zh {
		return fmt.Sprintf("赞成%d票，反对%d票，弃权%d票，需%d票", v.For, v.Against, v.Abstain, v.Need)
	}
	return fmt.Sprintf("%d for, %d against, %s; %d needed", v.For, v.Against, plural(v.Abstain, "abstention", "abstentions"), v.Need)
}

// derivation is a vote's outcome with its derivation, for the script.
func (w terms) derivation(need, yes int, adopted bool) string {
	if w.zh {
		return fmt.Sprintf("需%d票，赞成%d票，%s", need, yes, w.yesNo(adopted))
	}
	return fmt.Sprintf("%d needed, %d for: %s", need, yes, w.yesNo(adopted))
}

// adoptedBy is the line under a resolution: when and by which vote.
func (w terms) adoptedBy(at string, v Vote) string {
	if w.zh {
		return fmt.Sprintf("（%s %s通过：%s。）", at, w.word(v.Method), w.voteCounts(v))
	}
	return fmt.Sprintf("(Adopted by %s on %s: %s.)", w.word(v.Method), at, w.voteCounts(v))
}

func (w terms) resolutionNo(n int) string {
	if w.zh {
		return "决议" + words.Number(n, "zh") + "　"
	}
	return fmt.Sprintf("Resolution %d: ", n)
}

func (w terms) article(n int) string {
	if w.zh {
		return words.Number(n, "zh") + "、"
	}
	return fmt.Sprintf("%d. ", n)
}

func (w terms) roundTitle(no int, kind string) string {
	s := fmt.Sprintf(w.pick("第%d轮", "Round %d"), no)
	if kind != "" {
		s += w.paren(w.word(kind))
	}
	return s
}

func (w terms) baseWord(b model.Base) string {
	if b == model.BasePresent {
		return w.pick("实到代表", "the delegates present")
	}
	return w.pick("全体代表", "all delegates")
}

// countingWords is how a round was counted, with the tellers who keyed.
func (w terms) countingWords(x Round) string {
	s := w.word(x.Counting)
	if (x.Counting == "single" || x.Counting == "double" || x.Counting == "keying") && len(x.Tellers) > 0 {
		s += w.paren(strings.Join(x.Tellers, w.sep))
	}
	return s
}

// setAsideWords says what a switch of the round's counting set aside (kept,
// never counted), by whom, and why (RULES §6.3).
func (w terms) setAsideWords(a SetAside) string {
	what := w.pick("一份计票单", "a tally sheet")
	if !a.Tally {
		what = w.pick(fmt.Sprintf("%s 录入的 %d 张选票", a.Teller, a.Ballots), fmt.Sprintf("%d ballots keyed by %s", a.Ballots, a.Teller))
	}
	return fmt.Sprintf(w.pick("已搁置、不计入：%s；原因：%s", "Set aside, not counted: %s; reason: %s"), what, a.Reason)
}

// seatsIn is a number of seats in a category.
func (w terms) seatsIn(cat string, n int) string {
	if w.zh {
		return fmt.Sprintf("%s%d名", cat, n)
	}
	if cat == "" {
		return plural(n, "seat", "seats")
	}
	return fmt.Sprintf("%s %s", cat, plural(n, "seat", "seats"))
}

// pendingText is a runoff's or second round's seats and candidates.
func (w terms) pendingText(p Pending) string {
	names := joinWords(w, p.Candidates)
	if w.zh {
		return fmt.Sprintf("%s，候选人：%s", w.seatsIn(p.Category, p.Seats), names)
	}
	return fmt.Sprintf("%s among %s", w.seatsIn(p.Category, p.Seats), names)
}

// invalidText is the invalid ballots in a line: the whole ballots where
// known, and each category's invalid parts.
func (w terms) invalidText(x Round) string {
	var s string
	if x.Invalid != nil {
		if *x.Invalid == 0 && len(x.Categories) < 2 {
			return w.none
		}
		s = fmt.Sprintf(w.pick("%d张", "%d"), *x.Invalid)
		if x.PartlyInvalid != nil && *x.PartlyInvalid > 0 {
			s += w.paren(fmt.Sprintf(w.pick("其中部分无效%d张", "%d partly invalid"), *x.PartlyInvalid))
		}
	}
	if len(x.Categories) > 1 {
		var parts []string
		for _, c := range x.Categories {
			parts = append(parts, fmt.Sprintf(w.pick("%s%d张", "%s %d"), c.Name, c.Invalid))
		}
		cats := w.pick("按类别：", "by category: ") + strings.Join(parts, w.sep)
		if s == "" {
			return cats
		}
		s += w.sep2() + cats
	}
	if s == "" {
		return w.none
	}
	return s
}

// thresholdText is the approvals needed in words: 赞成票超过应到人数122的
// 二分之一，即62票以上.
func (w terms) thresholdText(r Rule, base int, of string, need int) string {
	if w.zh {
		if r.Strict {
			return fmt.Sprintf("赞成票超过%s%d的%s，即%d票以上", of, base, words.Fraction(r.fraction(), "zh"), need)
		}
		return fmt.Sprintf("赞成票达到%s%d的%s以上，即%d票以上", of, base, words.Fraction(r.fraction(), "zh"), need)
	}
	return fmt.Sprintf("approvals %s of the %d %s, that is at least %d", fractionWords(r), base, of, need)
}

func (w terms) quorumAnnouncement(expected, present int, q Rule) string {
	if w.zh {
		verb := words.Reach(q.fraction())
		return fmt.Sprintf("本次选举应到代表%d名，实到%d名，%s应到人数的%s，可以进行选举。", expected, present, verb, words.Fraction(q.fraction(), "zh"))
	}
	return fmt.Sprintf("%s expected, %d present: %s of those expected, so the election may proceed.",
		plural(expected, "delegate", "delegates"), present, fractionWords(q))
}

// ballotsAnnouncement is the ballots' sentence of RULES §6.5; void is the
// core's verdict (session.Round.Void).
func (w terms) ballotsAnnouncement(issued, collected int, void bool) string {
	if w.zh {
		switch {
		case void:
			return fmt.Sprintf("发出选票%d张，收回%d张，收回的选票多于发出的选票，选举无效，应重新进行选举。", issued, collected)
		case collected < issued:
			return fmt.Sprintf("发出选票%d张，收回%d张，收回的选票少于发出的选票，选举有效。", issued, collected)
		}
		return fmt.Sprintf("发出选票%d张，收回%d张，收回的选票等于发出的选票，选举有效。", issued, collected)
	}
	if void {
		return fmt.Sprintf("%s issued, %d collected: more collected than issued, so the round is void and is voted again.",
			plural(issued, "ballot", "ballots"), collected)
	}
	return fmt.Sprintf("%s issued, %d collected: no more collected than issued, so the round is valid.", plural(issued, "ballot", "ballots"), collected)
}

func (w terms) validAnnouncement(valid, invalid int, partly *int) string {
	if w.zh {
		s := fmt.Sprintf("有效票%d张，无效票%d张", valid, invalid)
		if partly != nil && *partly > 0 {
			s += fmt.Sprintf("（其中部分无效%d张，其有效类别照常计票）", *partly)
		}
		return s + "。"
	}
	s := fmt.Sprintf("%s valid, %d invalid", plural(valid, "ballot", "ballots"), invalid)
	if partly != nil && *partly > 0 {
		s += fmt.Sprintf(" (%d partly invalid, their valid categories counted)", *partly)
	}
	return s + "."
}

func (w terms) categoryValid(name string, valid, invalid int) string {
	if w.zh {
		return fmt.Sprintf("%s有效%d张、无效%d张", name, valid, invalid)
	}
	return fmt.Sprintf("%s %d valid, %d invalid", name, valid, invalid)
}

func (w terms) perCategory(parts []string) string {
	if w.zh {
		return "按类别计：" + strings.Join(parts, "；") + "。"
	}
	return "By category: " + strings.Join(parts, "; ") + "."
}

func (w terms) electedAnnouncement(names []string) string {
	if w.zh {
		return fmt.Sprintf("当选%d名：%s。", len(names), joinWords(w, names))
	}
	return fmt.Sprintf("%d elected: %s.", len(names), joinWords(w, names))
}

func (w terms) runoffAnnouncement(p Pending) string {
	if w.zh {
		return fmt.Sprintf("%s得票相等，应在其中重新投票，选出%d名。", joinWords(w, p.Candidates), p.Seats)
	}
	return fmt.Sprintf("%s are tied: they are voted on again for %s.", joinWords(w, p.Candidates), plural(p.Seats, "seat", "seats"))
}

func (w terms) secondAnnouncement(p Pending) string {
	if w.zh {
		return fmt.Sprintf("当选人数少于应选名额，%s尚缺%d名，应在未当选的候选人中另行选举。", p.Category, p.Seats)
	}
	return fmt.Sprintf("Too few were elected: %s still open in %s, to be filled by a second round among those not elected.",
		plural(p.Seats, "seat is", "seats are"), p.Category)
}

func (w terms) issuedN(n int) string {
	return w.pick(fmt.Sprintf("发出选票%d张", n), plural(n, "ballot", "ballots")+" issued")
}
func (w terms) collectedN(n int) string {
	return w.pick(fmt.Sprintf("收回%d张", n), fmt.Sprintf("%d collected", n))
}
func (w terms) electedN(names []string) string {
	return w.pick(fmt.Sprintf("当选%d名：%s", len(names), joinWords(w, names)), fmt.Sprintf("%d elected: %s", len(names), joinWords(w, names)))
}
func (w terms) runoffBrief(p Pending) string {
	if w.zh {
		return fmt.Sprintf("%s%d名重新投票：%s", p.Category, p.Seats, joinWords(w, p.Candidates))
	}
	return fmt.Sprintf("a runoff for %s in %s among %s", plural(p.Seats, "seat", "seats"), p.Category, joinWords(w, p.Candidates))
}
func (w terms) secondBrief(p Pending) string {
	if w.zh {
		return fmt.Sprintf("%s%d名另行选举", p.Category, p.Seats)
	}
	return fmt.Sprintf("a second round for %s in %s", plural(p.Seats, "seat", "seats"), p.Category)
}

// quorumWords is the {quorum} of the script: the quorum and whether it is
// met.
func (w terms) quorumWords(q Rule, met bool) string {
	if w.zh {
		verb := words.Reach(q.fraction())
		if met {
			return fmt.Sprintf("%s应到人数的%s，符合法定人数", verb, words.Share(q.fraction(), "zh"))
		}
		return fmt.Sprintf("未%s应到人数的%s，不符合法定人数", verb, words.Share(q.fraction(), "zh"))
	}
	if met {
		return fmt.Sprintf("%s of those expected: the quorum is met", fractionWords(q))
	}
	return fmt.Sprintf("not %s of those expected: the quorum is not met", fractionWords(q))
}

func (w terms) questionOutcome(q Question) string {
	switch q.Status {
	case "answered":
		s := q.Answer
		if q.AnsweredBy != "" {
			s += w.paren(q.AnsweredBy)
		}
		return s
	case "on_notice":
		return w.word("on_notice") + w.sep2() + w.dueLower + " " + q.Due
	}
	return w.word("question_pending")
}

func (w terms) motionStatus(s string) string {
	if s == "pending" {
		return w.word("motion_pending")
	}
	return w.word(s)
}

func (w terms) questionStatus(s string) string {
	if s == "pending" {
		return w.word("question_pending")
	}
	return w.word(s)
}

// motionOutcome is what became of a motion: its vote, or the due date of
// its answer as an opinion.
func (w terms) motionOutcome(m Motion) string {
	switch {
	case m.Adopted != nil && w.zh:
		return fmt.Sprintf("经第%d次表决%s", m.Vote, w.yesNo(*m.Adopted))
	case m.Adopted != nil:
		return fmt.Sprintf("%s by vote %d", w.yesNo(*m.Adopted), m.Vote)
	case m.Status == "declined":
		return w.dueLower + " " + m.Due
	}
	return ""
}

// motionVote is a motion's vote and outcome, "" when not voted.
func (w terms) motionVote(m Motion) string {
	if m.Adopted == nil {
		return ""
	}
	return w.motionOutcome(m)
}

func (w terms) targetText(t string) string {
	if w.zh {
		return strings.NewReplacer(">= ", "不低于", " ±", "左右，±").Replace(t)
	}
	if s, ok := strings.CutPrefix(t, ">= "); ok {
		return "at least " + s
	}
	return strings.Replace(t, " ±", " ± ", 1) + " points"
}

func (w terms) missingN(n int) string {
	return w.pick(fmt.Sprintf("%d人资料不全", n), fmt.Sprintf("%d without data", n))
}

func (w terms) credentialsSummary(c Credentials) string {
	units := 0
	for _, u := range c.Units {
		if u.Formal > 0 {
			units++
		}
	}
	if w.zh {
		return fmt.Sprintf("本次大会应出席正式代表%d名，由%d个选举单位产生；另有列席代表%d名、特邀代表%d名。", c.Formal, units, c.Observers, c.Guests)
	}
	return fmt.Sprintf("%s from %s are expected at this congress, with %s and %s.",
		plural(c.Formal, "formal delegate", "formal delegates"), plural(units, "electoral unit", "electoral units"),
		plural(c.Observers, "observer", "observers"), plural(c.Guests, "invited guest", "invited guests"))
}

func (w terms) compositionNote(c Credentials) string {
	date := c.Date
	if w.zh {
		if date == "" {
			return fmt.Sprintf("正式代表的构成与大会筹备方案（附件4）的要求对照；“左右”按±%d个百分点计。未定会议日期，年龄一项无法计算。", c.Tolerance)
		}
		return fmt.Sprintf("正式代表的构成与大会筹备方案（附件4）的要求对照；“左右”按±%d个百分点计，年龄按%s计算。", c.Tolerance, date)
	}
	if date == "" {
		return fmt.Sprintf("The formal delegates against the targets of the congress plan (annex 4); \"about\" is taken as within %d points. Without the congress date, ages cannot be counted.", c.Tolerance)
	}
	return fmt.Sprintf("The formal delegates against the targets of the congress plan (annex 4); \"about\" is taken as within %d points; ages are counted on %s.", c.Tolerance, date)
}

func (w terms) delegatesNote(formal, units int) string {
	if w.zh {
		return fmt.Sprintf("据代表名册：正式代表%d名，来自%d个选举单位。各代表的推荐和选举过程未记入本记录，请据代表选举材料填写。", formal, units)
	}
	return fmt.Sprintf("From the roster: %s from %s. How each was recommended and elected is not in this record: fill in from the delegates' election papers.",
		plural(formal, "formal delegate", "formal delegates"), plural(units, "electoral unit", "electoral units"))
}

func (w terms) presidiumNote(election string, names []string) string {
	if w.zh {
		return fmt.Sprintf("本次大会选举%s，主席团当选%d名：%s。", election, len(names), joinWords(w, names))
	}
	return fmt.Sprintf("This congress elected %s, with %s to the presidium: %s.", election, plural(len(names), "member", "members"), joinWords(w, names))
}

func (w terms) noPresidium(election string) string {
	if w.zh {
		return fmt.Sprintf("本次大会选举%s，尚无主席团成员当选。", election)
	}
	return fmt.Sprintf("This congress elects %s; no presidium member has been elected yet.", election)
}

func (w terms) heldOn(date string) string {
	return w.pick("召开日期为："+date, "Held on "+date)
}

func (w terms) plannedFor(date string) string {
	return w.pick("召开日期为：拟定为"+date, "Planned for "+date)
}

// verdictBoxes are the form's two boxes, the verdict ticked.
func (w terms) verdictBoxes(v string) string {
	met, not := "☐", "☐"
	switch v {
	case "met":
		met = "☑"
	case "not_met":
		not = "☑"
	}
	if !w.zh {
		return met + " met\n" + not + " not met"
	}
	return met + "达标\n" + not + "未达标"
}
