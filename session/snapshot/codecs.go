package snapshot

import (
	"fmt"
	"reflect"
	"time"
	"unsafe"
)

// The tags before a slice, a pointer or a map.
const (
	tagNil  = 0 // nil
	tagNew  = 1 // a value met for the first time follows
	tagSeen = 2 // the number of a slice or pointer met before follows
)

// podEnc and podDec copy the size bytes of a value without pointers.
func podEnc(size uintptr) func(*encoder, unsafe.Pointer) {
	return func(e *encoder, p unsafe.Pointer) { e.b = append(e.b, unsafe.Slice((*byte)(p), size)...) }
}

func podDec(size uintptr, bools []uintptr) func(*decoder, unsafe.Pointer) {
	return func(d *decoder, p unsafe.Pointer) {
		if b := d.take(int(size)); b != nil {
			copy(unsafe.Slice((*byte)(p), size), b)
			d.bools(p, bools)
		}
	}
}

// encString writes a string's length and bytes; decString reads it into
// the decoder's text, where all the strings read are kept together.
func encString(e *encoder, p unsafe.Pointer) { e.string(*(*string)(p)) }

func decString(d *decoder, p unsafe.Pointer) {
	n := d.count(1)
	if d.err != nil || n == 0 {
		*(*string)(p) = ""
		return
	}
	if cap(d.text)-len(d.text) < n {
		d.text = make([]byte, 0, max(n, 1<<16))
	}
	i := len(d.text)
	d.text = append(d.text, d.b[d.off:d.off+n]...)
	d.off += n
	*(*string)(p) = unsafe.String(&d.text[i], n)
}

// arrayCodec writes an array holding pointers element by element.
func arrayCodec(c *codec) error {
	ec, err := build(c.typ.Elem())
	if err != nil {
		return err
	}
	n, size := c.typ.Len(), ec.size
	c.enc = func(e *encoder, p unsafe.Pointer) {
		for i := range n {
			ec.enc(e, unsafe.Add(p, uintptr(i)*size))
		}
	}
	c.dec = func(d *decoder, p unsafe.Pointer) {
		for i := 0; i < n && d.err == nil; i++ {
			ec.dec(d, unsafe.Add(p, uintptr(i)*size))
		}
	}
	return nil
}

// field is one step of a struct's codec: a run of fields without pointers
// copied as memory (c nil), or one field with its codec.
type field struct {
	off, size uintptr
	c         *codec
	bools     []uintptr // a run's bools, from the struct's start
}

// structCodec writes a struct holding pointers field by field, each run
// of fields without pointers as one copy of its memory.
func structCodec(c *codec) error {
	var fs []field
	for i := range c.typ.NumField() {
		f := c.typ.Field(i)
		if f.Type.Size() == 0 {
			continue
		}
		if pointerFree(f.Type) {
			if n := len(fs); n > 0 && fs[n-1].c == nil {
				fs[n-1].size = f.Offset + f.Type.Size() - fs[n-1].off
			} else {
				fs = append(fs, field{off: f.Offset, size: f.Type.Size()})
			}
			for _, o := range boolsIn(f.Type) {
				fs[len(fs)-1].bools = append(fs[len(fs)-1].bools, f.Offset+o)
			}
			continue
		}
		fc, err := build(f.Type)
		if err != nil {
			return fmt.Errorf("%w (%s.%s)", err, c.typ, f.Name)
		}
		fs = append(fs, field{off: f.Offset, c: fc})
	}
	c.enc = func(e *encoder, p unsafe.Pointer) {
		for _, f := range fs {
			if f.c == nil {
				e.b = append(e.b, unsafe.Slice((*byte)(unsafe.Add(p, f.off)), f.size)...)
			} else {
				f.c.enc(e, unsafe.Add(p, f.off))
			}
		}
	}
	c.dec = func(d *decoder, p unsafe.Pointer) {
		for _, f := range fs {
			if d.err != nil {
				return
			}
			if f.c != nil {
				f.c.dec(d, unsafe.Add(p, f.off))
			} else if b := d.take(int(f.size)); b != nil {
				copy(unsafe.Slice((*byte)(unsafe.Add(p, f.off)), f.size), b)
				d.bools(p, f.bools)
			}
		}
	}
	return nil
}

