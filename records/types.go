package records

// Record is the complete record of a congress. Its JSON is record.json,
// described by schema.json. Names, titles and texts are as recorded; the
// words derived for a reader (RuleText, Threshold, Announcements, Label,
// the script …) are in Lang.
type Record struct {
	Format   string `json:"format"`    // FormatVersion
	Lang     string `json:"lang"`      // "zh" or "en": the headings and derived words
	TimeZone string `json:"time_zone"` // "+08:00": China Standard Time
	// Status is "draft" until the congress is closed (its closing item
	// ended, see Congress.Closed), then "final". A draft is printed with a
	// 草稿 (DRAFT) mark on every page.
	Status string `json:"status"`
	// Rehearsal is set for a rehearsal's records (podium rehearse): every
	// title and every page says 演练.
	Rehearsal   bool         `json:"rehearsal,omitempty"`
	Digest      Digest       `json:"digest"`
	Congress    Congress     `json:"congress"`
	Minutes     Minutes      `json:"minutes"`
	SignIn      SignIn       `json:"sign_in"`
	Credentials Credentials  `json:"credentials"`
	Election    *Election    `json:"election"` // null when the congress has no election
	Resolutions []Resolution `json:"resolutions"`
	Motions     []Motion     `json:"motions"`
	Questions   []Question   `json:"questions"`
	Script      []ScriptPart `json:"script"`
	Assessment  []Assessment `json:"assessment"`
	// Survey is the satisfaction survey of the self-assessment (附件1
	// items 16–17) last recorded, null when none was; Assessment's items
	// 16 and 17 are answered from it.
	Survey *Survey `json:"survey"`
	// StaffAudit is the staff audit of the self-assessment (附件1 items
	// 3–6) last recorded, null when none was; Assessment's items 3–6 are
	// answered from it.
	StaffAudit *StaffAudit `json:"staff_audit"`
	// Speakers is the register of speakers (发言登记表): every request to
	// speak of the congress that stood, in the order of the requests.
	Speakers []Speech `json:"speakers"`
}

// Final reports whether the congress is closed: the record is no longer a
// draft.
func (r *Record) Final() bool { return r.Status == "final" }

// Congress is the meeting's identity: name (with its session, e.g. 第一次
// 学生代表大会), date, place, chair and recorder as set up, and when it
// began and ended according to the events.
type Congress struct {
	Name     string `json:"name"`
	NameEn   string `json:"name_en,omitempty"`
	Date     string `json:"date"`         // the day it started, else as planned (YYYY-MM-DD)
	Planned  string `json:"planned_date"` // as planned, "" when not set
	Place    string `json:"place"`
	Chair    string `json:"chair"`
	Recorder string `json:"recorder"`
	// Created is the first event: when the record was begun (not when the
	// congress met).
	Created Time `json:"created,omitzero"`
	// Started is the first agenda item's start or the declaration that the
	// meeting is valid (宣布会议有效), whichever came first; Closed is when
	// the closing item ended.
	Started Time `json:"started,omitzero"`
	Closed  Time `json:"closed,omitzero"`
}

// Count is the attendance a decision used: formal delegates expected
// (应到) and present (实到).
type Count struct {
	Expected int `json:"expected"`
	Present  int `json:"present"`
}

// Stamp is a decision's time and the count it used.
type Stamp struct {
	At    Time  `json:"at,omitzero"`
	Count Count `json:"count"`
}

// Who is a person of the roster as the records name them. Label is the
// name as printed: the name alone, or with the unit and id when another
// person of the roster or the ballot has the same name.
type Who struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Unit  string `json:"unit"`
	Label string `json:"label"`
}

// Minutes is the minutes (会议记录).
type Minutes struct {
	Attendance Attendance `json:"attendance"`
	// Declared is when the meeting was declared valid, null if never.
	Declared *Stamp `json:"declared"`
	// Items are the agenda items in order, preceded by an item numbered
	// 0 when business was recorded before the first item started.
	Items []Item `json:"items"`
	// Takeovers are the takeovers by a standby podium, left out when none.
	Takeovers []Takeover `json:"takeovers,omitempty"`
}

// Attendance is the formal delegates' attendance at the end of the record,
// with every absentee and the reason. Arrived counts those who signed in
// (present now, or arrived and left); a delegate who arrived and left is
// never counted absent.
type Attendance struct {
	Expected   int        `json:"expected"`
	Arrived    int        `json:"arrived"`
	Present    int        `json:"present"`
	OnLeave    int        `json:"on_leave"`
	Left       int        `json:"left"`
	NotArrived int        `json:"not_arrived"`
	Absentees  []Absentee `json:"absentees"`
}

