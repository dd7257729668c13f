package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// The checkpoint file, beside the database (package doc, "Checkpoint"):
//
//	magic "PODIUMCK" | format 1 | 2-byte length + build ID | 8-byte seq |
//	32-byte hash of record seq | 4-byte CRC-32C of the image |
//	8-byte image length | image
//
// all numbers big-endian.
const (
	checkpointMagic  = "PODIUMCK"
	checkpointFormat = 1
	// maxCheckpoint bounds the file read: anything larger is not one.
	maxCheckpoint = 1 << 30
)

// castagnoli is the CRC-32C table of the image's checksum.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ErrNoCheckpoint matches (with errors.Is) every *CheckpointError.
var ErrNoCheckpoint = errors.New("data: no usable checkpoint")

// ErrNoBuildID is returned by SaveCheckpoint when this executable's build
// ID cannot be read (BuildID is ""): no checkpoint is written then.
var ErrNoBuildID = errors.New("data: the executable's build ID cannot be read; no checkpoint is written")

// CheckpointReason is why a checkpoint cannot be used.
type CheckpointReason int

// The reasons a checkpoint cannot be used.
const (
	// CheckpointMissing: there is no checkpoint file.
	CheckpointMissing CheckpointReason = iota + 1
	// CheckpointNoBuildID: this executable's build ID cannot be read, so
	// no checkpoint can be told to be its own.
	CheckpointNoBuildID
	// CheckpointOtherBuild: another build of podium wrote it.
	CheckpointOtherBuild
	// CheckpointDamaged: it cannot be read, or its magic, format, length
	// or checksum is wrong.
	CheckpointDamaged
	// CheckpointPastHead: it is of an event the log does not hold.
	CheckpointPastHead
	// CheckpointOffChain: the hash it holds is not that of the log's
	// record at its seq (meta/head's, or the next record's link): it is of
	// another log, or of this one before it was replaced.
	CheckpointOffChain
	// CheckpointNotResumed: it was read, but the session could not resume
	// from its image (Load).
	CheckpointNotResumed
)

// String names the reason in a word or two.
func (r CheckpointReason) String() string {
	switch r {
	case CheckpointMissing:
		return "missing"
	case CheckpointNoBuildID:
		return "no build ID"
	case CheckpointOtherBuild:
		return "another build"
	case CheckpointDamaged:
		return "damaged"
	case CheckpointPastHead:
		return "past the log's end"
	case CheckpointOffChain:
		return "not on the log's chain"
	case CheckpointNotResumed:
		return "not resumed"
	}
	return fmt.Sprintf("reason %d", int(r))
}

// CheckpointError says why the checkpoint beside a database cannot be
// used. It matches ErrNoCheckpoint. It is never damage of the record: the
// checkpoint is a cache, and podium then replays the log in full.
type CheckpointError struct {
	Path   string // the checkpoint file
	Reason CheckpointReason
	// Detail says more: which field is damaged, which hash differs.
	Detail string
	// Seq is the checkpoint's last event, when its header was read.
	Seq uint64
	Err error // the underlying error, if any
}

