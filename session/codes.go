package session

// Code is why the core refused a command, as a stable word: the screens
// switch on it to say the refusal in their language, and never parse an
// error's English. Each typed refusal that can fail for more than one
// reason carries one (FieldError.Code, StatusError.Reason …); its Error
// text is for logs and tests.
type Code string

// The codes of a FieldError: a field of a command is empty or not allowed.
const (
	CodeEmpty      Code = "empty"       // a required field is empty; also: no keyed ballot to withdraw (BallotError)
	CodeNoReview   Code = "no_review"   // a rating needs a review item under way
	CodeNotOfficer Code = "not_officer" // not one of the review item's officers
	CodeBadRating  Code = "bad_rating"  // not excellent, pass or fail
	CodeBadKind    Code = "bad_kind"    // a vote's kind is not ordinary or charter
	CodeBadMethod  Code = "bad_method"  // a vote's method is not hands or ballot
	CodeNegative   Code = "negative"    // a vote's (or a survey's) counts are negative
	CodeSurveyItem Code = "survey_item" // a survey's item is not 16 or 17, or is given twice
	CodeNoAnswers  Code = "no_answers"  // nobody answered a survey's question
	CodeSurveySum  Code = "survey_sum"  // a survey's counts do not add up to its respondents
	CodeBadOption  Code = "bad_option"  // an answer read as something not on the survey's scale

	// CodeReasonNotLeave: a reason given with a mark other than a leave.
	CodeReasonNotLeave Code = "reason_not_leave"
	// CodeNeedsVote: the meeting adopts the election method and the
	// scrutineer list by a vote (adoption = "vote"), and none was given.
	CodeNeedsVote Code = "needs_vote"
	// CodeBadEntry: a round's entry is not "ballots" or "tally".
	CodeBadEntry Code = "bad_entry"

	// The staff audit's (附件1 items 3–6): a check is not 3.1–3.3, 4, 5
	// or 6, is given twice or lacks; its figures do not hold together (a
	// count, a limit, the departments); a finding is off the list, has
	// another check's reason or an outcome its reason contradicts; a
	// verdict its figures and findings contradict.
	CodeStaffItem    Code = "staff_item"
	CodeStaffFigures Code = "staff_figures"
	CodeStaffFinding Code = "staff_finding"
	CodeStaffVerdict Code = "staff_verdict"
)

// The codes of a VoteCountError.
const (
	CodeTooMany Code = "too_many" // more votes than formal delegates present
	CodeNoVotes Code = "no_votes" // nobody voted: for + against + abstain = 0
)

// What a NotDeclaredError refuses before the meeting is declared valid.
const (
	CodeVote    Code = "vote"    // a vote (表决), an adoption vote included
	CodeBallots Code = "ballots" // a ballot issue
	CodeRound   Code = "round"   // an election round
)

// The codes of an UnfinishedError: why the current item cannot be left
// silently.
const (
	CodeNoVote    Code = "no_vote"    // a resolution item without its vote
	CodeRoundOpen Code = "round_open" // an election item with a round open
)

// The codes of a MotionError.
const (
	CodeCoSigners       Code = "cosigners"        // too few co-signers
	CodeDuplicate       Code = "duplicate"        // a co-signer listed twice
	CodeProposerCoSigns Code = "proposer_cosigns" // the proposer among the co-signers
)

// The codes of a StatusError: a question, motion or item is not where the
// command needs it.
const (
	CodeUnknown     Code = "unknown"      // no such question or motion
	CodeAnswered    Code = "answered"     // the question is answered already
	CodeOnNotice    Code = "on_notice"    // the question is already to be answered in writing
	CodeDecided     Code = "decided"      // the motion is decided already
	CodeNotAdmitted Code = "not_admitted" // the motion is not admitted to a vote
	CodeVoted       Code = "voted"        // the motion was voted on already
	CodeStarted     Code = "started"      // the item has started; it cannot be skipped
	CodeStruck      Code = "struck"       // the vote is struck already
	CodeSameEntry   Code = "same_entry"   // the round is counted that way already (switch_entry)
)

// The codes of a BallotError (and CodeEmpty: no keyed ballot to withdraw).
const (
	CodeStackFull    Code = "stack_full"     // as many ballots keyed as collected
	CodeBadIndex     Code = "bad_index"      // no keyed ballot at that position
	CodeBadMark      Code = "bad_mark"       // a mark that is not ○, × or blank
	CodeTooManyMarks Code = "too_many_marks" // more marks than candidates
)

// The codes of a MethodError.
const (
	CodeInvalidMethod   Code = "invalid_method"   // the method is not valid in itself (Reason says why)
	CodeUnknownCategory Code = "unknown_category" // a candidate stands in a category the method lacks
)

// The parts a NotFormalError names: what the person was to be.
const (
	CodeAsDelegate Code = "delegate" // asking a question
	CodeAsProposer Code = "proposer" // proposing a motion
	CodeAsCoSigner Code = "cosigner" // co-signing a motion
	CodeAsLeaving  Code = "leaving"  // leaving the hall (离场): only who is present leaves
)
