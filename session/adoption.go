package session

import (
	"slices"

	"podium/model"
)

// The adoption votes of the election (RULES §3, §10; 附件3 §8, §9): the
// method takes effect once the congress adopts it, and the scrutineers are
// chosen by the delegates. With the meeting's adoption = "vote" (the
// default) each is a §3 vote of an ordinary matter, recorded with its
// counts among the congress's votes (Resolution.Adopts) and linked to the
// election; the first round cannot open before both are adopted.

// MethodVoted records the congress's vote on the election method as
// resolution No; the method takes effect when the vote adopts it.
type MethodVoted struct {
	No     int          `json:"no"`
	Item   int          `json:"item"`
	Method model.Method `json:"method"`
	VoteFigures
}

// ScrutineersVoted records the congress's vote on the scrutineer list as
// resolution No; the list takes effect when the vote adopts it.
type ScrutineersVoted struct {
	No         int      `json:"no"`
	Item       int      `json:"item"`
	Scrutineer string   `json:"scrutineer"`
	Chief      string   `json:"chief"`
	Counters   []string `json:"counters"`
	VoteFigures
}

func (MethodVoted) kind() EventKind      { return kindMethodVoted }
func (ScrutineersVoted) kind() EventKind { return kindScrutineersVoted }

// methodAdoption is one adoption of the method: by vote No (0: none).
type methodAdoption struct {
	vote   int
	method model.Method
	at     Stamp
}

// scrutineerAdoption is one adoption of the scrutineers: by vote No.
type scrutineerAdoption struct {
	vote int
	list ScrutineerList
	at   Stamp
}

// adoptionVote checks the vote an adoption carries: required when the
// meeting adopts by vote; when given, a §3 vote of an ordinary matter.
func (st *State) adoptionVote(vc *VoteCounts) (*VoteFigures, error) {
	if vc == nil {
		if st.Setup.Meeting.AdoptionRule() == model.AdoptionVote {
			return nil, &FieldError{Field: "vote", Reason: "is needed: the meeting adopts it by a vote (adoption = \"vote\")", Code: CodeNeedsVote}
		}
		return nil, nil
	}
	fig, err := st.voteFigures(model.VoteOrdinary, *vc)
	if err != nil {
		return nil, err
	}
	return &fig, nil
}

// adoptionResolution is the resolution an adoption vote records.
func adoptionResolution(e Event, no, item int, f VoteFigures, what Adopts) *Resolution {
	return &Resolution{No: no, Item: item, Kind: model.VoteOrdinary, Method: f.VoteMethod,
		For: f.For, Against: f.Against, Abstain: f.Abstain, At: e.At, Count: f.Count,
		Rule: f.Rule, Base: f.Base, Need: f.Need, Adopted: f.Adopted, Adopts: what}
}

// adoptMethod puts a method in force, adopted by vote no (0: none).
func (v *Vote) adoptMethod(no int, m model.Method, at Stamp) {
	v.methods = append(v.methods, methodAdoption{vote: no, method: m, at: at})
	v.Method, v.MethodAdopted, v.MethodVote = m, &at, no
}

// adoptScrutineers puts a scrutineer list in force, adopted by vote no.
func (v *Vote) adoptScrutineers(no int, l ScrutineerList, at Stamp) {
	v.scrutineers = append(v.scrutineers, scrutineerAdoption{vote: no, list: l, at: at})
	v.Scrutineer, v.Chief, v.Counters = l.Scrutineer, l.Chief, l.Counters
	v.ScrutineersAdopted, v.ScrutineersVote = &at, no
}

// restoreAdoptions takes back what struck vote no adopted: the adoption
// before it is in force again, or none (the prepared method, no
// scrutineers).
func (v *Vote) restoreAdoptions(prepared model.Method, no int) {
	v.methods = slices.DeleteFunc(v.methods, func(a methodAdoption) bool { return a.vote == no })
	v.scrutineers = slices.DeleteFunc(v.scrutineers, func(a scrutineerAdoption) bool { return a.vote == no })
	v.Method, v.MethodAdopted, v.MethodVote = prepared, nil, 0
	if n := len(v.methods); n > 0 {
		a := v.methods[n-1]
		v.Method, v.MethodAdopted, v.MethodVote = a.method, &a.at, a.vote
	}
	v.Scrutineer, v.Chief, v.Counters, v.ScrutineersAdopted, v.ScrutineersVote = "", "", nil, nil, 0
	if n := len(v.scrutineers); n > 0 {
		a := v.scrutineers[n-1]
		v.Scrutineer, v.Chief, v.Counters = a.list.Scrutineer, a.list.Chief, a.list.Counters
		v.ScrutineersAdopted, v.ScrutineersVote = &a.at, a.vote
	}
}

