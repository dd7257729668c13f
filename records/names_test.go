package records

import (
	"html/template"
	"testing"
)

// TestNamesKeptWhole: every name of the record is printed in a span that
// does not wrap, the longest name first, and the text around it is still
// escaped.
func TestNamesKeptWhole(t *testing.T) {
	r := &Record{SignIn: SignIn{Units: []Unit{{People: []Signing{{Name: "马小梅"}, {Name: "艾克拜尔·艾合买提"}, {Name: "艾克"}, {Name: "王"}}}}},
		Election: &Election{Candidates: []Listed{{Name: "司马雪莹"}}}}
	nm := namesOf(r)
	for _, tc := range []struct{ in, want string }{
		{"当选：马小梅、艾克拜尔·艾合买提", `当选：<span class="nm">马小梅</span>、<span class="nm">艾克拜尔·艾合买提</span>`},
		{"艾克 <b>司马雪莹", `<span class="nm">艾克</span> &lt;b&gt;<span class="nm">司马雪莹</span>`},
		{"王芳", "王芳"}, // one character is no name to keep whole
	} {
		got := nm.lines(tc.in)
		if len(got) != 1 || got[0] != template.HTML(tc.want) {
			t.Errorf("%q: %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := (names{}).lines("a<b\nc"); len(got) != 2 || got[0] != "a&lt;b" || got[1] != "c" {
		t.Errorf("no names: %q", got)
	}
}
