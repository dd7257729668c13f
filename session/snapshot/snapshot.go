// Package snapshot writes a Go value as bytes that the same build reads
// back into an equal value, fast: every field, exported or not, is
// written; pointers and slices met twice are written once and read back
// shared; a value without pointers (a number, a struct of numbers, a
// slice of them) is copied as its memory. It is the codec of podium's
// checkpoints: an image of the replayed state kept beside the log, a cache
// that only the build that wrote it reads (the memory layout of a type is
// the build's), and that is always checked against a full replay of the
// log.
//
// What it cannot write — interfaces, functions, channels, unsafe pointers
// — makes Encode and Decode fail for the type, never at random. Times are
// written as their wall clock, monotonic part and zone (nil, UTC, Local or
// a fixed zone). A pointer into the middle of a slice, or a slice sharing
// only part of another's array, is read back as a copy of its own.
//
// Decode never panics on any input: every length and count is checked
// against the bytes left, a shared pointer or slice must be of the type
// it was met as, and a failed read leaves an error, not a half-set value
// the caller could mistake for a whole one (the caller throws the value
// away). The bytes begin with a fingerprint of the type's layout, so a
// value of another type, or of the same type laid out differently, is
// refused.
//
// The package imports nothing of podium; it is pure (no clock, no files).
package snapshot

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"
	"unsafe"
)

// codec writes and reads the values of one type, at a pointer to one.
type codec struct {
	typ   reflect.Type
	size  uintptr
	pod   bool      // no pointers at all: written as its memory
	bools []uintptr // the offsets of its bools (boolsIn)
	enc   func(e *encoder, p unsafe.Pointer)
	dec   func(d *decoder, p unsafe.Pointer)
}

// sliceHeader is the memory of a slice value.
type sliceHeader struct {
	data unsafe.Pointer
	len  int
	cap  int
}

var (
	mu     sync.Mutex
	codecs = map[reflect.Type]*codec{}
	prints = map[reflect.Type][8]byte{}
)

// codecOf returns the codec of t, built once. When t cannot be written,
// none of the codecs built on the way is kept: they may refer to t's.
func codecOf(t reflect.Type) (*codec, error) {
	mu.Lock()
	defer mu.Unlock()
	entered = entered[:0]
	c, err := build(t)
	if err != nil {
		for _, t := range entered {
			delete(codecs, t)
		}
	}
	return c, err
}

// entered are the types whose codecs the current codecOf built.
var entered []reflect.Type

// build returns t's codec; mu is held. A type is entered before its parts
// are built, so that a type that contains itself (through a pointer, a
// slice or a map) finds its own codec.
func build(t reflect.Type) (*codec, error) {
	if c, ok := codecs[t]; ok {
		return c, nil
	}
	c := &codec{typ: t, size: t.Size(), pod: pointerFree(t), bools: boolsIn(t)}
	codecs[t] = c
	entered = append(entered, t)
	var err error
	switch {
	case c.pod:
		c.enc, c.dec = podEnc(c.size), podDec(c.size, c.bools)
	case t == timeType:
		err = timeCodec(c)
	default:
		switch t.Kind() {
		case reflect.String:
			c.enc, c.dec = encString, decString
		case reflect.Array:
			err = arrayCodec(c)
		case reflect.Struct:
			err = structCodec(c)
		case reflect.Slice:
			err = sliceCodec(c)
		case reflect.Pointer:
			err = pointerCodec(c)
		case reflect.Map:
			err = mapCodec(c)
		default:
			err = fmt.Errorf("snapshot: cannot write a %s", t)
		}
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// boolsIn returns the offsets of the bools in a value of type t without
// pointers: a bool read must be 0 or 1, for Go assumes so (a byte of 2
// would be true and not false at once, and index past an array).
func boolsIn(t reflect.Type) []uintptr {
	var out []uintptr
	switch t.Kind() {
	case reflect.Bool:
		out = []uintptr{0}
	case reflect.Array:
		if in := boolsIn(t.Elem()); len(in) > 0 {
			for i := range t.Len() {
				for _, o := range in {
					out = append(out, uintptr(i)*t.Elem().Size()+o)
				}
			}
		}
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Type.Kind() == reflect.Bool || f.Type.Kind() == reflect.Array || f.Type.Kind() == reflect.Struct {
				for _, o := range boolsIn(f.Type) {
					out = append(out, f.Offset+o)
				}
			}
		}
	}
	return out
}

// pointerFree reports whether t holds no pointer of any kind (strings,
// slices and maps included): its memory is then all of it.
func pointerFree(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return true
	case reflect.Array:
		return pointerFree(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if !pointerFree(t.Field(i).Type) {
				return false
			}
		}
		return true
	}
	return false
}

