package prep

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadUnits(t *testing.T) {
	got, err := ReadUnits("u.csv", strings.NewReader("\uFEFFunit, students\n护理分院,2100\n\n 信息分院 , 300 \n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []Unit{{"护理分院", 2100}, {"信息分院", 300}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	got, err = ReadUnits("u.csv", strings.NewReader("学生数,选举单位\n12,甲\n"))
	if err != nil || !reflect.DeepEqual(got, []Unit{{"甲", 12}}) {
		t.Errorf("Chinese headers in another order: %v %v", got, err)
	}
	for _, tt := range []struct{ in, want string }{
		{"", "u.csv: is empty"},
		{"unit,students\n", "u.csv: has no units"},
		{"unit\nA\n", "u.csv line 1: has no column students"},
		{"unit,students,x\nA,1,\n", "u.csv line 1, column x: is not a known header"},
		{"unit,unit\n", "u.csv line 1, column unit: repeats a column"},
		{"unit,students\nA,1\nB,-3\n", `u.csv line 3, column students: "-3" is not a whole number`},
		{"unit,students\nA,1\nB,x\n", `u.csv line 3, column students: "x" is not`},
		{"unit,students\nA,1\n\nA,2\n", `u.csv line 4, column unit: "A" is listed twice`},
		{"unit,students\n,2\n", `u.csv line 2, column unit: is empty`},
		{"unit,students\nA,1,9\n", `u.csv line 2, column 3: "9" is beyond the known columns`},
		{"unit,students\n\"A,1\n", "u.csv line 2: column"},
		{"unit,students\n\xff,1\n", "u.csv: is not UTF-8"},
	} {
		_, err := ReadUnits("u.csv", strings.NewReader(tt.in))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want %q…", tt.in, err, tt.want)
		}
	}
}

func TestReadUnitCandidates(t *testing.T) {
	got, err := ReadUnitCandidates("c.csv", strings.NewReader("unit,seats,candidates\nA,10,12\nB,5,5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []UnitCandidates{{"A", 10, 12}, {"B", 5, 5}}; !reflect.DeepEqual(got, want) {
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
		a, err := AllocateSeats(us, total%1000)
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
			DelegateSurplus(us)
		}
	})
}
