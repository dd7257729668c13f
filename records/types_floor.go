package records

// Speech is one request to speak in the register of speakers (发言登记表)
// and, once given, the speech (docs/DELIBERATION.md).
type Speech struct {
	No   int `json:"no"`   // the request's number in the congress
	Item int `json:"item"` // agenda item number
	// Speaker is who asked (an answer by someone not on the roster: the
	// name given, no id or unit); Attends is "observer" or "guest" for
	// those who are not formal delegates, "" otherwise.
	Speaker   Who    `json:"speaker"`
	Attends   string `json:"attends,omitempty"`
	Kind      string `json:"kind"` // speech, supplement, order, reply
	Requested Time   `json:"requested,omitzero"`
	// Status is spoken, speaking (under way when exported), waiting (not
	// reached) or removed (taken off the list).
	Status string `json:"status"`
	// Order is its place among the item's speeches given, from 1 (0:
	// not given).
	Order   int  `json:"order"`
	Started Time `json:"started,omitzero"`
	Ended   Time `json:"ended,omitzero"`
	Removed Time `json:"removed,omitzero"`
	// LimitSeconds is the time allowed, Seconds the time spoken and
	// OverSeconds the time beyond the limit (0 within it).
	LimitSeconds int `json:"limit_seconds"`
	Seconds      int `json:"seconds"`
	OverSeconds  int `json:"over_seconds"`
}

// Floor is an item's speakers' list in brief: the times allowed, the
// speeches given and their time, the points of order, the requests not
// reached, and the item's time against its plan.
type Floor struct {
	SpeechSeconds int `json:"speech_seconds"` // a speech's and an answer's time
	ShortSeconds  int `json:"short_seconds"`  // a supplementary speech's and a point of order's
	Speeches      int `json:"speeches"`       // given
	SpokenSeconds int `json:"spoken_seconds"` // their time in all
	OverSpeeches  int `json:"over_speeches"`  // given beyond their limit
	PointsOfOrder int `json:"points_of_order"`
	NotReached    int `json:"not_reached"` // left waiting when the record was built
	// ItemSeconds is the item's time from its (last) start to its end,
	// 0 while it is under way or when it never started.
	ItemSeconds int `json:"item_seconds"`
}

// GroupReport is one deliberation group of an item (分组审议) and its
// report, if any: the summary of opinions (审议意见) and how many spoke.
type GroupReport struct {
	Group     string   `json:"group"`
	Units     []string `json:"units"`
	Members   int      `json:"members"`
	Reported  bool     `json:"reported"`
	Convener  string   `json:"convener"`
	Secretary string   `json:"secretary"`
	Speakers  int      `json:"speakers"`
	Text      string   `json:"text"`
	At        Time     `json:"at,omitzero"`
	// Revision counts the reports of the group, the last one kept (2: it
	// was corrected once).
	Revision int `json:"revision"`
}
