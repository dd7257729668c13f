package session

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"podium/session/election"
)

// The bodies of codec 2 (docs/FORMAT.md, "Codec 2"): binary for the setup
// (Opened), the attendance (Marked, ItemStarted, DeclaredOpen) and the
// ballots (BallotEntered); JSON with snake_case names for every other
// kind. In the binary bodies an int is a zigzag varint, a string a uvarint
// length and its UTF-8 bytes, a flag one byte 0 or 1, a list a uvarint
// count and its elements.

// bodyCodec writes and reads one kind's body.
type bodyCodec struct {
	put func(b []byte, body Body) ([]byte, error)
	get func(r *reader) (Body, error)
}

// v2Bodies is codec 2's body for each kind it writes, by number.
var v2Bodies = func() (t [256]bodyCodec) {
	t[kindOpened] = bodyCodec{putOpened, getOpened}
	t[kindMarked] = bodyCodec{putMarked, getMarked}
	t[kindItemStarted] = bodyCodec{putItemStarted, getItemStarted}
	t[kindDeclaredOpen] = bodyCodec{putDeclaredOpen, getDeclaredOpen}
	t[kindBallotEntered] = bodyCodec{putBallotEntered, getBallotEntered}
	t[kindMethodAdopted] = jsonCodec[MethodAdopted]()
	t[kindScrutineersAdopted] = jsonCodec[ScrutineersAdopted]()
	t[kindRoundOpened] = jsonCodec[RoundOpened]()
	t[kindBallotsIssued] = jsonCodec[BallotsIssued]()
	t[kindBallotsCollected] = jsonCodec[BallotsCollected]()
	t[kindBallotRemoved] = jsonCodec[BallotRemoved]()
	t[kindTallyEntered] = jsonCodec[TallyEntered]()
	t[kindRoundDecided] = jsonCodec[RoundDecided]()
	t[kindVacancyDeclared] = jsonCodec[VacancyDeclared]()
	t[kindItemEnded] = jsonCodec[ItemEnded]()
	t[kindItemSkipped] = jsonCodec[ItemSkipped]()
	t[kindQuestionAsked] = jsonCodec[QuestionAsked]()
	t[kindQuestionAnswered] = jsonCodec[QuestionAnswered]()
	t[kindQuestionDeferred] = jsonCodec[QuestionDeferred]()
	t[kindMotionFiled] = jsonCodec[MotionFiled]()
	t[kindMotionAccepted] = jsonCodec[MotionAccepted]()
	t[kindMotionDeclined] = jsonCodec[MotionDeclined]()
	t[kindVoteRecorded] = jsonCodec[VoteRecorded]()
	t[kindNoteAdded] = jsonCodec[NoteAdded]()
	t[kindOfficerRated] = jsonCodec[OfficerRated]()
	t[kindSurveyRecorded] = jsonCodec[SurveyRecorded]()
	t[kindStaffAuditRecorded] = jsonCodec[StaffAuditRecorded]()
	t[kindSpeakerAdded] = jsonCodec[SpeakerAdded]()
	t[kindSpeakerRemoved] = jsonCodec[SpeakerRemoved]()
	t[kindSpeakerMoved] = jsonCodec[SpeakerMoved]()
	t[kindSpeechStarted] = jsonCodec[SpeechStarted]()
	t[kindSpeechEnded] = jsonCodec[SpeechEnded]()
	t[kindSpeakersUndone] = jsonCodec[SpeakersUndone]()
	t[kindGroupReported] = jsonCodec[GroupReported]()
	t[kindFloorRulesSet] = jsonCodec[FloorRulesSet]()
	t[kindTakenOver] = jsonCodec[TakenOver]() // an addition (docs/FORMAT.md rule 2)
	// Added since the first release of codec 2 (docs/FORMAT.md, rule 2).
	t[kindExcused] = jsonCodec[Excused]()
	t[kindEntrySwitched] = jsonCodec[EntrySwitched]()
	t[kindMethodVoted] = jsonCodec[MethodVoted]()
	t[kindScrutineersVoted] = jsonCodec[ScrutineersVoted]()
	t[kindVoteStruck] = jsonCodec[VoteStruck]()
	return t
}()