// applyAdoption applies the adoption events; handled is false for others.
func (st *State) applyAdoption(e Event) (handled bool, err error) {
	v := st.Vote
	switch e.Body.(type) {
	case MethodAdopted, ScrutineersAdopted, MethodVoted, ScrutineersVoted:
		if v == nil {
			return true, &CorruptError{e.Seq, "an election event in a congress without an election"}
		}
	default:
		return false, nil
	}
	switch b := e.Body.(type) {
	case MethodAdopted:
		v.adoptMethod(0, b.Method, Stamp{Seq: e.Seq, At: e.At, Count: st.Count()})
	case ScrutineersAdopted:
		v.adoptScrutineers(0, ScrutineerList{b.Scrutineer, b.Chief, b.Counters}, Stamp{Seq: e.Seq, At: e.At, Count: b.Count})
	case MethodVoted:
		if b.No != len(st.Votes)+1 {
			return true, &CorruptError{e.Seq, "vote out of order"}
		}
		r := adoptionResolution(e, b.No, b.Item, b.VoteFigures, AdoptsMethod)
		m := b.Method
		r.ElectionMethod = &m
		st.Votes = append(st.Votes, r)
		if b.Adopted {
			v.adoptMethod(b.No, b.Method, Stamp{Seq: e.Seq, At: e.At, Count: b.Count})
		}
	case ScrutineersVoted:
		if b.No != len(st.Votes)+1 {
			return true, &CorruptError{e.Seq, "vote out of order"}
		}
		r := adoptionResolution(e, b.No, b.Item, b.VoteFigures, AdoptsScrutineers)
		l := ScrutineerList{b.Scrutineer, b.Chief, b.Counters}
		r.Scrutineers = &l
		st.Votes = append(st.Votes, r)
		if b.Adopted {
			v.adoptScrutineers(b.No, l, Stamp{Seq: e.Seq, At: e.At, Count: b.Count})
		}
	}
	return true, nil
}

// counts are the counts a vote was entered with.
func (f VoteFigures) counts() *VoteCounts {
	return &VoteCounts{Method: f.VoteMethod, For: f.For, Against: f.Against, Abstain: f.Abstain}
}

// CheckScrutineer tells whether the person with this id may be role
// (RoleScrutineer or RoleChief; other is the scrutineer when choosing the
// chief): a formal delegate, present, and no candidate of the election
// (RULES §6.1, 附件3 §8). It is the core's check when the scrutineers are
// adopted; the screens ask it at the moment a person is picked.
func (st *State) CheckScrutineer(id, role, other string) error {
	i, ok := st.index[id]
	if !ok {
		return &UnknownPersonError{ID: id}
	}
	p := st.Setup.Roster[i]
	refuse := func(reason Code) error {
		return &ScrutineerError{ID: p.ID, Name: p.Name, Role: role, Reason: reason, Status: st.Attendance[i].Status}
	}
	switch {
	case p.Kind != model.Formal:
		return refuse(ReasonNotFormal)
	case st.Vote != nil && st.isCandidate(i):
		return refuse(ReasonCandidate)
	case st.Attendance[i].Status != Present:
		return refuse(ReasonNotPresent)
	case role == RoleChief && id == other:
		return refuse(ReasonSamePerson)
	}
	return nil
}

// isCandidate reports whether the person at roster index i stands in the
// election (by roster id, or by name for a candidate not linked to one).
func (st *State) isCandidate(i int) bool {
	p := st.Setup.Roster[i]
	for _, c := range st.Vote.Candidates {
		if c.PersonID == p.ID || (c.PersonID == "" && c.Name == p.Name) {
			return true
		}
	}
	return false
}
