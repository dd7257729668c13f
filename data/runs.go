package data

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"podium/internal/version"
	"podium/session"
)

// keyRuns is meta/runs: which codec and which podium wrote each run of
// events (see Run), as JSON. The codec is the one the session says it
// encoded with (session.Record.Codec); data never reads the events' bytes.
// A log written before runs existed has no runs key: its events are one
// run of codec 1 (all podium wrote then) by an unknown podium, recorded in
// full at the first append.
var keyRuns = []byte("runs")

// Run is a run of consecutive events written with one codec by one podium
// version, from event First to the next run's First (or the end).
type Run struct {
	First  uint64 `json:"first"`
	Codec  int    `json:"codec"`
	Podium string `json:"podium"` // "" when unknown (written before runs were recorded)
}

// podiumVersion is the version of podium recorded with the events it
// writes; a variable so that tests can play another podium.
var podiumVersion = version.ID()

// VersionError: the log holds events in a codec this podium cannot read,
// written by a newer podium.
type VersionError struct {
	Path   string
	Run    Run // the first run in an unknown codec
	Known  int // the newest codec this podium reads
	Podium string
}

// Error names both versions.
func (e *VersionError) Error() string {
	by := e.Run.Podium
	if by == "" {
		by = "an unknown podium"
	} else {
		by = "podium " + by
	}
	return fmt.Sprintf("%s: events from %d on were written by %s in codec %d; this podium (%s) reads codecs up to %d: open the file with that podium or a newer one",
		e.Path, e.Run.First, by, e.Run.Codec, e.Podium, e.Known)
}

// readRuns reads meta/runs; for a log without it, the one legacy run its
// first event stands for (none for an empty log).
func readRuns(tx *bolt.Tx) ([]Run, error) {
	if v := tx.Bucket(bucketMeta).Get(keyRuns); v != nil {
		var runs []Run
		if err := json.Unmarshal(v, &runs); err != nil {
			return nil, &BadRecordError{Seq: 1, Reason: "meta/runs is malformed: " + err.Error()}
		}
		return runs, nil
	}
	if k, _ := tx.Bucket(bucketEvents).Cursor().First(); k == nil {
		return nil, nil
	}
	return []Run{{First: 1, Codec: 1}}, nil
}

// checkRuns refuses a log with a run in a codec newer than this podium's.
func (s *Store) checkRuns(runs []Run) error {
	for _, r := range runs {
		if r.Codec > session.CodecVersion {
			return &VersionError{Path: s.path, Run: r, Known: session.CodecVersion, Podium: podiumVersion}
		}
	}
	return nil
}

// Runs returns which codec and podium version wrote each run of events,
// in order.
func (s *Store) Runs() ([]Run, error) {
	var runs []Run
	err := s.view("reading the runs", func(tx *bolt.Tx) (err error) {
		runs, err = readRuns(tx)
		return err
	})
	return runs, err
}

// addRuns records, in the append's transaction, a new run for each record
// of recs whose codec or podium differs from the run before it.
func (s *Store) addRuns(tx *bolt.Tx, recs []session.Record) error {
	runs := s.runs
	for _, r := range recs {
		run := Run{First: r.Seq, Codec: r.Codec, Podium: podiumVersion}
		if n := len(runs); n == 0 || runs[n-1].Codec != run.Codec || runs[n-1].Podium != run.Podium {
			runs = append(runs, run)
		}
	}
	if len(runs) == len(s.runs) && tx.Bucket(bucketMeta).Get(keyRuns) != nil {
		return nil
	}
	v, err := json.Marshal(runs)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketMeta).Put(keyRuns, v); err != nil {
		return err
	}
	s.pendingRuns = runs
	return nil
}
