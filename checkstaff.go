package main

import (
	"encoding/json"
	"io"
	"os"

	"podium/prep"
)

// runCheckStaff is `podium check staff FILE [--large] [--format json|text]`:
// the school-level union staff list audited against items 3–6 of the
// self-assessment (附件1). Any audit it can compute exits 0, whatever it
// finds; an unreadable file exits 2 naming the file and line.
func runCheckStaff(g *globals, args []string, stdout, stderr io.Writer) error {
	fs := g.flags("check staff", stderr)
	large := fs.Bool("large", false, "a school with many students or campuses: at most 60 staff, not 40")
	format := fs.String("format", "text", "the output: json or text")
	var file string
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		file, args = args[0], args[1:]
	}
	if err := g.parse(fs, args); err != nil {
		return err
	}
	if file == "" {
		return usageError("check staff needs a FILE (the staff list, CSV or tab-separated)")
	}
	if *format != "json" && *format != "text" {
		return usageError("--format %q: use json or text", *format)
	}
	f, err := os.Open(file)
	if err != nil {
		return usageError("%v", err)
	}
	defer f.Close()
	staff, dataErrs, err := prep.ReadStaff(file, f)
	if err != nil {
		return usageError("%v", err)
	}
	audit := prep.AuditStaff(staff, prep.StaffOptions{Large: *large})
	if dataErrs != nil {
		audit.DataErrors = dataErrs
	}
	if *format == "text" {
		_, err := io.WriteString(stdout, audit.Text())
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(audit)
}