// Error names the file, the reason and the detail.
func (e *CheckpointError) Error() string {
	s := fmt.Sprintf("data: checkpoint %s not used: %s", e.Path, e.Reason)
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Is reports whether target is ErrNoCheckpoint.
func (e *CheckpointError) Is(target error) bool { return target == ErrNoCheckpoint }

// Unwrap returns the underlying error.
func (e *CheckpointError) Unwrap() error { return e.Err }

// CheckpointPath is the checkpoint file of the database at db.
func CheckpointPath(db string) string { return db + ".checkpoint" }

// RemoveCheckpoint removes the checkpoint beside the database at db, if
// any.
func RemoveCheckpoint(db string) error {
	err := os.Remove(CheckpointPath(db))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// checkpointFile is a checkpoint file's content.
type checkpointFile struct {
	build string
	seq   uint64
	hash  [32]byte
	image []byte
}

// encode lays the checkpoint out as its file.
func (c *checkpointFile) encode() []byte {
	b := make([]byte, 0, len(checkpointMagic)+1+2+len(c.build)+8+hashLen+4+8+len(c.image))
	b = append(b, checkpointMagic...)
	b = append(b, checkpointFormat)
	b = binary.BigEndian.AppendUint16(b, uint16(len(c.build)))
	b = append(b, c.build...)
	b = binary.BigEndian.AppendUint64(b, c.seq)
	b = append(b, c.hash[:]...)
	b = binary.BigEndian.AppendUint32(b, crc32.Checksum(c.image, castagnoli))
	b = binary.BigEndian.AppendUint64(b, uint64(len(c.image)))
	return append(b, c.image...)
}

// parseCheckpoint reads a checkpoint file's bytes: a *CheckpointError
// without Path (CheckpointDamaged, or CheckpointOtherBuild when build is
// not the one that wrote it) for anything else. The image is a slice of b.
// It reads every byte it is given without a panic.
func parseCheckpoint(b []byte, build string) (checkpointFile, *CheckpointError) {
	var c checkpointFile
	damaged := func(detail string) (checkpointFile, *CheckpointError) {
		return checkpointFile{}, &CheckpointError{Reason: CheckpointDamaged, Detail: detail, Seq: c.seq}
	}
	if len(b) < len(checkpointMagic)+1+2 || string(b[:len(checkpointMagic)]) != checkpointMagic {
		return damaged("it does not start with " + checkpointMagic)
	}
	b = b[len(checkpointMagic):]
	if b[0] != checkpointFormat {
		return damaged(fmt.Sprintf("format %d, this podium reads format %d", b[0], checkpointFormat))
	}
	n := int(binary.BigEndian.Uint16(b[1:]))
	b = b[3:]
	if len(b) < n+8+hashLen+4+8 {
		return damaged("cut short in its header")
	}
	c.build, b = string(b[:n]), b[n:]
	c.seq, b = binary.BigEndian.Uint64(b), b[8:]
	copy(c.hash[:], b)
	b = b[hashLen:]
	sum, size := binary.BigEndian.Uint32(b), binary.BigEndian.Uint64(b[4:])
	b = b[12:]
	if c.build != build {
		return checkpointFile{}, &CheckpointError{Reason: CheckpointOtherBuild, Seq: c.seq,
			Detail: fmt.Sprintf("written by build %q, this is %q", short(c.build), short(build))}
	}
	switch {
	case size > uint64(len(b)):
		return damaged(fmt.Sprintf("cut short: its image is %d bytes, %d are left", size, len(b)))
	case size < uint64(len(b)):
		return damaged(fmt.Sprintf("%d bytes after its %d-byte image", uint64(len(b))-size, size))
	case crc32.Checksum(b, castagnoli) != sum:
		return damaged("its image does not match its checksum")
	}
	c.image = b
	return c, nil
}

// short cuts a build ID for a message.
func short(s string) string {
	if len(s) > 24 {
		return s[:24] + "…"
	}
	return s
}

// SaveCheckpoint writes image, the state of the log replayed in full up
// to event seq (session.Image), as the checkpoint beside the database,
// tied to this build (BuildID) and to the hash of record seq. The file is
// written whole or not at all (a temporary file beside it, then a
// rename); it is not fsync'd: a checkpoint is a cache, and one torn by a
// power cut fails its checksum and is not used. A read-only store never
// writes one (ErrReadOnly), nor a build without a build ID (ErrNoBuildID).
func (s *Store) SaveCheckpoint(seq uint64, image []byte) error {
	if s.readOnly {
		return ErrReadOnly
	}
	build := BuildID()
	if build == "" || len(build) > math.MaxUint16 {
		return ErrNoBuildID
	}
	c := checkpointFile{build: build, seq: seq, image: image}
	if err := s.view("reading a record", func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketEvents).Get(seqKey(seq))
		if len(v) < hashLen {
			return fmt.Errorf("data: checkpoint at event %d: the log holds no such event", seq)
		}
		c.hash = sha256.Sum256(v)
		return nil
	}); err != nil {
		return err
	}
	removeTorn(CheckpointPath(s.path))
	if err := writeAtomic(CheckpointPath(s.path), c.encode()); err != nil {
		return fmt.Errorf("data: checkpoint: %w", err)
	}
	return nil
}

// writeAtomic writes b to path through a temporary file in its directory
// and a rename, without fsync (the drafts, the checkpoint: whole after a
// crash of podium, maybe lost by a power cut); the temporary file is
// removed on every error.
func writeAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// Checkpoint returns the checkpoint beside the database when it can be
// used: written by this build, whole, and of this log's chain. It costs
// reading the file and one or two values of the log: the hash it holds
// is compared with meta/head's when its seq is the last event, with the
// link of record seq+1 when it is an earlier one. Otherwise the error is
// a *CheckpointError saying why (errors.Is ErrNoCheckpoint).
func (s *Store) Checkpoint() (seq uint64, image []byte, err error) {
	c, release, err := s.checkpoint(readCheckpointFile)
	release()
	return c.seq, c.image, err
}