// fingerprint is the first 8 bytes of a hash of t's layout: every type
// reachable from it, with its kind, size, and its fields' names, types and
// offsets.
func fingerprint(t reflect.Type) [8]byte {
	mu.Lock()
	defer mu.Unlock()
	if f, ok := prints[t]; ok {
		return f
	}
	var b strings.Builder
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		fmt.Fprintf(&b, "%s/%s/%d/%d", t.PkgPath(), t.String(), t.Kind(), t.Size())
		if seen[t] {
			return
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Array, reflect.Slice, reflect.Pointer:
			b.WriteString("<")
			walk(t.Elem())
			b.WriteString(">")
		case reflect.Map:
			b.WriteString("<")
			walk(t.Key())
			b.WriteString(",")
			walk(t.Elem())
			b.WriteString(">")
		case reflect.Struct:
			b.WriteString("{")
			for i := range t.NumField() {
				f := t.Field(i)
				fmt.Fprintf(&b, "%s@%d:", f.Name, f.Offset)
				walk(f.Type)
				b.WriteString(";")
			}
			b.WriteString("}")
		}
	}
	walk(t)
	sum := sha256.Sum256([]byte(b.String()))
	var f [8]byte
	copy(f[:], sum[:])
	prints[t] = f
	return f
}

// magic begins every image.
const magic = "snapshot1"

// Encode writes the value v points to.
func Encode(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return nil, fmt.Errorf("snapshot: Encode needs a non-nil pointer, not %T", v)
	}
	c, err := codecOf(rv.Type().Elem())
	if err != nil {
		return nil, err
	}
	f := fingerprint(c.typ)
	e := &encoder{b: append(append(make([]byte, 0, 1<<16), magic...), f[:]...),
		ptrs: map[ptrKey]uint64{}, slices: map[sliceKey]uint64{}}
	e.b = append(e.b, make([]byte, 16)...) // the slab's and text's sizes, known at the end
	c.enc(e, rv.UnsafePointer())
	if e.err != nil {
		return nil, e.err
	}
	binary.LittleEndian.PutUint64(e.b[len(magic)+len(f):], e.slab)
	binary.LittleEndian.PutUint64(e.b[len(magic)+len(f)+8:], e.text)
	return e.b, nil
}

// Decode reads b into the value v points to, every part of which it
// sets; v keeps nothing of b. On an error v holds part of b and must be
// thrown away.
func Decode(b []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("snapshot: Decode needs a non-nil pointer, not %T", v)
	}
	c, err := codecOf(rv.Type().Elem())
	if err != nil {
		return err
	}
	f := fingerprint(c.typ)
	head := len(magic) + len(f) + 16
	if len(b) < head || string(b[:len(magic)]) != magic {
		return fmt.Errorf("snapshot: not an image")
	}
	if string(b[len(magic):len(magic)+len(f)]) != string(f[:]) {
		return fmt.Errorf("snapshot: the image is of another type or layout than %s", c.typ)
	}
	d := &decoder{b: b, off: head, budget: 8*uint64(len(b)) + 1<<20}
	// The slab and the text are made at once when the image says how
	// large and that is no more than its bytes can fill; else they grow
	// as they are cut.
	if n := binary.LittleEndian.Uint64(b[head-16:]); n <= uint64(len(b)) && d.charge(n) {
		d.slab = make([]uint64, n/8)
	}
	if n := binary.LittleEndian.Uint64(b[head-8:]); n <= uint64(len(b)) && d.charge(n) {
		d.text = make([]byte, 0, n)
	}
	c.dec(d, rv.UnsafePointer())
	if d.err == nil && d.off != len(b) {
		d.err = fmt.Errorf("%d bytes left over", len(b)-d.off)
	}
	if d.err != nil {
		return fmt.Errorf("snapshot: at byte %d: %w", d.off, d.err)
	}
	return nil
}

// timeType is time.Time, written by its parts (timeCodec).
var timeType = reflect.TypeFor[time.Time]()

// putUvarint appends x.
func (e *encoder) uvarint(x uint64) { e.b = binary.AppendUvarint(e.b, x) }

// Differs returns the name of the first field, exported or not, in which
// the structs a and b point to differ (reflect.DeepEqual), or "" when
// they are deeply equal. a and b must point to structs of one type.
func Differs(a, b any) string {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	if va.Type() != vb.Type() || va.Kind() != reflect.Struct {
		return "(the type)"
	}
	for i := range va.NumField() {
		fa, fb := va.Field(i), vb.Field(i)
		x := reflect.NewAt(fa.Type(), unsafe.Pointer(fa.UnsafeAddr())).Elem().Interface()
		y := reflect.NewAt(fb.Type(), unsafe.Pointer(fb.UnsafeAddr())).Elem().Interface()
		if !reflect.DeepEqual(x, y) {
			return va.Type().Field(i).Name
		}
	}
	return ""
}
