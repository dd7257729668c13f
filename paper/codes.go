package paper

import (
	"bytes"
	"encoding/base64"
	"html/template"
	"image"
	"image/color"
	"image/png"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/code128"
	"github.com/boombuler/barcode/qr"
)

// The codes of an id on a credential: a Code 128 barcode, which every
// USB or Bluetooth desk scanner reads (it types the id and Enter), and a
// QR code, which a phone reads. Both by github.com/boombuler/barcode.

// Code128 returns the Code 128 barcode of id as a PNG: one pixel per
// module (the page scales it; CSS keeps the bars sharp), height pixels
// tall, with the quiet zone of ten modules each side that scanners need.
// An id Code 128 cannot carry (beyond ASCII) is an error.
func Code128(id string, height int) ([]byte, error) {
	bc, err := code128.Encode(id)
	if err != nil {
		return nil, err
	}
	return codePNG(bc, 1, height, 10)
}

// QR returns the QR code of id as a PNG: one pixel per module, error
// correction M, the quiet zone of four modules.
func QR(id string) ([]byte, error) {
	bc, err := qr.Encode(id, qr.M, qr.Auto)
	if err != nil {
		return nil, err
	}
	return codePNG(bc, 1, 0, 4)
}

// codePNG draws a barcode in black and white: module pixels per module,
// a 1D code height pixels tall, quiet modules of white around it (left
// and right of a 1D code; all round a 2D code).
func codePNG(bc barcode.Barcode, module, height, quiet int) ([]byte, error) {
	b := bc.Bounds()
	oneD := bc.Metadata().Dimensions == 1
	w := (b.Dx() + 2*quiet) * module
	h := height
	top := 0
	if !oneD {
		h = (b.Dy() + 2*quiet) * module
		top = quiet * module
	}
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.Black})
	for x := 0; x < b.Dx(); x++ {
		rows := 1
		if !oneD {
			rows = b.Dy()
		}
		for y := 0; y < rows; y++ {
			r, _, _, _ := bc.At(b.Min.X+x, b.Min.Y+y).RGBA()
			if r > 0x7fff {
				continue
			}
			x0 := (quiet + x) * module
			if oneD {
				for yy := 0; yy < h; yy++ {
					for xx := x0; xx < x0+module; xx++ {
						img.SetColorIndex(xx, yy, 1)
					}
				}
				continue
			}
			y0 := top + y*module
			for yy := y0; yy < y0+module; yy++ {
				for xx := x0; xx < x0+module; xx++ {
					img.SetColorIndex(xx, yy, 1)
				}
			}
		}
	}
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&out, img); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// dataURL is a PNG as a data: URL for an <img>, nil stays empty.
func dataURL(png []byte) template.URL {
	if png == nil {
		return ""
	}
	return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png))
}
