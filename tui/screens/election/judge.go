package election

import (
	"fmt"
	"strings"

	"podium/session"
	"podium/session/election"
	"podium/tui/common"
)

// This file is the election screen's only contact with the parts of the
// session API: everything the screens read of the election goes through
// common.CopyVote; the validity preview of one ballot goes through
// judgeBallot (election.Judge).

// ballotVerdict is the validity of the ballot in the editor, as package
// election judges it before the ballot is saved.
type ballotVerdict struct {
	valid      bool
	reasons    []string // why invalid, in the user's words
	void       []string // per write-in: why void, "" when counted
	selections int
}

// judgeBallot judges b in round r with election.Judge, the same rules the
// count uses (RULES §6.3), and puts the reasons in t's words.
func judgeBallot(t *common.VoteTexts, v *session.Vote, r *session.Round, b election.Ballot) ballotVerdict {
	vd := election.Judge(v.ElectionRound(r), b)
	out := ballotVerdict{valid: vd.Valid, selections: vd.Selections, void: make([]string, len(b.WriteIns))}
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
		out.reasons = append(out.reasons, t.OverSelected("", vd.Selections, vd.Seats))
	case vd.Code == election.ReasonOverSelection:
		for _, p := range vd.Parts {
			if !p.Valid {
				out.reasons = append(out.reasons, t.OverSelected(p.Category, p.Selections, p.Seats))
			}
		}
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
