package snapshot

import (
	"encoding/binary"
	"fmt"
	"reflect"
	"unsafe"
)

// encoder is the state of one Encode: the bytes so far and the pointers
// and slices met, numbered in the order met.
type encoder struct {
	b      []byte
	ptrs   map[ptrKey]uint64
	slices map[sliceKey]uint64
	slab   uint64 // the bytes the decoder will cut slices without pointers from
	text   uint64 // the bytes of all strings written
	err    error
}

// string writes a string's length and bytes.
func (e *encoder) string(s string) {
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
	e.text += uint64(len(s))
}

// ptrKey is a pointer met, with its type: a struct and its first field
// share an address.
type ptrKey struct {
	p unsafe.Pointer
	t reflect.Type
}

// sliceKey is a slice met: its array, length, capacity and type.
type sliceKey struct {
	p        unsafe.Pointer
	len, cap int
	t        reflect.Type
}

// fail keeps the first error.
func (e *encoder) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// decoder is the state of one Decode: the input, the place read, the
// pointers and slices read so far, and where what it reads is kept.
type decoder struct {
	b      []byte
	off    int
	text   []byte // where the strings read are kept: never grown in place
	ptrs   []seenPtr
	slices []seenSlice
	slab   []uint64 // where slices without pointers are cut from
	budget uint64   // the bytes it may still allocate (charge)
	err    error
}

// charge takes n bytes from the decoder's budget — eight times its input
// and a mebibyte — and reports whether they were there: what a slice's
// spare room, a map's size or a slab may ask for is bounded by the bytes
// read, not by the numbers in them.
func (d *decoder) charge(n uint64) bool {
	if d.err != nil {
		return false
	}
	if n > d.budget {
		d.fail("%d bytes to allocate, over what an image of %d bytes may ask for", n, len(d.b))
		return false
	}
	d.budget -= n
	return true
}

// bools fails unless the bools at offs from p are 0 or 1.
func (d *decoder) bools(p unsafe.Pointer, offs []uintptr) {
	for _, o := range offs {
		if v := *(*byte)(unsafe.Add(p, o)); v > 1 {
			d.fail("a bool of %d", v)
			return
		}
	}
}

// seenPtr is a pointer read, with its type.
type seenPtr struct {
	t reflect.Type
	p unsafe.Pointer
}

// seenSlice is a slice read, with its type.
type seenSlice struct {
	t        reflect.Type
	data     unsafe.Pointer
	len, cap int
}

// fail keeps the first error; every read after it returns nothing.
func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

// take returns the next n bytes, or nil (and an error) when fewer are left.
func (d *decoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b)-d.off {
		d.fail("%d bytes wanted, %d left", n, len(d.b)-d.off)
		return nil
	}
	b := d.b[d.off : d.off+n : d.off+n]
	d.off += n
	return b
}

// tag reads one byte.
func (d *decoder) tag() byte {
	if b := d.take(1); b != nil {
		return b[0]
	}
	return 255
}

// uvarint reads a number.
func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	if d.off < len(d.b) && d.b[d.off] < 0x80 { // most are under 128
		d.off++
		return uint64(d.b[d.off-1])
	}
	x, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		d.fail("a malformed number")
		return 0
	}
	d.off += n
	return x
}

// count reads a length or count of things that take at least per bytes
// each: no more than the bytes left allow (per 0: any up to 1<<20).
func (d *decoder) count(per int) int {
	x := d.uvarint()
	limit := uint64(1 << 20)
	if per > 0 {
		limit = uint64((len(d.b) - d.off) / per)
	}
	if d.err == nil && x > limit {
		d.fail("a count of %d where at most %d fit", x, limit)
	}
	if d.err != nil {
		return 0
	}
	return int(x)
}

// alloc returns size zeroed bytes aligned to 8, cut from the slab:
// memory the garbage collector does not scan, which is right for values
// without pointers.
func (d *decoder) alloc(size uintptr) unsafe.Pointer {
	words := int((size + 7) / 8)
	if words == 0 {
		return unsafe.Pointer(&zero)
	}
	if len(d.slab) < words {
		n := max(words, 1<<13)
		if !d.charge(uint64(n) * 8) {
			return nil
		}
		d.slab = make([]uint64, n)
	}
	p := unsafe.Pointer(&d.slab[0])
	d.slab = d.slab[words:]
	return p
}

// zero is where empty arrays point: not nil, so that an empty slice is
// read back as empty, not nil.
var zero uint64
