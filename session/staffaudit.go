package session

import (
	"fmt"
	"slices"
	"time"

	"podium/model"
)

// The staff audit of the reform self-assessment (附件1 items 3–6, RULES
// §8): the secretary records what `podium check staff` found on the
// union's staff list (`podium check staff --db`, `podium new --staff`),
// so that the self-assessment the records fill says what was decided
// then. The audit is package prep's; the core stores its verdicts after
// checking that each agrees with its own figures and findings (a check
// over its limit or with a failing finding fails; one with a finding or a
// column that cannot show the rule is kept cannot be verified; else it
// passes). A later recording replaces the earlier one in the state; the
// log keeps both.

// StaffVerdict is a check's outcome, or a finding's.
type StaffVerdict string

// The outcomes. StaffCannotVerify is the audit's answer whenever the list
// cannot show the rule is kept: it never guesses.
const (
	StaffPass         StaffVerdict = "pass"
	StaffFail         StaffVerdict = "fail"
	StaffCannotVerify StaffVerdict = "cannot_verify"
)

// RecordStaffAudit records a staff audit: the list's file (its base
// name), its number of staff, whether the school is large (60 staff, not
// 40), how many of its cells could not be read (DataErrors) and the six
// checks 3.1, 3.2, 3.3, 4, 5 and 6 (model.StaffItems), each once.
type RecordStaffAudit struct {
	Meta
	File       string            `json:"file"`
	Staff      int               `json:"staff"`
	Large      bool              `json:"large,omitempty" apply:"optional"`
	DataErrors int               `json:"data_errors"`
	Checks     []StaffAuditCheck `json:"checks"`
}

// StaffAuditRecorded is a recorded staff audit, as RecordStaffAudit gave
// it.
type StaffAuditRecorded struct {
	File       string            `json:"file"`
	Staff      int               `json:"staff"`
	Large      bool              `json:"large,omitempty"`
	DataErrors int               `json:"data_errors"`
	Checks     []StaffAuditCheck `json:"checks"`
}

// StaffAuditCheck is one check of the audit: its verdict, the figure it
// counted (prep.StaffCheck's Count: staff, presidium, departments, staff
// with an allowed title, Party and League members, staff item 6 applies
// to), item 3's limit, the departments named (3.3), why the whole check
// could not be verified (Code: a column the list lacks) and the people
// who fail it or whose part cannot be verified.
type StaffAuditCheck struct {
	Item        string              `json:"item"`
	Status      StaffVerdict        `json:"status"`
	Count       int                 `json:"count"`
	Limit       int                 `json:"limit,omitempty"`
	Departments []string            `json:"departments"`
	Code        model.StaffCode     `json:"code,omitempty"`
	Findings    []StaffAuditFinding `json:"findings"`
}

// StaffAuditFinding is one person's part in a check: the row on the list
// (1 for the first person), the name as written, the outcome, why (Code)
// and the cell it is about as written ("" for an empty one).
type StaffAuditFinding struct {
	Row    int             `json:"row"`
	Name   string          `json:"name"`
	Status StaffVerdict    `json:"status"`
	Code   model.StaffCode `json:"code"`
	Value  string          `json:"value,omitempty"`
}

func (StaffAuditRecorded) kind() EventKind { return kindStaffAuditRecorded }

// StaffAudit is the staff audit last recorded: when, by whom, and what it
// found.
type StaffAudit struct {
	Seq        uint64
	At         time.Time
	By         string
	File       string
	Staff      int
	Large      bool
	DataErrors int
	Checks     []StaffAuditCheck
}

// Check returns the recorded check item ("3.1" … "6"), ok false when the
// audit has none (every recorded audit has all six).
func (a *StaffAudit) Check(item string) (StaffAuditCheck, bool) {
	for _, c := range a.Checks {
		if c.Item == item {
			return c, true
		}
	}
	return StaffAuditCheck{}, false
}

