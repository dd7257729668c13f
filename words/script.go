package words

import (
	"podium/model"

	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file holds the host's script (主持词): the words the host reads for
// an agenda item, a template filled with the live figures; see RenderScript.

// ScriptBlank is what a placeholder without a value renders as.
const ScriptBlank = "____"

// scriptPlaceholders are the names a template may use, in the order of
// RenderScript's list.
var scriptPlaceholders = []string{
	"meeting", "chair", "date", "place", "time",
	"no", "title", "item", "presenter", "minutes",
	"expected", "present", "on_leave", "absent", "quorum_need", "quorum", "election_quorum",
	"subject", "text", "method", "base", "rule", "need", "for", "against", "abstain", "outcome", "result",
	"seats", "candidates",
	"questions", "pending", "answered", "motions", "accepted", "declined", "answer_days",
}

// ScriptPlaceholders returns the names a host's script may use as {name},
// in the order of RenderScript's list.
func ScriptPlaceholders() []string { return append([]string(nil), scriptPlaceholders...) }

func isPlaceholder(name string) bool {
	for _, p := range scriptPlaceholders {
		if p == name {
			return true
		}
	}
	return false
}

// ScriptError is a fault in a host's script template. Token is the
// offending text, e.g. "{speaker}"; Offset its byte offset in the template.
type ScriptError struct {
	Offset int
	Token  string
	Reason string // e.g. "is not a placeholder of the host's script (known: …)"
}

// Error writes the token and the reason.
func (e *ScriptError) Error() string {
	return fmt.Sprintf("host's script at byte %d: %s %s", e.Offset, QuoteShort(e.Token), e.Reason)
}

// CheckScript reports the first fault of a template: an unknown
// placeholder or condition, an unclosed "{", a lone "}", an {else} or
// {end} without its {if}, an {if} without its {end}, or a placeholder
// typed with full-width braces (｛expected｝). It returns nil for a good
// template.
func CheckScript(tmpl string) error {
	_, err := RenderScript(tmpl, nil)
	return err
}

// RenderScript fills the placeholders of the host's script template tmpl
// (主持词) with vars and returns the words to read.
//
// A template is text with placeholders {name}; "{{" and "}}" stand for a
// literal brace. The placeholders, filled by the caller (the podium UI) as
// plain text in the UI language:
//
//	meeting      the meeting's name                     天山职业技术学院第一次学生代表大会
//	chair        the host (主持人)
//	date, place  the meeting's date and place
//	time         the clock time now, HH:MM
//	no           the item's number on the agenda, from 1
//	title, item  the item's title (two names, one value)
//	presenter    the item's presenter (报告人, 述职人); a review
//	             item without one: its officers, listed
//	minutes      the item's planned minutes
//	expected     formal delegates on the roster (应到)    122
//	present      formal delegates present (实到)          118
//	on_leave     formal delegates on leave (请假)
//	absent       expected − present
//	quorum_need  present needed for the quorum of the item (开会 62, 选举 98)
//	quorum       the opening quorum in words: 超过应到人数的半数，符合法定人数
//	election_quorum  the election quorum in words, likewise
//	subject      what is voted: the item's title, or the motion's title
//	text         the resolution's text as put to the vote
//	method       how it is voted: 举手表决 / 无记名投票 (show of hands / secret ballot)
//	base         what the threshold is of: 全体代表 / 实到代表 (Meeting.VoteBase)
//	rule         the threshold in words: 全体代表的二分之一以上 (see RuleText)
//	need         yes votes needed to pass                61
//	for, against, abstain   the counts of the vote
//	outcome      通过 / 未通过 (adopted / not adopted)
//	result       the outcome with its derivation: 需 61 票，赞成 64 票，通过
//	seats        seats to elect (应选名额)
//	candidates   candidates on the ballot
//	questions, pending, answered   questions asked; waiting; answered in session
//	motions, accepted, declined    motions received; accepted (立案); declined
//	answer_days  days an answer may take (Meeting.AnswerDays, 14)
//
// A placeholder whose value is missing or empty renders as ScriptBlank,
// "____", in either language: the blank of a printed script, which the host
// fills in by voice (应到正式代表____名) — a figure not yet known, such as
// the counts before a vote, reads naturally that way, and never as a wrong
// number or a word in the other language.
//
// The words may depend on what has happened: {if name}…{end}, or
// {if name}…{else}…{end}, says its first part when the condition holds
// (vars[name] is not empty) and its second otherwise; they nest. The
// conditions, set by the caller:
//
//	declared             the meeting was declared valid (宣布会议有效)
//	quorum_met           the opening quorum is met now
//	election_quorum_met  the election quorum is met now
//	voted                the item's vote is recorded (its counts are known)
//
// Values are inserted as they are, never read as templates; keys of vars
// that tmpl does not use are ignored. A fault of the template (see
// CheckScript), above all a placeholder not in the list, is a *ScriptError
// naming it, with "" as text. ScriptPlaceholders returns the list.
func RenderScript(tmpl string, vars map[string]string) (string, error) {
	var b strings.Builder
	// The open {if}s: whether each one's branch being read is said.
	type branch struct {
		at       int
		cond, in bool // the condition's value; in the {else} branch
	}
	var open []branch
	saying := func() bool {
		for _, o := range open {
			if o.cond == o.in {
				return false
			}
		}
		return true
	}
	write := func(s string) {
		if saying() {
			b.WriteString(s)
		}
	}
	for i := 0; i < len(tmpl); {
		c := tmpl[i]
		switch {
		case strings.HasPrefix(tmpl[i:], "{{"):
			write("{")
			i += 2
		case strings.HasPrefix(tmpl[i:], "}}"):
			write("}")
			i += 2
		case c == '{':
			end := strings.IndexAny(tmpl[i+1:], "{}\n")
			if end < 0 || tmpl[i+1+end] != '}' {
				tok := tmpl[i:]
				if end >= 0 {
					tok = tmpl[i : i+1+end]
				}
				return "", &ScriptError{i, tok, `opens a placeholder that is not closed with "}" (write "{{" for a brace)`}
			}
			name := strings.TrimSpace(tmpl[i+1 : i+1+end])
			tok := tmpl[i : i+2+end]
			i += len(tok)
			switch {
			case strings.HasPrefix(name, "if "):
				cond := strings.TrimSpace(name[3:])
				if !isCondition(cond) {
					return "", &ScriptError{i - len(tok), tok, "is not a condition of the host's script (known: " +
						strings.Join(scriptConditions, ", ") + ")"}
				}
				open = append(open, branch{at: i - len(tok), cond: vars[cond] != ""})
			case name == "else":
				if len(open) == 0 || open[len(open)-1].in {
					return "", &ScriptError{i - len(tok), tok, "has no {if …} before it"}
				}
				open[len(open)-1].in = true
			case name == "end":
				if len(open) == 0 {
					return "", &ScriptError{i - len(tok), tok, "closes no {if …}"}
				}
				open = open[:len(open)-1]
			case !isPlaceholder(name):
				return "", &ScriptError{i - len(tok), tok, "is not a placeholder of the host's script (known: " +
					strings.Join(scriptPlaceholders, ", ") + `; write "{{" for a brace)`}
			case vars[name] != "":
				write(vars[name])
			default:
				write(ScriptBlank)
			}
		case c == '}':
			return "", &ScriptError{i, "}", `closes no placeholder (write "}}" for a brace)`}
		case strings.HasPrefix(tmpl[i:], "｛"):
			rest := tmpl[i+len("｛"):]
			if end := strings.Index(rest, "｝"); end >= 0 && isPlaceholder(strings.TrimSpace(rest[:end])) {
				return "", &ScriptError{i, tmpl[i : i+len("｛")+end+len("｝")],
					"is written with full-width braces; write {" + strings.TrimSpace(rest[:end]) + "}"}
			}
			write("｛")
			i += len("｛")
		default:
			_, n := utf8.DecodeRuneInString(tmpl[i:])
			write(tmpl[i : i+n])
			i += n
		}
	}
	if len(open) > 0 {
		o := open[len(open)-1]
		return "", &ScriptError{o.at, tmpl[o.at : o.at+strings.IndexByte(tmpl[o.at:], '}')+1], "is not closed with {end}"}
	}
	return b.String(), nil
}

// scriptConditions are the conditions {if name}…{else}…{end} may test:
// what has happened, so that the words never say it before it has.
var scriptConditions = []string{"declared", "quorum_met", "election_quorum_met", "voted"}

// ScriptConditions returns the conditions a host's script may test with
// {if name}.
func ScriptConditions() []string { return append([]string(nil), scriptConditions...) }

func isCondition(name string) bool {
	for _, c := range scriptConditions {
		if c == name {
			return true
		}
	}
	return false
}

// isEnglish reports whether lang asks for English ("en", "en-GB" …); any
// other language, "" included, is Chinese, the default of podium.
func isEnglish(lang string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(lang)), "en")
}

