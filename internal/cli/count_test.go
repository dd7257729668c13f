package cli

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestCountContract runs `podium count` on small files and checks the JSON
// contract's fields.
func TestCountContract(t *testing.T) {
	dir := t.TempDir()
	method := writeFile(t, dir, "m.toml", "seats = 2\nquorum = \"4/5\"\nthreshold = \"1/2\"\nthreshold_base = \"expected\"\n")
	cands := writeFile(t, dir, "c.csv", "\ufeffname\n王芳\n阿依古丽·买买提\n李强\n")
	// Ballot 1 has one ○, one × and a write-in: 2 selections, valid.
	// Ballots 4 and 5 have three ○ for two seats: invalid, still collected.
	ballots := writeFile(t, dir, "b.csv", "ballot,李强,王芳,阿依古丽·买买提,write_in,spoiled\n"+
		"1,×,○,,张三,\n"+
		"2,,○,○,,\n"+
		"3,,○,×,,\n"+
		"4,○,○,○,,\n"+
		"5,○,○,○,,\n"+
		"6,,,,,有记号\n")
	code, out, errs := podium(t, "count", "--method", method, "--candidates", cands, "--ballots", ballots,
		"--expected", "6", "--present", "6", "--issued", "6")
	if code != 0 {
		t.Fatalf("count: %d %q", code, errs)
	}
	var got struct {
		QuorumMet  bool `json:"quorum_met"`
		RoundValid bool `json:"round_valid"`
		Expected   int  `json:"expected"`
		Collected  int  `json:"collected"`
		Valid      int  `json:"valid"`
		Invalid    int  `json:"invalid"`
		Threshold  *int `json:"threshold"`
		Categories []struct {
			Name  string `json:"name"`
			Seats int    `json:"seats"`
		} `json:"categories"`
		Candidates []struct {
			Name                         string
			WriteIn                      bool `json:"write_in"`
			Approve, Disapprove, Abstain int
			Status                       string
		} `json:"candidates"`
		Elected      []string `json:"elected"`
		Runoffs      []any    `json:"runoffs"`
		SecondRounds []struct {
			Seats      int      `json:"seats"`
			Candidates []string `json:"candidates"`
		} `json:"second_rounds"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// 6 expected: more than half is 4. Valid: ballots 1–3 (4 and 5 have
	// three ○ for two seats; 6 is spoiled).
	if !got.QuorumMet || !got.RoundValid || got.Expected != 6 || got.Collected != 6 || got.Valid != 3 || got.Invalid != 3 {
		t.Fatalf("counts: %+v", got)
	}
	if got.Threshold == nil || *got.Threshold != 4 {
		t.Fatalf("threshold %v", got.Threshold)
	}
	if len(got.Categories) != 1 || got.Categories[0].Name != "" || got.Categories[0].Seats != 2 {
		t.Fatalf("categories %+v", got.Categories)
	}
	var names []string
	for _, c := range got.Candidates {
		names = append(names, c.Name)
	}
	// Ballot order is the candidates file's, not the ballots file's columns.
	if !reflect.DeepEqual(names, []string{"王芳", "阿依古丽·买买提", "李强", "张三"}) {
		t.Fatalf("candidates in order %v", names)
	}
	if c := got.Candidates[0]; c.Approve != 3 || c.Disapprove != 0 || c.Abstain != 0 {
		t.Fatalf("王芳 %+v", c)
	}
	if c := got.Candidates[3]; !c.WriteIn || c.Approve != 1 {
		t.Fatalf("write-in %+v", c)
	}
	// Nobody reaches 4 of 6: nothing elected, a second round for 2 seats.
	if len(got.Elected) != 0 || len(got.SecondRounds) != 1 || got.SecondRounds[0].Seats != 2 {
		t.Fatalf("decision: elected %v, second %+v", got.Elected, got.SecondRounds)
	}
	if got.Elected == nil || got.Runoffs == nil {
		t.Fatal("elected and runoffs must be arrays, not null")
	}

	// The tally sheet.
	code, out, _ = podium(t, "count", "--method", method, "--candidates", cands, "--ballots", ballots,
		"--expected", "6", "--present", "6", "--issued", "6", "--format", "text", "--lang", "zh")
	if code != 0 || !strings.Contains(out, "计票") || !strings.Contains(out, "阿依古丽·买买提") {
		t.Fatalf("text: %d\n%s", code, out)
	}

	// A void round: more collected than issued.
	code, out, _ = podium(t, "count", "--method", method, "--candidates", cands, "--ballots", ballots,
		"--expected", "6", "--present", "6", "--issued", "5")
	if code != 0 || !strings.Contains(out, `"round_valid": false`) || !strings.Contains(out, `"elected": []`) || !strings.Contains(out, `"reason"`) {
		t.Fatalf("void round: %d\n%s", code, out)
	}
}

func TestCountBadInput(t *testing.T) {
	dir := t.TempDir()
	method := writeFile(t, dir, "m.toml", "seats = 2\n")
	cands := writeFile(t, dir, "c.csv", "name\n王芳\n李强\n")
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown candidate column", []string{"--ballots", writeFile(t, dir, "b1.csv", "ballot,王芳,李强,赵六\n1,○,○,\n")}, "b1.csv row 1"},
		{"bad method", []string{"--method", writeFile(t, dir, "m2.toml", "seats = 2\nthreshold = \"3/2\"\n")}, "m2.toml line 2"},
		{"missing count", []string{"--present", "-1"}, "--present"},
		{"bad format", []string{"--format", "xml"}, "--format"},
		// A cell that is no mark decides nothing silently: the file, the
		// row and the column (the candidate's) are named.
		{"a tick is not a mark", []string{"--ballots", writeFile(t, dir, "b3.csv", "ballot,王芳,李强\n1,○,\n2,√,\n")}, "b3.csv row 3, column 王芳"},
		{"yes is not a mark", []string{"--ballots", writeFile(t, dir, "b4.csv", "ballot,王芳,李强\n1,,yes\n")}, "b4.csv row 2, column 李强"},
	} {
		args := map[string]string{"--method": method, "--candidates": cands,
			"--ballots":  writeFile(t, dir, "ok.csv", "ballot,王芳,李强\n1,○,\n"),
			"--expected": "3", "--present": "3", "--issued": "3"}
		for i := 0; i < len(c.args); i += 2 {
			args[c.args[i]] = c.args[i+1]
		}
		argv := []string{"count"}
		for k, v := range args {
			argv = append(argv, k, v)
		}
		code, out, errs := podium(t, argv...)
		if code != exitBadArgs || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %q", c.name, code, out, errs, c.want)
		}
	}
}
