package app

import (
	"podium/files"
	"podium/session/election"
)

// ReadRound reads the three files of a count from files: the method, the
// candidates in ballot order and the ballots. Errors are *InputErrors
// naming the file, line and column. The caller sets the round's figures
// (expected, present, issued).
func ReadRound(methodPath, candidatesPath, ballotsPath string) (election.Round, error) {
	m, err := files.ReadMethod(methodPath)
	if err != nil {
		return election.Round{}, badInput(err)
	}
	slate, err := files.ReadCandidatesFile(candidatesPath, m)
	if err != nil {
		return election.Round{}, badInput(err)
	}
	ballots, err := files.ReadBallotsFile(ballotsPath, slate, m)
	if err != nil {
		return election.Round{}, badInput(err)
	}
	return election.Round{Method: m, Slate: slate, Kind: election.Regular, Ballots: ballots}, nil
}
