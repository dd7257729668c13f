package snapshot

import (
	"reflect"
	"unsafe"
)

// typedMaps are the map types read and written with Go's own map
// operations rather than reflection: the few a congress's state holds by
// the thousand (a roster's index by id, the timeline's names and undos).
// Their bytes are those of mapCodec.
var typedMaps = map[reflect.Type]func(kc, vc *codec) (func(*encoder, unsafe.Pointer), func(*decoder, unsafe.Pointer)){
	reflect.TypeFor[map[string]int]():    typedMap[string, int],
	reflect.TypeFor[map[string]uint32](): typedMap[string, uint32],
	reflect.TypeFor[map[int]uint32]():    typedMap[int, uint32],
	reflect.TypeFor[map[int]uint64]():    typedMap[int, uint64],
}

// typedMap returns the encoder and decoder of map[K]V.
func typedMap[K comparable, V any](kc, vc *codec) (func(*encoder, unsafe.Pointer), func(*decoder, unsafe.Pointer)) {
	enc := func(e *encoder, p unsafe.Pointer) {
		m := *(*map[K]V)(p)
		if m == nil {
			e.b = append(e.b, tagNil)
			return
		}
		e.b = append(e.b, tagNew)
		e.uvarint(uint64(len(m)))
		for k, v := range m {
			kc.enc(e, unsafe.Pointer(&k))
			vc.enc(e, unsafe.Pointer(&v))
		}
	}
	dec := func(d *decoder, p unsafe.Pointer) {
		mp := (*map[K]V)(p)
		switch d.tag() {
		case tagNil:
			*mp = nil
		case tagNew:
			n := d.count(1)
			if d.err != nil || !d.charge(uint64(n)*uint64(kc.size+vc.size)) {
				return
			}
			m := make(map[K]V, n)
			var k K
			var v V
			for i := 0; i < n && d.err == nil; i++ {
				kc.dec(d, unsafe.Pointer(&k))
				vc.dec(d, unsafe.Pointer(&v))
				m[k] = v
			}
			*mp = m
		default:
			d.fail("a map's tag")
		}
	}
	return enc, dec
}
