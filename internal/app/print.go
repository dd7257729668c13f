package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"podium/paper"
	"podium/printout"
	"podium/session"
)

// PrintOptions are the choices of `podium print` and of the election
// screen's print key: the round (0: the round open or about to open), the
// paper (a4, a5), the spare ballots, the language, and whether to print
// PDFs beside the HTML files where Chromium is installed.
type PrintOptions struct {
	Round  int
	Size   string
	Spares int
	Lang   string
	PDF    bool
}

// PrintBallots writes the ballot of a round into dir: ballot-round-N.html
// and, where Chromium is installed and o.PDF is set, its PDF. A round that
// is neither held nor next is an *InputError; no election is a refusal
// (paper.ErrNoElection).
func (c *Congress) PrintBallots(ctx context.Context, dir string, o PrintOptions) ([]string, error) {
	if err := c.Session.Checked(); err != nil {
		return nil, err // a state resumed from a checkpoint and not the log's
	}
	var b paper.Ballot
	var err error
	c.Session.Read(func(st *session.State) {
		b, err = paper.BallotFor(st, paper.BallotOptions{Round: o.Round, Size: o.Size, Spares: o.Spares, Lang: o.Lang})
	})
	if errors.As(err, new(*paper.RoundError)) {
		return nil, badInput(err)
	}
	if err != nil {
		return nil, err
	}
	html, err := paper.RenderBallot(b, nil)
	if err != nil {
		return nil, err
	}
	return writePrint(ctx, dir, o.PDF, printFile{fmt.Sprintf("ballot-round-%d.html", b.Round), html})
}

// PrintCredentials writes the credentials (credentials.html, eight cards
// to an A4 sheet) and the desk lists (desk-lists.html, a page per unit)
// into dir, with their PDFs where Chromium is installed and pdf is set.
func (c *Congress) PrintCredentials(ctx context.Context, dir, lang string, pdf bool) ([]string, error) {
	if err := c.Session.Checked(); err != nil {
		return nil, err // a state resumed from a checkpoint and not the log's
	}
	var cr paper.Credentials
	var err error
	c.Session.Read(func(st *session.State) { cr, err = paper.CredentialsFor(st.Setup, lang) })
	if err != nil {
		return nil, err
	}
	cards, err := paper.RenderCards(cr)
	if err != nil {
		return nil, err
	}
	desk, err := paper.RenderDeskLists(cr)
	if err != nil {
		return nil, err
	}
	return writePrint(ctx, dir, pdf, printFile{"credentials.html", cards}, printFile{"desk-lists.html", desk})
}

// printFile is one printed document: its name in the folder and bytes.
type printFile struct {
	name string
	data []byte
}

// writePrint writes each file into dir (created if missing) whole or not
// at all (a temporary file renamed), then, with pdf set and Chromium
// installed, prints each HTML file to its PDF the same way. It returns the
// paths written.
func writePrint(ctx context.Context, dir string, pdf bool, fs ...printFile) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var out []string
	for _, f := range fs {
		p := filepath.Join(dir, f.name)
		if err := writeWhole(p, f.data); err != nil {
			return out, err
		}
		out = append(out, p)
	}
	chromium := printout.Chromium()
	if !pdf || chromium == "" {
		return out, nil
	}
	profile, err := os.MkdirTemp("", "podium-chromium-")
	if err != nil {
		return out, err
	}
	defer os.RemoveAll(profile)
	for _, f := range fs {
		if filepath.Ext(f.name) != ".html" {
			continue
		}
		html := filepath.Join(dir, f.name)
		final := html[:len(html)-len(".html")] + ".pdf"
		tmp := final + ".tmp"
		if err := printout.PDF(ctx, chromium, html, tmp, profile); err != nil {
			os.Remove(tmp)
			return out, err
		}
		if err := os.Rename(tmp, final); err != nil {
			os.Remove(tmp)
			return out, err
		}
		out = append(out, final)
	}
	return out, nil
}

// writeWhole writes data to path through a temporary file beside it,
// synced and renamed, so that path holds the whole file or its old one.
func writeWhole(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// PrintZero writes the zero report of the round open or about to open
// (zero-report-round-N.html) into dir, refused once a ballot is keyed in
// it (paper.ErrBallotsKeyed).
func (c *Congress) PrintZero(ctx context.Context, dir, lang string, pdf bool) ([]string, error) {
	if err := c.Session.Checked(); err != nil {
		return nil, err // a state resumed from a checkpoint and not the log's
	}
	var r paper.Report
	var no int
	var err error
	c.Session.Read(func(st *session.State) {
		r, err = paper.ZeroReport(st, lang)
		if err == nil {
			var b paper.Ballot
			b, err = paper.BallotFor(st, paper.BallotOptions{Lang: lang})
			no = b.Round
		}
	})
	if err != nil {
		return nil, err
	}
	html, err := paper.RenderReport(r)
	if err != nil {
		return nil, err
	}
	return writePrint(ctx, dir, pdf, printFile{fmt.Sprintf("zero-report-round-%d.html", no), html})
}

// PrintBeside prints the ballots of the election's round open or about to
// open and, before its first ballot, its zero report, into a new folder
// beside the database named for the time now (paper-YYYYMMDD-HHMMSS), with
// PDFs where Chromium is installed. It is what p does on the election
// screen.
func (c *Congress) PrintBeside(ctx context.Context, lang string, now time.Time) (dir string, files []string, err error) {
	dir = filepath.Join(filepath.Dir(c.DB), "paper-"+now.Format("20060102-150405"))
	files, err = c.PrintBallots(ctx, dir, PrintOptions{Size: "a4", Spares: paper.DefaultSpares, Lang: lang, PDF: true})
	if err != nil {
		return dir, files, err
	}
	zero, err := c.PrintZero(ctx, dir, lang, true)
	if errors.Is(err, paper.ErrBallotsKeyed) {
		return dir, files, nil
	}
	return dir, append(files, zero...), err
}
