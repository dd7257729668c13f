package records

import (
	"strings"
	"testing"
	"time"

	"podium/model"
	"podium/session"
)

// TestStaffAudit: the record carries the staff audit last recorded, and
// the self-assessment's items 3–6 are answered from it — ticked where the
// audit decided (item 3 only when its three checks passed, not met when
// one failed), left blank with the audit's reasons where it could not
// verify — while a record without an audit leaves them for the office.
func TestStaffAudit(t *testing.T) {
	for lang, want := range map[string][5]string{
		"zh": {"据工作人员名单（工作人员名单.csv，12人）核查：工作人员12人，未超过40人；主席团3人，未超过5人；工作部门2个（学习部、宣传部），未超过6个。",
			"1人的职务不在允许之列：钱多多（秘书长）。",
			"12人均为共产党员或共青团员。",
			"适用本项8人（一年级新生除外）；1人的成绩排名写作“名次/专业”、未写专业人数，无法判断是否在前30%以内：阿依古丽·买买提。无法核实之处请核实后填写。",
			"工作人员名单核查尚未记入本记录"},
		"en": {"From the staff list (工作人员名单.csv, 12 people): 12 people on the staff, within the limit of 40; 3 people in the presidium, within the limit of 5; 2 departments (学习部, 宣传部), within the limit of 6.",
			"1 person with a title not allowed: 钱多多 (秘书长).",
			"all 12 are members of the Party or the League.",
			"the rule applies to 8 (freshmen excepted); 1 person ranked as \"N/专业\" without the size of the major, so the top 30% cannot be verified: 阿依古丽·买买提. Where it could not be verified, fill in after checking.",
			"No staff audit is recorded yet"},
	} {
		r := small(t, lang, -1)
		a := r.StaffAudit
		if a == nil || a.File != "工作人员名单.csv" || a.Staff != 12 || a.By != "podium check staff" || len(a.Checks) != 6 || a.Recorded.IsZero() {
			t.Fatalf("%s: audit %+v", lang, a)
		}
		if c := a.Checks[2]; c.Item != "3.3" || c.Status != "pass" || c.Count != 2 || c.Limit != 6 || len(c.Departments) != 2 || c.Findings == nil {
			t.Errorf("%s: check 3.3 %+v", lang, c)
		}
		if f := a.Checks[5].Findings; len(f) != 1 || f[0] != (StaffFinding{Row: 9, Name: "阿依古丽·买买提", Status: "cannot_verify", Code: "no_major_size", Value: "5/专业"}) {
			t.Errorf("%s: check 6 %+v", lang, a.Checks[5])
		}
		for i, v := range []string{"met", "not_met", "met", ""} {
			as := r.Assessment[2+i]
			if as.Source != "staff" || as.Verdict != v || !strings.HasSuffix(as.Note, want[i]) {
				t.Errorf("%s: item %d %q %q, want %q ending %q", lang, as.No, as.Verdict, as.Note, v, want[i])
			}
		}
		// Before the audit was recorded, items 3–6 are blank.
		for _, as := range small(t, lang, 2).Assessment[2:6] {
			if as.Verdict != "" || !strings.HasPrefix(as.Note, want[4]) {
				t.Errorf("%s: item %d without an audit %+v", lang, as.No, as)
			}
		}
	}
}

