package data

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"podium/session"
)

// benchDir holds the 100k-event log shared by the replay benchmarks.
var benchDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	if congressDir != "" {
		os.RemoveAll(congressDir)
	}
	os.Exit(code)
}

// markedRecord is a realistic stored Marked event (about 150 bytes).
func markedRecord(tb testing.TB, seq uint64, person string, status session.Status) session.Record {
	data, err := session.Encode(session.Event{
		Seq: seq, At: t0.Add(time.Duration(seq) * time.Second), Actor: realisticActor,
		Body: session.Marked{Person: person, Status: status},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return session.Record{Seq: seq, Data: data}
}

// BenchmarkFsyncFloor is the cost of making 4 KiB durable by appending it
// to a plain file and fsyncing: what AppendDurable is compared with.
func BenchmarkFsyncFloor(b *testing.B) {
	f, err := os.OpenFile(filepath.Join(b.TempDir(), "floor"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for b.Loop() {
		if _, err := f.Write(buf); err != nil {
			b.Fatal(err)
		}
		if err := f.Sync(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAppendDurable appends one realistic event per op, fsync'd.
func BenchmarkAppendDurable(b *testing.B) {
	benchAppend(b, Options{})
}

func benchAppend(b *testing.B, o Options) {
	st, err := Open(filepath.Join(b.TempDir(), "podium.db"), o)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if _, err := session.Create(st, session.Open{Meta: meta(0, "chair"), Setup: testSetup()}); err != nil {
		b.Fatal(err)
	}
	setup := testSetup()
	seq, _ := st.Head()
	size := 0
	for b.Loop() {
		seq++
		r := markedRecord(b, seq, setup.Roster[int(seq)%122].ID, session.Status(1+seq%3))
		size = len(r.Data)
		if err := st.Append([]session.Record{r}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size), "B/event")
}

const replayEvents = 100_000

var (
	buildOnce sync.Once
	// replayNoImage is why the 100k log has no checkpoint beside it
	// (session.Image's error), nil when it has one.
	replayNoImage error
)

// replayLog returns the path of a log of the setup and 100k marks
// (Present/Left by turns), built once, quickly (no fsync, 1000 a commit),
// with a checkpoint of its last event beside it (saveCheckpoint).
func replayLog(b *testing.B) string { return replayLogT(b) }

func replayLogT(b testing.TB) string {
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "podium-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchDir = dir
		path := filepath.Join(dir, "podium.db")
		st, err := Open(path, Options{noSync: true})
		if err != nil {
			b.Fatal(err)
		}
		setup := testSetup()
		if _, err := session.Create(st, session.Open{Meta: meta(0, "chair"), Setup: setup}); err != nil {
			b.Fatal(err)
		}
		batch := make([]session.Record, 0, 1000)
		for seq := uint64(2); seq <= replayEvents+1; seq++ {
			i := int(seq - 2)
			status := session.Present
			if (i/122)%2 == 1 {
				status = session.Left
			}
			batch = append(batch, markedRecord(b, seq, setup.Roster[i%122].ID, status))
			if len(batch) == cap(batch) || seq == replayEvents+1 {
				if err := st.Append(batch); err != nil {
					b.Fatal(err)
				}
				batch = batch[:0]
			}
		}
		replayNoImage = saveCheckpoint(b, st)
		if err := st.db.Sync(); err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	})
	if benchDir == "" {
		b.Fatal("building the replay log failed")
	}
	return filepath.Join(benchDir, "podium.db")
}

// BenchmarkReplay100k opens a 100k-event log and replays it in full
// (session.Load): the time from start to a ready state without a
// checkpoint.
func BenchmarkReplay100k(b *testing.B) { benchReplay(b, replayLog(b), replayEvents+1) }

// BenchmarkReplay100kCheckpoint opens the 100k-event log and loads the
// session as podium does (Store.Load): from the checkpoint beside it.
func BenchmarkReplay100kCheckpoint(b *testing.B) {
	benchLoad(b, replayLog(b), replayEvents+1, replayNoImage)
}

// saveCheckpoint writes the checkpoint of st's last event as closing
// podium does: the image of a full replay (session.Image), saved. It
// returns session.Image's error (none is saved then); a failure to save
// fails the test.
func saveCheckpoint(tb testing.TB, st *Store) error {
	image, seq, err := session.Image(st)
	if err != nil {
		return err
	}
	if err := st.SaveCheckpoint(seq, image); err != nil {
		tb.Fatal(err)
	}
	return nil
}

// benchLoad opens the log at path and loads the session with Store.Load,
// b.N times, failing unless it resumes from the checkpoint and reaches
// events; noImage is why the log has no checkpoint (the benchmark then
// fails at once, saying so, rather than measure a full replay). It
// reports CPU time per op too.
func benchLoad(b *testing.B, path string, events uint64, noImage error) {
	if noImage != nil {
		b.Fatalf("no checkpoint to load from: session.Image: %v", noImage)
	}
	cpu := cpuTime()
	for b.Loop() {
		st, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s, info, err := st.Load()
		if err != nil {
			b.Fatal(err)
		}
		if !info.Resumed {
			b.Fatalf("the checkpoint was not used: %v", info.Why)
		}
		if state(s).Seq != events {
			b.Fatal("short replay")
		}
		st.Close()
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// benchReplay opens the log at path and loads the session, b.N times,
// checking that all events were applied; it reports CPU time per op too.
func benchReplay(b *testing.B, path string, events uint64) {
	cpu := cpuTime()
	for b.Loop() {
		st, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s, err := session.Load(st)
		if err != nil {
			b.Fatal(err)
		}
		if state(s).Seq != events {
			b.Fatal("short replay")
		}
		st.Close()
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkIterate100k is the floor for Replay100k: open the same file with
// bbolt, walk every key and value with a cursor, close.
func BenchmarkIterate100k(b *testing.B) { benchIterate(b, replayLog(b), replayEvents+1) }

// benchIterate is the floor of benchReplay: open the file at path with
// bbolt, walk every key and value of the events with a cursor, close.
func benchIterate(b *testing.B, path string, events uint64) {
	cpu := cpuTime()
	for b.Loop() {
		db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		n, size := 0, 0
		if err := db.View(func(tx *bolt.Tx) error {
			c := tx.Bucket(bucketEvents).Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				n++
				size += len(k) + len(v)
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		if uint64(n) != events || size == 0 {
			b.Fatal("short iteration")
		}
		db.Close()
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkVerify100k verifies a 100k-event log as `podium verify` does:
// with plain reads, the page tree, the free list and every link of the
// chain.
func BenchmarkVerify100k(b *testing.B) {
	path := replayLog(b)
	st, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	cpu := cpuTime()
	for b.Loop() {
		if n, _, err := st.Verify(); err != nil || n != replayEvents+1 {
			b.Fatal(n, err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkReadHash100k is the floor for Verify100k: read the same file
// whole with plain reads and hash it with SHA-256.
func BenchmarkReadHash100k(b *testing.B) {
	path := replayLog(b)
	cpu := cpuTime()
	for b.Loop() {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if sum[0] == 0 && sum[1] == 0 && len(data) == 0 {
			b.Fatal("empty")
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}