func decideStaffAudit(_ *State, cmd Command) ([]Body, error) {
	c := cmd.(RecordStaffAudit)
	if err := required("file", c.File); err != nil {
		return nil, err
	}
	if c.Staff < 0 || c.DataErrors < 0 {
		return nil, &FieldError{Field: "staff", Reason: "or data_errors is negative", Code: CodeNegative}
	}
	ev := StaffAuditRecorded{File: c.File, Staff: c.Staff, Large: c.Large, DataErrors: c.DataErrors,
		Checks: make([]StaffAuditCheck, 0, len(c.Checks))}
	seen := map[string]bool{}
	for i, k := range c.Checks {
		field := fmt.Sprintf("checks[%d]", i)
		if !slices.Contains(model.StaffItems, k.Item) || seen[k.Item] {
			return nil, &FieldError{Field: field + ".item", Reason: fmt.Sprintf("%q is not a check of items 3–6 (3.1, 3.2, 3.3, 4, 5, 6), or is given twice", k.Item), Code: CodeStaffItem}
		}
		seen[k.Item] = true
		if err := checkStaffCheck(c, k, field); err != nil {
			return nil, err
		}
		if k.Departments == nil {
			k.Departments = []string{} // stored as an empty list
		}
		if k.Findings == nil {
			k.Findings = []StaffAuditFinding{}
		}
		ev.Checks = append(ev.Checks, k)
	}
	for _, it := range model.StaffItems {
		if !seen[it] {
			return nil, &FieldError{Field: "checks", Reason: fmt.Sprintf("lack check %s: an audit records all of 3.1, 3.2, 3.3, 4, 5 and 6", it), Code: CodeStaffItem}
		}
	}
	return []Body{ev}, nil
}

// checkStaffCheck refuses a check whose figures, findings or verdict do
// not hold together.
func checkStaffCheck(c RecordStaffAudit, k StaffAuditCheck, field string) error {
	figures := func(format string, a ...any) error {
		return &FieldError{Field: field, Reason: fmt.Sprintf(format, a...), Code: CodeStaffFigures}
	}
	limit := model.StaffItemLimit(k.Item, c.Large)
	switch {
	case k.Count < 0:
		return &FieldError{Field: field + ".count", Reason: "is negative", Code: CodeNegative}
	case k.Count > c.Staff:
		return figures("counts %d of %d staff", k.Count, c.Staff)
	case k.Item == "3.1" && k.Count != c.Staff:
		return figures("counts %d staff, not the list's %d", k.Count, c.Staff)
	case k.Limit != limit:
		return figures("has the limit %d; check %s's is %d", k.Limit, k.Item, limit)
	case k.Code != "" && (!k.Code.Whole() || !k.Code.Of(k.Item)):
		return figures("has the code %q, not a reason check %s as a whole cannot be verified", k.Code, k.Item)
	case k.Code != "" && (k.Count != 0 || len(k.Findings) > 0 || len(k.Departments) > 0):
		return figures("cannot be verified as a whole (%s), yet counts or finds something", k.Code)
	case k.Item == "3.3" && k.Code == "" && len(k.Departments) != k.Count:
		return figures("counts %d departments and names %d", k.Count, len(k.Departments))
	case k.Item != "3.3" && len(k.Departments) > 0:
		return figures("names departments: only check 3.3 does")
	}
	for _, d := range k.Departments {
		if d == "" {
			return figures("names an empty department")
		}
	}
	fails, unknown := limit > 0 && k.Count > limit, k.Code != ""
	for j, f := range k.Findings {
		ff := fmt.Sprintf("%s.findings[%d]", field, j)
		switch {
		case f.Row < 1 || f.Row > c.Staff:
			return &FieldError{Field: ff + ".row", Reason: fmt.Sprintf("%d is not a row of the list's %d", f.Row, c.Staff), Code: CodeStaffFinding}
		case f.Code.Whole() || !f.Code.Of(k.Item):
			return &FieldError{Field: ff + ".code", Reason: fmt.Sprintf("%q is not a reason of check %s about one person", f.Code, k.Item), Code: CodeStaffFinding}
		case f.Status != StaffFail && f.Status != StaffCannotVerify || (f.Status == StaffFail) != f.Code.Fails():
			return &FieldError{Field: ff + ".status", Reason: fmt.Sprintf("%q is not what %s says (fail or cannot_verify)", f.Status, f.Code), Code: CodeStaffFinding}
		}
		fails = fails || f.Status == StaffFail
		unknown = unknown || f.Status == StaffCannotVerify
	}
	want := StaffPass
	switch {
	case fails:
		want = StaffFail
	case unknown:
		want = StaffCannotVerify
	}
	if k.Status != want {
		return &FieldError{Field: field + ".status", Reason: fmt.Sprintf("is %q; its figures and findings say %q", k.Status, want), Code: CodeStaffVerdict}
	}
	return nil
}

// applyStaffAudit makes a recorded staff audit the state's.
func (st *State) applyStaffAudit(e Event, b StaffAuditRecorded) {
	st.StaffAudit = &StaffAudit{Seq: e.Seq, At: e.At, By: e.Actor, File: b.File, Staff: b.Staff, Large: b.Large,
		DataErrors: b.DataErrors, Checks: b.Checks}
}
