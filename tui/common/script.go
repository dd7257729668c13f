package common

import (
	"fmt"
	"strings"

	"podium/model"
	"podium/session"
	"podium/words"
)

// The host's script (主持词): the words to read for the current item,
// filled with the live figures in the UI language. The template is the
// item's own (Item.Script / ScriptEn) or the default of its kind
// (words.DefaultScript); words.RenderScript fills it, and a figure not
// known yet (the counts before the vote) reads as a blank, ____.

// scriptVars are the live figures a script may use for agenda item i (see
// words.RenderScript for the names); vote is the resolution to report,
// nil before the vote, and motion the motion voted on, 0 for none.
func (c *Common) scriptVars(i int, vote *session.Resolution, motion int) map[string]string {
	t, mt := c.Texts, c.Texts.M
	it := c.Setup.Agenda[i]
	mtg := c.Setup.Meeting
	n, q := c.Snap.Count, c.Snap.Quorum
	num := func(v int) string { return fmt.Sprint(v) }
	onLeave := 0
	for _, u := range c.Snap.Units {
		onLeave += u.OnLeave
	}
	need := q.OpeningNeed
	if it.Kind == model.ItemElection {
		need = q.ElectionNeed
	}
	days := mtg.AnswerDays
	vars := map[string]string{
		"meeting": t.MeetingName(mtg), "chair": mtg.Chair, "date": mtg.Date, "place": mtg.Place,
		"time": c.Clock(c.Now()), "no": num(i + 1), "title": t.ItemTitle(it), "item": t.ItemTitle(it),
		"presenter": it.Presenter, "expected": num(n.Expected), "present": num(n.Present),
		"on_leave": num(onLeave), "absent": num(n.Expected - n.Present), "quorum_need": num(need),
		"quorum":          mt.QuorumWords(q.Opening, t.Rule(mtg.OpeningQuorum), q.OpeningNeed),
		"election_quorum": mt.QuorumWords(q.Election, t.Rule(mtg.ElectionQuorum), q.ElectionNeed),
	}
	if it.Presenter == "" && len(it.Officers) > 0 { // a review: who reports
		vars["presenter"] = strings.Join(it.Officers, mt.Sep)
	}
	if it.Minutes > 0 {
		vars["minutes"] = num(it.Minutes)
	}
	if days > 0 {
		vars["answer_days"] = num(days)
	}
	if e := c.Setup.Election; e != nil {
		vars["seats"], vars["candidates"] = num(e.Method.Seats), num(len(e.Candidates))
	}
	pending, answered, _ := QuestionCounts(c.Snap.Questions)
	_, accepted, declined := MotionCounts(c.Snap.Motions)
	vars["questions"], vars["pending"], vars["answered"] = num(len(c.Snap.Questions)), num(pending), num(answered)
	vars["motions"], vars["accepted"], vars["declined"] = num(len(c.Snap.Motions)), num(accepted), num(declined)

	subject, text, kind, method := t.ItemTitle(it), "", model.VoteOrdinary, model.VoteHands
	if r := it.Resolution; r != nil {
		text, kind, method = t.ResolutionText(*r), r.Kind, r.Method
	}
	if motion > 0 && motion <= len(c.Snap.Motions) {
		mo := c.Snap.Motions[motion-1]
		subject, text = mo.Title, mo.Text
	}
	if vote != nil {
		kind, method = vote.Kind, vote.Method
		if vote.Subject != it.Title {
			subject = vote.Subject
		}
	}
	vars["subject"], vars["text"], vars["method"] = subject, text, mt.Method(method)
	vars["base"] = mt.VoteBase(mtg.VoteBase)
	vars["rule"] = words.RuleText(c.VoteRule(kind), mtg.VoteBase, t.Lang)
	if n, ok := c.Snap.Needs[kind]; ok && vote == nil {
		vars["need"] = num(n.Need) // the core's figure for a vote taken now
	}
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return ""
	}
	vars["declared"], vars["voted"] = yes(c.Snap.Declared != nil), yes(vote != nil)
	vars["quorum_met"], vars["election_quorum_met"] = yes(q.Opening), yes(q.Election)
	if vote != nil {
		vars["need"], vars["for"], vars["against"], vars["abstain"] = num(vote.Need), num(vote.For), num(vote.Against), num(vote.Abstain)
		vars["outcome"] = mt.Outcome(vote.Adopted)
		vars["result"] = mt.Derivation(vote.Need, vote.For, vote.Adopted)
	}
	return vars
}

// VoteRule is the threshold the core applies to a kind of resolution
// (for the words; the core applies it).
func (c *Common) VoteRule(k model.VoteKind) model.Fraction { return c.Snap.Needs[k].Rule }

// Script returns the host's words for agenda item i, filled. A template
// the agenda file got wrong is named, and the default words are read
// instead.
func (c *Common) Script(i int, vote *session.Resolution) string {
	it := c.Setup.Agenda[i]
	vars := c.scriptVars(i, vote, 0)
	out, err := words.RenderScript(words.HostScript(it, c.Texts.Lang), vars)
	if err != nil {
		def, _ := words.RenderScript(words.DefaultScript(it.Kind, c.Texts.Lang), vars)
		return c.Texts.M.ScriptFault(err.Error()) + "\n" + def
	}
	return out
}
