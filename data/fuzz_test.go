package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"podium/session"
)

// mutate returns the fixture with patch XORed in at off (wrapping around
// the file) and, when cut is not zero, cut to cut bytes (modulo the size).
func mutate(orig []byte, off uint32, patch []byte, cut uint32) []byte {
	b := bytes.Clone(orig)
	for i, x := range patch {
		b[(int(off)+i)%len(b)] ^= x
	}
	if cut > 0 {
		b = b[:int(cut)%len(b)]
	}
	return b
}

// FuzzOpenVerify damages the committed fixture (XOR a patch in at an
// offset, cut it short) and opens, verifies and replays it: never a panic
// or a fault, and every error a typed one. Run: go test ./data -run '^$'
// -fuzz FuzzOpenVerify -fuzztime 30s.
func FuzzOpenVerify(f *testing.F) {
	orig, err := os.ReadFile(fixturePath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(uint32(0), []byte{}, uint32(0))
	f.Add(uint32(61818%len(orig)), []byte{0x38}, uint32(0))
	f.Add(uint32(16), []byte{0xff}, uint32(0))
	f.Add(uint32(4096+40), []byte{1, 2, 3}, uint32(0))
	f.Add(uint32(0), []byte{}, uint32(8192))
	f.Add(uint32(0), []byte{}, uint32(50000))
	f.Add(uint32(3*4096+10), []byte{0x80}, uint32(0))
	f.Fuzz(func(t *testing.T, off uint32, patch []byte, cut uint32) {
		path := filepath.Join(t.TempDir(), "f.db")
		if err := os.WriteFile(path, mutate(orig, off, patch, cut), 0o600); err != nil {
			t.Fatal(err)
		}
		typed := func(what string, err error) {
			if err == nil || errors.Is(err, ErrDamaged) || errors.As(err, new(*NotLogError)) ||
				errors.As(err, new(*SchemaError)) || errors.As(err, new(*session.CorruptError)) ||
				errors.Is(err, session.ErrEmpty) {
				return
			}
			t.Errorf("%s: untyped error %T: %v", what, err, err)
		}
		_, _, err := verifyFile(path)
		typed("verify the file", err)
		st, err := Open(path, Options{ReadOnly: true})
		typed("open", err)
		if err != nil {
			return
		}
		defer st.Close()
		_, _, err = st.Verify()
		typed("verify", err)
		_, err = session.Load(st)
		typed("load", err)
	})
}

// FuzzSalvage damages the fixture the same way and salvages it: never a
// panic, and whatever is saved verifies.
func FuzzSalvage(f *testing.F) {
	orig, err := os.ReadFile(fixturePath)
	if err != nil {
		f.Fatal(err)
	}
	createOptions = Options{noSync: true}
	f.Add(uint32(0), []byte{}, uint32(0))
	f.Add(uint32(61818%len(orig)), []byte{0x38}, uint32(0))
	f.Add(uint32(0), []byte{}, uint32(50000))
	f.Add(uint32(2*4096+8), []byte{0xff, 0xff}, uint32(0))
	f.Fuzz(func(t *testing.T, off uint32, patch []byte, cut uint32) {
		dir := t.TempDir()
		path := filepath.Join(dir, "f.db")
		if err := os.WriteFile(path, mutate(orig, off, patch, cut), 0o600); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "s.db")
		rep, err := Salvage(context.Background(), path, out, nil)
		if err != nil {
			if !errors.As(err, new(*NothingSavedError)) && !errors.As(err, new(*NotLogError)) {
				t.Errorf("salvage: %T %v", err, err)
			}
			return
		}
		if n, last, err := verifyFile(out); err != nil || uint64(n) != rep.Saved || last != rep.Hash {
			t.Errorf("the salvaged file verifies %d %x %v; salvage said %d %x", n, last, err, rep.Saved, rep.Hash)
		}
	})
}

// FuzzCheckpointFile reads any bytes as a checkpoint file: never a
// panic; a damaged one is refused as damaged or of another build, and
// what is read is what was written (encoding it gives the same bytes).
// Run: go test ./data -run '^$' -fuzz FuzzCheckpointFile -fuzztime 30s.
func FuzzCheckpointFile(f *testing.F) {
	const build = "test/build"
	whole := (&checkpointFile{build: build, seq: 26018, hash: sha256.Sum256([]byte("x")), image: []byte("an image")}).encode()
	f.Add(whole)
	f.Add(whole[:len(whole)-1])
	f.Add(whole[:20])
	f.Add((&checkpointFile{build: build, seq: 1}).encode())
	f.Add((&checkpointFile{build: "other", seq: 1, image: []byte{0}}).encode())
	f.Add([]byte("PODIUMCK\x01\xff\xff"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := parseCheckpoint(b, build)
		if err != nil {
			if err.Reason != CheckpointDamaged && err.Reason != CheckpointOtherBuild {
				t.Fatalf("reason %s: %v", err.Reason, err)
			}
			return
		}
		if c.build != build || !bytes.Equal(c.encode(), b) {
			t.Fatalf("read %+v from %x, which it does not encode to", c, b)
		}
	})
}

// FuzzResumeImage stores any bytes as the image of a whole checkpoint of
// the log (right build, chain and CRC: only the image is wrong) and loads
// it: never a panic; the session is either replayed in full (the image
// refused, Loaded.Why says why), or resumed and then either checked equal
// to a full replay or refused by its check with an *session.ImageError —
// never a resumed state that passes its check without being the log's.
// Run: go test ./data -run '^$' -fuzz FuzzResumeImage -fuzztime 30s.
func FuzzResumeImage(f *testing.F) {
	path := filepath.Join(f.TempDir(), "podium.db")
	st, s := newSession(f, path, 12)
	if _, err := s.Execute(toggle(s, 13, "desk-2")); err != nil {
		f.Fatal(err)
	}
	image, seq, err := session.Image(st)
	if err != nil {
		f.Fatal(err)
	}
	st.Close()
	full := func(st *Store) session.State { s, _ := session.Load(st); return state(s) }
	f.Add(image)
	f.Add(image[:len(image)/2])
	for _, i := range []int{40, len(image) / 3, len(image) - 9} {
		bad := append([]byte(nil), image...)
		bad[i] ^= 0x41
		f.Add(bad)
	}
	f.Fuzz(func(t *testing.T, img []byte) {
		st, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if err := st.SaveCheckpoint(seq, img); err != nil {
			t.Fatal(err)
		}
		s, info, err := st.Load()
		if err != nil {
			t.Fatal(err)
		}
		switch err := s.Checked(); {
		case !info.Resumed && err != nil:
			t.Fatalf("a full replay's check: %v", err)
		case err != nil:
			if !errors.As(err, new(*session.ImageError)) {
				t.Fatalf("resumed, checked: %v", err)
			}
		case !reflect.DeepEqual(state(s), full(st)):
			t.Fatal("a state that is not the log's passed its check")
		}
	})
}
