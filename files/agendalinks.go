package files

import (
	"podium/model"

	"fmt"
	"path/filepath"
	"strings"
)

// This file reads the keys of [[item]] that tie an item to more than its
// words: the officers of a review item (述职评议) and the files of an
// election item (its method and its candidates).

// ElectionFiles are the files an election item of the agenda file links
// (method = "…", candidates = "…"), resolved against the directory of the
// agenda file. Package agenda only names them: `podium new` reads the
// method with ReadMethod and the candidates with the election counter's
// reader, which links them to the roster.
type ElectionFiles struct {
	Item       int    // the election item's index in AgendaFile.Items
	Method     string // the election method file (选举办法, TOML)
	Candidates string // the candidates file (候选人名单, CSV)
}

// officers reads officers = ["主席 王芳", …] of the i-th item: a non-empty
// list of distinct, non-empty strings. White space inside an entry is
// kept as one space (the office and the name), unlike titles.
func (p *agendaParser) officers(i int, v any) ([]string, *FileError) {
	const example = `officers = ["主席 王芳", "学习部部长 李强"]`
	arr, ok := v.([]any)
	if !ok {
		return nil, p.fail(place("item", i, "officers"), nil, "must be a list of strings: "+example)
	}
	if len(arr) == 0 {
		return nil, p.fail(place("item", i, "officers"), nil, "lists no officer: name those who report ("+example+"), or leave the key out")
	}
	var out []string
	seen := map[string]int{}
	for j, x := range arr {
		bad := func(value, reason string) *FileError {
			fe := p.fail(place("item", i, "officers", j), value, reason)
			nth := 0
			for _, y := range arr[:j+1] {
				if ys, ok := y.(string); ok && ys == value {
					nth++
				}
			}
			fe.Line = p.valueLine(fe.Line, value, nth)
			return fe
		}
		s, ok := x.(string)
		if !ok {
			return nil, bad("", `must be a string: the office and the name, e.g. "主席 王芳"`)
		}
		if hasControl(s) {
			return nil, bad(s, "holds a control character (tab or line break)")
		}
		c := strings.Join(strings.Fields(strings.ReplaceAll(s, "\uFEFF", "")), " ")
		if c == "" {
			return nil, bad(s, `is empty: name the office and the officer, e.g. "主席 王芳"`)
		}
		if k, dup := seen[c]; dup {
			return nil, bad(s, fmt.Sprintf("is listed twice (also officers[%d]); each officer is rated once", k+1))
		}
		seen[c] = j
		out = append(out, c)
	}
	return out, nil
}

// linkPath reads method = "…" or candidates = "…" of the i-th item: a
// file's path, relative to the agenda file's directory unless absolute.
func (p *agendaParser) linkPath(i int, k string, v any) (string, *FileError) {
	s, ok := v.(string)
	if !ok {
		return "", p.fail(place("item", i, k), nil, "must be a string: the path of the file, relative to this agenda file")
	}
	c := strings.TrimSpace(s)
	switch {
	case c == "":
		return "", p.fail(place("item", i, k), s, "is empty: give the file's path, relative to this agenda file")
	case hasControl(c):
		return "", p.fail(place("item", i, k), s, "holds a control character")
	}
	if !filepath.IsAbs(c) {
		c = filepath.Join(filepath.Dir(p.name), c)
	}
	return c, nil
}

// links checks the officers and the election files read for item i
// against its kind: officers belong to a review item, the two files to an
// election item, together, and to one election item only.
func (p *agendaParser) links(i int, it model.Item, hasOfficers bool, files map[string]string) *FileError {
	if hasOfficers && it.Kind != model.ItemReview {
		return p.fail(place("item", i, "officers"), nil, "is only for an item of kind review (述职评议), not "+string(it.Kind))
	}
	if len(files) == 0 && it.Kind == model.ItemElection {
		// Without them the congress would reach an election it cannot hold.
		return p.fail(place("item", i, "kind"), string(it.Kind),
			`is an election item without its method and candidates: add method = "….toml" and candidates = "….csv" to it, or leave the item out`)
	}
	if len(files) == 0 {
		return nil
	}
	for _, k := range []string{"method", "candidates"} {
		if _, there := files[k]; there && it.Kind != model.ItemElection {
			return p.fail(place("item", i, k), nil, "is only for an item of kind election, not "+string(it.Kind))
		}
	}
	method, okM := files["method"]
	cands, okC := files["candidates"]
	switch {
	case !okC:
		return p.fail(place("item", i, "method"), nil, `needs candidates = "….csv" beside it: an election item links its method and its candidates together`)
	case !okM:
		return p.fail(place("item", i, "candidates"), nil, `needs method = "….toml" beside it: an election item links its method and its candidates together`)
	case p.election != nil:
		return p.fail(place("item", i, "method"), nil, fmt.Sprintf("links a second election (item[%d] links one already); a congress prepares one election from files", p.election.Item+1))
	}
	p.election = &ElectionFiles{Item: i, Method: method, Candidates: cands}
	return nil
}
