package session

import (
	"encoding/json"
	"fmt"
	"time"

	"podium/model"
	"podium/session/election"
)

// The decoder of codec 1, frozen: podium wrote codec 1 until the stored
// history was versioned (docs/FORMAT.md, "Codec 1"). Nothing here may
// change, because logs written then must read the same forever. The body
// types below are frozen copies of the types as they were, with their JSON
// field names then (untagged fields are matched by Go field name); each is
// converted to today's body. Kinds 1–4 are binary, the others JSON.
//
//	version 1 | kind byte | seq uvarint | at varint (Unix ns) | actor string | body

// decodeV1Body reads the body of a codec 1 record of kind k.
func decodeV1Body(r *reader, k EventKind) (Body, error) {
	switch k {
	case kindOpened:
		var s v1Setup
		if err := v1JSON(r, &s); err != nil {
			return nil, fmt.Errorf("setup: %w", err)
		}
		return Opened{Setup: s.model()}, nil
	case kindMarked:
		var m Marked
		m.Person = r.string()
		m.Status = Status(r.byte())
		m.Undoes = r.uvarint()
		if !m.Status.Valid() { // codec 1 never wrote one: replay refused it then too
			return nil, fmt.Errorf("bad status %d", m.Status)
		}
		return m, nil
	case kindItemStarted:
		var it ItemStarted
		it.Index = r.int()
		it.Count = r.count()
		return it, nil
	case kindDeclaredOpen:
		return DeclaredOpen{Count: r.count()}, nil
	}
	p, ok := v1Bodies[k]
	if !ok {
		return nil, fmt.Errorf("unknown event kind %d", k)
	}
	b, err := p(r)
	if err == nil {
		err = v1Check(b)
	}
	if err != nil {
		return nil, fmt.Errorf("event kind %d: %w", k, err)
	}
	return b, nil
}

// v1Check refuses values codec 1 never wrote, because the core refused
// the commands that would have caused them (a mark other than 0, 1 or 2,
// an unknown round kind), so that whatever codec 1 decodes can be written
// again.
func v1Check(b Body) error {
	switch b := b.(type) {
	case BallotEntered:
		for i, m := range b.Ballot.Marks {
			if m > election.Disapprove {
				return fmt.Errorf("mark %d of the ballot is %d", i+1, m)
			}
		}
	case RoundOpened:
		if b.Kind > election.Second {
			return fmt.Errorf("unknown round kind %d", b.Kind)
		}
	}
	return nil
}

// v1JSON reads a length-prefixed JSON body into v, leniently as codec 1
// did (unknown fields ignored).
func v1JSON(r *reader, v any) error {
	js := r.bytes()
	if r.err != nil {
		return nil // the caller reports r.err
	}
	return json.Unmarshal(js, v)
}

// v1Body returns the reader of a JSON body of codec 1: decode the frozen
// type F, convert it with conv.
func v1Body[F any](conv func(F) Body) func(*reader) (Body, error) {
	return func(r *reader) (Body, error) {
		var f F
		if err := v1JSON(r, &f); err != nil {
			return nil, err
		}
		return conv(f), nil
	}
}

