package model

// The staff audit of the reform self-assessment (附件1 items 3–6, RULES
// §8): the school-level union's staff list checked for its size, its
// presidium and departments, its titles, its members' political status and
// the grades of its non-freshmen. package prep audits a list; the core
// records the audit (`podium check staff --db`); the records fill the
// form's items 3–6 from it. The names below are shared by the three, and
// stored: never renamed.

// The limits of item 3 (机构和人员规模).
const (
	StaffMax       = 40 // 校级学生会组织工作人员不超过40人
	StaffMaxLarge  = 60 // 学生人数较多、分校区较多的高校不超过60人
	PresidiumMax   = 5  // 主席团成员不超过5人
	DepartmentsMax = 6  // 工作部门不超过6个
)

// StaffRankTop is item 6's rank: within the top 30% of the major (前30%以内,
// the boundary included).
var StaffRankTop = Fraction{Num: 30, Den: 100}

// StaffItems are the audit's checks, by the form's numbering: item 3 is
// three checks (size, presidium, departments), items 4, 5 and 6 one each.
var StaffItems = []string{"3.1", "3.2", "3.3", "4", "5", "6"}

// StaffItemLimit returns the limit of a check of item 3 (large: a large
// school), 0 for a check without one.
func StaffItemLimit(item string, large bool) int {
	switch item {
	case "3.1":
		if large {
			return StaffMaxLarge
		}
		return StaffMax
	case "3.2":
		return PresidiumMax
	case "3.3":
		return DepartmentsMax
	}
	return 0
}

// StaffCode says why a check failed or could not be verified: for a whole
// check (the list has no column to check it by) or for one person.
type StaffCode string

// The codes. A check's codes: StaffNoTitleColumn, StaffNoDepartmentColumn.
// A person's: those of StaffCodeFails (the rule is broken) and the rest
// (the list cannot show the rule is kept; the audit never guesses).
const (
	StaffNoTitleColumn      StaffCode = "no_title_column"      // the list has no 职务 column (3.2, 4)
	StaffNoDepartmentColumn StaffCode = "no_department_column" // no 部门 column, and no 职务 names a department (3.3)

	StaffNoTitle        StaffCode = "no_title"        // 职务 empty (3.2, 4)
	StaffBadTitle       StaffCode = "bad_title"       // 职务 not an allowed title (4)
	StaffNoPolitics     StaffCode = "no_politics"     // 政治面貌 empty (5)
	StaffNotMember      StaffCode = "not_member"      // 政治面貌 neither Party nor League (5)
	StaffYearUnreadable StaffCode = "year_unreadable" // 年级 unreadable: whether the rule applies is unknown (6)
	StaffFailedCourse   StaffCode = "failed_course"   // a failed course (6)
	StaffFailedUnknown  StaffCode = "failed_unknown"  // 是否存在课业不及格情况 empty or unreadable (6)
	StaffNoRank         StaffCode = "no_rank"         // 成绩排名 empty or unreadable (6)
	StaffNoMajorSize    StaffCode = "no_major_size"   // a rank "N/专业": the major's size not given (6)
	StaffOutsideTop     StaffCode = "outside_top"     // a rank outside the top 30% (6)
)

// staffCodes are the checks each code belongs to, and whether it is a
// failure (else the check cannot be verified).
var staffCodes = map[StaffCode]struct {
	items []string
	fails bool
}{
	StaffNoTitleColumn:      {[]string{"3.2", "4"}, false},
	StaffNoDepartmentColumn: {[]string{"3.3"}, false},
	StaffNoTitle:            {[]string{"3.2", "4"}, false},
	StaffBadTitle:           {[]string{"4"}, true},
	StaffNoPolitics:         {[]string{"5"}, false},
	StaffNotMember:          {[]string{"5"}, true},
	StaffYearUnreadable:     {[]string{"6"}, false},
	StaffFailedCourse:       {[]string{"6"}, true},
	StaffFailedUnknown:      {[]string{"6"}, false},
	StaffNoRank:             {[]string{"6"}, false},
	StaffNoMajorSize:        {[]string{"6"}, false},
	StaffOutsideTop:         {[]string{"6"}, true},
}

// Fails reports whether the code is a failure of the rule (else the rule
// could not be verified).
func (c StaffCode) Fails() bool { return staffCodes[c].fails }

// Of reports whether the code is one of check item's.
func (c StaffCode) Of(item string) bool {
	for _, it := range staffCodes[c].items {
		if it == item {
			return true
		}
	}
	return false
}

// Whole reports whether the code is about a whole check (a column the
// list lacks), not one person.
func (c StaffCode) Whole() bool { return c == StaffNoTitleColumn || c == StaffNoDepartmentColumn }

// StaffCodeOrder is the order in which the records list a check's
// findings: failures first, then what could not be verified.
var StaffCodeOrder = []StaffCode{StaffBadTitle, StaffNotMember, StaffOutsideTop, StaffFailedCourse,
	StaffNoTitle, StaffNoPolitics, StaffYearUnreadable, StaffNoRank, StaffNoMajorSize, StaffFailedUnknown}
