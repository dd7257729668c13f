package paper

import (
	"errors"
	"strings"
	"testing"

	"podium/session"
	"podium/session/election"
)

func ballotOf(t *testing.T, s *session.Session, o BallotOptions) Ballot {
	t.Helper()
	var b Ballot
	var err error
	s.Read(func(st *session.State) { b, err = BallotFor(st, o) })
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func render(t *testing.T, b Ballot, fills []Filled) []byte {
	t.Helper()
	out, err := RenderBallot(b, fills)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBallotGolden: the ballots of the demo's first round (A4 and A5, zh
// and en), of the runoff and of the second round it calls for, and of a
// ballot of 200 candidates.
func TestBallotGolden(t *testing.T) {
	s := demoAfterRound1(t)
	runoff := ballotOf(t, s, BallotOptions{Size: "a4", Spares: 5})
	if runoff.Kind != election.Runoff || runoff.Round != 2 || len(runoff.Parts) != 1 || runoff.Parts[0].Seats != 2 ||
		len(runoff.Slate) != 3 || runoff.Parts[0].WriteIns != 0 {
		t.Errorf("runoff ballot: %+v", runoff)
	}
	golden(t, "ballot-runoff.html", render(t, runoff, nil))
	roundByTally(t, s, 118, []int{100, 80, 50})
	second := ballotOf(t, s, BallotOptions{Size: "a4", Spares: 5})
	if second.Kind != election.Second || second.Round != 3 || len(second.Parts) != 1 || second.Parts[0].Seats != 1 ||
		second.Parts[0].Category != "分院学生会" || len(second.Slate) != 2 {
		t.Errorf("second-round ballot: %+v", second)
	}
	golden(t, "ballot-second.html", render(t, second, nil))
	// Round 1 reprinted by number, after it was held.
	first := ballotOf(t, s, BallotOptions{Round: 1, Size: "a4", Spares: 5})
	r1 := demoRound1(t)
	golden(t, "ballot-round1.html", render(t, ballotOf(t, r1, BallotOptions{Size: "a4", Spares: 5}), nil))
	if got, want := render(t, first, nil), render(t, ballotOf(t, r1, BallotOptions{Size: "a4", Spares: 5}), nil); string(got) != string(want) {
		t.Error("round 1 reprinted after it was held differs from round 1 printed before")
	}
	golden(t, "ballot-round1-a5-en.html", render(t, ballotOf(t, r1, BallotOptions{Size: "a5", Spares: 3, Lang: "en"}), nil))
	big := congress(t, bigSetup(), 0)
	golden(t, "ballot-200.html", render(t, ballotOf(t, big, BallotOptions{Size: "a4", Spares: 10}), nil))
}

// TestBallotContents: what every ballot must say, whatever its round.
func TestBallotContents(t *testing.T) {
	s := demoRound1(t)
	b := ballotOf(t, s, BallotOptions{Size: "a4", Spares: 5})
	html := string(render(t, b, nil))
	for _, want := range []string{"天山职业技术学院第一次学生代表大会", "选举学生会第一届委员会选票", "第 1 轮 · 正式选举",
		"主席团（应选 3 名）", "分院学生会（应选 7 名）", "社团（应选 3 名）", "在其姓名左侧的空格内画“○”",
		"在同一类别的另选人栏内写上另选人的姓名", "该类别无效", "印制 123 张（出席正式代表 118 名，备用 5 张）"} {
		if !strings.Contains(html, want) {
			t.Errorf("the ballot does not say %q", want)
		}
	}
	last := -1
	for _, c := range b.Slate {
		i := strings.Index(html, `<td class="name">`+c.Name+`</td>`)
		if i < last {
			t.Errorf("%s is out of the approved order", c.Name)
		}
		last = i
	}
	// Write-in spaces: as many as the seats, no more than the candidates.
	for _, p := range b.Parts {
		if p.WriteIns != min(p.Seats, len(p.Index)) {
			t.Errorf("%s: %d write-in spaces", p.Category, p.WriteIns)
		}
	}
	// Nothing on it tells one ballot from another: no number, no roster id.
	if strings.Contains(html, "No.") || strings.Contains(html, "编号：") || strings.Contains(html, "D0") {
		t.Error("a ballot carries a number")
	}
	if two := string(render(t, b, []Filled{{}, {}})); strings.Count(two, "<section") != 2 ||
		strings.Count(two, "<section") != 2*strings.Count(html, "<section") {
		t.Error("two blank ballots differ from one")
	}
	// Before check-in the roster's formal delegates are printed for.
	fresh := congress(t, bigSetup(), 0)
	if c := ballotOf(t, fresh, BallotOptions{Spares: 2}).Copies; c.Total() != 124 || c.Present {
		t.Errorf("copies before check-in: %+v", c)
	}
}

// TestBallotRounds: a round that is neither held nor next is refused;
// without an election, there is no ballot.
func TestBallotRounds(t *testing.T) {
	s := demoAfterRound1(t)
	for _, n := range []int{3, 9} {
		var err error
		s.Read(func(st *session.State) { _, err = BallotFor(st, BallotOptions{Round: n}) })
		var re *RoundError
		if !errors.As(err, &re) || re.Next != 2 {
			t.Errorf("round %d: %v", n, err)
		}
	}
	setup := bigSetup()
	setup.Election = nil
	var err error
	congress(t, setup, 0).Read(func(st *session.State) { _, err = BallotFor(st, BallotOptions{}) })
	if !errors.Is(err, ErrNoElection) {
		t.Errorf("no election: %v", err)
	}
}
