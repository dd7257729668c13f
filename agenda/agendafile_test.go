package agenda

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestAgendaTemplateIsTheDemo(t *testing.T) {
	a, err := ParseAgenda("agenda.toml", AgendaTemplate())
	if err != nil {
		t.Fatal(err)
	}
	d := Demo()
	if !reflect.DeepEqual(a.Meeting, d.Meeting) {
		t.Errorf("template meeting\n%+v\ndemo\n%+v", a.Meeting, d.Meeting)
	}
	if !reflect.DeepEqual(a.Items, StandardAgenda()) {
		t.Errorf("template items %+v", a.Items)
	}
	s := a.Setup(d.Roster)
	if s.Meeting != d.Meeting || len(s.Roster) != len(d.Roster) || !reflect.DeepEqual(s.Agenda, d.Agenda) || s.Demo {
		t.Errorf("Setup: %+v", s.Meeting)
	}
}

func TestReadAgendaDefaults(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.toml")
	src := "\uFEFF[meeting]\nname = \"某学院第一次学生代表大会\"\ndate = \"2026-05-04\"\n" +
		"election_quorum = \"2/3\"\ncharter_strict = true\n\n" +
		"[[item]]\nkind = \"preparatory\"\n\n[[item]]\nkind = \"Election\"\ntitle = \"选举\"\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := ReadAgenda(path)
	if err != nil {
		t.Fatal(err)
	}
	want := DefaultMeeting("某学院第一次学生代表大会")
	want.Date = "2026-05-04"
	want.ElectionQuorum = Fraction{2, 3, true} // strictness kept from the default
	want.Charter.Strict = true
	if !reflect.DeepEqual(a.Meeting, want) {
		t.Errorf("meeting %+v\nwant %+v", a.Meeting, want)
	}
	items := []Item{{ItemPreparatory, "预备会议", "Preparatory meeting"}, {ItemElection, "选举", ""}}
	if !reflect.DeepEqual(a.Items, items) {
		t.Errorf("items %+v", a.Items)
	}
	// No items: the standard agenda.
	a, err = ParseAgenda("b.toml", []byte("[meeting]\nname = \"x\"\n"))
	if err != nil || !reflect.DeepEqual(a.Items, StandardAgenda()) {
		t.Errorf("%v %+v", err, a.Items)
	}
	if _, err := ReadAgenda(filepath.Join(dir, "missing.toml")); err == nil {
		t.Error("missing file read")
	}
}

func TestReadAgendaBad(t *testing.T) {
	const head = "[meeting]\nname = \"x\"\n" // lines 1–2
	tests := []struct {
		name, src string
		line      int
		key       string
		reason    string
	}{
		{"syntax", head + "place = \n", 3, "", "not valid TOML"},
		{"duplicate key", head + "name = \"y\"\n", 3, "", "not valid TOML"},
		{"improper fraction", head + "\nopening_quorum = \"3/2\"\n", 4, "meeting.opening_quorum", "between 0 and 1"},
		{"letters", head + "ordinary = \"a/b\"\n", 3, "meeting.ordinary", "is not a fraction"},
		{"zero den", head + "charter = \"1/0\"\n", 3, "meeting.charter", "between 0 and 1"},
		{"number fraction", head + "charter = 0.5\n", 3, "meeting.charter", "must be a string fraction"},
		{"strict not bool", head + "ordinary_strict = \"yes\"\n", 3, "meeting.ordinary_strict", "must be true"},
		{"unknown meeting key", head + "chairman = \"z\"\n", 3, "meeting.chairman", "is not a key of [meeting]"},
		{"unknown table", head + "\n[election]\nseats = 13\n", 4, "election", "is not a key of an agenda file"},
		{"unknown top key", "title = \"t\"\n" + head, 1, "title", "is not a key of an agenda file"},
		{"no meeting", "[[item]]\nkind = \"opening\"\n", 0, "meeting", "no [meeting]"},
		{"no name", "[meeting]\nplace = \"p\"\n", 1, "meeting", "has no name"},
		{"name not string", "[meeting]\nname = 3\n", 2, "meeting.name", "must be a string"},
		{"bad date", head + "date = \"2026-02-30\"\n", 3, "meeting.date", "real calendar date"},
		{"datetime", head + "date = 2026-11-30T09:00:00Z\n", 3, "meeting.date", "without time"},
		{"unknown kind", head + "[[item]]\nkind = \"opening\"\n\n[[item]]\ntitle = \"t\"\nkind = \"party\"\n", 8, "item[2].kind", "is not an item kind"},
		{"item without kind", head + "[[item]]\nkind = \"opening\"\n[[item]]\ntitle = \"t\"\n", 5, "item[2]", "has no kind"},
		{"unknown item key", head + "[[item]]\nkind = \"opening\"\nspeaker = \"s\"\n", 5, "item[1].speaker", "is not a key of [[item]]"},
		{"item not a table", "item = [1, 2]\n" + head, 1, "item", "[[item]]"},
		{"meeting not a table", "meeting = \"m\"\n", 1, "meeting", "must be a table"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseAgenda("agenda.toml", []byte(tc.src))
			if !reflect.DeepEqual(a, AgendaFile{}) {
				t.Errorf("returned %+v with an error", a)
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *FileError", err)
			}
			if fe.File != "agenda.toml" || fe.Line != tc.line || (tc.key != "" && fe.Key != tc.key) || !strings.Contains(fe.Reason, tc.reason) {
				t.Errorf("got line %d key %q reason %q\n(%v)\nwant line %d key %q reason ~%q", fe.Line, fe.Key, fe.Reason, err, tc.line, tc.key, tc.reason)
			}
		})
	}
}

