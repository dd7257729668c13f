package files

import (
	"fmt"
	"strings"

	"podium/model"
)

// This file reads the keys of the agenda file about the floor
// (docs/DELIBERATION.md): the meeting's speaking times, fairness rule and
// leave for observers and guests, each item's own speaking times and its
// deliberation groups:
//
//	[meeting]
//	speech_seconds = 180       # a speech (发言) and an answer (答复)
//	short_seconds = 60         # a supplementary speech (补充发言), a point of order
//	fair_order = false         # true: who has not spoken first (a setting)
//	guests_speak = false       # true: observers (列席) and guests (特邀) may speak
//
//	[[item]]
//	kind = "deliberation"
//	speech_seconds = 300       # this item's own times, any kind of item
//	in_groups = true           # 分组审议: one group per electoral unit …
//	[[item.group]]             # … or these groups
//	name = "第一组"
//	units = ["护理分院", "药学与医学技术分院"]
//	convener = "姜晓雪"         # 召集人, optional
//	secretary = "杨子怡"        # 记录人, optional

// floorKeys are the keys of [meeting] and [[item]] about the floor, for
// messages.
const (
	floorMeetingKeys = "speech_seconds, short_seconds, fair_order, guests_speak"
	floorItemKeys    = "speech_seconds, short_seconds, in_groups, [[item.group]]"
)

// groupDoc is one [[item.group]] table.
type groupDoc struct {
	Name      tomlValue `toml:"name"`
	Units     tomlValue `toml:"units"`
	Convener  tomlValue `toml:"convener"`
	Secretary tomlValue `toml:"secretary"`
}

// decodeGroups decodes the [[item.group]] tables of the i-th item.
func (p *agendaParser) decodeGroups(i int, d *itemDoc) *FileError {
	if d.Group == nil {
		return nil
	}
	const want = "must be [[item.group]] tables, each with name and units"
	if fe := p.decode(*d.Group, &d.groups, place("item", i, "group"), want); fe != nil {
		return fe
	}
	if len(d.groups) == 0 {
		return p.fail(place("item", i, "group"), nil, want)
	}
	return nil
}

// seconds reads a speaking time at at: a whole number of seconds from
// model.MinSpeechSeconds to model.MaxSpeechSeconds.
func (f *tomlFile) seconds(at tomlPlace, v tomlValue, into *int) *FileError {
	if !v.set {
		return nil
	}
	n, ok := v.v.(int64)
	if !ok || n < model.MinSpeechSeconds || n > model.MaxSpeechSeconds {
		return f.fail(at, nil, fmt.Sprintf("must be a whole number of seconds from %d to %d (3 minutes: 180)",
			model.MinSpeechSeconds, model.MaxSpeechSeconds))
	}
	*into = int(n)
	return nil
}

// flag reads true or false at at.
func (f *tomlFile) flag(at tomlPlace, v tomlValue, into *bool) *FileError {
	if !v.set {
		return nil
	}
	b, ok := v.v.(bool)
	if !ok {
		return f.fail(at, nil, "must be true or false")
	}
	*into = b
	return nil
}

// meetingFloor reads the floor keys of [meeting].
func (p *agendaParser) meetingFloor(d *meetingDoc, m *model.FloorRules) *FileError {
	at := func(k string) tomlPlace { return place("meeting", k) }
	if fe := p.seconds(at("speech_seconds"), d.SpeechSeconds, &m.SpeechSeconds); fe != nil {
		return fe
	}
	if fe := p.seconds(at("short_seconds"), d.ShortSeconds, &m.ShortSeconds); fe != nil {
		return fe
	}
	if fe := p.flag(at("fair_order"), d.FairOrder, &m.FairOrder); fe != nil {
		return fe
	}
	return p.flag(at("guests_speak"), d.GuestsSpeak, &m.GuestsSpeak)
}

// itemFloor reads the floor keys and the [[item.group]] tables of the
// i-th item.
func (p *agendaParser) itemFloor(i int, d *itemDoc, f *model.ItemFloor) *FileError {
	at := func(k string) tomlPlace { return place("item", i, k) }
	if fe := p.seconds(at("speech_seconds"), d.SpeechSeconds, &f.SpeechSeconds); fe != nil {
		return fe
	}
	if fe := p.seconds(at("short_seconds"), d.ShortSeconds, &f.ShortSeconds); fe != nil {
		return fe
	}
	if fe := p.flag(at("in_groups"), d.InGroups, &f.InGroups); fe != nil {
		return fe
	}
	groups := d.groups
	if groups == nil {
		return nil
	}
	if d.InGroups.set && !f.InGroups {
		return p.fail(at("in_groups"), nil, "is false, yet the item names its groups ([[item.group]]): leave in_groups out or make it true")
	}
	f.InGroups = true
	names, taken := map[string]int{}, map[string]int{}
	for j, g := range groups {
		gat := func(k string) tomlPlace { return place("item", i, "group", j, k) }
		var out model.Group
		for _, t := range []struct {
			key  string
			v    tomlValue
			into *string
		}{{"name", g.Name, &out.Name}, {"convener", g.Convener, &out.Convener}, {"secretary", g.Secretary, &out.Secretary}} {
			if !t.v.set {
				continue
			}
			s, ok := t.v.v.(string)
			if !ok {
				return p.fail(gat(t.key), nil, "must be a string")
			}
			c, why := cleanText(s)
			if why != "" {
				return p.fail(gat(t.key), s, why)
			}
			*t.into = c
		}
		if out.Name == "" {
			return p.fail(place("item", i, "group", j), nil, `has no name: name = "第一组"`)
		}
		if k, dup := names[out.Name]; dup {
			return p.fail(gat("name"), out.Name, fmt.Sprintf("names group[%d] too; each group has its own name", k+1))
		}
		names[out.Name] = j
		units, ok := g.Units.v.([]any)
		if !g.Units.set || !ok || len(units) == 0 {
			return p.fail(gat("units"), nil, `must list the group's electoral units: units = ["护理分院", "药学与医学技术分院"]`)
		}
		for _, u := range units {
			s, ok := u.(string)
			c, why := cleanText(s)
			switch {
			case !ok:
				return p.fail(gat("units"), nil, "must be a list of strings: the units as the roster writes them")
			case why != "" || c == "":
				return p.fail(gat("units"), s, "is not a unit: "+strings.TrimSpace(why+" (empty)"))
			}
			if k, dup := taken[c]; dup {
				return p.fail(gat("units"), c, fmt.Sprintf("is in group[%d] already; a unit deliberates in one group", k+1))
			}
			taken[c] = j
			out.Units = append(out.Units, c)
		}
		f.Groups = append(f.Groups, out)
	}
	return nil
}

// CheckUnits checks the units of the agenda's groups against the roster:
// each must be the unit of someone on it. The error names the agenda
// file, the line and the key (item[5].group[2].units).
func (a AgendaFile) CheckUnits(roster []model.Person) error {
	units := map[string]bool{}
	for _, p := range roster {
		units[p.Unit] = true
	}
	for i, it := range a.Items {
		for j, g := range it.Floor.Groups {
			for _, u := range g.Units {
				if units[u] {
					continue
				}
				fe := &FileError{File: a.file.nameOr(), Key: place("item", i, "group", j, "units").String(), Value: u,
					Reason: "is not an electoral unit of the roster"}
				if a.file != nil {
					fe.Line = a.file.valueLine(a.file.line(place("item", i, "group", j, "units")), u, 1)
				}
				return fe
			}
		}
	}
	return nil
}