var v1Bodies = map[EventKind]func(*reader) (Body, error){
	kindMethodAdopted: v1Body(func(f struct{ Method v1Method }) Body { return MethodAdopted{Method: f.Method.model()} }),
	kindScrutineersAdopted: v1Body(func(f struct {
		Scrutineer, Chief string
		Counters          []string
		Count             v1Count
	}) Body {
		return ScrutineersAdopted{Scrutineer: f.Scrutineer, Chief: f.Chief, Counters: f.Counters, Count: Count(f.Count)}
	}),
	kindRoundOpened: v1Body(func(f struct {
		Round  int
		Kind   uint8
		Slate  []v1Candidate
		Seats  map[string]int
		Revote bool
		Count  v1Count
	}) Body {
		return RoundOpened{Round: f.Round, Kind: election.Kind(f.Kind), Slate: v1Candidates(f.Slate), Seats: f.Seats,
			Revote: f.Revote, Count: Count(f.Count)}
	}),
	kindBallotsIssued: v1Body(func(f struct {
		Round, N int
		Count    v1Count
	}) Body {
		return BallotsIssued{Round: f.Round, N: f.N, Count: Count(f.Count)}
	}),
	kindBallotsCollected: v1Body(func(f struct{ Round, N int }) Body { return BallotsCollected{Round: f.Round, N: f.N} }),
	kindBallotEntered: v1Body(func(f struct {
		Round, Index int
		Ballot       v1Ballot
	}) Body {
		return BallotEntered{Round: f.Round, Index: f.Index, Ballot: f.Ballot.model()}
	}),
	kindBallotRemoved: v1Body(func(f struct{ Round, Index int }) Body { return BallotRemoved{Round: f.Round, Index: f.Index} }),
	kindTallyEntered: v1Body(func(f struct {
		Round int
		Tally v1Tally
	}) Body {
		return TallyEntered{Round: f.Round, Tally: f.Tally.model()}
	}),
	kindLegacyRoundDecided: v1Body(func(f struct {
		Round int
		Count v1Count
	}) Body {
		return LegacyRoundDecided{Round: f.Round, Count: Count(f.Count)}
	}),
	kindVacancyDeclared: v1Body(func(f struct {
		Round int
		Seats map[string]int
	}) Body {
		return VacancyDeclared{Round: f.Round, Seats: f.Seats}
	}),
	kindItemEnded: v1Body(func(f struct {
		Index int
		Note  string
	}) Body {
		return ItemEnded{Index: f.Index, Note: f.Note}
	}),
	kindItemSkipped: v1Body(func(f struct {
		Index  int
		Reason string
	}) Body {
		return ItemSkipped{Index: f.Index, Reason: f.Reason}
	}),
	kindQuestionAsked: v1Body(func(f struct {
		No                     int
		Delegate, Target, Text string
		Item                   int
	}) Body {
		return QuestionAsked{No: f.No, Delegate: f.Delegate, Target: f.Target, Text: f.Text, Item: f.Item}
	}),
	kindQuestionAnswered: v1Body(func(f struct {
		No       int
		By, Text string
	}) Body {
		return QuestionAnswered{No: f.No, By: f.By, Text: f.Text}
	}),
	kindQuestionDeferred: v1Body(func(f struct {
		No  int
		Due time.Time
	}) Body {
		return QuestionDeferred{No: f.No, Due: f.Due}
	}),
	kindMotionFiled: v1Body(func(f struct {
		No                    int
		Proposer              string
		CoSigners             []string
		Title, Text, Category string
	}) Body {
		return MotionFiled{No: f.No, Proposer: f.Proposer, CoSigners: f.CoSigners, Title: f.Title, Text: f.Text, Category: f.Category}
	}),
	kindMotionAccepted: v1Body(func(f struct{ No int }) Body { return MotionAccepted{No: f.No} }),
	kindMotionDeclined: v1Body(func(f struct {
		No     int
		Reason string
		Due    time.Time
	}) Body {
		return MotionDeclined{No: f.No, Reason: f.Reason, Due: f.Due}
	}),
	kindVoteRecorded: v1Body(func(f struct {
		No, Item, Motion      int
		Subject               string
		Kind                  string
		Method                string
		For, Against, Abstain int
		Count                 v1Count
		Rule                  v1Fraction
		Base, Need            int
		Adopted               bool
	}) Body {
		return VoteRecorded{No: f.No, Item: f.Item, Motion: f.Motion, Subject: f.Subject, Kind: model.VoteKind(f.Kind),
			Method: model.VoteMethod(f.Method), For: f.For, Against: f.Against, Abstain: f.Abstain, Count: Count(f.Count),
			Rule: model.Fraction(f.Rule), Base: f.Base, Need: f.Need, Adopted: f.Adopted}
	}),
	kindNoteAdded: v1Body(func(f struct {
		Item int
		Text string
	}) Body {
		return NoteAdded{Item: f.Item, Text: f.Text}
	}),
	kindOfficerRated: v1Body(func(f struct {
		Item    int
		Officer string
		Rating  string
		Note    string
	}) Body {
		return OfficerRated{Item: f.Item, Officer: f.Officer, Rating: model.Rating(f.Rating), Note: f.Note}
	}),
}