// sliceCodec writes a slice: nil, or one met before (the same array,
// length and capacity), or its length, capacity and elements — all at
// once when they hold no pointers.
func sliceCodec(c *codec) error {
	t := c.typ
	ec, err := build(t.Elem())
	if err != nil {
		return err
	}
	size := ec.size
	slab := ec.pod && t.Elem().Align() <= 8
	c.enc = func(e *encoder, p unsafe.Pointer) {
		h := (*sliceHeader)(p)
		if h.data == nil {
			e.b = append(e.b, tagNil)
			return
		}
		k := sliceKey{h.data, h.len, h.cap, t}
		if n, ok := e.slices[k]; ok {
			e.b = append(e.b, tagSeen)
			e.uvarint(n)
			return
		}
		e.slices[k] = uint64(len(e.slices))
		e.b = append(e.b, tagNew)
		e.uvarint(uint64(h.len))
		e.uvarint(uint64(h.cap - h.len))
		if slab {
			e.slab += (uint64(h.cap)*uint64(size) + 7) &^ 7
		}
		if ec.pod {
			e.b = append(e.b, unsafe.Slice((*byte)(h.data), uintptr(h.len)*size)...)
			return
		}
		for i := range h.len {
			ec.enc(e, unsafe.Add(h.data, uintptr(i)*size))
		}
	}
	c.dec = func(d *decoder, p unsafe.Pointer) {
		h := (*sliceHeader)(p)
		switch d.tag() {
		case tagNil:
			*h = sliceHeader{}
		case tagSeen:
			i := d.count(0)
			if d.err == nil && (i >= len(d.slices) || d.slices[i].t != t) {
				d.fail("slice %d is not a %s met before", i, t)
			}
			if d.err == nil {
				s := d.slices[i]
				*h = sliceHeader{s.data, s.len, s.cap}
			}
		default:
			d.fail("a slice's tag")
		case tagNew:
			per := 1 // the fewest bytes an element takes
			switch {
			case size == 0:
				per = 0
			case ec.pod:
				per = int(size)
			}
			n := d.count(per)
			spare := d.count(0)
			if d.err == nil && spare > max(n, 1<<16) {
				d.fail("a slice of %d with room for %d more", n, spare)
			}
			if d.err != nil {
				return
			}
			var data unsafe.Pointer
			switch {
			case slab:
				if data = d.alloc(uintptr(n+spare) * size); data == nil {
					return
				}
			case !d.charge(uint64(n+spare) * uint64(size)):
				return
			default:
				data = reflect.MakeSlice(t, n, n+spare).UnsafePointer()
			}
			*h = sliceHeader{data, n, n + spare}
			d.slices = append(d.slices, seenSlice{t, data, n, n + spare})
			if ec.pod {
				copy(unsafe.Slice((*byte)(data), uintptr(n)*size), d.take(n*int(size)))
				if len(ec.bools) > 0 {
					for i := 0; i < n && d.err == nil; i++ {
						d.bools(unsafe.Add(data, uintptr(i)*size), ec.bools)
					}
				}
				return
			}
			for i := 0; i < n && d.err == nil; i++ {
				ec.dec(d, unsafe.Add(data, uintptr(i)*size))
			}
		}
	}
	return nil
}

// pointerCodec writes a pointer: nil, or one met before, or the value it
// points to.
func pointerCodec(c *codec) error {
	t := c.typ
	ec, err := build(t.Elem())
	if err != nil {
		return err
	}
	c.enc = func(e *encoder, p unsafe.Pointer) {
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			e.b = append(e.b, tagNil)
			return
		}
		k := ptrKey{q, t}
		if n, ok := e.ptrs[k]; ok {
			e.b = append(e.b, tagSeen)
			e.uvarint(n)
			return
		}
		e.ptrs[k] = uint64(len(e.ptrs))
		e.b = append(e.b, tagNew)
		ec.enc(e, q)
	}
	c.dec = func(d *decoder, p unsafe.Pointer) {
		switch d.tag() {
		case tagNil:
			*(*unsafe.Pointer)(p) = nil
		case tagSeen:
			i := d.count(0)
			if d.err == nil && (i >= len(d.ptrs) || d.ptrs[i].t != t) {
				d.fail("pointer %d is not a %s met before", i, t)
			}
			if d.err == nil {
				*(*unsafe.Pointer)(p) = d.ptrs[i].p
			}
		case tagNew:
			if !d.charge(uint64(ec.size)) {
				return
			}
			q := reflect.New(t.Elem()).UnsafePointer()
			d.ptrs = append(d.ptrs, seenPtr{t, q})
			*(*unsafe.Pointer)(p) = q
			ec.dec(d, q)
		default:
			d.fail("a pointer's tag")
		}
	}
	return nil
}

