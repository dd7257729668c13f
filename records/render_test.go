package records

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"podium/printout/printtest"
)

// The render test prints every HTML document with headless Chromium,
// converts each page to text with pdftotext and checks what an office
// filing the paper would: a page number "第 X 页 共 Y 页" and the digest on
// every page, the draft mark on every page of a draft, no page holding
// only the page's margins, every signature block on the page of the last
// rows of the table it certifies, no heading at the foot of a page. CI
// installs the tools (.ci/run): apt-get install -y chromium
// fonts-noto-cjk poppler-utils.

// squeeze drops every space (pdftotext spaces text as it lies on the
// page).
func squeeze(s string) string { return printtest.Squeeze(s) }

// rendered is one printed document: its pages' text.
type rendered struct {
	doc   document
	pages []string
}

func renderAll(t *testing.T, r *Record) []rendered {
	t.Helper()
	chromium, pdftotext := printtest.Tools(t)
	dir := t.TempDir()
	files, err := Write(r, "html", dir)
	if err != nil {
		t.Fatal(err)
	}
	docs := layout(r)
	if len(files) != len(docs) {
		t.Fatalf("%d files for %d documents", len(files), len(docs))
	}
	// Two printers at a time: the machines that run the tests are small.
	out := make([]rendered, len(docs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			pdf, err := printtest.Print(t, chromium, f, r.Lang+"-"+r.Status+"-")
			if err != nil {
				t.Error(err)
				return
			}
			pages, err := printtest.Pages(pdftotext, pdf)
			if err != nil {
				t.Error(err)
				return
			}
			out[i] = rendered{docs[i], pages}
		}()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	return out
}

// checkPages checks the printed pages of every document of r.
func checkPages(t *testing.T, r *Record) {
	w := termsFor(r.Lang)
	var summary []string
	for _, x := range renderAll(t, r) {
		d, pages := x.doc, x.pages
		n := len(pages)
		summary = append(summary, fmt.Sprintf("%s %d", d.File, n))
		if n == 0 {
			t.Errorf("%s: no pages", d.File)
			continue
		}
		digest := fmt.Sprintf(w.digest, r.Digest.Events, r.Digest.HeadHex())
		for i, p := range pages {
			flat := squeeze(p)
			number := squeeze(fmt.Sprintf(w.pick("第%d页共%d页", "Page %d of %d"), i+1, n))
			if !strings.Contains(flat, number) {
				t.Errorf("%s page %d of %d: no page number %q", d.File, i+1, n, number)
			}
			if strings.Count(flat, r.Digest.HeadHex()) != 1 {
				t.Errorf("%s page %d: the digest %d times, want once", d.File, i+1, strings.Count(flat, r.Digest.HeadHex()))
			}
			if !r.Final() && !strings.Contains(flat, squeeze(w.draftMark)) {
				t.Errorf("%s page %d: no draft mark", d.File, i+1)
			}
			body := flat
			for _, s := range []string{number, squeeze(digest), squeeze(w.draftMark), w.pick("草稿", "DRAFT")} {
				body = strings.ReplaceAll(body, s, "")
			}
			if body == "" {
				t.Errorf("%s page %d: only the page's margins", d.File, i+1)
			}
			if h := lastLine(p, r); h != "" {
				for _, b := range d.Blocks {
					if b.Kind == bHeading && squeeze(b.Text) == h {
						t.Errorf("%s page %d ends with the heading %q", d.File, i+1, b.Text)
					}
				}
			}
		}
		checkSigns(t, r, d, pages)
	}
	t.Logf("%s %s pages: %s", r.Lang, r.Status, strings.Join(summary, ", "))
}

// lastLine is a page's last line of body text, squeezed: the lines of
// the margins (page number, digest, draft mark) left out.
func lastLine(page string, r *Record) string {
	lines := strings.Split(page, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := squeeze(lines[i])
		if l == "" || strings.Contains(l, r.Digest.HeadHex()[:16]) || strings.Contains(l, "页共") || strings.Contains(l, "Page") ||
			l == "草稿" || l == "DRAFT" || strings.HasPrefix(l, squeeze(termsFor(r.Lang).digest)[:6]) {
			continue
		}
		return l
	}
	return ""
}

// checkSigns finds each signature block and the table before it: the
// signers' lines and that table's last row are on one page.
func checkSigns(t *testing.T, r *Record, d document, pages []string) {
	w := termsFor(r.Lang)
	for i, b := range d.Blocks {
		if b.Kind != bSigns {
			continue
		}
		signPage := -1
		for _, s := range b.Signs {
			line := squeeze(s.Role + s.Name + w.signature + w.colon())
			found := -1
			for p, text := range pages {
				if strings.Contains(squeeze(text), line) {
					found = p
				}
			}
			if found < 0 {
				t.Errorf("%s: the signature line %q is not printed", d.File, line)
				continue
			}
			if signPage >= 0 && found != signPage {
				t.Errorf("%s: the signature lines are on pages %d and %d", d.File, signPage+1, found+1)
			}
			signPage = found
		}
		if signPage < 0 {
			continue
		}
		// What the signatures certify: the table before them (the
		// paragraphs between belong with it), or the section they close.
		key, what := "", ""
	back:
		for j := i - 1; j >= 0; j-- {
			switch x := d.Blocks[j]; x.Kind {
			case bTable:
				if len(x.Rows) > 0 {
					last := x.Rows[len(x.Rows)-1]
					for _, c := range last[:min(3, len(last))] {
						key += squeeze(c.Text)
					}
					what = "the last row of the table they certify"
				}
				break back
			case bHeading:
				key, what = squeeze(x.Text), "the heading of the section they close"
				break back
			}
		}
		if key != "" && !strings.Contains(squeeze(pages[signPage]), key) {
			t.Errorf("%s: the signatures on page %d, %s (%q) is not", d.File, signPage+1, what, key)
		}
	}
}

// TestRender prints the demo congress (122 delegates: tables over several
// pages) closed, in both languages, and the small congress under way
// (drafts).
func TestRender(t *testing.T) {
	if testing.Short() {
		t.Skip("printing with Chromium takes a while")
	}
	for _, c := range []struct {
		name string
		r    func(*testing.T) *Record
	}{
		{"demo-zh", func(t *testing.T) *Record { return build(t, "zh") }},
		{"demo-en", func(t *testing.T) *Record { return build(t, "en") }},
		{"draft-zh", func(t *testing.T) *Record { return small(t, "zh", 2) }},
	} {
		t.Run(c.name, func(t *testing.T) { checkPages(t, c.r(t)) })
	}
}
