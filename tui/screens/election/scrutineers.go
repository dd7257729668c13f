package election

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"podium/session"
	"podium/tui/common"
)

// The scrutineers picked (RULES §6.1, 附件3 §8): the scrutineer and the
// chief from the formal delegates present who are no candidates (refused
// the moment one is picked, with the reason), then the counters named.

// updatePick chooses the scrutineer and then the chief scrutineer.
func (e *Screen) updatePick(msg tea.Msg) *common.Note {
	t := e.c.Texts.V
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			if e.role == 1 {
				e.role = 0
				e.pick.SetQuery("")
				return common.Info(t.PickHint(t.Scrutineer)).Ref()
			}
			e.mode = ModeSteps
			return common.Info(e.c.Texts.Cancelled).Ref()
		case "enter":
			id := e.pick.SelectedID()
			if id == "" {
				return common.Info(e.c.Texts.EmptyList).Ref()
			}
			// Eligibility when picking (RULES §6.1, 附件3 §8): a candidate,
			// someone not present or the scrutineer again as chief is
			// refused now, with the reason, and the pick stays here.
			if err := e.c.CheckScrutineer(id, pickRole(e.role), e.chosen[0]); err != nil {
				return e.refusal(err)
			}
			e.chosen[e.role] = id
			e.pick.SetQuery("")
			if e.role == 0 {
				e.role = 1
				return common.Info(t.PickHint(t.Chief)).Ref()
			}
			e.mode = ModeCounters
			return common.Info(t.CountersHint).Ref()
		}
	}
	e.pick.Update(msg)
	return nil
}

// updateCounters edits the counters' names and adopts the scrutineers.
func (e *Screen) updateCounters(msg tea.Msg) *common.Note {
	c, t := e.c, e.c.Texts.V
	switch k := msg.(type) {
	case tea.PasteMsg:
		e.counters.Update(k)
	case tea.KeyPressMsg:
		switch {
		case k.String() == "esc":
			e.mode, e.role = ModePick, 1
			return common.Info(t.PickHint(t.Chief)).Ref()
		case k.String() == "enter" && e.byVote():
			// The list is put to the congress (附件3 §8): its vote next.
			return e.openAdopt(session.AdoptsScrutineers)
		case k.String() == "enter":
			cmd := session.AdoptScrutineers{Meta: c.Meta(), Scrutineer: e.chosen[0], Chief: e.chosen[1], Counters: splitNames(e.counters.Value())}
			if _, err := c.Exec(cmd); err != nil {
				var se *session.ScrutineerError
				if errors.As(err, &se) {
					e.mode, e.role = ModePick, 0
					if se.Role == "chief" {
						e.role = 1
					}
					e.pick.SetQuery("")
				}
				return e.refusal(err)
			}
			e.mode = ModeSteps
			v := e.vote()
			return common.Done(t.ScrutineersAdopted(c.PersonName(v.Scrutineer), c.PersonName(v.Chief))).Ref()
		default:
			e.counters.Update(k)
		}
	}
	return nil
}

// splitNames splits the counters typed as one line: 、，, ; and spaces
// separate names.
func splitNames(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == ' ' || r == '\u3000'
	})
	return f
}

// pickRole is the scrutineer role picked: 0 the scrutineer, 1 the chief.
func pickRole(i int) string {
	if i == 1 {
		return session.RoleChief
	}
	return session.RoleScrutineer
}
