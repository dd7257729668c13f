package main

import (
	"fmt"

	"podium/agenda"
)

// readSetup builds a congress's setup from a roster file and an optional
// agenda file; name, when given, overrides the agenda file's meeting name.
// Without an agenda file the meeting takes the seed's rules and the
// standard agenda, and then a name must be given.
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
	return af.Setup(roster), nil
}
