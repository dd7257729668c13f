package app

import (
	"io"

	"podium/files"
	"podium/model"
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
	slate, err := ReadWith(candidatesPath, func(r io.Reader) ([]model.Candidate, error) {
		return files.ReadCandidates(candidatesPath, r, m)
	})
	if err != nil {
		return election.Round{}, err
	}
	ballots, err := ReadWith(ballotsPath, func(r io.Reader) ([]election.Ballot, error) {
		return files.ReadBallots(ballotsPath, r, slate, m)
	})
	if err != nil {
		return election.Round{}, err
	}
	return election.Round{Method: m, Slate: slate, Kind: election.Regular, Ballots: ballots}, nil
}
