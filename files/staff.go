package files

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"podium/prep"
)

// This file reads the school-level union staff list of `podium check
// staff` into the types of package prep, which audits it.

// squeeze drops all white space, which the seed's layout scatters inside
// cells ("纪检 委员", "大 一").
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// The columns of the staff list, by their canonical header.
const (
	staffColSeq        = "序号"
	staffColName       = "姓名"
	staffColPolitics   = "政治面貌"
	staffColDept       = "院系"
	staffColYear       = "年级"
	staffColRank       = "成绩排名"
	staffColFailed     = "是否存在课业不及格情况"
	staffColExperience = "学生工作经历"
	staffColTitle      = "职务"
	staffColSection    = "部门"
)

var staffRequiredColumns = []string{staffColSeq, staffColName, staffColPolitics, staffColDept, staffColYear, staffColRank, staffColFailed, staffColExperience}

// staffHeaderColumn maps a header cell to its column, "" for an unknown one.
// Long headers are matched by what they contain; the order matters, as
// "院系、班级学生工作经历" also contains 院系.
func staffHeaderColumn(cell string) string {
	c := squeeze(cell)
	switch {
	case strings.Contains(c, "工作经历"):
		return staffColExperience
	case strings.Contains(c, "不及格"):
		return staffColFailed
	case strings.Contains(c, "排名"):
		return staffColRank
	case strings.Contains(c, "政治面貌"):
		return staffColPolitics
	case strings.HasPrefix(c, "序号"):
		return staffColSeq
	case strings.Contains(c, "姓名"):
		return staffColName
	case strings.Contains(c, "年级"):
		return staffColYear
	case strings.HasPrefix(c, "院系") || c == "学院" || c == "系":
		return staffColDept
	case strings.Contains(c, "职务"):
		return staffColTitle
	case strings.Contains(c, "部门"):
		return staffColSection
	}
	return ""
}

// ReadStaff reads a staff list (校级组织工作人员名单) from r: CSV, or
// tab-separated (the seed's own table), UTF-8 or GBK. Lines starting with
// # are comments; blank lines and rule lines of dashes are skipped; a
// quote inside a cell is text. Cells that cannot be read are returned as
// data errors and the person is kept; a missing header or required column
// is a *FileError naming name and the row.
func ReadStaff(name string, r io.Reader) (prep.Staff, []prep.DataError, error) {
	data, err := readAll(name, r, MaxTableSize)
	if err != nil {
		return prep.Staff{File: name}, nil, err
	}
	return parseStaff(name, data)
}

// ReadStaffFile reads the staff list at path; see ReadStaff.
func ReadStaffFile(path string) (prep.Staff, []prep.DataError, error) {
	data, err := readFile(path, MaxTableSize)
	if err != nil {
		return prep.Staff{File: path}, nil, err
	}
	return parseStaff(path, data)
}

func parseStaff(name string, data []byte) (prep.Staff, []prep.DataError, error) {
	s := prep.Staff{File: name}
	t, err := readCSV(name, data, csvOptions{comments: true, lazyQuotes: true})
	if err != nil {
		return s, nil, err
	}
	for len(t.rows) > 0 && staffIsRule(t.rows[0].cells) {
		t.rows = t.rows[1:]
	}
	h, err := t.header(strings.Join(staffRequiredColumns, ", "))
	if err != nil {
		return s, nil, err
	}
	cols, err := h.staffColumns()
	if err != nil {
		return s, nil, err
	}
	_, s.HasTitle = cols[staffColTitle]
	_, s.HasSection = cols[staffColSection]
	var errs []prep.DataError
	for _, row := range t.rows[1:] {
		if staffIsRule(row.cells) {
			continue
		}
		cell := func(c string) string {
			if i, ok := cols[c]; ok && i < len(row.cells) {
				return row.cells[i]
			}
			return ""
		}
		if cell(staffColSeq) == "" && cell(staffColName) == "" {
			errs = append(errs, prep.DataError{Line: row.line, Column: staffColName, Value: strings.Join(row.cells, " "),
				Reason: "a line with no 序号 and no 姓名 (a cell split across lines?); not read as a person"})
			continue
		}
		m := prep.StaffMember{
			Row: len(s.Members) + 1, Line: row.line,
			Seq: cell(staffColSeq), NameText: cell(staffColName), Politics: cell(staffColPolitics), Dept: cell(staffColDept),
			YearText: cell(staffColYear), RankText: cell(staffColRank), FailedText: cell(staffColFailed),
			Experience: cell(staffColExperience), Title: cell(staffColTitle), Section: cell(staffColSection),
		}
		bad := func(col, val, reason string) {
			errs = append(errs, prep.DataError{Row: m.Row, Line: row.line, Column: col, Value: val, Reason: reason})
		}
		if m.Seq != "" {
			if _, err := strconv.Atoi(squeeze(m.Seq)); err != nil {
				bad(staffColSeq, m.Seq, "not a whole number")
			}
		}
		m.Name, err = staffReadName(m.NameText)
		if err != nil {
			bad(staffColName, m.NameText, err.Error())
		}
		m.Year, err = staffReadYear(m.YearText)
		if err != nil {
			bad(staffColYear, m.YearText, err.Error())
		}
		m.Rank, err = staffReadRank(m.RankText)
		if err != nil {
			bad(staffColRank, m.RankText, err.Error())
		}
		m.Failed, err = staffReadTri(m.FailedText)
		if err != nil {
			bad(staffColFailed, m.FailedText, err.Error())
		}
		s.Members = append(s.Members, m)
	}
	return s, errs, nil
}

