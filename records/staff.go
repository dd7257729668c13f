package records

import (
	"fmt"
	"slices"
	"strings"

	"podium/model"
	"podium/session"
)

// StaffAudit is the staff audit of the reform self-assessment (附件1 items
// 3–6) as last recorded (`podium check staff --db`, `podium new --staff`):
// the list it read, and per check the verdict, the figures and the
// findings the core stored, with the check's outcome in words in the
// record's language (Sentence). The self-assessment fills items 3–6 from
// it.
type StaffAudit struct {
	File       string       `json:"file"`
	Staff      int          `json:"staff"`
	Large      bool         `json:"large"`
	DataErrors int          `json:"data_errors"`
	Recorded   Time         `json:"recorded,omitzero"`
	By         string       `json:"by"`
	Checks     []StaffCheck `json:"checks"`
}

// StaffCheck is one check of the audit: item (3.1, 3.2, 3.3, 4, 5, 6),
// status (pass, fail, cannot_verify), what it counted (Count), item 3's
// Limit (0 for the others), the departments named (3.3), why the whole
// check could not be verified (Code, "" otherwise), the people who fail
// it or whose part cannot be verified, and the outcome in words.
type StaffCheck struct {
	Item        string         `json:"item"`
	Status      string         `json:"status"`
	Count       int            `json:"count"`
	Limit       int            `json:"limit"`
	Departments []string       `json:"departments"`
	Code        string         `json:"code"`
	Findings    []StaffFinding `json:"findings"`
	Sentence    string         `json:"sentence"`
}

// StaffFinding is one person's part in a check: the row on the list (1
// for the first person), the name as written, fail or cannot_verify, why
// (Code) and the cell it is about as written.
type StaffFinding struct {
	Row    int    `json:"row"`
	Name   string `json:"name"`
	Status string `json:"status"`
	Code   string `json:"code"`
	Value  string `json:"value"`
}

// staffAudit is the state's staff audit for the record, nil when none was
// recorded.
func (b builder) staffAudit() *StaffAudit {
	a := b.st.StaffAudit
	if a == nil {
		return nil
	}
	out := &StaffAudit{File: a.File, Staff: a.Staff, Large: a.Large, DataErrors: a.DataErrors, Recorded: At(a.At), By: a.By,
		Checks: []StaffCheck{}}
	for _, c := range a.Checks {
		out.Checks = append(out.Checks, b.w.staffCheck(c, a.Large))
	}
	return out
}

func (w terms) staffCheck(c session.StaffAuditCheck, large bool) StaffCheck {
	x := StaffCheck{Item: c.Item, Status: string(c.Status), Count: c.Count, Limit: c.Limit, Departments: []string{},
		Code: string(c.Code), Findings: []StaffFinding{}}
	x.Departments = append(x.Departments, c.Departments...)
	for _, f := range c.Findings {
		x.Findings = append(x.Findings, StaffFinding{Row: f.Row, Name: f.Name, Status: string(f.Status), Code: string(f.Code), Value: f.Value})
	}
	x.Sentence = w.staffSentence(x, large)
	return x
}

// check returns the audit's check item, ok false when it has none.
func (a *StaffAudit) check(item string) (StaffCheck, bool) {
	for _, c := range a.Checks {
		if c.Item == item {
			return c, true
		}
	}
	return StaffCheck{}, false
}