// Absentee is a formal delegate not present: on leave (with the reason
// given, if any), not arrived, or left (Arrived and At: when they came and
// went).
type Absentee struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Unit    string `json:"unit"`
	Status  string `json:"status"` // on_leave, not_arrived, left
	Reason  string `json:"reason,omitempty"`
	Arrived Time   `json:"arrived,omitzero"`
	At      Time   `json:"at,omitzero"`
}

// Item is one agenda item of the minutes with everything that happened
// under it.
type Item struct {
	No        int    `json:"no"` // 1-based; 0: before the agenda
	Kind      string `json:"kind"`
	Title     string `json:"title"`
	Presenter string `json:"presenter,omitempty"`
	Planned   int    `json:"planned_minutes,omitempty"`
	// Status is pending, current, done or passed_over.
	Status  string `json:"status"`
	Started Time   `json:"started,omitzero"`
	Ended   Time   `json:"ended,omitzero"`
	// Count is the attendance when the item (last) started.
	Count *Count `json:"count"`
	// Note says why the item was passed over or left unfinished.
	Note      string   `json:"note,omitempty"`
	Questions []int    `json:"questions"` // numbers in Record.Questions
	Motions   []int    `json:"motions"`   // numbers in Record.Motions voted under this item
	Votes     []Vote   `json:"votes"`
	Notes     []Note   `json:"notes"`
	Ratings   []Rating `json:"ratings"`
	// Election is set on the election item: the rounds in brief.
	Election []RoundSummary `json:"election,omitempty"`
	// Floor is the item's speakers' list in brief, null when nobody asked
	// to speak; Speeches the numbers in Record.Speakers of the speeches
	// given, in the order given; Groups the item's deliberation groups
	// with their reports, empty when it is not deliberated in groups.
	Floor    *Floor        `json:"floor"`
	Speeches []int         `json:"speeches"`
	Groups   []GroupReport `json:"groups"`
}

// Vote is one vote of the congress (表决) with its derivation.
type Vote struct {
	No       int    `json:"no"`
	Item     int    `json:"item"`             // agenda item number, 0 if none
	Motion   int    `json:"motion,omitempty"` // the motion voted on
	Subject  string `json:"subject"`
	Kind     string `json:"kind"`   // ordinary or charter
	Method   string `json:"method"` // hands or ballot
	For      int    `json:"for"`
	Against  int    `json:"against"`
	Abstain  int    `json:"abstain"`
	At       Time   `json:"at,omitzero"`
	Count    Count  `json:"count"`
	Rule     Rule   `json:"rule"`
	Base     int    `json:"base"`
	BaseOf   string `json:"base_of"`   // expected (all delegates) or present
	RuleText string `json:"rule_text"` // e.g. 全体代表的二分之一以上
	Need     int    `json:"need"`
	Adopted  bool   `json:"adopted"`
	// Struck is set when the chair struck the vote (撤销表决): it stays in
	// the record, struck through with its reason, and never counts.
	Struck *Struck `json:"struck"`
	// Adopts is set on the election's adoption votes (RULES §3, 附件3 §8
	// §9): method (通过选举办法) or scrutineers (通过监票人名单); their
	// Subject is said in Lang.
	Adopts string `json:"adopts,omitempty"`
}

// Struck is when and why a vote was struck.
type Struck struct {
	At     Time   `json:"at,omitzero"`
	Reason string `json:"reason"`
}

// Rule is a fraction of RULES §0: strict is 超过, else 以上.
type Rule struct {
	Num    int  `json:"num"`
	Den    int  `json:"den"`
	Strict bool `json:"strict"`
}

// Note is one line of the secretary's notes.
type Note struct {
	At   Time   `json:"at,omitzero"`
	By   string `json:"by"`
	Text string `json:"text"`
}

// Rating is an officer's rating in a review item (述职评议).
type Rating struct {
	Officer string `json:"officer"`
	Rating  string `json:"rating"` // excellent, pass, fail
	Note    string `json:"note,omitempty"`
	At      Time   `json:"at,omitzero"`
}

// RoundSummary is one election round as the minutes summarise it.
type RoundSummary struct {
	Round     int      `json:"round"`
	Kind      string   `json:"kind"`
	Issued    int      `json:"issued"`
	Collected int      `json:"collected"`
	Valid     bool     `json:"valid"` // the round is valid (not void, quorum met)
	Decided   bool     `json:"decided"`
	Elected   []string `json:"elected"` // labels
	Text      string   `json:"text"`    // one sentence, in Lang
}

// SignIn is the sign-in sheet (代表签到表): everyone on the roster by unit,
// in the roster's order. Before the congress it is the blank form the
// delegates sign.
type SignIn struct {
	Units  []Unit `json:"units"`
	Totals Totals `json:"totals"`
}