// staffIsRule reports whether a record is blank or a rule of dashes.
func staffIsRule(rec []string) bool {
	for _, c := range rec {
		if strings.Trim(c, "-—–=+|: \t") != "" {
			return false
		}
	}
	return true
}

// staffColumns maps the required and optional columns of the header to
// their index.
func (h *header) staffColumns() (map[string]int, error) {
	cols := map[string]int{}
	for i, c := range h.texts {
		k := staffHeaderColumn(c)
		if k == "" {
			continue
		}
		if j, dup := cols[k]; dup {
			return nil, h.t.errAt(h.row, i, c, c, "repeats column "+h.name(j))
		}
		cols[k] = i
	}
	var missing []string
	for _, k := range staffRequiredColumns {
		if _, ok := cols[k]; !ok {
			missing = append(missing, k)
		}
	}
	all := strings.Join(staffRequiredColumns, ", ")
	switch {
	case len(missing) == len(staffRequiredColumns):
		return nil, h.t.errAt(h.row, -1, "", "", "is not the header: the first row must name the columns "+all)
	case len(missing) > 0:
		return nil, h.t.errAt(h.row, -1, "", "", "has no column "+strings.Join(missing, ", ")+" (required: "+all+")")
	}
	return cols, nil
}

// staffReadName reads a 姓名 cell. The spaces the seed's layout leaves inside
// names ("阿米娜 姆·萨 吾提") are kept; a cell that still holds its label
// ("姓名：…") is not read as a name.
func staffReadName(s string) (string, error) {
	q := squeeze(s)
	switch {
	case q == "":
		return "", errors.New("empty")
	case strings.HasPrefix(q, "姓名"):
		return "", errors.New("the cell starts with the label 姓名; the name cannot be told from it")
	case strings.ContainsAny(q, ":：/0123456789"):
		return "", errors.New("not a name")
	}
	return s, nil
}

// staffReadYear reads a 年级 cell: 大一…大五, 研一…研三, 博一…博五, 研究生 or
// 博士; white space inside the cell is ignored.
func staffReadYear(s string) (prep.Year, error) {
	q := squeeze(s)
	if q == "" {
		return prep.YearUnknown, errors.New("empty")
	}
	if q == "大一" || q == "一年级" {
		return prep.YearFreshman, nil
	}
	for _, n := range []string{"二", "三", "四", "五"} {
		if q == "大"+n || q == n+"年级" {
			return prep.YearUpper, nil
		}
	}
	if q == "研究生" || q == "博士" || q == "博士生" {
		return prep.YearGraduate, nil
	}
	for _, p := range []string{"研", "博"} {
		for _, n := range []string{"一", "二", "三", "四", "五"} {
			if q == p+n {
				return prep.YearGraduate, nil
			}
		}
	}
	return prep.YearUnknown, errors.New("not a year of study (大一, 大二, 大三, 研一…)")
}

// staffReadRank reads a 成绩排名 cell: "N/M" or "N/专业" (the major's size not
// given). An empty cell is no error: freshmen and postgraduates leave it
// blank.
func staffReadRank(s string) (prep.Rank, error) {
	q := strings.ReplaceAll(squeeze(s), "／", "/")
	if q == "" {
		return prep.Rank{}, nil
	}
	a, b, ok := strings.Cut(q, "/")
	if !ok {
		return prep.Rank{}, errors.New(`not a rank ("N/M" or "N/专业")`)
	}
	n, err := strconv.Atoi(a)
	if err != nil || n < 1 {
		return prep.Rank{}, errors.New(`not a rank ("N/M" or "N/专业"): N is not a whole number from 1`)
	}
	if b == "专业" {
		return prep.Rank{Pos: n}, nil
	}
	m, err := strconv.Atoi(b)
	if err != nil || m < 1 {
		return prep.Rank{}, errors.New(`not a rank ("N/M" or "N/专业"): M is not a whole number from 1`)
	}
	if n > m {
		return prep.Rank{}, errors.New("the rank is past the size of the major")
	}
	return prep.Rank{Pos: n, Of: m}, nil
}

// staffReadTri reads a yes/no cell: 是/有 or 否/无; empty is unknown.
func staffReadTri(s string) (prep.StaffTri, error) {
	switch squeeze(s) {
	case "":
		return prep.TriUnknown, nil
	case "是", "有":
		return prep.TriYes, nil
	case "否", "无":
		return prep.TriNo, nil
	}
	return prep.TriUnknown, errors.New("not 是 or 否")
}
