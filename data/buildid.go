package data

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"os"
	"sync"
)

// BuildID returns the Go build ID of the running executable, read once
// from its ELF note .note.go.buildid (the headers and one small section,
// not the whole file). It is "" when it cannot be read — not an ELF file,
// no such note, an error — and then checkpoints are neither written nor
// used: a checkpoint is an image of the state in this build's encoding,
// so it is used only by the very build that wrote it.
func BuildID() string { return buildID() }

// buildID is BuildID's source; tests replace it to act as another build.
var buildID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return elfBuildID(exe)
})

// elfBuildID reads the Go build ID from the ELF file at path: "" when it
// has none or cannot be read.
func elfBuildID(path string) string {
	f, err := elf.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil || sec.Type != elf.SHT_NOTE || sec.Size > 1<<12 {
		return ""
	}
	note, err := sec.Data()
	if err != nil {
		return ""
	}
	return goBuildIDNote(note, f.ByteOrder)
}

// goNoteType is the type of the ELF note that holds Go's build ID, whose
// name is "Go".
const goNoteType = 4

// goBuildIDNote returns the build ID in an ELF note section: a 4-byte name
// size, a 4-byte description size and a 4-byte type, then the name and
// the description, each padded to 4 bytes. "" when it is not Go's note.
func goBuildIDNote(note []byte, order binary.ByteOrder) string {
	if len(note) < 12 {
		return ""
	}
	nameSize, descSize, typ := order.Uint32(note), order.Uint32(note[4:]), order.Uint32(note[8:])
	rest := note[12:]
	nameEnd := (uint64(nameSize) + 3) &^ 3
	if typ != goNoteType || nameEnd > uint64(len(rest)) || uint64(descSize) > uint64(len(rest))-nameEnd {
		return ""
	}
	if name := bytes.TrimRight(rest[:nameSize], "\x00"); string(name) != "Go" {
		return ""
	}
	id := rest[nameEnd : nameEnd+uint64(descSize)]
	if len(id) == 0 {
		return ""
	}
	return string(id)
}
