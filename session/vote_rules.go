package session

import (
	"podium/model"
	"podium/session/rule"
)

// RoundQuorum answers "may a round open with this attendance?" by the
// adopted method's quorum: whether c meets it and the present needed.
func (v *Vote) RoundQuorum(c Count) (met bool, need int) {
	return rule.Meets(v.Method.Quorum, c.Present, c.Expected), rule.Need(v.Method.Quorum, c.Expected)
}

// ThresholdNeed returns the approvals a candidate needs to pass (当选票数)
// with the attendance c, and false when the method measures the threshold
// against the valid ballots, which are known only after the count.
func (v *Vote) ThresholdNeed(c Count) (need int, known bool) {
	switch v.Method.ThresholdBase {
	case model.BasePresent:
		return rule.Need(v.Method.Threshold, c.Present), true
	case model.BaseValid:
		return 0, false
	}
	return rule.Need(v.Method.Threshold, c.Expected), true
}
