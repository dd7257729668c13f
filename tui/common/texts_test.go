package common

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"podium/internal/textcheck"
	"podium/model"
	"podium/session"
	"podium/session/election"
)

// TestTextTablesComplete walks both languages' text tables by reflection
// and fails on any entry left out: a nil func or table, an empty string,
// list or map. A nil func is a panic waiting for a user.
func TestTextTablesComplete(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, m := range textcheck.Missing(lang, NewTexts(lang)) {
			t.Errorf("%s is missing", m)
		}
	}
	for _, m := range textcheck.SameKeys(NewTexts("zh"), NewTexts("en")) {
		t.Errorf("%s is in one language only", m)
	}
}

// refusals are a sample of every refusal the screens may meet from
// Session.Execute: each typed error with each of its codes, and each
// sentinel error. TestRefusalsTranslated checks, by reading package
// session, that no code or sentinel is left out.
func refusals() []error {
	half := model.Fraction{Num: 1, Den: 2, Strict: true}
	errs := []error{
		&session.QuorumError{What: "opening", Rule: half, Count: session.Count{Expected: 10, Present: 4}, Need: 6},
		&session.SameStatusError{ID: "D0001", Status: session.Present},
		&session.NothingToUndoError{Actor: "desk:1"},
		&session.RoleError{Role: session.RoleDesk, Command: "RecordVote"},
		&session.UnknownPersonError{ID: "X9"},
		&session.ClockError{Last: time.Date(2026, 11, 30, 9, 0, 5, 0, time.UTC), Given: time.Date(2026, 11, 30, 9, 0, 1, 0, time.UTC)},
		&session.WriteError{Seq: 7, Err: errors.New("write p.db: no space left on device")},
		&session.ImageError{Seq: 11, Field: "Attendance"},
		&session.FencedError{Epoch: 2, By: "host", At: time.Date(2026, 11, 30, 10, 12, 3, 0, time.UTC), Seq: 1235},
		&session.TextTooLongError{Field: "text", Len: 10001, Max: session.MaxText},
		&session.ItemError{Index: 12, Len: 11},
		&session.IssueError{N: 9, Present: 8},
		&session.EntryMismatchError{Collected: 3, Tellers: []string{"a", "b"}, Lengths: []int{3, 2}, Differ: []int{1}},
		&session.VoteCountError{Sum: 9, Present: 8, Reason: session.CodeTooMany},
		&session.VoteCountError{Sum: 0, Present: 8, Reason: session.CodeNoVotes},
		&session.TextError{Field: "text", Rune: 0x202e, Offset: 3},
		&election.TallyError{Reason: election.TallySum, Got: 97, Want: 98},
	}
	for _, c := range []session.Code{session.CodeNoVote, session.CodeRoundOpen} {
		errs = append(errs, &session.UnfinishedError{Index: 2, Why: c})
	}
	for _, c := range []session.Code{session.CodeEmpty, session.CodeNoReview, session.CodeNotOfficer, session.CodeBadRating,
		session.CodeBadKind, session.CodeBadMethod, session.CodeNegative,
		session.CodeSurveyItem, session.CodeNoAnswers, session.CodeSurveySum, session.CodeBadOption,
		session.CodeReasonNotLeave, session.CodeNeedsVote, session.CodeBadEntry,
		session.CodeStaffItem, session.CodeStaffFigures, session.CodeStaffFinding, session.CodeStaffVerdict} {
		errs = append(errs, &session.FieldError{Field: "subject", Reason: "is wrong", Code: c})
	}
	for _, c := range []session.Code{session.CodeCoSigners, session.CodeDuplicate, session.CodeProposerCoSigns} {
		errs = append(errs, &session.MotionError{Reason: c, ID: "D0002", Got: 1, Need: 2})
	}
	for _, c := range []session.Code{session.CodeUnknown, session.CodeAnswered, session.CodeOnNotice, session.CodeDecided,
		session.CodeNotAdmitted, session.CodeVoted, session.CodeStarted} {
		errs = append(errs, &session.StatusError{What: "motion", No: 3, Reason: c})
	}
	errs = append(errs, &session.StatusError{What: "vote", No: 2, Reason: session.CodeStruck},
		&session.StatusError{What: "round", No: 1, Reason: session.CodeSameEntry})
	for _, c := range []session.Code{session.CodeVote, session.CodeBallots, session.CodeRound} {
		errs = append(errs, &session.NotDeclaredError{What: c, Count: session.Count{Expected: 122, Present: 0}, Need: 62})
	}
	for _, c := range []session.Code{session.CodeAsDelegate, session.CodeAsProposer, session.CodeAsCoSigner, session.CodeAsLeaving} {
		errs = append(errs, &session.NotPresentError{ID: "D0005", Name: "赵倩", Status: session.NotArrived, Role: c})
	}
	for _, c := range []session.Code{session.CodeStackFull, session.CodeBadIndex, session.CodeBadMark, session.CodeTooManyMarks, session.CodeEmpty} {
		errs = append(errs, &session.BallotError{Index: 4, Len: 3, Collected: 5, Reason: c})
	}
	for _, c := range []session.Code{session.ReasonNotFormal, session.ReasonNotPresent, session.ReasonCandidate, session.ReasonSamePerson} {
		errs = append(errs, &session.ScrutineerError{ID: "D0003", Name: "王芳", Role: session.RoleChief, Reason: c})
	}
	for _, c := range []session.Code{session.CodeAsDelegate, session.CodeAsProposer, session.CodeAsCoSigner} {
		errs = append(errs, &session.NotFormalError{ID: "G001", Name: "李强", Role: c})
	}
	for _, c := range []session.Code{session.CodeNoRequest, session.CodeNotWaiting, session.CodeOrderFirst, session.CodeAlreadyWaiting,
		session.CodeAbsent, session.CodeGuest, session.CodeBadPosition, session.CodeListEmpty} {
		errs = append(errs, &session.SpeakerError{No: 4, ID: "D0005", Reason: c})
	}
	for _, c := range []session.Code{session.CodeNotInGroups, session.CodeUnknownGroup, session.CodeNotStarted, session.CodeTooManySpeakers} {
		errs = append(errs, &session.GroupError{Item: 4, Group: "护理分院", Reason: c, Got: 30, Members: 24})
	}
	errs = append(errs, &session.SpeechRunningError{No: 2, ID: "D0001"},
		&session.GroupLimitError{Group: "护理分院", Command: "AddNote"}, &session.GroupLimitError{Group: "护理分院", Asked: "信息工程分院"},
		&session.FieldError{Field: "speech_kind", Code: session.CodeBadSpeechKind}, &session.FieldError{Field: "name", Code: session.CodeNameNotReply})
	errs = append(errs, &session.MethodError{Code: session.CodeInvalidMethod, Reason: "seats 0"},
		&session.MethodError{Code: session.CodeUnknownCategory, Candidate: "王芳", Category: "社联", Reason: "unknown category"})
	return append(errs, screenSentinels...)
}

