package session

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// The stored form of an event is a small binary envelope, because replay of
// a long log must be fast (JSON costs ~2 µs an event; this ~0.1 µs):
//
//	version byte (1) | kind byte | seq uvarint | at varint (Unix ns)
//	| actor string | body
//
// A string is a uvarint length and its bytes. The body of Opened is the
// setup as JSON (one per log; readable and easy to migrate); the bodies of
// the frequent events are binary fields in a fixed order.
const codecVersion = 1

// Encode returns the stored form of e.
func Encode(e Event) ([]byte, error) {
	if e.Body == nil {
		return nil, errors.New("session: encode: event has no body")
	}
	b := make([]byte, 0, 64)
	b = append(b, codecVersion, byte(e.Body.kind()))
	b = binary.AppendUvarint(b, e.Seq)
	b = binary.AppendVarint(b, e.At.UnixNano())
	b = appendString(b, e.Actor)
	switch v := e.Body.(type) {
	case Opened:
		js, err := json.Marshal(v.Setup)
		if err != nil {
			return nil, fmt.Errorf("session: encode setup: %w", err)
		}
		b = appendString(b, string(js))
	case Marked:
		b = appendString(b, v.Person)
		b = append(b, byte(v.Status))
		b = binary.AppendUvarint(b, v.Undoes)
	case ItemStarted:
		b = binary.AppendUvarint(b, uint64(v.Index))
		b = appendCount(b, v.Count)
	case DeclaredOpen:
		b = appendCount(b, v.Count)
	default:
		if jsonBody(e.Body.kind()) == nil {
			return nil, fmt.Errorf("session: encode: unknown body %T", e.Body)
		}
		js, err := json.Marshal(e.Body)
		if err != nil {
			return nil, fmt.Errorf("session: encode %T: %w", e.Body, err)
		}
		b = appendString(b, string(js))
	}
	return b, nil
}

// Decode reads an event written by Encode. It never panics; any damage is
// an error.
func Decode(data []byte) (Event, error) { return decode(data, nil) }

// decode is Decode with an optional table of strings already read (ids,
// actors), so that replaying a long log does not copy the same few strings
// again for every event.
func decode(data []byte, strs map[string]string) (Event, error) {
	r := reader{b: data, strs: strs}
	if v := r.byte(); r.err == nil && v != codecVersion {
		return Event{}, fmt.Errorf("session: decode: unknown codec version %d", v)
	}
	k := kind(r.byte())
	var e Event
	e.Seq = r.uvarint()
	e.At = time.Unix(0, r.varint()).UTC()
	e.Actor = r.string()
	switch k {
	case kindOpened:
		var o Opened
		js := r.bytes()
		if r.err == nil {
			if err := json.Unmarshal(js, &o.Setup); err != nil {
				return Event{}, fmt.Errorf("session: decode setup: %w", err)
			}
		}
		e.Body = o
	case kindMarked:
		var m Marked
		m.Person = r.string()
		m.Status = Status(r.byte())
		m.Undoes = r.uvarint()
		e.Body = m
	case kindItemStarted:
		var it ItemStarted
		it.Index = r.int()
		it.Count = r.count()
		e.Body = it
	case kindDeclaredOpen:
		e.Body = DeclaredOpen{Count: r.count()}
	default:
		p := jsonBody(k)
		if p == nil {
			if r.err == nil {
				return Event{}, fmt.Errorf("session: decode: unknown event kind %d", k)
			}
			break
		}
		js := r.bytes()
		if r.err == nil {
			if err := json.Unmarshal(js, p); err != nil {
				return Event{}, fmt.Errorf("session: decode event kind %d: %w", k, err)
			}
		}
		e.Body = deref(p)
	}
	if r.err != nil {
		return Event{}, fmt.Errorf("session: decode: %w", r.err)
	}
	if r.off != len(data) {
		return Event{}, fmt.Errorf("session: decode: %d bytes left over", len(data)-r.off)
	}
	return e, nil
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

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
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
	v, n := binary.Varint(r.b[r.off:])
	if n <= 0 {
		r.fail(errors.New("bad number"))
		return 0
	}
	r.off += n
	return v
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
	if r.strs == nil || len(b) > 256 {
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
