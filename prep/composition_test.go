package prep

import (
	"testing"

	"podium/model"
)

// people returns n formal delegates of whom the first k have set applied,
// plus a guest who has it too (guests never count).
func people(n, k int, set func(*model.Person)) []model.Person {
	ps := make([]model.Person, n+1)
	for i := range ps {
		ps[i] = model.Person{Name: "p", Kind: model.Formal, Gender: "男", Ethnicity: "汉族", BirthDate: "1990-01-01", UnionCadre: true}
		if i < k || i == n {
			set(&ps[i])
		}
	}
	ps[n].Kind = model.Guest
	return ps
}

func line(t *testing.T, r Report, key string) Line {
	t.Helper()
	for _, l := range r.Lines {
		if l.Key == key {
			return l
		}
	}
	t.Fatalf("no line %s", key)
	return Line{}
}

func TestCompositionBoundaries(t *testing.T) {
	women := func(p *model.Person) { p.Gender = "女" }
	minority := func(p *model.Person) { p.Ethnicity = "维吾尔族" }
	noncadre := func(p *model.Person) { p.UnionCadre = false }
	league := func(p *model.Person) { p.LeagueCadre = true }
	honoured := func(p *model.Person) { p.Honoured = true }
	young := func(p *model.Person) { p.BirthDate = "2005-01-01" }
	tests := []struct {
		key    string
		n, k   int
		set    func(*model.Person)
		tol    int
		status Status
	}{
		{"women", 100, 35, women, 5, OK},
		{"women", 100, 34, women, 5, Warning},
		{"women", 100, 45, women, 5, OK},
		{"women", 100, 46, women, 5, Warning},
		{"women", 122, 43, women, 5, OK},      // 4300 >= 35*122 = 4270
		{"women", 122, 42, women, 5, Warning}, // 4200 < 4270
		{"women", 122, 54, women, 5, OK},      // 5400 <= 45*122 = 5490
		{"women", 122, 55, women, 5, Warning}, // 5500 > 5490
		{"women", 100, 37, women, 3, OK},
		{"women", 100, 36, women, 3, Warning},
		{"women", 100, 40, women, 0, OK},
		{"women", 100, 41, women, 0, Warning},
		{"minorities", 100, 35, minority, 5, OK},
		{"minorities", 100, 46, minority, 5, Warning},
		{"non_cadre", 100, 55, noncadre, 5, OK},
		{"non_cadre", 100, 54, noncadre, 5, Warning},
		{"non_cadre", 100, 65, noncadre, 5, OK},
		{"non_cadre", 100, 66, noncadre, 5, Warning},
		{"league_cadres", 100, 5, league, 5, OK},
		{"league_cadres", 100, 4, league, 5, Warning},
		{"league_cadres", 100, 15, league, 5, OK},
		{"league_cadres", 100, 16, league, 5, Warning},
		{"honoured", 100, 25, honoured, 5, OK},
		{"honoured", 100, 24, honoured, 5, Warning},
		{"honoured", 100, 35, honoured, 5, OK},
		{"honoured", 100, 36, honoured, 5, Warning},
		{"under_25", 100, 30, young, 5, OK},      // 不低于 30%: the boundary passes
		{"under_25", 100, 29, young, 5, Warning}, // no tolerance for "at least"
		{"under_25", 100, 100, young, 5, OK},
		{"under_25", 122, 37, young, 5, OK},      // 3700 >= 3660
		{"under_25", 122, 36, young, 5, Warning}, // 3600 < 3660
	}
	for _, tt := range tests {
		r, err := Composition(people(tt.n, tt.k, tt.set), "2026-11-30", tt.tol)
		if err != nil {
			t.Fatal(err)
		}
		l := line(t, r, tt.key)
		if l.Count != tt.k || l.Total != tt.n || l.Status != tt.status {
			t.Errorf("%s %d/%d ±%d: got %d/%d %s, want %s", tt.key, tt.k, tt.n, tt.tol, l.Count, l.Total, l.Status, tt.status)
		}
	}
}