// screenSentinels are the session's plain refusals a screen may meet.
var screenSentinels = []error{
	session.ErrAlreadyDeclared, session.ErrNoCurrentItem,
	session.ErrNoElection, session.ErrMethodNotAdopted, session.ErrNoScrutineers, session.ErrVoteStarted,
	session.ErrRoundOpen, session.ErrNoOpenRound, session.ErrNothingToHold, session.ErrNotIssued,
	session.ErrNotCollected, session.ErrAlreadyRecorded, session.ErrRoundVoid, session.ErrMixedEntry, session.ErrNoVacancy,
	session.ErrNoSpeech, session.ErrFloorUnchanged, session.ErrSameFloorRules,
}

// notForScreens are the session's sentinels and error types no screen
// meets: they come from opening or loading a log, from podium apply's
// command lines, or from a program error.
var notForScreens = map[string]bool{"ErrNotOpen": true, "ErrAlreadyOpen": true, "ErrUnknownCommand": true, "ErrEmpty": true,
	"SetupError": true, "CorruptError": true, "LineError": true, "CodecError": true}

// TestRefusalsTranslated: every refusal is put in each language's words
// by its type and code, never by showing the core's English (Failed) and
// never by printing a code; Chinese refusals are Chinese.
func TestRefusalsTranslated(t *testing.T) {
	name := func(id string) string { return "名" + id }
	for _, lang := range []string{"zh", "en"} {
		tx := NewTexts(lang)
		said := map[string]error{} // text → the refusal that said it
		for _, err := range refusals() {
			text, _ := tx.Refusal(err, name)
			if prev, ok := said[text]; ok {
				t.Errorf("%s: %v and %v are said alike (%q): a code falls through to another's words", lang, prev, err, text)
			}
			said[text] = err
			failed := tx.Failed(err)
			switch {
			case text == "" || text == failed || strings.Contains(text, err.Error()) || strings.Contains(text, "session:"):
				t.Errorf("%s: %T %v is not translated: %q", lang, err, err, text)
			case lang == "zh" && !strings.ContainsFunc(text, func(r rune) bool { return unicode.Is(unicode.Han, r) }):
				t.Errorf("zh: %T %v is not said in Chinese: %q", err, err, text)
			}
			for _, code := range codeOf(err) {
				if strings.Contains(text, string(code)) && strings.ContainsRune(string(code), '_') {
					t.Errorf("%s: %T prints its code %q: %q", lang, err, code, text)
				}
			}
		}
	}

	// Every code, sentinel and error type of package session is in the
	// sample.
	codes, sentinels, kinds := sessionCodes(t)
	seen := map[string]bool{}
	for _, err := range refusals() {
		for _, c := range codeOf(err) {
			seen[string(c)] = true
		}
		seen[reflect.TypeOf(err).String()] = true
	}
	for _, k := range kinds {
		if !seen["*session."+k] && !notForScreens[k] {
			t.Errorf("session.%s has no sample refusal here: add one, and its words in both languages", k)
		}
	}
	for _, c := range codes {
		if !seen[c] {
			t.Errorf("code %q has no sample refusal here: add one, and its words in both languages", c)
		}
	}
	for _, s := range sentinels {
		found := notForScreens[s]
		for _, e := range screenSentinels {
			found = found || strings.HasSuffix(errName(e), s)
		}
		if !found {
			t.Errorf("session.%s is not in screenSentinels (or notForScreens): give it words in both languages", s)
		}
	}
}