// The frozen types of codec 1's JSON, as they were.

type v1Count struct {
	Expected int `json:"expected"`
	Present  int `json:"present"`
}

type v1Fraction struct {
	Num    int  `json:"num"`
	Den    int  `json:"den"`
	Strict bool `json:"strict"`
}

type v1Setup struct {
	Meeting  v1Meeting   `json:"meeting"`
	Roster   []v1Person  `json:"roster"`
	Agenda   []v1Item    `json:"agenda"`
	Election *v1Election `json:"election,omitempty"`
	Demo     bool        `json:"demo,omitempty"`
}

type v1Meeting struct {
	Name           string     `json:"name"`
	NameEn         string     `json:"name_en,omitempty"`
	Date           string     `json:"date,omitempty"`
	Place          string     `json:"place,omitempty"`
	Chair          string     `json:"chair,omitempty"`
	Recorder       string     `json:"recorder,omitempty"`
	OpeningQuorum  v1Fraction `json:"opening_quorum"`
	ElectionQuorum v1Fraction `json:"election_quorum"`
	Ordinary       v1Fraction `json:"ordinary"`
	Charter        v1Fraction `json:"charter"`
	VoteBase       string     `json:"vote_base,omitempty"`
	AnswerDays     int        `json:"answer_days,omitempty"`
}

type v1Person struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Unit        string `json:"unit"`
	Gender      string `json:"gender,omitempty"`
	Ethnicity   string `json:"ethnicity,omitempty"`
	BirthDate   string `json:"birth_date,omitempty"`
	Kind        uint8  `json:"kind"`
	UnionCadre  bool   `json:"union_cadre,omitempty"`
	LeagueCadre bool   `json:"league_cadre,omitempty"`
	Honoured    bool   `json:"honoured,omitempty"`
}

type v1Item struct {
	Kind       string        `json:"kind"`
	Title      string        `json:"title"`
	TitleEn    string        `json:"title_en,omitempty"`
	Presenter  string        `json:"presenter,omitempty"`
	Minutes    int           `json:"minutes,omitempty"`
	Resolution *v1Resolution `json:"resolution,omitempty"`
	Officers   []string      `json:"officers,omitempty"`
	Script     string        `json:"script,omitempty"`
	ScriptEn   string        `json:"script_en,omitempty"`
}

type v1Resolution struct {
	Text   string `json:"text"`
	TextEn string `json:"text_en,omitempty"`
	Kind   string `json:"kind"`
	Method string `json:"method"`
}

type v1Election struct {
	Method     v1Method      `json:"method"`
	Candidates []v1Candidate `json:"candidates"`
}

type v1Method struct {
	Seats         int          `json:"seats"`
	Quorum        v1Fraction   `json:"quorum"`
	Threshold     v1Fraction   `json:"threshold"`
	ThresholdBase string       `json:"threshold_base"`
	WriteIns      string       `json:"write_ins"`
	OverSelection string       `json:"over_selection"`
	Categories    []v1Category `json:"categories,omitempty"`
}

type v1Category struct {
	Name  string `json:"name"`
	Seats int    `json:"seats"`
}

type v1Candidate struct {
	Name     string `json:"name"`
	Category string `json:"category,omitempty"`
	PersonID string `json:"person_id,omitempty"`
}

type v1Ballot struct {
	ID       string
	Marks    []byte // a JSON string, base64
	WriteIns []v1WriteIn
	Spoiled  string
}

type v1WriteIn struct {
	Name     string `json:"name"`
	Category string `json:"category,omitempty"`
}

type v1Tally struct {
	Counts []struct {
		Approve    int `json:"approve"`
		Disapprove int `json:"disapprove"`
		Abstain    int `json:"abstain"`
	} `json:"counts"`
	WriteIns []struct {
		Name     string `json:"name"`
		Category string `json:"category,omitempty"`
		Approve  int    `json:"approve"`
	} `json:"write_ins,omitempty"`
	Invalid []int `json:"invalid"`
}

