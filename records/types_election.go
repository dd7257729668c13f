package records

// Election is the committee election: its name, the method as adopted (in
// articles, in Lang), the scrutineers, every round (each one tally sheet),
// and the result.
type Election struct {
	// Name is the body elected, e.g. 学生会第一届委员会; Title the agenda
	// item's title (选举学生会第一届委员会).
	Name          string  `json:"name"`
	Title         string  `json:"title"`
	Item          int     `json:"item"` // agenda item number, 0 if none
	Seats         int     `json:"seats"`
	Categories    []Seats `json:"categories"`
	Quorum        Rule    `json:"quorum"`
	Threshold     Rule    `json:"threshold"`
	ThresholdBase string  `json:"threshold_base"` // expected, present or valid
	WriteIns      string  `json:"write_ins"`      // none or with_disapproval
	OverSelection string  `json:"over_selection"` // category or ballot
	Tie           string  `json:"tie"`            // runoff or vacant (RULES §6.4 step 3)
	// MethodText is the method as adopted, article by article, in Lang.
	MethodText    []string `json:"method_text"`
	MethodAdopted *Stamp   `json:"method_adopted"`
	// MethodVote and ScrutineersVote are the votes (numbers in the
	// minutes) that adopted the method and the scrutineers, null when
	// adopted without a recorded vote.
	MethodVote      *int      `json:"method_vote"`
	Scrutineer      *Who      `json:"scrutineer"` // 监票人, null until adopted
	Chief           *Who      `json:"chief"`      // 总监票人
	Counters        []string  `json:"counters"`   // 计票人, named by the host
	Adopted         *Stamp    `json:"scrutineers_adopted"`
	ScrutineersVote *int      `json:"scrutineers_vote"`
	Candidates      []Listed  `json:"candidates"` // the approved order
	Rounds          []Round   `json:"rounds"`
	Elected         []Elected `json:"elected"` // the announcement order (RULES §6.5)
	Vacant          []Seats   `json:"vacant"`
	Pending         []Pending `json:"pending"` // runoffs and second rounds still due
}

// Seats is a number of seats in a category ("" without categories).
type Seats struct {
	Category string `json:"category"`
	Seats    int    `json:"seats"`
}

// Listed is a candidate on the approved list: the roster id when the
// candidate is a delegate, the name and the label as printed.
type Listed struct {
	Name     string `json:"name"`
	Label    string `json:"label"`
	PersonID string `json:"person_id,omitempty"`
	Unit     string `json:"unit,omitempty"`
	Category string `json:"category"`
}

// Elected is one person elected, with the round that elected them.
type Elected struct {
	Name     string `json:"name"`
	Label    string `json:"label"`
	PersonID string `json:"person_id,omitempty"`
	Category string `json:"category"`
	WriteIn  bool   `json:"write_in"`
	Round    int    `json:"round"`
}

// Pending is a runoff or second round called for by a round.
type Pending struct {
	Kind       string   `json:"kind"` // runoff or second
	Category   string   `json:"category"`
	Seats      int      `json:"seats"`
	Candidates []string `json:"candidates"` // labels
}

