package session

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"podium/session/election"
)

// RoundAudit is one decided round recounted (podium audit): the round, the
// counter's rule version its stored result was counted by, and the
// differences between the stored result and today's recount from the same
// ballots or tally (none: the same).
type RoundAudit struct {
	Round int
	Kind  election.Kind
	// Rules is the rule version stored with the decision; 0 for a legacy
	// decision (codec 1) that stored no result.
	Rules int
	// Legacy is set for a decision that stored no result: replay
	// recounted it with today's counter, so it is the same by
	// construction.
	Legacy bool
	// Diffs are the differences, one line each: the field's path, the
	// stored value and the recounted one.
	Diffs []string
	// Err is why the round could not be recounted, if it could not.
	Err error
}

// Same reports whether the recount gave the stored result.
func (a RoundAudit) Same() bool { return a.Err == nil && len(a.Diffs) == 0 }

// Audit recounts every decided round with today's counter from its stored
// ballots or tally and compares each with the result stored when it was
// decided. Replay never recounts (it applies the stored result); this is
// where a change of the counter shows. st must not change meanwhile (call
// it inside Session.Read).
func Audit(st *State) []RoundAudit {
	v := st.Vote
	if v == nil {
		return nil
	}
	var out []RoundAudit
	for _, r := range v.Rounds {
		if r.Decided == nil || r.Result == nil {
			continue
		}
		a := RoundAudit{Round: r.No, Kind: r.Kind, Rules: r.Rules, Legacy: r.Recounted}
		res, err := v.result(r)
		if err != nil {
			a.Err = err
		} else {
			a.Diffs = resultDiffs(*r.Result, res, r.Rules)
		}
		out = append(out, a)
	}
	return out
}

// resultDiffs compares two results in their complete stored form
// (round_decided's "result") and lists each leaf that differs as
// "path: stored X, recounted Y". A result stored by an earlier rule
// version (rules; 0 for a legacy one) is compared only on the fields that
// version had: a field the counter added later is no difference in what
// was announced (newFields). A field whose meaning changed is compared:
// a tally judged per category that once gave an inferred per-ballot
// valid/invalid now gives none, and the audit says so.
func resultDiffs(stored, recounted election.Result, rules int) []string {
	a, b := storedForm(stored), storedForm(recounted)
	for path, since := range newFields {
		if rules < since {
			dropPath(a, path)
			dropPath(b, path)
		}
	}
	var diffs []string
	diffJSON("", a, b, &diffs)
	return diffs
}

// newFields are the fields of the stored result added by a later rule
// version (election.RulesVersion), by path ("." between keys, lists
// crossed), with the version that added them.
var newFields = map[string]int{
	"partly_invalid": 2, "vacancies": 2, "method.tie": 2, "method.other_marks": 2,
	"invalid_ballots.selections": 2, "invalid_ballots.seats": 2, "invalid_ballots.partly": 2,
}

// dropPath removes the key at path from a decoded JSON value, in every
// element of the lists it crosses.
func dropPath(v any, path string) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			dropPath(e, path)
		}
	case map[string]any:
		key, rest, deeper := strings.Cut(path, ".")
		if !deeper {
			delete(x, key)
			return
		}
		dropPath(x[key], rest)
	}
}

func storedForm(r election.Result) any {
	js, err := json.Marshal(RoundDecided{Result: r})
	if err != nil {
		return fmt.Sprintf("unstorable: %v", err)
	}
	var v struct {
		Result any `json:"result"`
	}
	_ = json.Unmarshal(js, &v)
	return v.Result
}

func diffJSON(path string, a, b any, out *[]string) {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			break
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		for k := range y {
			if _, ok := x[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := k
			if path != "" {
				p = path + "." + k
			}
			diffJSON(p, x[k], y[k], out)
		}
		return
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			break
		}
		for i := range x {
			p := fmt.Sprintf("%s[%d]", path, i)
			if m, ok := x[i].(map[string]any); ok {
				if name, ok := m["name"].(string); ok && name != "" {
					p = fmt.Sprintf("%s[%d %s]", path, i, name) // candidates[2 王芳]
				}
			}
			diffJSON(p, x[i], y[i], out)
		}
		return
	}
	if !reflect.DeepEqual(a, b) {
		as, _ := json.Marshal(a)
		bs, _ := json.Marshal(b)
		*out = append(*out, fmt.Sprintf("%s: stored %s, recounted %s", path, as, bs))
	}
}
