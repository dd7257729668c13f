package records

import (
	"testing"

	"podium/internal/textcheck"
)

// TestTermsComplete walks both languages' terms of the records and fails
// on any word left out, or a status word one language lacks.
func TestTermsComplete(t *testing.T) {
	for lang, w := range map[string]terms{"zh": zhTerms, "en": enTerms} {
		for _, m := range textcheck.Missing(lang, w, lang+".tallyKind[regular]") {
			t.Errorf("%s is missing", m)
		}
	}
	for _, m := range textcheck.SameKeys(zhTerms, enTerms) {
		t.Errorf("%s is in one language only", m)
	}
}
