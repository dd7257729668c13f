package records

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzRecordJSON reads arbitrary bytes as record.json: the decoder (the
// times and the digest are decoded by hand) never panics, and what it
// accepts writes back to JSON that reads back the same.
func FuzzRecordJSON(f *testing.F) {
	seed, err := renderJSON(small(f, "zh", -1))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"digest":{"events":1,"head":"zz"}}`))
	f.Add([]byte(`{"congress":{"started":"2026-11-30T09:05:00+08:00"}}`))
	f.Add([]byte(`{"congress":{"started":null}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Record
		if json.Unmarshal(data, &r) != nil {
			return
		}
		once, err := renderJSON(&r)
		if err != nil {
			t.Fatalf("an accepted record does not write back: %v", err)
		}
		var again Record
		if err := json.Unmarshal(once, &again); err != nil {
			t.Fatalf("the record written back does not read: %v", err)
		}
		twice, _ := renderJSON(&again)
		if !bytes.Equal(once, twice) {
			t.Fatalf("the record changes when read back:\n%s\n%s", once, twice)
		}
	})
}
