package paper

import (
	"fmt"
	"strings"

	"podium/model"
	"podium/session/election"
)

// terms are the words of the paper in one language.
type terms struct {
	en bool

	ballot, rehearsal, rehearsalWatermark, notes, seats, writeIn string
	copies                                                       func(c Copies) string
	credential, idLabel, noBar, deskList, deskNote               string
	deskHead                                                     []string
	kinds                                                        [3]string

	zeroTitle, testTitle, notCounted, sign, date, rehearsalReport string
	countHead, testHead, zeroSigners, testSigners                 []string
	zeroNote                                                      func(keyed int) string
	testNote                                                      func(n int) string
	fields                                                        map[string]string
	deckLabel                                                     func(id string, n int) string
}

// field is a figure's name in words.
func (w terms) field(f string) string {
	if s, ok := w.fields[f]; ok {
		return s
	}
	return f
}

// kind is a person's kind in words: 正式代表, 列席代表, 特邀代表.
func (w terms) kind(k model.Kind) string {
	if int(k) < len(w.kinds) {
		return w.kinds[k]
	}
	return k.String()
}

var zhTerms = terms{
	ballot: "选票", rehearsal: "演练用票 · 不是正式选票", rehearsalWatermark: "演练", notes: "说明",
	seats: "应选 %d 名", writeIn: "另选人",
	copies: func(c Copies) string {
		who := "正式代表"
		if c.Present {
			who = "出席正式代表"
		}
		return fmt.Sprintf("印制 %d 张（%s %d 名，备用 %d 张）。选票不编号。", c.Total(), who, c.Delegates, c.Spares)
	},
	credential: "代表证", idLabel: "编号 ", noBar: "编号含条码不能表示的字符，请手工签到",
	deskList: "签到处备用条码表", deskNote: "供忘带代表证的代表使用：核对本人后扫描其条码签到。",
	deskHead: []string{"序号", "姓名", "类别", "编号", "条码"},
	kinds:    [3]string{"正式代表", "列席代表", "特邀代表"},

	zeroTitle: "零票报告", testTitle: "演练测试报告", notCounted: "本轮未计票：", sign: "签名：", date: "日期：",
	rehearsalReport: "演练 · 本件不是正式记录",
	countHead:       []string{"序号", "类别", "候选人", "赞成", "不赞成", "弃权"},
	testHead:        []string{"候选人", "类别", "项目", "预期", "计票", "核对"},
	zeroSigners:     []string{"计票人", "监票人", "总监票人"},
	testSigners:     []string{"计票人", "监票人", "总监票人", "主持人"},
	zeroNote: func(k int) string {
		return fmt.Sprintf("计票开始前，本轮已录入选票 %d 张，每位候选人的赞成、不赞成、弃权票数均为 0。监票人核对无误后签名。", k)
	},
	testNote: func(n int) string {
		return fmt.Sprintf("测试票共 %d 张：每位候选人所得赞成票数互不相同，另有多选票、空白票、另选他人票（画“×”的与未画“×”的各一张）和作废票。预期结果按测试票的构成计算，不经计票程序。", n)
	},
	fields: map[string]string{"approve": "赞成", "disapprove": "不赞成", "abstain": "弃权", "collected": "收回",
		"valid": "有效", "invalid": "无效", "write_in": "另选人得票", "candidates": "候选人数"},
	deckLabel: func(id string, n int) string { return fmt.Sprintf("演练测试票 %s（共 %d 张）", id, n) },
}

var enTerms = terms{
	en:     true,
	ballot: "Ballot", rehearsal: "REHEARSAL - not a ballot of the election", rehearsalWatermark: "REHEARSAL", notes: "How to vote",
	seats: "%d to elect", writeIn: "Write-in",
	copies: func(c Copies) string {
		who := "formal delegates"
		if c.Present {
			who = "formal delegates present"
		}
		return fmt.Sprintf("Print %d copies (%d %s, %d spares). Ballots carry no number.", c.Total(), c.Delegates, who, c.Spares)
	},
	credential: "Credential", idLabel: "ID ", noBar: "The id has characters a barcode cannot carry: check in by name",
	deskList: "Check-in desk: spare barcodes", deskNote: "For delegates who forgot their credential: check who they are, then scan their barcode.",
	deskHead: []string{"No.", "Name", "Kind", "ID", "Barcode"},
	kinds:    [3]string{"Formal delegate", "Observer", "Guest"},

	zeroTitle: "Zero report", testTitle: "Rehearsal test report", notCounted: "The round was not counted: ", sign: "Signature:", date: "Date:",
	rehearsalReport: "REHEARSAL - not an official record",
	countHead:       []string{"No.", "Category", "Candidate", "Approve", "Disapprove", "Abstain"},
	testHead:        []string{"Candidate", "Category", "Figure", "Expected", "Counted", "Check"},
	zeroSigners:     []string{"Counter", "Scrutineer", "Chief scrutineer"},
	testSigners:     []string{"Counter", "Scrutineer", "Chief scrutineer", "Chair"},
	zeroNote: func(k int) string {
		return fmt.Sprintf("Before counting, %d ballots are keyed in this round and every candidate has 0 approvals, 0 disapprovals, 0 abstentions. The scrutineers sign once they have checked it.", k)
	},
	testNote: func(n int) string {
		return fmt.Sprintf("The test deck has %d ballots: each candidate receives a different number of approvals; there are over-selected, blank, write-in (one beside a ×, one without) and spoiled ballots. The expected result is computed from the deck, not by the counter.", n)
	},
	fields: map[string]string{"approve": "approve", "disapprove": "disapprove", "abstain": "abstain", "collected": "collected",
		"valid": "valid", "invalid": "invalid", "write_in": "write-in approvals", "candidates": "candidates"},
	deckLabel: func(id string, n int) string { return fmt.Sprintf("Rehearsal test ballot %s (of %d)", id, n) },
}

