package records

import (
	"bytes"
	"encoding/csv"
)

// bom is the UTF-8 byte order mark: with it Excel opens a CSV file as
// UTF-8, so Chinese reads as Chinese.
var bom = []byte{0xEF, 0xBB, 0xBF}

// renderCSV writes one CSV file per document: the title, then each block
// (a field as label and value, a table as its header and rows, a paragraph
// in one cell, a signature line as role, name and an empty cell to sign),
// a blank row between blocks, and the digest last.
func renderCSV(docs []document) ([]file, error) {
	var out []file
	for _, d := range docs {
		var b bytes.Buffer
		b.Write(bom)
		cw := csv.NewWriter(&b)
		rows := [][]string{{d.Sub}, {d.Title}, {}}
		for _, bl := range d.Blocks {
			switch bl.Kind {
			case bHeading, bText:
				rows = append(rows, []string{bl.Text})
			case bFields:
				for _, f := range bl.Fields {
					rows = append(rows, []string{f[0], f[1]})
				}
			case bTable:
				rows = append(rows, bl.Head)
				rows = append(rows, bl.Rows...)
			case bSigns:
				for _, s := range bl.Signs {
					rows = append(rows, []string{s[0], s[1], ""})
				}
			}
			if bl.Kind != bHeading {
				rows = append(rows, []string{})
			}
		}
		rows = append(rows, []string{d.Footer})
		for _, r := range rows {
			if len(r) == 0 {
				r = []string{""}
			}
			if err := cw.Write(r); err != nil {
				return nil, err
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return nil, err
		}
		out = append(out, file{d.File + ".csv", b.Bytes()})
	}
	return out, nil
}
