package common

import (
	"fmt"
	"strings"

	"podium/model"
	"podium/session"
)

func enMeetingTexts() *MeetingTexts {
	fields := map[string]string{
		"reason": "the reason", "target": "whom the question is to", "question": "the question",
		"answer": "the answer", "title": "the title", "subject": "the subject", "note": "the note",
		"kind": "the kind", "method": "the method", "counts": "the counts",
	}
	roles := map[session.Code]string{session.CodeAsDelegate: "ask a question", session.CodeAsProposer: "propose a motion", session.CodeAsCoSigner: "co-sign a motion"}
	reasons := map[session.Code]string{
		session.CodeUnknown: "does not exist", session.CodeAnswered: "is already answered", session.CodeOnNotice: "is already taken on notice",
		session.CodeDecided: "is already decided", session.CodeNotAdmitted: "is not accepted and cannot be voted on",
		session.CodeVoted: "has been voted on", session.CodeStarted: "has started and cannot be skipped",
		session.CodeStruck: "is struck already", session.CodeSameEntry: "is counted that way already (or nothing was entered): nothing to switch",
	}
	return &MeetingTexts{
		Review:        enReviewTexts(),
		FirstItem:     "This is the first agenda item",
		NothingToEnd:  "No agenda item is under way",
		NoItemForNote: "The agenda has not started: nothing to note on",
		EndNoteLabel:  "Why it is left unfinished",
		ConfirmEnd: func(k string, n int, title string) string {
			return fmt.Sprintf("Press %s again to end item %d \"%s\", esc cancels", k, n, title)
		},
		NoteLabel: func(n int, title string) string { return fmt.Sprintf("Note on item %d", n) },
		SkipLabel: func(n int, title string) string { return fmt.Sprintf("Why item %d \"%s\" is skipped", n, title) },
		Skipped:   func(n int, title string) string { return fmt.Sprintf("Item %d \"%s\" skipped", n, title) },
		EndedItem: func(n int, title string) string { return fmt.Sprintf("item %d %s ended", n, title) },
		NoteAdded: func(at string) string { return "Noted at " + at },
		Ended: func(n int, title, took string) string {
			return fmt.Sprintf("Item %d \"%s\" ended after %s", n, title, took)
		},
		NotPending:     func(n int) string { return fmt.Sprintf("Item %d has started or was skipped: it cannot be skipped", n) },
		AlreadyCurrent: func(n int) string { return fmt.Sprintf("Item %d is under way", n) },
		AgendaTitle:    "Agenda",
		AgendaHint:     "✓ done  ▶ now  ↷ skipped  › next",
		SkippedInfo:    "skipped",
		StartedAt:      func(at string) string { return "started " + at },
		RanFromTo:      func(from, to, took string) string { return fmt.Sprintf("%s–%s, %s", from, to, took) },
		PlanMinutes:    func(n int) string { return fmt.Sprintf("%d min planned", n) },
		KindName:       func(k model.ItemKind) string { return string(k) },
		EndedAt:        func(at, took string) string { return fmt.Sprintf("ended %s · took %s", at, took) },
		Elapsed:        func(d string) string { return d },
		Over:           func(d string) string { return d + " over" },
		Planned:        func(d string, mins int) string { return fmt.Sprintf("%s of %d min", d, mins) },

		ItemLine: func(n int, title, kind string) string {
			if kind == "" {
				return fmt.Sprintf("Item %d · %s", n, title)
			}
			return fmt.Sprintf("Item %d · %s (%s)", n, title, kind)
		},
		Presenter: func(p string) string { return "Presenter: " + p },
		ScriptFault: func(e string) string {
			return "(The agenda file's script has a fault; the default words follow: " + e + ")"
		},
		ScriptTitle:  "Host's script",
		ThePresenter: "the presenter",
		NotesTitle: func(n int) string {
			if n == 0 {
				return "Notes"
			}
			return fmt.Sprintf("Notes (%d)", n)
		},
		NoNotes:    func(k string) string { return "No notes yet: " + k + " notes this item" },
		MoreScript: func(k string) string { return "… " + k + " shows it all" },
		DeclareHint: func(k string, p, need int, met bool) string {
			if met {
				return fmt.Sprintf("%d present, the quorum is met: %s declares the meeting valid, and the script follows.", p, k)
			}
			return fmt.Sprintf("%d present; declaring the meeting valid needs %d, then %s.", p, need, k)
		},
		QuorumWords: func(ok bool, rule string, need int) string {
			if ok {
				return fmt.Sprintf("%s: the quorum is met", rule)
			}
			return fmt.Sprintf("no quorum (%s needed, i.e. %d)", rule, need)
		},

		Sep:         ", ",
		PickHint:    "pinyin or initials, Enter picks",
		FormHint:    "Enter goes to the next field and submits on the last, esc cancels",
		Counted:     func(n int, names string) string { return fmt.Sprintf("%d: %s", n, names) },
		FormalCount: func(n int) string { return fmt.Sprintf("%d formal delegates", n) },

		AskTitle: "New question", Delegate: "Delegate", Target: "To", Question: "Question",
		AnsweredBy: "Answered by", Answer: "Answer", QPending: "pending", Q: "Q: ",
		AnswerTitle:     func(no int, who string) string { return fmt.Sprintf("Answer to question %d (%s)", no, who) },
		NoQuestions:     func(k string) string { return "No questions yet: " + k + " records one" },
		AlreadyAnswered: func(no int) string { return fmt.Sprintf("Question %d is already answered", no) },
		Answered:        func(no int) string { return fmt.Sprintf("Question %d answered", no) },
		ConfirmDefer: func(k string, no, days int) string {
			return fmt.Sprintf("Press %s again to take question %d on notice (answer within %s), esc cancels", k, no, plural(days, "day"))
		},
		Deferred:     func(no int, due string) string { return fmt.Sprintf("Question %d taken on notice, due %s", no, due) },
		Asked:        func(no int, who string) string { return fmt.Sprintf("Question %d recorded (%s)", no, who) },
		QAnswered:    func(at string) string { return "answered " + at },
		QOnNotice:    func(due string) string { return "on notice, due " + due },
		OnNoticeLine: func(due string) string { return "Taken on notice: a written answer is due " + due },
		A: func(by string) string {
			if by == "" {
				return "A: "
			}
			return "A (" + by + "): "
		},
		QueueTitle: func(n, p, a, o int) string {
			return fmt.Sprintf("%s · %d pending · %d answered · %d on notice", plural(n, "question"), p, a, o)
		},
		QuestionNo: func(no int, who, target, at string) string {
			return fmt.Sprintf("Question %d · %s → %s · %s", no, who, target, at)
		},

		FileTitle: "New motion", Proposer: "Proposer", CoSigners: "Co-signers", MotionTitle: "Title",
		MotionText: "Text", Category: "Category", Reason: "Reason",
		FileHint:   "Co-signers: search and Enter each, tab when done; at least 2",
		ReasonHint: "Why is it declined? Enter records it",
		MAdmitted:  "accepted", MPending: "pending",
		NoMotions:      func(k string) string { return "No motions yet: " + k + " files one" },
		PutToVote:      func(k string) string { return "Accepted: " + k + " puts it to the vote" },
		MDeclined:      func(due string) string { return "declined, due " + due },
		NotAdmitted:    func(no int) string { return fmt.Sprintf("Motion %d is not accepted: it cannot be voted on", no) },
		AlreadyVoted:   func(no int) string { return fmt.Sprintf("Motion %d has been voted on", no) },
		AlreadyDecided: func(no int) string { return fmt.Sprintf("Motion %d is already decided", no) },
		VoteOnMotion: func(no int, title string) string {
			return fmt.Sprintf("Vote on motion %d \"%s\": enter for, against and abstaining", no, title)
		},
		DeclineTitle: func(no int, title string) string { return fmt.Sprintf("Decline motion %d \"%s\"", no, title) },
		ConfirmAccept: func(k string, no int, title string) string {
			return fmt.Sprintf("Press %s again to accept motion %d \"%s\", esc cancels", k, no, title)
		},
		Accepted: func(no int, k string) string { return fmt.Sprintf("Motion %d accepted: %s puts it to the vote", no, k) },
		Declined: func(no int, due string) string {
			return fmt.Sprintf("Motion %d declined and kept as an opinion, answer due %s", no, due)
		},
		Filed: func(no int, title string, n int) string {
			return fmt.Sprintf("Motion %d \"%s\" filed (%d co-signers)", no, title, n)
		},
		MotionsTitle: func(n, p, a, d int) string {
			return fmt.Sprintf("%s · %d pending · %d accepted · %d declined", plural(n, "motion"), p, a, d)
		},
		MotionNo: func(no int, title, at string) string { return fmt.Sprintf("Motion %d · %s · %s", no, title, at) },
		Signers: func(p, co, cat string) string {
			s := "Proposer " + p + " · co-signers " + co
			if cat != "" {
				s += " · " + cat
			}
			return s
		},
		DeclinedLine: func(r, due string) string { return "Declined: " + r + "; kept as an opinion, answer due " + due },

		NoResolution: "The current item is no vote; accepted motions are voted from the motions desk with v",
		For:          "For", Against: "Against", Abstain: "Abstain",
		VoteHint: func(k string) string {
			return "Enter for, against and abstaining; " + k + " for unanimous; Enter records"
		},
		VoteTitle: func(s string) string { return "Vote: " + s },
		ConfirmVote: func(k, subject string, f, a, ab, need int, ok bool) string {
			o := "not adopted"
			if ok {
				o = "adopted"
			}
			return fmt.Sprintf("\"%s\": for %d, against %d, abstain %d → %d needed, %s. Press %s again to record it, esc cancels", subject, f, a, ab, need, o, k)
		},
		Recorded:        func(no int, d string) string { return fmt.Sprintf("Vote %d recorded: %s", no, d) },
		MotionVoteTitle: func(no int, s string) string { return fmt.Sprintf("Vote on motion %d: %s", no, s) },
		HowVoted: func(method, kind, rule string) string {
			return fmt.Sprintf("%s · %s · needs %s in favour", method, kind, rule)
		},
		Sum: func(sum, p int) string { return fmt.Sprintf("%s of %d present", plural(sum, "vote"), p) },
		VoteCounts: func(no int, at string, f, a, ab int) string {
			return fmt.Sprintf("Vote %d %s: %d for, %d against, %d abstaining", no, at, f, a, ab)
		},
		Derivation: func(need, f int, ok bool) string {
			o := "not adopted"
			if ok {
				o = "adopted"
			}
			return fmt.Sprintf("needs %d, %d for: %s", need, f, o)
		},
		Outcome: func(ok bool) string {
			if ok {
				return "adopted"
			}
			return "not adopted"
		},
		Method: func(m model.VoteMethod) string {
			if m == model.VoteBallot {
				return "secret ballot"
			}
			return "show of hands"
		},
		KindWords: func(k model.VoteKind) string {
			if k == model.VoteCharter {
				return "charter amendment"
			}
			return "ordinary matter"
		},
		VoteBase: func(b model.Base) string {
			if b == model.BasePresent {
				return "the delegates present"
			}
			return "all delegates"
		},

		Unfinished: func(n int, why session.Code, k string) string {
			s := fmt.Sprintf("Item %d is not finished", n)
			switch why {
			case session.CodeNoVote:
				s = fmt.Sprintf("Item %d has not been voted on", n)
			case session.CodeRoundOpen:
				s = fmt.Sprintf("Item %d has an election round open", n)
			}
			if k != "" {
				return s + ": finish it, or end it with " + k + " and a note saying why"
			}
			return s + ": say why it is left"
		},
		FieldEmpty: func(f string) string {
			if w, ok := fields[f]; ok {
				f = w
			}
			return "Please fill in " + f
		},
		FieldBad: func(code session.Code) string {
			switch code {
			case session.CodeBadKind:
				return "Not a kind of vote: ordinary or charter"
			case session.CodeBadMethod:
				return "Not a method of voting: hands or ballot"
			case session.CodeNegative:
				return "The counts cannot be negative"
			case session.CodeSurveyItem:
				return "The satisfaction survey fills items 16 and 17 of the self-assessment, each once"
			case session.CodeNoAnswers:
				return "Nobody answered the question: there is no satisfaction rate"
			case session.CodeSurveySum:
				return "The survey's counts do not add up to its responses: please check"
			case session.CodeBadOption:
				return "An answer can count only as 满意, 基本满意, 一般, 不太满意 or 不满意"
			case session.CodeStaffItem:
				return "The staff audit records checks 3.1, 3.2, 3.3, 4, 5 and 6 of the self-assessment, each once"
			case session.CodeStaffFigures:
				return "The staff audit's figures do not hold together: please check"
			case session.CodeStaffFinding:
				return "A finding of the staff audit is not about a person on the list, or not for this check"
			case session.CodeStaffVerdict:
				return "A verdict of the staff audit is not what its figures and findings say"
			case session.CodeReasonNotLeave:
				return "Only a leave takes a reason"
			case session.CodeNeedsVote:
				return "This congress adopts the election method and the scrutineer list by a vote: enter the vote's counts"
			case session.CodeBadEntry:
				return "A round is counted from keyed ballots or from a tally sheet"
			}
			return "Not valid: please check"
		},
		NotFormal: func(name string, role session.Code) string {
			return fmt.Sprintf("%s is not a formal delegate and cannot %s", name, roles[role])
		},
		FewCoSigners: func(got, need int) string {
			return fmt.Sprintf("A motion needs at least %d co-signers; it has %d", need, got)
		},
		MotionRefused: func(name string, r session.Code) string {
			if r == session.CodeProposerCoSigns {
				return name + " is the proposer and cannot co-sign too"
			}
			return name + " is listed twice as a co-signer"
		},
		StatusRefused: func(what string, no int, r session.Code) string {
			return fmt.Sprintf("%s %d %s", strings.ToUpper(what[:1])+what[1:], no, reasons[r])
		},
		VoteEmpty: func(p int) string {
			return fmt.Sprintf("For, against and abstain add up to 0: nobody voted, so there is no vote to record (%d present)", p)
		},
		NotDeclared: func(what session.Code, p, e, need int) string {
			w := map[session.Code]string{session.CodeVote: "vote", session.CodeBallots: "issue ballots", session.CodeRound: "open a round"}[what]
			return fmt.Sprintf("The meeting has not been declared valid, so it cannot %s: %d present of %d, %d needed to declare", w, p, e, need)
		},
		NotPresent: func(name, st string, role session.Code) string {
			if role == session.CodeAsLeaving {
				return fmt.Sprintf("%s is %s, not present, and cannot leave", name, st)
			}
			return fmt.Sprintf("%s is %s, not present, and cannot %s", name, st, roles[role])
		},
		BadText: func(f string, r rune) string {
			if w, ok := fields[f]; ok {
				f = w
			}
			return fmt.Sprintf("%s holds a control character (U+%04X) no record may carry: delete it and try again", f, r)
		},
		HelpStrike: "strike a vote", NothingToStrike: "No vote to strike",
		StrikeLabel: func(no int) string { return fmt.Sprintf("Why vote %d is struck", no) },
		Struck: func(no int) string {
			return fmt.Sprintf("Vote %d is struck: it stays in the record and does not count", no)
		},
		StruckLine: func(at, r string) string { return "struck " + at + ": " + r },
		Adopts: func(a session.Adopts) string {
			if a == session.AdoptsScrutineers {
				return "Adoption of the scrutineer list"
			}
			return "Adoption of the election method"
		},
		VoteTooMany: func(sum, p int) string {
			return fmt.Sprintf("%s counted but only %s present: please check", plural(sum, "vote"), plural(p, "formal delegate"))
		},
		NoCurrentItem: "No agenda item is under way",
		NoSuchItem:    func(no, n int) string { return fmt.Sprintf("There is no item %d (the agenda has %d)", no, n) },

		HelpPrev: "previous item", HelpEnd: "end item", HelpNote: "note", HelpExport: "export the records",
		HelpPrep: "preparation", PrepTitle: "Preparation · composition of the delegates", PrepTarget: "target",
		PrepHead: func(f int, date string, tol int) string {
			return fmt.Sprintf("%s · congress date %s · \"about\" allows ±%d points", plural(f, "formal delegate"), date, tol)
		},
		PrepStatus: func(st string) string { return st },
		PrepCommittee: func(c, seats int, sur string) string {
			return fmt.Sprintf("Committee election: %s for %s, surplus %s (shown, not blocked)", plural(c, "candidate"), plural(seats, "seat"), sur)
		}, Exporting: "Exporting the records…",
		Exported:     func(n int, dir string) string { return fmt.Sprintf("Exported %s to %s", plural(n, "file"), dir) },
		ExportFailed: func(err string) string { return "Export failed: " + err }, HelpToItem: "this item",
		HelpToElection: "election", HelpToQuestions: "questions", HelpToMotions: "motions", HelpToAgenda: "agenda",
		HelpJump: "start this", HelpSkip: "skip", HelpAsk: "new question", HelpAnswer: "answer",
		HelpDefer: "on notice", HelpFile: "new motion", HelpAccept: "accept", HelpDecline: "decline",
		HelpVote: "vote", HelpUnanimous: "unanimous", HelpKind: "kind", HelpMethod: "method",
		HelpRecord: "record", HelpTab: "next count", HelpScript: "whole script",
		HelpFormNext: "next field", HelpFormAdd: "add", HelpFormDone: "done",
	}
}

// plural writes n and a noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
