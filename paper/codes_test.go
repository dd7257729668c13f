package paper

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/oned"
	"github.com/makiuchi-d/gozxing/qrcode"

	"podium/files"
	"podium/model"
)

// scaled decodes a PNG and enlarges it k times (a decoder, like a scanner
// through its lens, sees modules several pixels wide).
func scaled(t *testing.T, b []byte, k int) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	r := img.Bounds()
	out := image.NewGray(image.Rect(0, 0, r.Dx()*k, r.Dy()*k))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	for y := 0; y < out.Bounds().Dy(); y++ {
		for x := 0; x < out.Bounds().Dx(); x++ {
			out.Set(x, y, img.At(r.Min.X+x/k, r.Min.Y+y/k))
		}
	}
	return out
}

// TestCodesDecode: the Code 128 barcode and the QR code of an id decode
// back to the id with a decoder of their own (gozxing, a port of ZXing),
// ids of the roster's shapes included.
func TestCodesDecode(t *testing.T) {
	for _, id := range []string{"D0012", "d0012", "S2999", "2026-A-007", "X"} {
		bar, err := Code128(id, 40)
		if err != nil {
			t.Fatal(err)
		}
		bmp, err := gozxing.NewBinaryBitmapFromImage(scaled(t, bar, 2))
		if err != nil {
			t.Fatal(err)
		}
		got, err := oned.NewCode128Reader().Decode(bmp, nil)
		if err != nil || got.GetText() != id {
			t.Errorf("Code 128 of %q decodes to %v, %v", id, got, err)
		}
		q, err := QR(id)
		if err != nil {
			t.Fatal(err)
		}
		bmp, err = gozxing.NewBinaryBitmapFromImage(scaled(t, q, 4))
		if err != nil {
			t.Fatal(err)
		}
		got, err = qrcode.NewQRCodeReader().Decode(bmp, nil)
		if err != nil || got.GetText() != id {
			t.Errorf("QR code of %q decodes to %v, %v", id, got, err)
		}
	}
	if _, err := Code128("代表一", 40); err == nil {
		t.Error("Code 128 of Han characters: no error")
	}
}

// TestCredentials: a card per person, eight to a sheet, the kind by its
// colour class and its word; the desk lists one section per unit; every
// barcode on them decodes to its person's id.
func TestCredentials(t *testing.T) {
	setup := files.Demo()
	c, err := CredentialsFor(setup, "zh")
	if err != nil {
		t.Fatal(err)
	}
	html, err := RenderCards(c)
	if err != nil {
		t.Fatal(err)
	}
	s := string(html)
	if n, want := strings.Count(s, `<div class="card `), len(setup.Roster); n != want {
		t.Errorf("%d cards for %d people", n, want)
	}
	if n, want := strings.Count(s, `<section class="sheet">`), (len(setup.Roster)+7)/8; n != want {
		t.Errorf("%d sheets, want %d", n, want)
	}
	for _, k := range []string{`card formal"`, `card observer"`, `card guest"`, "正式代表", "列席代表", "特邀代表"} {
		if !strings.Contains(s, k) {
			t.Errorf("no %q on the cards", k)
		}
	}
	desk, err := RenderDeskLists(c)
	if err != nil {
		t.Fatal(err)
	}
	units := map[string]bool{}
	for _, p := range setup.Roster {
		units[p.Unit] = true
	}
	if n := strings.Count(string(desk), `<section class="desk">`); n != len(units) {
		t.Errorf("%d desk lists for %d units", n, len(units))
	}
	// Every barcode of a card decodes to the card's id.
	for _, card := range c.Cards[:12] {
		bmp, _ := gozxing.NewBinaryBitmapFromImage(scaled(t, card.Bar, 2))
		got, err := oned.NewCode128Reader().Decode(bmp, nil)
		if err != nil || got.GetText() != card.Person.ID {
			t.Errorf("%s: the card's barcode reads %v, %v", card.Person.ID, got, err)
		}
	}
	// A small roster's sheet is a golden (one sheet, each kind).
	small := setup
	small.Roster = []model.Person{setup.Roster[0], setup.Roster[len(setup.Roster)-4], setup.Roster[len(setup.Roster)-1]}
	sc, err := CredentialsFor(small, "zh")
	if err != nil {
		t.Fatal(err)
	}
	cards, _ := RenderCards(sc)
	golden(t, "credentials-small.html", cards)
	lists, _ := RenderDeskLists(sc)
	golden(t, "desk-lists-small.html", lists)
}
