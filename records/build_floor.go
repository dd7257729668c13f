package records

import (
	"cmp"
	"slices"

	"podium/model"
	"podium/session"
)

// speechStatus is a request's status in the record.
func speechStatus(s session.SpeechStatus) string {
	switch s {
	case session.SpeechSpeaking:
		return "speaking"
	case session.SpeechSpoken:
		return "spoken"
	case session.SpeechRemoved:
		return "removed"
	}
	return "waiting"
}

// speakers is the register of speakers: every request that stood (an
// undone one never did), in the order of the requests, each speech with
// its place among its item's speeches.
func (b builder) speakers() []Speech {
	st := b.st
	given := []*session.Speech{}
	for _, s := range st.Speeches {
		if s.Status == session.SpeechSpeaking || s.Status == session.SpeechSpoken {
			given = append(given, s)
		}
	}
	slices.SortStableFunc(given, func(x, y *session.Speech) int { return x.Started.Compare(y.Started) })
	order := map[int]int{}
	perItem := map[int]int{}
	for _, s := range given {
		perItem[s.Item]++
		order[s.No] = perItem[s.Item]
	}
	out := []Speech{}
	for _, s := range st.Speeches {
		if s.Status == session.SpeechUndone {
			continue
		}
		x := Speech{No: s.No, Item: s.Item + 1, Kind: string(s.Kind), Requested: At(s.Requested), Status: speechStatus(s.Status),
			Order: order[s.No], Started: At(s.Started), Ended: At(s.Ended), Removed: At(s.Removed),
			LimitSeconds: s.Limit, Seconds: s.Seconds, OverSeconds: s.Over()}
		if s.Person != "" {
			x.Speaker = b.who(s.Person)
			if i, ok := b.names[s.Person]; ok && st.Setup.Roster[i].Kind != model.Formal {
				x.Attends = st.Setup.Roster[i].Kind.String()
			}
		} else {
			x.Speaker = Who{Name: s.Name, Label: s.Name}
		}
		out = append(out, x)
	}
	return out
}

// floors fills each item's speakers' list in brief, its speeches in the
// order given and its groups' reports (out: the agenda's items in order).
func (b builder) floors(out []Item, speakers []Speech) {
	st := b.st
	for i := range out {
		it, s := st.Setup.Agenda[i], st.Items[i]
		x := &out[i]
		var mine []Speech
		for _, sp := range speakers {
			if sp.Item == i+1 {
				mine = append(mine, sp)
			}
		}
		if len(mine) > 0 {
			f := &Floor{SpeechSeconds: st.FloorRules.Speech(it), ShortSeconds: st.FloorRules.Short(it)}
			if s.Status == session.ItemDone {
				f.ItemSeconds = int(s.Ended.Sub(s.Started).Seconds())
			}
			for _, sp := range mine {
				switch sp.Status {
				case "spoken", "speaking":
					f.Speeches++
					f.SpokenSeconds += sp.Seconds
					if sp.OverSeconds > 0 {
						f.OverSpeeches++
					}
					if sp.Kind == string(session.SpeechOrder) {
						f.PointsOfOrder++
					}
				case "waiting":
					f.NotReached++
				}
			}
			slices.SortStableFunc(mine, func(p, q Speech) int { return cmp.Compare(p.Order, q.Order) })
			for _, sp := range mine {
				if sp.Order > 0 {
					x.Speeches = append(x.Speeches, sp.No)
				}
			}
			x.Floor = f
		}
		for _, g := range st.Setup.ItemGroups(i) {
			gr := GroupReport{Group: g.Name, Units: g.Units, Convener: g.Convener, Secretary: g.Secretary}
			for _, p := range st.Setup.Roster {
				if slices.Contains(g.Units, p.Unit) {
					gr.Members++
				}
			}
			if r, ok := st.Report(i, g.Name); ok {
				gr.Reported, gr.Convener, gr.Secretary = true, r.Convener, r.Secretary
				gr.Speakers, gr.Text, gr.At, gr.Revision = r.Speakers, r.Text, At(r.At), r.Revision
			}
			x.Groups = append(x.Groups, gr)
		}
	}
}
