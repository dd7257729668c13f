package paper

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"podium/files"
	"podium/model"
	"podium/session"
	"podium/session/election"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// styleBlock is the print style of an HTML file: kept out of the goldens
// (ballot.css, credentials.css and printout's base.css are its source).
var styleBlock = regexp.MustCompile(`(?s)<style>\n.*?</style>`)

// golden compares got with testdata/name (HTML without its style block).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	got = styleBlock.ReplaceAll(got, []byte("<style>/* @page rules and the style */</style>"))
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./paper -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test ./paper -update and review the diff)", path)
	}
}

// t0 is the fixed clock of the tests (China Standard Time).
var t0 = time.Date(2026, 11, 30, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))

// congress opens setup on a memory log with present formal delegates
// present, declared open and at its election item.
func congress(t testing.TB, setup model.Setup, present int) *session.Session {
	t.Helper()
	s, err := session.Create(&session.MemoryLog{}, session.Open{Meta: session.Meta{At: t0.Add(-time.Hour), Actor: "setup"}, Setup: setup})
	if err != nil {
		t.Fatal(err)
	}
	var formal []string
	item := -1
	for i, it := range setup.Agenda {
		if it.Kind == model.ItemElection {
			item = i
		}
	}
	for _, p := range setup.Roster {
		if p.Kind == model.Formal && len(formal) < present {
			formal = append(formal, p.ID)
		}
	}
	for i, id := range formal {
		do(t, s, session.Mark{Meta: session.Meta{At: t0.Add(-50*time.Minute + time.Duration(i)*time.Second), Actor: "desk-1"}, Person: id, Status: session.Present})
	}
	if present > 0 {
		do(t, s, session.DeclareOpen{Meta: host()})
		if item >= 0 {
			do(t, s, session.StartItem{Meta: host(), Index: item})
		}
	}
	return s
}

func host() session.Meta { return session.Meta{At: t0, Actor: "host"} }

func do(t testing.TB, s *session.Session, cmd session.Command) {
	t.Helper()
	if _, err := s.Execute(cmd); err != nil {
		t.Fatalf("%T: %v", cmd, err)
	}
}

// electionReady adopts the method and the scrutineers (two present
// formal delegates who are no candidates).
func electionReady(t testing.TB, s *session.Session) {
	t.Helper()
	var free []string
	var m model.Method
	var aye *session.VoteCounts
	s.Read(func(st *session.State) {
		m = st.Vote.Method
		aye = &session.VoteCounts{Method: model.VoteHands, For: st.Count().Present}
		for i, p := range st.Setup.Roster {
			cand := false
			for _, c := range st.Vote.Candidates {
				cand = cand || c.PersonID == p.ID || c.Name == p.Name
			}
			if p.Kind == model.Formal && st.Attendance[i].Status == session.Present && !cand {
				free = append(free, p.ID)
			}
		}
	})
	do(t, s, session.AdoptMethod{Meta: host(), Method: m, Vote: aye})
	do(t, s, session.AdoptScrutineers{Meta: host(), Scrutineer: free[0], Chief: free[1], Vote: aye})
}

// roundByTally opens the next round, issues and collects n ballots and
// decides it from a tally giving each slate candidate approve[i] (the rest
// disapprove, four abstain).
func roundByTally(t testing.TB, s *session.Session, n int, approve []int) {
	t.Helper()
	do(t, s, session.OpenRound{Meta: host()})
	do(t, s, session.IssueBallots{Meta: host(), N: n})
	do(t, s, session.CollectBallots{Meta: host(), N: n})
	var cats int
	s.Read(func(st *session.State) { cats = max(1, len(st.Vote.Method.Categories)) })
	tally := election.Tally{Invalid: make([]int, cats)}
	for _, a := range approve {
		tally.Counts = append(tally.Counts, election.TallyCount{Approve: a, Disapprove: n - a - 4, Abstain: 4})
	}
	do(t, s, session.EnterTally{Meta: host(), Tally: tally})
	do(t, s, session.DecideRound{Meta: host()})
}

// demoRound1 is the demo congress before its first round, 118 present.
func demoRound1(t testing.TB) *session.Session {
	s := congress(t, files.Demo(), 118)
	electionReady(t, s)
	return s
}

// demoAfterRound1 decides the demo's first round: 主席团 all elected,
// 分院学生会 6 of 7 pass (a second round for 1), 社团 three tie at 80
// across the cut-off (a runoff for 2).
func demoAfterRound1(t testing.TB) *session.Session {
	s := demoRound1(t)
	roundByTally(t, s, 118, []int{110, 98, 90, 100, 95, 90, 85, 80, 70, 61, 50, 100, 80, 80, 80})
	return s
}

// bigSetup is a congress electing 150 of 200 candidates without
// categories; the names run from two characters to long transliterations.
func bigSetup() model.Setup {
	s := files.Demo()
	s.Demo = false
	sur := []string{"王", "李", "欧阳", "阿依古丽·", "迪丽热巴·迪力木拉提·", "张", "买买提·", "司马"}
	given := []string{"芳", "建国", "晓丽", "吐尔逊", "明", "热依汗", "子墨", "海"}
	var cands []model.Candidate
	for i := 0; i < 200; i++ {
		cands = append(cands, model.Candidate{Name: fmt.Sprintf("%s%s%03d", sur[i%len(sur)], given[(i/8)%len(given)], i+1)})
	}
	s.Election = &model.Election{Method: model.DefaultMethod(150), Candidates: cands}
	return s
}