func TestAgendaErrorMessage(t *testing.T) {
	_, err := ParseAgenda("agenda.toml", []byte("[meeting]\nname = \"x\"\nopening_quorum = \"3/2\"\n"))
	want := `agenda.toml line 3, key meeting.opening_quorum: "3/2" is not a fraction between 0 and 1 (n/d with 0 ≤ n ≤ d, 0 < d ≤ 1000)`
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

func TestStandardAgenda(t *testing.T) {
	items := StandardAgenda()
	kinds := ItemKinds()
	if len(items) != len(kinds) {
		t.Fatalf("%d items for %d kinds", len(items), len(kinds))
	}
	for i, it := range items {
		if it.Kind != kinds[i] || it.Title == "" || it.TitleEn == "" || !it.Kind.Valid() {
			t.Errorf("item %d: %+v", i, it)
		}
	}
	if ItemKind("party").Valid() {
		t.Error("unknown kind valid")
	}
}

func FuzzReadAgenda(f *testing.F) {
	f.Add(AgendaTemplate())
	f.Add([]byte("[meeting]\nname = \"x\"\nopening_quorum = \"3/2\"\n[[item]]\nkind = \"opening\"\n"))
	f.Add([]byte("meeting.name = \"x\"\nmeeting.date = 2026-11-30\nitem = [{kind = \"closing\"}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseAgenda("fuzz.toml", data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || !reflect.DeepEqual(a, AgendaFile{}) {
				t.Fatalf("error %v (%T) with %+v", err, err, a)
			}
			return
		}
		m := a.Meeting
		if m.Name == "" || len(a.Items) == 0 {
			t.Fatalf("accepted without name or items: %+v", a)
		}
		for _, f := range []Fraction{m.OpeningQuorum, m.ElectionQuorum, m.Ordinary, m.Charter} {
			if !f.Valid() {
				t.Fatalf("invalid fraction %v accepted", f)
			}
		}
		for _, it := range a.Items {
			if !it.Kind.Valid() || it.Title == "" {
				t.Fatalf("bad item accepted: %+v", it)
			}
		}
	})
}

func TestReadAgendaInlineItems(t *testing.T) {
	a, err := ParseAgenda("c.toml", []byte("meeting = {name = \"x\", date = 2026-11-30}\nitem = [{kind = \"closing\"}, {kind = \"opening\", title = \"开幕\"}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Meeting.Date != "2026-11-30" || len(a.Items) != 2 || a.Items[0].Title != "闭幕式" || a.Items[1].Title != "开幕" {
		t.Errorf("%+v", a)
	}
}
