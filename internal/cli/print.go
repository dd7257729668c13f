package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"podium/internal/app"
	"podium/paper"
)

// newPrintCmd is `podium print`: the paper of the congress, printed from
// the database: `ballots`, `credentials` and `zero`.
func newPrintCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "print",
		Short: "Print ballots, credentials, the zero report",
		Long: `Print the paper of the congress from its database, never retyped:

  ballots      the ballot (选票) of the round open or about to open — the
               regular round, the same again after a void one, a runoff among
               the tied, a second round for the seats not filled — or of a
               held round by --round N; A4 or A5, the method's notes, the
               candidates in the approved order with the mark box left of
               each name, the write-in spaces, how many to print
  credentials  the credentials (代表证, 8 to an A4 sheet with crop marks; the
               kind by colour and word; a Code 128 barcode and a QR code of
               the id, which a desk scanner reads) and the desk lists (a page
               per unit with each id's barcode)
  zero         the zero report (零票报告) of the round: every candidate 0, no
               ballot keyed, signed by the scrutineers before counting

Each writes print-ready HTML into --out DIR and, where Chromium is installed,
its PDF. A rehearsal's paper says 演练 on every page ('podium rehearse'
writes the test deck).`,
		Example: `podium print ballots --out paper
podium print ballots --round 2 --size a5 --spares 10 --out paper
podium print credentials --out paper
podium print zero --out paper`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			use := "use `podium print ballots`, `podium print credentials` or `podium print zero`"
			if len(args) > 0 {
				return usageError("print: no subcommand %q; %s", args[0], use)
			}
			return usageError("print: %s", use)
		},
	}
	cmd.AddCommand(newPrintBallotsCmd(g), newPrintCredentialsCmd(g), newPrintZeroCmd(g))
	return cmd
}

// printFlags are the flags every print takes.
type printFlags struct {
	out   string
	noPDF bool
}

func (p *printFlags) add(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&p.out, "out", "", "the DIR to write into (created if missing)")
	f.BoolVar(&p.noPDF, "no-pdf", false, "HTML only, no PDF even where Chromium is installed")
}

// open opens the congress for reading, checking --out first.
func (p *printFlags) open(cmd *cobra.Command, g *globals) (*app.Congress, func(), error) {
	if p.out == "" {
		return nil, nil, usageError("%s needs --out DIR", name(cmd))
	}
	ctx, stop := signalContext(cmd.Context())
	c, err := app.OpenForReading(ctx, g.db)
	if err != nil {
		stop()
		return nil, nil, err
	}
	return c, func() { c.Close(); stop() }, nil
}

// list prints the files written, one a line.
func list(cmd *cobra.Command, files []string) {
	for _, f := range files {
		fmt.Fprintln(cmd.OutOrStdout(), f)
	}
}

// noElection words paper.ErrNoElection for the command line.
func noElection(err error) error {
	if errors.Is(err, paper.ErrNoElection) {
		return failed("the congress has no election prepared: link a method and candidates in the agenda file's election item")
	}
	return err
}

func newPrintBallotsCmd(g *globals) *cobra.Command {
	var p printFlags
	o := app.PrintOptions{}
	cmd := &cobra.Command{
		Use:   "ballots",
		Short: "Print the ballot of the round open or about to open",
		Long: `Print the ballot (选票) of the round open now, or of the round about to open
(the session's Next: the regular round; after a void round the same again;
then the runoffs due, then the second rounds due), or of a round held, by
--round N. Its candidates and seats come from the session's slate. The title
names the congress, the election and the round; the notes say what the method
says (附件3 §6); each category says 应选 N 名 and lists its candidates in the
approved order, the mark box to the left of each name, and the write-in spaces
the method allows. The footer says how many to print: the formal delegates
present (before check-in, all formal delegates) plus --spares. Ballots carry
no number. A long ballot runs over pages, the notes on every page.`,
		Example: `podium print ballots --out paper
podium print ballots --round 1 --size a5 --out paper --lang en`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains(paper.Sizes, o.Size) {
				return usageError("--size %q: use %s", o.Size, strings.Join(paper.Sizes, " or "))
			}
			if o.Round < 0 || o.Spares < 0 {
				return usageError("--round and --spares are whole numbers, 0 or more")
			}
			c, done, err := p.open(cmd, g)
			if err != nil {
				return err
			}
			defer done()
			o.Lang, o.PDF = g.lang, !p.noPDF
			files, err := c.PrintBallots(cmd.Context(), p.out, o)
			if err != nil {
				return noElection(err)
			}
			list(cmd, files)
			return nil
		},
	}
	p.add(cmd)
	f := cmd.Flags()
	f.IntVar(&o.Round, "round", 0, "the round N (default: the round open, else the one about to open)")
	f.StringVar(&o.Size, "size", "a4", "the paper: a4 or a5")
	f.IntVar(&o.Spares, "spares", paper.DefaultSpares, "N spare ballots beyond the formal delegates")
	return cmd
}

func newPrintCredentialsCmd(g *globals) *cobra.Command {
	var p printFlags
	cmd := &cobra.Command{
		Use:   "credentials",
		Short: "Print the credentials and the desk lists",
		Long: `Print a credential (代表证) for everyone on the roster, eight to an A4
sheet with crop marks: the kind by colour and word (正式代表 red, 列席代表
blue, 特邀代表 green), the congress, name, unit and id, a Code 128 barcode
of the id (a desk scanner types it and Enter into the check-in box) and a
QR code of it. Also the desk lists: a page per unit with each id's
barcode, for a delegate who forgot the credential.`,
		Example: `podium print credentials --out paper
podium print credentials --out paper --no-pdf`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, done, err := p.open(cmd, g)
			if err != nil {
				return err
			}
			defer done()
			files, err := c.PrintCredentials(cmd.Context(), p.out, g.lang, !p.noPDF)
			if err != nil {
				return err
			}
			list(cmd, files)
			return nil
		},
	}
	p.add(cmd)
	return cmd
}

func newPrintZeroCmd(g *globals) *cobra.Command {
	var p printFlags
	cmd := &cobra.Command{
		Use:   "zero",
		Short: "Print the zero report before the first ballot",
		Long: `Print the zero report (零票报告) of the round open or about to open,
before its first ballot is keyed: the counter's result with no ballot —
every candidate 0 approve, 0 disapprove, 0 abstain — with lines for the
counter, the scrutineer and the chief scrutineer to sign. Refused once a
ballot is keyed or a tally entered in the round.`,
		Example: `podium print zero --out paper`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, done, err := p.open(cmd, g)
			if err != nil {
				return err
			}
			defer done()
			files, err := c.PrintZero(cmd.Context(), p.out, g.lang, !p.noPDF)
			if errors.Is(err, paper.ErrBallotsKeyed) {
				return failed("%v", err)
			}
			if err != nil {
				return noElection(err)
			}
			list(cmd, files)
			return nil
		},
	}
	p.add(cmd)
	return cmd
}
