package widgets

import (
	"slices"
	"testing"

	"podium/model"
	"podium/tui/internal/fixture"
)

func ids(roster []model.Person, idx []int) []string {
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = roster[j].ID
	}
	return out
}

func TestSearch(t *testing.T) {
	s := fixture.Setup()
	ix := NewIndex(s.Roster)
	tests := []struct {
		name, q string
		first   []string // the results must start with these, in order
		exact   bool     // and contain nothing else
		absent  []string // and must not contain these
	}{
		{"han full name", "张新龙", []string{"A001"}, true, nil},
		{"han prefix", "张新", []string{"A001"}, true, nil},
		{"han surname", "张", []string{"A001", "A002"}, true, nil},
		{"full pinyin", "zhangxinlong", []string{"A001"}, true, nil},
		{"pinyin prefix", "zhangxin", []string{"A001"}, true, nil},
		{"initials, both whole names", "zxl", []string{"A001", "A002"}, true, nil},
		{"initials with more letters", "zxinl", []string{"A001"}, true, nil},
		{"mixed han and initials", "张xl", []string{"A001", "A002"}, true, nil},
		{"mixed han and pinyin", "张xinl", []string{"A001"}, true, nil},
		{"mixed pinyin and initials", "zhangxl", []string{"A001", "A002"}, true, nil},
		{"upper case and spaces", "Z X L", []string{"A001", "A002"}, true, nil},
		{"full-width letters", "ｚｘｌ", []string{"A001", "A002"}, true, nil},
		{"dot name initials", "aygl", []string{"A003"}, true, nil},
		{"dot name whole initials", "ayglmmt", []string{"A003"}, true, nil},
		{"dot name typed with dot", "阿依古丽·买", []string{"A003"}, true, nil},
		{"dot name given part (infix)", "maimaiti", []string{"A003"}, true, nil},
		{"latin part of a name", "anna", []string{"A007"}, true, nil},
		{"polyphonic surname shan", "stf", []string{"A004"}, true, nil},
		{"polyphonic surname dan", "dtf", []string{"A004"}, true, nil},
		{"polyphonic full", "shantianfang", []string{"A004"}, true, nil},
		{"polyphonic zeng", "zzm", []string{"A008"}, true, nil},
		{"polyphonic ceng", "cengzimo", []string{"A008"}, true, nil},
		{"ü as v", "lvbu", []string{"A009"}, true, nil},
		{"ü as u", "lubu", []string{"A009"}, true, nil},
		{"duplicate names, roster order", "ww", []string{"A005", "A006"}, true, nil},
		{"duplicate names in han", "王伟", []string{"A005", "A006"}, true, nil},
		{"observer", "oynn", []string{"O001"}, true, nil},
		{"guest latin name (林明 matches too)", "liming", []string{"G001"}, false, nil},
		{"roster id", "a003", []string{"A003"}, true, nil},
		{"whole name before longer names", "zx", []string{"A001", "A002"}, false, nil},
		{"unit after names", "hlfy", []string{"A001", "A005", "O001"}, false, []string{"A002"}},
		{"short initials do not match units", "hl", nil, false, []string{"A001", "A005"}},
		{"unit in han", "护理", []string{"A001", "A005", "O001"}, false, nil},
		{"no match", "qqqq", nil, true, nil},
		{"no match han", "龘", nil, true, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ids(s.Roster, ix.Search(tc.q, nil, nil))
			if len(got) < len(tc.first) || !slices.Equal(got[:len(tc.first)], tc.first) {
				t.Fatalf("Search(%q) = %v, want it to start with %v", tc.q, got, tc.first)
			}
			if tc.exact && len(got) != len(tc.first) {
				t.Fatalf("Search(%q) = %v, want exactly %v", tc.q, got, tc.first)
			}
			for _, a := range tc.absent {
				if slices.Contains(got, a) {
					t.Fatalf("Search(%q) = %v, must not contain %s", tc.q, got, a)
				}
			}
		})
	}
}

func TestSearchEmptyAndKeep(t *testing.T) {
	s := fixture.Setup()
	ix := NewIndex(s.Roster)
	if got := ix.Search("", nil, nil); len(got) != len(s.Roster) || got[0] != 0 || got[len(got)-1] != len(got)-1 {
		t.Fatalf("empty query: %d results, want the roster in order", len(got))
	}
	onlyFive := func(i int) bool { return s.Roster[i].ID == "A005" }
	if got := ids(s.Roster, ix.Search("ww", onlyFive, nil)); !slices.Equal(got, []string{"A005"}) {
		t.Fatalf("keep: %v", got)
	}
}

// BenchmarkSearch3000 measures one keystroke's filter over 3000 people.
// Each iteration is one search; the queries are what a desk types.
func BenchmarkSearch3000(b *testing.B) {
	roster := fixture.Roster(3000)
	ix := NewIndex(roster)
	queries := []string{"z", "zx", "zxl", "张", "张新", "zhang", "zhangxin", "aygl", "wang", "shanz", "qqq"}
	var dst []int
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		dst = ix.Search(queries[i%len(queries)], nil, dst)
	}
}

// BenchmarkIndex3000 measures building the index once per roster.
func BenchmarkIndex3000(b *testing.B) {
	roster := fixture.Roster(3000)
	for b.Loop() {
		NewIndex(roster)
	}
}
