package session

import (
	"encoding/binary"
	"errors"
	"fmt"

	"podium/model"
)

// The binary setup of codec 2 (the body of Opened): one per log, but with
// the whole roster in it, so it must read fast. Its strings are cut from
// one copy of the body, so decoding a roster of thousands allocates one
// string, not six per person. The layout, in order (docs/FORMAT.md):
//
//	meeting:  name, name_en, date, place, chair, recorder (strings)
//	          opening_quorum, election_quorum, ordinary, charter (fractions:
//	          num int, den int, strict flag), vote_base string, answer_days int
//	roster:   list of id, name, unit, gender, ethnicity, birth_date (strings),
//	          kind byte, flags byte (1 union_cadre, 2 league_cadre, 4 honoured)
//	agenda:   list of kind, title, title_en, presenter (strings), minutes int,
//	          resolution flag [text, text_en, kind, method (strings)],
//	          officers (list of strings), script, script_en (strings)
//	election: flag [method, candidates: list of name, category, person_id]
//	          method: seats int, quorum, threshold (fractions),
//	          threshold_base, write_ins, over_selection (strings),
//	          categories: list of name string, seats int
//	demo:     flag
//	time_zone string, only when not empty (an addition: a record without
//	          it reads as the default, +08:00) or when a later addition
//	          follows (then it may be empty)
//	rehearsal flag, only when set (then 1) or when a later addition
//	          follows (then it may be 0): a record without it is no
//	          rehearsal
//	floor:    an addition after the rehearsal flag, only when set or when
//	          a later addition follows (then it may be all zero) (putFloor)
//	settings: adoption string, preparatory_votes flag, tie string,
//	          other_marks string (the method's; "" without an election) —
//	          an addition after the floor, written only when one of them
//	          is not zero
func putOpened(b []byte, body Body) ([]byte, error) {
	s := body.(Opened).Setup
	m := s.Meeting
	for _, v := range []string{m.Name, m.NameEn, m.Date, m.Place, m.Chair, m.Recorder} {
		b = appendString(b, v)
	}
	for _, f := range []model.Fraction{m.OpeningQuorum, m.ElectionQuorum, m.Ordinary, m.Charter} {
		b = appendFraction(b, f)
	}
	b = appendString(b, string(m.VoteBase))
	b = appendInt(b, m.AnswerDays)

	b = appendLen(b, len(s.Roster))
	for _, p := range s.Roster {
		for _, v := range []string{p.ID, p.Name, p.Unit, p.Gender, p.Ethnicity, p.BirthDate} {
			b = appendString(b, v)
		}
		var flags byte
		for i, f := range []bool{p.UnionCadre, p.LeagueCadre, p.Honoured} {
			if f {
				flags |= 1 << i
			}
		}
		b = append(b, byte(p.Kind), flags)
	}

	b = appendLen(b, len(s.Agenda))
	for _, it := range s.Agenda {
		for _, v := range []string{string(it.Kind), it.Title, it.TitleEn, it.Presenter} {
			b = appendString(b, v)
		}
		b = appendInt(b, it.Minutes)
		b = appendBool(b, it.Resolution != nil)
		if r := it.Resolution; r != nil {
			for _, v := range []string{r.Text, r.TextEn, string(r.Kind), string(r.Method)} {
				b = appendString(b, v)
			}
		}
		b = appendStrings(b, it.Officers)
		b = appendString(appendString(b, it.Script), it.ScriptEn)
	}

	b = appendBool(b, s.Election != nil)
	if e := s.Election; e != nil {
		b = appendMethod(b, e.Method)
		b = appendCandidates(b, e.Candidates)
	}
	b = appendBool(b, s.Demo)
	set := settingsOf(s)
	later := set != (settings{}) // an addition after the floor follows
	floor := hasFloor(s) || later
	if m.TimeZone != "" || s.Rehearsal || floor {
		b = appendString(b, m.TimeZone)
	}
	if s.Rehearsal || floor {
		b = appendBool(b, s.Rehearsal)
	}
	if floor {
		b = putFloor(b, s)
	}
	if later {
		b = appendString(b, string(set.adoption))
		b = appendBool(b, set.preparatory)
		b = appendString(appendString(b, string(set.tie)), string(set.other))
	}
	return b, nil
}

// settings are the setup's settings added after rehearsal (the decisions'
// settings of the meeting and the method).
type settings struct {
	adoption    model.Adoption
	preparatory bool
	tie         model.Tie
	other       model.OtherMarks
}

func settingsOf(s model.Setup) settings {
	set := settings{adoption: s.Meeting.Adoption, preparatory: s.Meeting.PreparatoryVotes}
	if s.Election != nil {
		set.tie, set.other = s.Election.Method.Tie, s.Election.Method.OtherMarks
	}
	return set
}

func getOpened(r *reader) (Body, error) {
	// The setup runs to the end of the record; one copy of the record
	// holds every string of it.
	sub := reader{b: r.b, off: r.off, src: string(r.b)}
	s := sub.setup()
	r.off, r.err = sub.off, sub.err
	return Opened{Setup: s}, nil
}

