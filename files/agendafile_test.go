package files

import (
	"podium/words"

	"podium/model"

	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
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
	if !reflect.DeepEqual(a.Items, d.Agenda) {
		t.Errorf("template items\n%+v\ndemo\n%+v", a.Items, d.Agenda)
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
		"[[item]]\nkind = \"preparatory\"\n\n[[item]]\nkind = \"Election\"\ntitle = \"选举\"\nmethod = \"m.toml\"\ncandidates = \"c.csv\"\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := ReadAgenda(path)
	if err != nil {
		t.Fatal(err)
	}
	want := model.DefaultMeeting("某学院第一次学生代表大会")
	want.Date = "2026-05-04"
	want.ElectionQuorum = model.Fraction{Num: 2, Den: 3, Strict: true} // strictness kept from the default
	want.Charter.Strict = true
	if !reflect.DeepEqual(a.Meeting, want) {
		t.Errorf("meeting %+v\nwant %+v", a.Meeting, want)
	}
	items := []model.Item{{Kind: model.ItemPreparatory, Title: "预备会议", TitleEn: "Preparatory meeting"}, {Kind: model.ItemElection, Title: "选举"}}
	if !reflect.DeepEqual(a.Items, items) {
		t.Errorf("items %+v", a.Items)
	}
	// No items: the standard agenda, without its election item.
	a, err = ParseAgenda("b.toml", []byte("[meeting]\nname = \"x\"\n"))
	if err != nil || !reflect.DeepEqual(a.Items, StandardAgendaNoElection()) || len(a.Items) != len(model.StandardAgenda())-1 {
		t.Errorf("%v %+v", err, a.Items)
	}
	if _, err := ReadAgenda(filepath.Join(dir, "missing.toml")); err == nil {
		t.Error("missing file read")
	}
}

func TestReadAgendaBad(t *testing.T) {
	const head = "[meeting]\nname = \"x\"\n" // lines 1–2
	// A resolution item of 6 lines; after head, lines 3–8: [[item]] 3,
	// kind 4, [item.resolution] 5, text 6, kind 7, method 8.
	const res = "[[item]]\nkind = \"resolution\"\n[item.resolution]\ntext = \"t\"\nkind = \"ordinary\"\nmethod = \"hands\"\n"
	report := func(line string) string { return head + "[[item]]\nkind = \"report\"\n" + line + "\n" } // line 5
	review := func(line string) string { return head + "[[item]]\nkind = \"review\"\n" + line + "\n" } // line 5
	// An election item linking both files: lines 3–6 after head.
	const election = "[[item]]\nkind = \"election\"\nmethod = \"m.toml\"\ncandidates = \"c.csv\"\n"
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

		{"vote base valid", head + "vote_base = \"valid\"\n", 3, "meeting.vote_base", `must be "expected"`},
		{"vote base number", head + "vote_base = 1\n", 3, "meeting.vote_base", `must be "expected"`},
		{"answer days zero", head + "answer_days = 0\n", 3, "meeting.answer_days", "from 1 to 365"},
		{"answer days a year and more", head + "answer_days = 366\n", 3, "meeting.answer_days", "from 1 to 365"},
		{"answer days string", head + "answer_days = \"14\"\n", 3, "meeting.answer_days", "from 1 to 365"},
		{"time zone a name", head + "time_zone = \"Asia/Shanghai\"\n", 3, "meeting.time_zone", `such as "+08:00"`},
		{"time zone hours", head + "time_zone = \"+15:00\"\n", 3, "meeting.time_zone", `such as "+08:00"`},
		{"time zone number", head + "time_zone = 8\n", 3, "meeting.time_zone", `such as "+08:00"`},

		{"minutes negative", report("minutes = -1"), 5, "item[1].minutes", "from 0 to 1440"},
		{"minutes over a day", report("minutes = 1441"), 5, "item[1].minutes", "from 0 to 1440"},
		{"minutes float", report("minutes = 1.5"), 5, "item[1].minutes", "whole number"},
		{"minutes string", report("minutes = \"30\""), 5, "item[1].minutes", "whole number"},
		{"presenter number", report("presenter = 1"), 5, "item[1].presenter", "must be a string"},
		{"presenter tab", report("presenter = \"a\\tb\""), 5, "item[1].presenter", "control character"},

		{"unknown placeholder", report("script = \"下面请{speaker}发言\""), 5, "item[1].script", "is not a placeholder"},
		{"capital placeholder", report("script_en = \"{Expected} delegates\""), 5, "item[1].script_en", "is not a placeholder"},
		{"unclosed placeholder", report("script_en = \"Now {present\""), 5, "item[1].script_en", "not closed"},
		{"placeholder across lines", report("script = \"\"\"\n{pre\nsent}\"\"\""), 5, "item[1].script", "not closed"},
		{"lone brace", report("script = \"a}b\""), 5, "item[1].script", "closes no placeholder"},
		{"full-width braces", report("script = \"应到｛expected｝名\""), 5, "item[1].script", "full-width braces"},
		{"tab in script", report("script = \"a\\tb\""), 5, "item[1].script", "control character"},
		{"script number", report("script = 1"), 5, "item[1].script", "must be a string"},

		{"resolution without table", head + "[[item]]\nkind = \"opening\"\n[[item]]\nkind = \"resolution\"\ntitle = \"决议\"\n",
			5, "item[2]", "without the vote"},
		{"resolution on a report", head + "[[item]]\nkind = \"report\"\n[item.resolution]\ntext = \"t\"\n",
			5, "item[1].resolution", "only for an item of kind resolution"},
		{"second resolution bad kind", head + res + strings.Replace(res, "ordinary", "majority", 1),
			13, "item[2].resolution.kind", "is not a kind of resolution"},
		{"bad method", head + strings.Replace(res, "hands", "acclaim", 1), 8, "item[1].resolution.method", "is not a method"},
		{"unknown resolution key", head + res + "threshold = \"2/3\"\n", 9, "item[1].resolution.threshold", "is not a key of [item.resolution]"},
		{"resolution text number", head + strings.Replace(res, `"t"`, "5", 1), 6, "item[1].resolution.text", "must be a string"},
		{"resolution without text", head + strings.Replace(res, "text = \"t\"\n", "", 1), 5, "item[1].resolution", "has no text"},
		{"resolution without kind", head + strings.Replace(res, "kind = \"ordinary\"\n", "", 1), 5, "item[1].resolution", "has no kind"},
		{"resolution without method", head + strings.Replace(res, "method = \"hands\"\n", "", 1), 5, "item[1].resolution", "has no method"},
		{"resolution not a table", head + "[[item]]\nkind = \"resolution\"\nresolution = \"x\"\n", 5, "item[1].resolution", "must be a table"},
		{"inline resolution bad kind", head + "[[item]]\nkind = \"resolution\"\nresolution = {text = \"t\", kind = \"x\", method = \"hands\"}\n",
			5, "item[1].resolution.kind", "is not a kind of resolution"},
		{"officers on a report", report(`officers = ["主席 王芳"]`), 5, "item[1].officers", "only for an item of kind review"},
		{"officers a string", review(`officers = "主席 王芳"`), 5, "item[1].officers", "must be a list of strings"},
		{"officers empty", review(`officers = []`), 5, "item[1].officers", "lists no officer"},
		{"officers tables", review(`officers = [{name = "王芳"}]`), 5, "item[1].officers[1]", "must be a string"},
		{"officer a number", review(`officers = ["主席 王芳", 3]`), 5, "item[1].officers[2]", "must be a string"},
		{"officer blank", review(`officers = ["主席 王芳", "　 "]`), 5, "item[1].officers[2]", "is empty"},
		{"officer tab", review(`officers = ["主席\t王芳"]`), 5, "item[1].officers[1]", "control character"},
		{"officer twice", review("officers = [\n  \"主席 王芳\",\n  \"学习部部长 李强\",\n  \"主席  王芳\",\n]"),
			8, "item[1].officers[3]", "listed twice (also officers[1])"},
		{"officer twice verbatim", review("officers = [\n\"李强\",\n\"李强\",\n]"), 7, "item[1].officers[2]", "listed twice"},
		{"method on a resolution", head + strings.Replace(res, "[item.resolution]", "method = \"m.toml\"\n[item.resolution]", 1),
			5, "item[1].method", "only for an item of kind election"},
		{"candidates on a review", review(`candidates = "c.csv"`), 5, "item[1].candidates", "only for an item of kind election"},
		{"method without candidates", head + strings.Replace(election, "candidates = \"c.csv\"\n", "", 1), 5, "item[1].method", "needs candidates"},
		{"candidates without method", head + strings.Replace(election, "method = \"m.toml\"\n", "", 1), 5, "item[1].candidates", "needs method"},
		{"method a number", head + strings.Replace(election, `"m.toml"`, "13", 1), 5, "item[1].method", "must be a string"},
		{"candidates blank", head + strings.Replace(election, `"c.csv"`, `" "`, 1), 6, "item[1].candidates", "is empty"},
		{"two elections", head + election + election, 9, "item[2].method", "links a second election (item[1]"},
		{"speech seconds too short", head + "speech_seconds = 5\n", 3, "meeting.speech_seconds", "from 10 to 3600"},
		{"short seconds a string", head + "short_seconds = \"1:00\"\n", 3, "meeting.short_seconds", "whole number of seconds"},
		{"fair order a string", head + "fair_order = \"yes\"\n", 3, "meeting.fair_order", "true or false"},
		{"item speech seconds", report("speech_seconds = 3601"), 5, "item[1].speech_seconds", "from 10 to 3600"},
		{"in groups a number", report("in_groups = 1"), 5, "item[1].in_groups", "true or false"},
		{"group without name", report("[[item.group]]\nunits = [\"甲\"]"), 5, "item[1].group[1]", "has no name"},
		{"group without units", report("[[item.group]]\nname = \"一组\""), 5, "item[1].group[1].units", "must list the group's electoral units"},
		{"group units empty", report("[[item.group]]\nname = \"一组\"\nunits = []"), 7, "item[1].group[1].units", "must list"},
		{"group unit a number", report("[[item.group]]\nname = \"一组\"\nunits = [1]"), 7, "item[1].group[1].units", "list of strings"},
		{"group names twice", report("[[item.group]]\nname = \"一组\"\nunits = [\"甲\"]\n[[item.group]]\nname = \"一组\"\nunits = [\"乙\"]"),
			9, "item[1].group[2].name", "names group[1] too"},
		{"a unit in two groups", report("[[item.group]]\nname = \"一组\"\nunits = [\"甲\"]\n[[item.group]]\nname = \"二组\"\nunits = [\"乙\", \"甲\"]"),
			10, "item[1].group[2].units", "is in group[1] already"},
		{"groups but not in groups", report("in_groups = false\n[[item.group]]\nname = \"一组\"\nunits = [\"甲\"]"),
			5, "item[1].in_groups", "names its groups"},
		{"unknown group key", report("[[item.group]]\nname = \"一组\"\nunits = [\"甲\"]\nleader = \"x\""), 8, "item[1].group[1].leader", "is not a key of [[item.group]]"},
		{"group not a table", report("group = \"一组\""), 5, "item[1].group", "must be [[item.group]] tables"},
		{"dotted resolution bad method", head + "[[item]]\nkind = \"resolution\"\nresolution.text = \"t\"\nresolution.kind = \"charter\"\nresolution.method = \"raise\"\n",
			7, "item[1].resolution.method", "is not a method"},
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
	_, err = ParseAgenda("agenda.toml", []byte("[meeting]\nname = \"x\"\n[[item]]\nkind = \"report\"\nscript = \"下面请{speaker}作报告\"\n"))
	want = `agenda.toml line 5, key item[1].script: "{speaker}" is not a placeholder of the host's script (known: meeting, chair,`
	var se *words.ScriptError
	if err == nil || !strings.HasPrefix(err.Error(), want) || !errors.As(err, &se) || se.Token != "{speaker}" {
		t.Errorf("got  %v\nwant %s…", err, want)
	}
}

func TestReadAgendaFull(t *testing.T) {
	src := "[meeting]\nname = \"某学院第一次学生代表大会\"\nvote_base = \"Present\"\nanswer_days = 7\ntime_zone = \"+06:00\"\n\n" +
		"[[item]]\nkind = \"procedure\"\nminutes = 0\nscript = \"\"\"\r\n  全体起立。\r\n{{奏国歌}}\r\n\"\"\"\n\n" +
		"[[item]]\nkind = \"report\"\ntitle = \"工作报告\"\npresenter = \"  李 明 \"\nminutes = 1440\n" +
		"script = \"请{presenter}作报告（{ minutes }分钟）\"\nscript_en = \"{presenter} reports\"\n\n" +
		"[[item]]\nkind = \"resolution\"\ntitle = \"修改章程\"\n[item.resolution]\ntext = \"通过章程修正案。\"\nkind = \"Charter\"\nmethod = \"BALLOT\"\n\n" +
		"[[item]]\nkind = \"resolution\"\nresolution = {text = \"决议\", text_en = \"Resolution\", kind = \"ordinary\", method = \"hands\"}\n\n" +
		"[[item]]\nkind = \"resolution\"\nresolution.text = \"提案\"\nresolution.kind = \"ordinary\"\nresolution.method = \"hands\"\n\n" +
		"[[item]]\nkind = \"review\"\n"
	a, err := ParseAgenda("full.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := model.DefaultMeeting("某学院第一次学生代表大会")
	want.VoteBase, want.AnswerDays, want.TimeZone = model.BasePresent, 7, "+06:00"
	if a.Meeting != want {
		t.Errorf("meeting %+v\nwant %+v", a.Meeting, want)
	}
	items := []model.Item{
		{Kind: model.ItemProcedure, Title: "程序事项", TitleEn: "Procedure", Script: "全体起立。\n{{奏国歌}}"},
		{Kind: model.ItemReport, Title: "工作报告", Presenter: "李明", Minutes: 1440,
			Script: "请{presenter}作报告（{ minutes }分钟）", ScriptEn: "{presenter} reports"},
		{Kind: model.ItemResolution, Title: "修改章程", Resolution: &model.ResolutionSpec{Text: "通过章程修正案。", Kind: model.VoteCharter, Method: model.VoteBallot}},
		{Kind: model.ItemResolution, Title: "关于学生会工作报告的决议", TitleEn: "Resolution on the work report",
			Resolution: &model.ResolutionSpec{Text: "决议", TextEn: "Resolution", Kind: model.VoteOrdinary, Method: model.VoteHands}},
		{Kind: model.ItemResolution, Title: "关于学生会工作报告的决议", TitleEn: "Resolution on the work report",
			Resolution: &model.ResolutionSpec{Text: "提案", Kind: model.VoteOrdinary, Method: model.VoteHands}},
		{Kind: model.ItemReview, Title: "述职评议", TitleEn: "Officers' reports and their review"},
	}
	if !reflect.DeepEqual(a.Items, items) {
		t.Errorf("items\n%+v\nwant\n%+v", a.Items, items)
	}
	got, err := words.RenderScript(words.HostScript(a.Items[1], "zh"), map[string]string{"presenter": "李明", "minutes": "30"})
	if err != nil || got != "请李明作报告（30分钟）" {
		t.Errorf("rendered %q, %v", got, err)
	}
	if got, _ := words.RenderScript(a.Items[0].Script, nil); got != "全体起立。\n{奏国歌}" {
		t.Errorf("rendered %q", got)
	}
}

func TestStandardAgenda(t *testing.T) {
	items := model.StandardAgenda()
	seen := map[model.ItemKind]int{}
	for i, it := range items {
		seen[it.Kind]++
		if err := checkItem(it); err != "" {
			t.Errorf("item %d %s: %s", i, it.Title, err)
		}
		if it.TitleEn == "" || it.Minutes == 0 || it.Presenter != "" {
			t.Errorf("item %d: %+v (want an English title, planned minutes, no presenter)", i, it)
		}
	}
	// RULES §10 around the seed's two tasks: hear and deliberate the work
	// report, elect the committee; opened and closed.
	for _, k := range []model.ItemKind{model.ItemPreparatory, model.ItemOpening, model.ItemReport, model.ItemDeliberation, model.ItemQuestioning,
		model.ItemMotions, model.ItemResolution, model.ItemElection, model.ItemClosing, model.ItemProcedure} {
		if seen[k] == 0 {
			t.Errorf("no %s item", k)
		}
	}
	if items[0].Kind != model.ItemPreparatory || items[len(items)-1].Kind != model.ItemClosing {
		t.Errorf("agenda runs from %s to %s", items[0].Kind, items[len(items)-1].Kind)
	}
	items[7].Resolution.Text = "changed"
	if model.StandardAgenda()[7].Resolution.Text == "changed" {
		t.Error("StandardAgenda shares its resolutions between calls")
	}
	if model.ItemKind("party").Valid() || model.VoteKind("majority").Valid() || model.VoteMethod("acclaim").Valid() {
		t.Error("unknown kind or method valid")
	}
	for _, k := range model.ItemKinds() {
		if zh, en := model.DefaultTitle(k); zh == "" || en == "" {
			t.Errorf("no default title for %s", k)
		}
	}
	if zh, en := model.DefaultTitle("party"); zh != "" || en != "" {
		t.Error("default title of an unknown kind")
	}
}

// checkItem reports what makes an item unusable, or "": the invariants
// ParseAgenda guarantees.
func checkItem(it model.Item) string {
	switch {
	case !it.Kind.Valid():
		return "invalid kind"
	case it.Title == "":
		return "no title"
	case it.Minutes < 0 || it.Minutes > model.MaxMinutes:
		return "minutes out of range"
	case (it.Kind == model.ItemResolution) != (it.Resolution != nil):
		return "resolution table on the wrong kind"
	case it.Resolution != nil && (it.Resolution.Text == "" || !it.Resolution.Kind.Valid() || !it.Resolution.Method.Valid()):
		return "incomplete resolution"
	case words.CheckScript(it.Script) != nil || words.CheckScript(it.ScriptEn) != nil:
		return "bad script"
	case it.Officers != nil && (it.Kind != model.ItemReview || len(it.Officers) == 0):
		return "officers on the wrong kind, or none"
	}
	seen := map[string]bool{}
	for _, o := range it.Officers {
		if o == "" || seen[o] || o != strings.Join(strings.Fields(o), " ") {
			return "empty, repeated or untrimmed officer"
		}
		seen[o] = true
	}
	return ""
}

func FuzzReadAgenda(f *testing.F) {
	f.Add(AgendaTemplate())
	f.Add([]byte("[meeting]\nname = \"x\"\nopening_quorum = \"3/2\"\n[[item]]\nkind = \"opening\"\n"))
	f.Add([]byte("meeting.name = \"x\"\nmeeting.date = 2026-11-30\nitem = [{kind = \"closing\"}]\n"))
	f.Add([]byte("[meeting]\nname = \"x\"\nvote_base = \"present\"\nanswer_days = 7\n[[item]]\nkind = \"resolution\"\nminutes = 5\n" +
		"script = \"{subject}：{for}/{need} {{x}}\"\n[item.resolution]\ntext = \"t\"\nkind = \"charter\"\nmethod = \"ballot\"\n"))
	f.Add([]byte("[meeting]\nname = \"x\"\n[[item]]\nkind = \"review\"\nscript = \"{nobody}\"\n"))
	f.Add([]byte("[meeting]\nname = \"x\"\n[[item]]\nkind = \"review\"\nofficers = [\"主席 王芳\", \" 学习部部长　李强 \"]\n" +
		"[[item]]\nkind = \"election\"\nmethod = \"m.toml\"\ncandidates = \"/tmp/c.csv\"\n"))
	f.Add([]byte("[meeting]\nname = \"x\"\nspeech_seconds = 240\nfair_order = true\n[[item]]\nkind = \"deliberation\"\nshort_seconds = 30\n" +
		"[[item.group]]\nname = \"一组\"\nunits = [\"甲\", \"乙\"]\nconvener = \"王\"\n[[item.group]]\nname = \"二组\"\nunits = [\"丙\"]\n"))
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
		for _, f := range []model.Fraction{m.OpeningQuorum, m.ElectionQuorum, m.Ordinary, m.Charter} {
			if !f.Valid() {
				t.Fatalf("invalid fraction %v accepted", f)
			}
		}
		if (m.VoteBase != model.BaseExpected && m.VoteBase != model.BasePresent) || m.AnswerDays < 1 || m.AnswerDays > 365 {
			t.Fatalf("bad vote base or answer days accepted: %+v", m)
		}
		for _, it := range a.Items {
			if why := checkItem(it); why != "" {
				t.Fatalf("bad item accepted (%s): %+v", why, it)
			}
		}
		if e := a.Election; e != nil && (e.Item < 0 || e.Item >= len(a.Items) || a.Items[e.Item].Kind != model.ItemElection || e.Method == "" || e.Candidates == "") {
			t.Fatalf("bad election files accepted: %+v", e)
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

// TestReadAgendaLinks reads the officers of a review item and the files
// of an election item (relative to the agenda file, or absolute).
func TestReadAgendaLinks(t *testing.T) {
	abs, _ := filepath.Abs(filepath.Join("x", "c.csv"))
	src := "[meeting]\nname = \"x\"\n\n[[item]]\nkind = \"review\"\nofficers = [\n  \" 主席　王芳 \",\n  \"学习部部长  李强\",\n  \"Anna  Li\",\n]\n\n" +
		"[[item]]\nkind = \"election\"\nmethod = \"methods/method.toml\"\ncandidates = " + strconv.Quote(abs) + "\n"
	a, err := ParseAgenda(filepath.Join("conf", "agenda.toml"), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.Items[0].Officers, []string{"主席 王芳", "学习部部长 李强", "Anna Li"}; !reflect.DeepEqual(got, want) {
		t.Errorf("officers %q, want %q", got, want)
	}
	want := &ElectionFiles{Item: 1, Method: filepath.Join("conf", "methods", "method.toml"), Candidates: abs}
	if !reflect.DeepEqual(a.Election, want) {
		t.Errorf("election files %+v, want %+v", a.Election, want)
	}
	if s := a.Setup(nil); s.Election != nil || !reflect.DeepEqual(s.Agenda[0].Officers, a.Items[0].Officers) {
		t.Errorf("Setup: election %+v, officers %q", s.Election, s.Agenda[0].Officers)
	}
	// Without links: no election files, no officers.
	if a, err := ParseAgenda("a.toml", []byte("[meeting]\nname = \"x\"\n[[item]]\nkind = \"review\"\n")); err != nil || a.Election != nil || a.Items[0].Officers != nil {
		t.Errorf("%v %+v", err, a)
	}
	// An election item without its method and candidates is refused,
	// naming the file and the item's line: the congress would reach an
	// election it cannot hold (f3: 本次大会没有设置选举).
	_, err = ParseAgenda("a.toml", []byte("[meeting]\nname = \"x\"\n\n[[item]]\nkind = \"preparatory\"\n\n[[item]]\nkind = \"election\"\ntitle = \"选举\"\n"))
	var fe *FileError
	if !errors.As(err, &fe) || fe.File != "a.toml" || fe.Line != 8 || !strings.Contains(err.Error(), "without its method and candidates") {
		t.Errorf("an election item without links: %v", err)
	}
	// The meeting's decision settings.
	a, err = ParseAgenda("a.toml", []byte("[meeting]\nname = \"x\"\nadoption = \"none\"\npreparatory_votes = true\n"))
	if err != nil || a.Meeting.Adoption != model.AdoptionNone || !a.Meeting.PreparatoryVotes {
		t.Errorf("settings: %v %+v", err, a.Meeting)
	}
	if _, err := ParseAgenda("a.toml", []byte("[meeting]\nname = \"x\"\nadoption = \"maybe\"\n")); !errors.As(err, &fe) || fe.Line != 3 {
		t.Errorf("adoption maybe: %v", err)
	}
}

// TestReadAgendaFloor: the floor's keys of [meeting] and [[item]], the
// groups of an item, and their units checked against a roster with the
// agenda file's line.
func TestReadAgendaFloor(t *testing.T) {
	src := "[meeting]\nname = \"x\"\nspeech_seconds = 240\nshort_seconds = 90\nfair_order = true\nguests_speak = true\n\n" + // 1–7
		"[[item]]\nkind = \"deliberation\"\nspeech_seconds = 300\n" + // 8–10
		"[[item.group]]\nname = \"第一组\"\nunits = [\"护理分院\", \"药学与医学技术分院\"]\nconvener = \"姜 晓雪\"\nsecretary = \"杨子怡\"\n" + // 11–15
		"[[item.group]]\nname = \"第二组\"\nunits = [\"机电工程分院\",\n  \"信息学院\"]\n\n" + // 16–19
		"[[item]]\nkind = \"questioning\"\nin_groups = true\nshort_seconds = 30\n"
	a, err := ParseAgenda("floor.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := (model.FloorRules{SpeechSeconds: 240, ShortSeconds: 90, FairOrder: true, GuestsSpeak: true}); a.Meeting.Floor != want {
		t.Errorf("meeting floor %+v", a.Meeting.Floor)
	}
	want := []model.ItemFloor{
		{SpeechSeconds: 300, InGroups: true, Groups: []model.Group{
			{Name: "第一组", Units: []string{"护理分院", "药学与医学技术分院"}, Convener: "姜晓雪", Secretary: "杨子怡"},
			{Name: "第二组", Units: []string{"机电工程分院", "信息学院"}}}},
		{ShortSeconds: 30, InGroups: true},
	}
	for i, w := range want {
		if !reflect.DeepEqual(a.Items[i].Floor, w) {
			t.Errorf("item %d floor %+v\nwant %+v", i+1, a.Items[i].Floor, w)
		}
	}
	roster := []model.Person{{Unit: "护理分院"}, {Unit: "药学与医学技术分院"}, {Unit: "机电工程分院"}}
	err = a.CheckUnits(roster)
	var fe *FileError
	if !errors.As(err, &fe) || fe.File != "floor.toml" || fe.Line != 19 || fe.Key != "item[1].group[2].units" || fe.Value != "信息学院" {
		t.Errorf("an unknown unit: %v (%+v)", err, fe)
	}
	if err := a.CheckUnits(append(roster, model.Person{Unit: "信息学院"})); err != nil {
		t.Error(err)
	}
}
