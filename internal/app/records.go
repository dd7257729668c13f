package app

import (
	"path/filepath"
	"slices"
	"time"

	"podium/records"
	"podium/session"
)

// ExportFormats are the formats of the official records, in the order an
// export of all of them writes them.
var ExportFormats = []string{"md", "html", "csv", "xlsx", "json"}

// ValidFormat reports whether f is one of ExportFormats.
func ValidFormat(f string) bool { return slices.Contains(ExportFormats, f) }

// Export writes the official records of the congress in each format into
// dir (created if missing), stamped with the log's digest (what `podium
// verify` prints), and returns the files written.
func (c *Congress) Export(formats []string, dir, lang string) ([]string, error) {
	if err := c.Session.Checked(); err != nil {
		return nil, err // a state resumed from a checkpoint and not the log's
	}
	n, head, err := c.Store.Verify()
	if err != nil {
		return nil, err
	}
	var rec *records.Record
	c.Session.Read(func(st *session.State) { rec = records.Build(st, records.Digest{Events: n, Head: head}, lang) })
	var all []string
	for _, f := range formats {
		files, err := records.Write(rec, f, dir)
		if err != nil {
			return nil, err
		}
		all = append(all, files...)
	}
	return all, nil
}

// ExportBeside writes the records in every format into a new folder beside
// the database, named for the time now in the congress's time zone (the
// only place the clock appears; the files inside are deterministic). It is what f8 does in the screens.
func (c *Congress) ExportBeside(lang string, now time.Time) (dir string, files []string, err error) {
	var zone *time.Location
	c.Session.Read(func(st *session.State) { zone = st.Setup.Meeting.Location() })
	dir = filepath.Join(filepath.Dir(c.DB), "records-"+now.In(zone).Format("20060102-150405"))
	files, err = c.Export(ExportFormats, dir, lang)
	return dir, files, err
}