// checkpoint is Checkpoint with the file read by read, which may map it:
// the image is then valid until release is called (always call it).
// Reading a mapped file's bytes may fault: call it under guard.
func (s *Store) checkpoint(read func(string) ([]byte, func(), error)) (c checkpointFile, release func(), err error) {
	path := CheckpointPath(s.path)
	release = func() {}
	unusable := func(r CheckpointReason, seq uint64, detail string, err error) (checkpointFile, func(), error) {
		release()
		return checkpointFile{}, func() {}, &CheckpointError{Path: path, Reason: r, Seq: seq, Detail: detail, Err: err}
	}
	build := BuildID()
	if build == "" {
		return unusable(CheckpointNoBuildID, 0, "", nil)
	}
	b, release, err := read(path)
	if release == nil {
		release = func() {}
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		return unusable(CheckpointMissing, 0, "", nil)
	case err != nil:
		return unusable(CheckpointDamaged, 0, "", err)
	}
	c, bad := parseCheckpoint(b, build)
	if bad != nil {
		bad.Path = path
		release()
		return checkpointFile{}, func() {}, bad
	}
	var (
		reason CheckpointReason
		detail string
	)
	if err := s.view("checking the checkpoint", func(tx *bolt.Tx) error {
		reason, detail = onChain(tx, c.seq, c.hash)
		return nil
	}); err != nil {
		return unusable(CheckpointOffChain, c.seq, "", err)
	}
	if reason != 0 {
		return unusable(reason, c.seq, detail, nil)
	}
	return c, release, nil
}

// readCheckpointFile reads the file at path whole, in one read into a
// buffer of its size, refusing one that is not a regular file or is
// larger than maxCheckpoint. Its release does nothing.
func readCheckpointFile(path string) ([]byte, func(), error) {
	return openCheckpointFile(path, func(f *os.File, size int) ([]byte, func(), error) {
		b := make([]byte, size)
		n, err := io.ReadFull(f, b)
		if err == io.ErrUnexpectedEOF {
			err = nil // cut short meanwhile: its length says so
		}
		return b[:n], func() {}, err
	})
}

// openCheckpointFile opens the file at path and hands it, with its size,
// to read, refusing one that is not a regular file or is larger than
// maxCheckpoint.
func openCheckpointFile(path string, read func(f *os.File, size int) ([]byte, func(), error)) ([]byte, func(), error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	switch {
	case err != nil:
		return nil, nil, err
	case !fi.Mode().IsRegular():
		return nil, nil, errors.New("not a regular file")
	case fi.Size() > maxCheckpoint:
		return nil, nil, fmt.Errorf("larger than %d bytes", maxCheckpoint)
	}
	return read(f, int(fi.Size()))
}

// onChain says why a checkpoint of event seq holding hash is not of the
// log's chain (0 when it is): its hash must be meta/head's when seq is
// the last event, and record seq+1's link when it is an earlier one.
func onChain(tx *bolt.Tx, seq uint64, hash [32]byte) (CheckpointReason, string) {
	head := tx.Bucket(bucketMeta).Get(keyHead)
	if len(head) != 8+hashLen {
		return CheckpointOffChain, "the log's meta/head is missing or malformed"
	}
	headSeq := binary.BigEndian.Uint64(head)
	switch {
	case seq == 0:
		return CheckpointDamaged, "it is of event 0"
	case seq > headSeq:
		return CheckpointPastHead, fmt.Sprintf("it is of event %d, the log ends at event %d", seq, headSeq)
	case seq == headSeq:
		if !bytes.Equal(head[8:], hash[:]) {
			return CheckpointOffChain, fmt.Sprintf("its hash of event %d differs from meta/head's", seq)
		}
	default:
		next := tx.Bucket(bucketEvents).Get(seqKey(seq + 1))
		if len(next) < hashLen || !bytes.Equal(next[:hashLen], hash[:]) {
			return CheckpointOffChain, fmt.Sprintf("its hash of event %d differs from event %d's link", seq, seq+1)
		}
	}
	return 0, ""
}

// seqKey is the events bucket's key of event seq.
func seqKey(seq uint64) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), seq)
}

// removeTorn removes the temporary files that writing path through
// writeAtomic left behind when podium was stopped in the middle (their
// names are path, a dot and digits): only the podium that holds the log
// writes its checkpoint, so none of them is being written.
func removeTorn(path string) {
	names, _ := filepath.Glob(path + ".*")
	for _, n := range names {
		if suffix := strings.TrimPrefix(n, path+"."); suffix != "" && strings.Trim(suffix, "0123456789") == "" {
			os.Remove(n)
		}
	}
}
