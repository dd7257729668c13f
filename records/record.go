// Package records produces the official records of a congress (RULES §7)
// from its state, as a 团委 office files them: the agenda (大会议程), the
// minutes (会议记录), the sign-in sheet (代表签到表, a blank form with a 签名
// column before the congress), the credentials report (代表资格审查报告),
// the election method as adopted (选举办法), the scrutineers and counters
// (监票人、计票人名单), a tally sheet (计票单) per election round, the
// election result report (选举结果报告单), the resolutions (大会决议), the
// registers of motions and of questions, the host's script (主持词) and the
// items of the reform self-assessment (附件1) that the congress record can
// answer.
//
// Build turns a session.State into a Record, plain data with JSON tags;
// Write renders it as md, html, csv, xlsx or json. The package is pure
// except for Write, which writes files: it never reads the clock, and every
// time and figure in a record comes from the events. Times are written in
// China Standard Time (UTC+8, a fixed zone, see CST) whatever the machine's
// zone, maps are walked in sorted order, and an XLSX workbook's properties
// are fixed from the record, so the same state always gives byte-identical
// files. Every document carries the digest of the log (events and the hash
// of the last record, as `podium verify` prints them) on every printed
// page, so a paper copy can be matched to the database; until the congress
// is closed every document is marked as a draft (草稿).
package records

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// FormatVersion names the shape of a Record's JSON (record.json, described
// by schema.json).
const FormatVersion = "podium-records/2"

// CST is China Standard Time, UTC+08:00 without daylight saving: every time
// in the records is written in it, so the output does not depend on the
// zone of the machine that exports.
var CST = time.FixedZone("CST", 8*60*60)

// Digest is what `podium verify` prints: the number of events and the
// SHA-256 of the last record.
type Digest struct {
	Events int
	Head   [32]byte
}

// HeadHex returns the head hash in lower-case hex, as `podium verify`
// prints it.
func (d Digest) HeadHex() string { return hex.EncodeToString(d.Head[:]) }

type digestJSON struct {
	Events int    `json:"events"`
	Head   string `json:"head"`
}

// MarshalJSON writes {"events": n, "head": "<64 hex digits>"}.
func (d Digest) MarshalJSON() ([]byte, error) {
	return json.Marshal(digestJSON{d.Events, d.HeadHex()})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Digest) UnmarshalJSON(b []byte) error {
	var v digestJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	h, err := hex.DecodeString(v.Head)
	if err != nil || len(h) != 32 {
		return fmt.Errorf("records: digest head %q is not 64 hex digits", v.Head)
	}
	d.Events = v.Events
	copy(d.Head[:], h)
	return nil
}

// Time is an instant of the record. Its JSON is RFC 3339 in China Standard
// Time ("2026-11-30T09:05:00+08:00"); the zero Time is left out (omitzero).
type Time struct{ t time.Time }

// At wraps t; the zero time stays zero.
func At(t time.Time) Time { return Time{t} }

// IsZero reports whether the time was never set.
func (t Time) IsZero() bool { return t.t.IsZero() }

// Time returns the instant.
func (t Time) Time() time.Time { return t.t }

// String is the time as the documents show it: "2026-11-30 09:05", or ""
// for the zero Time.
func (t Time) String() string {
	if t.IsZero() {
		return ""
	}
	return t.t.In(CST).Format("2006-01-02 15:04")
}

// Date is the day in China Standard Time: "2026-11-30".
func (t Time) Date() string {
	if t.IsZero() {
		return ""
	}
	return t.t.In(CST).Format("2006-01-02")
}

// MarshalJSON writes the time in RFC 3339, in China Standard Time.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.t.In(CST).Format(time.RFC3339))
}

// UnmarshalJSON reads an RFC 3339 time or null.
func (t *Time) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*t = Time{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return err
	}
	*t = Time{v}
	return nil
}
