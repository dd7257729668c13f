package paper

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"podium/files"
	"podium/printout/printtest"
)

// printed prints an HTML document with headless Chromium and returns its
// pages' text (skipped where the tools are missing).
func printed(t *testing.T, name string, html []byte) []string {
	t.Helper()
	chromium, pdftotext := printtest.Tools(t)
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, html, 0o644); err != nil {
		t.Fatal(err)
	}
	pdf, err := printtest.Print(t, chromium, path, "paper-")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := printtest.Pages(pdftotext, pdf)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestRenderBallots prints the demo's first ballot (A4, A5) and the
// ballot of 200 candidates: every candidate is printed, in the approved
// order; every page carries the notes, its page number and how many to
// print.
func TestRenderBallots(t *testing.T) {
	if testing.Short() {
		t.Skip("printing with Chromium takes a while")
	}
	for _, c := range []struct {
		name  string
		b     Ballot
		pages int // at least
	}{
		{"round1-a4.html", ballotOf(t, demoRound1(t), BallotOptions{Size: "a4", Spares: 5}), 1},
		{"round1-a5.html", ballotOf(t, demoRound1(t), BallotOptions{Size: "a5", Spares: 5}), 1},
		{"ballot-200.html", ballotOf(t, congress(t, bigSetup(), 0), BallotOptions{Size: "a4", Spares: 10}), 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			pages := printed(t, c.name, render(t, c.b, nil))
			if len(pages) < c.pages {
				t.Errorf("%d pages, want %d or more", len(pages), c.pages)
			}
			w := termsFor(c.b.Lang)
			all := ""
			for i, p := range pages {
				flat := printtest.Squeeze(p)
				all += flat
				for _, note := range w.instructions(c.b) {
					if !strings.Contains(flat, printtest.Squeeze(note)) {
						t.Errorf("page %d: no note %q", i+1, note)
					}
				}
				for _, want := range []string{printtest.Squeeze(w.copies(c.b.Copies)), "第" + itoa(i+1) + "页共" + itoa(len(pages)) + "页"} {
					if !strings.Contains(flat, want) {
						t.Errorf("page %d: no %q", i+1, want)
					}
				}
			}
			at := 0
			for _, cand := range c.b.Slate {
				i := strings.Index(all[at:], cand.Name)
				if i < 0 {
					t.Fatalf("%s is not printed after the candidate before it", cand.Name)
				}
				at += i + len(cand.Name)
			}
			t.Logf("%s: %d pages", c.name, len(pages))
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestRenderCredentials prints the demo's credentials (eight to a page)
// and its desk lists (a page per unit): every name on its page.
func TestRenderCredentials(t *testing.T) {
	if testing.Short() {
		t.Skip("printing with Chromium takes a while")
	}
	setup := files.Demo()
	c, err := CredentialsFor(setup, "zh")
	if err != nil {
		t.Fatal(err)
	}
	cards, _ := RenderCards(c)
	pages := printed(t, "credentials.html", cards)
	if want := (len(c.Cards) + 7) / 8; len(pages) != want {
		t.Fatalf("%d pages of cards, want %d", len(pages), want)
	}
	for i, card := range c.Cards {
		if p := printtest.Squeeze(pages[i/8]); !strings.Contains(p, card.Person.Name) || !strings.Contains(p, card.Person.ID) {
			t.Errorf("page %d: no card of %s %s", i/8+1, card.Person.Name, card.Person.ID)
		}
	}
	desk, _ := RenderDeskLists(c)
	pages = printed(t, "desk-lists.html", desk)
	var units []string
	for _, p := range setup.Roster {
		if !slices.Contains(units, p.Unit) {
			units = append(units, p.Unit)
		}
	}
	if len(pages) != len(units) {
		t.Fatalf("%d pages of desk lists for %d units", len(pages), len(units))
	}
	for _, p := range setup.Roster {
		i := slices.Index(units, p.Unit)
		if !strings.Contains(printtest.Squeeze(pages[i]), p.ID) {
			t.Errorf("the desk list of %s has no %s", p.Unit, p.ID)
		}
	}
}
