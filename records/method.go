package records

import (
	"fmt"
	"strings"

	"podium/model"
	"podium/words"
)

// methodText writes the election method in force as articles, after the
// seed's method (附件3): seats and candidates, the secret ballot, the
// quorum and the validity of a round, how to mark a ballot, when a ballot
// is invalid, the threshold and what follows from it, the announcements,
// the scrutineers and the adoption. Each article is one string, without
// its number.
func methodText(b builder, e *Election) []string {
	if b.zh {
		return methodZh(b, e)
	}
	return methodEn(b, e)
}

// candidatesIn counts the approved candidates of a category ("" : all).
func candidatesIn(e *Election, cat string) int {
	n := 0
	for _, c := range e.Candidates {
		if cat == "" || c.Category == cat {
			n++
		}
	}
	return n
}

func methodZh(b builder, e *Election) []string {
	var a []string
	seats := fmt.Sprintf("本次选举产生%s，应选名额%d名", e.Name, e.Seats)
	if len(e.Categories) > 0 {
		var parts []string
		for _, c := range e.Categories {
			parts = append(parts, fmt.Sprintf("%s%d名", c.Category, c.Seats))
		}
		seats += "，其中" + strings.Join(parts, "、")
	}
	a = append(a, seats+"。")
	kind := func(cands, seats int) string {
		if cands > seats {
			return fmt.Sprintf("差额选举，差额%d名", cands-seats)
		}
		return "等额选举"
	}
	cands := fmt.Sprintf("候选人%d名，按批准的顺序排列", len(e.Candidates))
	if len(e.Categories) > 0 {
		var parts []string
		for _, c := range e.Categories {
			n := candidatesIn(e, c.Category)
			parts = append(parts, fmt.Sprintf("%s候选人%d名（%s）", c.Category, n, kind(n, c.Seats)))
		}
		cands += "：" + strings.Join(parts, "，")
	} else {
		cands += "，实行" + kind(len(e.Candidates), e.Seats)
	}
	a = append(a, cands+"。", "选举采用无记名投票方式。")
	reach, tail := words.Reach(e.Quorum.fraction()), "以上"
	if e.Quorum.Strict {
		tail = ""
	}
	a = append(a, fmt.Sprintf("选举时，实到会代表必须%s应到会代表的%s%s，方可进行选举。选举收回的选票等于或少于发出的选票，选举有效；"+
		"收回的选票多于发出的选票，选举无效，应重新进行选举。", reach, words.Fraction(e.Quorum.fraction(), "zh"), tail))
	marks := "代表对每位候选人可以表示赞成、不赞成或弃权：赞成的，在其姓名左侧的空格内画“○”；不赞成的，画“×”；不画任何符号的，视为弃权。"
	if e.WriteIns == "with_disapproval" {
		marks += "投不赞成票的可以另选他人，在另选人栏内写上另选人的姓名，每画一个“×”可另选一人；投弃权票的，不能另选他人。"
	} else {
		marks += "不得另选他人。"
	}
	a = append(a, marks)
	valid := "每张选票所选的人数等于或少于应选名额的为有效票，多于应选名额的为无效票。"
	if len(e.Categories) > 0 {
		if e.OverSelection == "ballot" {
			valid = "所选人数按类别计算：任一类别所选人数多于该类别应选名额的，整张选票无效。"
		} else {
			valid = "所选人数按类别计算：某一类别所选人数等于或少于该类别应选名额的，该类别有效；多于的，该类别无效，其余类别仍然有效。"
		}
	}
	a = append(a, valid)
	base := map[string]string{"expected": "应到会代表", "present": "实到会代表", "valid": "有效票"}[e.ThresholdBase]
	thr := fmt.Sprintf("候选人得赞成票数超过%s的%s为当选", base, words.Share(e.Threshold.fraction(), "zh"))
	if !e.Threshold.Strict {
		thr = fmt.Sprintf("候选人得赞成票数达到%s的%s以上为当选", base, words.Share(e.Threshold.fraction(), "zh"))
	}
	tie := "应在票数相等的候选人中重新投票选举，得票数多者当选"
	if e.Tie == string(model.TieVacant) {
		tie = "票数相等的候选人均不当选，其余名额空缺"
	}
	a = append(a, thr+"。得赞成票数达到当选票数的候选人多于应选名额时，按得票多少为序，至取足应选名额为止；"+
		"如果最后几名候选人得赞成票数相等不能确定谁当选时，"+tie+"；"+
		"得赞成票数达到当选票数的候选人少于应选名额时，不足的名额在未当选的候选人中另行选举产生。")
	a = append(a, "被选举人得票情况，由总监票人按选票上的排列顺序向大会报告；当选名单，由会议主持人按候选人顺序向大会宣布。",
		"选举设监票人1名、总监票人1名，在到会正式代表中推选产生；已提名为候选人的不能担任监票人。监票人对选举工作的全过程进行监督。"+
			"计票人由会议主持人指定，在监票人监督下进行工作。",
		"本选举办法经大会通过后生效。")
	return a
}

