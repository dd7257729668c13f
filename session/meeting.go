package session

import (
	"time"

	"podium/model"
)

// The congress's business besides attendance and the election (RULES
// §3–§5, §10): walking the agenda, questions (质询), motions (提案),
// resolutions (表决) and the secretary's notes. Every step is an event.

// ItemStatus is where an agenda item stands.
type ItemStatus uint8

const (
	// ItemPending has not started.
	ItemPending ItemStatus = iota
	// ItemCurrent is under way.
	ItemCurrent
	// ItemDone has ended.
	ItemDone
	// ItemPassedOver was skipped, with a reason.
	ItemPassedOver
)

// ItemState is one agenda item's progress, parallel to Setup.Agenda.
type ItemState struct {
	Status          ItemStatus
	Started, Ended  time.Time
	Note            string // why it was skipped or left unfinished
	StartedCount    Count  // attendance when it (last) started
	Starts, Endings int    // how often it was started and ended
}

// QuestionStatus is where a question (质询) stands (RULES §5).
type QuestionStatus uint8

const (
	// QuestionPending waits for its answer.
	QuestionPending QuestionStatus = iota
	// QuestionReplied was answered in session.
	QuestionReplied
	// QuestionOnNotice is taken on notice, to be answered by Due.
	QuestionOnNotice
)

// Question is one delegate's question to the outgoing executive.
type Question struct {
	No         int // 1-based
	Delegate   string
	Target     string // officer, department or report
	Text       string
	Asked      time.Time
	Item       int // the agenda item current when asked, -1 if none
	Status     QuestionStatus
	Answer     string
	AnsweredBy string
	Answered   time.Time
	Due        time.Time // when taken on notice
}

// MotionStatus is where a motion (提案) stands (RULES §4).
type MotionStatus uint8

const (
	// MotionPending waits for the motion committee.
	MotionPending MotionStatus = iota
	// MotionAdmitted is accepted (立案) and may be put to a vote.
	MotionAdmitted
	// MotionNotAdmitted is declined (不予立案) and kept as an opinion.
	MotionNotAdmitted
)

// MinCoSigners is how many co-signers (附议人) a motion needs besides its
// proposer (RULES §4).
const MinCoSigners = 2

// Motion is one motion: one issue each (一事一案).
type Motion struct {
	No        int // 1-based
	Proposer  string
	CoSigners []string
	Title     string
	Text      string
	Category  string
	Filed     time.Time
	Status    MotionStatus
	Reason    string    // why declined
	Due       time.Time // the opinion's answer is due (declined)
	Decided   time.Time // accepted or declined at
	Vote      int       // the resolution that decided it (1-based), 0 if none
}

// Resolution is one vote of the congress (表决), stamped with the count it
// used and its derivation.
type Resolution struct {
	No                    int // 1-based, in the order taken (struck votes keep theirs)
	Item                  int // agenda item, -1 if none
	Motion                int // the motion voted on (1-based), 0 if none
	Subject               string
	Kind                  model.VoteKind
	Method                model.VoteMethod
	For, Against, Abstain int
	At                    time.Time
	Count                 Count          // attendance at the vote
	Rule                  model.Fraction // the threshold applied
	Base                  int            // what the threshold is of
	Need                  int            // the votes for needed
	Adopted               bool
	// Adopts is set on the adoption votes of the election (RULES §3,
	// 附件3 §8, §9): AdoptsMethod with the method voted on, or
	// AdoptsScrutineers with the list voted on. Their Subject is empty:
	// the screens and records say it in their words.
	Adopts         Adopts
	ElectionMethod *model.Method
	Scrutineers    *ScrutineerList
	// Struck is set when the chair struck the vote (撤销表决) with
	// StruckReason: it stays in the record, marked so, and never counts.
	Struck       *Stamp
	StruckReason string
}

// Adopts is what an adoption vote of the election adopts.
type Adopts string

// The adoption votes of the election.
const (
	AdoptsMethod      Adopts = "method"      // 通过选举办法
	AdoptsScrutineers Adopts = "scrutineers" // 通过监票人名单
)

