package files

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"podium/prep"
)

func TestReadUnits(t *testing.T) {
	got, err := ReadUnits("u.csv", strings.NewReader("\uFEFFunit, students\n护理分院,2100\n\n 信息分院 , 300 \n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []prep.Unit{{Name: "护理分院", Students: 2100}, {Name: "信息分院", Students: 300}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	got, err = ReadUnits("u.csv", strings.NewReader("学生数,选举单位\n12,甲\n"))
	if err != nil || !reflect.DeepEqual(got, []prep.Unit{{Name: "甲", Students: 12}}) {
		t.Errorf("Chinese headers in another order: %v %v", got, err)
	}
	for _, tt := range []struct{ in, want string }{
		{"", "u.csv: is empty"},
		{"unit,students\n", "u.csv: has no units"},
		{"unit\nA\n", "u.csv row 1: has no column students/学生数"},
		{"unit,students,x\nA,1,\n", `u.csv row 1, column x (C): "x" is not a known column`},
		{"unit,unit\n", `u.csv row 1, column unit (B): "unit" repeats column unit (A)`},
		{"unit,students\nA,1\nB,-3\n", `u.csv row 3, column students (B): "-3" is not a whole number`},
		{"unit,students\nA,1\nB,x\n", `u.csv row 3, column students (B): "x" is not`},
		{"unit,students\nA,1\n\nA,2\n", `u.csv row 4, column unit (A): "A" is listed twice (also row 2)`},
		{"unit,students\n,2\n", `u.csv row 2, column unit (A): is empty`},
		{"unit,students\nA,1,9\n", `u.csv row 2, column C: "9" is in a column without a header`},
		{"unit,students\n\"A,1\n", "u.csv row 2: is not valid CSV"},
		{"unit,students\n\xff,1\n", "u.csv row 2: is neither UTF-8 nor GBK"},
		{gbk("单位,学生数\n护理分院,x\n"), `u.csv row 2, column 学生数 (B): "x" is not a whole number`},
	} {
		_, err := ReadUnits("u.csv", strings.NewReader(tt.in))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want %q…", tt.in, err, tt.want)
		}
	}
}

// gbk encodes s as GBK, as Excel on a Chinese Windows saves CSV.
func gbk(s string) string {
	b, err := simplifiedchinese.GBK.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return b
}

func TestReadUnitCandidates(t *testing.T) {
	got, err := ReadUnitCandidates("c.csv", strings.NewReader("unit,seats,candidates\nA,10,12\nB,5,5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []prep.UnitCandidates{{Unit: "A", Seats: 10, Candidates: 12}, {Unit: "B", Seats: 5, Candidates: 5}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if _, err := ReadUnitCandidates("c.csv", strings.NewReader("unit,seats\nA,1\n")); err == nil || !strings.Contains(err.Error(), "no column candidates") {
		t.Errorf("missing column: %v", err)
	}
}

// FuzzReadUnits: the reader never panics, and what it accepts allocates
// (or fails cleanly) without panicking.
func FuzzReadUnits(f *testing.F) {
	f.Add("unit,students\nA,100\nB,250\n", 10)
	f.Add("\uFEFF学生数,单位\n1,甲\n\n", 1)
	f.Add("unit,students\n\"A\n", 0)
	f.Fuzz(func(t *testing.T, in string, total int) {
		us, err := ReadUnits("f.csv", strings.NewReader(in))
		if err != nil {
			if us != nil {
				t.Fatal("units returned with an error")
			}
			return
		}
		if len(us) == 0 {
			t.Fatal("no units and no error")
		}
		a, err := prep.AllocateSeats(us, total%1000)
		if err == nil {
			sum := 0
			for _, x := range a {
				sum += x.Seats
			}
			if sum != total%1000 {
				t.Fatalf("allocated %d of %d", sum, total%1000)
			}
		}
	})
}

func FuzzReadUnitCandidates(f *testing.F) {
	f.Add("unit,seats,candidates\nA,10,12\n")
	f.Fuzz(func(t *testing.T, in string) {
		if us, err := ReadUnitCandidates("f.csv", strings.NewReader(in)); err == nil {
			prep.DelegateSurplus(us)
		}
	})
}
