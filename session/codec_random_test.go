package session

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"podium/session/election"
)

// TestCodecRoundTripRandom: for every kind, bodies filled with random
// values (every field, nested lists and maps, empty and non-empty) encode
// and decode to themselves. It catches a field the codec forgets, which
// the fixed fixtures alone could not once the field is set there.
func TestCodecRoundTripRandom(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, k := range kindTable {
		if k.Legacy {
			continue
		}
		for i := 0; i < 200; i++ {
			p := reflect.New(k.BodyType())
			fill(p.Elem(), rnd, 0)
			e := Event{Seq: rnd.Uint64() >> 1, At: time.Unix(0, rnd.Int64()).UTC(), Actor: randString(rnd), Role: Role(randString(rnd)),
				Body: p.Elem().Interface().(Body)}
			data, err := Encode(e)
			if err != nil {
				t.Fatalf("%s: %v\n%#v", k.Name, err, e)
			}
			got, err := Decode(data)
			if err != nil {
				t.Fatalf("%s: %v\n%#v", k.Name, err, e)
			}
			if !reflect.DeepEqual(got, e) {
				t.Fatalf("%s round trip:\n got %#v\nwant %#v", k.Name, got, e)
			}
		}
	}
}

var (
	timeType   = reflect.TypeOf(time.Time{})
	markType   = reflect.TypeOf(election.Mark(0))
	statusType = reflect.TypeOf(Status(0))
	roundKind  = reflect.TypeOf(election.Kind(0))
)

// fill sets v to random values: valid enumerations, UTF-8 strings (with
// Han characters and "·"), times in UTC, lists of 0–3 elements (nil when
// empty, as the decoders return them), maps of 0–2 keys.
func fill(v reflect.Value, rnd *rand.Rand, depth int) {
	switch v.Type() {
	case timeType:
		v.Set(reflect.ValueOf(time.Unix(0, rnd.Int64N(4e18)).UTC()))
		return
	case markType:
		v.SetUint(uint64(rnd.IntN(3)))
		return
	case statusType:
		v.SetUint(uint64(rnd.IntN(4)))
		return
	case roundKind:
		v.SetUint(uint64(rnd.IntN(3)))
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), rnd, depth+1)
			}
		}
	case reflect.Slice:
		n := rnd.IntN(4)
		if n == 0 || depth > 6 {
			v.SetZero()
			return
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := 0; i < n; i++ {
			fill(s.Index(i), rnd, depth+1)
		}
		v.Set(s)
	case reflect.Map:
		n := rnd.IntN(3)
		if n == 0 && rnd.IntN(2) == 0 {
			v.SetZero()
			return
		}
		m := reflect.MakeMap(v.Type())
		for i := 0; i < n; i++ {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(k, rnd, depth+1)
			fill(e, rnd, depth+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Pointer:
		if rnd.IntN(3) == 0 || depth > 6 {
			v.SetZero()
			return
		}
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), rnd, depth+1)
		v.Set(p)
	case reflect.String:
		v.SetString(randString(rnd))
	case reflect.Bool:
		v.SetBool(rnd.IntN(2) == 1)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(rnd.Int32()) - 1<<30)
	case reflect.Uint8:
		v.SetUint(uint64(rnd.IntN(256)))
	case reflect.Uint64:
		v.SetUint(rnd.Uint64())
	default:
		panic("fill: " + v.Type().String())
	}
}

func randString(rnd *rand.Rand) string {
	parts := []string{"", "D0001", "王芳", "阿依古丽·买买提", "a\"b\\c", "\n", "主席团", "x"}
	return parts[rnd.IntN(len(parts))] + parts[rnd.IntN(len(parts))]
}

// fixtureSeeds returns every golden fixture (both codecs), for the fuzz
// targets' corpus.
func fixtureSeeds(f *testing.F) [][]byte {
	paths, _ := filepath.Glob(filepath.Join("testdata", "events", "*.hex"))
	v1, _ := filepath.Glob(filepath.Join("testdata", "events", "v1", "*.hex"))
	var out [][]byte
	for _, p := range append(paths, v1...) {
		out = append(out, readHexF(f, p))
	}
	return out
}

func readHexF(f *testing.F, path string) []byte {
	text, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	var b []byte
	var hi byte
	n := 0
	for _, c := range bytes.ToLower(text) {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		default:
			continue
		}
		if n%2 == 0 {
			hi = d
		} else {
			b = append(b, hi<<4|d)
		}
		n++
	}
	return b
}