func termsFor(lang string) terms {
	if lang == "en" {
		return enTerms
	}
	return zhTerms
}

// roundLine names the round: 第 1 轮 · 正式选举, 第 2 轮 · 重新投票 (得票相等的
// 候选人), 第 3 轮 · 另行选举, or 重新选举 after a void round.
func (w terms) roundLine(no int, kind election.Kind, revote bool) string {
	if w.en {
		k := map[election.Kind]string{election.Regular: "election", election.Runoff: "runoff among the tied candidates",
			election.Second: "second round for the seats not filled"}[kind]
		if revote {
			k += ", voted again (the previous round was void)"
		}
		return fmt.Sprintf("Round %d: %s", no, k)
	}
	k := map[election.Kind]string{election.Regular: "正式选举", election.Runoff: "重新投票（在得票相等的候选人中）",
		election.Second: "另行选举（不足的名额）"}[kind]
	if revote {
		k += "，重新进行选举（上一轮选举无效）"
	}
	return fmt.Sprintf("第 %d 轮 · %s", no, k)
}

// instructions are the ballot's notes, as the method says (附件3 §6 by
// default): how to mark, the write-ins the method allows in this round,
// and when a ballot (or a category's part) is invalid.
func (w terms) instructions(b Ballot) []string {
	m := b.Method
	writeIns := b.Kind == election.Regular && m.WriteIns == model.WriteInsWithDisapproval
	cats := len(m.Categories) > 0
	var out []string
	if w.en {
		out = append(out, "For each candidate: to approve, draw ○ in the box to the left of the name; to disapprove, draw ×; a box left blank is an abstention.")
		switch {
		case writeIns:
			out = append(out, "To write in another person, draw × to the left of a candidate's name and write the person's name in a write-in space"+
				map[bool]string{true: " of the same category", false: ""}[cats]+"; one write-in for each ×. An abstention allows no write-in.")
		case b.Kind == election.Runoff:
			out = append(out, "This runoff is among the candidates who tied; the most approvals win. No write-ins.")
		case b.Kind == election.Second:
			out = append(out, "This second round fills the seats not filled, among the candidates not elected. No write-ins.")
		default:
			out = append(out, "Write-ins are not allowed.")
		}
		sel := "Selections are the ○ marks"
		if writeIns {
			sel += " and the names written in"
		}
		switch {
		case !cats:
			out = append(out, sel+". A ballot with more selections than seats is invalid.")
		case m.OverSelection == model.OverSelectionBallot:
			out = append(out, sel+", counted per category. More selections than seats in any category make the whole ballot invalid.")
		default:
			out = append(out, sel+", counted per category. A category with more selections than its seats is invalid on this ballot; the other categories still count.")
		}
		return out
	}
	out = append(out, "对每位候选人可以表示赞成、不赞成或弃权：赞成的，在其姓名左侧的空格内画“○”；不赞成的，画“×”；不画任何符号的，视为弃权。")
	switch {
	case writeIns:
		s := "另选他人的，须在该候选人姓名左侧画“×”，并在另选人栏内写上另选人的姓名，每画一个“×”可另选一人；投弃权票的，不能另选他人。"
		if cats {
			s = "另选他人的，须在该候选人姓名左侧画“×”，并在同一类别的另选人栏内写上另选人的姓名，每画一个“×”可另选一人；投弃权票的，不能另选他人。"
		}
		out = append(out, s)
	case b.Kind == election.Runoff:
		out = append(out, "本轮在得票相等的候选人中重新投票，得票多者当选；不得另选他人。")
	case b.Kind == election.Second:
		out = append(out, "本轮在未当选的候选人中另行选举不足的名额；不得另选他人。")
	default:
		out = append(out, "不得另选他人。")
	}
	sel := "所选人数为画“○”的人数"
	if writeIns {
		sel += "与另选人数之和"
	}
	switch {
	case !cats:
		out = append(out, sel+"。本选票所选人数多于应选名额的无效。")
	case m.OverSelection == model.OverSelectionBallot:
		out = append(out, sel+"，按类别计算。任一类别所选人数多于该类别应选名额的，本选票无效。")
	default:
		out = append(out, sel+"，按类别计算。某一类别所选人数多于该类别应选名额的，该类别无效，其余类别仍然有效。")
	}
	return out
}

// partHead is a category's heading: 主席团（应选 3 名）, or 应选 13 名.
func (w terms) partHead(p Part) string {
	seats := fmt.Sprintf(w.seats, p.Seats)
	if p.Category == "" {
		return seats
	}
	if w.en {
		return p.Category + " (" + seats + ")"
	}
	return p.Category + "（" + seats + "）"
}

// title is the ballot's title: the election and 选票.
func (w terms) title(body string) string {
	if w.en {
		return body + ": " + w.ballot
	}
	return strings.TrimSuffix(body, "选票") + w.ballot
}
