package data

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"podium/model"
	"podium/session"
	"podium/session/election"
)

// The realistic congress of the history issue: 3,010 formal delegates, an
// election of 200 candidates with one round of 3,000 ballots keyed by two
// tellers and decided, and more than 20,000 attendance events.
const (
	congressFormal     = 3010
	congressCandidates = 200
	congressBallots    = 3000
	congressToggles    = 8500 // each a leave and a return: 17,000 marks
)

var (
	congressDir    string
	congressOnce   sync.Once
	congressEvents uint64
	// congressNoImage is why the congress's log has no checkpoint beside
	// it (session.Image's error), nil when it has one.
	congressNoImage error
)

// congressSetup is the roster, the standard agenda and an election of 200
// candidates for 100 seats without categories.
func congressSetup() model.Setup {
	units := []string{"护理分院", "机电工程分院", "财经分院", "信息技术分院", "建筑工程分院", "农业分院", "艺术分院", "师范分院"}
	s := model.Setup{Meeting: model.DefaultMeeting("天山职业技术学院学生代表大会"), Agenda: model.StandardAgenda()}
	for i := range congressFormal {
		s.Roster = append(s.Roster, model.Person{ID: fmt.Sprintf("D%05d", i+1), Name: fmt.Sprintf("代表%d·阿依", i+1),
			Unit: units[i%len(units)], Gender: []string{"男", "女"}[i%2], Ethnicity: "汉族", BirthDate: "2005-01-01", Kind: model.Formal})
	}
	for i := range 40 {
		s.Roster = append(s.Roster, model.Person{ID: fmt.Sprintf("O%03d", i+1), Name: fmt.Sprintf("列席%d", i+1), Unit: "校团委", Kind: model.Observer})
	}
	el := &model.Election{Method: model.DefaultMethod(100)}
	for i := range congressCandidates {
		el.Candidates = append(el.Candidates, model.Candidate{Name: fmt.Sprintf("候选人%03d", i+1)})
	}
	s.Election = el
	return s
}

// congressLog returns the path of the congress's log, built once: the
// session runs on a memory log and the records are then stored in batches
// without fsync (the stored bytes are those of a live congress). A
// checkpoint of its last event is written beside it as closing podium
// writes one (saveCheckpoint).
func congressLog(b *testing.B) string {
	congressOnce.Do(func() {
		dir, err := os.MkdirTemp("", "podium-congress-")
		if err != nil {
			b.Fatal(err)
		}
		congressDir = dir
		mem := &session.MemoryLog{}
		t := time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC)
		at := func(actor string, role session.Role) session.Meta {
			t = t.Add(time.Millisecond)
			return session.Meta{At: t, Actor: actor, Role: role}
		}
		// Each desk is an SSH connection: its marks store the terminal.
		desk := func(i int) session.Meta {
			m := at(fmt.Sprintf("desk-%d", i%4+1), session.RoleDesk)
			m.Terminal = fmt.Sprintf("ssh:%016x", 0x7f3a00c1d2e3f400+i%4)
			return m
		}
		setup := congressSetup()
		s, err := session.Create(mem, session.Open{Meta: at("host", ""), Setup: setup})
		if err != nil {
			b.Fatal(err)
		}
		run := func(c session.Command) {
			if _, err := s.Execute(c); err != nil {
				b.Fatalf("%T: %v", c, err)
			}
		}
		for i := range congressFormal {
			run(session.Mark{Meta: desk(i), Person: setup.Roster[i].ID, Status: session.Present})
		}
		run(session.DeclareOpen{Meta: at("host", "")})
		for i := range congressToggles {
			id := setup.Roster[(i*7)%congressFormal].ID
			run(session.Mark{Meta: desk(i), Person: id, Status: session.Left})
			run(session.Mark{Meta: desk(i), Person: id, Status: session.Present})
		}
		aye := &session.VoteCounts{Method: model.VoteHands, For: congressFormal - 10}
		run(session.AdoptMethod{Meta: at("host", ""), Method: setup.Election.Method, Vote: aye})
		run(session.AdoptScrutineers{Meta: at("host", ""), Scrutineer: "D00001", Chief: "D00002", Vote: aye})
		run(session.OpenRound{Meta: at("host", "")})
		run(session.IssueBallots{Meta: at("host", ""), N: congressBallots})
		run(session.CollectBallots{Meta: at("host", ""), N: congressBallots})
		for _, teller := range []string{"teller-1", "teller-2"} {
			for n := range congressBallots {
				bl := election.Ballot{Marks: make([]election.Mark, congressCandidates)}
				for i := range bl.Marks {
					switch x := (n*7 + i*13 + i*i) % 200; {
					case x < 90:
						bl.Marks[i] = election.Approve
					case x < 150:
						bl.Marks[i] = election.Disapprove
					}
				}
				run(session.EnterBallot{Meta: at(teller, session.RoleTeller), Index: -1, Ballot: bl})
			}
		}
		run(session.DecideRound{Meta: at("host", "")})

		st, err := Open(filepath.Join(dir, "podium.db"), Options{noSync: true})
		if err != nil {
			b.Fatal(err)
		}
		batch := make([]session.Record, 0, 1000)
		if err := mem.Replay(func(r session.Record) error {
			batch = append(batch, session.Record{Seq: r.Seq, Data: r.Data, Codec: session.CodecVersion})
			if len(batch) == cap(batch) {
				err := st.Append(batch)
				batch = batch[:0]
				return err
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		if err := st.Append(batch); err != nil {
			b.Fatal(err)
		}
		congressEvents, _ = st.Head()
		congressNoImage = saveCheckpoint(b, st)
		if err := st.db.Sync(); err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	})
	if congressDir == "" || congressEvents == 0 {
		b.Fatal("building the congress log failed")
	}
	return filepath.Join(congressDir, "podium.db")
}

// BenchmarkReplayCongress opens the realistic congress's log and loads the
// session as podium does (Store.Load): from the checkpoint that closing
// podium left beside it. It fails if the checkpoint is not used.
func BenchmarkReplayCongress(b *testing.B) {
	path := congressLog(b)
	benchLoad(b, path, congressEvents, congressNoImage)
	b.ReportMetric(float64(congressEvents), "events")
}

// BenchmarkCheckCongress is what a podium resumed from the checkpoint
// does next, in the background: replay the log in full and compare every
// field of the state it started with (session.Session.Checked). Its first
// command waits for it when it comes sooner.
func BenchmarkCheckCongress(b *testing.B) {
	path := congressLog(b)
	if congressNoImage != nil {
		b.Fatalf("no checkpoint to load from: session.Image: %v", congressNoImage)
	}
	st, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for b.Loop() {
		b.StopTimer()
		s, info, err := st.Load()
		if err != nil || !info.Resumed {
			b.Fatalf("not resumed: %v %v", err, info.Why)
		}
		b.StartTimer()
		if err := s.Checked(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReplayCongressFull opens the realistic congress's log and
// replays it in full (session.Load, no checkpoint): what the first start
// of a build costs, and every read-only command.
func BenchmarkReplayCongressFull(b *testing.B) {
	benchReplay(b, congressLog(b), congressEvents)
	b.ReportMetric(float64(congressEvents), "events")
}

// BenchmarkIterateCongress is the floor for ReplayCongress: open the same
// file with bbolt, walk every key and value with a cursor, close.
func BenchmarkIterateCongress(b *testing.B) { benchIterate(b, congressLog(b), congressEvents) }
