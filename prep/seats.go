package prep

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Unit is one electoral unit (选举单位) and the number of students it
// represents.
type Unit struct {
	Name     string
	Students int
}

// Allocation is the seats of one unit: its Minimum (1% of its students,
// rounded up) and its Seats in all (the minimum plus its proportional share
// of the rest).
type Allocation struct {
	Unit     string `json:"unit"`
	Students int    `json:"students"`
	Minimum  int    `json:"minimum"`
	Seats    int    `json:"seats"`
}

// ShortError is returned by AllocateSeats when the units' minimums alone
// need more seats than there are.
type ShortError struct {
	Total    int // the seats to allocate
	Minimums int // the sum of the minimums
}

// Error says by how much the minimums exceed the total.
func (e *ShortError) Error() string {
	return fmt.Sprintf("the minimums (1%% of each unit's students, rounded up) need %d seats, %d more than the %d to allocate",
		e.Minimums, e.Minimums-e.Total, e.Total)
}

// Minimum returns a unit's minimum seats: 1% of its students rounded up,
// in integers.
func Minimum(students int) int { return (students + 99) / 100 }

// AllocateSeats shares total seats among units (RULES §8). Each unit first
// gets its Minimum; the seats left are then shared in proportion to the
// students by largest remainder (Hamilton): unit i's quota is
// left*students_i/S for S the students of all units, each unit gets the
// whole part of its quota, and the seats still left go one each to the
// largest remainders. All quotas share the denominator S, so comparing the
// remainders left*students_i mod S is the exact comparison of the fractions
// — integers only. Ties go to the unit with more students, then to the
// earlier unit in the list. The result is in the order of units.
//
// Minimums above total give a *ShortError; an empty list, a negative total
// or count, a repeated or empty name, or seats left over with no students
// to share them give another error.
func AllocateSeats(units []Unit, total int) ([]Allocation, error) {
	if len(units) == 0 {
		return nil, errors.New("no units to allocate seats to")
	}
	if total < 0 {
		return nil, fmt.Errorf("the total %d is negative", total)
	}
	seen := make(map[string]bool, len(units))
	out := make([]Allocation, len(units))
	var mins, students int64
	for i, u := range units {
		if u.Name == "" {
			return nil, fmt.Errorf("unit %d has no name", i+1)
		}
		if seen[u.Name] {
			return nil, fmt.Errorf("unit %q is listed twice", u.Name)
		}
		seen[u.Name] = true
		if u.Students < 0 {
			return nil, fmt.Errorf("unit %q has a negative number of students (%d)", u.Name, u.Students)
		}
		m := Minimum(u.Students)
		out[i] = Allocation{Unit: u.Name, Students: u.Students, Minimum: m, Seats: m}
		mins += int64(m)
		students += int64(u.Students)
	}
	if mins > int64(total) {
		return nil, &ShortError{Total: total, Minimums: int(mins)}
	}
	left := int64(total) - mins
	if left == 0 {
		return out, nil
	}
	if students == 0 {
		return nil, fmt.Errorf("%d seats are left after the minimums but no unit has students to share them", left)
	}
	rem := make([]int64, len(units))
	given := int64(0)
	for i, u := range units {
		q := left * int64(u.Students)
		out[i].Seats += int(q / students)
		given += q / students
		rem[i] = q % students
	}
	order := make([]int, len(units))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		i, j := order[a], order[b]
		if rem[i] != rem[j] {
			return rem[i] > rem[j]
		}
		if units[i].Students != units[j].Students {
			return units[i].Students > units[j].Students
		}
		return i < j
	})
	for k := int64(0); k < left-given; k++ {
		out[order[k]].Seats++
	}
	return out, nil
}

// SeatsText writes an allocation as a table: unit, students, minimum and
// seats, and the totals; unit names padded in display columns.
func SeatsText(alloc []Allocation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-20s %9s %8s %6s\n", "unit", "students", "minimum", "seats")
	students, mins, seats := 0, 0, 0
	for _, a := range alloc {
		fmt.Fprintf(&b, "%s %9d %8d %6d\n", padZh(a.Unit, 20), a.Students, a.Minimum, a.Seats)
		students, mins, seats = students+a.Students, mins+a.Minimum, seats+a.Seats
	}
	fmt.Fprintf(&b, "%-20s %9d %8d %6d\n", "total", students, mins, seats)
	return b.String()
}
