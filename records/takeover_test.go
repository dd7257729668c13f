package records

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"podium/session"
)

// TestTakeoverInMinutes: a congress taken over by its standby after event
// N notes it in the minutes — when, by whom, from which podium, the last
// event received and the takeover's event, the epoch — in every format:
// the documents (md, html, xlsx), takeovers.csv and record.json (valid by
// the schema). A congress never taken over has none of it.
func TestTakeoverInMinutes(t *testing.T) {
	sch := compileSchema(t)
	for lang, heading := range map[string]string{"zh": "备用主机接替", "en": "Takeovers by the standby"} {
		s, log := smallCongress(t, 2)
		var last uint64
		s.Read(func(st *session.State) { last = st.Seq })
		run(t, s, session.TakeOver{Meta: by("王芳", 300), From: "192.168.10.2:23234"})
		var r *Record
		s.Read(func(st *session.State) { r = Build(st, digestOf(t, log), lang) })
		want := Takeover{At: At(by("", 300).At), By: "王芳", From: "192.168.10.2:23234", LastSeq: last, Seq: last + 1, Epoch: 2}
		if len(r.Minutes.Takeovers) != 1 || r.Minutes.Takeovers[0] != want {
			t.Fatalf("%s: takeovers %+v, want %+v", lang, r.Minutes.Takeovers, want)
		}
		dir := t.TempDir()
		for _, format := range []string{"md", "html", "csv", "json", "xlsx"} {
			if _, err := Write(r, format, filepath.Join(dir, format)); err != nil {
				t.Fatal(err)
			}
		}
		read := func(p string) string {
			b, err := os.ReadFile(filepath.Join(dir, p))
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
		seq := itoa(int(last + 1))
		htmls, _ := filepath.Glob(filepath.Join(dir, "html", "*-minutes.html"))
		if len(htmls) != 1 {
			t.Fatalf("minutes in html: %q", htmls)
		}
		for _, p := range []string{"md/records.md", strings.TrimPrefix(htmls[0], dir+"/")} {
			if text := read(p); !strings.Contains(text, heading) || !strings.Contains(text, "192.168.10.2:23234") || !strings.Contains(text, seq) {
				t.Errorf("%s %s lacks the takeover", lang, p)
			}
		}
		if csv := read("csv/takeovers.csv"); !strings.Contains(csv, "192.168.10.2:23234,"+itoa(int(last))+","+seq+",2") {
			t.Errorf("%s takeovers.csv:\n%s", lang, csv)
		}
		f := openXLSX(t, r)
		rows, err := f.GetRows(sheetOf(t, f, termsFor(lang).minutes))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(rows, func(row []string) bool {
			return slices.Equal(row, []string{"14:00", "王芳", "192.168.10.2:23234", itoa(int(last)), seq, "2"})
		}) {
			t.Errorf("%s: the workbook's minutes lack the takeover's row", lang)
		}
		data := read("json/record.json")
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(data)))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil || !strings.Contains(data, `"takeovers"`) {
			t.Errorf("%s record.json: %v", lang, err)
		}
		if r := small(t, lang, 2); r.Minutes.Takeovers != nil {
			t.Errorf("%s: takeovers in a congress never taken over", lang)
		}
	}
}

// sheetOf is the workbook's sheet whose name starts with name.
func sheetOf(t *testing.T, f interface{ GetSheetList() []string }, name string) string {
	t.Helper()
	for _, s := range f.GetSheetList() {
		if strings.HasPrefix(s, name) {
			return s
		}
	}
	t.Fatalf("no sheet %q in %q", name, f.GetSheetList())
	return ""
}
