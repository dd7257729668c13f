package snapshot

import (
	"encoding/binary"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// The kinds of values an image holds, exported and not.
type (
	point struct {
		x, y int32
		ok   bool
	}
	node struct {
		Name string
		Next *node
		kids []*node
	}
	key struct {
		terminal bool
		s        string
	}
	every struct {
		N       uint64
		s       string
		empty   string
		When    time.Time
		zoned   time.Time
		local   time.Time
		never   time.Time
		points  []point
		spare   []int32 // with room to grow
		noneNil []int
		none    []int // empty, not nil
		words   []string
		grid    [2][3]string
		arr     [4]uint16
		ptr     *point
		same    *point // the same as ptr
		nilPtr  *point
		tree    *node
		byName  map[string]int
		byKey   map[key][]int32
		nilMap  map[string]int
		noMap   map[int]bool // empty, not nil
		shared  [][]byte     // two of them the same slice
		nested  map[string]*node
		_       [0]func() // never written: no size
	}
)

// sample returns a value of every kind, with shared pointers and slices.
func sample() *every {
	p := &point{3, -4, true}
	leaf := &node{Name: "叶"}
	root := &node{Name: "根", kids: []*node{leaf, leaf}}
	root.Next = root // a cycle
	b := []byte("共享")
	spare := make([]int32, 2, 9)
	spare[1] = 7
	return &every{
		N: 1<<63 + 5, s: "阿依古丽·买买提", When: time.Unix(1764550000, 123).UTC(),
		zoned:  time.Date(2026, 11, 30, 9, 0, 0, 0, time.FixedZone("UTC+08:00", 8*3600)),
		local:  time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local),
		points: []point{{1, 2, true}, {3, 4, false}}, spare: spare, none: []int{},
		words: []string{"", "a", "乙"}, grid: [2][3]string{{"a", "b", "c"}, {"", "e", "f"}},
		arr: [4]uint16{1, 2, 3, 65535}, ptr: p, same: p, tree: root,
		byName: map[string]int{"D0001": 0, "D0002": 1, "": 2},
		byKey:  map[key][]int32{{true, "ssh:1"}: {1, 2}, {false, "host"}: nil},
		noMap:  map[int]bool{}, shared: [][]byte{b, b, []byte("自有")},
		nested: map[string]*node{"leaf": leaf, "root": root},
	}
}

// TestRoundTrip: every kind reads back deeply equal, pointers and slices
// met twice read back shared, cycles included, a slice keeps its room to
// grow, empty and nil stay apart, and times keep their zone and clock.
func TestRoundTrip(t *testing.T) {
	v := sample()
	b, err := Encode(v)
	if err != nil {
		t.Fatal(err)
	}
	var got every
	if err := Decode(b, &got); err != nil {
		t.Fatal(err)
	}
	if f := Differs(v, &got); f != "" {
		t.Fatalf("differs in %s", f)
	}
	if !reflect.DeepEqual(*v, got) {
		t.Fatal("not deeply equal")
	}
	switch {
	case got.ptr != got.same || got.ptr == nil:
		t.Error("a shared pointer was read back as two")
	case got.tree.Next != got.tree || got.tree.kids[0] != got.tree.kids[1] || got.nested["leaf"] != got.tree.kids[0]:
		t.Error("the tree's shared nodes were read back apart")
	case unsafe.SliceData(got.shared[0]) != unsafe.SliceData(got.shared[1]):
		t.Error("a shared slice was read back as two")
	case cap(got.spare) != 9:
		t.Errorf("the room to grow: cap %d", cap(got.spare))
	case got.none == nil || got.noneNil != nil || got.noMap == nil || got.nilMap != nil:
		t.Error("empty and nil were mixed")
	case got.zoned.Location().String() != "UTC+08:00" || got.local.Location() != time.Local || !got.When.Equal(v.When):
		t.Error("a time's zone or clock changed")
	}
	// What was read is the reader's own: changing it changes nothing of
	// the other, and appending within the room does not touch the image.
	got.spare = append(got.spare, 8)
	got.points[0].x = 99
	if v.points[0].x == 99 {
		t.Error("the decoded slice is the encoded one")
	}
	var again every
	if err := Decode(b, &again); err != nil || !reflect.DeepEqual(*v, again) {
		t.Fatalf("decoding twice: %v", err)
	}
	// What was read keeps nothing of the bytes it was read from.
	clear(b)
	if !reflect.DeepEqual(*v, again) {
		t.Fatal("the value read changed with the image's bytes")
	}
}

// TestRefused: types an image cannot hold are refused by name, and so are
// bytes of another type or no image at all.
func TestRefused(t *testing.T) {
	type withIface struct{ X any }
	type withFunc struct{ f func() }
	type withChan struct{ c chan int }
	for _, v := range []any{&withIface{}, &withFunc{}, &withChan{}} {
		if _, err := Encode(v); err == nil || !strings.Contains(err.Error(), "cannot write") {
			t.Errorf("%T: %v", v, err)
		}
		if err := Decode([]byte(magic+"12345678"), v); err == nil {
			t.Errorf("%T decoded", v)
		}
	}
	if _, err := Encode(every{}); err == nil {
		t.Error("a value, not a pointer, was encoded")
	}
	if _, err := Encode(&struct{ t time.Time }{time.Unix(1764550000, 0).In(mustZone(t))}); err == nil {
		t.Error("a time in a zone with rules was written")
	}
	b, err := Encode(&point{1, 2, true})
	if err != nil {
		t.Fatal(err)
	}
	var n node
	if err := Decode(b, &n); err == nil || !strings.Contains(err.Error(), "another type") {
		t.Errorf("a point read as a node: %v", err)
	}
	for _, bad := range [][]byte{nil, []byte("snapshot"), b[:len(b)-1], append(b, 0)} {
		var p point
		if err := Decode(bad, &p); err == nil {
			t.Errorf("%q decoded", bad)
		}
	}
}

