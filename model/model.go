// Package model holds the definitions a congress is set up from: the roster
// of delegates, the agenda, the meeting's settings and the election method
// (选举办法), with the defaults taken from the seed document.
//
// The package is pure data: it imports only the standard library and
// decides no outcome. The rules that use these definitions live in package
// session; the readers of the files a secretary brings live in package
// files; the words shown to people live in package words.
package model

import (
	"fmt"
	"time"
)

// Kind is a person's kind on the roster. Only formal delegates vote, count
// toward quorum, propose, second or serve as scrutineers (RULES §1).
type Kind uint8

const (
	// Formal is a formal delegate (正式代表).
	Formal Kind = iota
	// Observer is an observer (列席代表).
	Observer
	// Guest is an invited guest (特邀代表).
	Guest
)

// String returns the English word used in files: formal, observer or guest.
func (k Kind) String() string {
	switch k {
	case Formal:
		return "formal"
	case Observer:
		return "observer"
	case Guest:
		return "guest"
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Zh returns the Chinese word for the kind: 正式, 列席 or 特邀.
func (k Kind) Zh() string {
	switch k {
	case Formal:
		return "正式"
	case Observer:
		return "列席"
	case Guest:
		return "特邀"
	}
	return k.String()
}

// ParseKind reads a kind written in Chinese or English, with or without the
// trailing 代表 (正式代表, formal, observer, 特邀 …).
func ParseKind(s string) (Kind, bool) {
	switch s {
	case "正式", "正式代表", "formal", "Formal", "FORMAL":
		return Formal, true
	case "列席", "列席代表", "observer", "Observer", "OBSERVER":
		return Observer, true
	case "特邀", "特邀代表", "guest", "Guest", "GUEST":
		return Guest, true
	}
	return 0, false
}

// Person is one row of the roster (代表名册). ID tells apart two people who
// share a name; it is assigned on import when the file has none.
type Person struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Unit        string `json:"unit"`                 // electoral unit (选举单位)
	Gender      string `json:"gender,omitempty"`     // as written: 男/女, M/F
	Ethnicity   string `json:"ethnicity,omitempty"`  // 民族
	BirthDate   string `json:"birth_date,omitempty"` // YYYY-MM-DD
	Kind        Kind   `json:"kind"`
	UnionCadre  bool   `json:"union_cadre,omitempty"`  // 学生会骨干
	LeagueCadre bool   `json:"league_cadre,omitempty"` // 团干部
	Honoured    bool   `json:"honoured,omitempty"`     // 受表彰
}

// Fraction is a rule "count reaches Num/Den of a base". Strict selects 超过
// (more than, boundary excluded) over 以上 (or more, boundary included); see
// RULES §0. It is evaluated in integers by package session.
type Fraction struct {
	Num    int  `json:"num"`
	Den    int  `json:"den"`
	Strict bool `json:"strict"`
}

// String writes the fraction as "n/d" followed by ">" when strict or ">="
// when not, e.g. "4/5>".
func (f Fraction) String() string {
	op := ">="
	if f.Strict {
		op = ">"
	}
	return fmt.Sprintf("%d/%d%s", f.Num, f.Den, op)
}

// Valid reports whether the fraction is usable: 0 <= Num <= Den and Den > 0.
func (f Fraction) Valid() bool { return f.Den > 0 && f.Num >= 0 && f.Num <= f.Den }

// ItemKind is the kind of an agenda item; it decides which screen serves it.
type ItemKind string

// The kinds of agenda item of RULES §10.
const (
	ItemPreparatory  ItemKind = "preparatory"  // 预备会议
	ItemOpening      ItemKind = "opening"      // 开幕
	ItemReport       ItemKind = "report"       // 工作报告
	ItemDeliberation ItemKind = "deliberation" // 审议
	ItemQuestioning  ItemKind = "questioning"  // 质询
	ItemMotions      ItemKind = "motions"      // 提案
	ItemResolution   ItemKind = "resolution"   // 决议
	ItemElection     ItemKind = "election"     // 选举
	ItemClosing      ItemKind = "closing"      // 闭幕
	ItemProcedure    ItemKind = "procedure"    // 程序事项: anthem, break, speeches
	ItemReview       ItemKind = "review"       // 述职评议 (seed section 八)
)

// Rating is the review group's verdict on an officer's report (seed
// section 八: 优秀 / 合格 / 不合格).
type Rating string

// The three ratings of a review (述职评议).
const (
	RatingExcellent Rating = "excellent" // 优秀
	RatingPass      Rating = "pass"      // 合格
	RatingFail      Rating = "fail"      // 不合格
)

// Valid reports whether r is one of the three ratings.
func (r Rating) Valid() bool { return r == RatingExcellent || r == RatingPass || r == RatingFail }

// VoteKind is what a resolution decides, which sets its threshold.
type VoteKind string

// The kinds of resolution of charter art. 14 (RULES §3).
const (
	VoteOrdinary VoteKind = "ordinary" // any other matter: Meeting.Ordinary
	VoteCharter  VoteKind = "charter"  // an amendment of the charter: Meeting.Charter
)

// VoteMethod is how a resolution is voted.
type VoteMethod string

// The two methods of RULES §3.
const (
	VoteHands  VoteMethod = "hands"  // 举手表决
	VoteBallot VoteMethod = "ballot" // 无记名投票
)

// ResolutionSpec is the vote an agenda item of kind resolution puts to
// the congress.
type ResolutionSpec struct {
	Text   string     `json:"text"`
	TextEn string     `json:"text_en,omitempty"`
	Kind   VoteKind   `json:"kind"`
	Method VoteMethod `json:"method"`
}

// Item is one agenda item. Title is the Chinese title; TitleEn the English.
type Item struct {
	Kind    ItemKind `json:"kind"`
	Title   string   `json:"title"`
	TitleEn string   `json:"title_en,omitempty"`
	// Presenter is who reports (a report item), free text.
	Presenter string `json:"presenter,omitempty"`
	// Minutes is the planned duration, 0 when not planned.
	Minutes int `json:"minutes,omitempty"`
	// Resolution is the vote of a resolution item.
	Resolution *ResolutionSpec `json:"resolution,omitempty"`
	// Officers are those who report on their work in a review item (述职
	// 评议), each rated 优秀 / 合格 / 不合格, e.g. "主席 王芳".
	Officers []string `json:"officers,omitempty"`
	// Script and ScriptEn are the host's words (主持词) for the item, a
	// template filled with the live figures; empty means the default.
	Script   string `json:"script,omitempty"`
	ScriptEn string `json:"script_en,omitempty"`
	// Floor is the item's own speaking times (overriding the meeting's)
	// and whether it is deliberated in groups (分组审议).
	Floor ItemFloor `json:"floor,omitzero"`
}

// Meeting holds the settings of the meeting: its names and the rules it
// decides by. Every rule is a setting because every school differs a little.
type Meeting struct {
	Name     string `json:"name"`               // e.g. 昌吉职业技术学院第一次学生代表大会
	NameEn   string `json:"name_en,omitempty"`  // English name, when given
	Date     string `json:"date,omitempty"`     // YYYY-MM-DD as planned
	Place    string `json:"place,omitempty"`    // 地点
	Chair    string `json:"chair,omitempty"`    // 主持人
	Recorder string `json:"recorder,omitempty"` // 记录人

	// OpeningQuorum is the attendance needed to declare the meeting valid
	// (RULES §2): present 超过 1/2 of expected by default.
	OpeningQuorum Fraction `json:"opening_quorum"`
	// ElectionQuorum is the attendance needed for any election round:
	// present 超过 4/5 of expected by default.
	ElectionQuorum Fraction `json:"election_quorum"`
	// Ordinary is the vote needed to adopt an ordinary matter, against all
	// delegates: 二分之一以上 by default (charter art. 14).
	Ordinary Fraction `json:"ordinary"`
	// Charter is the vote needed to amend the charter, against all
	// delegates: 三分之二以上 by default.
	Charter Fraction `json:"charter"`
	// VoteBase is what resolution thresholds are measured against: all
	// delegates (BaseExpected, charter art. 14; "" means it) or those
	// present (BasePresent), when a school's rules say so.
	VoteBase Base `json:"vote_base,omitempty"`
	// AnswerDays is how long an opinion or a question taken on notice may
	// wait for its answer: 14 (charter art. 18(3): two weeks); 0 means 14.
	AnswerDays int `json:"answer_days,omitempty"`
	// TimeZone is the congress's time zone as an offset from UTC,
	// "+08:00" (China Standard Time, "" means it): the screens' clock,
	// the times they show and the names of the folders they export to
	// are in it, whatever the machine's zone.
	TimeZone string `json:"time_zone,omitempty"`
	// Floor is the rules of the speakers' lists (发言): the time of a
	// speech, the fairness rule, whether observers and guests may speak.
	Floor FloorRules `json:"floor,omitzero"`
	// Adoption is how the election method and the scrutineer list are
	// adopted: by a vote of the congress (AdoptionVote, "" too; 附件3 §8,
	// §9, RULES §3) or without one (AdoptionNone), where a school's rules
	// say so.
	Adoption Adoption `json:"adoption,omitempty"`
	// PreparatoryVotes allows the votes of the preparatory meeting (预备
	// 会议) before the meeting is declared valid (RULES §2); by default no
	// vote is taken before the declaration.
	PreparatoryVotes bool `json:"preparatory_votes,omitempty"`
}

// DefaultTimeZone is the time zone of a congress that names none: China
// Standard Time.
const DefaultTimeZone = "+08:00"

// Location is the meeting's time zone (TimeZone, "+08:00" when empty or
// not an offset ParseOffset reads).
func (m Meeting) Location() *time.Location {
	tz := m.TimeZone
	if tz == "" {
		tz = DefaultTimeZone
	}
	off, err := ParseOffset(tz)
	if err != nil {
		off, _ = ParseOffset(DefaultTimeZone)
	}
	return time.FixedZone("UTC"+tz, off)
}

// ParseOffset reads a time zone offset "+08:00", "-03:30" or "Z" (UTC) as
// seconds east of UTC; the hours run to 14, the minutes to 59.
func ParseOffset(s string) (int, error) {
	if s == "Z" {
		return 0, nil
	}
	bad := fmt.Errorf("time zone %q is not an offset such as +08:00", s)
	digit := func(c byte) (int, bool) { return int(c - '0'), c >= '0' && c <= '9' }
	if len(s) != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' {
		return 0, bad
	}
	h1, ok1 := digit(s[1])
	h2, ok2 := digit(s[2])
	m1, ok3 := digit(s[4])
	m2, ok4 := digit(s[5])
	h, m := h1*10+h2, m1*10+m2
	if !ok1 || !ok2 || !ok3 || !ok4 || h > 14 || m > 59 {
		return 0, bad
	}
	off := h*3600 + m*60
	if s[0] == '-' {
		off = -off
	}
	return off, nil
}