// Unit is one electoral unit's part of the sign-in sheet.
type Unit struct {
	Unit   string    `json:"unit"`
	People []Signing `json:"people"`
	Totals Totals    `json:"totals"`
}

// Signing is one person's line: kind (formal, observer, guest), status
// (present, on_leave, not_arrived, left), when they arrived and, if they
// left, when, and the reason of a leave.
type Signing struct {
	No       int    `json:"no"`
	ID       string `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Status   string `json:"status"`
	Arrived  Time   `json:"arrived,omitzero"`
	Departed Time   `json:"departed,omitzero"`
	At       Time   `json:"at,omitzero"` // when the status was set
	Reason   string `json:"reason,omitempty"`
}

// Totals count formal delegates: expected, arrived (signed in), of them
// present now and left, on leave, and absent (never arrived).
type Totals struct {
	Expected int `json:"expected"`
	Arrived  int `json:"arrived"`
	Present  int `json:"present"`
	Left     int `json:"left"`
	OnLeave  int `json:"on_leave"`
	Absent   int `json:"absent"`
}

// Credentials is the credentials report (代表资格审查报告): the delegates
// by unit and their composition against the seed's targets (RULES §8).
type Credentials struct {
	Formal    int              `json:"formal"`
	Observers int              `json:"observers"`
	Guests    int              `json:"guests"`
	Units     []UnitDelegates  `json:"units"`
	Date      string           `json:"date"`      // the day the ages are counted on
	Tolerance int              `json:"tolerance"` // percentage points of "about"
	Lines     []CompositionRow `json:"composition"`
}

// UnitDelegates is one unit's delegates by kind.
type UnitDelegates struct {
	Unit      string `json:"unit"`
	Formal    int    `json:"formal"`
	Observers int    `json:"observers"`
	Guests    int    `json:"guests"`
}

// CompositionRow is one composition target: Count of Total formal
// delegates meet it (Missing have no data for it); Status is ok, warning,
// unknown or needs_date.
type CompositionRow struct {
	Key     string `json:"key"` // non_cadre, women, minorities, league_cadres, honoured, under_25
	Count   int    `json:"count"`
	Total   int    `json:"total"`
	Missing int    `json:"missing"`
	Percent string `json:"percent"`
	Target  string `json:"target"`
	Status  string `json:"status"`
}

// Resolution is one decision of the congress in full (大会决议): an
// adopted vote with the text put to it.
type Resolution struct {
	No    int    `json:"no"`
	Vote  int    `json:"vote"`
	Item  int    `json:"item"` // agenda item number, 0 if none
	Title string `json:"title"`
	Text  string `json:"text"` // the full text, "" when the subject says it all
	At    Time   `json:"at,omitzero"`
}

// ScriptPart is the host's script (主持词) of one agenda item: the words
// read, with the figures known from the record and ____ for the others.
type ScriptPart struct {
	Item  int    `json:"item"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// Assessment is one item of the reform self-assessment (附件1). Verdict is
// met, not_met, or "" when the record cannot answer it; Source says who
// answers it: congress (this record), staff (the staff audit, `podium
// check staff`), survey (the satisfaction survey) or office.
type Assessment struct {
	No      int    `json:"no"`
	Text    string `json:"text"`
	Verdict string `json:"verdict"`
	Note    string `json:"note"`
	Source  string `json:"source"`
}

// Motion is one line of the register of motions and opinions.
type Motion struct {
	No        int    `json:"no"`
	Title     string `json:"title"`
	Category  string `json:"category,omitempty"`
	Text      string `json:"text,omitempty"`
	Proposer  Who    `json:"proposer"`
	CoSigners []Who  `json:"co_signers"`
	Filed     Time   `json:"filed,omitzero"`
	// Status is pending, accepted (立案) or declined (不予立案: kept as an
	// opinion, due for an answer by Due).
	Status  string `json:"status"`
	Decided Time   `json:"decided,omitzero"`
	Reason  string `json:"reason,omitempty"`
	Due     string `json:"due,omitempty"` // YYYY-MM-DD
	Vote    int    `json:"vote,omitempty"`
	// Adopted is the vote's outcome, null when not voted.
	Adopted *bool `json:"adopted"`
}

// Question is one line of the register of questions (质询).
type Question struct {
	No         int    `json:"no"`
	Delegate   Who    `json:"delegate"`
	Target     string `json:"target"`
	Text       string `json:"text"`
	Asked      Time   `json:"asked,omitzero"`
	Item       int    `json:"item"`   // agenda item number, 0 if none
	Status     string `json:"status"` // pending, answered, on_notice
	Answer     string `json:"answer,omitempty"`
	AnsweredBy string `json:"answered_by,omitempty"`
	Answered   Time   `json:"answered,omitzero"`
	Due        string `json:"due,omitempty"` // YYYY-MM-DD
}
