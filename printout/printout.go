// Package printout is what podium's printed documents share: the base
// print style (fonts, sizes), the page rules with their margin boxes ("第
// X 页 共 Y 页", a digest, a mark on every page) and printing an HTML file
// to PDF with headless Chromium where one is installed. The official
// records (package records) and the paper of the congress (package paper:
// ballots, credentials, the rehearsal's test deck) are both built on it,
// so that they print alike.
//
// Chromium prints CSS page margin boxes from version 131; the render
// tests (printtest) check the printed pages with pdftotext.
package printout

import (
	"context"
	_ "embed"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// BaseCSS is the style every printed document starts with: the CJK font
// stack, 10pt text, box sizes from the border.
//
//go:embed base.css
var BaseCSS string

// Font is the CSS font-family of every printed word, margin boxes
// included (a margin box does not inherit the page's font).
const Font = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`

// Box is one page margin box: where it stands (bottom-left, bottom-right,
// top-center …), its content as CSS (a quoted string from CSSString, or
// an expression with counter(page)) and its style beyond the font.
type Box struct {
	Where, Content, Style string
}

// Page is the @page rule of a document: the paper (A4, "A4 landscape",
// A5), the margins and the margin boxes.
type Page struct {
	Size, Margin string
	Boxes        []Box
}

// CSS writes the @page rule.
func (p Page) CSS() string {
	var b strings.Builder
	fmt.Fprintf(&b, "@page { size: %s; margin: %s;\n", p.Size, p.Margin)
	for _, x := range p.Boxes {
		fmt.Fprintf(&b, "  @%s { content: %s; font-family: %s; %s }\n", x.Where, x.Content, Font, x.Style)
	}
	b.WriteString("}\n")
	return b.String()
}

// CSSString quotes s as a CSS string (a line break becomes \A).
func CSSString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\A `, "<", `\3C `).Replace(s) + `"`
}

// PageOf is the content of a page-number box in words: 第 X 页 共 Y 页, or
// Page X of Y.
func PageOf(lang string) string {
	if lang == "en" {
		return `"Page " counter(page) " of " counter(pages)`
	}
	return `"第 " counter(page) " 页　共 " counter(pages) " 页"`
}

// Chromium returns the path of an installed Chromium (or Chrome), or "".
func Chromium() string {
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// PDF prints the HTML file html to pdf with headless Chromium, with its
// own profile directory (profile, which the caller removes), within 90
// seconds. Paths may be relative.
func PDF(ctx context.Context, chromium, html, pdf, profile string) error {
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	abs, err := filepath.Abs(html)
	if err != nil {
		return err
	}
	if pdf, err = filepath.Abs(pdf); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--no-first-run", "--user-data-dir="+profile, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+filepath.ToSlash(abs))
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("chromium printing %s: %v\n%s", filepath.Base(html), err, out)
	}
	return nil
}
