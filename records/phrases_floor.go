package records

import "fmt"

// floorSummary is an item's speeches in one sentence: how many, their
// time, those over their limit, the points of order, the requests not
// reached and the item's time against its plan.
func (w terms) floorSummary(f Floor, planned int) string {
	if w.zh {
		s := fmt.Sprintf("发言 %d 人次", f.Speeches)
		if f.PointsOfOrder > 0 {
			s += fmt.Sprintf("（其中程序性动议 %d 次）", f.PointsOfOrder)
		}
		s += "，共 " + clock(f.SpokenSeconds)
		if f.OverSpeeches > 0 {
			s += fmt.Sprintf("，超时 %d 人次", f.OverSpeeches)
		}
		if f.NotReached > 0 {
			s += fmt.Sprintf("；登记未发言 %d 人", f.NotReached)
		}
		s += fmt.Sprintf("；每人限时 %s（补充发言、程序性动议 %s）", clock(f.SpeechSeconds), clock(f.ShortSeconds))
		if f.ItemSeconds > 0 {
			s += "；本项用时 " + clock(f.ItemSeconds)
			if planned > 0 {
				s += fmt.Sprintf("（计划 %d 分钟）", planned)
			}
		}
		return s + "。"
	}
	s := plural(f.Speeches, "speech", "speeches")
	if f.PointsOfOrder > 0 {
		s += " (" + plural(f.PointsOfOrder, "point of order", "points of order") + ")"
	}
	s += ", " + clock(f.SpokenSeconds) + " in all"
	if f.OverSpeeches > 0 {
		s += fmt.Sprintf(", %d over the limit", f.OverSpeeches)
	}
	if f.NotReached > 0 {
		s += fmt.Sprintf("; %d on the list not reached", f.NotReached)
	}
	s += fmt.Sprintf("; a speech may take %s (supplementary speeches and points of order %s)", clock(f.SpeechSeconds), clock(f.ShortSeconds))
	if f.ItemSeconds > 0 {
		s += "; the item took " + clock(f.ItemSeconds)
		if planned > 0 {
			s += fmt.Sprintf(" (%d minutes planned)", planned)
		}
	}
	return s + "."
}

// groupsReported says how many of an item's groups have reported.
func (w terms) groupsReported(reported, n int) string {
	if w.zh {
		return fmt.Sprintf("分 %d 个小组审议，已报告审议意见 %d 组。", n, reported)
	}
	return fmt.Sprintf("Deliberated in %s; %d reported.", plural(n, "group", "groups"), reported)
}
