package files

import (
	"podium/model"

	"bytes"
	"reflect"
	"strings"
	"testing"
)

// byName returns the only person of that name, or nil.
func byName(roster []model.Person, name string) *model.Person {
	var found *model.Person
	for i := range roster {
		if roster[i].Name == name {
			if found != nil {
				return nil
			}
			found = &roster[i]
		}
	}
	return found
}

func TestDemoRosterParsesCleanly(t *testing.T) {
	ps, err := ReadRosterCSV("demo/roster.csv", bytes.NewReader(demoRosterCSV))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 129 {
		t.Fatalf("demo roster has %d people, want 129", len(ps))
	}
}

func TestDemo(t *testing.T) {
	s := Demo()
	byID := map[string]model.Person{}
	units := map[string]int{}
	kinds := map[model.Kind]int{}
	names := map[string][]string{}
	dotted := 0
	for _, p := range s.Roster {
		if p.ID == "" || p.Name == "" || p.Unit == "" {
			t.Errorf("incomplete person %+v", p)
		}
		if _, dup := byID[p.ID]; dup {
			t.Errorf("id %s repeated", p.ID)
		}
		byID[p.ID] = p
		kinds[p.Kind]++
		if p.Kind == model.Formal {
			units[p.Unit]++
		}
		names[p.Name] = append(names[p.Name], p.Unit)
		if strings.Contains(p.Name, "·") {
			dotted++
		}
		for _, s := range seedNames {
			if p.Name == s {
				t.Errorf("%s is a real person of the seed", p.Name)
			}
		}
	}
	if kinds[model.Formal] != 122 || kinds[model.Observer] != 4 || kinds[model.Guest] != 3 {
		t.Errorf("kinds %v, want 122 formal, 4 observers, 3 guests", kinds)
	}
	if len(units) != 8 {
		t.Errorf("%d electoral units, want 8: %v", len(units), units)
	}
	dups := 0
	for n, us := range names {
		if len(us) > 1 {
			dups++
			if len(us) != 2 || us[0] == us[1] {
				t.Errorf("name %s shared by %v, want two people in different units", n, us)
			}
		}
	}
	if dups != 1 {
		t.Errorf("%d shared names, want exactly 1", dups)
	}
	if dotted < 15 {
		t.Errorf("%d names with ·, want about 15%%", dotted)
	}

	e := s.Election
	if e == nil {
		t.Fatal("no election")
	}
	if len(e.Candidates) != 15 || e.Method.Seats != 13 {
		t.Errorf("%d candidates for %d seats, want 15 for 13", len(e.Candidates), e.Method.Seats)
	}
	sum := 0
	perCat := map[string]int{}
	for _, c := range e.Method.Categories {
		sum += c.Seats
		perCat[c.Name] = 0
	}
	if sum != e.Method.Seats {
		t.Errorf("categories sum to %d, seats %d", sum, e.Method.Seats)
	}
	seen := map[string]bool{}
	for _, c := range e.Candidates {
		p, ok := byID[c.PersonID]
		if !ok || p.Kind != model.Formal || p.Name != c.Name {
			t.Errorf("candidate %+v does not link to a formal delegate of that name", c)
		}
		if seen[c.PersonID] {
			t.Errorf("candidate %s listed twice", c.PersonID)
		}
		seen[c.PersonID] = true
		if _, ok := perCat[c.Category]; !ok {
			t.Errorf("candidate %s in unknown category %q", c.Name, c.Category)
		}
		perCat[c.Category]++
	}
	for _, c := range e.Method.Categories {
		if perCat[c.Name] < c.Seats {
			t.Errorf("category %s has %d candidates for %d seats", c.Name, perCat[c.Name], c.Seats)
		}
	}
	m := s.Meeting
	if m.Name == "" || m.NameEn == "" || m.Date != "2026-11-30" || m.Place == "" || m.Chair == "" || m.Recorder == "" {
		t.Errorf("meeting incomplete: %+v", m)
	}
	if !s.Demo {
		t.Error("Demo does not mark itself")
	}
	if strings.Contains(m.Name, "昌吉") {
		t.Error("the demo must not impersonate the seed's college")
	}
	// The standard agenda, with the outgoing chair (an observer of the
	// outgoing union, no delegate) presenting the work report.
	std := model.StandardAgenda()
	if len(s.Agenda) != len(std) {
		t.Fatalf("agenda has %d items, want %d", len(s.Agenda), len(std))
	}
	for i, it := range s.Agenda {
		want := std[i]
		if it.Kind == model.ItemReport {
			want.Presenter = it.Presenter
			if p := byName(s.Roster, it.Presenter); p == nil || p.Kind != model.Observer || p.Unit != "校学生会" {
				t.Errorf("report presented by %q, want an observer of the outgoing union", it.Presenter)
			}
		}
		if !reflect.DeepEqual(it, want) {
			t.Errorf("item %d: %+v\nwant %+v", i, it, want)
		}
	}
	// Demo returns fresh copies.
	s.Roster[0].Name = "changed"
	if Demo().Roster[0].Name == "changed" {
		t.Error("Demo shares its roster between calls")
	}
}

// TestDemoComposition checks the seed's targets (RULES §8), as the
// secretary's credentials report would.
func TestDemoComposition(t *testing.T) {
	var formal, women, minority, league, honoured, nonCadre, under25 int
	for _, p := range Demo().Roster {
		if p.Kind != model.Formal {
			continue
		}
		formal++
		if p.Gender == "女" {
			women++
		}
		if p.Ethnicity != "汉族" {
			minority++
		}
		if p.LeagueCadre {
			league++
		}
		if p.Honoured {
			honoured++
		}
		if !p.UnionCadre && !p.LeagueCadre {
			nonCadre++
		}
		if p.BirthDate > "2001-11-30" { // under 25 on 2026-11-30
			under25++
		}
		if p.BirthDate < "2000-01-01" || p.BirthDate > "2006-12-31" {
			t.Errorf("%s born %s", p.Name, p.BirthDate)
		}
	}
	near := func(what string, n, pct int) {
		if d := n*100 - pct*formal; d < -3*formal || d > 3*formal {
			t.Errorf("%s: %d of %d, want about %d%%", what, n, formal, pct)
		}
	}
	near("women", women, 40)
	near("minorities", minority, 40)
	near("league cadres", league, 10)
	near("honoured", honoured, 30)
	near("non-cadre", nonCadre, 60)
	if under25*10 < formal*3 {
		t.Errorf("under 25: %d of %d, want at least 30%%", under25, formal)
	}
}
