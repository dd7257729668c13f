package records

import (
	"cmp"
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"
)

// names keeps people's names whole on the printed page: a browser may
// break a line between any two Han characters, which splits 马小梅 into
// 马小 / 梅 or 艾克拜尔·艾合买提 after its "·". Every name of the record
// (the roster, the slate and the write-ins, the staff list of an audit) is
// printed inside a span that does not wrap (print.css: .nm). A shorter
// name found inside a longer word only keeps those characters together,
// which harms nothing.
type names struct{ r *strings.Replacer }

// maxName is the longest name kept whole, in characters: longer strings
// are not names (an address, a sentence) and could overflow a column.
const maxName = 20

// namesOf collects the record's names, longest first (so that a name
// containing another is wrapped whole).
func namesOf(r *Record) names {
	seen := map[string]bool{}
	var all []string
	add := func(n string) {
		n = strings.TrimSpace(n)
		if c := utf8.RuneCountInString(n); c < 2 || c > maxName || seen[n] || strings.ContainsAny(n, "<>&\"'\n") {
			return
		}
		seen[n] = true
		all = append(all, n)
	}
	for _, u := range r.SignIn.Units {
		for _, p := range u.People {
			add(p.Name)
		}
	}
	if e := r.Election; e != nil {
		for _, c := range e.Candidates {
			add(c.Name)
		}
		for _, rd := range e.Rounds {
			for _, c := range rd.Candidates {
				add(c.Name)
			}
		}
	}
	if a := r.StaffAudit; a != nil {
		for _, c := range a.Checks {
			for _, f := range c.Findings {
				add(f.Name)
			}
		}
	}
	if len(all) == 0 {
		return names{}
	}
	slices.SortStableFunc(all, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	pairs := make([]string, 0, 2*len(all))
	for _, n := range all {
		pairs = append(pairs, n, `<span class="nm">`+n+`</span>`)
	}
	return names{strings.NewReplacer(pairs...)}
}

// lines escapes a text for HTML, line by line, with its names kept whole.
func (nm names) lines(s string) []template.HTML {
	parts := strings.Split(s, "\n")
	out := make([]template.HTML, len(parts))
	for i, p := range parts {
		p = template.HTMLEscapeString(p)
		if nm.r != nil {
			p = nm.r.Replace(p)
		}
		out[i] = template.HTML(p)
	}
	return out
}
