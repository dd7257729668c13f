package records

import (
	"bytes"
	_ "embed"
	"encoding/json"
)

// Schema is the JSON Schema (draft 2020-12) of record.json, the JSON of a
// Record.
//
//go:embed schema.json
var Schema []byte

// renderJSON writes the record indented by two spaces, HTML characters
// unescaped, with a final newline.
func renderJSON(r *Record) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