// codeOf returns the codes an error carries.
func codeOf(err error) []session.Code {
	var (
		fe *session.FieldError
		ue *session.UnfinishedError
		me *session.MotionError
		se *session.StatusError
		be *session.BallotError
		sc *session.ScrutineerError
		nf *session.NotFormalError
		mt *session.MethodError
		sp *session.SpeakerError
		ge *session.GroupError
		vc *session.VoteCountError
		nd *session.NotDeclaredError
		np *session.NotPresentError
	)
	switch {
	case errors.As(err, &sp):
		return []session.Code{sp.Reason}
	case errors.As(err, &ge):
		return []session.Code{ge.Reason}
	case errors.As(err, &fe):
		return []session.Code{fe.Code}
	case errors.As(err, &ue):
		return []session.Code{ue.Why}
	case errors.As(err, &me):
		return []session.Code{me.Reason}
	case errors.As(err, &se):
		return []session.Code{se.Reason}
	case errors.As(err, &be):
		return []session.Code{be.Reason}
	case errors.As(err, &sc):
		return []session.Code{sc.Reason}
	case errors.As(err, &nf):
		return []session.Code{nf.Role}
	case errors.As(err, &vc):
		return []session.Code{vc.Reason}
	case errors.As(err, &nd):
		return []session.Code{nd.What}
	case errors.As(err, &np):
		return []session.Code{np.Role}
	case errors.As(err, &mt):
		return []session.Code{mt.Code}
	}
	return nil
}

