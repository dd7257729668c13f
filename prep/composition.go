package prep

import (
	"fmt"
	"strings"
	"time"

	"podium/model"
	"podium/session/rule"
)

// DefaultTolerance is the default tolerance, in percentage points, of the
// "about" (左右) targets.
const DefaultTolerance = 5

// Status is the verdict on one line of a report.
type Status string

// The verdicts. Unknown is given when missing data (a birth date, a gender,
// an ethnicity) could decide the line either way: it is never guessed.
const (
	OK        Status = "ok"
	Warning   Status = "warning"
	Unknown   Status = "cannot verify"
	NeedsDate Status = "needs --date"
)

// Line is one composition target and how the formal delegates meet it.
// Count of Total meet the criterion; Missing more have no data for it and
// are counted as not meeting it in Count. Percent is Count/Total with one
// decimal, for display only: the verdict is judged in integers.
type Line struct {
	Key     string `json:"key"`  // non_cadre, women, minorities, league_cadres, honoured, under_25
	Name    string `json:"name"` // the seed's words
	Count   int    `json:"count"`
	Total   int    `json:"total"`
	Missing int    `json:"missing,omitempty"`
	Percent string `json:"percent"`
	Target  string `json:"target"` // e.g. "40% ±5" or ">= 30%"
	Status  Status `json:"status"`
	Note    string `json:"note,omitempty"`
}

// Report is the composition of the formal delegates (RULES §8).
type Report struct {
	Date      string `json:"date,omitempty"` // the congress date; empty when not given
	Tolerance int    `json:"tolerance"`
	Formal    int    `json:"formal"`
	Lines     []Line `json:"lines"`
}

// OK reports whether every line is OK.
func (r Report) OK() bool {
	for _, l := range r.Lines {
		if l.Status != OK {
			return false
		}
	}
	return true
}

// Composition checks the formal delegates of roster against the seed's
// targets (附件4, RULES §8): non-cadre (neither union nor league cadre)
// about 60%, women about 40%, ethnic minorities (not 汉族) about 40%,
// league cadres about 10%, honoured about 30% — "about" meaning within tol
// percentage points either way, boundaries included — and under 25 on the
// congress date at least 30% (不低于, the boundary included, no tolerance).
//
// Everything is judged in integers: count*100 against (target±tol)*total.
// A person with no gender, ethnicity or a usable birth date is counted as
// missing for that line; when the missing could make the line go either
// way its status is Unknown. date is the congress date, YYYY-MM-DD; when it
// is empty the under-25 line's status is NeedsDate (the clock is never
// read). An invalid date is an error.
func Composition(roster []model.Person, date string, tol int) (Report, error) {
	if tol < 0 || tol > 100 {
		return Report{}, fmt.Errorf("the tolerance %d is not between 0 and 100 points", tol)
	}
	if date != "" {
		if _, err := time.Parse(time.DateOnly, date); err != nil {
			return Report{}, fmt.Errorf("the date %q is not a date YYYY-MM-DD", date)
		}
	}
	var formal []model.Person
	for _, p := range roster {
		if p.Kind == model.Formal {
			formal = append(formal, p)
		}
	}
	n := len(formal)
	rep := Report{Date: date, Tolerance: tol, Formal: n}
	tally := func(f func(model.Person) (yes, known bool)) (c, missing int) {
		for _, p := range formal {
			yes, known := f(p)
			switch {
			case !known:
				missing++
			case yes:
				c++
			}
		}
		return c, missing
	}
	about := func(key, name string, target int, f func(model.Person) (bool, bool)) {
		c, m := tally(f)
		lo := model.Fraction{Num: target - tol, Den: 100}
		hi := model.Fraction{Num: target + tol, Den: 100, Strict: true}
		ok := func(x int) bool { return rule.Meets(lo, x, n) && !rule.Meets(hi, x, n) }
		l := Line{Key: key, Name: name, Count: c, Total: n, Missing: m, Percent: Percent(c, n),
			Target: fmt.Sprintf("%d%% ±%d", target, tol)}
		l.Status = judge(ok, c, m, n)
		rep.Lines = append(rep.Lines, note(l))
	}
	about("non_cadre", "非团学干部", 60, func(p model.Person) (bool, bool) { return !p.UnionCadre && !p.LeagueCadre, true })
	about("women", "女性", 40, func(p model.Person) (bool, bool) { return p.Gender == "女", p.Gender != "" })
	about("minorities", "少数民族", 40, func(p model.Person) (bool, bool) {
		e := strings.TrimSpace(p.Ethnicity)
		return e != "汉族" && e != "汉", e != ""
	})
	about("league_cadres", "团干部", 10, func(p model.Person) (bool, bool) { return p.LeagueCadre, true })
	about("honoured", "受表彰", 30, func(p model.Person) (bool, bool) { return p.Honoured, true })

	l := Line{Key: "under_25", Name: "二十五岁以下", Total: n, Target: ">= 30%"}
	if date == "" {
		l.Status, l.Percent, l.Note = NeedsDate, "-", "give the congress date with --date YYYY-MM-DD"
	} else {
		c, m := tally(func(p model.Person) (bool, bool) { return Under(p.BirthDate, 25, date) })
		least := model.Fraction{Num: 30, Den: 100}
		l.Count, l.Missing, l.Percent = c, m, Percent(c, n)
		l.Status = judge(func(x int) bool { return rule.Meets(least, x, n) }, c, m, n)
		l = note(l)
	}
	rep.Lines = append(rep.Lines, l)
	return rep, nil
}