// DefaultScript returns the default template of the host's words for an
// item of kind k in lang ("zh" or "en"; anything not English is Chinese),
// following the seed's phrasing, or "" for an unknown kind. The election's
// script only opens the item: each step of the election has its words on
// the election screen.
func DefaultScript(k model.ItemKind, lang string) string {
	s, ok := defaultScripts[k]
	if !ok {
		return ""
	}
	if isEnglish(lang) {
		return s[1]
	}
	return s[0]
}

// HostScript returns the template of the host's words for the item in lang:
// the item's own (Script, or ScriptEn for English) when it has one, else
// DefaultScript of its kind in that language.
func HostScript(it model.Item, lang string) string {
	own := it.Script
	if isEnglish(lang) {
		own = it.ScriptEn
	}
	if own != "" {
		return own
	}
	return DefaultScript(it.Kind, lang)
}

// defaultScripts are the default templates by kind: Chinese, English.
var defaultScripts = map[model.ItemKind][2]string{
	model.ItemPreparatory: {
		"各位代表：本次大会应到正式代表{expected}名，{if declared}实到{present}名，超过应到人数的半数，符合法定人数，会议有效。现在开会。\n" +
			"预备会议的议程是：通过大会议程；通过大会主席团和秘书长名单；通过代表资格审查报告；通过选举办法和监票人名单。" +
			"{else}现已报到{present}名，{quorum}。{end}",
		"Delegates: {expected} formal delegates are expected at this congress and {if declared}{present} are present, more than half of " +
			"those expected. The quorum is met and the meeting is valid. The meeting is now in session.\n" +
			"The preparatory meeting adopts the agenda, the presidium and the secretary-general, the credentials report, " +
			"and the election method and the scrutineers.{else}{present} have checked in so far, {quorum}.{end}",
	},
	model.ItemOpening: {
		"各位代表、各位来宾：本次大会应到正式代表{expected}名，实到{present}名，{quorum}。{if quorum_met}现在，我宣布：{meeting}开幕！{end}",
		"Delegates, guests: {expected} formal delegates are expected and {present} are present, {quorum}. " +
			"{if quorum_met}I declare the {meeting} open!{end}",
	},
	model.ItemProcedure: {
		"下面进行大会下一项议程：{title}。",
		"The next item of the agenda: {title}.",
	},
	model.ItemReport: {
		"下面请{presenter}代表学生会作工作报告，时间约{minutes}分钟。",
		"I call on {presenter} to present the work report on behalf of the student union, about {minutes} minutes.",
	},
	model.ItemDeliberation: {
		"下面进行{title}。请各代表团在召集人主持下分组审议，时间{minutes}分钟。" +
			"代表们对工作报告的意见、质询和提案，请交大会秘书处。",
		"Next item: {title}. The delegations deliberate in groups, chaired by their conveners, for {minutes} minutes. " +
			"Opinions on the report, questions and motions go to the secretariat of the congress.",
	},
	model.ItemQuestioning: {
		"下面进行代表质询。根据章程第十二条，代表有权就上一届学生会的工作报告提出质询。" +
			"请提问的代表举手示意，经主持人同意后，先报姓名和所在代表团，再提出质询，由被质询的负责人答复。" +
			"当场不能答复的，将在{answer_days}日内予以答复。",
		"We now come to questions. Under article 12 of the charter, delegates may question the outgoing union on its " +
			"work report. A delegate who wishes to ask raises a hand and, when called, gives name and delegation, then " +
			"the question; the officer questioned answers. A question not answered now is answered within {answer_days} days.",
	},
	model.ItemMotions: {
		"下面进行代表提案。根据章程第十二条，代表有权就学代会职权范围提出议案。提案应一事一案，由提案人提出并经两名以上代表附议。" +
			"大会共收到提案{motions}件，经审查，立案{accepted}件，不予立案{declined}件；不予立案的作为意见建议，在{answer_days}日内予以答复。",
		"We now come to motions. Under article 12 of the charter, delegates may move motions within the powers of the " +
			"congress: one matter each, moved by a delegate and seconded by at least two. The congress received {motions} " +
			"motions: {accepted} accepted, {declined} declined; a declined motion is answered as an opinion within {answer_days} days.",
	},
	model.ItemResolution: {
		"现在对{subject}进行表决。\n{text}\n" +
			"本次表决采用{method}方式。应到代表{expected}名，实到{present}名，须经{rule}赞成，即{need}票赞成方可通过。请代表们表决。" +
			"{if voted}\n表决结果：赞成{for}票，反对{against}票，弃权{abstain}票，{outcome}。{end}",
		"We now vote on {subject}.\n{text}\n" +
			"The vote is by {method}. {expected} delegates are expected and {present} present; it passes with {rule} in favour, " +
			"that is {need} votes for. Please vote." +
			"{if voted}\nThe result: {for} for, {against} against, {abstain} abstentions; {outcome}.{end}",
	},
	model.ItemElection: {
		"下面进行{title}。本次选举应选{seats}名，候选人{candidates}名，按照大会通过的选举办法进行。选举的各个步骤，请按选举界面的提示主持。",
		"Next item: {title}. {seats} seats, {candidates} candidates, under the election method the congress " +
			"adopted. Follow the election screen for the words of each step.",
	},
	model.ItemReview: {
		"下面进行述职评议。请{presenter}述职，内容包括个人基本情况、学习情况、本岗位工作情况和工作思路、履行岗位职责情况、" +
			"取得的主要成绩、存在的主要问题和改进措施。评议小组根据述职情况给予优秀、合格或不合格的评价。",
		"We now come to the officers' reports. {presenter} reports on: background and studies, the work of the post and " +
			"its plans, the duties fulfilled, the main achievements, the main problems and how to improve. The review " +
			"group rates the report excellent, satisfactory or unsatisfactory.",
	},
	model.ItemClosing: {
		"各位代表：{meeting}圆满完成了各项议程。大会期间，代表们提出质询{questions}件，当场答复{answered}件；" +
			"收到提案{motions}件，立案{accepted}件。未当场答复的质询和意见建议，将在{answer_days}日内予以答复。" +
			"现在我宣布：{meeting}胜利闭幕！",
		"Delegates: the {meeting} has completed its agenda. Delegates asked {questions} questions, {answered} answered " +
			"in session, and moved {motions} motions, {accepted} accepted. Questions and opinions not yet answered are " +
			"answered within {answer_days} days. I declare the {meeting} closed!",
	},
}

// QuoteShort quotes s for a message, cut to 60 characters with "…", so
// that an error never prints a whole file's worth of a bad value.
func QuoteShort(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		s = string(r[:60]) + "…"
	}
	return strconv.Quote(s)
}
