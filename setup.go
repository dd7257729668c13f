package main

import (
	"fmt"
	"io"

	"podium/agenda"
	"podium/session/election"
)

// readSetup builds a congress's setup from a roster file and an optional
// agenda file; name, when given, overrides the agenda file's meeting name.
// Without an agenda file the meeting takes the seed's rules and the
// standard agenda, and then a name must be given. When an election item of
// the agenda file links a method and candidates, the election is prepared
// from them (readElection).
func readSetup(rosterPath, agendaPath, name string) (agenda.Setup, error) {
	af := agenda.AgendaFile{Items: agenda.StandardAgenda()}
	if agendaPath != "" {
		var err error
		if af, err = agenda.ReadAgenda(agendaPath); err != nil {
			return agenda.Setup{}, err
		}
	} else {
		af.Meeting = agenda.DefaultMeeting("")
	}
	if name != "" {
		af.Meeting.Name = name
	}
	if af.Meeting.Name == "" {
		return agenda.Setup{}, fmt.Errorf("the congress needs a name: give --name TEXT or [meeting] name in --agenda FILE")
	}
	roster, err := agenda.ReadRoster(rosterPath)
	if err != nil {
		return agenda.Setup{}, err
	}
	s := af.Setup(roster)
	if af.Election != nil {
		if s.Election, err = readElection(*af.Election, roster); err != nil {
			return agenda.Setup{}, err
		}
	}
	return s, nil
}

// readElection reads the election method and the candidates an election
// item links (paths already resolved against the agenda file) and links
// the candidates to the roster with election.ReadSlate: by a person_id
// column, else by the name of exactly one formal delegate; a name that two
// formal delegates share is refused, naming both. Errors name the file and
// its line.
func readElection(f agenda.ElectionFiles, roster []agenda.Person) (*agenda.Election, error) {
	m, err := agenda.ReadMethod(f.Method)
	if err != nil {
		return nil, err
	}
	cands, err := readWith(f.Candidates, func(r io.Reader) ([]agenda.Candidate, error) {
		return election.ReadSlate(f.Candidates, r, m, roster)
	})
	if err != nil {
		return nil, err
	}
	return &agenda.Election{Method: m, Candidates: cands}, nil
}
