// Package records produces the official records of a congress (RULES §7)
// from its state: the minutes (会议记录), the sign-in sheet (代表签到表), a
// tally sheet (计票单) per election round, the election result report
// (选举结果报告单), the register of motions and opinions (提案和意见建议登记表)
// and the register of questions (质询登记表).
//
// Build turns a session.State into a Record, plain data with JSON tags;
// Write renders it as md, html, csv, xlsx or json. The package is pure
// except for Write, which writes files: it never reads the clock, and every
// time in a record comes from the events. Times are written in China
// Standard Time (UTC+8, a fixed zone, see CST) whatever the machine's zone,
// maps are walked in sorted order, and an XLSX workbook's properties are
// fixed from the record, so the same state always gives byte-identical
// files. Every document carries the digest of the log (events and the hash
// of the last record, as `podium verify` prints them), so a paper copy can
// be matched to the database.
package records

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// FormatVersion names the shape of a Record's JSON (record.json, described
// by schema.json).
const FormatVersion = "podium-records/1"

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

// Record is the complete record of a congress. Its JSON is record.json,
// described by schema.json. Names, titles and texts are as recorded; the
// words derived for a reader (RuleText, Threshold, Announcements …) are in
// Lang.
type Record struct {
	Format    string     `json:"format"`    // FormatVersion
	Lang      string     `json:"lang"`      // "zh" or "en": the headings and derived words
	TimeZone  string     `json:"time_zone"` // "+08:00": China Standard Time
	Digest    Digest     `json:"digest"`
	Congress  Congress   `json:"congress"`
	Minutes   Minutes    `json:"minutes"`
	SignIn    SignIn     `json:"sign_in"`
	Election  *Election  `json:"election"` // null when the congress has no election
	Motions   []Motion   `json:"motions"`
	Questions []Question `json:"questions"`
}

// Congress is the meeting's identity: name (with its session, e.g. 第一次
// 学生代表大会), date, place, chair and recorder as set up.
type Congress struct {
	Name     string `json:"name"`
	NameEn   string `json:"name_en,omitempty"`
	Date     string `json:"date"` // as planned, else the day it opened
	Place    string `json:"place"`
	Chair    string `json:"chair"`
	Recorder string `json:"recorder"`
	Opened   Time   `json:"opened,omitzero"` // the first event
}

// Count is the attendance a decision used: formal delegates expected
// (应到) and present (实到).
type Count struct {
	Expected int `json:"expected"`
	Present  int `json:"present"`
}

// Stamp is a decision's time and the count it used.
type Stamp struct {
	At    Time  `json:"at,omitzero"`
	Count Count `json:"count"`
}

// Minutes is the minutes (会议记录).
type Minutes struct {
	Attendance Attendance `json:"attendance"`
	// Declared is when the meeting was declared valid, null if never.
	Declared *Stamp `json:"declared"`
	// Items are the agenda items in order, preceded by an item numbered
	// 0 when business was recorded before the first item started.
	Items []Item `json:"items"`
}

// Attendance is the formal delegates' attendance at the end of the record,
// with every absentee and the reason.
type Attendance struct {
	Expected   int        `json:"expected"`
	Present    int        `json:"present"`
	OnLeave    int        `json:"on_leave"`
	Left       int        `json:"left"`
	NotArrived int        `json:"not_arrived"`
	Absentees  []Absentee `json:"absentees"`
}

// Absentee is a formal delegate not present: on leave, not arrived, or
// left (At: when).
type Absentee struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Unit   string `json:"unit"`
	Status string `json:"status"` // on_leave, not_arrived, left
	At     Time   `json:"at,omitzero"`
}

// Item is one agenda item of the minutes with everything that happened
// under it.
type Item struct {
	No        int    `json:"no"` // 1-based; 0: before the agenda
	Kind      string `json:"kind"`
	Title     string `json:"title"`
	Presenter string `json:"presenter,omitempty"`
	// Status is pending, current, done or passed_over.
	Status  string `json:"status"`
	Started Time   `json:"started,omitzero"`
	Ended   Time   `json:"ended,omitzero"`
	// Count is the attendance when the item (last) started.
	Count *Count `json:"count"`
	// Note says why the item was passed over or left unfinished.
	Note      string   `json:"note,omitempty"`
	Questions []int    `json:"questions"` // numbers in Record.Questions
	Motions   []int    `json:"motions"`   // numbers in Record.Motions voted under this item
	Votes     []Vote   `json:"votes"`
	Notes     []Note   `json:"notes"`
	Ratings   []Rating `json:"ratings"`
	// Election is set on the election item: the rounds in brief.
	Election []RoundSummary `json:"election,omitempty"`
}

