package prep

import (
	"fmt"
	"strings"
)

// Year is a staff member's year of study (年级), as far as it can be read.
type Year string

// The years the audit tells apart. Undergraduate years other than the
// first are all subject to the ranking rule, so they share YearUpper.
const (
	YearUnknown  Year = ""      // the cell is empty or unreadable
	YearFreshman Year = "大一"    // first-year undergraduate, exempt from item 6
	YearUpper    Year = "大二及以上" // undergraduate after the first year
	YearGraduate Year = "研究生"   // postgraduate: no failed course, no ranking
)

// StaffTri is yes, no or unknown.
type StaffTri string

// The values of a StaffTri.
const (
	TriUnknown StaffTri = ""
	TriYes     StaffTri = "yes"
	TriNo      StaffTri = "no"
)

// Rank is a ranking cell (成绩排名) read as "N/M" or "N/专业".
type Rank struct {
	Pos int // N, 0 when the cell is empty or unreadable
	Of  int // M, the size of the major; 0 when the cell does not give it
}

// StaffMember is one row of the staff list. The text fields keep the
// cells as written; the typed fields are the zero value when a cell could
// not be read (and the reader, files.ReadStaff, reported a DataError for
// it).
type StaffMember struct {
	Row        int    // the data row, 1 for the first person
	Line       int    // the line in the file
	Seq        string // 序号 as written
	Name       string // 姓名, "" when unreadable
	NameText   string // 姓名 as written
	Politics   string // 政治面貌 as written
	Dept       string // 院系 as written
	YearText   string // 年级 as written
	Year       Year
	RankText   string // 成绩排名 as written
	Rank       Rank
	FailedText string // 是否存在课业不及格情况 as written
	Failed     StaffTri
	Experience string // 学生工作经历 as written
	Title      string // 职务 as written ("" when the column is absent)
	Section    string // 部门 as written ("" when the column is absent)
}

// Who names the person for a report: the name, or the cell as written
// when it could not be read.
func (m StaffMember) Who() string {
	if m.Name != "" {
		return m.Name
	}
	if strings.TrimSpace(m.NameText) != "" {
		return fmt.Sprintf("%q (unreadable name)", m.NameText)
	}
	return "(no name)"
}

// Staff is a school-level union staff list (校级组织工作人员名单).
type Staff struct {
	File       string
	HasTitle   bool // the list has a 职务 column
	HasSection bool // the list has a 部门 column
	Members    []StaffMember
}

// DataError is a cell that could not be read. The reader keeps the person
// with that field unknown and goes on.
type DataError struct {
	Row    int    `json:"row"`  // the data row, 1 for the first person; 0 for a line that is no person
	Line   int    `json:"line"` // the line in the file
	Column string `json:"column"`
	Value  string `json:"value"`
	Reason string `json:"reason"`
}

// Error formats the data error as "row R (line L), COLUMN "VALUE": REASON".
func (e DataError) Error() string {
	return fmt.Sprintf("row %d (line %d), %s %q: %s", e.Row, e.Line, e.Column, e.Value, e.Reason)
}

// staffSqueeze drops all white space, which the seed's layout scatters
// inside cells ("纪检 委员", "大 一").
func staffSqueeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}