// decodeBody reads the body of a record of kind k in the codec whose
// bodies are table.
func decodeBody(r *reader, k EventKind, table *[256]bodyCodec, codec int) (Body, error) {
	c := table[k]
	if c.get == nil {
		if info := kindByNumber[k]; info != nil {
			return nil, fmt.Errorf("kind %d (%s) is never written by codec %d", k, info.Name, codec)
		}
		return nil, fmt.Errorf("unknown event kind %d", k)
	}
	b, err := c.get(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", kindByNumber[k].Name, err)
	}
	return b, nil
}

// jsonCodec stores a body as its JSON (a string), read back strictly: an
// unknown field is damage, not something to drop silently.
func jsonCodec[T Body]() bodyCodec {
	return bodyCodec{
		put: func(b []byte, body Body) ([]byte, error) {
			js, err := json.Marshal(body)
			if err != nil {
				return nil, err
			}
			return appendString(b, string(js)), nil
		},
		get: func(r *reader) (Body, error) {
			js := r.bytes()
			var v T
			if r.err != nil {
				return v, nil
			}
			if u, ok := any(&v).(json.Unmarshaler); ok { // strict itself
				if err := u.UnmarshalJSON(js); err != nil {
					return nil, err
				}
				return v, nil
			}
			d := json.NewDecoder(bytes.NewReader(js))
			d.DisallowUnknownFields()
			if err := d.Decode(&v); err != nil {
				return nil, err
			}
			if d.More() {
				return nil, errors.New("data after the JSON body")
			}
			return v, nil
		},
	}
}

func appendInt(b []byte, v int) []byte { return binary.AppendVarint(b, int64(v)) }

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func appendCount2(b []byte, c Count) []byte {
	return appendInt(appendInt(b, c.Expected), c.Present)
}

func (r *reader) count2() Count { return Count{Expected: r.sint(), Present: r.sint()} }

// Marked: person string | status byte (0–3) | undoes uvarint, and the
// terminal string at the end, written only when it is not empty (an
// addition: a mark without one is the bytes it always was).
func putMarked(b []byte, body Body) ([]byte, error) {
	m := body.(Marked)
	b = appendString(b, m.Person)
	b = append(b, byte(m.Status))
	b = binary.AppendUvarint(b, m.Undoes)
	if m.Terminal != "" {
		b = appendString(b, m.Terminal)
	}
	return b, nil
}

func getMarked(r *reader) (Body, error) {
	var m Marked
	m.Person = r.string()
	m.Status = Status(r.byte())
	if !m.Status.Valid() {
		r.fail(fmt.Errorf("bad status %d", m.Status))
	}
	m.Undoes = r.uvarint()
	if r.err == nil && r.off < len(r.b) {
		if m.Terminal = r.string(); m.Terminal == "" {
			r.fail(errors.New("an empty terminal is never written"))
		}
	}
	return m, nil
}

// ItemStarted: index int | count (expected int, present int).
func putItemStarted(b []byte, body Body) ([]byte, error) {
	it := body.(ItemStarted)
	return appendCount2(appendInt(b, it.Index), it.Count), nil
}

func getItemStarted(r *reader) (Body, error) {
	var it ItemStarted
	it.Index = r.sint()
	it.Count = r.count2()
	return it, nil
}

// DeclaredOpen: count (expected int, present int).
func putDeclaredOpen(b []byte, body Body) ([]byte, error) {
	return appendCount2(b, body.(DeclaredOpen).Count), nil
}

func getDeclaredOpen(r *reader) (Body, error) { return DeclaredOpen{Count: r.count2()}, nil }