// Vote is one vote of the congress (表决) with its derivation.
type Vote struct {
	No       int    `json:"no"`
	Motion   int    `json:"motion,omitempty"` // the motion voted on
	Subject  string `json:"subject"`
	Kind     string `json:"kind"`   // ordinary or charter
	Method   string `json:"method"` // hands or ballot
	For      int    `json:"for"`
	Against  int    `json:"against"`
	Abstain  int    `json:"abstain"`
	At       Time   `json:"at,omitzero"`
	Count    Count  `json:"count"`
	Rule     Rule   `json:"rule"`
	Base     int    `json:"base"`
	BaseOf   string `json:"base_of"`   // expected (all delegates) or present
	RuleText string `json:"rule_text"` // e.g. 全体代表的二分之一以上
	Need     int    `json:"need"`
	Adopted  bool   `json:"adopted"`
}

// Rule is a fraction of RULES §0: strict is 超过, else 以上.
type Rule struct {
	Num    int  `json:"num"`
	Den    int  `json:"den"`
	Strict bool `json:"strict"`
}

// Note is one line of the secretary's notes.
type Note struct {
	At   Time   `json:"at,omitzero"`
	By   string `json:"by"`
	Text string `json:"text"`
}

// Rating is an officer's rating in a review item (述职评议).
type Rating struct {
	Officer string `json:"officer"`
	Rating  string `json:"rating"` // excellent, pass, fail
	Note    string `json:"note,omitempty"`
	At      Time   `json:"at,omitzero"`
}

// RoundSummary is one election round as the minutes summarise it.
type RoundSummary struct {
	Round     int      `json:"round"`
	Kind      string   `json:"kind"`
	Issued    int      `json:"issued"`
	Collected int      `json:"collected"`
	Valid     bool     `json:"valid"` // the round is valid (not void, quorum met)
	Decided   bool     `json:"decided"`
	Elected   []string `json:"elected"`
	Text      string   `json:"text"` // one sentence, in Lang
}

// SignIn is the sign-in sheet (代表签到表): everyone on the roster by unit.
type SignIn struct {
	Units  []Unit `json:"units"`
	Totals Totals `json:"totals"`
}

// Unit is one electoral unit's part of the sign-in sheet.
type Unit struct {
	Unit   string    `json:"unit"`
	People []Signing `json:"people"`
	Totals Totals    `json:"totals"`
}

// Signing is one person's line: kind (formal, observer, guest), status
// (present, on_leave, not_arrived, left) and the time of that status.
type Signing struct {
	No     int    `json:"no"`
	ID     string `json:"id"`
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Status string `json:"status"`
	At     Time   `json:"at,omitzero"`
}

// Totals count formal delegates: expected, present, on leave, and absent
// (not arrived or left).
type Totals struct {
	Expected int `json:"expected"`
	Present  int `json:"present"`
	OnLeave  int `json:"on_leave"`
	Absent   int `json:"absent"`
}

// Election is the committee election: the method, the scrutineers, every
// round (each one tally sheet), and the result.
type Election struct {
	Seats         int       `json:"seats"`
	Categories    []Seats   `json:"categories"`
	Quorum        Rule      `json:"quorum"`
	Threshold     Rule      `json:"threshold"`
	ThresholdBase string    `json:"threshold_base"` // expected, present or valid
	MethodAdopted *Stamp    `json:"method_adopted"`
	Scrutineer    string    `json:"scrutineer"` // name (监票人)
	Chief         string    `json:"chief"`      // name (总监票人)
	Counters      []string  `json:"counters"`   // 计票人
	Adopted       *Stamp    `json:"scrutineers_adopted"`
	Candidates    []string  `json:"candidates"` // the approved order
	Rounds        []Round   `json:"rounds"`
	Elected       []Elected `json:"elected"` // the announcement order (RULES §6.5)
	Vacant        []Seats   `json:"vacant"`
	Pending       []Pending `json:"pending"` // runoffs and second rounds still due
}

// Seats is a number of seats in a category ("" without categories).
type Seats struct {
	Category string `json:"category"`
	Seats    int    `json:"seats"`
}

// Elected is one person elected, with the round that elected them.
type Elected struct {
	Name     string `json:"name"`
	Category string `json:"category"`
	WriteIn  bool   `json:"write_in"`
	Round    int    `json:"round"`
}