func (s v1Setup) model() model.Setup {
	m := s.Meeting
	out := model.Setup{
		Meeting: model.Meeting{Name: m.Name, NameEn: m.NameEn, Date: m.Date, Place: m.Place, Chair: m.Chair, Recorder: m.Recorder,
			OpeningQuorum: model.Fraction(m.OpeningQuorum), ElectionQuorum: model.Fraction(m.ElectionQuorum),
			Ordinary: model.Fraction(m.Ordinary), Charter: model.Fraction(m.Charter),
			VoteBase: model.Base(m.VoteBase), AnswerDays: m.AnswerDays},
		Demo: s.Demo,
	}
	if s.Roster != nil {
		out.Roster = make([]model.Person, len(s.Roster))
	}
	for i, p := range s.Roster {
		out.Roster[i] = model.Person{ID: p.ID, Name: p.Name, Unit: p.Unit, Gender: p.Gender, Ethnicity: p.Ethnicity,
			BirthDate: p.BirthDate, Kind: model.Kind(p.Kind), UnionCadre: p.UnionCadre, LeagueCadre: p.LeagueCadre, Honoured: p.Honoured}
	}
	if s.Agenda != nil {
		out.Agenda = make([]model.Item, len(s.Agenda))
	}
	for i, it := range s.Agenda {
		x := model.Item{Kind: model.ItemKind(it.Kind), Title: it.Title, TitleEn: it.TitleEn, Presenter: it.Presenter,
			Minutes: it.Minutes, Officers: it.Officers, Script: it.Script, ScriptEn: it.ScriptEn}
		if r := it.Resolution; r != nil {
			x.Resolution = &model.ResolutionSpec{Text: r.Text, TextEn: r.TextEn, Kind: model.VoteKind(r.Kind), Method: model.VoteMethod(r.Method)}
		}
		out.Agenda[i] = x
	}
	if e := s.Election; e != nil {
		out.Election = &model.Election{Method: e.Method.model(), Candidates: v1Candidates(e.Candidates)}
	}
	return out
}

func (m v1Method) model() model.Method {
	out := model.Method{Seats: m.Seats, Quorum: model.Fraction(m.Quorum), Threshold: model.Fraction(m.Threshold),
		ThresholdBase: model.Base(m.ThresholdBase), WriteIns: model.WriteIns(m.WriteIns), OverSelection: model.OverSelection(m.OverSelection)}
	if m.Categories != nil {
		out.Categories = make([]model.Category, len(m.Categories))
	}
	for i, c := range m.Categories {
		out.Categories[i] = model.Category(c)
	}
	return out
}

func v1Candidates(cs []v1Candidate) []model.Candidate {
	if cs == nil {
		return nil
	}
	out := make([]model.Candidate, len(cs))
	for i, c := range cs {
		out[i] = model.Candidate(c)
	}
	return out
}

func (b v1Ballot) model() election.Ballot {
	out := election.Ballot{ID: b.ID, Spoiled: b.Spoiled}
	if b.Marks != nil {
		out.Marks = make([]election.Mark, len(b.Marks))
	}
	for i, m := range b.Marks {
		out.Marks[i] = election.Mark(m)
	}
	if b.WriteIns != nil {
		out.WriteIns = make([]election.WriteIn, len(b.WriteIns))
	}
	for i, w := range b.WriteIns {
		out.WriteIns[i] = election.WriteIn(w)
	}
	return out
}

func (t v1Tally) model() election.Tally {
	out := election.Tally{Invalid: t.Invalid}
	if t.Counts != nil {
		out.Counts = make([]election.TallyCount, len(t.Counts))
	}
	for i, c := range t.Counts {
		out.Counts[i] = election.TallyCount(c)
	}
	if t.WriteIns != nil {
		out.WriteIns = make([]election.WriteInCount, len(t.WriteIns))
	}
	for i, w := range t.WriteIns {
		out.WriteIns[i] = election.WriteInCount(w)
	}
	return out
}
