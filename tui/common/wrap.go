package common

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Wrapping the texts people read aloud: a line breaks at a space, between
// two Han characters or after a word, never inside a name — a name of the
// roster or a candidate is one unit, and so is a run of Han characters
// joined by "·" (a transliterated name, 波拉提·托列根, on the roster or
// not) — and never before a closing mark (，。、；：）…) or after an
// opening one (（「“).

// Names are the names a wrapped text never splits: the roster's, the
// candidates', write-ins.
type Names struct {
	byFirst map[rune][]string // by first rune, longest first
}

// NewNames returns the set of the names given (duplicates and names of
// one character, which cannot be split, are dropped).
func NewNames(lists ...[]string) *Names {
	n := &Names{byFirst: map[rune][]string{}}
	for _, l := range lists {
		n.add(l)
	}
	return n
}

func (n *Names) add(names []string) {
	touched := map[rune]bool{}
	for _, name := range names {
		name = strings.TrimSpace(name)
		if utf8.RuneCountInString(name) < 2 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(name)
		if !touched[r] {
			touched[r] = true
			n.byFirst[r] = slices.Clone(n.byFirst[r]) // never change a list another set shares
		}
		n.byFirst[r] = append(n.byFirst[r], name)
	}
	for r := range touched {
		l := n.byFirst[r]
		slices.Sort(l)
		l = slices.Compact(l)
		slices.SortStableFunc(l, func(a, b string) int { return len(b) - len(a) })
		n.byFirst[r] = l
	}
}

// With returns the set with more names (write-ins), leaving n as it is.
func (n *Names) With(more ...string) *Names {
	c := &Names{byFirst: make(map[rune][]string, len(n.byFirst)+len(more))}
	for r, l := range n.byFirst {
		c.byFirst[r] = l
	}
	c.add(more)
	return c
}

// at returns the length in bytes of the longest name at the start of s, 0
// for none.
func (n *Names) at(s string) int {
	if n == nil {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	for _, name := range n.byFirst[r] {
		if strings.HasPrefix(s, name) {
			return len(name)
		}
	}
	return 0
}

// closing marks never start a line; opening marks never end one.
const (
	closing = "，。、；：？！）」』》〉】”’…,.;:?!)]}%"
	opening = "（「『《〈【“‘([{"
)

// isWide reports whether r is a Han character or another wide one, which
// a line may break before or after.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x30FF) || (r >= 0xFF00 && r <= 0xFFEF)
}

// atoms cuts s into the units a line may break between: names, "·" runs,
// Latin words, single Han characters, spaces; closing marks stay with the
// unit before them and opening marks with the unit after.
func atoms(s string, names *Names) []string {
	var out []string
	open := ""
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var n int
		switch {
		case r == ' ':
			n = size
		case strings.ContainsRune(opening, r):
			open += string(r)
			i += size
			continue
		case strings.ContainsRune(closing, r) && len(out) > 0 && out[len(out)-1] != " " && open == "":
			out[len(out)-1] += string(r)
			i += size
			continue
		default:
			n = names.at(s[i:])
			if n == 0 {
				n = unit(s[i:])
			}
		}
		a := s[i : i+n]
		i += n
		if open != "" {
			a, open = open+a, ""
		}
		out = append(out, a)
	}
	if open != "" {
		out = append(out, open)
	}
	return out
}

// unit is the length of the unit at the start of s that is not a name: a
// space, a Han character (with the "·" run it belongs to), or a word of
// other characters up to a space or a Han character.
func unit(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	if !isWide(r) {
		n := size
		for n < len(s) {
			r, sz := utf8.DecodeRuneInString(s[n:])
			if r == ' ' || isWide(r) || strings.ContainsRune(opening, r) {
				break
			}
			n += sz
		}
		return n
	}
	// A Han character: alone, unless "·" joins it to the characters after
	// it — then the whole run is one unit (where the name in it starts is
	// not known).
	n, dot := 0, false
	for n < len(s) {
		r, sz := utf8.DecodeRuneInString(s[n:])
		if r == '·' {
			dot = true
		} else if !isWide(r) || strings.ContainsRune(closing+opening, r) {
			break
		}
		n += sz
	}
	if dot {
		return n
	}
	return size
}

// Wrap breaks s into lines of at most w display columns (see the top of
// this file), without names of its own; Common.Wrap knows the congress's.
func Wrap(s string, w int) []string { return WrapNames(s, w, nil) }

// WrapNames breaks s into lines of at most w display columns, never
// inside one of names. A single unit wider than w is cut where it must.
func WrapNames(s string, w int, names *Names) []string {
	if w <= 4 || Width(s) <= w {
		return []string{s}
	}
	var out []string
	var line strings.Builder
	lw := 0
	flush := func() {
		out = append(out, strings.TrimRight(line.String(), " "))
		line.Reset()
		lw = 0
	}
	for _, a := range atoms(s, names) {
		aw := Width(a)
		if a == " " {
			if lw > 0 && lw < w {
				line.WriteString(a)
				lw++
			}
			continue
		}
		if lw+aw > w && lw > 0 {
			flush()
		}
		for aw > w { // wider than a line: cut it
			head := cutWidth(a, w)
			out = append(out, head)
			a = a[len(head):]
			aw = Width(a)
		}
		line.WriteString(a)
		lw += aw
	}
	if line.Len() > 0 {
		flush()
	}
	return out
}

// cutWidth is the longest prefix of s at most w columns wide.
func cutWidth(s string, w int) string {
	n := 0
	for i, r := range s {
		rw := Width(string(r))
		if n+rw > w {
			return s[:i]
		}
		n += rw
	}
	return s
}

// WrapStyledNames breaks text into lines of at most w display columns
// by paragraphs (see WrapNames, never splitting one of names) and
// renders each in st.
func WrapStyledNames(text string, w int, st interface{ Render(...string) string }, names *Names) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		for _, l := range WrapNames(para, max(1, w), names) {
			out = append(out, st.Render(Cut(l, w)))
		}
	}
	return out
}

// Wrap breaks a text to read into lines of at most w columns, never inside
// a name of the congress (the roster's, the candidates').
func (c *Common) Wrap(s string, w int) []string { return WrapNames(s, w, c.Names) }

// WrapStyled is Wrap by paragraphs, each line rendered in st.
func (c *Common) WrapStyled(text string, w int, st interface{ Render(...string) string }) []string {
	return WrapStyledNames(text, w, st, c.Names)
}
