package files

import (
	"podium/model"

	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const seedMethodTOML = `# 选举办法
seats = 13
quorum = "4/5"
quorum_strict = true
threshold = "1/2"
threshold_base = "expected"
threshold_strict = true
write_ins = "with_disapproval"
over_selection = "category"

[[categories]]
name = "主席团"
seats = 3

[[categories]]
name = "分院学生会"
seats = 7

[[categories]]
name = "社团"
seats = 3
`

func TestMethodParseSeed(t *testing.T) {
	m, err := ParseMethod("m.toml", []byte(seedMethodTOML))
	if err != nil {
		t.Fatal(err)
	}
	want := model.DefaultMethod(13)
	want.Categories = []model.Category{{Name: "主席团", Seats: 3}, {Name: "分院学生会", Seats: 7}, {Name: "社团", Seats: 3}}
	if !reflect.DeepEqual(m, want) {
		t.Fatalf("got %+v\nwant %+v", m, want)
	}
}

func TestMethodDefaults(t *testing.T) {
	for _, src := range []string{"", "# nothing\n"} {
		m, err := ParseMethod("m.toml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(m, model.DefaultMethod(13)) {
			t.Fatalf("%q: got %+v", src, m)
		}
	}
	// seats omitted: the sum of the categories.
	m, err := ParseMethod("m.toml", []byte("[[categories]]\nname = \"a\"\nseats = 2\n[[categories]]\nname = \"b\"\nseats = 5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Seats != 7 || len(m.Categories) != 2 {
		t.Fatalf("got %+v", m)
	}
}

func TestMethodSettings(t *testing.T) {
	m, err := ParseMethod("m.toml", []byte(`seats = 5
quorum = "2/3"
quorum_strict = false
threshold = " 1 / 2 "
threshold_base = "valid"
threshold_strict = false
write_ins = "none"
over_selection = "ballot"
tie = "vacant"
other_marks = "abstain"
`))
	if err != nil {
		t.Fatal(err)
	}
	want := model.Method{Seats: 5, Quorum: model.Fraction{Num: 2, Den: 3, Strict: false}, Threshold: model.Fraction{Num: 1, Den: 2, Strict: false},
		ThresholdBase: model.BaseValid, WriteIns: model.WriteInsNone, OverSelection: model.OverSelectionBallot,
		Tie: model.TieVacant, OtherMarks: model.OtherMarksAbstain}
	if !reflect.DeepEqual(m, want) {
		t.Fatalf("got %+v", m)
	}
	m, err = ParseMethod("m.toml", []byte("threshold_base = \"present\"\n"))
	if err != nil || m.ThresholdBase != model.BasePresent {
		t.Fatalf("got %+v, %v", m, err)
	}
}

func TestFileErrors(t *testing.T) {
	cats := "[[categories]]\nname = \"a\"\nseats = 3\n\n[[categories]]\nname = \"b\"\nseats = 4\n"
	tests := []struct {
		name, src string
		line      int
		key       string
	}{
		{"unknown key", "seats = 13\n\nseat = 3\n", 3, "seat"},
		{"unknown table", "seats = 13\n[extra]\nx = 1\n", 2, "extra"},
		{"fraction 3/2", "seats = 13\nthreshold = \"3/2\"\n", 2, "threshold"},
		{"fraction 1/0", "quorum = \"1/0\"\n", 1, "quorum"},
		{"fraction a", "\n\nquorum = \"a\"\n", 3, "quorum"},
		{"fraction number", "quorum = 0.8\n", 1, "quorum"},
		{"fraction negative", "quorum = \"-1/2\"\n", 1, "quorum"},
		{"fraction huge", "quorum = \"1/9999999\"\n", 1, "quorum"},
		{"strict not bool", "x = 1\n", 1, "x"},
		{"quorum_strict string", "seats = 3\nquorum_strict = \"yes\"\n", 2, "quorum_strict"},
		{"base unknown", "threshold_base = \"plurality\"\n", 1, "threshold_base"},
		{"base of another key", "threshold_base = \"none\"\n", 1, "threshold_base"},
		{"write_ins unknown", "\nwrite_ins = \"any\"\n", 2, "write_ins"},
		{"over_selection unknown", "over_selection = \"candidate\"\n", 1, "over_selection"},
		{"seats zero", "seats = 0\n", 1, "seats"},
		{"seats negative", "seats = -3\n", 1, "seats"},
		{"seats string", "seats = \"13\"\n", 1, "seats"},
		{"seats float", "seats = 13.0\n", 1, "seats"},
		{"seats huge", "seats = 1000000000000\n", 1, "seats"},
		{"sum mismatch", "seats = 8\n" + cats, 1, "seats"},
		{"duplicate category", "seats = 6\n" + strings.Replace(cats, `"b"`, `"a"`, 1), 7, "categories[2].name"},
		{"empty category name", "seats = 7\n" + strings.Replace(cats, `"b"`, `" "`, 1), 7, "categories[2].name"},
		{"missing category name", "[[categories]]\nseats = 3\n", 1, "categories[1].name"},
		{"category seats zero", "seats = 3\n" + strings.Replace(cats, "seats = 4", "seats = 0", 1), 8, "categories[2].seats"},
		{"category unknown key", "[[categories]]\nname = \"a\"\nseats = 3\nsize = 1\n", 4, "categories[1].size"},
		{"categories not tables", "categories = 3\n", 1, "categories"},
		{"syntax", "seats = 13\nquorum = \"4/5\n", 2, ""},
		{"duplicate key", "seats = 13\nseats = 12\n", 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseMethod("method.toml", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error, got %+v", m)
			}
			var me *FileError
			if !errors.As(err, &me) {
				t.Fatalf("error %T %v is no *FileError", err, err)
			}
			if me.File != "method.toml" || me.Line != tt.line {
				t.Errorf("got %s line %d, want line %d (%v)", me.File, me.Line, tt.line, err)
			}
			if tt.key != "" && me.Key != tt.key {
				t.Errorf("key %q, want %q (%v)", me.Key, tt.key, err)
			}
			if !strings.HasPrefix(err.Error(), "method.toml line ") {
				t.Errorf("message %q does not name the file", err)
			}
		})
	}
}

func TestMethodRead(t *testing.T) {
	p := filepath.Join(t.TempDir(), "选举办法.toml")
	if err := os.WriteFile(p, []byte(seedMethodTOML), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := ReadMethod(p)
	if err != nil || m.Seats != 13 || len(m.Categories) != 3 {
		t.Fatalf("got %+v, %v", m, err)
	}
	_, err = ReadMethod(p + ".missing")
	var me *FileError
	if !errors.As(err, &me) || me.File != p+".missing" {
		t.Fatalf("got %v", err)
	}
}

func TestMethodValid(t *testing.T) {
	if err := model.ValidMethod(model.DefaultMethod(13)); err != nil {
		t.Fatal(err)
	}
	bad := []model.Method{
		model.DefaultMethod(0),
		func() model.Method {
			m := model.DefaultMethod(3)
			m.Quorum = model.Fraction{Num: 3, Den: 2, Strict: true}
			return m
		}(),
		func() model.Method { m := model.DefaultMethod(3); m.ThresholdBase = "x"; return m }(),
		func() model.Method {
			m := model.DefaultMethod(3)
			m.Categories = []model.Category{{Name: "a", Seats: 2}}
			return m
		}(),
		func() model.Method {
			m := model.DefaultMethod(4)
			m.Categories = []model.Category{{Name: "a", Seats: 2}, {Name: "a", Seats: 2}}
			return m
		}(),
	}
	for i, m := range bad {
		if model.ValidMethod(m) == nil {
			t.Errorf("%d: %+v accepted", i, m)
		}
	}
}

func FuzzParseMethod(f *testing.F) {
	f.Add([]byte(seedMethodTOML))
	f.Add([]byte(""))
	f.Add([]byte("seats = 5\nthreshold = \"2/3\"\nthreshold_strict = false\n"))
	f.Add([]byte("[[categories]]\nname = \"a\"\nseats = 1\n"))
	f.Add([]byte("categories = [{name = \"a\", seats = 2}, {name = \"b\", seats = 3}]\nseats = 5\n"))
	f.Add([]byte("quorum = \"9/10\"\nwrite_ins = \"none\"\nover_selection = \"ballot\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseMethod("f.toml", data)
		if err != nil {
			var me *FileError
			if !errors.As(err, &me) || me.File != "f.toml" || me.Line < 0 {
				t.Fatalf("bad error %T %v", err, err)
			}
			return
		}
		if err := model.ValidMethod(m); err != nil {
			t.Fatalf("parsed an invalid method %+v: %v", m, err)
		}
	})
}
