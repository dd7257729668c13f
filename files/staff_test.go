package files

import (
	"errors"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"podium/prep"
)

// staffHead is the header of a staff list with the required columns.
const staffHead = "序号,姓名,政治面貌,院系,年级,成绩排名,是否存在课业不及格情况,学生工作经历\n"

func TestReadStaffDataErrors(t *testing.T) {
	src := staffHead + "1,姓名：甲,团员,护理分院,大二,1/10,否,无\n2,乙,团员,护理分院,大九,1/10,否,无\n3,丙,团员,护理分院,大二,第一名,否,无\n" +
		"4,丁,团员,护理分院,大二,11/10,否,无\n5,戊,团员,护理分院,大二,1/10,也许,无\n6,己,团员,护理分院,大 二,1 / 10,否,无\n"
	s, errs, err := ReadStaff("t.csv", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Members) != 6 {
		t.Fatalf("%d members: every person is kept", len(s.Members))
	}
	want := []struct {
		row    int
		column string
	}{{1, "姓名"}, {2, "年级"}, {3, "成绩排名"}, {4, "成绩排名"}, {5, "是否存在课业不及格情况"}}
	if len(errs) != len(want) {
		t.Fatalf("errors %v, want %v", errs, want)
	}
	for i, w := range want {
		if errs[i].Row != w.row || errs[i].Column != w.column || errs[i].Line != w.row+1 || errs[i].Reason == "" {
			t.Errorf("error %d: %+v, want %+v", i, errs[i], w)
		}
	}
	if m := s.Members[5]; m.Year != prep.YearUpper || m.Rank != (prep.Rank{Pos: 1, Of: 10}) {
		t.Errorf("spaces inside cells: %+v", m)
	}
}

func TestReadStaffHardErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"empty", "", "f.csv: is empty; the first row is the header: 序号, 姓名"},
		{"no header", "# only a comment\n1,甲,团员\n", "f.csv row 2: is not the header: the first row must name the columns 序号, 姓名"},
		{"missing column", "序号,姓名,政治面貌,院系,年级,成绩排名,学生工作经历\n", "f.csv row 1: has no column 是否存在课业不及格情况 (required: 序号"},
		{"duplicate", "序号,姓名,姓名,政治面貌,院系,年级,成绩排名,是否存在课业不及格情况,学生工作经历\n", `f.csv row 1, column 姓名 (C): "姓名" repeats column 姓名 (B)`},
		{"not text", "序号,姓名\n\xff\xfe,\n", "f.csv row 2: is neither UTF-8 nor GBK"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ReadStaff("f.csv", strings.NewReader(tt.src))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err %v, want %q…", err, tt.want)
			}
		})
	}
}

func FuzzReadStaff(f *testing.F) {
	seed, err := os.ReadFile("../prep/testdata/seed_staff.tsv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add(staffHead + "1,甲,团员,护理分院,大二,3/10,否,无\n2,姓名：乙,群众,护理分院,纪检 委员,x/专业,是,无\n")
	f.Add("序号,姓名\n")
	f.Add("\"a\tb\n")
	f.Fuzz(func(t *testing.T, src string) {
		s, errs, err := ReadStaff("fuzz", strings.NewReader(src))
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.File != "fuzz" {
				t.Fatalf("error %q is no FileError naming the file", err)
			}
			return
		}
		for i, m := range s.Members {
			if m.Row != i+1 {
				t.Fatalf("member %d has row %d", i, m.Row)
			}
			if m.Rank.Of != 0 && (m.Rank.Pos < 1 || m.Rank.Pos > m.Rank.Of) {
				t.Fatalf("rank %+v", m.Rank)
			}
		}
		for _, e := range errs {
			if e.Row > len(s.Members) || e.Line < 1 {
				t.Fatalf("data error %+v out of range", e)
			}
		}
		a := prep.AuditStaff(s, prep.StaffOptions{})
		if a.Staff != len(s.Members) || len(a.Checks) != 6 {
			t.Fatalf("audit %+v", a)
		}
		_ = a.Text()
	})
}

// TestReadStaffGBKAndTabs: the seed's tab-separated list saved as GBK by
// a spreadsheet reads the same as in UTF-8.
func TestReadStaffGBKAndTabs(t *testing.T) {
	seed, err := os.ReadFile("../prep/testdata/seed_staff.tsv")
	if err != nil {
		t.Fatal(err)
	}
	gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes(seed)
	if err != nil {
		t.Fatal(err)
	}
	want, werrs, err := ReadStaff("seed.tsv", strings.NewReader(string(seed)))
	if err != nil {
		t.Fatal(err)
	}
	got, gerrs, err := ReadStaff("seed.tsv", strings.NewReader(string(gbk)))
	if err != nil || len(got.Members) != 40 || len(gerrs) != len(werrs) {
		t.Fatalf("GBK: %d members, %d data errors, %v", len(got.Members), len(gerrs), err)
	}
	for i := range want.Members {
		if got.Members[i] != want.Members[i] {
			t.Errorf("row %d: %+v, want %+v", i+1, got.Members[i], want.Members[i])
		}
	}
}
