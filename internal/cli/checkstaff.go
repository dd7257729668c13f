package cli

import (
	"io"
	"time"

	"github.com/spf13/cobra"

	"podium/internal/app"
	"podium/prep"
)

// newCheckStaffCmd is `podium check staff FILE`: the school-level union
// staff list audited against items 3–6 of the self-assessment (附件1), and
// with --db recorded in the congress. Any audit it can compute exits 0,
// whatever it finds; an unreadable file exits 2 naming the file and line.
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
an unreadable file exits 2.

With --db the audit is recorded in the congress (each check's verdict with
its figures and findings, the file's name, the number of its data errors),
and the records fill the self-assessment's items 3–6 from it: 达标 or 未达标
where the audit decided, left for the office with the audit's reasons where
it could not verify. A list with nobody on it, or a cell holding a control
character, exits 2 and records nothing. podium must not be running on that
database meanwhile.`,
		Example: `podium check staff staff.csv
podium check staff --format json staff.tsv
podium check staff staff.csv --large
podium check staff staff.tsv --db congress.db`,
		Args: oneFile("a FILE (the staff list, CSV or tab-separated)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := textOrJSON(format); err != nil {
				return err
			}
			staff, audit, err := app.AuditStaff(args[0], prep.StaffOptions{Large: large})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if format == "text" {
				_, err = io.WriteString(out, audit.Text())
			} else {
				err = writeJSON(out, audit)
			}
			if err != nil || !cmd.Flag("db").Changed {
				return err
			}
			if format == "json" {
				out = cmd.ErrOrStderr()
			}
			c, err := app.StaffAuditCommand(staff, audit, time.Now(), "podium check staff")
			if err != nil {
				return err
			}
			return record(g, c, out, recorded{flag: "--staff", what: "the staff audit", items: "3–6", itemsZh: "第3—6项"})
		},
	}
	cmd.Flags().BoolVar(&large, "large", false, "a large school: at most 60 staff, not 40")
	cmd.Flags().StringVar(&format, "format", "text", "the output: json or text")
	return cmd
}