// Pending is a runoff or second round called for by a round.
type Pending struct {
	Kind       string   `json:"kind"` // runoff or second
	Category   string   `json:"category"`
	Seats      int      `json:"seats"`
	Candidates []string `json:"candidates"`
}

// Round is one election round: its tally sheet and its part of the result
// report. Issued and Collected are -1 until recorded; the counts are those
// of package election, empty until the round is decided.
type Round struct {
	Round     int    `json:"round"`
	Kind      string `json:"kind"` // regular, runoff, second
	Revote    bool   `json:"revote"`
	Opened    Time   `json:"opened,omitzero"`
	Decided   Time   `json:"decided,omitzero"`
	Source    string `json:"source"` // ballots (double entry), tally (paper) or none
	Expected  int    `json:"expected"`
	Present   int    `json:"present"`
	Issued    int    `json:"issued"`
	Collected int    `json:"collected"`
	Valid     int    `json:"valid"`
	Invalid   int    `json:"invalid"`
	QuorumMet bool   `json:"quorum_met"`
	// RoundValid: the quorum was met and no more ballots were collected
	// than issued (RULES §6.2).
	RoundValid bool `json:"round_valid"`
	// Threshold is the threshold in words, one line per category, as the
	// tally sheet of package election writes it.
	Threshold      []string    `json:"threshold"`
	Categories     []Category  `json:"categories"`
	Candidates     []Candidate `json:"candidates"`
	InvalidBallots []Invalid   `json:"invalid_ballots"`
	VoidWriteIns   int         `json:"void_write_ins"`
	Elected        []string    `json:"elected"`
	Runoffs        []Pending   `json:"runoffs"`
	SecondRounds   []Pending   `json:"second_rounds"`
	Reason         string      `json:"reason,omitempty"` // why nothing was decided
	// Announcements are the words read out (RULES §6.5), in Lang.
	Announcements []string `json:"announcements"`
}

// Category is one category's part of a round.
type Category struct {
	Name      string `json:"name"`
	Seats     int    `json:"seats"`
	Valid     int    `json:"valid"`
	Invalid   int    `json:"invalid"`
	Threshold *int   `json:"threshold"`
}

// Candidate is one line of a tally sheet: a candidate in ballot order, or
// a write-in name (approvals only).
type Candidate struct {
	No         int    `json:"no"` // ballot order; 0 for a write-in
	Name       string `json:"name"`
	Category   string `json:"category"`
	WriteIn    bool   `json:"write_in"`
	Approve    int    `json:"approve"`
	Disapprove int    `json:"disapprove"`
	Abstain    int    `json:"abstain"`
	Status     string `json:"status"` // elected, runoff, not_elected; "" undecided
}

// Invalid is one invalid ballot (or category part of one).
type Invalid struct {
	Ballot   string `json:"ballot"` // its number, else its position from 1
	Category string `json:"category,omitempty"`
	Reason   string `json:"reason"`
}

// Motion is one line of the register of motions and opinions.
type Motion struct {
	No        int      `json:"no"`
	Title     string   `json:"title"`
	Category  string   `json:"category,omitempty"`
	Text      string   `json:"text,omitempty"`
	Proposer  string   `json:"proposer"` // name
	CoSigners []string `json:"co_signers"`
	Filed     Time     `json:"filed,omitzero"`
	// Status is pending, accepted (立案) or declined (不予立案: kept as an
	// opinion, due for an answer by Due).
	Status  string `json:"status"`
	Decided Time   `json:"decided,omitzero"`
	Reason  string `json:"reason,omitempty"`
	Due     string `json:"due,omitempty"` // YYYY-MM-DD
	Vote    int    `json:"vote,omitempty"`
	// Adopted is the vote's outcome, null when not voted.
	Adopted *bool `json:"adopted"`
}

// Question is one line of the register of questions (质询).
type Question struct {
	No         int    `json:"no"`
	Delegate   string `json:"delegate"` // name
	Unit       string `json:"unit"`
	Target     string `json:"target"`
	Text       string `json:"text"`
	Asked      Time   `json:"asked,omitzero"`
	Item       int    `json:"item"`   // agenda item number, 0 if none
	Status     string `json:"status"` // pending, answered, on_notice
	Answer     string `json:"answer,omitempty"`
	AnsweredBy string `json:"answered_by,omitempty"`
	Answered   Time   `json:"answered,omitzero"`
	Due        string `json:"due,omitempty"` // YYYY-MM-DD
}
