package session

import (
	"errors"
	"reflect"
	"testing"

	"podium/model"
)

// seedAudit is the seed's staff list audited (prep/testdata/seed_staff.tsv):
// 40 staff, no 职务 or 部门 column, all League members, the ranks "N/专业".
func seedAudit(meta Meta) RecordStaffAudit {
	return RecordStaffAudit{Meta: meta, File: "seed_staff.tsv", Staff: 40, DataErrors: 2, Checks: []StaffAuditCheck{
		{Item: "3.1", Status: StaffPass, Count: 40, Limit: 40},
		{Item: "3.2", Status: StaffCannotVerify, Limit: 5, Code: model.StaffNoTitleColumn},
		{Item: "3.3", Status: StaffCannotVerify, Limit: 6, Code: model.StaffNoDepartmentColumn},
		{Item: "4", Status: StaffCannotVerify, Code: model.StaffNoTitleColumn},
		{Item: "5", Status: StaffPass, Count: 40},
		{Item: "6", Status: StaffCannotVerify, Count: 24, Findings: []StaffAuditFinding{
			{Row: 2, Name: "张世英", Status: StaffCannotVerify, Code: model.StaffNoMajorSize, Value: "18/专业"},
			{Row: 19, Name: "冉嫒", Status: StaffCannotVerify, Code: model.StaffYearUnreadable, Value: "纪检 委员"}}},
	}}
}

// TestRecordStaffAuditRoles: the host and the secretary record an audit;
// a desk, a teller and the projector may not, and change nothing.
func TestRecordStaffAuditRoles(t *testing.T) {
	for _, tt := range []struct {
		role Role
		ok   bool
	}{{RoleHost, true}, {RoleSecretary, true}, {RoleDesk, false}, {RoleTeller, false}, {RoleProjector, false}} {
		s, _ := newSession(t, 3)
		_, err := s.Execute(seedAudit(Meta{At: t0.Add(1), Actor: string(tt.role) + "-1", Role: tt.role}))
		var a *StaffAudit
		s.Read(func(st *State) { a = st.StaffAudit })
		switch {
		case tt.ok && (err != nil || a == nil || a.By != string(tt.role)+"-1"):
			t.Errorf("%s: %v, audit %+v", tt.role, err, a)
		case !tt.ok && (!errors.As(err, new(*RoleError)) || a != nil):
			t.Errorf("%s recorded an audit: %v, %+v", tt.role, err, a)
		}
	}
}

// TestRecordStaffAudit: the state keeps the last audit as recorded, as
// replay does; the command behind the event is the one given.
func TestRecordStaffAudit(t *testing.T) {
	s, log := newSession(t, 3)
	cmd := seedAudit(Meta{At: t0.Add(5), Actor: "podium check staff", Role: RoleSecretary})
	evs, err := s.Execute(cmd)
	if err != nil {
		t.Fatal(err)
	}
	// What is not given is stored as an empty list.
	if b := evs[0].Body.(StaffAuditRecorded); b.Checks[0].Findings == nil || b.Checks[0].Departments == nil || len(b.Checks) != 6 {
		t.Errorf("event %+v", b)
	}
	var a *StaffAudit
	s.Read(func(st *State) { a = st.StaffAudit })
	c6, ok := a.Check("6")
	if a.File != "seed_staff.tsv" || a.Staff != 40 || a.DataErrors != 2 || a.Large || !ok || c6.Status != StaffCannotVerify ||
		len(c6.Findings) != 2 || c6.Findings[1].Value != "纪检 委员" || a.Seq != 2 {
		t.Fatalf("audit %+v", a)
	}
	// A later audit replaces it: a large school's list of 45.
	later := seedAudit(Meta{At: t0.Add(6), Actor: "host", Role: RoleHost})
	later.Large, later.Staff = true, 45
	later.Checks[0].Count, later.Checks[0].Limit = 45, 60
	exec(t, s, later)
	s.Read(func(st *State) { a = st.StaffAudit })
	if c, _ := a.Check("3.1"); !a.Large || a.Staff != 45 || c.Status != StaffPass || c.Limit != 60 {
		t.Fatalf("replaced audit %+v", a)
	}
	re, err := Load(log)
	if err != nil {
		t.Fatal(err)
	}
	var again *StaffAudit
	re.Read(func(st *State) { again = st.StaffAudit })
	if !reflect.DeepEqual(again, a) {
		t.Errorf("replayed %+v, want %+v", again, a)
	}
	var cmds []Command
	if err := ReplayCommands(log, func(c Command) error { cmds = append(cmds, c); return nil }); err != nil {
		t.Fatal(err)
	}
	back := cmds[1].(RecordStaffAudit)
	back.At = back.At.In(cmd.At.Location())
	for i := range cmd.Checks {
		if cmd.Checks[i].Departments == nil {
			cmd.Checks[i].Departments = []string{}
		}
		if cmd.Checks[i].Findings == nil {
			cmd.Checks[i].Findings = []StaffAuditFinding{}
		}
	}
	if !reflect.DeepEqual(back, cmd) {
		t.Errorf("command behind the event %+v, want %+v", back, cmd)
	}
}

