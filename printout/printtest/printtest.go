// Package printtest holds the render tests' helpers that package records
// and package paper share: find the tools, print an HTML file with
// headless Chromium and read each printed page back with pdftotext. Tests
// only.
package printtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"podium/printout"
)

// Tools returns the paths of Chromium and pdftotext, or skips the test
// where they are missing (CI installs them: apt-get install -y chromium
// fonts-noto-cjk poppler-utils).
func Tools(t testing.TB) (chromium, pdftotext string) {
	t.Helper()
	chromium = printout.Chromium()
	pdftotext, _ = exec.LookPath("pdftotext")
	if chromium == "" || pdftotext == "" {
		t.Skip("the render test needs chromium and pdftotext: apt-get install -y chromium fonts-noto-cjk poppler-utils")
	}
	return chromium, pdftotext
}

// Print prints html to a PDF beside it with its own Chromium profile and
// returns the PDF's path. With PODIUM_RENDER_DIR set the PDF is kept
// there too, named prefix + its name, to look at.
func Print(t testing.TB, chromium, html, prefix string) (string, error) {
	pdf := strings.TrimSuffix(html, filepath.Ext(html)) + ".pdf"
	profile, err := os.MkdirTemp("", "podium-chromium-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(profile)
	if err := printout.PDF(context.Background(), chromium, html, pdf, profile); err != nil {
		return "", err
	}
	if dump := os.Getenv("PODIUM_RENDER_DIR"); dump != "" {
		b, _ := os.ReadFile(pdf)
		_ = os.MkdirAll(dump, 0o755)
		_ = os.WriteFile(filepath.Join(dump, prefix+filepath.Base(pdf)), b, 0o644)
	}
	return pdf, nil
}

// Pages returns the text of each page of pdf (pdftotext -layout).
func Pages(pdftotext, pdf string) ([]string, error) {
	out, err := exec.Command(pdftotext, "-layout", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		return nil, fmt.Errorf("pdftotext %s: %v", pdf, err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages, nil
}

// Squeeze drops every space (pdftotext spaces text as it lies on the
// page).
func Squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000', '\u00a0':
			return -1
		}
		return r
	}, s)
}
