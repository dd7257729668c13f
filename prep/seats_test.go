package prep

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestAllocateSeats(t *testing.T) {
	eight := []Unit{{"A", 2100}, {"B", 1650}, {"C", 1400}, {"D", 1200}, {"E", 1000}, {"F", 800}, {"G", 550}, {"H", 300}}
	tests := []struct {
		name  string
		units []Unit
		total int
		want  []int // seats, in order
		mins  []int
	}{
		// By hand: minimums 21,17,14,12,10,8,6,3 = 91; 31 left; whole
		// quotas 7,5,4,4,3,2,1,1 = 27; remainders (of 9000) 2100, 6150,
		// 7400, 1200, 4000, 6800, 8050, 300 → the 4 left go to G, C, F, B.
		{"eight units, 122 seats", eight, 122, []int{28, 23, 19, 16, 13, 11, 8, 4}, []int{21, 17, 14, 12, 10, 8, 6, 3}},
		{"minimums exactly the total", eight, 91, []int{21, 17, 14, 12, 10, 8, 6, 3}, nil},
		// Remainders 0, 500, 500 of 1000: C and B tie, C has more students.
		{"tie: more students first", []Unit{{"A", 200}, {"B", 300}, {"C", 500}}, 15, []int{3, 4, 8}, nil},
		{"tie: more students first, listed first", []Unit{{"C", 500}, {"B", 300}, {"A", 200}}, 15, []int{8, 4, 3}, nil},
		// Remainders 600, 600, 800: C, then A before B (file order).
		{"tie: file order", []Unit{{"A", 300}, {"B", 300}, {"C", 400}}, 12, []int{4, 3, 5}, nil},
		{"tie: file order reversed", []Unit{{"B", 300}, {"A", 300}, {"C", 400}}, 12, []int{4, 3, 5}, nil},
		{"a unit with no students", []Unit{{"A", 0}, {"B", 101}}, 5, []int{0, 5}, []int{0, 2}},
		{"one student rounds up to a seat", []Unit{{"A", 1}, {"B", 99}}, 2, []int{1, 1}, []int{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AllocateSeats(tt.units, tt.total)
			if err != nil {
				t.Fatal(err)
			}
			var seats, mins []int
			sum := 0
			for i, a := range got {
				if a.Unit != tt.units[i].Name || a.Students != tt.units[i].Students {
					t.Errorf("row %d is %+v, not in file order", i, a)
				}
				seats, mins = append(seats, a.Seats), append(mins, a.Minimum)
				sum += a.Seats
			}
			if !reflect.DeepEqual(seats, tt.want) {
				t.Errorf("seats %v, want %v", seats, tt.want)
			}
			if tt.mins != nil && !reflect.DeepEqual(mins, tt.mins) {
				t.Errorf("minimums %v, want %v", mins, tt.mins)
			}
			if sum != tt.total {
				t.Errorf("%d seats allocated, want %d", sum, tt.total)
			}
		})
	}
}

func TestAllocateSeatsShort(t *testing.T) {
	// 12200 students: 1% is 122, but the rounding up of each unit needs 126.
	units := []Unit{{"A", 3150}, {"B", 2480}, {"C", 1920}, {"D", 1460}, {"E", 1230}, {"F", 980}, {"G", 640}, {"H", 340}}
	for _, tt := range []struct {
		total, by int
	}{{122, 4}, {125, 1}, {0, 126}} {
		_, err := AllocateSeats(units, tt.total)
		var short *ShortError
		if !errors.As(err, &short) {
			t.Fatalf("total %d: got %v, want a *ShortError", tt.total, err)
		}
		if short.Minimums != 126 || short.Minimums-short.Total != tt.by {
			t.Errorf("total %d: %+v, want 126 needed, %d short", tt.total, short, tt.by)
		}
		if !strings.Contains(err.Error(), " 4 more") && tt.by == 4 {
			t.Errorf("message %q does not say by how much", err)
		}
	}
	if _, err := AllocateSeats(units, 126); err != nil {
		t.Errorf("126 seats: %v", err)
	}
}

func TestAllocateSeatsErrors(t *testing.T) {
	for _, tt := range []struct {
		name  string
		units []Unit
		total int
	}{
		{"no units", nil, 10},
		{"negative total", []Unit{{"A", 1}}, -1},
		{"negative students", []Unit{{"A", -1}}, 1},
		{"empty name", []Unit{{"", 1}}, 1},
		{"repeated name", []Unit{{"A", 1}, {"A", 2}}, 2},
		{"seats left, no students", []Unit{{"A", 0}}, 1},
	} {
		if _, err := AllocateSeats(tt.units, tt.total); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

// TestSeatsText: the table of `podium plan seats --format text`, a Han
// unit name padded by display columns so the figures line up.
func TestSeatsText(t *testing.T) {
	got := SeatsText([]Allocation{{Unit: "护理分院", Students: 2100, Minimum: 21, Seats: 28}, {Unit: "B", Students: 300, Minimum: 3, Seats: 4}})
	want := "unit                  students  minimum  seats\n" +
		"护理分院                  2100       21     28\n" +
		"B                          300        3      4\n" +
		"total                     2400       24     32\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
