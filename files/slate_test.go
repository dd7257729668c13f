package files

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"podium/model"
)

// TestReadSlate links candidates to the roster by id or by a unique
// formal delegate's name, and refuses an ambiguous name with the rows.
func TestReadSlate(t *testing.T) {
	roster := []model.Person{
		{ID: "A001", Name: "张新龙", Unit: "护理分院"},
		{ID: "A002", Name: "张新龙", Unit: "机电工程分院"},
		{ID: "A003", Name: "王芳", Unit: "财经分院"},
		{ID: "A004", Name: "赵敏", Unit: "财经分院"},
		{ID: "O001", Name: "李强", Unit: "校学生会", Kind: model.Observer},
	}
	m := model.DefaultMethod(2)
	for _, tt := range []struct {
		src  string
		want []model.Candidate
	}{
		{"name\n王芳\n李强\n刘洋\n", []model.Candidate{{Name: "王芳", PersonID: "A003"}, {Name: "李强"}, {Name: "刘洋"}}},
		{"\uFEFFname,person_id\n张新龙,a002\n王芳,\n", []model.Candidate{{Name: "张新龙", PersonID: "A002"}, {Name: "王芳", PersonID: "A003"}}},
		{"ID,Name\nA001,张新龙\n", []model.Candidate{{Name: "张新龙", PersonID: "A001"}}},
	} {
		got, err := ReadSlate("c.csv", strings.NewReader(tt.src), m, roster)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %+v, %v; want %+v", tt.src, got, err, tt.want)
		}
	}
	for _, tt := range []struct {
		src, col, value, reason string
		row                     int
	}{
		{"name\n王芳\n张新龙\n", "name", "张新龙", "is the name of 2 formal delegates on the roster: A001 (护理分院), A002 (机电工程分院); add a person_id column", 3},
		{"name,id\n王芳,A009\n", "id", "A009", "is not the id of anyone on the roster", 2},
		{"name,person_id\n王芳,A004\n", "person_id", "A004", "is 赵敏 (财经分院, formal) on the roster, not the formal delegate 王芳", 2},
		{"name,person_id\n李强,O001\n", "person_id", "O001", "is 李强 (校学生会, observer) on the roster", 2},
		{"name,person_id\n王芳,A003\n赵敏,a003\n", "person_id", "a003", "is also the id of the candidate on row 2", 3},
		{"name,person_id,id\n王芳,A003,A003\n", "id", "id", "repeats column person_id (B)", 1},
		{"name\n", "", "", "has a header but no candidate", 1},
	} {
		_, err := ReadSlate("c.csv", strings.NewReader(tt.src), m, roster)
		var fe *FileError
		if !errors.As(err, &fe) || fe.File != "c.csv" || fe.Row != tt.row || fe.Column != tt.col || fe.Value != tt.value || !strings.Contains(fe.Reason, tt.reason) {
			t.Errorf("%q: %v; want row %d column %q value %q reason ~%q", tt.src, err, tt.row, tt.col, tt.value, tt.reason)
		}
	}
	// podium count reads the same file without a roster: the ids as written.
	got, err := ReadCandidates("c.csv", strings.NewReader("name,person_id\n张新龙,a002\n"), m)
	if err != nil || got[0].PersonID != "a002" {
		t.Errorf("ReadCandidates: %+v, %v", got, err)
	}
}
