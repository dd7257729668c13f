package cli

import (
	"io"

	"github.com/spf13/cobra"

	"podium/files"
	"podium/internal/app"
	"podium/prep"
)

// newCheckStaffCmd is `podium check staff FILE`: the school-level union
// staff list audited against items 3–6 of the self-assessment (附件1). Any
// audit it can compute exits 0, whatever it finds; an unreadable file
// exits 2 naming the file and line.
func newCheckStaffCmd(g *globals) *cobra.Command {
	var large bool
	var format string
	cmd := &cobra.Command{
		Use:   "staff FILE",
		Short: "Audit the union staff list (附件1, items 3–6)",
		Long: `Audit the school-level union staff list (CSV or tab-separated) against items
3–6 of the self-assessment (附件1): the number of staff, the presidium and
departments, the titles, membership of the Party or League, and the grades
of non-freshmen. Each item is PASS, FAIL or CANNOT VERIFY (the audit never
guesses); rows with bad data are listed with their line. Any audit exits 0;
an unreadable file exits 2.`,
		Example: `podium check staff staff.csv
podium check staff --format json staff.tsv
podium check staff staff.csv --large`,
		Args: oneFile("a FILE (the staff list, CSV or tab-separated)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := textOrJSON(format); err != nil {
				return err
			}
			file := args[0]
			staff, dataErrs, err := files.ReadStaffFile(file)
			if err != nil {
				return &app.InputError{Err: err}
			}
			audit := prep.AuditStaff(staff, prep.StaffOptions{Large: large})
			if dataErrs != nil {
				audit.DataErrors = dataErrs
			}
			if format == "text" {
				_, err := io.WriteString(cmd.OutOrStdout(), audit.Text())
				return err
			}
			return writeJSON(cmd.OutOrStdout(), audit)
		},
	}
	cmd.Flags().BoolVar(&large, "large", false, "a large school: at most 60 staff, not 40")
	cmd.Flags().StringVar(&format, "format", "text", "the output: json or text")
	return cmd
}