// staffAssessment answers item no (3, 4, 5 or 6) of the self-assessment
// from the staff audit recorded: met when every check of the item passed,
// not_met when one failed, else blank for the office with the audit's
// reasons; with no audit, the blank the office fills in.
func (b builder) staffAssessment(r *Record, no int) (verdict, note string) {
	w, a := b.w, r.StaffAudit
	if a == nil {
		return "", w.staffNote
	}
	items := []string{fmt.Sprint(no)}
	if no == 3 {
		items = []string{"3.1", "3.2", "3.3"}
	}
	var said []string
	fails, unknown := false, false
	for _, it := range items {
		c, ok := a.check(it)
		if !ok {
			return "", w.staffNote
		}
		said = append(said, c.Sentence)
		fails = fails || c.Status == string(session.StaffFail)
		unknown = unknown || c.Status == string(session.StaffCannotVerify)
	}
	switch {
	case fails:
		verdict = "not_met"
	case !unknown:
		verdict = "met"
	}
	note = w.pick(fmt.Sprintf("据工作人员名单（%s，%d人）核查：", a.File, a.Staff), fmt.Sprintf("From the staff list (%s, %s): ", a.File, plural(a.Staff, "person", "people"))) +
		strings.Join(said, w.pick("；", "; ")) + w.pick("。", ".")
	if verdict == "" {
		note += w.pick("无法核实之处请核实后填写。", " Where it could not be verified, fill in after checking.")
	}
	if no == 3 && a.DataErrors > 0 {
		note += w.pick(fmt.Sprintf("名单另有%d处单元格无法读取（podium check staff 列出）。", a.DataErrors),
			fmt.Sprintf(" %s of the list could not be read (podium check staff lists them).", plural(a.DataErrors, "cell", "cells")))
	}
	return verdict, note
}

// staffSentence says a check's outcome: its figure against its rule, or
// why it could not be verified, with the people it found by reason.
func (w terms) staffSentence(c StaffCheck, large bool) string {
	if c.Code != "" {
		return w.staffWhole(c.Item, model.StaffCode(c.Code))
	}
	over := c.Limit > 0 && c.Count > c.Limit
	within := w.pick("未超过", "within the limit of ")
	if over {
		within = w.pick("超过", "over the limit of ")
	}
	var s string
	switch c.Item {
	case "3.1":
		s = w.pick(fmt.Sprintf("工作人员%d人，%s%d人", c.Count, within, c.Limit), fmt.Sprintf("%s on the staff, %s%d", plural(c.Count, "person", "people"), within, c.Limit))
		if large {
			s += w.pick("（学生人数较多、分校区较多的高校）", " (a large school's)")
		}
	case "3.2":
		s = w.pick(fmt.Sprintf("主席团%d人，%s%d人", c.Count, within, c.Limit), fmt.Sprintf("%s in the presidium, %s%d", plural(c.Count, "person", "people"), within, c.Limit))
		if !over && len(c.Findings) > 0 {
			s = w.pick(fmt.Sprintf("主席团人数无法核实（已知%d人）", c.Count), fmt.Sprintf("the presidium cannot be verified (%d known)", c.Count))
		}
	case "3.3":
		names := strings.Join(c.Departments, w.pick("、", ", "))
		s = w.pick(fmt.Sprintf("工作部门%d个（%s），%s%d个", c.Count, names, within, c.Limit), fmt.Sprintf("%s (%s), %s%d", plural(c.Count, "department", "departments"), names, within, c.Limit))
		if c.Count == 0 {
			s = w.pick(fmt.Sprintf("未列出工作部门，%s%d个", within, c.Limit), fmt.Sprintf("no department named, %s%d", within, c.Limit))
		}
	case "4":
		if c.Status == string(session.StaffPass) {
			s = w.pick(fmt.Sprintf("%d人的职务均为主席、副主席、执行主席、部长、副部长或干事", c.Count),
				fmt.Sprintf("the titles of all %d are chair, vice-chair, executive chair, minister, vice-minister or officer", c.Count))
		}
	case "5":
		if c.Status == string(session.StaffPass) {
			s = w.pick(fmt.Sprintf("%d人均为共产党员或共青团员", c.Count), fmt.Sprintf("all %d are members of the Party or the League", c.Count))
		} else {
			s = w.pick(fmt.Sprintf("%d人为共产党员或共青团员", c.Count), fmt.Sprintf("%d are members of the Party or the League", c.Count))
		}
	case "6":
		if c.Status == string(session.StaffPass) {
			s = w.pick(fmt.Sprintf("适用本项的%d人（一年级新生除外）成绩排名均在本专业前30%%以内，且无课业不及格情况", c.Count),
				fmt.Sprintf("all %d it applies to (freshmen excepted) rank within the top 30%% of their major and have failed no course", c.Count))
		} else {
			s = w.pick(fmt.Sprintf("适用本项%d人（一年级新生除外）", c.Count), fmt.Sprintf("the rule applies to %d (freshmen excepted)", c.Count))
		}
	}
	parts := []string{}
	if s != "" {
		parts = append(parts, s)
	}
	return strings.Join(append(parts, w.staffFindings(c.Findings)...), w.pick("；", "; "))
}

