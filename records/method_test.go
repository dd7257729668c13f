package records

import (
	"strings"
	"testing"

	"podium/model"
)

// TestMethodTextTie: the method as filed says what a tie across the
// cut-off leads to under the method in force, a runoff or vacant seats.
func TestMethodTextTie(t *testing.T) {
	for _, tc := range []struct {
		lang, tie, want, not string
	}{
		{"zh", "runoff", "重新投票选举", "空缺"},
		{"zh", "vacant", "均不当选，其余名额空缺", "重新投票选举"},
		{"en", "runoff", "voted on again", "vacant"},
		{"en", "vacant", "their seats stay vacant", "voted on again"},
	} {
		e := &Election{Name: "X", Seats: 3, Quorum: Rule{Num: 4, Den: 5, Strict: true}, Threshold: Rule{Num: 1, Den: 2, Strict: true},
			ThresholdBase: "expected", WriteIns: string(model.WriteInsWithDisapproval), OverSelection: "category", Tie: tc.tie}
		text := strings.Join(methodText(builder{zh: tc.lang == "zh", lang: tc.lang}, e), "\n")
		if !strings.Contains(text, tc.want) || strings.Contains(text, tc.not) {
			t.Errorf("%s tie=%s: the method says\n%s\nwant %q, not %q", tc.lang, tc.tie, text, tc.want, tc.not)
		}
	}
}