// TestStaffAuditNoColumns: the seed's list (no 职务 or 部门 column, ranks
// "N/专业", two unreadable cells) leaves item 3 blank though 3.1 passed,
// with the reason of each check that could not be verified and the data
// errors; item 5 is met; a large school's limit and a failure over it are
// said.
func TestStaffAuditNoColumns(t *testing.T) {
	s, log := smallCongress(t, 2)
	seed := session.RecordStaffAudit{Meta: session.Meta{At: t0.Add(40 * time.Minute), Actor: "podium check staff", Role: session.RoleSecretary},
		File: "seed_staff.tsv", Staff: 40, DataErrors: 2, Checks: []session.StaffAuditCheck{
			{Item: "3.1", Status: session.StaffPass, Count: 40, Limit: 40},
			{Item: "3.2", Status: session.StaffCannotVerify, Limit: 5, Code: model.StaffNoTitleColumn},
			{Item: "3.3", Status: session.StaffCannotVerify, Limit: 6, Code: model.StaffNoDepartmentColumn},
			{Item: "4", Status: session.StaffCannotVerify, Code: model.StaffNoTitleColumn},
			{Item: "5", Status: session.StaffPass, Count: 40},
			{Item: "6", Status: session.StaffCannotVerify, Count: 24, Findings: []session.StaffAuditFinding{
				{Row: 2, Name: "张世英", Status: session.StaffCannotVerify, Code: model.StaffNoMajorSize, Value: "18/专业"},
				{Row: 19, Name: "冉嫒", Status: session.StaffCannotVerify, Code: model.StaffYearUnreadable, Value: "纪检 委员"}}}}}
	run(t, s, seed)
	var r *Record
	s.Read(func(st *session.State) { r = Build(st, digestOf(t, log), "zh") })
	a := r.Assessment
	for _, tt := range []struct {
		i             int
		verdict, note string
	}{
		{2, "", "据工作人员名单（seed_staff.tsv，40人）核查：工作人员40人，未超过40人；主席团人数无法核实：名单没有职务列；工作部门数无法核实：名单没有部门列，职务也未写明部门。无法核实之处请核实后填写。名单另有2处单元格无法读取（podium check staff 列出）。"},
		{3, "", "据工作人员名单（seed_staff.tsv，40人）核查：职务无法核实：名单没有职务列。无法核实之处请核实后填写。"},
		{4, "met", "据工作人员名单（seed_staff.tsv，40人）核查：40人均为共产党员或共青团员。"},
		{5, "", "据工作人员名单（seed_staff.tsv，40人）核查：适用本项24人（一年级新生除外）；1人的年级无法识别，不能判断是否适用本项：冉嫒（纪检 委员）；1人的成绩排名写作“名次/专业”、未写专业人数，无法判断是否在前30%以内：张世英。无法核实之处请核实后填写。"},
	} {
		if a[tt.i].Verdict != tt.verdict || a[tt.i].Note != tt.note {
			t.Errorf("item %d: %q %q\nwant %q %q", a[tt.i].No, a[tt.i].Verdict, a[tt.i].Note, tt.verdict, tt.note)
		}
	}
	// A large school's 61 staff, a presidium of 6 with one title missing.
	large := seed
	large.Meta.At, large.Large, large.Staff, large.DataErrors = t0.Add(41*time.Minute), true, 61, 0
	large.Checks = []session.StaffAuditCheck{
		{Item: "3.1", Status: session.StaffFail, Count: 61, Limit: 60},
		{Item: "3.2", Status: session.StaffFail, Count: 6, Limit: 5,
			Findings: []session.StaffAuditFinding{{Row: 7, Status: session.StaffCannotVerify, Code: model.StaffNoTitle}}},
		seed.Checks[2], seed.Checks[3], {Item: "5", Status: session.StaffPass, Count: 61}, {Item: "6", Status: session.StaffPass, Count: 30}}
	large.Checks[3] = session.StaffAuditCheck{Item: "4", Status: session.StaffCannotVerify, Count: 60,
		Findings: []session.StaffAuditFinding{{Row: 7, Status: session.StaffCannotVerify, Code: model.StaffNoTitle}}}
	run(t, s, large)
	s.Read(func(st *session.State) { r = Build(st, digestOf(t, log), "en") })
	a = r.Assessment
	for _, tt := range []struct {
		i             int
		verdict, note string
	}{
		{2, "not_met", "From the staff list (seed_staff.tsv, 61 people): 61 people on the staff, over the limit of 60 (a large school's); " +
			"6 people in the presidium, over the limit of 5; 1 person without a title: person 7 of the list; the departments cannot be verified: " +
			"the list has no 部门 (department) column and no title names one."},
		{3, "", "From the staff list (seed_staff.tsv, 61 people): 1 person without a title: person 7 of the list. Where it could not be verified, fill in after checking."},
		{5, "met", "From the staff list (seed_staff.tsv, 61 people): all 30 it applies to (freshmen excepted) rank within the top 30% of their major and have failed no course."},
	} {
		if a[tt.i].Verdict != tt.verdict || a[tt.i].Note != tt.note {
			t.Errorf("item %d: %q %q\nwant %q %q", a[tt.i].No, a[tt.i].Verdict, a[tt.i].Note, tt.verdict, tt.note)
		}
	}
}