// staffWhole says why a whole check could not be verified.
func (w terms) staffWhole(item string, code model.StaffCode) string {
	what := map[string][2]string{"3.2": {"主席团人数", "the presidium"}, "3.3": {"工作部门数", "the departments"}, "4": {"职务", "the titles"}}[item]
	why := w.pick("名单没有职务列", "the list has no 职务 (title) column")
	if code == model.StaffNoDepartmentColumn {
		why = w.pick("名单没有部门列，职务也未写明部门", "the list has no 部门 (department) column and no title names one")
	}
	return w.pick(what[0]+"无法核实："+why, what[1]+" cannot be verified: "+why)
}

// staffFindings groups findings by reason, failures first: "2人的职务不在
// 允许之列：甲（秘书长）、乙（中心主任）".
func (w terms) staffFindings(fs []StaffFinding) []string {
	var out []string
	for _, code := range model.StaffCodeOrder {
		var who []string
		for _, f := range fs {
			if model.StaffCode(f.Code) != code {
				continue
			}
			name := f.Name
			if strings.TrimSpace(name) == "" {
				name = w.pick(fmt.Sprintf("名单第%d人", f.Row), fmt.Sprintf("person %d of the list", f.Row))
			}
			if f.Value != "" && code != model.StaffNoMajorSize { // its words say the cell's form
				name += w.pick("（"+f.Value+"）", " ("+f.Value+")")
			}
			who = append(who, name)
		}
		if len(who) > 0 {
			zh, en := staffFindingWords(code)
			out = append(out, w.pick(fmt.Sprintf("%d人%s：", len(who), zh), plural(len(who), "person", "people")+" "+en+": ")+
				strings.Join(who, w.pick("、", ", ")))
		}
	}
	for _, f := range fs { // a code this podium does not know: said as stored
		if !slices.Contains(model.StaffCodeOrder, model.StaffCode(f.Code)) {
			out = append(out, fmt.Sprintf("%s (%s): %s %s", f.Name, f.Value, f.Status, f.Code))
		}
	}
	return out
}

// staffFindingWords are a finding's reason after its count of people.
func staffFindingWords(c model.StaffCode) (zh, en string) {
	switch c {
	case model.StaffBadTitle:
		return "的职务不在允许之列", "with a title not allowed"
	case model.StaffNoTitle:
		return "未填职务", "without a title"
	case model.StaffNotMember:
		return "的政治面貌不是共产党员或共青团员", "neither Party nor League members"
	case model.StaffNoPolitics:
		return "未填政治面貌", "without a political status"
	case model.StaffOutsideTop:
		return "的成绩排名不在本专业前30%以内", "ranked outside the top 30% of the major"
	case model.StaffFailedCourse:
		return "有课业不及格", "with a failed course"
	case model.StaffYearUnreadable:
		return "的年级无法识别，不能判断是否适用本项", "whose year of study cannot be read, so whether the rule applies is unknown"
	case model.StaffNoRank:
		return "的成绩排名未填或无法识别", "without a readable rank"
	case model.StaffNoMajorSize:
		return "的成绩排名写作“名次/专业”、未写专业人数，无法判断是否在前30%以内", "ranked as \"N/专业\" without the size of the major, so the top 30% cannot be verified"
	case model.StaffFailedUnknown:
		return "未写明是否有课业不及格", "without a reading of whether a course was failed"
	}
	return string(c), string(c)
}