func TestCompositionMissing(t *testing.T) {
	ps := people(100, 29, func(p *model.Person) { p.BirthDate = "2005-01-01" })
	ps[50].BirthDate = "" // one unknown could make 30
	r, _ := Composition(ps, "2026-11-30", 5)
	if l := line(t, r, "under_25"); l.Status != Unknown || l.Missing != 1 || l.Note == "" {
		t.Errorf("one missing birth date at 29: %+v, want cannot verify", l)
	}
	ps = people(100, 28, func(p *model.Person) { p.BirthDate = "2005-01-01" })
	ps[50].BirthDate = "not a date"
	r, _ = Composition(ps, "2026-11-30", 5)
	if l := line(t, r, "under_25"); l.Status != Warning || l.Missing != 1 {
		t.Errorf("one missing at 28: %+v, want warning", l)
	}
	ps = people(100, 40, func(p *model.Person) { p.Gender = "女" })
	for i := 60; i < 70; i++ {
		ps[i].Gender = ""
	}
	r, _ = Composition(ps, "2026-11-30", 5)
	if l := line(t, r, "women"); l.Status != Unknown || l.Missing != 10 {
		t.Errorf("40 women, 10 unknown: %+v, want cannot verify", l)
	}
	r, _ = Composition(ps, "", 5)
	if l := line(t, r, "under_25"); l.Status != NeedsDate {
		t.Errorf("no date: %+v, want needs --date", l)
	}
	if _, err := Composition(ps, "2026-13-01", 5); err == nil {
		t.Error("a bad date is accepted")
	}
	if _, err := Composition(ps, "", -1); err == nil {
		t.Error("a negative tolerance is accepted")
	}
}

func TestUnder(t *testing.T) {
	for _, tt := range []struct {
		birth, date string
		yes, known  bool
	}{
		{"2001-12-01", "2026-11-30", true, true},
		{"2001-11-30", "2026-11-30", false, true}, // 25 today
		{"2001-11-29", "2026-11-30", false, true},
		{"2004-02-29", "2029-02-28", true, true}, // a leap-day birthday falls on 1 March
		{"2004-02-29", "2029-03-01", false, true},
		{"", "2026-11-30", false, false},
		{"2001/12/01", "2026-11-30", false, false},
		{"2027-01-01", "2026-11-30", false, false}, // born after the congress
	} {
		yes, known := Under(tt.birth, 25, tt.date)
		if yes != tt.yes || known != tt.known {
			t.Errorf("Under(%s, 25, %s) = %v, %v; want %v, %v", tt.birth, tt.date, yes, known, tt.yes, tt.known)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, tt := range []struct {
		c, n int
		want string
	}{{2, 13, "15.4%"}, {73, 122, "59.8%"}, {1, 8, "12.5%"}, {1, 3, "33.3%"}, {2, 3, "66.7%"}, {0, 0, "-"}, {-1, 5, "-20.0%"}} {
		if got := Percent(tt.c, tt.n); got != tt.want {
			t.Errorf("Percent(%d, %d) = %s, want %s", tt.c, tt.n, got, tt.want)
		}
	}
}

func TestSurplus(t *testing.T) {
	got := DelegateSurplus([]UnitCandidates{{"A", 10, 12}, {"B", 10, 11}, {"C", 5, 6}, {"D", 4, 4}, {"E", 0, 0}})
	want := []Status{OK, Warning, OK, Warning, OK} // 1200 >= 1200; 1100 < 1200; 600 >= 600
	for i, s := range got {
		if s.Status != want[i] || !s.Required {
			t.Errorf("%s %d for %d: %s, want %s", s.Unit, s.Candidates, s.Seats, s.Status, want[i])
		}
	}
	if c := CommitteeSurplus(model.Election{Method: model.Method{Seats: 3}, Candidates: make([]model.Candidate, 3)}); c.Status != Warning {
		t.Errorf("3 for 3: %+v, want a warning (no 差额)", c)
	}
}