// judge gives OK when every count from c to c+missing passes, Warning when
// none does, Unknown otherwise. The passing counts form an interval, so
// the ends and the interval's bounds decide.
func judge(ok func(int) bool, c, missing, n int) Status {
	if ok(c) && ok(c+missing) {
		return OK
	}
	for x := c; x <= c+missing; x++ { // missing ≤ n: small
		if ok(x) {
			return Unknown
		}
	}
	return Warning
}

// note adds the missing count to a line's note.
func note(l Line) Line {
	if l.Missing > 0 {
		what := "no data"
		switch l.Key {
		case "women":
			what = "no gender"
		case "minorities":
			what = "no ethnicity"
		case "under_25":
			what = "no usable birth date"
		}
		l.Note = fmt.Sprintf("%d with %s, counted as not", l.Missing, what)
	}
	return l
}

// Under reports whether someone born on birth (YYYY-MM-DD) is under age
// years on date (YYYY-MM-DD): yes until the day of that birthday, which for
// 29 February is 1 March in a common year. known is false when birth is
// empty or not a date, or after date.
func Under(birth string, age int, date string) (yes, known bool) {
	b, err := time.Parse(time.DateOnly, strings.TrimSpace(birth))
	if err != nil {
		return false, false
	}
	d, err := time.Parse(time.DateOnly, date)
	if err != nil || b.After(d) {
		return false, false
	}
	// The birthday as a date string compares correctly as text; Feb 29 of
	// a common year sorts after Feb 28 and before Mar 1.
	birthday := fmt.Sprintf("%04d-%02d-%02d", b.Year()+age, int(b.Month()), b.Day())
	return birthday > d.Format(time.DateOnly), true
}

// Percent writes count/total as a percentage with one decimal, rounded
// half up in integers ("15.4%"); "-" when total is 0. For display only.
func Percent(count, total int) string {
	if total <= 0 {
		return "-"
	}
	sign, c := "", int64(count)
	if c < 0 {
		sign, c = "-", -c
	}
	t := (c*1000*2 + int64(total)) / (int64(total) * 2)
	return fmt.Sprintf("%s%d.%d%%", sign, t/10, t%10)
}

// Text writes the report as a table, one line per target.
func (r Report) Text() string {
	var b strings.Builder
	date := r.Date
	if date == "" {
		date = "not given"
	}
	fmt.Fprintf(&b, "Composition of the %d formal delegates (congress date %s, tolerance ±%d points)\n", r.Formal, date, r.Tolerance)
	for _, l := range r.Lines {
		fmt.Fprintf(&b, "  %-6s %-13s %4d/%-4d %6s  target %-7s  %s", padZh(l.Name, 12), l.Key, l.Count, l.Total, l.Percent, l.Target, l.Status)
		if l.Note != "" {
			fmt.Fprintf(&b, " (%s)", l.Note)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// padZh pads s with spaces to width display columns, Chinese characters
// counting two.
func padZh(s string, width int) string {
	w := 0
	for _, r := range s {
		if r >= 0x2E80 {
			w += 2
		} else {
			w++
		}
	}
	if w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}
