package tui

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session/election"
	votescreen "podium/tui/screens/election"
	"podium/tui/screens/speakers"
)

// memDrafts keeps drafts in memory, as data.Drafts keeps them in a file.
type memDrafts map[string][]byte

func (d memDrafts) Load(actor string) ([]byte, error) { return d[actor], nil }
func (d memDrafts) Save(actor string, b []byte) error {
	d[actor] = append([]byte(nil), b...)
	return nil
}

// draftModel is a model at 80×24 that keeps its drafts in d.
func draftModel(t *testing.T, m *Model, d memDrafts) *Model {
	t.Helper()
	n := newModel(m.c.Sess, Options{Lang: "zh", Actor: "desk-1", Now: func() time.Time { return t0 }, Drafts: d})
	n.Update(size(80, 24))
	return n
}

// TestBallotDraftRestored: four marks keyed on a ballot, and podium
// restarts: it opens in ballot entry on the same ballot with the same four
// marks, nothing of them in the record; once saved, the draft is a blank
// ballot, and after another restart the ballot is not keyed twice.
func TestBallotDraftRestored(t *testing.T) {
	sess := electionSession(t, 118)
	d := memDrafts{}
	m := newModel(sess, Options{Lang: "zh", Actor: "desk-1", Now: func() time.Time { return t0 }, Drafts: d})
	m.Update(size(80, 24))
	setupRound(t, m, "118", "118")
	press(m, 'b')
	typeText(m, "ox o")
	seq := seqOf(sess)
	if !strings.Contains(string(d["desk-1"]), `"mode":"ballot"`) {
		t.Fatalf("no draft kept: %s", d["desk-1"])
	}

	again := draftModel(t, m, d)
	if again.cur.id != screenElection || voteOf(again).Mode() != votescreen.ModeBallot {
		t.Fatalf("after the restart: screen %s, mode %v\n%s", again.cur.id, voteOf(again).Mode(), screen(again))
	}
	var kept struct {
		Parts map[string]struct {
			Ballot struct{ Marks []election.Mark }
		}
	}
	json.Unmarshal(d["desk-1"], &kept)
	want := []election.Mark{election.Approve, election.Disapprove, election.Abstain, election.Approve}
	if got := kept.Parts["election"].Ballot.Marks; len(got) < 4 || !equalMarks(got[:4], want) {
		t.Fatalf("draft marks %v", got)
	}
	scr := screen(again)
	for _, w := range []string{"第1轮 · 选票录入", "第 1 张"} {
		if !strings.Contains(scr, w) {
			t.Errorf("no %q after the restart:\n%s", w, scr)
		}
	}
	if seqOf(sess) != seq {
		t.Fatal("the draft went into the record")
	}
	// The restored editor goes on where it was: the 5th mark, then save.
	typeText(again, "o")
	enter(again)
	got := entries(sess, "desk-1")
	if len(got) != 1 || !equalMarks(got[0].Marks[:5], append(want, election.Approve)) {
		t.Fatalf("saved %+v", got)
	}
	third := draftModel(t, again, d)
	if n := len(entries(sess, "desk-1")); n != 1 || voteOf(third).Mode() != votescreen.ModeBallot || !strings.Contains(screen(third), "第 2 张") {
		t.Fatalf("after saving and restarting: %d ballots\n%s", n, screen(third))
	}
}

func size(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// TestReopensWhereItWas: a terminal reopens on the screen it showed, with
// its sidebar as it was, unless the agenda moved on meanwhile: then on the
// new item's screen (the deliberation's: the speakers').
func TestReopensWhereItWas(t *testing.T) {
	sess := congress(t)
	startAt(t, sess, itemOf(t, congressSetup(), model.ItemReport), t0)
	d := memDrafts{}
	m := newModel(sess, Options{Lang: "zh", Actor: "desk-1", Now: func() time.Time { return t0 }, Drafts: d})
	m.Update(size(120, 40))
	fkey(m, 6)
	ctrl(m, 't')
	if m.cur.id != screenAgenda {
		t.Fatalf("f6: %s", m.cur.id)
	}
	again := draftModel(t, m, d)
	if again.cur.id != screenAgenda || again.side != m.side {
		t.Fatalf("after the restart: screen %s, sidebar %v (was %v)", again.cur.id, again.side, m.side)
	}
	startAt(t, sess, itemOf(t, congressSetup(), model.ItemDeliberation), t0.Add(time.Minute))
	moved := draftModel(t, m, d)
	if moved.cur.id != speakers.ID {
		t.Fatalf("after the agenda moved on: screen %s", moved.cur.id)
	}
}