// mustZone returns a zone with daylight-saving rules, or skips.
func mustZone(t *testing.T) *time.Location {
	l, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	return l
}

// TestDiffers names the first field that differs, unexported ones too.
func TestDiffers(t *testing.T) {
	a, b := sample(), sample()
	if f := Differs(a, b); f != "" {
		t.Fatalf("two samples differ in %s", f)
	}
	b.byKey[key{true, "ssh:1"}][0] = 9
	if f := Differs(a, b); f != "byKey" {
		t.Fatalf("got %q", f)
	}
}

// FuzzDecode: no bytes make Decode panic, allocate beyond what they can
// describe, or return a value that encodes differently from what it read
// without an error.
func FuzzDecode(f *testing.F) {
	b, err := Encode(sample())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Fuzz(func(t *testing.T, b []byte) {
		var v every
		if err := Decode(b, &v); err != nil {
			return
		}
		again, err := Encode(&v)
		if err != nil {
			t.Fatal(err)
		}
		var w every
		if err := Decode(again, &w); err != nil || !reflect.DeepEqual(v, w) {
			t.Fatalf("read back differently: %v", err)
		}
	})
}

// TestTypedMaps: the maps read with Go's own operations round-trip like
// the others, nil and empty apart.
func TestTypedMaps(t *testing.T) {
	type maps struct {
		a map[string]int
		b map[string]uint32
		c map[int]uint32
		d map[int]uint64
		e map[string]int
	}
	v := &maps{a: map[string]int{"x": -1, "": 2}, b: map[string]uint32{"名": 7}, c: map[int]uint32{-3: 4}, d: map[int]uint64{5: 1 << 60}, e: map[string]int{}}
	b, err := Encode(v)
	if err != nil {
		t.Fatal(err)
	}
	var got maps
	if err := Decode(b, &got); err != nil || !reflect.DeepEqual(*v, got) || got.e == nil {
		t.Fatalf("%v %+v", err, got)
	}
}

// The types of the tests of refusals below.
type (
	flags struct {
		On  bool
		N   int32
		Arr [2]bool
	}
	nested struct{ S [][]int64 }
	cycA   struct {
		B *cycB
		F func()
	}
	cycB struct{ A *cycA }
)

// TestBoolBytesRefused: a bool is read only as 0 or 1 — alone, in a run
// of fields, in an array, in a slice — for Go takes a byte of 0x80 as
// true and not false at once and indexes arrays past their end with it.
func TestBoolBytesRefused(t *testing.T) {
	type inSlice struct{ Fs []flags }
	for name, v := range map[string]any{"a struct": &flags{On: true, N: 7}, "a slice": &inSlice{Fs: []flags{{On: true}}}, "a []bool": &struct{ B []bool }{[]bool{true, false}}} {
		b, err := Encode(v)
		if err != nil {
			t.Fatal(err)
		}
		for i := len(magic) + 24; i < len(b); i++ {
			if b[i] != 1 {
				continue
			}
			bad := append([]byte(nil), b...)
			bad[i] = 0x80
			if err := Decode(bad, reflect.New(reflect.TypeOf(v).Elem()).Interface()); err == nil {
				t.Errorf("%s: a byte 0x80 at %d was read", name, i)
			}
		}
	}
}

// TestAllocationBounded: numbers in an image cannot make Decode allocate
// much more than the image's size: 2,000 empty slices each asking room
// for 65,536 more are refused.
func TestAllocationBounded(t *testing.T) {
	b, err := Encode(&nested{})
	if err != nil {
		t.Fatal(err)
	}
	b = append(b[:len(b)-1], tagNew, 0xd0, 0x0f, 0) // 2,000 slices, no spare room
	for range 2000 {
		b = append(b, tagNew, 0)
		b = binary.AppendUvarint(b, 1<<16)
	}
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	var v nested
	err = Decode(b, &v)
	runtime.ReadMemStats(&m1)
	if got := m1.TotalAlloc - m0.TotalAlloc; err == nil || got > 64*uint64(len(b))+1<<20 {
		t.Errorf("%d bytes (err %v) allocated %d MiB", len(b), err, got>>20)
	}
}

// TestFailedBuildLeavesNoCodec: a type that cannot be written leaves no
// half-built codec behind for the types met on the way.
func TestFailedBuildLeavesNoCodec(t *testing.T) {
	if _, err := Encode(&cycA{}); err == nil {
		t.Fatal("a func was written")
	}
	if _, err := Encode(&cycB{A: &cycA{}}); err == nil {
		t.Error("cycA's func written through cycB")
	}
}
