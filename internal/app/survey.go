package app

import (
	"fmt"
	"path/filepath"
	"time"

	"podium/files"
	"podium/prep"
	"podium/session"
)

// ReadSurvey reads a questionnaire export (files.ReadSurveyFile), finds
// the questions of find (files.DefaultSurveyFinds when nil) and counts
// them with the options o (prep.CountSurvey). A file that cannot be
// counted is an *InputError naming the file, the row and the column.
func ReadSurvey(path string, find []files.SurveyFind, o prep.SurveyOptions) (prep.SurveyReport, error) {
	if find == nil {
		find = files.DefaultSurveyFinds()
	}
	x, err := files.ReadSurveyFile(path, find)
	if err != nil {
		return prep.SurveyReport{}, badInput(err)
	}
	return prep.CountSurvey(x, o), nil
}

// SurveyCommand is the command that records the counted survey r at the
// time at, given by actor as the secretary. The file is named by its base
// name: the folder it sat in on one computer means nothing in the record.
// A question's header longer than the core keeps (session.MaxShortText)
// is cut, with "…". A report with an item without a verdict is an
// *InputError (see Undetermined) and no command.
func SurveyCommand(r prep.SurveyReport, at time.Time, actor string) (session.RecordSurvey, error) {
	if err := Undetermined(r); err != nil {
		return session.RecordSurvey{}, err
	}
	items := r.Counts()
	for i := range items {
		if h := []rune(items[i].Header); len(h) > session.MaxShortText {
			items[i].Header = string(h[:session.MaxShortText-1]) + "…"
		}
	}
	return session.RecordSurvey{Meta: session.Meta{At: at, Actor: actor, Role: session.RoleSecretary},
		File: filepath.Base(r.File), Respondents: r.Respondents, Items: items}, nil
}

// Undetermined returns nil when every item of r has a verdict, else an
// *InputError naming the file, the row and the column of the first answer
// that could not be read (or the column of the question nobody answered):
// such a survey is not recorded.
func Undetermined(r prep.SurveyReport) error {
	for _, it := range r.Items {
		if it.Status != prep.SurveyUndetermined {
			continue
		}
		fe := &files.FileError{File: r.File, Sheet: r.Sheet, Row: 1, Column: it.Header, Letter: it.Column}
		if it.Unknown == 0 {
			fe.Reason = fmt.Sprintf("nobody answered the question of item %d: nothing recorded", it.Item)
			return &InputError{fe}
		}
		u := it.Unknowns[0]
		fe.Row, fe.Value = u.Rows[0], u.Answer
		why := "is not an option of the scale (满意, 基本满意, 一般, 不太满意, 不满意)"
		if u.Number {
			why = "is an option number, and no --legend says which option it is"
		}
		n := 0
		for _, it := range r.Items {
			n += it.Unknown
		}
		fe.Reason = fmt.Sprintf("%s; %s of items 16–17 cannot be read (the report lists them): nothing recorded. "+
			"Correct the file, or say what they mean with --map ANSWER=OPTION (--legend for option numbers)", why, answers(n))
		return &InputError{fe}
	}
	return nil
}

func answers(n int) string {
	if n == 1 {
		return "1 answer"
	}
	return fmt.Sprintf("%d answers", n)
}
