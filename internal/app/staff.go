package app

import (
	"path/filepath"
	"time"

	"podium/files"
	"podium/prep"
	"podium/session"
)

// AuditStaff reads the staff list at path (files.ReadStaffFile) and
// audits it against items 3–6 of the self-assessment (prep.AuditStaff),
// its unreadable cells in the audit's DataErrors. A file that cannot be
// read as a staff list is an *InputError naming the file, the row and the
// column.
func AuditStaff(path string, o prep.StaffOptions) (prep.Staff, prep.Audit, error) {
	s, dataErrs, err := files.ReadStaffFile(path)
	if err != nil {
		return s, prep.Audit{}, badInput(err)
	}
	a := prep.AuditStaff(s, o)
	if dataErrs != nil {
		a.DataErrors = dataErrs
	}
	return s, a, nil
}

// staffVerdicts are the stored verdicts of prep's.
var staffVerdicts = map[prep.StaffStatus]session.StaffVerdict{
	prep.StaffPass: session.StaffPass, prep.StaffFail: session.StaffFail, prep.StaffCannotVerify: session.StaffCannotVerify,
}

// StaffAuditCommand is the command that records the audit a of the staff
// list s at the time at, given by actor as the secretary. The list is
// named by its base name (the folder it sat in on one computer means
// nothing in the record); each person's name is the 姓名 cell as written;
// a text longer than the core keeps (session.MaxShortText) is cut, with
// "…". A list with nobody on it, or with a cell the record cannot hold (a
// control or bidirectional character: session.CleanText), is an
// *InputError naming the file, the row and the column, and no command.
func StaffAuditCommand(s prep.Staff, a prep.Audit, at time.Time, actor string) (session.RecordStaffAudit, error) {
	if len(s.Members) == 0 {
		return session.RecordStaffAudit{}, &InputError{&files.FileError{File: s.File,
			Reason: "lists nobody: an audit of no staff is not recorded (nothing recorded)"}}
	}
	if err := staffCellsClean(s); err != nil {
		return session.RecordStaffAudit{}, err
	}
	c := session.RecordStaffAudit{Meta: session.Meta{At: at, Actor: actor, Role: session.RoleSecretary},
		File: short(filepath.Base(s.File)), Staff: a.Staff, Large: a.Large, DataErrors: len(a.DataErrors)}
	for _, k := range a.Checks {
		sc := session.StaffAuditCheck{Item: k.Item, Status: staffVerdicts[k.Status], Count: k.Count, Limit: k.Limit, Code: k.Code}
		for _, d := range k.Departments {
			sc.Departments = append(sc.Departments, short(d))
		}
		for _, f := range k.Findings {
			sc.Findings = append(sc.Findings, session.StaffAuditFinding{Row: f.Row, Name: short(s.Members[f.Row-1].NameText),
				Status: staffVerdicts[f.Status], Code: f.Code, Value: short(f.Value)})
		}
		c.Checks = append(c.Checks, sc)
	}
	return c, nil
}

// staffCellsClean returns an *InputError for the first cell of s that the
// record may store (a name, the cells the audit reads) and that holds a
// character the core refuses in a one-line text, nil when there is none.
func staffCellsClean(s prep.Staff) error {
	for _, m := range s.Members {
		for _, c := range []struct{ column, value string }{{"姓名", m.NameText}, {"政治面貌", m.Politics}, {"年级", m.YearText},
			{"成绩排名", m.RankText}, {"是否存在课业不及格情况", m.FailedText}, {"职务", m.Title}, {"部门", m.Section}} {
			if session.CleanText(c.column, c.value, false) != nil {
				return &InputError{&files.FileError{File: s.File, Row: m.Line, Column: c.column, Value: c.value,
					Reason: "holds a control character (a line break, a tab) or a direction mark the record cannot hold: nothing recorded; correct the cell"}}
			}
		}
	}
	return nil
}

// short is s cut to session.MaxShortText characters, with "…".
func short(s string) string {
	if r := []rune(s); len(r) > session.MaxShortText {
		return string(r[:session.MaxShortText-1]) + "…"
	}
	return s
}
