package election

import (
	"fmt"
	"strings"

	"podium/session"
	"podium/session/election"
	"podium/tui/common"
	"podium/words"
)

// This file is the election screen's only contact with the parts of the
// session API: everything the screens read of the election goes through
// common.CopyVote; the validity preview of one ballot goes through
// judgeBallot (election.Judge).

// ballotVerdict is the validity of the ballot in the editor, as package
// election judges it before the ballot is saved.
type ballotVerdict struct {
	valid      bool
	partly     bool     // invalid in some categories, valid and counted in the others
	worded     bool     // reasons say "invalid" themselves (an over-selection)
	reasons    []string // why invalid, in the user's words
	void       []string // per write-in: why void, "" when counted
	selections int
}

// judgeBallot judges b in round r with election.Judge, the same rules the
// count uses (RULES §6.3), and puts the reasons in t's words.
func judgeBallot(c *common.Common, v *session.Vote, r *session.Round, b election.Ballot) ballotVerdict {
	t := c.Texts.V
	vd := election.Judge(v.ElectionRound(r), b)
	out := ballotVerdict{valid: vd.Valid, partly: vd.Partly, selections: vd.Selections, void: make([]string, len(b.WriteIns))}
	for _, w := range vd.VoidWriteIns {
		if w.Index >= 0 && w.Index < len(out.void) {
			out.void[w.Index] = t.VoidReason(w.Reason)
		}
	}
	if vd.Valid {
		return out
	}
	switch {
	case vd.Code == election.ReasonSpoiled:
		out.reasons = append(out.reasons, t.SpoiledReason(b.Spoiled))
	case vd.PerBallot && vd.Code == election.ReasonOverSelection:
		out.worded = true
		out.reasons = append(out.reasons, words.Overselected([]words.OverPart{{Selections: vd.Selections, Seats: vd.Seats}}, false, c.Texts.Lang))
	case vd.Code == election.ReasonOverSelection:
		// 部分无效：分院学生会所选 8 人，多于应选 7 名；其余类别有效 (RULES §6.3)
		out.worded = true
		var parts []words.OverPart
		for _, p := range vd.Parts {
			if !p.Valid {
				parts = append(parts, words.OverPart{Category: p.Category, Selections: p.Selections, Seats: p.Seats})
			}
		}
		out.reasons = append(out.reasons, words.Overselected(parts, vd.Partly, c.Texts.Lang))
	default: // ReasonBadInput: the round itself is inconsistent
		out.reasons = append(out.reasons, t.CannotJudge(vd.Reason))
	}
	return out
}

// verdictLine is the ballot's validity before it is saved.
func (b *ballotEntry) verdictLine(v ballotVerdict) string {
	s, t := b.c.Styles, b.c.Texts.V
	if v.valid {
		return "  " + s.StPresent.Render("✓ "+t.Valid) + s.Dim.Render("  "+t.Selections(v.selections))
	}
	if v.partly { // the other categories count: a warning, not a refusal
		return "  " + s.MsgAsk.Render("◐ "+strings.Join(v.reasons, t.Sep))
	}
	if v.worded {
		return "  " + s.MsgErr.Render("✗ "+strings.Join(v.reasons, t.Sep))
	}
	return "  " + s.MsgErr.Render("✗ "+t.Invalid+t.Colon+strings.Join(v.reasons, t.Sep))
}

// diffLine lists the positions where the tellers differ.
func (b *ballotEntry) diffLine(r *session.Round) string {
	s, t := b.c.Styles, b.c.Texts.V
	if len(r.Tellers) < 2 {
		return ""
	}
	diffs := r.PendingDiffers()
	if len(diffs) == 0 {
		return "  " + s.StPresent.Render(t.NoDiffs)
	}
	var pos []string
	for _, d := range diffs {
		pos = append(pos, fmt.Sprint(d+1))
	}
	return "  " + s.MsgErr.Render(t.DiffsShort(len(diffs), strings.Join(pos, t.Sep), b.c.Keys.Vote.NextDiff.Help().Key))
}
