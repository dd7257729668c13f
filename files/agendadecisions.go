package files

import (
	"strings"

	"podium/model"
)

// StandardAgendaNoElection is the standard agenda (model.StandardAgenda)
// without its election item: the agenda of a congress whose agenda file
// lists no items, or that has no agenda file. An election is prepared
// only from an election item that links its method and candidates, so
// without one the congress never reaches an election it cannot hold.
func StandardAgendaNoElection() []model.Item {
	var out []model.Item
	for _, it := range model.StandardAgenda() {
		if it.Kind != model.ItemElection {
			out = append(out, it)
		}
	}
	return out
}

// meetingDecisions reads the meeting's keys of the decisions (RULES §2,
// §3): adoption ("vote", the default, or "none") and preparatory_votes.
func (p *agendaParser) meetingDecisions(d *meetingDoc, m *model.Meeting) *FileError {
	if d.Adoption.set {
		s, _ := d.Adoption.v.(string)
		switch a := model.Adoption(strings.ToLower(strings.TrimSpace(s))); a {
		case model.AdoptionVote, model.AdoptionNone:
			m.Adoption = a
		default:
			return p.fail(place("meeting", "adoption"), s, `must be "vote" (the method and the scrutineers adopted by a vote of the congress, 附件3 §8 §9) or "none"`)
		}
	}
	if d.PreparatoryVotes.set {
		b, ok := d.PreparatoryVotes.v.(bool)
		if !ok {
			return p.fail(place("meeting", "preparatory_votes"), nil, "must be true or false")
		}
		m.PreparatoryVotes = b
	}
	return nil
}
