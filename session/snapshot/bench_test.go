package snapshot

import "testing"

// BenchmarkDecode reads the sample, grown to a few thousand of each part.
func BenchmarkDecode(b *testing.B) {
	v := sample()
	for i := range 3000 {
		v.byName[string(rune(0x4e00+i))] = i
		v.words = append(v.words, "代表·阿依", "护理分院", "")
		v.points = append(v.points, point{int32(i), 2, true})
		v.shared = append(v.shared, make([]byte, 200))
	}
	img, err := Encode(v)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(img)))
	for b.Loop() {
		var w every
		if err := Decode(img, &w); err != nil {
			b.Fatal(err)
		}
	}
}