// TestRecordStaffAuditRefused: an audit whose checks, figures, findings or
// verdicts do not hold together is refused with its field and code, and
// changes nothing.
func TestRecordStaffAuditRefused(t *testing.T) {
	s, _ := newSession(t, 3)
	meta := Meta{At: t0.Add(1), Actor: "secretary-1", Role: RoleSecretary}
	with := func(f func(c *RecordStaffAudit)) RecordStaffAudit {
		c := seedAudit(meta)
		c.Checks = append([]StaffAuditCheck(nil), c.Checks...)
		c.Checks[5].Findings = append([]StaffAuditFinding(nil), c.Checks[5].Findings...)
		f(&c)
		return c
	}
	fail := StaffAuditFinding{Row: 3, Name: "乙", Status: StaffFail, Code: model.StaffOutsideTop, Value: "9/10"}
	tests := []struct {
		name  string
		cmd   RecordStaffAudit
		field string
		code  Code
	}{
		{"no file", with(func(c *RecordStaffAudit) { c.File = "" }), "file", CodeEmpty},
		{"negative staff", with(func(c *RecordStaffAudit) { c.Staff = -1 }), "staff", CodeNegative},
		{"negative data errors", with(func(c *RecordStaffAudit) { c.DataErrors = -2 }), "staff", CodeNegative},
		{"item 7", with(func(c *RecordStaffAudit) { c.Checks[4].Item = "7" }), "checks[4].item", CodeStaffItem},
		{"item twice", with(func(c *RecordStaffAudit) { c.Checks[4] = c.Checks[3] }), "checks[4].item", CodeStaffItem},
		{"item missing", with(func(c *RecordStaffAudit) { c.Checks = c.Checks[:5] }), "checks", CodeStaffItem},
		{"negative count", with(func(c *RecordStaffAudit) { c.Checks[4].Count = -1 }), "checks[4].count", CodeNegative},
		{"count over the staff", with(func(c *RecordStaffAudit) { c.Checks[4].Count = 41 }), "checks[4]", CodeStaffFigures},
		{"3.1 not the staff", with(func(c *RecordStaffAudit) { c.Checks[0].Count = 39 }), "checks[0]", CodeStaffFigures},
		{"limit of a large school", with(func(c *RecordStaffAudit) { c.Checks[0].Limit = 60 }), "checks[0]", CodeStaffFigures},
		{"a limit on item 5", with(func(c *RecordStaffAudit) { c.Checks[4].Limit = 5 }), "checks[4]", CodeStaffFigures},
		{"another item's code", with(func(c *RecordStaffAudit) { c.Checks[2].Code = model.StaffNoTitleColumn }), "checks[2]", CodeStaffFigures},
		{"a person's code for the whole", with(func(c *RecordStaffAudit) { c.Checks[3].Code = model.StaffNoTitle }), "checks[3]", CodeStaffFigures},
		{"code with a count", with(func(c *RecordStaffAudit) { c.Checks[1].Count = 2 }), "checks[1]", CodeStaffFigures},
		{"departments not counted", with(func(c *RecordStaffAudit) {
			c.Checks[2] = StaffAuditCheck{Item: "3.3", Status: StaffPass, Count: 2, Limit: 6, Departments: []string{"宣传部"}}
		}), "checks[2]", CodeStaffFigures},
		{"departments on item 4", with(func(c *RecordStaffAudit) { c.Checks[4].Departments = []string{"宣传部"} }), "checks[4]", CodeStaffFigures},
		{"finding off the list", with(func(c *RecordStaffAudit) { c.Checks[5].Findings[0].Row = 41 }), "checks[5].findings[0].row", CodeStaffFinding},
		{"finding of row 0", with(func(c *RecordStaffAudit) { c.Checks[5].Findings[0].Row = 0 }), "checks[5].findings[0].row", CodeStaffFinding},
		{"finding of another item", with(func(c *RecordStaffAudit) { c.Checks[5].Findings[0].Code = model.StaffNotMember }), "checks[5].findings[0].code", CodeStaffFinding},
		{"finding of the whole list", with(func(c *RecordStaffAudit) { c.Checks[5].Findings[0].Code = model.StaffNoTitleColumn }), "checks[5].findings[0].code", CodeStaffFinding},
		{"unknown code", with(func(c *RecordStaffAudit) { c.Checks[5].Findings[0].Code = "guessed" }), "checks[5].findings[0].code", CodeStaffFinding},
		{"finding passes", with(func(c *RecordStaffAudit) { c.Checks[5].Findings[0].Status = StaffPass }), "checks[5].findings[0].status", CodeStaffFinding},
		{"an unverifiable rank failed", with(func(c *RecordStaffAudit) { c.Checks[5].Findings[0].Status = StaffFail }), "checks[5].findings[0].status", CodeStaffFinding},
		{"status unknown", with(func(c *RecordStaffAudit) { c.Checks[0].Status = "cannot verify" }), "checks[0].status", CodeStaffVerdict},
		{"over the limit yet passed", with(func(c *RecordStaffAudit) { c.Staff, c.Checks[0].Count = 41, 41 }), "checks[0].status", CodeStaffVerdict},
		{"within the limit yet failed", with(func(c *RecordStaffAudit) { c.Checks[0].Status = StaffFail }), "checks[0].status", CodeStaffVerdict},
		{"a failing finding yet unverified", with(func(c *RecordStaffAudit) { c.Checks[5].Findings = append(c.Checks[5].Findings, fail) }), "checks[5].status", CodeStaffVerdict},
		{"unverified findings yet passed", with(func(c *RecordStaffAudit) { c.Checks[5].Status = StaffPass }), "checks[5].status", CodeStaffVerdict},
		{"no column yet passed", with(func(c *RecordStaffAudit) { c.Checks[3].Status = StaffPass }), "checks[3].status", CodeStaffVerdict},
		{"nothing found yet unverified", with(func(c *RecordStaffAudit) { c.Checks[4].Status = StaffCannotVerify }), "checks[4].status", CodeStaffVerdict},
	}
	for _, tt := range tests {
		_, err := s.Execute(tt.cmd)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field || fe.Code != tt.code {
			t.Errorf("%s: %v, want field %s code %s", tt.name, err, tt.field, tt.code)
		}
	}
	// The same audit, whole, is recorded; and a failing finding fails it.
	exec(t, s, seedAudit(meta))
	exec(t, s, with(func(c *RecordStaffAudit) {
		c.Checks[5].Findings = append(c.Checks[5].Findings, fail)
		c.Checks[5].Status = StaffFail
	}))
	var a *StaffAudit
	s.Read(func(st *State) { a = st.StaffAudit })
	if a == nil || a.Checks[5].Status != StaffFail || a.Seq != 3 {
		t.Errorf("audit %+v", a)
	}
}
