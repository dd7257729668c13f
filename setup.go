package main

import (
	"podium/files"

	"fmt"
	"io"

	"podium/model"
)

// readSetup builds a congress's setup from a roster file and an optional
// agenda file; name, when given, overrides the agenda file's meeting name.
// Without an agenda file the meeting takes the seed's rules and the
// standard agenda, and then a name must be given. When an election item of
// the agenda file links a method and candidates, the election is prepared
// from them (readElection).
func readSetup(rosterPath, agendaPath, name string) (model.Setup, error) {
	af := files.AgendaFile{Items: model.StandardAgenda()}
	if agendaPath != "" {
		var err error
		if af, err = files.ReadAgenda(agendaPath); err != nil {
			return model.Setup{}, err
		}
	} else {
		af.Meeting = model.DefaultMeeting("")
	}
	if name != "" {
		af.Meeting.Name = name
	}
	if af.Meeting.Name == "" {
		return model.Setup{}, fmt.Errorf("the congress needs a name: give --name TEXT or [meeting] name in --agenda FILE")
	}
	roster, err := files.ReadRoster(rosterPath)
	if err != nil {
		return model.Setup{}, err
	}
	s := af.Setup(roster)
	if af.Election != nil {
		if s.Election, err = readElection(*af.Election, roster); err != nil {
			return model.Setup{}, err
		}
	}
	return s, nil
}

// readElection reads the election method and the candidates an election
// item links (paths already resolved against the agenda file) and links
// the candidates to the roster with files.ReadSlate: by a person_id
// column, else by the name of exactly one formal delegate; a name that two
// formal delegates share is refused, naming both. Errors name the file and
// its line.
func readElection(f files.ElectionFiles, roster []model.Person) (*model.Election, error) {
	m, err := files.ReadMethod(f.Method)
	if err != nil {
		return nil, err
	}
	cands, err := readWith(f.Candidates, func(r io.Reader) ([]model.Candidate, error) {
		return files.ReadSlate(f.Candidates, r, m, roster)
	})
	if err != nil {
		return nil, err
	}
	return &model.Election{Method: m, Candidates: cands}, nil
}