// BallotEntered: round int | index int | ballot, where a ballot is
// id string | marks | write-ins list of (name string, category string) |
// spoiled string, and marks are a uvarint count n and ⌈n/4⌉ bytes, four
// marks a byte from the low bits up, two bits each (0 abstain, 1 approve,
// 2 disapprove; 3 and the unused bits of the last byte must be 0).
func putBallotEntered(b []byte, body Body) ([]byte, error) {
	be := body.(BallotEntered)
	b = appendInt(appendInt(b, be.Round), be.Index)
	return appendBallot(b, be.Ballot)
}

func getBallotEntered(r *reader) (Body, error) {
	var be BallotEntered
	be.Round = r.sint()
	be.Index = r.sint()
	be.Ballot = r.ballot()
	return be, nil
}

func appendBallot(b []byte, bl election.Ballot) ([]byte, error) {
	b = appendString(b, bl.ID)
	b = binary.AppendUvarint(b, uint64(len(bl.Marks)))
	var cur byte
	for i, m := range bl.Marks {
		if m > election.Disapprove {
			return nil, fmt.Errorf("mark %d of the ballot is %d, not 0, 1 or 2", i+1, m)
		}
		cur |= byte(m) << (2 * (i % 4))
		if i%4 == 3 {
			b, cur = append(b, cur), 0
		}
	}
	if len(bl.Marks)%4 != 0 {
		b = append(b, cur)
	}
	b = binary.AppendUvarint(b, uint64(len(bl.WriteIns)))
	for _, w := range bl.WriteIns {
		b = appendString(appendString(b, w.Name), w.Category)
	}
	return appendString(b, bl.Spoiled), nil
}

// unpacked[x] is the four marks of byte x.
var unpacked = func() (t [256][4]election.Mark) {
	for x := range t {
		for i := range 4 {
			t[x][i] = election.Mark(x >> (2 * i) & 3)
		}
	}
	return t
}()

func (r *reader) ballot() election.Ballot {
	var bl election.Ballot
	bl.ID = r.string()
	n := r.uvarint()
	if r.err != nil {
		return bl
	}
	if n > 4*uint64(len(r.b)-r.off) {
		r.fail(errShort)
		return bl
	}
	if n > 0 {
		packed := r.b[r.off : r.off+int(n+3)/4]
		r.off += len(packed)
		var err error
		if r.keyed != nil {
			bl.Marks, err = r.keyed.get(packed, int(n), r.index)
		} else {
			bl.Marks = make([]election.Mark, n)
			err = unpackMarks(bl.Marks, packed)
		}
		if err != nil {
			r.fail(err)
		}
	}
	if k := r.len(2); k > 0 {
		bl.WriteIns = make([]election.WriteIn, k)
		for i := range bl.WriteIns {
			bl.WriteIns[i] = election.WriteIn{Name: r.string(), Category: r.string()}
		}
	}
	bl.Spoiled = r.string()
	return bl
}

// unpackMarks fills marks (len(marks) ≤ 4·len(packed), and more than
// 4·(len(packed)-1)) from their packed bytes, four a byte from the low
// bits up; a mark 3, or a set bit past the last mark, is damage.
func unpackMarks(marks []election.Mark, packed []byte) error {
	var bad byte
	last := len(packed) - 1
	for j, x := range packed[:last] {
		bad |= x & (x >> 1)
		*(*[4]election.Mark)(marks[4*j : 4*j+4]) = unpacked[x]
	}
	x := packed[last]
	bad |= x & (x >> 1)
	for i := range marks[4*last:] {
		marks[4*last+i] = election.Mark(x >> (2 * i) & 3)
	}
	switch {
	case bad&0x55 != 0:
		for j, x := range packed {
			if x&(x>>1)&0x55 != 0 {
				return fmt.Errorf("bad mark in byte %d of the ballot", j)
			}
		}
	case x>>(2*(len(marks)-4*last)) != 0:
		return errors.New("unused bits of the last mark byte are set")
	}
	return nil
}
