package session

import (
	"errors"
	"reflect"
	"testing"

	"podium/model"
)

// surveyCount is item 16 with yes of answered satisfied (满意 and 基本满意
// split as they come) and the rest neutral, plus blank.
func surveyCount(item, yes, answered, blank int) model.SurveyCount {
	return model.SurveyCount{Item: item, Question: 7, Header: "7、整体", Satisfied: yes / 2, Basically: yes - yes/2,
		Neutral: answered - yes, Blank: blank}
}

func recordSurvey(meta Meta, respondents int, items ...model.SurveyCount) RecordSurvey {
	return RecordSurvey{Meta: meta, File: "survey.xlsx", Respondents: respondents, Items: items}
}

// TestSurveyEdge: the standard of items 16–17 judged in integers at the
// 60% edge, 以上 including it (RULES §0); blanks are not in the base.
func TestSurveyEdge(t *testing.T) {
	s, _ := newSession(t, 3)
	for i, c := range []struct {
		yes, answered, blank int
		met                  bool
	}{{60, 100, 0, true}, {59, 100, 0, false}, {3, 5, 0, true}, {119, 200, 0, false}, {120, 200, 7, true}, {2, 5, 95, false}} {
		meta := Meta{At: t0.Add(1), Actor: "secretary-1", Role: RoleSecretary}
		evs, err := s.Execute(recordSurvey(meta, c.answered+c.blank, surveyCount(16, c.yes, c.answered, c.blank)))
		if err != nil {
			t.Fatal(err)
		}
		got := evs[0].Body.(SurveyRecorded).Items[0]
		if got.Met != c.met || got.Answered != c.answered || got.Blank != c.blank {
			t.Errorf("case %d %d/%d: %+v, want met %v", i, c.yes, c.answered, got, c.met)
		}
		if SurveyMeets(got.Count()) != c.met {
			t.Errorf("SurveyMeets disagrees with the stored verdict")
		}
	}
}

// TestRecordSurvey: the secretary records; the state keeps the last
// survey with its verdicts, as replay does; the command behind the event
// is the one given.
func TestRecordSurvey(t *testing.T) {
	s, log := newSession(t, 3)
	meta := Meta{At: t0.Add(5), Actor: "secretary-1", Role: RoleSecretary}
	overall := surveyCount(16, 100, 117, 3)
	overall.Mapped = []model.SurveyMapped{{Answer: "非常满意", Option: model.SurveySatisfied, Count: 4, By: "map"}}
	staff := surveyCount(17, 70, 118, 2)
	staff.Question, staff.Header = 14, "14、人员"
	cmd := recordSurvey(meta, 120, overall, staff)
	if _, err := s.Execute(cmd); err != nil {
		t.Fatal(err)
	}
	var sv *Survey
	s.Read(func(st *State) { sv = st.Survey })
	a, okA := sv.Item(16)
	b, okB := sv.Item(17)
	if sv.File != "survey.xlsx" || sv.Respondents != 120 || sv.By != "secretary-1" || !okA || !okB || !a.Met || b.Met ||
		a.Answered != 117 || a.Mapped[0].Count != 4 || len(b.Mapped) != 0 || b.Mapped == nil {
		t.Fatalf("survey %+v", sv)
	}
	// A later recording replaces it.
	exec(t, s, recordSurvey(Meta{At: t0.Add(6), Actor: "host"}, 5, surveyCount(16, 3, 5, 0)))
	s.Read(func(st *State) { sv = st.Survey })
	if _, ok := sv.Item(17); ok || len(sv.Items) != 1 || !sv.Items[0].Met {
		t.Fatalf("replaced survey %+v", sv)
	}
	re, err := Load(log)
	if err != nil {
		t.Fatal(err)
	}
	var again *Survey
	re.Read(func(st *State) { again = st.Survey })
	if !reflect.DeepEqual(again, sv) {
		t.Errorf("replayed %+v, want %+v", again, sv)
	}
	var cmds []Command
	if err := ReplayCommands(log, func(c Command) error { cmds = append(cmds, c); return nil }); err != nil {
		t.Fatal(err)
	}
	back := cmds[1].(RecordSurvey)
	back.At = back.At.In(cmd.At.Location())
	cmd.Items[1].Mapped = []model.SurveyMapped{} // stored as an empty list
	if !reflect.DeepEqual(back, cmd) {
		t.Errorf("command behind the event %+v, want %+v", back, cmd)
	}
}

// TestRecordSurveyRefused: counts that cannot be a survey's are refused
// with their field and code, and change nothing; a desk may not record.
func TestRecordSurveyRefused(t *testing.T) {
	s, _ := newSession(t, 3)
	meta := Meta{At: t0.Add(1), Actor: "secretary-1", Role: RoleSecretary}
	ok := surveyCount(16, 60, 100, 0)
	neg := ok
	neg.Less = -1
	neg.Neutral++
	badMap := ok
	badMap.Mapped = []model.SurveyMapped{{Answer: "很好", Option: "很好", Count: 1, By: "map"}}
	tooMany := ok
	tooMany.Mapped = []model.SurveyMapped{{Answer: "1", Option: model.SurveySatisfied, Count: 20, By: "legend"},
		{Answer: "A", Option: model.SurveySatisfied, Count: 20, By: "legend"}}
	tests := []struct {
		name  string
		cmd   RecordSurvey
		field string
		code  Code
	}{
		{"no file", RecordSurvey{Meta: meta, Respondents: 100, Items: []model.SurveyCount{ok}}, "file", CodeEmpty},
		{"no item", recordSurvey(meta, 100), "items", CodeSurveyItem},
		{"item 15", recordSurvey(meta, 100, surveyCount(15, 60, 100, 0)), "items[0].item", CodeSurveyItem},
		{"item twice", recordSurvey(meta, 100, ok, ok), "items[1].item", CodeSurveyItem},
		{"negative", recordSurvey(meta, 100, neg), "items[0]", CodeNegative},
		{"negative respondents", recordSurvey(meta, -1, ok), "respondents", CodeNegative},
		{"nobody answered", recordSurvey(meta, 4, surveyCount(16, 0, 0, 4)), "items[0]", CodeNoAnswers},
		{"not the respondents", recordSurvey(meta, 101, ok), "items[0]", CodeSurveySum},
		{"mapped off the scale", recordSurvey(meta, 100, badMap), "items[0].mapped[0]", CodeBadOption},
		{"mapped more than counted", recordSurvey(meta, 100, tooMany), "items[0].mapped[1].count", CodeSurveySum},
	}
	for _, tt := range tests {
		_, err := s.Execute(tt.cmd)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field || fe.Code != tt.code {
			t.Errorf("%s: %v, want field %s code %s", tt.name, err, tt.field, tt.code)
		}
	}
	desk := recordSurvey(Meta{At: t0.Add(1), Actor: "desk-1", Role: RoleDesk}, 100, ok)
	if _, err := s.Execute(desk); !errors.As(err, new(*RoleError)) {
		t.Errorf("a desk recorded a survey: %v", err)
	}
	var sv *Survey
	s.Read(func(st *State) { sv = st.Survey })
	if sv != nil {
		t.Errorf("a refusal changed the state: %+v", sv)
	}
}
