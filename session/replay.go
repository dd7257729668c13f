package session

import (
	"encoding/binary"
	"fmt"
	"time"

	"podium/session/election"
)

// replayer applies stored records to a state (Load). The frequent ones —
// attendance marks of either codec and codec 2 ballots — are applied
// straight from their bytes, without building an event body: the person
// is looked up in the roster's index from the bytes; each actor, role and
// terminal is found among those already met by its bytes (a nameRef,
// which keeps its numbers in the timeline's names and its undo stacks);
// a ballot's marks are cut from a shared allocation. Every other record,
// and any record the fast path does not find well formed and in place,
// goes through decode and apply, which say what is wrong with it; so the
// fast path changes the speed of replay, never its outcome
// (TestFastReplayMatches).
type replayer struct {
	st     *State
	strs   map[string]string   // interned strings
	refs   map[string]*nameRef // actors, roles and terminals met
	actors recent              // the last ones met in each place
	roles  recent
	terms  recent
	keyed  keyedMarks
	// persons caches the roster index (plus one) of the ids met, each in
	// the slot of a cheap hash of its bytes, checked against the roster:
	// a congress marks each of its thousands of people many times.
	persons [1 << 12]int32
	// tail is the teller's stack the last ballot went on, appended to
	// here and written back to its round's Entries before any other
	// record is applied (flush): one map write per run of a teller's
	// ballots, not two map operations per ballot.
	tail struct {
		round  *Round
		teller string
		stack  []election.Ballot
	}
}

// nameRef is an actor, role or terminal met in the log, with what a mark
// of it needs from the state, found once: its number in the timeline's
// names and its undo stacks as an actor's ([0]) and as a terminal's ([1]).
type nameRef struct {
	s      string
	name   uint32
	named  bool
	stacks [2]int32 // -1: not found yet
}

// recent holds nameRefs met in one place of a record, each in the slot
// of a cheap hash of its bytes: the few desks, terminals and roles of a
// congress are found with one comparison, without hashing the whole name.
type recent [16]*nameRef

// ref returns the nameRef of b, from c or the table.
func (p *replayer) ref(c *recent, b []byte) *nameRef {
	h := len(b)
	if h > 0 {
		h += int(b[0]) + 3*int(b[len(b)/2]) + 5*int(b[len(b)-1])
	}
	slot := &c[h%len(c)]
	if r := *slot; r != nil && r.s == string(b) {
		return r
	}
	r, ok := p.refs[string(b)]
	if !ok {
		s, ok := p.strs[string(b)]
		if !ok {
			s = string(b)
			p.strs[s] = s
		}
		r = &nameRef{s: s, stacks: [2]int32{-1, -1}}
		p.refs[s] = r
	}
	*slot = r
	return r
}

// stack returns the number of r's undo stack as an actor's (terminal
// false) or a terminal's.
func (p *replayer) stack(r *nameRef, terminal bool) int32 {
	k := 0
	if terminal {
		k = 1
	}
	if r.stacks[k] < 0 {
		r.stacks[k] = p.st.stackID(stackKey{terminal, r.s})
	}
	return r.stacks[k]
}

// name returns r's number in the timeline's names.
func (p *replayer) name(r *nameRef) uint32 {
	if !r.named {
		r.name, r.named = p.st.Timeline.name(r.s), true
	}
	return r.name
}

// record applies one stored record.
func (p *replayer) record(r Record) error {
	if ok, err := p.fast(r); ok {
		return err
	}
	p.flush()
	e, err := decode(r.Data, p.strs)
	if err != nil {
		return &CorruptError{r.Seq, err.Error()}
	}
	if e.Seq != r.Seq {
		return &CorruptError{r.Seq, fmt.Sprintf("stored under %d but numbered %d", r.Seq, e.Seq)}
	}
	return p.st.apply(e)
}

// person returns the roster index of the person whose id is b, as the
// state's index gives it.
func (p *replayer) person(b []byte) (int, bool) {
	var w uint64
	if len(b) >= 8 {
		w = binary.LittleEndian.Uint64(b[len(b)-8:])
	} else {
		for _, c := range b {
			w = w<<8 | uint64(c)
		}
	}
	slot := &p.persons[(w*0x9e3779b97f4a7c15)>>(64-12)]
	roster := p.st.Setup.Roster
	if i := int(*slot) - 1; i >= 0 && i < len(roster) && roster[i].ID == string(b) {
		return i, true
	}
	i, ok := p.st.index[string(b)]
	if ok {
		*slot = int32(i + 1)
	}
	return i, ok
}

