package records

import (
	"strings"

	"podium/model"
	"podium/words"
)

// terms are the headings and fixed words of the documents in one language
// (terms_zh.go, terms_en.go); the sentences built from figures are the
// methods in phrases.go, with the numerals, fractions and rules of
// package words.
type terms struct {
	zh bool

	// Document titles and sheet names.
	agenda, minutes, signIn, credentials, method, scrutineers, tally, result string
	resolutions, motions, questions, script, assessment                      string
	sheetMotions, sheetQuestions, assessmentSheet                            string
	tallyKind                                                                map[string]string // round kind → title suffix

	// Labels and column heads.
	name, name2, id, no, date, place, chair, recorder, opened, closed, declared string
	attendance, expected, present, onLeave, left, notArrived, absent, total     string
	totals, unit, kind, status, at, arrived, departed, signature, note, reason  string
	item, items, itemH, started, ended, presenter, count, planned, plannedWord  string
	questionsH, motionsH, votes, notes, ratings, electionH, onLeaveH, absentH   string
	leftH, subject, method2, forV, against, abstain, rule, outcome, text        string
	adopted, rejected, officer, rating, issued, collected, valid, invalid       string
	partlyInvalid, validParts, invalidParts, threshold, thresholdVotes          string
	approve, disapprove, candidate, category, writeIns, writeIn, role           string
	invalidBallots, voidWriteIns, elected, runoff, second, vacant, pendingH     string
	none, roundH, roundsH, roundValid, roundVoid, decided, counting, byCategory string
	counter, scrutineer, chief, seats, proposer, coSigners, filed, title, due   string
	vote, decidedAt, delegate, target, question, answer, answeredBy, answered   string
	beforeAgenda, methodAdopted, scrutAdopted, notAdopted, undecided            string
	orderElected, candidateList, draftMethod, struckWord, notClosed, ballotNo   string
	runoffThreshold, ofExpected, ofPresent, ofValid, motionNo                   string
	formalN, observersN, guestsN, byUnit, composition, criterion, percent       string
	targetH, conclusion, review, reviewBlank, credentialsChair, signInBlank     string
	scriptNote, scrutineerRule, organisation, assessmentNote, verdict, remarks  string
	staffNote, surveyNote, noElection, arrivedN, leftN, countH, dueLower        string
	notStarted, noRounds                                                        string
	// The floor: the register of speakers and the minutes' speeches and
	// groups.
	speakers, sheetSpeakers, speakersNote, speechesH, groupsH, orderH, speaker string
	took, limit, over, requested, notReachedH, group, convener, speakersN      string
	opinions, notReported                                                      string
	// The takeovers by a standby.
	takeoversH, takeoverNote, takenBy, takenFrom, lastReceived, takeoverEvent, epoch string
	assessmentTail                                                                   []string
	assessmentOpinions                                                               [][2]string

	// Running text: the digest line and the draft mark of every page.
	digest, draftMark, pageOf string
	// rehearsal prefixes every title of a rehearsal's records; rehearsalMark
	// is on every page of them (podium rehearse).
	rehearsal, rehearsalMark string
	sep                      string // between names: "、" or ", "

	statusWord map[string]string // every code of the record → word
}

func termsFor(lang string) terms {
	if isZh(lang) {
		return zhTerms
	}
	return enTerms
}

// isZh reports whether lang is Chinese: "zh", any "zh-…", or "" (the
// default).
func isZh(lang string) bool { return lang == "" || strings.HasPrefix(lang, "zh") }

// word returns the word for a code of the record, or the code itself.
func (w terms) word(code string) string {
	if s, ok := w.statusWord[code]; ok {
		return s
	}
	return code
}

// invalidWhy says why a ballot (or a category part of one) is invalid:
// spoiled with the scrutineers' reason, or over-selected with the figures
// and, when its other categories count, partly invalid (RULES §6.3:
// 部分无效：分院学生会所选 8 人，多于应选 7 名；其余类别有效).
func (w terms) invalidWhy(iv Invalid) string {
	if s, ok := strings.CutPrefix(iv.Reason, "spoiled: "); ok {
		return w.word("spoiled") + w.colon() + s
	}
	if iv.Selections == 0 && iv.Seats == 0 { // counted before the figures were kept
		return w.word(iv.Reason)
	}
	lang := "en"
	if w.zh {
		lang = "zh"
	}
	return words.Overselected([]words.OverPart{{Category: iv.Category, Selections: iv.Selections, Seats: iv.Seats}}, iv.Partly, lang)
}

// adopts is the subject of an adoption vote of the election: 通过选举办法,
// 通过监票人名单.
func (w terms) adopts(what string) string { return w.word("adopts_" + what) }

// fraction is the rule as package words writes it.
func (r Rule) fraction() model.Fraction {
	return model.Fraction{Num: r.Num, Den: r.Den, Strict: r.Strict}
}
