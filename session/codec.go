package session

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"time"
)

// The stored form of an event (docs/FORMAT.md is the full contract) is a
// small binary envelope, because replay of a long log must be fast:
//
//	codec byte | kind byte | seq uvarint | at varint (Unix ns) | actor string
//	| role string (codec 2) | body
//
// A string is a uvarint length and its bytes. Each kind's body is either
// binary fields in a fixed order (the setup, attendance and ballots: the
// heavy and the frequent events) or JSON with snake_case names (the rare
// ones: readable and easy to extend). Encode always writes the newest
// codec; Decode reads every codec ever written.

// CodecVersion is the codec Encode writes and the newest Decode reads. It
// is bumped whenever anything written changes (a kind, a field, a
// layout); the decoders of every older version stay (codec_v1.go).
const CodecVersion = 2

// Encode returns the stored form of e in codec CodecVersion.
func Encode(e Event) ([]byte, error) {
	if e.Body == nil {
		return nil, errors.New("session: encode: event has no body")
	}
	k := e.Body.kind()
	c := v2Bodies[k]
	if c.put == nil {
		return nil, fmt.Errorf("session: encode: %s (%T) is not written by codec %d", KindOf(e.Body).Name, e.Body, CodecVersion)
	}
	b := make([]byte, 0, 64)
	b = append(b, CodecVersion, byte(k))
	b = binary.AppendUvarint(b, e.Seq)
	b = binary.AppendVarint(b, e.At.UnixNano())
	b = appendString(b, e.Actor)
	b = appendString(b, string(e.Role))
	b, err := c.put(b, e.Body)
	if err != nil {
		return nil, fmt.Errorf("session: encode %s: %w", KindOf(e.Body).Name, err)
	}
	return b, nil
}

// Decode reads an event written by Encode, or by an older podium in any
// codec it ever wrote. It never panics; any damage is an error.
func Decode(data []byte) (Event, error) { return decode(data, nil) }

// RecordCodec returns the codec version a stored record was written with
// (its first byte), or 0 for an empty record.
func RecordCodec(data []byte) int {
	if len(data) == 0 {
		return 0
	}
	return int(data[0])
}

// decode is Decode with an optional table of strings already read (ids,
// actors), so that replaying a long log does not copy the same few strings
// again for every event.
func decode(data []byte, strs map[string]string) (Event, error) {
	r := reader{b: data, strs: strs}
	v := r.byte()
	if r.err == nil && (v < 1 || v > CodecVersion) {
		return Event{}, &CodecError{Found: int(v)}
	}
	k := EventKind(r.byte())
	var e Event
	e.Seq = r.uvarint()
	e.At = time.Unix(0, r.varint()).UTC()
	e.Actor = r.string()
	var err error
	switch v {
	case 1:
		if r.err == nil {
			e.Body, err = decodeV1Body(&r, k)
		}
	default:
		e.Role = Role(r.string())
		if r.err == nil {
			e.Body, err = decodeBody(&r, k, &v2Bodies, 2)
		}
	}
	switch {
	case r.err != nil:
		return Event{}, fmt.Errorf("session: decode: %w", r.err)
	case err != nil:
		return Event{}, fmt.Errorf("session: decode: %w", err)
	case r.off != len(data):
		return Event{}, fmt.Errorf("session: decode: %d bytes left over", len(data)-r.off)
	}
	return e, nil
}

// CodecError: a record was written with a codec this podium does not know
// (a newer podium wrote it, or the record is damaged).
type CodecError struct{ Found int }

// Error names both versions.
func (e *CodecError) Error() string {
	return fmt.Sprintf("session: the record is in codec %d; this podium reads codecs 1 to %d", e.Found, CodecVersion)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendCount(b []byte, c Count) []byte {
	b = binary.AppendUvarint(b, uint64(c.Expected))
	return binary.AppendUvarint(b, uint64(c.Present))
}

var errShort = errors.New("record is cut short")

// reader reads the envelope with a sticky error: after the first failure
// every read returns a zero value.
type reader struct {
	b    []byte
	off  int
	err  error
	strs map[string]string // interned strings, or nil
	src  string            // b as one string: strings are cut from it without copying, or ""
	// keyed keeps the ballots' marks of a replay (shared, and cut from
	// a few allocations), nil elsewhere; index is where the ballot read
	// goes in its teller's stack.
	keyed *keyedMarks
	index int
}

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail(errShort)
		return 0
	}
	v := r.b[r.off]
	r.off++
	return v
}