// Adoption is how the election method and the scrutineer list take effect.
type Adoption string

// The adoption settings of RULES §3. "" reads as AdoptionVote.
const (
	AdoptionVote Adoption = "vote" // adopted by a §3 vote, recorded with its counts
	AdoptionNone Adoption = "none" // adopted by the host's word, no vote recorded
)

// AdoptionRule is the meeting's adoption setting, AdoptionVote when unset.
func (m Meeting) AdoptionRule() Adoption {
	if m.Adoption == "" {
		return AdoptionVote
	}
	return m.Adoption
}

// DefaultMeeting returns the seed's rules with the given name.
func DefaultMeeting(name string) Meeting {
	return Meeting{
		Name:           name,
		OpeningQuorum:  Fraction{1, 2, true},
		ElectionQuorum: Fraction{4, 5, true},
		Ordinary:       Fraction{1, 2, false},
		Charter:        Fraction{2, 3, false},
		VoteBase:       BaseExpected,
		AnswerDays:     14,
		Adoption:       AdoptionVote,
	}
}

// Setup is everything a congress is opened with. It is stored whole in the
// first event of the log, so replay never depends on files that may have
// changed since.
type Setup struct {
	Meeting  Meeting   `json:"meeting"`
	Roster   []Person  `json:"roster"`
	Agenda   []Item    `json:"agenda"`
	Election *Election `json:"election,omitempty"`
	// Demo marks the synthetic demo congress (Demo sets it), which a new
	// demo may replace; a real congress is never replaced.
	Demo bool `json:"demo,omitempty"`
	// Rehearsal marks a rehearsal's copy of a congress (演练, podium
	// rehearse): its screens, projector, records and paper say 演练 on
	// every page and view. A rehearsal is never the real congress.
	Rehearsal bool `json:"rehearsal,omitempty"`
}

// Election is the committee election prepared for the congress: the method
// proposed and the candidates in the approved order (候选人顺序).
type Election struct {
	Method     Method      `json:"method"`
	Candidates []Candidate `json:"candidates"`
}

// Candidate is one name on the ballot. PersonID links the candidate to the
// roster when the candidate is a delegate (so that a candidate can never be a
// scrutineer); Category is empty when the method has no categories.
type Candidate struct {
	Name     string `json:"name"`
	Category string `json:"category,omitempty"`
	PersonID string `json:"person_id,omitempty"`
}

// Namesakes returns the names two or more people share: on the roster (by
// id), or on the slate of the election (a candidate not linked to the
// roster is a person of its own; a linked one is the roster's). Wherever
// such a name is shown, the unit tells the people apart, and in the
// records the roster id too (RULES §7).
func (s Setup) Namesakes() map[string]bool {
	seen := map[string]int{}
	for _, p := range s.Roster {
		seen[p.Name]++
	}
	if s.Election != nil {
		for _, c := range s.Election.Candidates {
			if c.PersonID == "" {
				seen[c.Name]++
			}
		}
	}
	out := map[string]bool{}
	for name, n := range seen {
		if n > 1 {
			out[name] = true
		}
	}
	return out
}
