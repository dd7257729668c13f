package session

import "sync"

// MemoryLog is a Log kept in memory: for tests and previews, never for a
// real congress (it does not survive the process).
type MemoryLog struct {
	mu   sync.Mutex
	recs []Record
}

// Append keeps copies of the records.
func (m *MemoryLog) Append(recs []Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, r := range recs {
		m.recs = append(m.recs, Record{Seq: r.Seq, Data: append([]byte(nil), r.Data...)})
	}
	return nil
}

// Replay calls fn with every record in order.
func (m *MemoryLog) Replay(fn func(Record) error) error {
	m.mu.Lock()
	recs := append([]Record(nil), m.recs...)
	m.mu.Unlock()
	for _, r := range recs {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// Len returns the number of records kept.
func (m *MemoryLog) Len() uint64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return uint64(len(m.recs))
}

// ReplayAfter calls fn with every record after seq, in order.
func (m *MemoryLog) ReplayAfter(seq uint64, fn func(Record) error) error {
	return m.Replay(func(r Record) error {
		if r.Seq <= seq {
			return nil
		}
		return fn(r)
	})
}