func methodEn(b builder, e *Election) []string {
	var a []string
	seats := fmt.Sprintf("This election elects %s: %s", e.Name, plural(e.Seats, "seat", "seats"))
	if len(e.Categories) > 0 {
		var parts []string
		for _, c := range e.Categories {
			parts = append(parts, fmt.Sprintf("%d for %s", c.Seats, c.Category))
		}
		seats += ", " + strings.Join(parts, ", ")
	}
	a = append(a, seats+".")
	kind := func(cands, seats int) string {
		if cands > seats {
			return fmt.Sprintf("a competitive election, %s more than seats", plural(cands-seats, "candidate", "candidates"))
		}
		return "an equal election, as many candidates as seats"
	}
	cands := fmt.Sprintf("There are %s, listed in the approved order", plural(len(e.Candidates), "candidate", "candidates"))
	if len(e.Categories) > 0 {
		var parts []string
		for _, c := range e.Categories {
			n := candidatesIn(e, c.Category)
			parts = append(parts, fmt.Sprintf("%d for %s (%s)", n, c.Category, kind(n, c.Seats)))
		}
		cands += ": " + strings.Join(parts, "; ")
	} else {
		cands += "; it is " + kind(len(e.Candidates), e.Seats)
	}
	a = append(a, cands+".", "The vote is by secret ballot.")
	a = append(a, fmt.Sprintf("An election round may proceed only when the delegates present are %s of those expected. "+
		"A round in which no more ballots are collected than were issued is valid; when more are collected than issued, "+
		"it is void and is voted again.", fractionWords(e.Quorum)))
	marks := "For each candidate a delegate may approve, by drawing ○ in the box to the left of the name, disapprove, by drawing ×, " +
		"or abstain, by leaving the box blank."
	if e.WriteIns == "with_disapproval" {
		marks += " A delegate who disapproves of a candidate may write in another person, one for each ×; an abstention allows no write-in."
	} else {
		marks += " Write-ins are not allowed."
	}
	a = append(a, marks)
	valid := "A ballot with as many selections as seats or fewer is valid; one with more is invalid."
	if len(e.Categories) > 0 {
		if e.OverSelection == "ballot" {
			valid = "Selections are counted per category: more selections than seats in any category make the whole ballot invalid."
		} else {
			valid = "Selections are counted per category: a category with more selections than its seats is invalid on that ballot, " +
				"and the ballot's other categories are still counted."
		}
	}
	a = append(a, valid)
	base := map[string]string{"expected": "the delegates expected", "present": "the delegates present", "valid": "the valid ballots"}[e.ThresholdBase]
	tie := "the tied are voted on again and the most approvals win"
	if e.Tie == string(model.TieVacant) {
		tie = "none of the tied is elected and their seats stay vacant"
	}
	a = append(a, fmt.Sprintf("A candidate is elected with approvals %s of %s. When more candidates reach that than there are seats, "+
		"they are elected in order of approvals until the seats are filled; when the last of them tie, %s. "+
		"When fewer reach it than there are seats, the seats left are filled by a second round among "+
		"the candidates not elected.", fractionWords(e.Threshold), base, tie))
	a = append(a, "The chief scrutineer reports each candidate's votes in the order of the ballot; the chair announces the elected "+
		"in the approved order of the candidates.",
		"One scrutineer and one chief scrutineer are chosen from the formal delegates present; no candidate may serve as a scrutineer. "+
			"The scrutineers oversee the whole election. The counters are named by the chair and work under the scrutineers' oversight.",
		"This method takes effect once the congress adopts it.")
	return a
}

// fractionWords writes a rule in English: "more than 4/5" or "1/2 or more".
func fractionWords(r Rule) string { return words.RuleExact(r.fraction(), "en") }

// plural writes a count with its noun: "1 seat", "2 seats".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
