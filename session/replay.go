package session

import (
	"fmt"
	"time"

	"podium/session/election"
)

// replayer applies stored records to a state (Load). The frequent ones —
// attendance marks of either codec and codec 2 ballots — are applied
// straight from their bytes, without building an event body: the person
// is looked up in the roster's index from the bytes, the actor and role
// are interned once, a ballot's marks are cut from a shared allocation.
// Every other record, and any record the fast path does not find well
// formed and in place, goes through decode and apply, which say what is
// wrong with it; so the fast path changes the speed of replay, never its
// outcome (TestFastReplayMatches).
type replayer struct {
	st     *State
	strs   map[string]string // interned strings
	recent [8]string         // the last actors and roles read, compared before interning
	next   int               // where the next string goes in recent
	slab   []election.Mark   // marks of the ballots, cut from it
}

// record applies one stored record.
func (p *replayer) record(r Record) error {
	if ok, err := p.fast(r); ok {
		return err
	}
	e, err := decode(r.Data, p.strs)
	if err != nil {
		return &CorruptError{r.Seq, err.Error()}
	}
	if e.Seq != r.Seq {
		return &CorruptError{r.Seq, fmt.Sprintf("stored under %d but numbered %d", r.Seq, e.Seq)}
	}
	return p.st.apply(e)
}

// fast applies a well-formed mark (with its terminal, when it stores one)
// or codec 2 ballot that follows the state
// and reports true, or reports false and leaves the record to decode.
func (p *replayer) fast(r Record) (bool, error) {
	st, d := p.st, r.Data
	if len(d) < 2 || !st.Opened() {
		return false, nil
	}
	codec, k := d[0], EventKind(d[1])
	ballot := k == kindBallotEntered && codec == 2
	if !ballot && (k != kindMarked || codec < 1 || codec > 2) {
		return false, nil
	}
	rd := reader{b: d, off: 2, slab: &p.slab}
	seq := rd.uvarint()
	ns := rd.varint()
	e := Event{Seq: seq, Actor: p.intern(rd.bytes())}
	if codec == 2 {
		e.Role = Role(p.intern(rd.bytes()))
	}
	if rd.err != nil || seq != r.Seq || seq != st.Seq+1 {
		return false, nil
	}
	e.At = time.Unix(0, ns).UTC()
	if ballot {
		round, index := rd.sint(), rd.sint()
		b := rd.ballot()
		cur := st.currentRound()
		if rd.err != nil || rd.off != len(d) || cur == nil || cur.No != round {
			return false, nil
		}
		if err := cur.enter(e, index, b); err != nil {
			return true, err
		}
	} else {
		person := rd.bytes()
		status := Status(rd.byte())
		undoes := rd.uvarint()
		terminal := ""
		if codec == 2 && rd.err == nil && rd.off < len(d) { // the terminal, written when there is one
			if terminal = p.intern(rd.bytes()); terminal == "" {
				return false, nil
			}
		}
		i, ok := st.index[string(person)]
		if rd.err != nil || rd.off != len(d) || !ok || !status.Valid() {
			return false, nil
		}
		if err := st.mark(e, i, status, "", undoes, terminal); err != nil {
			return true, err
		}
	}
	st.Seq, st.LastAt = e.Seq, e.At
	return true, nil
}

// intern returns b as a string, the same string for the same bytes; the
// few terminals of a congress are found among the recent ones without
// hashing.
func (p *replayer) intern(b []byte) string {
	for _, s := range p.recent {
		if string(b) == s {
			return s
		}
	}
	s, ok := p.strs[string(b)]
	if !ok {
		s = string(b)
		p.strs[s] = s
	}
	p.recent[p.next] = s
	p.next = (p.next + 1) % len(p.recent)
	return s
}