// flush writes the stack of the last ballots back to their round.
func (p *replayer) flush() {
	if t := &p.tail; t.round != nil {
		t.round.Entries[t.teller] = t.stack
		t.round, t.stack = nil, nil
	}
}

// fast applies a well-formed mark (with its terminal, when it stores one)
// or codec 2 ballot that follows the state and reports true, or reports
// false, having changed nothing, and leaves the record to decode.
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
	rd := reader{b: d, off: 2}
	seq := rd.uvarint()
	ns := rd.varint()
	actor := rd.bytes()
	var role []byte
	if codec == 2 {
		role = rd.bytes()
	}
	if rd.err != nil || seq != r.Seq || seq != st.Seq+1 {
		return false, nil
	}
	a := p.ref(&p.actors, actor)
	e := Event{Seq: seq, At: time.Unix(0, ns).UTC(), Actor: a.s}
	if codec == 2 {
		e.Role = Role(p.ref(&p.roles, role).s)
	}
	if ballot {
		round, index := rd.sint(), rd.sint()
		cur := st.currentRound()
		if cur != nil && p.keyed.round != cur {
			p.keyed.begin(cur)
		}
		rd.keyed, rd.index = &p.keyed, index
		b := rd.ballot()
		if rd.err != nil || rd.off != len(d) || cur == nil || cur.No != round {
			return false, nil
		}
		if t := &p.tail; t.round == cur && t.teller == e.Actor && index == len(t.stack) {
			t.stack = append(t.stack, b)
		} else {
			p.flush()
			if err := cur.enter(e, index, b); err != nil {
				return true, err
			}
			t.round, t.teller, t.stack = cur, e.Actor, cur.Entries[e.Actor]
		}
	} else {
		person := rd.bytes()
		status := Status(rd.byte())
		undoes := rd.uvarint()
		var term []byte
		if codec == 2 && rd.err == nil && rd.off < len(d) { // the terminal, written when there is one
			term = rd.bytes()
			if len(term) == 0 {
				return false, nil
			}
		}
		i, ok := p.person(person)
		if rd.err != nil || rd.off != len(d) || !ok || !status.Valid() {
			return false, nil
		}
		var stack int32
		if term != nil {
			stack = p.stack(p.ref(&p.terms, term), true)
		} else {
			stack = p.stack(a, false)
		}
		if err := st.markIn(seq, e.At, i, status, 0, undoes, stack, p.name(a)); err != nil {
			return true, err
		}
	}
	st.Seq, st.LastAt = e.Seq, e.At
	return true, nil
}

// keyedMarks keeps the marks of the ballots a replay reads. Two tellers
// key the same stack, so a ballot's packed marks are most often those of
// the ballot at the same place in another teller's stack: then its marks
// are the same (read-only) slice, found by comparing a few bytes instead
// of unpacking them again. Other marks are cut from a few allocations.
type keyedMarks struct {
	round  *Round            // the round read last
	packed [][]byte          // by place in a stack: the packed marks read last there
	marks  [][]election.Mark // and their marks
	bytes  []byte            // where the copies of packed marks are cut from
	slab   []election.Mark   // where marks are cut from
}

// begin makes room for the places of a round's stacks.
func (k *keyedMarks) begin(r *Round) {
	k.round = r
	if n := min(max(r.Collected, 0), 1<<16); cap(k.packed) < n {
		k.packed = append(make([][]byte, 0, n), k.packed...)
		k.marks = append(make([][]election.Mark, 0, n), k.marks...)
	}
}

// get returns the n marks packed in packed, of a ballot at place i of
// its teller's stack.
func (k *keyedMarks) get(packed []byte, n, i int) ([]election.Mark, error) {
	if i >= 0 && i < len(k.packed) && len(k.marks[i]) == n && string(k.packed[i]) == string(packed) {
		return k.marks[i], nil
	}
	if len(k.slab) < n {
		k.slab = make([]election.Mark, max(n, 1<<16))
	}
	m := k.slab[:n:n]
	if err := unpackMarks(m, packed); err != nil {
		return nil, err
	}
	k.slab = k.slab[n:]
	if i >= 0 && i <= len(k.packed) { // places are filled in order
		if len(k.bytes) < len(packed) {
			k.bytes = make([]byte, max(len(packed), 1<<14))
		}
		c := k.bytes[:len(packed):len(packed)]
		copy(c, packed)
		k.bytes = k.bytes[len(packed):]
		if i == len(k.packed) {
			k.packed, k.marks = append(k.packed, c), append(k.marks, m)
		} else {
			k.packed[i], k.marks[i] = c, m
		}
	}
	return m, nil
}