// ScrutineerList is the scrutineers put to an adoption vote, or adopted:
// roster ids of the scrutineer (监票人) and the chief scrutineer (总监票人),
// and the counters' names (计票人).
type ScrutineerList struct {
	Scrutineer string   `json:"scrutineer"`
	Chief      string   `json:"chief"`
	Counters   []string `json:"counters"`
}

// VoteCounts are a vote's counts as the host enters them: how it was
// voted (hands or ballot) and for, against, abstain.
type VoteCounts struct {
	Method  model.VoteMethod `json:"method"`
	For     int              `json:"for"`
	Against int              `json:"against"`
	Abstain int              `json:"abstain"`
}

// Note is one line of the secretary's notes, on the item current then.
type Note struct {
	At   time.Time
	Item int
	By   string
	Text string
}

// EndItem ends the current agenda item. A resolution item without a vote,
// or an election item with a round open, is not left silently: Note must
// then say why.
type EndItem struct {
	Meta
	Note string `json:"note" apply:"optional"`
}

// SkipItem passes over an item that has not started, with a reason.
type SkipItem struct {
	Meta
	Index  int    `json:"index"`
	Reason string `json:"reason"`
}

// AskQuestion records a delegate's question.
type AskQuestion struct {
	Meta
	Delegate string `json:"delegate"`
	Target   string `json:"target"`
	Text     string `json:"text"`
}

// AnswerQuestion records the answer to question No.
type AnswerQuestion struct {
	Meta
	No   int    `json:"no"`
	By   string `json:"by" apply:"optional"`
	Text string `json:"text"`
}

// DeferQuestion takes question No on notice: it is due Meeting.AnswerDays
// (two weeks) after the command's time.
type DeferQuestion struct {
	Meta
	No int `json:"no"`
}

// FileMotion files a motion: a proposer and at least MinCoSigners
// co-signers, all formal delegates.
type FileMotion struct {
	Meta
	Proposer  string   `json:"proposer"`
	CoSigners []string `json:"cosigners"`
	Title     string   `json:"title"`
	Text      string   `json:"text" apply:"optional"`
	Category  string   `json:"category" apply:"optional"`
}

// AcceptMotion accepts motion No (立案).
type AcceptMotion struct {
	Meta
	No int `json:"no"`
}

// DeclineMotion declines motion No (不予立案) with a reason; it is kept as
// an opinion, due for an answer Meeting.AnswerDays later.
type DeclineMotion struct {
	Meta
	No     int    `json:"no"`
	Reason string `json:"reason"`
}

// RecordVote records a vote (表决): the counts, the method, and what it
// decides (Kind: ordinary or charter). Motion, when not 0, is the accepted
// motion voted on. The outcome is derived by the core (RULES §0, §3).
type RecordVote struct {
	Meta
	Subject string           `json:"subject"`
	Kind    model.VoteKind   `json:"vote_kind"`
	Method  model.VoteMethod `json:"method"`
	For     int              `json:"for"`
	Against int              `json:"against"`
	Abstain int              `json:"abstain"`
	Motion  int              `json:"motion" apply:"optional"`
}

// StrikeVote strikes vote No (撤销表决), recorded by mistake, with the
// reason (RULES §3): host only. The vote stays in the record, marked
// struck with its reason and time, and never counts: the item's outcome
// is its last vote not struck, and the next vote is numbered after it. An
// adoption vote of the election can be struck only before the first
// round opens; the method or the scrutineers adopted before it (or none)
// are then in force again.
type StrikeVote struct {
	Meta
	No     int    `json:"no"`
	Reason string `json:"reason"`
}

// AddNote adds a line to the secretary's notes on the current item.
type AddNote struct {
	Meta
	Text string `json:"text"`
}

// Rating is one officer's rating in a review item (述职评议).
type Rating struct {
	Item    int // the review item
	Officer string
	Rating  model.Rating
	Note    string // the review group's written opinion (整改意见), if any
	At      time.Time
}

// RateOfficer records the rating of an officer who reported in the
// current review item; rating the same officer again replaces it.
type RateOfficer struct {
	Meta
	Officer string       `json:"officer"`
	Rating  model.Rating `json:"rating"`
	Note    string       `json:"note" apply:"optional"`
}