// Round is one election round: its tally sheet and its part of the result
// report. Issued and Collected are -1 until recorded; the counts are those
// of package election, empty until the round is decided.
type Round struct {
	Round  int    `json:"round"`
	Kind   string `json:"kind"` // regular, runoff, second
	Revote bool   `json:"revote"`
	Opened Time   `json:"opened,omitzero"`
	// Decided is when the count was closed.
	Decided Time `json:"decided,omitzero"`
	// Counting is how the round was counted, as it happened: tally (a
	// paper tally sheet entered, 计票单录入), single (ballots keyed by one
	// teller, 单人录入), double (keyed by two or more tellers whose stacks
	// were whole and agreed, 双人核对), keying (ballots being keyed, not
	// decided) or none.
	Counting string   `json:"counting"`
	Tellers  []string `json:"tellers"`
	// SetAside is what was entered for the round before the host switched
	// how it is counted (keyed ballots or a tally sheet), with the reason:
	// kept, never counted.
	SetAside  []SetAside `json:"set_aside"`
	Expected  int        `json:"expected"`
	Present   int        `json:"present"`
	Issued    int        `json:"issued"`
	Collected int        `json:"collected"`
	// Valid and Invalid count whole ballots: valid in every part, and the
	// rest. They are null when only each category's counts are known (a
	// tally sheet whose categories are judged apart): a per-ballot figure
	// is never inferred. PartlyInvalid counts keyed ballots invalid in some
	// categories only (counted in Invalid), null when not known.
	Valid         *int `json:"valid"`
	Invalid       *int `json:"invalid"`
	PartlyInvalid *int `json:"partly_invalid"`
	QuorumMet     bool `json:"quorum_met"`
	// RoundValid: the quorum was met and no more ballots were collected
	// than issued (RULES §6.2).
	RoundValid bool `json:"round_valid"`
	// Threshold is the threshold in words: one line, or one per category
	// when they differ.
	Threshold      []string    `json:"threshold"`
	Categories     []Category  `json:"categories"`
	Candidates     []Candidate `json:"candidates"`
	InvalidBallots []Invalid   `json:"invalid_ballots"`
	VoidWriteIns   int         `json:"void_write_ins"`
	Elected        []string    `json:"elected"` // labels
	Runoffs        []Pending   `json:"runoffs"`
	SecondRounds   []Pending   `json:"second_rounds"`
	// Vacancies are the seats a tie at the cut-off left vacant, when the
	// method's tie is "vacant" (kind vacant: the seats and the tied).
	Vacancies []Pending `json:"vacancies"`
	Reason    string    `json:"reason,omitempty"` // why nothing was decided
	// Announcements are the words read out (RULES §6.5), in Lang.
	Announcements []string `json:"announcements"`

	void bool // the core's verdict: more ballots collected than issued
}

// Category is one category's part of a round: the ballots whose part for
// it is valid, and invalid.
type Category struct {
	Name      string `json:"name"`
	Seats     int    `json:"seats"`
	Valid     int    `json:"valid"`
	Invalid   int    `json:"invalid"`
	Threshold *int   `json:"threshold"`
}

// Candidate is one line of a tally sheet: a candidate in ballot order, or
// a write-in name (approvals only).
type Candidate struct {
	No         int    `json:"no"` // ballot order; 0 for a write-in
	Name       string `json:"name"`
	Label      string `json:"label"`
	PersonID   string `json:"person_id,omitempty"`
	Category   string `json:"category"`
	WriteIn    bool   `json:"write_in"`
	Approve    int    `json:"approve"`
	Disapprove int    `json:"disapprove"`
	Abstain    int    `json:"abstain"`
	Status     string `json:"status"` // elected, runoff, tied (tie = "vacant"), not_elected; "" undecided
}

// Invalid is one invalid ballot (or category part of one). For an
// over-selection Selections and Seats are the selections and the open
// seats compared, and Partly is set when the ballot's other categories are
// valid and counted (部分无效); 0 and false for a result counted before
// podium stored them.
type Invalid struct {
	Ballot     string `json:"ballot"` // its number, else its position from 1
	Category   string `json:"category,omitempty"`
	Reason     string `json:"reason"`
	Selections int    `json:"selections,omitempty"`
	Seats      int    `json:"seats,omitempty"`
	Partly     bool   `json:"partly,omitempty"`
}

// SetAside is what a switch of a round's counting set aside: a teller's
// keyed ballots (Ballots of them) or a tally sheet (Tally).
type SetAside struct {
	At      Time   `json:"at,omitzero"`
	Reason  string `json:"reason"`
	Teller  string `json:"teller,omitempty"`
	Ballots int    `json:"ballots"`
	Tally   bool   `json:"tally"`
}
