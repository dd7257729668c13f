package main

import (
	"podium/files"

	"encoding/json"
	"fmt"
	"io"
	"os"

	"podium/model"
	"podium/session/election"
)

// runCount is `podium count`: one round counted from files, for recounts
// and audits. The JSON on stdout is a contract (see the README).
func runCount(g *globals, args []string, stdout, stderr io.Writer) error {
	fs := g.flags("count", stderr)
	method := fs.String("method", "", "the election method `FILE` (TOML)")
	candidates := fs.String("candidates", "", "the candidates `FILE` (CSV: name[,category][,person_id], in ballot order)")
	ballots := fs.String("ballots", "", "the ballots `FILE` (CSV: ballot, one column per candidate, write_in…, spoiled)")
	format := fs.String("format", "json", "the output: json or text (the tally sheet)")
	var expected, present, issued int
	fs.IntVar(&expected, "expected", -1, "formal delegates expected (应到) `N`")
	fs.IntVar(&present, "present", -1, "formal delegates present (实到) `N`")
	fs.IntVar(&issued, "issued", -1, "ballots issued (发出) `N`")
	if err := g.parse(fs, args); err != nil {
		return err
	}
	for _, f := range []struct{ name, val string }{{"method", *method}, {"candidates", *candidates}, {"ballots", *ballots}} {
		if f.val == "" {
			return usageError("count needs --%s FILE", f.name)
		}
	}
	for _, n := range []struct {
		name string
		val  int
	}{{"expected", expected}, {"present", present}, {"issued", issued}} {
		if n.val < 0 {
			return usageError("count needs --%s N (a whole number, 0 or more)", n.name)
		}
	}
	if *format != "json" && *format != "text" {
		return usageError("--format %q: use json or text", *format)
	}
	round, err := readRound(*method, *candidates, *ballots)
	if err != nil {
		return exitError{exitUsage, "podium: " + err.Error()}
	}
	round.Expected, round.Present, round.Issued = expected, present, issued
	res := election.Count(round)
	if *format == "text" {
		_, err := io.WriteString(stdout, res.Text(g.lang))
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}

// readRound reads the three files of a count.
func readRound(methodPath, candidatesPath, ballotsPath string) (election.Round, error) {
	m, err := files.ReadMethod(methodPath)
	if err != nil {
		return election.Round{}, err
	}
	slate, err := readWith(candidatesPath, func(r io.Reader) ([]model.Candidate, error) {
		return files.ReadCandidates(candidatesPath, r, m)
	})
	if err != nil {
		return election.Round{}, err
	}
	ballots, err := readWith(ballotsPath, func(r io.Reader) ([]election.Ballot, error) {
		return files.ReadBallots(ballotsPath, r, slate, m)
	})
	if err != nil {
		return election.Round{}, err
	}
	return election.Round{Method: m, Slate: slate, Kind: election.Regular, Ballots: ballots}, nil
}

// readWith opens path and hands it to read.
func readWith[T any](path string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	return read(f)
}
