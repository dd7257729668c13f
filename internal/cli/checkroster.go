package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"podium/files"
	"podium/internal/app"
	"podium/model"
	"podium/prep"
)

// rosterCheck is the JSON of `podium check roster`.
type rosterCheck struct {
	Composition prep.Report    `json:"composition"`
	Delegates   []prep.Surplus `json:"delegate_candidates,omitempty"`
	Committee   *prep.Surplus  `json:"committee"`
	// CommitteeSource is "demo" when the committee line is the demo's
	// election (no --method/--committee given), else the files.
	CommitteeSource string `json:"committee_source"`
}

// newCheckRosterCmd is `podium check roster FILE`: the formal delegates'
// composition against the seed's targets and the candidates' surplus
// (RULES §8). Warnings are shown, never an error: the exit code is 0 for a
// report, 2 for bad input.
func newCheckRosterCmd(g *globals) *cobra.Command {
	var date, unitsCands, method, committee, format string
	var tol int
	cmd := &cobra.Command{
		Use:   "roster FILE",
		Short: "Check the delegates' composition and surplus",
		Long: `Check the formal delegates of a roster (CSV or XLSX) against the seed's
targets: non-cadre, women, ethnic minorities about 60/40/40%, league cadres
about 10%, honoured about 30%, and under 25 on the congress date at least
30% (the clock is never read: give --date). --units-candidates checks that
each unit has at least 20% more delegate candidates than seats; the committee
election's surplus is shown, never blocked. Warnings exit 0.`,
		Example: `podium check roster roster.csv --date 2026-11-30
podium check roster roster.csv --units-candidates units.csv --format json
podium check roster roster.csv --method m.toml --committee committee.csv`,
		Args: oneFile("the roster FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := textOrJSON(format); err != nil {
				return err
			}
			if (method == "") != (committee == "") {
				return usageError("check roster: give --method and --committee together")
			}
			roster, err := files.ReadRoster(args[0])
			if err != nil {
				return &app.InputError{Err: err}
			}
			rep, err := prep.Composition(roster, date, tol)
			if err != nil {
				return usageError("check roster: %v", err)
			}
			out := rosterCheck{Composition: rep}
			if unitsCands != "" {
				uc, err := files.ReadUnitCandidatesFile(unitsCands)
				if err != nil {
					return &app.InputError{Err: err}
				}
				out.Delegates = prep.DelegateSurplus(uc)
			}
			if method != "" {
				m, err := files.ReadMethod(method)
				if err != nil {
					return &app.InputError{Err: err}
				}
				slate, err := files.ReadCandidatesFile(committee, m)
				if err != nil {
					return &app.InputError{Err: err}
				}
				c := prep.CommitteeSurplus(model.Election{Method: m, Candidates: slate})
				out.Committee, out.CommitteeSource = &c, method+" + "+committee
			}
			if format == "json" {
				return writeJSON(cmd.OutOrStdout(), out)
			}
			writeRosterCheck(cmd.OutOrStdout(), out)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&date, "date", "", "the congress date YYYY-MM-DD (for under 25)")
	f.IntVar(&tol, "tolerance", prep.DefaultTolerance, "N points either side of an \"about\" target")
	f.StringVar(&unitsCands, "units-candidates", "", "the delegate candidates FILE (CSV: unit,seats,…)")
	f.StringVar(&method, "method", "", "the committee's method FILE (TOML); with --committee")
	f.StringVar(&committee, "committee", "", "the committee's candidates FILE; with --method")
	f.StringVar(&format, "format", "text", "the output: json or text")
	return cmd
}

// writeRosterCheck writes the text report of `check roster`.
func writeRosterCheck(w io.Writer, out rosterCheck) {
	fmt.Fprint(w, out.Composition.Text())
	fmt.Fprintln(w, "\nDelegate candidates per unit (差额, at least 20% more than seats):")
	if out.Delegates == nil {
		fmt.Fprintln(w, "  not checked: give --units-candidates FILE (CSV: unit,seats,candidates)")
	} else {
		fmt.Fprint(w, prep.SurplusText(out.Delegates))
	}
	if out.Committee == nil {
		fmt.Fprintln(w, "\nCommittee election: not checked: give --method M.toml --committee C.csv")
		return
	}
	fmt.Fprintf(w, "\nCommittee election (%s; shown, not blocked):\n", out.CommitteeSource)
	fmt.Fprint(w, prep.SurplusText([]prep.Surplus{*out.Committee}))
}
