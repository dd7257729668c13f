package prep_test

import (
	"flag"
	"os"
	"testing"

	"podium/files"
	"podium/prep"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestCompositionDemo: the demo congress's roster against the seed's
// targets, as the secretary reads it.
func TestCompositionDemo(t *testing.T) {
	r, err := prep.Composition(files.Demo().Roster, "2026-11-30", prep.DefaultTolerance)
	if err != nil {
		t.Fatal(err)
	}
	got := r.Text() + "\n" + prep.SurplusText([]prep.Surplus{prep.CommitteeSurplus(*files.Demo().Election)})
	const golden = "testdata/composition_demo.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("demo composition:\n%s\nwant:\n%s", got, want)
	}
	if !r.OK() {
		t.Error("the demo roster does not meet the seed's targets")
	}
}

// TestDemoCommitteeSurplus: the demo election's 15 candidates for 13
// seats are shown, not required (RULES §8).
func TestDemoCommitteeSurplus(t *testing.T) {
	c := prep.CommitteeSurplus(*files.Demo().Election)
	if c.Seats != 13 || c.Candidates != 15 || c.Surplus != "15.4%" || c.Required || c.Status != prep.OK {
		t.Errorf("demo committee: %+v, want 15 for 13, 15.4%%, shown only", c)
	}
}