func (r *reader) setup() model.Setup {
	var s model.Setup
	m := &s.Meeting
	for _, v := range []*string{&m.Name, &m.NameEn, &m.Date, &m.Place, &m.Chair, &m.Recorder} {
		*v = r.string()
	}
	for _, f := range []*model.Fraction{&m.OpeningQuorum, &m.ElectionQuorum, &m.Ordinary, &m.Charter} {
		*f = r.fraction()
	}
	m.VoteBase = model.Base(r.string())
	m.AnswerDays = r.sint()

	if n := r.len(8); n > 0 {
		s.Roster = make([]model.Person, n)
		for i := range s.Roster {
			p := &s.Roster[i]
			for _, v := range []*string{&p.ID, &p.Name, &p.Unit, &p.Gender, &p.Ethnicity, &p.BirthDate} {
				*v = r.string()
			}
			p.Kind = model.Kind(r.byte())
			flags := r.byte()
			if flags > 7 {
				r.fail(fmt.Errorf("roster[%d]: bad flags %d", i, flags))
			}
			p.UnionCadre, p.LeagueCadre, p.Honoured = flags&1 != 0, flags&2 != 0, flags&4 != 0
		}
	}

	if n := r.len(9); n > 0 {
		s.Agenda = make([]model.Item, n)
		for i := range s.Agenda {
			it := &s.Agenda[i]
			it.Kind = model.ItemKind(r.string())
			for _, v := range []*string{&it.Title, &it.TitleEn, &it.Presenter} {
				*v = r.string()
			}
			it.Minutes = r.sint()
			if r.bool() {
				it.Resolution = &model.ResolutionSpec{Text: r.string(), TextEn: r.string(),
					Kind: model.VoteKind(r.string()), Method: model.VoteMethod(r.string())}
			}
			it.Officers = r.strings()
			it.Script, it.ScriptEn = r.string(), r.string()
		}
	}

	if r.bool() {
		s.Election = &model.Election{Method: r.method(), Candidates: r.candidates()}
	}
	s.Demo = r.bool()
	// The additions at the end, each present when it or a later one is
	// set; the last one present is never zero.
	if r.err == nil && r.off < len(r.b) {
		// The time zone, added at the end; present only when set, or
		// (empty) before a later addition.
		if m.TimeZone = r.string(); r.err == nil && m.TimeZone == "" && r.off == len(r.b) {
			r.fail(errors.New("time_zone is present but empty"))
		}
	}
	if r.err == nil && r.off < len(r.b) {
		// The rehearsal flag, added after the time zone; only when set,
		// or (0) before a later addition.
		if s.Rehearsal = r.bool(); r.err == nil && !s.Rehearsal && r.off == len(r.b) {
			r.fail(errors.New("rehearsal is present but 0"))
		}
	}
	r.floor(&s)
	if r.err == nil && r.off < len(r.b) {
		m.Adoption, m.PreparatoryVotes = model.Adoption(r.string()), r.bool()
		tie, other := model.Tie(r.string()), model.OtherMarks(r.string())
		if s.Election != nil {
			s.Election.Method.Tie, s.Election.Method.OtherMarks = tie, other
		} else if tie != "" || other != "" {
			r.fail(errors.New("a method's settings without an election"))
		}
		if settingsOf(s) == (settings{}) {
			r.fail(errors.New("settings that are all zero are never written"))
		}
	}
	return s
}

func appendLen(b []byte, n int) []byte { return binary.AppendUvarint(b, uint64(n)) }

func appendFraction(b []byte, f model.Fraction) []byte {
	return appendBool(appendInt(appendInt(b, f.Num), f.Den), f.Strict)
}

func (r *reader) fraction() model.Fraction {
	return model.Fraction{Num: r.sint(), Den: r.sint(), Strict: r.bool()}
}

func appendStrings(b []byte, ss []string) []byte {
	b = appendLen(b, len(ss))
	for _, s := range ss {
		b = appendString(b, s)
	}
	return b
}

func (r *reader) strings() []string {
	n := r.len(1)
	if n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = r.string()
	}
	return ss
}

func appendMethod(b []byte, m model.Method) []byte {
	b = appendInt(b, m.Seats)
	b = appendFraction(appendFraction(b, m.Quorum), m.Threshold)
	for _, v := range []string{string(m.ThresholdBase), string(m.WriteIns), string(m.OverSelection)} {
		b = appendString(b, v)
	}
	b = appendLen(b, len(m.Categories))
	for _, c := range m.Categories {
		b = appendInt(appendString(b, c.Name), c.Seats)
	}
	return b
}

func (r *reader) method() model.Method {
	m := model.Method{Seats: r.sint(), Quorum: r.fraction(), Threshold: r.fraction(),
		ThresholdBase: model.Base(r.string()), WriteIns: model.WriteIns(r.string()), OverSelection: model.OverSelection(r.string())}
	if n := r.len(2); n > 0 {
		m.Categories = make([]model.Category, n)
		for i := range m.Categories {
			m.Categories[i] = model.Category{Name: r.string(), Seats: r.sint()}
		}
	}
	return m
}

func appendCandidates(b []byte, cs []model.Candidate) []byte {
	b = appendLen(b, len(cs))
	for _, c := range cs {
		b = appendString(appendString(appendString(b, c.Name), c.Category), c.PersonID)
	}
	return b
}

func (r *reader) candidates() []model.Candidate {
	n := r.len(3)
	if n == 0 {
		return nil
	}
	cs := make([]model.Candidate, n)
	for i := range cs {
		cs[i] = model.Candidate{Name: r.string(), Category: r.string(), PersonID: r.string()}
	}
	return cs
}
