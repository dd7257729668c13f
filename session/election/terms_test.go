package election

import (
	"testing"

	"podium/internal/textcheck"
)

// TestTermsComplete walks both languages' words of the tally sheet and
// fails on any word left out, or a status one language lacks.
func TestTermsComplete(t *testing.T) {
	for lang, w := range map[string]terms{"zh": zhWords, "en": enWords} {
		for _, m := range textcheck.Missing(lang, w) {
			t.Errorf("%s is missing", m)
		}
	}
	for _, m := range textcheck.SameKeys(zhWords, enWords) {
		t.Errorf("%s is in one language only", m)
	}
}
