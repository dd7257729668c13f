package paper

import (
	"errors"
	"fmt"
	"slices"

	"podium/model"
	"podium/session"
	"podium/session/election"
)

// Sizes are the paper sizes a ballot prints on.
var Sizes = []string{"a4", "a5"}

// DefaultSpares is how many ballots are printed beyond the formal
// delegates, for spoiled and replaced ballots, unless set otherwise.
const DefaultSpares = 5

// Ballot is one round's ballot as printed: who votes, on what, by which
// rules, and how many copies to print. It holds no serial number: nothing
// on a ballot may tell one voter's from another's.
type Ballot struct {
	Lang     string
	Congress string // the congress's name
	Body     string // the election: the agenda's election item, e.g. 选举学生会第一届委员会
	Round    int    // the round's number, from 1
	Kind     election.Kind
	Revote   bool // the same round again after a void one
	Method   model.Method
	// Slate is the round's candidates in ballot order; Parts groups them
	// by category in the method's order.
	Slate []model.Candidate
	Parts []Part
	Copies
	Size      string // a4 or a5
	Rehearsal bool   // a rehearsal's ballot: 演练 on every page
}

// Part is one category of a ballot ("" without categories): its open
// seats, its candidates (indexes into Ballot.Slate, in ballot order) and
// the write-in rows (另选人栏) the method allows there.
type Part struct {
	Category string
	Seats    int
	Index    []int
	WriteIns int
}

// Copies is how many ballots to print: one per formal delegate (the ones
// present, or every one on the roster before check-in) and the spares.
type Copies struct {
	Delegates int
	Present   bool // Delegates counts the delegates present, not the roster's
	Spares    int
}

// Total is the number of ballots to print.
func (c Copies) Total() int { return c.Delegates + c.Spares }

// ErrNoElection: the congress has no election prepared.
var ErrNoElection = errors.New("the congress has no election prepared")

// RoundError refuses to print the ballots of round Asked: the election
// has Rounds rounds and Next (0: none) is the round that would open next.
type RoundError struct{ Asked, Rounds, Next int }

// Error says which rounds have ballots.
func (e *RoundError) Error() string {
	if e.Next == 0 {
		return fmt.Sprintf("round %d: the election has %d rounds and no round is due; give --round 1 to %d", e.Asked, e.Rounds, e.Rounds)
	}
	return fmt.Sprintf("round %d: the election has %d rounds held or open and round %d is next; give --round 1 to %d", e.Asked, e.Rounds, e.Next, e.Next)
}

// BallotOptions are the choices of a print: the round (0: the round open,
// else the one about to open), the paper, the spares and the language.
type BallotOptions struct {
	Round  int
	Size   string
	Spares int
	Lang   string
}

// BallotFor returns the ballot of a round of the congress in st: by
// default the round open now, or the round about to open (Vote.Next: the
// regular round, the same again after a void one, the runoffs due, the
// second rounds due), or a round already held when asked by number. Its
// slate and seats are the session's; nothing is retyped.
func BallotFor(st *session.State, o BallotOptions) (Ballot, error) {
	v := st.Vote
	if v == nil || len(v.Candidates) == 0 {
		return Ballot{}, ErrNoElection
	}
	held := len(v.Rounds)
	next, revote, due := v.Next()
	nextNo := 0
	if due && !v.Open() {
		nextNo = held + 1
	}
	no := o.Round
	if no == 0 {
		switch {
		case v.Open():
			no = held
		case due:
			no = held + 1
		default:
			return Ballot{}, &RoundError{Asked: held + 1, Rounds: held}
		}
	}
	var slate []model.Candidate
	var seats map[string]int
	var kind election.Kind
	switch {
	case no >= 1 && no <= held:
		r := v.Rounds[no-1]
		slate, seats, kind = r.Slate, r.Seats, r.Kind
		if no > 1 {
			p := v.Rounds[no-2]
			revote = p.Void() || (p.Result != nil && p.Result.Reason != "")
		} else {
			revote = false
		}
	case no == nextNo:
		slate, seats, kind = next.Slate, next.Seats, next.Kind
	default:
		return Ballot{}, &RoundError{Asked: no, Rounds: held, Next: nextNo}
	}
	b := Ballot{Lang: o.Lang, Congress: st.Setup.Meeting.Name, Round: no, Kind: kind, Revote: revote,
		Method: v.Method, Slate: slate, Size: o.Size, Rehearsal: st.Setup.Rehearsal}
	if o.Lang == "en" && st.Setup.Meeting.NameEn != "" {
		b.Congress = st.Setup.Meeting.NameEn
	}
	b.Body = electionTitle(st.Setup.Agenda, o.Lang)
	b.Parts = parts(v.Method, slate, seats, kind)
	n := st.Count()
	b.Copies = Copies{Delegates: n.Present, Present: true, Spares: o.Spares}
	if n.Present == 0 {
		b.Copies = Copies{Delegates: n.Expected, Spares: o.Spares}
	}
	return b, nil
}

// electionTitle is the title of the agenda's election item, in lang.
func electionTitle(agenda []model.Item, lang string) string {
	zh, en := model.DefaultTitle(model.ItemElection)
	for _, it := range agenda {
		if it.Kind == model.ItemElection {
			zh, en = it.Title, it.TitleEn
			break
		}
	}
	if lang == "en" && en != "" {
		return en
	}
	return zh
}

// parts groups a slate by the method's categories, in their order (one
// part without categories), with the open seats of the round and the
// write-in rows: as many as the seats (one per ×, and no more can count)
// and no more than the part's candidates, in a regular round of a method
// that allows write-ins; none in a runoff or a second round.
func parts(m model.Method, slate []model.Candidate, seats map[string]int, kind election.Kind) []Part {
	cats := []string{""}
	if len(m.Categories) > 0 {
		cats = cats[:0]
		for _, c := range m.Categories {
			cats = append(cats, c.Name)
		}
	}
	var out []Part
	for _, cat := range cats {
		p := Part{Category: cat, Seats: seats[cat]}
		if seats == nil {
			p.Seats = m.Seats
			if i := slices.IndexFunc(m.Categories, func(c model.Category) bool { return c.Name == cat }); i >= 0 {
				p.Seats = m.Categories[i].Seats
			}
		}
		for i, c := range slate {
			if c.Category == cat {
				p.Index = append(p.Index, i)
			}
		}
		if len(p.Index) == 0 {
			continue
		}
		if kind == election.Regular && m.WriteIns == model.WriteInsWithDisapproval {
			p.WriteIns = min(p.Seats, len(p.Index))
		}
		out = append(out, p)
	}
	return out
}
