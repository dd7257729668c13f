package prep

import (
	"fmt"
	"sort"
	"strings"

	"podium/model"
)

// StaffStatus is the outcome of one check.
type StaffStatus string

// The outcomes. StaffCannotVerify is given whenever the data cannot show the
// rule is kept; the audit never guesses.
const (
	StaffPass         StaffStatus = "pass"
	StaffFail         StaffStatus = "fail"
	StaffCannotVerify StaffStatus = "cannot verify"
)

// StaffOptions set the audit's limits.
type StaffOptions struct {
	Large bool // a school with many students or campuses: 60 staff, not 40
}

// StaffFinding is one person's part in a check: the reason in words and
// as a code, with the cell it is about as written (Value; "" for an
// empty one).
type StaffFinding struct {
	Row    int             `json:"row"`
	Name   string          `json:"name"`
	Status StaffStatus     `json:"status"`
	Reason string          `json:"reason"`
	Code   model.StaffCode `json:"code"`
	Value  string          `json:"value,omitempty"`
}

// StaffCheck is one requirement of the self-assessment (附件1). Count is
// the figure the check counted: the staff (3.1), the presidium (3.2), the
// departments (3.3, named in Departments), the staff with an allowed title
// (4), the Party and League members (5), the staff the rule of item 6
// applies to (their year read, not freshmen). Limit is item 3's limit (0
// for the others). Code says why a whole check could not be verified (the
// list lacks the column), "" otherwise.
type StaffCheck struct {
	Item        string          `json:"item"` // "3.1", "3.2", "3.3", "4", "5", "6"
	Rule        string          `json:"rule"`
	Status      StaffStatus     `json:"status"`
	Count       int             `json:"count"`
	Limit       int             `json:"limit,omitempty"`
	Departments []string        `json:"departments,omitempty"`
	Code        model.StaffCode `json:"code,omitempty"`
	Actual      string          `json:"actual,omitempty"`
	Reason      string          `json:"reason,omitempty"`
	Findings    []StaffFinding  `json:"findings,omitempty"`
}

// finding adds m's finding to the check.
func (c *StaffCheck) finding(m StaffMember, st StaffStatus, code model.StaffCode, value, reason string) {
	c.Findings = append(c.Findings, StaffFinding{Row: m.Row, Name: m.Who(), Status: st, Reason: reason, Code: code, Value: value})
}

// Audit is a staff list checked against items 3–6 of the self-assessment.
// DataErrors is left for the caller to fill from ReadStaff.
type Audit struct {
	File       string       `json:"file"`
	Staff      int          `json:"staff"`
	Large      bool         `json:"large"`
	Checks     []StaffCheck `json:"checks"`
	DataErrors []DataError  `json:"data_errors"`
}

// The titles item 4 allows, and those of the presidium (主席团).
var (
	staffAllowedTitles   = []string{"执行主席", "副主席", "主席", "副部长", "部长", "干事"}
	staffPresidiumTitles = map[string]bool{"主席": true, "副主席": true, "执行主席": true}
)

// staffSplitTitle reads a 职务 cell: an allowed title, possibly after the
// department ("宣传部部长" → 宣传部, 部长). ok is false for any other title.
func staffSplitTitle(cell string) (dept, title string, ok bool) {
	q := staffSqueeze(cell)
	for _, t := range staffAllowedTitles {
		if q == t {
			return "", t, true
		}
	}
	for _, t := range []string{"副部长", "部长", "干事"} {
		if p, found := strings.CutSuffix(q, t); found && strings.HasSuffix(p, "部") && p != "部" && !strings.HasSuffix(p, "副部") {
			return p, t, true
		}
	}
	return "", q, false
}

// AuditStaff checks a staff list against items 3–6 of the self-assessment
// (附件1): the number of staff, the presidium and departments, the titles,
// membership of the Party or League, and the grades of non-freshmen.
func AuditStaff(s Staff, opts StaffOptions) Audit {
	a := Audit{File: s.File, Staff: len(s.Members), Large: opts.Large, DataErrors: []DataError{}}
	a.Checks = append(a.Checks, auditCount(s, opts), auditPresidium(s), auditDepartments(s),
		auditTitles(s), auditMembership(s), auditGrades(s))
	return a
}