// errName names a sentinel by its package variable.
func errName(err error) string {
	for name, e := range map[string]error{
		"ErrAlreadyDeclared": session.ErrAlreadyDeclared, "ErrNoCurrentItem": session.ErrNoCurrentItem,
		"ErrNoElection": session.ErrNoElection, "ErrMethodNotAdopted": session.ErrMethodNotAdopted,
		"ErrNoScrutineers": session.ErrNoScrutineers, "ErrVoteStarted": session.ErrVoteStarted,
		"ErrRoundOpen": session.ErrRoundOpen, "ErrNoOpenRound": session.ErrNoOpenRound,
		"ErrNothingToHold": session.ErrNothingToHold, "ErrNotIssued": session.ErrNotIssued,
		"ErrNotCollected": session.ErrNotCollected, "ErrAlreadyRecorded": session.ErrAlreadyRecorded,
		"ErrRoundVoid": session.ErrRoundVoid, "ErrMixedEntry": session.ErrMixedEntry, "ErrNoVacancy": session.ErrNoVacancy,
		"ErrNoSpeech": session.ErrNoSpeech, "ErrFloorUnchanged": session.ErrFloorUnchanged, "ErrSameFloorRules": session.ErrSameFloorRules,
	} {
		if e == err {
			return name
		}
	}
	return ""
}

// sessionCodes reads package session's source for the values of its Code
// constants, the names of its exported sentinel errors (Err… =
// errors.New) and of its exported error types (…Error).
func sessionCodes(t *testing.T) (codes, sentinels, kinds []string) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "..", "session", "*.go"))
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, s := range g.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.IsExported() && strings.HasSuffix(ts.Name.Name, "Error") {
					kinds = append(kinds, ts.Name.Name)
				}
				vs, ok := s.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, n := range vs.Names {
					if g.Tok == token.CONST && vs.Type != nil && types(vs.Type) == "Code" && i < len(vs.Values) {
						if lit, ok := vs.Values[i].(*ast.BasicLit); ok {
							v, _ := strconv.Unquote(lit.Value)
							codes = append(codes, v)
						}
					}
					if g.Tok == token.VAR && strings.HasPrefix(n.Name, "Err") {
						sentinels = append(sentinels, n.Name)
					}
				}
			}
		}
	}
	sort.Strings(codes)
	if len(codes) == 0 || len(sentinels) == 0 || len(kinds) == 0 {
		t.Fatal("no codes, sentinels or error types found in package session")
	}
	return codes, sentinels, kinds
}

// types names a type expression when it is a plain identifier.
func types(e ast.Expr) string {
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// TestBallotSpeechFollowsTheCore: the ballots announcement says the round
// is void exactly when the core says so (session.Round.Void), and
// otherwise how the collected compare with the issued.
func TestBallotSpeechFollowsTheCore(t *testing.T) {
	for _, c := range []struct {
		lang              string
		issued, collected int
		void              bool
		want              string
	}{
		{"zh", 118, 119, true, "发出选票118张，收回119张，收回的选票多于发出的选票，选举无效，应重新进行选举。"},
		{"zh", 118, 118, false, "发出选票118张，收回118张，收回的选票等于发出的选票，选举有效。"},
		{"zh", 118, 117, false, "发出选票118张，收回117张，收回的选票少于发出的选票，选举有效。"},
		{"en", 118, 119, true, "118 ballots were issued and 119 collected, more than issued: the round is void and is voted again."},
		{"en", 118, 118, false, "118 ballots were issued and 118 collected, as many as issued: the round is valid."},
	} {
		if got := NewTexts(c.lang).V.BallotSpeech(c.issued, c.collected, c.void); got != c.want {
			t.Errorf("%s %d/%d void %t: %q, want %q", c.lang, c.issued, c.collected, c.void, got, c.want)
		}
	}
}
