package paper

import (
	"reflect"
	"testing"

	"podium/files"
	"podium/model"
)

// TestMethodTOMLRoundTrip: the method file written for a rehearsal reads
// back as the method in force, every setting included (a rehearsal counted
// by `podium count` must follow the congress's own rules).
func TestMethodTOMLRoundTrip(t *testing.T) {
	m := model.DefaultMethod(13)
	m.Categories = []model.Category{{Name: "主席团", Seats: 3}, {Name: "分院学生会", Seats: 7}, {Name: "社团", Seats: 3}}
	m.Tie, m.OtherMarks = model.TieVacant, model.OtherMarksAbstain
	got, err := files.ParseMethod("method.toml", MethodTOML(m))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, m) {
		t.Errorf("read back %+v\nwant %+v", got, m)
	}
}
