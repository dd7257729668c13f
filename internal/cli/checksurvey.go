package cli

import (
	"io"
	"time"

	"github.com/spf13/cobra"

	"podium/files"
	"podium/internal/app"
	"podium/model"
	"podium/prep"
)

// surveyFlags are the flags that say how to read a survey export: which
// columns hold items 16 and 17, what option numbers mean, and how to read
// answers off the scale.
type surveyFlags struct {
	overall, staff, legend string
	maps                   []string
}

// add declares the flags on cmd.
func (f *surveyFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.overall, "overall", "7", "item 16's question: NUMBER (7, Q7, 第7题) or header text")
	fl.StringVar(&f.staff, "staff", "14", "item 17's question: NUMBER (14, Q14, 第14题) or header text")
	fl.StringVar(&f.legend, "legend", "", "the options of numbers 1, 2 …: LIST (满意,基本满意,…)")
	fl.StringArrayVar(&f.maps, "map", nil, "read ANSWER=OPTION: 非常满意=满意, -3=空 (blank); repeatable")
}

// read reads and counts the export at path as the flags say; a bad flag
// is a usage error, a bad file an *app.InputError.
func (f *surveyFlags) read(path string) (prep.SurveyReport, error) {
	var o prep.SurveyOptions
	var err error
	if f.legend != "" {
		if o.Legend, err = prep.ParseSurveyLegend(f.legend); err != nil {
			return prep.SurveyReport{}, usageError("--legend: %v", err)
		}
	}
	if o.Map, err = prep.ParseSurveyMappings(f.maps); err != nil {
		return prep.SurveyReport{}, usageError("--map: %v", err)
	}
	find := []files.SurveyFind{files.ParseSurveyFind(model.SurveyItemOverall, f.overall), files.ParseSurveyFind(model.SurveyItemStaff, f.staff)}
	for i, q := range []string{f.overall, f.staff} {
		if find[i].Number == 0 && find[i].Text == "" {
			return prep.SurveyReport{}, usageError("--%s %q: give a question number or text of its header", []string{"overall", "staff"}[i], q)
		}
	}
	return app.ReadSurvey(path, find, o)
}

// newCheckSurveyCmd is `podium check survey FILE`: the satisfaction survey
// of the self-assessment (附件1 items 16–17) counted from a questionnaire
// export, and with --db recorded in the congress.
func newCheckSurveyCmd(g *globals) *cobra.Command {
	var sf surveyFlags
	var format string
	cmd := &cobra.Command{
		Use:   "survey FILE",
		Short: "Count the satisfaction survey (附件1, items 16–17)",
		Long: `Count the satisfaction survey of the self-assessment (附件1 items 16 and 17)
from a questionnaire export (问卷星, 腾讯问卷 …: CSV in UTF-8 or GBK, or XLSX;
one row per respondent under a header row naming each question). Item 16 is
question 7 and item 17 question 14 unless --overall and --staff say
otherwise, found by the number their header starts with ("7、…", "Q7",
"第7题") or by text the header contains.

Answers are read as 满意, 基本满意, 一般, 不太满意 or 不满意 (also after an
option label: "A. 满意"); blank and skipped ("(跳过)") answers are left out of
the base and counted apart. Nothing is guessed: an answer off the scale
(非常满意, 比较满意 …) or an option number without --legend is listed with
its rows, and the item has no verdict until the file is corrected or --map
says what the answer means (the report shows every mapping).

Per item: the count per option, answered, blank, the rate (rounded down to
one decimal) and the verdict judged in integers — 达标 when (满意 + 基本满意)
× 100 >= 60 × answered — and the sentence for the form. The report exits 0
whatever it finds; a file that cannot be counted (no such question, a header
matching twice, an empty file) exits 2 naming the file, row and column.

With --db the counts are recorded in the congress, and the records carry
them for the self-assessment's items 16–17; only a survey with a verdict for
every item is recorded, else it exits 2 and records nothing. podium must not
be running on that database meanwhile.`,
		Example: `podium check survey 满意度调查.xlsx
podium check survey export.csv --overall Q7 --staff Q14 --lang en
podium check survey export.csv --map 非常满意=满意 --map 比较满意=基本满意
podium check survey numbers.csv --legend 满意,基本满意,一般,不太满意,不满意
podium check survey export.xlsx --db congress.db`,
		Args: oneFile("a FILE (the questionnaire export, CSV or XLSX)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := textOrJSON(format); err != nil {
				return err
			}
			report, err := sf.read(args[0])
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if format == "text" {
				_, err = io.WriteString(out, report.Text(g.lang))
			} else {
				err = writeJSON(out, report)
			}
			if err != nil || !cmd.Flag("db").Changed {
				return err
			}
			if format == "json" {
				out = cmd.ErrOrStderr()
			}
			return recordSurvey(g, report, out)
		},
	}
	sf.add(cmd)
	cmd.Flags().StringVar(&format, "format", "text", "the output: json or text")
	return cmd
}

// recordSurvey records the counted survey in the congress at --db and
// says so on w.
func recordSurvey(g *globals, report prep.SurveyReport, w io.Writer) error {
	c, err := app.SurveyCommand(report, time.Now(), "podium check survey")
	if err != nil {
		return err
	}
	return record(g, c, w, recorded{flag: "--survey", what: "the survey", items: "16–17", itemsZh: "第16、17项"})
}
