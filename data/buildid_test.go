package data

import (
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildIDOfTestBinary: a test binary has a Go build ID, the one `go
// tool buildid` reads.
func TestBuildIDOfTestBinary(t *testing.T) {
	id := BuildID()
	if id == "" {
		t.Fatal("no build ID read from the test binary")
	}
	if id != BuildID() {
		t.Fatal("BuildID changed")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != id {
		t.Fatalf("BuildID %q, go tool buildid says %q", id, got)
	}
}

// TestBuildIDNotReadable: a file that is not ELF, or a note that is not
// Go's or is cut short, gives "".
func TestBuildIDNotReadable(t *testing.T) {
	text := filepath.Join(t.TempDir(), "script")
	writeFile(t, text, []byte("#!/bin/sh\necho hi\n"))
	for _, path := range []string{text, filepath.Join(t.TempDir(), "missing")} {
		if id := elfBuildID(path); id != "" {
			t.Errorf("%s: build ID %q", path, id)
		}
	}
	note := func(name string, typ uint32, desc string) []byte {
		b := binary.LittleEndian.AppendUint32(nil, uint32(len(name)))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(desc)))
		b = binary.LittleEndian.AppendUint32(b, typ)
		b = append(b, name...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		return append(b, desc...)
	}
	good := note("Go\x00", goNoteType, "abc/def")
	for _, c := range []struct {
		name string
		note []byte
		want string
	}{
		{"Go's note", good, "abc/def"},
		{"cut short", good[:len(good)-1], ""},
		{"cut in its header", good[:11], ""},
		{"another type", note("Go\x00", 3, "abc/def"), ""},
		{"another name", note("GNU\x00", goNoteType, "abc/def"), ""},
		{"empty", note("Go\x00", goNoteType, ""), ""},
		{"a huge name size", append(binary.LittleEndian.AppendUint32(nil, 0xffffffff), good[4:]...), ""},
	} {
		if got := goBuildIDNote(c.note, binary.LittleEndian); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