// mapCodec writes a map: nil, or its length and its keys and values.
func mapCodec(c *codec) error {
	t := c.typ
	kc, err := build(t.Key())
	if err != nil {
		return err
	}
	vc, err := build(t.Elem())
	if err != nil {
		return err
	}
	if typed, ok := typedMaps[t]; ok {
		c.enc, c.dec = typed(kc, vc)
		return nil
	}
	per := 1
	if kc.size == 0 && vc.size == 0 {
		per = 0
	}
	c.enc = func(e *encoder, p unsafe.Pointer) {
		m := reflect.NewAt(t, p).Elem()
		if m.IsNil() {
			e.b = append(e.b, tagNil)
			return
		}
		e.b = append(e.b, tagNew)
		e.uvarint(uint64(m.Len()))
		k, v := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
		for it := m.MapRange(); it.Next(); {
			k.SetIterKey(it)
			v.SetIterValue(it)
			kc.enc(e, k.Addr().UnsafePointer())
			vc.enc(e, v.Addr().UnsafePointer())
		}
	}
	c.dec = func(d *decoder, p unsafe.Pointer) {
		m := reflect.NewAt(t, p).Elem()
		switch d.tag() {
		case tagNil:
			m.SetZero()
		case tagNew:
			n := d.count(per)
			if per == 0 && n > 1 {
				d.fail("a map of empty keys with %d entries", n)
			}
			if d.err != nil || !d.charge(uint64(n)*uint64(kc.size+vc.size)) {
				return
			}
			m.Set(reflect.MakeMapWithSize(t, n))
			// Each read sets the whole of k and v: they are read into
			// again for the next entry, and the map keeps copies.
			k, v := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
			kp, vp := k.Addr().UnsafePointer(), v.Addr().UnsafePointer()
			for i := 0; i < n && d.err == nil; i++ {
				kc.dec(d, kp)
				vc.dec(d, vp)
				if d.err == nil {
					m.SetMapIndex(k, v)
				}
			}
		default:
			d.fail("a map's tag")
		}
	}
	return nil
}

// timeCodec writes a time.Time as its clock (the wall and ext words, so
// that the time read back is the same to its monotonic reading) and its
// zone: nil (UTC), UTC, Local, or a fixed zone's name and offset.
func timeCodec(c *codec) error {
	wall, ok1 := timeType.FieldByName("wall")
	ext, ok2 := timeType.FieldByName("ext")
	loc, ok3 := timeType.FieldByName("loc")
	if !ok1 || !ok2 || !ok3 || wall.Type.Kind() != reflect.Uint64 || ext.Type.Kind() != reflect.Int64 ||
		loc.Type != reflect.TypeFor[*time.Location]() {
		return fmt.Errorf("snapshot: time.Time is not laid out as expected")
	}
	const (
		zoneNil, zoneUTC, zoneLocal, zoneFixed = 0, 1, 2, 3
	)
	c.enc = func(e *encoder, p unsafe.Pointer) {
		e.b = append(e.b, unsafe.Slice((*byte)(unsafe.Add(p, wall.Offset)), 8)...)
		e.b = append(e.b, unsafe.Slice((*byte)(unsafe.Add(p, ext.Offset)), 8)...)
		switch l := *(**time.Location)(unsafe.Add(p, loc.Offset)); l {
		case nil:
			e.b = append(e.b, zoneNil)
		case time.UTC:
			e.b = append(e.b, zoneUTC)
		case time.Local:
			e.b = append(e.b, zoneLocal)
		default:
			name, off := (*(*time.Time)(p)).Zone()
			if name != l.String() {
				e.fail(fmt.Errorf("snapshot: the time zone %s is not a fixed zone", l))
				return
			}
			e.b = append(e.b, zoneFixed)
			e.string(l.String())
			e.uvarint(uint64(int64(off)))
			e.string(name)
		}
	}
	c.dec = func(d *decoder, p unsafe.Pointer) {
		w, x := d.take(8), d.take(8)
		if d.err != nil {
			return
		}
		copy(unsafe.Slice((*byte)(unsafe.Add(p, wall.Offset)), 8), w)
		copy(unsafe.Slice((*byte)(unsafe.Add(p, ext.Offset)), 8), x)
		l := (**time.Location)(unsafe.Add(p, loc.Offset))
		switch d.tag() {
		case zoneNil:
			*l = nil
		case zoneUTC:
			*l = time.UTC
		case zoneLocal:
			*l = time.Local
		case zoneFixed:
			var name, zone string
			decString(d, unsafe.Pointer(&name))
			off := int64(d.uvarint())
			decString(d, unsafe.Pointer(&zone))
			if d.err == nil && (off < -24*3600 || off > 24*3600 || name != zone) {
				d.fail("a time zone %q at %d seconds", name, off)
			}
			if d.err == nil {
				*l = time.FixedZone(name, int(off))
			}
		default:
			d.fail("a time's zone")
		}
	}
	return nil
}
