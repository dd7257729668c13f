package data

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"podium/session"
)

// fixtureChain returns the hash of every record of the fixture, by seq
// (index 0 unused), read through bbolt from an intact copy.
func fixtureChain(t testing.TB) [][32]byte {
	t.Helper()
	b, err := os.ReadFile(fixturePath)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "intact.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	hashes := make([][32]byte, 1, fixtureEvents+1)
	prev := [32]byte{}
	err = st.Replay(func(r session.Record) error {
		v := append(prev[:len(prev):len(prev)], r.Data...)
		prev = sha256.Sum256(v)
		hashes = append(hashes, prev)
		return nil
	})
	if err != nil || len(hashes) != fixtureEvents+1 {
		t.Fatalf("fixture replay: %d %v", len(hashes)-1, err)
	}
	return hashes
}

// damaged is one way of damaging the fixture.
type damaged struct {
	name string
	do   func([]byte) []byte
}

func truncated(n int) damaged {
	return damaged{fmt.Sprintf("cut to %d bytes", n), func(b []byte) []byte { return b[:min(n, len(b))] }}
}

func flipped(off int, x byte) damaged {
	return damaged{fmt.Sprintf("byte %d xor %#02x", off, x), func(b []byte) []byte {
		if off < len(b) {
			b[off] ^= x
		}
		return b
	}}
}

// damages is the table: cuts at many lengths, and flips at many offsets
// (a stride over the whole file, with several masks, and every byte of
// the two header pages' fields, the page headers and the first branch
// and leaf entries).
func damages(size int) []damaged {
	var ds []damaged
	for _, n := range []int{0, 1, 15, 100, 4095, 4096, 4097, 8191, 8192, 12288, 16383, 16384, 50000, size - 4096, size - 1} {
		ds = append(ds, truncated(n))
	}
	for n := 3 * 4096; n < size; n += 4096 {
		ds = append(ds, truncated(n), truncated(n+2048))
	}
	masks := []byte{0x38, 0x01, 0x80, 0xff}
	for i, off := 0, 0; off < size; i, off = i+1, off+211 {
		ds = append(ds, flipped(off, masks[i%len(masks)]))
	}
	for off := 0; off < 16+64; off += 3 { // the two header pages
		ds = append(ds, flipped(off, 0x38), flipped(4096+off, 0x38))
	}
	for page := 2; page < size/4096; page++ { // page headers, first entries
		for _, off := range []int{0, 3, 8, 10, 12, 16, 20, 24, 28} {
			ds = append(ds, flipped(page*4096+off, 0x38))
		}
	}
	return ds
}

// TestDamagedFixture cuts and flips the committed fixture at many places
// and checks, for each, that Open, Verify, Replay (through session.Load)
// and Salvage never panic and give the right kind of error, and that what
// salvage saves is a prefix of the original chain that verifies.
func TestDamagedFixture(t *testing.T) {
	orig, err := os.ReadFile(fixturePath)
	if err != nil {
		t.Fatal(err)
	}
	hashes := fixtureChain(t)
	dir := t.TempDir()
	createOptions = Options{noSync: true} // thousands of salvaged files
	defer func() { createOptions = Options{} }()
	ds := damages(len(orig))
	if testing.Short() {
		ds = ds[:len(ds)/8]
	}
	counts := map[string]int{}
	for i, d := range ds {
		path := filepath.Join(dir, fmt.Sprintf("d%d.db", i))
		if err := os.WriteFile(path, d.do(append([]byte(nil), orig...)), 0o600); err != nil {
			t.Fatal(err)
		}
		verdict := checkDamaged(t, d.name, path)
		counts[verdict]++
		out := filepath.Join(dir, fmt.Sprintf("s%d.db", i))
		checkSalvage(t, d.name, path, out, verdict, hashes)
		os.Remove(path)
		os.Remove(out)
	}
	t.Logf("%d damaged files: %v", len(ds), counts)
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("files left behind: %v", ents)
	}
}

// checkDamaged opens and verifies one damaged file and returns what was
// found: "ok" (the damage is in a part nothing reads), "not a log",
// "damage" or "schema".
func checkDamaged(t *testing.T, name, path string) string {
	t.Helper()
	st, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		return kindOf(t, name, "open", err)
	}
	defer st.Close()
	n, last, verr := st.Verify()
	_, lerr := session.Load(st)
	if verr != nil {
		if lerr != nil && !errors.Is(lerr, ErrDamaged) && !errors.As(lerr, new(*session.CorruptError)) && !errors.Is(lerr, session.ErrEmpty) {
			t.Errorf("%s: load: %T %v", name, lerr, lerr)
		}
		return kindOf(t, name, "verify", verr)
	}
	if n != fixtureEvents {
		t.Errorf("%s: verify ok with %d events %x", name, n, last)
	}
	if lerr != nil && !errors.As(lerr, new(*session.CorruptError)) {
		// A flip inside an event's data is found by the chain (Verify);
		// Load may find it first by decoding.
		t.Errorf("%s: verify ok but load: %v", name, lerr)
	}
	return "ok"
}

// kindOf checks that err is one of the typed errors a damaged file gives.
func kindOf(t *testing.T, name, what string, err error) string {
	t.Helper()
	var (
		nl *NotLogError
		se *SchemaError
	)
	switch {
	case errors.Is(err, ErrDamaged):
		return "damage"
	case errors.As(err, &nl):
		return "not a log"
	case errors.As(err, &se):
		return "schema"
	}
	t.Errorf("%s: %s: untyped error %T: %v", name, what, err, err)
	return "untyped"
}

// checkSalvage salvages one damaged file: no panic, and what is saved
// verifies and is the original chain up to the event saved last; an
// intact chain (verdict ok) is saved whole.
func checkSalvage(t *testing.T, name, path, out, verdict string, hashes [][32]byte) {
	t.Helper()
	rep, err := Salvage(context.Background(), path, out, nil)
	if err != nil {
		if !errors.As(err, new(*NothingSavedError)) && !errors.As(err, new(*NotLogError)) {
			t.Errorf("%s: salvage: %T %v", name, err, err)
		}
		if _, serr := os.Stat(out); serr == nil {
			t.Errorf("%s: salvage failed (%v) but wrote %s", name, err, out)
		}
		return
	}
	if verdict == "ok" && rep.Saved != fixtureEvents {
		t.Errorf("%s: verify finds nothing wrong but salvage saved %d events: %s", name, rep.Saved, rep.Stop)
	}
	if rep.Saved > fixtureEvents || rep.Hash != hashes[rep.Saved] {
		t.Errorf("%s: salvage saved %d events ending %x, not the original chain", name, rep.Saved, rep.Hash)
		return
	}
	n, last, err := verifyFile(out)
	if err != nil || uint64(n) != rep.Saved || last != rep.Hash {
		t.Errorf("%s: the salvaged file verifies %d %x %v; salvage said %d %x", name, n, last, err, rep.Saved, rep.Hash)
	}
}