func auditCount(s Staff, opts StaffOptions) StaffCheck {
	limit := model.StaffItemLimit("3.1", opts.Large)
	c := StaffCheck{Item: "3.1", Rule: fmt.Sprintf("at most %d staff (校级学生会组织工作人员不超过 %d 人)", limit, limit),
		Count: len(s.Members), Limit: limit, Actual: fmt.Sprintf("%d", len(s.Members)), Status: StaffPass}
	if len(s.Members) > limit {
		c.Status, c.Reason = StaffFail, fmt.Sprintf("%d staff, %d over", len(s.Members), len(s.Members)-limit)
	}
	return c
}

func auditPresidium(s Staff) StaffCheck {
	c := StaffCheck{Item: "3.2", Rule: fmt.Sprintf("presidium at most %d (主席团成员不超过 %d 人)", model.PresidiumMax, model.PresidiumMax),
		Limit: model.PresidiumMax}
	if !s.HasTitle {
		c.Status, c.Code, c.Reason = StaffCannotVerify, model.StaffNoTitleColumn, "the list has no 职务 column"
		return c
	}
	n := 0
	for _, m := range s.Members {
		if staffSqueeze(m.Title) == "" {
			c.finding(m, StaffCannotVerify, model.StaffNoTitle, "", "no 职务")
			continue
		}
		if _, t, _ := staffSplitTitle(m.Title); staffPresidiumTitles[t] {
			n++
		}
	}
	c.Count, c.Actual = n, fmt.Sprintf("%d", n)
	switch {
	case n > c.Limit:
		c.Status, c.Reason = StaffFail, fmt.Sprintf("%d in the presidium, %d over", n, n-c.Limit)
	case len(c.Findings) > 0:
		c.Status, c.Reason = StaffCannotVerify, fmt.Sprintf("%d without a 职务", len(c.Findings))
	default:
		c.Status = StaffPass
	}
	return c
}

func auditDepartments(s Staff) StaffCheck {
	c := StaffCheck{Item: "3.3", Rule: fmt.Sprintf("departments at most %d (工作部门不超过 %d 个)", model.DepartmentsMax, model.DepartmentsMax),
		Limit: model.DepartmentsMax}
	depts := map[string]bool{}
	for _, m := range s.Members {
		d := staffSqueeze(m.Section)
		if d == "" && s.HasTitle {
			d, _, _ = staffSplitTitle(m.Title)
		}
		if d != "" {
			depts[d] = true
		}
	}
	if !s.HasSection && len(depts) == 0 {
		c.Status, c.Code, c.Reason = StaffCannotVerify, model.StaffNoDepartmentColumn, "the list has no 职务/部门 column naming departments"
		return c
	}
	names := make([]string, 0, len(depts))
	for d := range depts {
		names = append(names, d)
	}
	sort.Strings(names)
	c.Count, c.Departments = len(names), names
	c.Actual = fmt.Sprintf("%d: %s", len(names), strings.Join(names, ", "))
	c.Status = StaffPass
	if len(names) > c.Limit {
		c.Status, c.Reason = StaffFail, fmt.Sprintf("%d departments, %d over", len(names), len(names)-c.Limit)
	}
	return c
}

func auditTitles(s Staff) StaffCheck {
	c := StaffCheck{Item: "4", Rule: "only 主席, 副主席, 执行主席, 部长, 副部长, 干事 (除主席、副主席、部长、副部长、干事外未设其他职务)"}
	if !s.HasTitle {
		c.Status, c.Code, c.Reason = StaffCannotVerify, model.StaffNoTitleColumn, "the list has no 职务 column"
		return c
	}
	for _, m := range s.Members {
		if staffSqueeze(m.Title) == "" {
			c.finding(m, StaffCannotVerify, model.StaffNoTitle, "", "no 职务")
		} else if _, _, ok := staffSplitTitle(m.Title); !ok {
			c.finding(m, StaffFail, model.StaffBadTitle, m.Title, fmt.Sprintf("职务 %q is not an allowed title", m.Title))
		} else {
			c.Count++
		}
	}
	c.Status = staffWorst(c.Findings)
	return c
}

// staffMemberPolitics are the 政治面貌 of a Party or League member.
var staffMemberPolitics = map[string]bool{
	"中共党员": true, "党员": true, "中国共产党党员": true, "预备党员": true, "中共预备党员": true,
	"共青团员": true, "团员": true, "中国共产主义青年团团员": true,
}

