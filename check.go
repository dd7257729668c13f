package main

import (
	"podium/files"

	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"podium/model"
	"podium/prep"
)

// runCheck is `podium check`: the checks before the congress sits, `roster`
// (the delegates' composition and the candidates' surplus) and `staff` (the
// union staff audit).
func runCheck(g *globals, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "roster":
			return runCheckRoster(g, args[1:], stdout, stderr)
		case "staff":
			return runCheckStaff(g, args[1:], stdout, stderr)
		case "--help", "-help", "-h":
			fmt.Fprintln(stdout, "Usage: podium check roster FILE [--date YYYY-MM-DD] [--tolerance N] [--units-candidates FILE] [--method M.toml --committee C.csv] [--format json|text]\n       podium check staff FILE …")
			return nil
		}
	}
	return usageError("check: use `podium check roster FILE` or `podium check staff FILE`")
}

// rosterCheck is the JSON of `podium check roster`.
type rosterCheck struct {
	Composition prep.Report    `json:"composition"`
	Delegates   []prep.Surplus `json:"delegate_candidates,omitempty"`
	Committee   *prep.Surplus  `json:"committee"`
	// CommitteeSource is "demo" when the committee line is the demo's
	// election (no --method/--committee given), else the files.
	CommitteeSource string `json:"committee_source"`
}

// runCheckRoster is `podium check roster FILE`: the formal delegates'
// composition against the seed's targets and the candidates' surplus
// (RULES §8). Warnings are shown, never an error: the exit code is 0 for a
// report, 2 for bad input.
func runCheckRoster(g *globals, args []string, stdout, stderr io.Writer) error {
	fs := g.flags("check", stderr)
	date := fs.String("date", "", "the congress date `YYYY-MM-DD` (for the under-25 line; never today's date)")
	tol := fs.Int("tolerance", prep.DefaultTolerance, "the tolerance of the \"about\" targets in percentage `points`")
	unitsCands := fs.String("units-candidates", "", "the delegate candidates per unit `FILE` (CSV: unit,seats,candidates)")
	method := fs.String("method", "", "the committee election's method `FILE` (TOML); with --committee")
	committee := fs.String("committee", "", "the committee candidates `FILE` (CSV, as for count); with --method")
	format := fs.String("format", "text", "the output: json or text")
	file, err := parseWithFile(g, fs, args)
	if err != nil {
		return err
	}
	if file == "" {
		return usageError("check roster needs the roster FILE")
	}
	if *format != "json" && *format != "text" {
		return usageError("--format %q: use json or text", *format)
	}
	if (*method == "") != (*committee == "") {
		return usageError("check roster: give --method and --committee together")
	}
	roster, err := files.ReadRoster(file)
	if err != nil {
		return exitError{exitUsage, "podium: " + err.Error()}
	}
	rep, err := prep.Composition(roster, *date, *tol)
	if err != nil {
		return usageError("check roster: %v", err)
	}
	out := rosterCheck{Composition: rep}
	if *unitsCands != "" {
		uc, err := readWith(*unitsCands, func(r io.Reader) ([]prep.UnitCandidates, error) {
			return prep.ReadUnitCandidates(*unitsCands, r)
		})
		if err != nil {
			return exitError{exitUsage, "podium: " + err.Error()}
		}
		out.Delegates = prep.DelegateSurplus(uc)
	}
	if *method != "" {
		m, err := files.ReadMethod(*method)
		if err != nil {
			return exitError{exitUsage, "podium: " + err.Error()}
		}
		slate, err := readWith(*committee, func(r io.Reader) ([]model.Candidate, error) {
			return files.ReadCandidates(*committee, r, m)
		})
		if err != nil {
			return exitError{exitUsage, "podium: " + err.Error()}
		}
		c := prep.CommitteeSurplus(model.Election{Method: m, Candidates: slate})
		out.Committee, out.CommitteeSource = &c, *method+" + "+*committee
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	fmt.Fprint(stdout, rep.Text())
	fmt.Fprintln(stdout, "\nDelegate candidates per unit (差额, at least 20% more than seats):")
	if out.Delegates == nil {
		fmt.Fprintln(stdout, "  not checked: give --units-candidates FILE (CSV: unit,seats,candidates)")
	} else {
		fmt.Fprint(stdout, prep.SurplusText(out.Delegates))
	}
	if out.Committee == nil {
		fmt.Fprintln(stdout, "\nCommittee election: not checked: give --method M.toml --committee C.csv")
		return nil
	}
	fmt.Fprintf(stdout, "\nCommittee election (%s; shown, not blocked):\n", out.CommitteeSource)
	fmt.Fprint(stdout, prep.SurplusText([]prep.Surplus{*out.Committee}))
	return nil
}

// parseWithFile parses args that hold one positional FILE before, between
// or after the flags, and returns it ("" when none).
func parseWithFile(g *globals, fs *flag.FlagSet, args []string) (string, error) {
	file := ""
	for {
		if len(args) > 0 && (len(args[0]) == 0 || args[0][0] != '-') {
			if file != "" {
				return "", usageError("%s: unexpected argument %q", fs.Name(), args[0])
			}
			file, args = args[0], args[1:]
			continue
		}
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return "", err
			}
			return "", exitError{code: exitUsage} // flag has said what is wrong
		}
		if fs.NArg() == 0 {
			break
		}
		args = fs.Args()
	}
	return file, g.parse(fs, nil)
}