// bool reads a byte that must be 0 or 1.
func (r *reader) bool() bool {
	v := r.byte()
	if v > 1 {
		r.fail(fmt.Errorf("bad flag %d", v))
	}
	return v == 1
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := uvarint(r.b[r.off:])
	if n <= 0 || n > 1 && r.b[r.off+n-1] == 0 { // unreadable, or longer than it need be
		r.fail(errors.New("bad unsigned number"))
		return 0
	}
	r.off += n
	return v
}

func (r *reader) varint() int64 {
	if r.err != nil {
		return 0
	}
	u, n := uvarint(r.b[r.off:])
	if n <= 0 || n > 1 && r.b[r.off+n-1] == 0 {
		r.fail(errors.New("bad number"))
		return 0
	}
	r.off += n
	v := int64(u >> 1) // zigzag, as binary.Varint
	if u&1 != 0 {
		v = ^v
	}
	return v
}

// uvarint is binary.Uvarint (the same value and length, n ≤ 0 for the
// same bad input), faster for the long numbers every record has (its
// time, nine bytes): up to nine bytes are read as one word, the end found
// by its high bits and the 7-bit groups gathered by shifts.
func uvarint(b []byte) (uint64, int) {
	if len(b) > 0 && b[0] < 0x80 {
		return uint64(b[0]), 1
	}
	if len(b) < 9 {
		return binary.Uvarint(b)
	}
	w := binary.LittleEndian.Uint64(b)
	if ends := ^w & 0x8080808080808080; ends != 0 {
		n := bits.TrailingZeros64(ends)/8 + 1
		w <<= 64 - 8*n
		return gather(w >> (64 - 8*n)), n
	}
	if b[8] < 0x80 {
		return gather(w) | uint64(b[8])<<56, 9
	}
	return binary.Uvarint(b)
}

// gather joins the low 7 bits of each byte of w, the first byte lowest.
func gather(w uint64) uint64 {
	w &= 0x7f7f7f7f7f7f7f7f
	w = w&0x007f007f007f007f | w&0x7f007f007f007f00>>1
	w = w&0x00003fff00003fff | w&0x3fff00003fff0000>>2
	return w&0x000000000fffffff | w&0x0fffffff00000000>>4
}

// int reads a uvarint that must fit a non-negative int32 (counts, indexes).
func (r *reader) int() int {
	v := r.uvarint()
	if v > 1<<31-1 {
		r.fail(errors.New("number out of range"))
		return 0
	}
	return int(v)
}

// sint reads a varint that must fit an int32: any int of a body.
func (r *reader) sint() int {
	v := r.varint()
	if v > 1<<31-1 || v < -1<<31 {
		r.fail(errors.New("number out of range"))
		return 0
	}
	return int(v)
}

// len reads the length of a list, each element of which takes at least
// min bytes, so that a damaged length cannot make a huge allocation.
func (r *reader) len(min int) int {
	n := r.uvarint()
	if r.err == nil && n > uint64(len(r.b)-r.off)/uint64(min) {
		r.fail(errShort)
		return 0
	}
	return int(n)
}

func (r *reader) bytes() []byte {
	n := r.uvarint()
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)-r.off) {
		r.fail(errShort)
		return nil
	}
	v := r.b[r.off : r.off+int(n)]
	r.off += int(n)
	return v
}

func (r *reader) string() string {
	b := r.bytes()
	switch {
	case r.err != nil || len(b) == 0:
		return ""
	case r.src != "":
		return r.src[r.off-len(b) : r.off] // shares src's memory: no copy
	case r.strs == nil || len(b) > 256:
		return string(b)
	}
	if s, ok := r.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	r.strs[s] = s
	return s
}

func (r *reader) count() Count {
	return Count{Expected: r.int(), Present: r.int()}
}

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}
