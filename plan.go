package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"podium/prep"
)

// runPlan is `podium plan`: preparing the congress. Its one subcommand is
// `seats`.
func runPlan(g *globals, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "seats" {
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h" || args[0] == "-help") {
			fmt.Fprintln(stdout, "Usage: podium plan seats --units FILE --total N [--format json|text]")
			return nil
		}
		return usageError("plan: use `podium plan seats --units FILE --total N`")
	}
	return runPlanSeats(g, args[1:], stdout, stderr)
}

// runPlanSeats is `podium plan seats`: the seats of each electoral unit
// (RULES §8). The JSON on stdout, [{unit, students, minimum, seats}] in
// the file's order, is a contract (see the README).
func runPlanSeats(g *globals, args []string, stdout, stderr io.Writer) error {
	fs := g.flags("plan", stderr)
	units := fs.String("units", "", "the units `FILE` (CSV: unit,students)")
	total := fs.Int("total", -1, "the formal delegates' seats to allocate `N`")
	format := fs.String("format", "json", "the output: json or text")
	if err := g.parse(fs, args); err != nil {
		return err
	}
	if *units == "" {
		return usageError("plan seats needs --units FILE")
	}
	if *total < 0 {
		return usageError("plan seats needs --total N (a whole number, 0 or more)")
	}
	if *format != "json" && *format != "text" {
		return usageError("--format %q: use json or text", *format)
	}
	us, err := readWith(*units, func(r io.Reader) ([]prep.Unit, error) { return prep.ReadUnits(*units, r) })
	if err != nil {
		return exitError{exitUsage, "podium: " + err.Error()}
	}
	alloc, err := prep.AllocateSeats(us, *total)
	if err != nil { // a *prep.ShortError says by how much
		return exitError{exitUsage, fmt.Sprintf("podium: %s: %v", *units, err)}
	}
	if *format == "text" {
		_, err := io.WriteString(stdout, seatsText(alloc, *total))
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(alloc)
}

// seatsText writes an allocation as a table.
func seatsText(alloc []prep.Allocation, total int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-20s %9s %8s %6s\n", "unit", "students", "minimum", "seats")
	students, mins, seats := 0, 0, 0
	for _, a := range alloc {
		fmt.Fprintf(&b, "%s %9d %8d %6d\n", padCols(a.Unit, 20), a.Students, a.Minimum, a.Seats)
		students, mins, seats = students+a.Students, mins+a.Minimum, seats+a.Seats
	}
	fmt.Fprintf(&b, "%-20s %9d %8d %6d\n", "total", students, mins, seats)
	return b.String()
}

// padCols pads s to width terminal columns, Chinese characters counting
// two.
func padCols(s string, width int) string {
	w := 0
	for _, r := range s {
		if r >= 0x2E80 {
			w += 2
		} else {
			w++
		}
	}
	if w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}