func auditMembership(s Staff) StaffCheck {
	c := StaffCheck{Item: "5", Rule: "every member a Party or League member (工作人员为共产党员或共青团员)"}
	ok := 0
	for _, m := range s.Members {
		switch p := staffSqueeze(m.Politics); {
		case staffMemberPolitics[p]:
			ok++
		case p == "":
			c.finding(m, StaffCannotVerify, model.StaffNoPolitics, "", "no 政治面貌")
		default:
			c.finding(m, StaffFail, model.StaffNotMember, m.Politics, fmt.Sprintf("政治面貌 %q is neither Party nor League", m.Politics))
		}
	}
	c.Count, c.Actual = ok, fmt.Sprintf("%d of %d", ok, len(s.Members))
	c.Status = staffWorst(c.Findings)
	return c
}

func auditGrades(s Staff) StaffCheck {
	c := StaffCheck{Item: "6", Rule: "every non-freshman in the top 30% of the major with no failed course; postgraduates no failed course (除一年级新生外…排名在本专业前 30%以内，且无课业不及格情况)"}
	top := model.StaffRankTop
	for _, m := range s.Members {
		add := func(st StaffStatus, code model.StaffCode, value, format string, a ...any) {
			c.finding(m, st, code, value, fmt.Sprintf(format, a...))
		}
		switch m.Year {
		case YearFreshman:
			continue
		case YearUnknown:
			add(StaffCannotVerify, model.StaffYearUnreadable, m.YearText, "年级 %q unreadable: cannot tell whether the rule applies", m.YearText)
			continue
		}
		c.Count++
		switch m.Failed {
		case TriYes:
			add(StaffFail, model.StaffFailedCourse, m.FailedText, "a failed course (是否存在课业不及格情况: %s)", m.FailedText)
		case TriUnknown:
			add(StaffCannotVerify, model.StaffFailedUnknown, m.FailedText, "no reading of 是否存在课业不及格情况 (%q)", m.FailedText)
		}
		if m.Year == YearGraduate {
			continue
		}
		switch r := m.Rank; {
		case r.Pos == 0:
			add(StaffCannotVerify, model.StaffNoRank, m.RankText, "no readable rank (%q)", m.RankText)
		case r.Of == 0:
			add(StaffCannotVerify, model.StaffNoMajorSize, m.RankText, "rank %q gives no major size", m.RankText)
		case r.Pos*top.Den > r.Of*top.Num: // 前30%以内: the boundary is in
			add(StaffFail, model.StaffOutsideTop, m.RankText, "rank %d/%d is outside the top 30%%", r.Pos, r.Of)
		}
	}
	c.Status = staffWorst(c.Findings)
	return c
}

// staffWorst is StaffFail if any finding fails, else StaffCannotVerify if any cannot be
// verified, else StaffPass.
func staffWorst(fs []StaffFinding) StaffStatus {
	st := StaffPass
	for _, f := range fs {
		if f.Status == StaffFail {
			return StaffFail
		}
		if f.Status == StaffCannotVerify {
			st = StaffCannotVerify
		}
	}
	return st
}

// Text renders the audit for a terminal.
func (a Audit) Text() string {
	var b strings.Builder
	size := "at most 40"
	if a.Large {
		size = "large school, at most 60"
	}
	fmt.Fprintf(&b, "Staff audit of %s: %d staff (%s), self-assessment items 3–6\n\n", a.File, a.Staff, size)
	for _, c := range a.Checks {
		fmt.Fprintf(&b, "%-4s %-14s %s\n", c.Item, strings.ToUpper(string(c.Status)), c.Rule)
		if c.Actual != "" {
			fmt.Fprintf(&b, "       actual: %s\n", c.Actual)
		}
		if c.Reason != "" {
			fmt.Fprintf(&b, "       %s\n", c.Reason)
		}
		for _, f := range c.Findings {
			fmt.Fprintf(&b, "       row %d %s: %s — %s\n", f.Row, f.Name, f.Status, f.Reason)
		}
	}
	fmt.Fprintf(&b, "\nData errors: %d\n", len(a.DataErrors))
	for _, e := range a.DataErrors {
		fmt.Fprintf(&b, "  %s\n", e.Error())
	}
	return b.String()
}
