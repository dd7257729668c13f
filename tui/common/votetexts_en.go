package common

import (
	"fmt"
	"strings"

	"podium/model"
	"podium/session"
	"podium/session/election"
	"podium/words"
)

func enVoteTexts() *VoteTexts {
	pl := func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	}
	base := map[model.Base]string{model.BaseExpected: "expected delegates", model.BasePresent: "present delegates", model.BaseValid: "valid ballots"}
	catOf := func(cat string) string {
		if cat == "" {
			return ""
		}
		return cat + ": "
	}
	return &VoteTexts{
		Title: "Election", NoElection: "This congress has no election", Sep: ", ", None: "none",
		Colon: ": ", Paren: func(s string) string { return " (" + s + ")" },
		Steps:  []string{"Method", "Scrutineers", "Quorum", "Ballots", "Count", "Results"},
		Actor:  func(a string) string { return "terminal: " + a },
		Teller: func(a string) string { return "teller: " + a },
		More:   func(f, to, n int) string { return fmt.Sprintf("lines %d–%d of %d · ↑↓ to scroll", f, to, n) },
		RoundName: func(no int, k election.Kind, revote bool) string {
			again := ""
			if revote {
				again = ", revote after void"
			}
			switch k {
			case election.Runoff:
				return fmt.Sprintf("Runoff (round %d%s)", no, again)
			case election.Second:
				return fmt.Sprintf("Second round (round %d%s)", no, again)
			}
			if revote {
				return fmt.Sprintf("Round %d (revote after void)", no)
			}
			return fmt.Sprintf("Round %d", no)
		},
		NextLabel: "Next › ", Done: "The election is complete; the results are above",
		NumberHint:       "type the number and press enter, esc cancels",
		CountersHint:     "type the counters' names (separated by spaces or commas), enter adopts, esc goes back",
		NextMethod:       func(k string) string { return k + " adopt the election method" },
		NextScrutineers:  func(k string) string { return k + " choose the scrutineer, chief scrutineer and counters" },
		NextOpen:         func(k, r string) string { return k + " check the quorum and open " + r },
		NextIssue:        func(k string) string { return k + " record the ballots issued" },
		NextCollect:      func(k string) string { return k + " record the ballots collected" },
		NextCount:        func(b, t string) string { return b + " key the ballots · " + t + " enter a tally sheet" },
		NextDecide:       func(k string) string { return k + " close the count and announce" },
		NextChoose:       func(k, v string) string { return k + " hold another round · " + v + " leave the seats vacant" },
		NotNow:           "That is not the step now",
		CountedByTally:   "A tally sheet was entered for this round; no ballots can be keyed",
		CountedByBallots: "Ballots are being keyed for this round; no tally sheet can be entered",
		ConfirmMethod: func(k string) string {
			return "Has the congress adopted the method? Press " + k + " again to record it, esc cancels"
		},
		ConfirmDecide: func(k string) string { return "Press " + k + " again to close the count and announce, esc cancels" },
		ConfirmOpen: func(k, r string, p, e int) string {
			return fmt.Sprintf("Press %s again to open %s (%d of %d present), esc cancels", k, r, p, e)
		},
		ConfirmVacant: func(k, seats string) string {
			return fmt.Sprintf("Press %s again to leave %s vacant, esc cancels", k, seats)
		},
		CountHow: func(b, t string) string {
			return "Press " + b + " to key the ballots one by one, or " + t + " to enter a tally sheet"
		},
		AllDone:         "The election is complete",
		MethodAdopted:   "Election method adopted",
		VacancyDeclared: "Seats declared vacant",
		RoundOpened: func(r string, p, e int) string {
			return fmt.Sprintf("%s opened: %d expected, %d present", r, e, p)
		},
		Decided:    func(n int) string { return fmt.Sprintf("Count closed: %d elected in this round", n) },
		NotANumber: "Please type a number",
		IssuedOK:   func(n int) string { return "Recorded: " + plural(n, "ballot") + " issued" },
		CollectedOK: func(i, c int) string {
			return fmt.Sprintf("Recorded: %d issued, %d collected, the round is valid", i, c)
		},
		CollectedVoid: func(i, c int) string {
			return fmt.Sprintf("%d collected is more than %d issued: the round is void and is voted again", c, i)
		},
		ScrutineersAdopted: func(s, c string) string {
			return fmt.Sprintf("Scrutineer %s and chief scrutineer %s adopted", s, c)
		},
		PickHint: func(role string) string {
			return "Type pinyin initials to find the " + strings.ToLower(role) + ", enter chooses, esc goes back"
		},
		Choosing:        func(role string) string { return "Choose the " + strings.ToLower(role) },
		PickPlaceholder: "present formal delegates only",
		IsCandidate:     "candidate",
		PresentFormal:   func(n int) string { return fmt.Sprintf("%d people", n) },
		MethodTitle:     "Election method", CandidatesTitle: "Candidates (ballot order)", ScrutineersTitle: "Scrutineers",
		Adopted:   func(at string) string { return "✓ adopted " + at },
		SeatsWith: func(total int, parts string) string { return fmt.Sprintf("%d: %s", total, parts) },
		SeatsOnly: func(n int) string { return fmt.Sprintf("%d %s", n, pl(n, "seat", "seats")) },
		CatSeats:  func(cat string, n int) string { return fmt.Sprintf("%s %d", cat, n) },
		TermSeats: "Seats", TermCandidates: "Candidates", TermQuorum: "Quorum",
		TermThreshold: "To be elected", TermWriteIns: "Write-ins", TermOver: "Over-selection",
		TermRunoff: "Ties, shortfall", TermOrder: "Order",
		RunoffWords: "a tie across the last seat is voted again among the tied, most approvals win; seats left open go to a second round among those not elected",
		OrderWords:  "every candidate's votes are reported in ballot order; the elected are announced in the approved candidate order",
		CandidatesWords: func(n, seats int) string {
			if n > seats {
				return fmt.Sprintf("%d for %s (competitive, %d more)", n, plural(seats, "seat"), n-seats)
			}
			return fmt.Sprintf("%d for %s (equal election)", n, plural(seats, "seat"))
		},
		QuorumWords: func(f model.Fraction, e, need int) string {
			return fmt.Sprintf("present %s of the %d expected: at least %d", words.Rule(f, "en"), e, need)
		},
		ThresholdWords: func(f model.Fraction, b model.Base, n, need int) string {
			if n < 0 {
				return fmt.Sprintf("approvals %s of the %s", words.Rule(f, "en"), base[b])
			}
			return fmt.Sprintf("approvals %s of the %d %s: at least %d", words.Rule(f, "en"), n, base[b], need)
		},
		WriteInsWords: func(w model.WriteIns) string {
			if w == model.WriteInsNone {
				return "not allowed"
			}
			return "one other person per ×, in the same category"
		},
		OverWords: func(o model.OverSelection, withCat bool) string {
			if withCat && o == model.OverSelectionCategory {
				return "more selections than a category's seats voids that category's part"
			}
			return "more selections than seats voids the ballot"
		},
		Scrutineer: "Scrutineer", Chief: "Chief scrutineer", Counters: "Counters", NotChosen: "not chosen",
		IssuedLabel: "Ballots issued", CollectedLabel: "Ballots collected", NotYet: "not recorded",
		QuorumSpeech: func(e, p int, f model.Fraction, need int, ok bool) string {
			if ok {
				return fmt.Sprintf("%s %s expected at this election and %d %s present, %s of the expected: the election may proceed.",
					plural(e, "delegate"), pl(e, "is", "are"), p, pl(p, "is", "are"), words.Rule(f, "en"))
			}
			return fmt.Sprintf("%s %s expected at this election and %d %s present, not %s of the expected (%d needed): the election cannot proceed.",
				plural(e, "delegate"), pl(e, "is", "are"), p, pl(p, "is", "are"), words.Rule(f, "en"), need)
		},
		BallotSpeech: func(i, c int, void bool) string {
			head := fmt.Sprintf("%s %s issued and %d collected", plural(i, "ballot"), pl(i, "was", "were"), c)
			switch {
			case void:
				return head + ", more than issued: the round is void and is voted again."
			case c < i:
				return head + ", fewer than issued: the round is valid."
			}
			return head + ", as many as issued: the round is valid."
		},
		OpenSeats: "Seats", Slate: "Candidates", QuorumTitle: "Quorum (the chair reads)", BallotsTitle: "Ballots",
		OpenedAt:   func(at string) string { return "opened " + at },
		CountTitle: "Count", TallyEntered: "✓ Tally sheet entered, it agrees with the ballots collected",
		NothingKeyed: "No ballots keyed yet",
		RehearsalPass: func(n int) string {
			return fmt.Sprintf("Rehearsal check PASS: all %d figures the test deck expects are counted (podium rehearse check prints the test report)", n)
		},
		RehearsalFail: func(bad, n int, first string) string {
			return fmt.Sprintf("Rehearsal check FAIL: %d of %d figures differ from the test deck: %s (podium rehearse check prints the test report)", bad, n, first)
		},
		ZeroReport: func(n int, key string) string {
			return fmt.Sprintf("Zero report: all %d candidates at 0 approve, 0 disapprove, 0 abstain; 0 ballots keyed. %s prints it for the scrutineers to sign before counting.", n, key)
		},
		SingleEntry:    "Only one teller keys; another terminal with another teller name keying the same stack makes a double entry",
		NoDiffs:        "✓ Both entries agree",
		SpoiledDiffers: "spoiled or not", WriteInsDiffer: "write-ins differ",
		Keyed: func(n, c int) string { return fmt.Sprintf("%d of %d keyed", n, c) },
		DiffsTitle: func(n int) string {
			return fmt.Sprintf("The entries differ at %d %s (correct from the paper ballot before announcing):", n, pl(n, "ballot", "ballots"))
		},
		DiffsShort: func(n int, list, k string) string {
			return fmt.Sprintf("Entries differ at %d: no. %s · %s next", n, list, k)
		},
		StackPos:  func(i int) string { return fmt.Sprintf("no. %d", i) },
		MissingAt: func(ts string) string { return "not keyed by " + ts },
		MarkGlyph: func(m election.Mark) string {
			switch m {
			case election.Approve:
				return "○"
			case election.Disapprove:
				return "×"
			}
			return "·"
		},
		BallotEntry: "Ballot entry", TallyEntry: "Tally sheet", NoOpenRound: "No round is being counted",
		WriteInHint:    "Type the written-in name, tab changes the category, enter adds, esc cancels",
		SpoilHint:      "Type why the ballot is spoiled (or nothing), enter saves it as spoiled, esc cancels",
		SpoiledDefault: "declared spoiled by the scrutineers",
		CorrectHint: func(p int) string {
			return fmt.Sprintf("Correcting no. %d: key it again from the paper ballot, enter saves", p)
		},
		Valid: "valid", Invalid: "invalid", NothingToRemove: "No ballot of yours to take back",
		Saved: func(n, c int, w string) string { return fmt.Sprintf("No. %d saved (%s) · %d of %d keyed", n, w, n, c) },
		Corrected: func(p int, w string, d int) string {
			if d == 0 {
				return fmt.Sprintf("No. %d corrected (%s) · both entries agree", p, w)
			}
			return fmt.Sprintf("No. %d corrected (%s) · %d still differ", p, w, d)
		},
		Removed: func(n int) string {
			return fmt.Sprintf("No. %d taken back and put in the editor; fix it and press enter", n)
		},
		Correcting: func(p, k, c int) string {
			return fmt.Sprintf("Correcting no. %d (%d of %d keyed)", p, k, c)
		},
		BallotNo:      func(n, c int) string { return fmt.Sprintf("Ballot %d of %d collected", n, c) },
		KeyedSoFar:    func(n int) string { return fmt.Sprintf("%d keyed", n) },
		OtherTeller:   func(t string, n int) string { return fmt.Sprintf("%s: %d keyed", t, n) },
		CandidateHead: "Candidate", CategoryHead: "Category", MarkHead: "Mark",
		ApproveShort: "For", DisapproveShort: "Against", AbstainShort: "Abst.",
		WriteInLabel: "Write-ins", SpoilLabel: "Spoiled because", InvalidLabel: "Invalid",
		TallyHint:   "digits fill · ↑↓←→ tab move · w write-in line · W delete it · enter submits · esc back",
		VoidWriteIn: func(r string) string { return "(void: " + r + ")" },
		VoidReason: func(code string) string {
			switch code {
			case election.VoidNotAllowed:
				return "the method allows none"
			case election.VoidRoundKind:
				return "none in a runoff or second round"
			case election.VoidUnknownCategory:
				return "unknown category"
			case election.VoidListed:
				return "a listed candidate"
			case election.VoidRepeated:
				return "written twice"
			case election.VoidNoDisapproval:
				return "no unused × in its category"
			}
			return code
		},
		SpoiledReason: func(r string) string { return "spoiled (" + r + ")" },
		CannotJudge:   func(d string) string { return "This round cannot be judged: " + d },
		OverSelected: func(cat string, sel, seats int) string {
			return fmt.Sprintf("%s%d selected, more than %d %s", catOf(cat), sel, seats, pl(seats, "seat", "seats"))
		},
		Selections: func(n int) string { return fmt.Sprintf("%d selected", n) },
		TallySaved: func(c int) string {
			return fmt.Sprintf("Tally sheet entered; it agrees with the %s collected", plural(c, "ballot"))
		},
		CollectedIs: func(n int) string { return fmt.Sprintf("%d collected", n) },
		TallyRefused: func(e *election.TallyError) string {
			who := ""
			switch {
			case e.Candidate != "":
				who = e.Candidate + ": "
			case e.Category != "":
				who = e.Category + ": "
			}
			g, w := e.Got, e.Want
			var why string
			switch e.Reason {
			case election.TallySum:
				why = fmt.Sprintf("for + against + abstain is %d, the category's valid ballots are %d", g, w)
			case election.TallyInvalidOver:
				why = fmt.Sprintf("%d invalid is more than the %d collected", g, w)
			case election.TallyInvalidUnequal:
				why = fmt.Sprintf("%d invalid differs from the other categories' %d (a ballot is valid or invalid as a whole)", g, w)
			case election.TallyNegative:
				why = fmt.Sprintf("%d is negative", g)
			default:
				why = fmt.Sprintf("%s (got %d, want %d)", e.Reason, g, w)
			}
			return "The tally sheet does not add up: " + who + why
		},
		ResultsTitle:    func(r string) string { return "Results: " + r },
		SpeechPageTitle: func(r string) string { return "To read: " + r },
		RoundOf:         func(i, n int, k string) string { return fmt.Sprintf("page %d of %d, %s to turn", i, n, k) },
		ShowSpeech:      func(k string) string { return k + " words to read" },
		ShowResults:     func(k string) string { return k + " back to the results" },
		HelpSpeech:      "results/words to read",
		CountsLine: func(e, p, i, c, v, inv int) string {
			// A no-break space keeps each figure with its word.
			if v < 0 {
				return strings.ReplaceAll(fmt.Sprintf("expected_%d  present_%d  issued_%d  collected_%d  valid and invalid by category (tally sheet)", e, p, i, c), "_", "\u00a0")
			}
			return strings.ReplaceAll(fmt.Sprintf("expected_%d  present_%d  issued_%d  collected_%d  valid_%d  invalid_%d", e, p, i, c, v, inv), "_", "\u00a0")
		},
		PartlyLine: func(n int) string {
			return fmt.Sprintf("%d of the invalid ballots are partly invalid: the over-selected category is invalid, the others valid and counted", n)
		},
		CatCounts: func(cat string, v, inv int) string { return fmt.Sprintf("%s: %d valid, %d invalid", cat, v, inv) },
		Undecided: func(r *election.Result) string {
			if !r.QuorumMet {
				return fmt.Sprintf("%d present, below the election quorum (%d needed): this round is not counted.", r.Present, r.QuorumNeed)
			}
			return fmt.Sprintf("%s %s issued and %d collected, more than issued: the round is void and is voted again.", plural(r.Issued, "ballot"), pl(r.Issued, "was", "were"), r.Collected)
		},
		RunoffRule: "Runoff: among the tied, the most approvals win",
		ThresholdLine: func(cat string, f model.Fraction, b model.Base, n, need int) string {
			return fmt.Sprintf("To be elected: approvals %s of the %d %s, at least %d", words.Rule(f, "en"), n, base[b], need)
		},
		ThresholdMark: func(n int) string { return fmt.Sprintf("threshold %d", n) },
		PendingRunoff: func(cat string, seats int, names string) string {
			return fmt.Sprintf("↻ Runoff: %s%d %s among %s", catOf(cat), seats, pl(seats, "seat", "seats"), names)
		},
		PendingSecond: func(cat string, seats int, names string) string {
			return fmt.Sprintf("↻ Second round: %s%d %s open, candidates %s", catOf(cat), seats, pl(seats, "seat", "seats"), names)
		},
		SpeechTitle: "To read", ElectedTitle: "Elected",
		Status: func(s election.Status, k election.Kind) string {
			switch s {
			case election.Elected:
				return "elected"
			case election.InRunoff:
				return "to runoff"
			case election.Tied:
				return "tied: seat vacant"
			}
			return "not elected"
		},
		CategoryLine: func(cat string, seats, valid int) string {
			return fmt.Sprintf("%s · %d %s · %d valid", cat, seats, pl(seats, "seat", "seats"), valid)
		},
		ReportLine: func(n string, a, d, ab int) string {
			return fmt.Sprintf("%s, %d for, %d against, %d abstaining", n, a, d, ab)
		},
		ReportWriteIn: func(n string, a int) string { return fmt.Sprintf("written in: %s, %d for", n, a) },
		ChiefReport: func(c string, v, inv int, cats []string) string {
			if v < 0 {
				return fmt.Sprintf("Chief scrutineer %s reports, by category: %s. The votes, in ballot order: ", c, strings.Join(cats, "; "))
			}
			return fmt.Sprintf("Chief scrutineer %s reports: %d valid ballots, %d invalid. The votes, in ballot order: ", c, v, inv)
		},
		JoinReport: func(l []string) string { return strings.Join(l, "; ") + "." },
		ElectedSpeech: func(r string, names []string) string {
			if len(names) == 0 {
				return "No candidate was elected in " + strings.ToLower(r[:1]) + r[1:] + "."
			}
			return fmt.Sprintf("By the election method, elected in %s (in candidate order): %s; %d in all.", strings.ToLower(r[:1])+r[1:], strings.Join(names, ", "), len(names))
		},
		RunoffSpeech: func(cat string, seats int, names string) string {
			return fmt.Sprintf("%s are tied: by the method, %s%d %s will be voted again among them, the most approvals win.", names, catOf(cat), seats, pl(seats, "seat", "seats"))
		},
		SecondSpeech: func(cat string, seats int) string {
			return fmt.Sprintf("%s%d %s still open: a second round will be held among the candidates not elected.", catOf(cat), seats, pl(seats, "seat is", "seats are"))
		},
		FinalSpeech: func(names []string, vac string) string {
			s := fmt.Sprintf("The election is over. Elected (in candidate order): %s; %d in all.", strings.Join(names, ", "), len(names))
			if vac != "" {
				s += " Vacant: " + vac + "."
			}
			return s
		},
		VacantWords: func(n int) string { return fmt.Sprintf("%d vacant", n) },
		ScrutineerRefused: func(name, role string, reason session.Code) string {
			r := map[session.Code]string{session.ReasonNotFormal: "not a formal delegate", session.ReasonNotPresent: "not present", session.ReasonCandidate: "a candidate in this election",
				session.ReasonSamePerson: "the same person as the scrutineer"}[reason]
			if r == "" {
				r = "not eligible"
			}
			what := "scrutineer"
			if role == "chief" {
				what = "chief scrutineer"
			}
			return fmt.Sprintf("%s cannot be %s: %s", name, what, r)
		},
		BallotRefused: func(p, k, c int, reason session.Code) string {
			switch reason {
			case session.CodeStackFull:
				return fmt.Sprintf("%d keyed, as many as the %d collected: no more ballots", k, c)
			case session.CodeEmpty:
				return "No ballot of yours to take back"
			case session.CodeBadIndex:
				return fmt.Sprintf("No. %d is not keyed yet (%d keyed)", p, k)
			case session.CodeBadMark:
				return fmt.Sprintf("No. %d cannot be saved: a mark is ○, × or blank", p)
			case session.CodeTooManyMarks:
				return fmt.Sprintf("No. %d cannot be saved: more marks than candidates", p)
			}
			return fmt.Sprintf("No. %d cannot be saved", p)
		},
		MethodRefused: func(e *session.MethodError) string {
			if e.Code == session.CodeUnknownCategory {
				return fmt.Sprintf("The method cannot be adopted: candidate %s stands in category %q, which it does not have", e.Candidate, e.Category)
			}
			return "The method cannot be adopted: it is not valid (" + e.Reason + ")"
		},
		MismatchRefused: func(ts []string, ls []int, c, d int) string {
			var parts []string
			for i, t := range ts {
				parts = append(parts, fmt.Sprintf("%s %d", t, ls[i]))
			}
			return fmt.Sprintf("Cannot announce: %d to key, keyed %s; %d differ", c, strings.Join(parts, ", "), d)
		},
		IssueRefused: func(n, p int) string {
			return fmt.Sprintf("Cannot issue %s: only %s %s present", plural(n, "ballot"), plural(p, "formal delegate"), pl(p, "is", "are"))
		},
		ScrutineerAbsent: func(name, role, st string) string {
			r := "scrutineer"
			if role == "chief" {
				r = "chief scrutineer"
			}
			return fmt.Sprintf("%s cannot be %s: %s, not present", name, r, st)
		},
		AdoptTitle: func(w string) string { return "Vote: " + w },
		AdoptHint: func(m string) string {
			return "Type for, against and abstain (tab moves, " + m + " how voted), enter confirms, esc goes back"
		},
		ConfirmAdopt: func(k, w string, f, a, ab, need int, ok bool) string {
			o := "not adopted"
			if ok {
				o = "adopted"
			}
			return fmt.Sprintf("%s: for %d, against %d, abstain %d → %d needed, %s. Press %s again to record it, esc cancels", w, f, a, ab, need, o, k)
		},
		AdoptVoted: func(w string, no, need, f int, ok bool) string {
			if ok {
				return fmt.Sprintf("Vote %d: %s, %d needed, %d for: adopted", no, w, need, f)
			}
			return fmt.Sprintf("Vote %d: %s, %d needed, %d for: not adopted, not in force", no, w, need, f)
		},
		HelpSwitchTally: "count by tally sheet instead", HelpSwitchBallots: "key ballots instead",
		SwitchLabel: func(to string) string {
			if to == "tally" {
				return "Why this round is counted from a tally sheet (the keyed ballots are kept, set aside)"
			}
			return "Why this round is counted from keyed ballots (the tally sheet is kept, set aside)"
		},
		Switched: func(to string) string {
			if to == "tally" {
				return "This round is now counted from a tally sheet; the keyed ballots are kept, set aside, and do not count"
			}
			return "This round is now counted from keyed ballots; the tally sheet is kept, set aside, and does not count"
		},
		CountedBy: func(m string) string { return "Counted: " + words.CountMethod(m, "en") },
		RunningCounts: func(v, p, w int) string {
			return fmt.Sprintf("valid %d · partly invalid %d · invalid %d", v, p, w)
		},
		SetAsideLine: func(who string, n int, r string) string {
			if n < 0 {
				return "Set aside (not counted): a tally sheet; reason: " + r
			}
			return fmt.Sprintf("Set aside (not counted): %s keyed %d; reason: %s", who, n, r)
		},
		SecondVacantSpeech: func(cat string, seats int) string {
			return fmt.Sprintf("%s%d %s still open; the congress decided to hold no further round: %d vacant.", catOf(cat), seats,
				pl(seats, "seat is", "seats are"), seats)
		},
		TiedVacantSpeech: func(cat string, seats int, names string) string {
			return fmt.Sprintf("%s are tied; by the election method there is no runoff: %s%d vacant.", names, catOf(cat), seats)
		},
		HelpNext: "next step", HelpBack: "back", HelpScroll: "scroll", HelpRounds: "rounds",
		HelpBallots: "key ballots", HelpTally: "tally sheet", HelpVacant: "vacant",
		HelpApprove: "for", HelpDisapprove: "against", HelpAbstain: "abstain", HelpRow: "candidate",
		HelpBackRow: "back one", HelpSave: "save", HelpWriteIn: "write-in", HelpDropWriteIn: "drop write-in",
		HelpSpoil: "spoiled", HelpRemove: "take back last", HelpTeller: "other teller",
		HelpPrint: "print ballots", Printing: "Printing the round's ballots and zero report…",
		Printed: func(n int, dir string) string {
			return fmt.Sprintf("Printed %d files (ballots, zero report) to %s", n, dir)
		},
		PrintFailed:      func(err string) string { return "Printing the ballots failed: " + err },
		ProjectorElected: func(n int) string { return fmt.Sprintf("%d elected (in the approved order)", n) },
		TellerNow: func(t string) string {
			return "Now keying: " + t + "; both tellers key the same stack and podium compares them"
		}, HelpStack: "earlier/later ballot", HelpNextDiff: "next difference",
		HelpCategory: "category", HelpCell: "move", HelpWriteInRow: "write-in line", HelpSubmit: "submit",
		Sentinels: []sentinel{
			{session.ErrNoElection, "This congress has no election", true},
			{session.ErrMethodNotAdopted, "The election method has not been adopted", false},
			{session.ErrNoScrutineers, "The scrutineers have not been adopted", false},
			{session.ErrVoteStarted, "Voting has started; the method can no longer change", false},
			{session.ErrRoundOpen, "This round is not finished yet", false},
			{session.ErrNoOpenRound, "No round is open", true},
			{session.ErrNothingToHold, "Every seat is filled or vacant; no round is due", true},
			{session.ErrNotIssued, "Record the ballots issued first", false},
			{session.ErrNotCollected, "Record the ballots collected first", false},
			{session.ErrAlreadyRecorded, "That number is already recorded for this round", true},
			{session.ErrRoundVoid, "The round is void (more collected than issued); vote again", false},
			{session.ErrMixedEntry, "This round is counted the other way (ballots or tally sheet)", false},
			{session.ErrNoVacancy, "Only seats left open after a second round can be declared vacant", false},
		},
		HelpPick: "choose", HelpConfirm: "confirm",
	}
}
