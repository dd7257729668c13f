package session

import (
	"fmt"

	"podium/model"
)

// The setup's floor (docs/FORMAT.md, "Codec 2", opened): an addition to
// codec 2 appended after the rehearsal flag, written when the meeting's
// floor rules or any item's floor are set, or (all zero) when a later
// addition follows; read only when the record has bytes left after the
// rehearsal flag. So every setup written before it keeps its bytes. The
// layout:
//
//	meeting: speech_seconds int, short_seconds int,
//	         flags byte (1 fair_order, 2 guests_speak; other bits 0)
//	agenda:  list, as long as the agenda, of speech_seconds int,
//	         short_seconds int, in_groups flag, groups: list of name
//	         string, units (list of strings), convener, secretary strings

// hasFloor reports whether the setup sets any floor rule.
func hasFloor(s model.Setup) bool {
	if s.Meeting.Floor != (model.FloorRules{}) {
		return true
	}
	for _, it := range s.Agenda {
		f := it.Floor
		if f.SpeechSeconds != 0 || f.ShortSeconds != 0 || f.InGroups || len(f.Groups) > 0 {
			return true
		}
	}
	return false
}

// putFloor appends the setup's floor (all zero when it has none and a
// later addition follows; putOpened decides whether it is written).
func putFloor(b []byte, s model.Setup) []byte {
	m := s.Meeting.Floor
	b = appendInt(appendInt(b, m.SpeechSeconds), m.ShortSeconds)
	var flags byte
	if m.FairOrder {
		flags |= 1
	}
	if m.GuestsSpeak {
		flags |= 2
	}
	b = append(b, flags)
	b = appendLen(b, len(s.Agenda))
	for _, it := range s.Agenda {
		f := it.Floor
		b = appendBool(appendInt(appendInt(b, f.SpeechSeconds), f.ShortSeconds), f.InGroups)
		b = appendLen(b, len(f.Groups))
		for _, g := range f.Groups {
			b = appendString(b, g.Name)
			b = appendStrings(b, g.Units)
			b = appendString(appendString(b, g.Convener), g.Secretary)
		}
	}
	return b
}

// floor reads the setup's floor into s when the record has bytes left.
func (r *reader) floor(s *model.Setup) {
	if r.err != nil || r.off >= len(r.b) {
		return
	}
	m := &s.Meeting.Floor
	m.SpeechSeconds, m.ShortSeconds = r.sint(), r.sint()
	flags := r.byte()
	if flags > 3 {
		r.fail(fmt.Errorf("floor: bad flags %d", flags))
	}
	m.FairOrder, m.GuestsSpeak = flags&1 != 0, flags&2 != 0
	if n := r.len(3); r.err == nil && n != len(s.Agenda) {
		r.fail(fmt.Errorf("floor: %d items for an agenda of %d", n, len(s.Agenda)))
		return
	}
	for i := range s.Agenda {
		f := &s.Agenda[i].Floor
		f.SpeechSeconds, f.ShortSeconds, f.InGroups = r.sint(), r.sint(), r.bool()
		if n := r.len(4); n > 0 {
			f.Groups = make([]model.Group, n)
			for j := range f.Groups {
				f.Groups[j] = model.Group{Name: r.string(), Units: r.strings(), Convener: r.string(), Secretary: r.string()}
			}
		}
	}
	if r.err == nil && !hasFloor(*s) && r.off == len(r.b) {
		r.fail(fmt.Errorf("floor: written but nothing set"))
	}
}
