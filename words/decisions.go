package words

import (
	"fmt"
	"strings"
)

// The words of the decisions that the counter's tally sheet, the screens
// and the records all write: why a ballot is invalid or partly invalid
// (RULES §6.3), how a round was counted (RULES §7), and a name with the
// unit that tells two people of that name apart.

// OverPart is one over-selected part of a ballot: its category ("": the
// whole ballot), the selections on it and the open seats.
type OverPart struct {
	Category          string
	Selections, Seats int
}

// Overselected says why a ballot is invalid by over-selection, or partly
// invalid (partly: its other categories are valid and counted):
//
//	部分无效：分院学生会所选 8 人，多于应选 7 名；其余类别有效
//	无效：所选 14 人，多于应选 13 名
//	partly invalid: 分院学生会: 8 selected, more than its 7 seats; the other categories are valid
func Overselected(parts []OverPart, partly bool, lang string) string {
	var ps []string
	for _, p := range parts {
		switch {
		case p.Selections == 0 && p.Seats == 0 && isEnglish(lang): // figures not stored (before codec 3)
			ps = append(ps, strings.TrimPrefix(p.Category+": more selections than seats", ": "))
		case p.Selections == 0 && p.Seats == 0:
			ps = append(ps, p.Category+"所选人数多于应选名额")
		case isEnglish(lang) && p.Category != "":
			ps = append(ps, fmt.Sprintf("%s: %d selected, more than its %d seats", p.Category, p.Selections, p.Seats))
		case isEnglish(lang):
			ps = append(ps, fmt.Sprintf("%d selected, more than the %d seats", p.Selections, p.Seats))
		default:
			ps = append(ps, fmt.Sprintf("%s所选 %d 人，多于应选 %d 名", p.Category, p.Selections, p.Seats))
		}
	}
	if isEnglish(lang) {
		if partly {
			return "partly invalid: " + strings.Join(ps, "; ") + "; the other categories are valid"
		}
		return "invalid: " + strings.Join(ps, "; ")
	}
	if partly {
		return "部分无效：" + strings.Join(ps, "；") + "；其余类别有效"
	}
	return "无效：" + strings.Join(ps, "；")
}

// Spoiled says a ballot is invalid because the scrutineers declared it
// spoiled: 无效（作废）：有记号 / invalid (spoiled): identifying marks.
func Spoiled(reason, lang string) string {
	if isEnglish(lang) {
		return "invalid (spoiled): " + reason
	}
	return "无效（作废）：" + reason
}

// CountMethod names how a round was counted (session.CountMethod's
// values: "tally", "single", "double"): 计票单录入, 单人录入, 双人核对;
// "" for a round not counted.
func CountMethod(m, lang string) string {
	zh := map[string]string{"tally": "计票单录入", "single": "单人录入", "double": "双人核对"}
	en := map[string]string{"tally": "entered from the tally sheet", "single": "ballots keyed by one teller",
		"double": "ballots keyed by two tellers, checked against each other"}
	if isEnglish(lang) {
		return en[m]
	}
	return zh[m]
}

// WithUnit writes a name with the unit that tells its bearer apart from
// another of that name: 张伟（药学与医学技术分院）, 张伟 (药学与医学技术分院).
func WithUnit(name, unit, lang string) string {
	if unit == "" {
		return name
	}
	if isEnglish(lang) {
		return name + " (" + unit + ")"
	}
	return name + "（" + unit + "）"
}
