package session

import (
	"errors"
	"testing"

	"podium/session/snapshot"
)

// TestResumeGivesReplay: a checkpoint's image made at any event of a log
// — the first, one inside a teller's run of ballots, the last — and
// resumed on the whole log gives exactly the state a full replay gives
// (every field, unexported ones too), and CheckImage agrees.
func TestResumeGivesReplay(t *testing.T) {
	_, congress := decidedCongress(t)
	for name, log := range map[string]*MemoryLog{"the congress": congress, "the desks": desksLog(t)} {
		full, err := Load(log)
		if err != nil {
			t.Fatal(err)
		}
		n := len(log.recs)
		for _, k := range []int{1, 2, n / 3, n / 2, n - 1, n} {
			part := &MemoryLog{recs: log.recs[:k]}
			image, seq, err := Image(part)
			if err != nil || seq != uint64(k) {
				t.Fatalf("%s at %d: image of %d: %v", name, k, seq, err)
			}
			s, err := Resume(&MemoryLog{recs: append([]Record(nil), log.recs...)}, image)
			if err != nil {
				t.Fatalf("%s at %d: %v", name, k, err)
			}
			if f := snapshot.Differs(&s.st, &full.st); f != "" {
				t.Fatalf("%s: resumed at %d of %d, the state differs in %s", name, k, n, f)
			}
			if err := CheckImage(log, image); err != nil {
				t.Fatalf("%s at %d: %v", name, k, err)
			}
			// The resumed session goes on like the replayed one.
			if _, err := s.Execute(AddNote{Meta: by("sec", 600), Text: "续"}); err != nil {
				t.Fatalf("%s at %d: %v", name, k, err)
			}
		}
	}
}

// TestCheckImageSeesDifference: an image whose state differs from the
// log's replay — one person's status changed, or made from another log —
// is reported with the field that differs; bytes that are no image are
// refused by Resume and CheckImage alike.
func TestCheckImageSeesDifference(t *testing.T) {
	_, log := decidedCongress(t)
	image, _, err := Image(log)
	if err != nil {
		t.Fatal(err)
	}
	var st State
	if err := snapshot.Decode(image, &st); err != nil {
		t.Fatal(err)
	}
	st.Attendance[3].Status = OnLeave
	changed, err := snapshot.Encode(&st)
	if err != nil {
		t.Fatal(err)
	}
	var ie *ImageError
	if err := CheckImage(log, changed); !errors.As(err, &ie) || ie.Field != "Attendance" {
		t.Fatalf("a changed status: %v", err)
	}
	other, _, err := Image(desksLog(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckImage(log, other); !errors.As(err, &ie) || ie.Field == "" {
		t.Fatalf("another log's image: %v", err)
	}
	for _, bad := range [][]byte{nil, []byte("podium"), image[:len(image)/2], append(append([]byte(nil), image...), 0)} {
		if _, err := Resume(log, bad); !errors.As(err, &ie) {
			t.Fatalf("Resume of %d bytes: %v", len(bad), err)
		}
		if err := CheckImage(log, bad); !errors.As(err, &ie) {
			t.Fatalf("CheckImage of %d bytes: %v", len(bad), err)
		}
	}
}
