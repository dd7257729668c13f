package widgets

import (
	"math/bits"
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"

	"podium/model"
)

// maxQuery is the longest query (in runes, after normalising) that is
// matched; the matcher keeps its positions in one uint64.
const maxQuery = 62

// Index finds people on a roster by what a check-in desk types: Han
// characters (张新), full pinyin (zhangxinlong), pinyin initials (zxl), any
// mix of them (张xl, zhangxl), a roster id with a digit (d0012), or the
// start of the unit's name from three letters up (hlfy → 护理分院). Polyphonic characters match
// every reading (单 → dan, shan, chan). Separators such as "·" are ignored,
// so 阿依古丽·买买提 is found by aygl.
//
// Build it once per roster with NewIndex; Search is safe to call from one
// goroutine at a time and allocates only its result.
type Index struct {
	entries []entry
	ids     map[string]int // folded id → first roster index
}

// ichar is one searchable character: itself, and its pinyin readings when
// it is Han (lower-case ASCII, ü written v and u).
type ichar struct {
	r  rune
	py []string
}

type entry struct {
	name []ichar
	unit []ichar
	id   string // lower case
}

// NewIndex builds the search index of a roster. The readings of each
// distinct character are looked up once.
func NewIndex(roster []model.Person) *Index {
	cache := map[rune][]string{}
	args := pinyin.Args{Style: pinyin.Normal, Heteronym: true}
	conv := func(s string) []ichar {
		var out []ichar
		for _, r := range s {
			r = foldRune(r)
			switch {
			case unicode.Is(unicode.Han, r):
				py, ok := cache[r]
				if !ok {
					py = readings(pinyin.SinglePinyin(r, args))
					cache[r] = py
				}
				out = append(out, ichar{r: r, py: py})
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				out = append(out, ichar{r: r})
			}
		}
		return out
	}
	ix := &Index{entries: make([]entry, len(roster)), ids: make(map[string]int, len(roster))}
	for i, p := range roster {
		ix.entries[i] = entry{name: conv(p.Name), unit: conv(p.Unit), id: strings.ToLower(p.ID)}
		if id := foldID(p.ID); id != "" {
			if _, dup := ix.ids[id]; !dup {
				ix.ids[id] = i
			}
		}
	}
	return ix
}

// ExactID returns the roster index of the person whose id is exactly q,
// in any case and with full-width letters and digits folded, surrounding
// spaces ignored: what a barcode scanner types. Names play no part.
func (ix *Index) ExactID(q string) (int, bool) {
	i, ok := ix.ids[foldID(q)]
	return i, ok
}

// foldID folds an id as ExactID compares it: trimmed, full-width ASCII
// to ASCII, lower case.
func foldID(s string) string {
	s = strings.TrimSpace(s)
	for _, r := range s {
		if r >= 0x80 || (r >= 'A' && r <= 'Z') {
			return strings.Map(foldRune, s)
		}
	}
	return s
}

// readings normalises go-pinyin's readings: lower case ASCII, and for a
// reading with ü (written v) the spelling with u as well (lü → lv, lu).
func readings(pys []string) []string {
	var out []string
	add := func(s string) {
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	for _, p := range pys {
		p = strings.ToLower(strings.ReplaceAll(p, "ü", "v"))
		add(p)
		if strings.ContainsRune(p, 'v') {
			add(strings.ReplaceAll(p, "v", "u"))
		}
	}
	return out
}

// foldRune lower-cases letters and maps full-width ASCII (as some input
// methods type it) to ASCII.
func foldRune(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFF01 - 0x21
	}
	if r == 'ü' || r == 'Ü' {
		return 'v'
	}
	return unicode.ToLower(r)
}

// normQuery returns the query as the matcher reads it: folded, without
// spaces and separators, cut to maxQuery runes.
func normQuery(q string) []rune {
	out := make([]rune, 0, len(q))
	for _, r := range q {
		r = foldRune(r)
		if unicode.Is(unicode.Han, r) || unicode.IsLetter(r) || unicode.IsDigit(r) {
			out = append(out, r)
			if len(out) == maxQuery {
				break
			}
		}
	}
	return out
}

// Match ranks, best first.
const (
	rankWhole  = iota // the query covers the whole name
	rankPrefix        // the query matches the start of the name, or the id
	rankInfix         // the query matches inside the name (e.g. the given name)
	rankUnit          // the query matches the start of the unit's name
	nRanks
)

// Search returns the roster indexes that match query, best matches first
// and in roster order within a rank, appended to dst[:0]. An empty query
// matches everyone in roster order. keep, when not nil, filters people out
// before matching (e.g. by attendance status).
func (ix *Index) Search(query string, keep func(i int) bool, dst []int) []int {
	dst = dst[:0]
	q := normQuery(query)
	if len(q) == 0 {
		for i := range ix.entries {
			if keep == nil || keep(i) {
				dst = append(dst, i)
			}
		}
		return dst
	}
	ascii, digit := true, false
	for _, r := range q {
		if r >= 0x80 {
			ascii = false
		}
		if r >= '0' && r <= '9' {
			digit = true
		}
	}
	qs := string(q)
	// Unit names match only from 3 letters (or 2 Han characters) up, so a
	// desk's short initials do not pull in whole units.
	units := len(q) >= 3 || (!ascii && len(q) >= 2)
	var buckets [nRanks][]int
	for i := range ix.entries {
		if keep != nil && !keep(i) {
			continue
		}
		e := &ix.entries[i]
		rank := -1
		if whole, prefix, any := matchChars(q, e.name, true); whole {
			rank = rankWhole
		} else if prefix {
			rank = rankPrefix
		} else if ascii && digit && strings.HasPrefix(e.id, qs) {
			rank = rankPrefix
		} else if any {
			rank = rankInfix
		} else if _, prefix, _ := matchChars(q, e.unit, false); units && prefix {
			rank = rankUnit
		}
		if rank >= 0 {
			buckets[rank] = append(buckets[rank], i)
		}
	}
	for _, b := range buckets {
		dst = append(dst, b...)
	}
	return dst
}

// matchChars matches the query against a sequence of characters. Each
// character consumes either itself or a non-empty prefix of one of its
// readings, so zxl, zhangxl and zhangxinlong all match 张新龙. It reports
// whether a match starting at the first character ends exactly at the last
// (whole), whether one starts at the first character (prefix), and — when
// infix is true — whether one starts anywhere (any).
//
// The set of query positions reachable after each character is a bit mask,
// so polyphonic characters cost a few comparisons, never a product of
// readings.
func matchChars(q []rune, cs []ichar, infix bool) (whole, prefix, any bool) {
	full := uint64(1) << len(q)
	anchored := uint64(1)
	var floating uint64
	for k := range cs {
		c := &cs[k]
		if anchored != 0 {
			anchored = advance(q, c, anchored)
			if anchored&full != 0 {
				prefix = true
				if k == len(cs)-1 {
					whole = true
				}
			}
		}
		if infix && !any {
			floating = advance(q, c, floating|1)
			if floating&full != 0 {
				any = true
			}
		}
		if anchored == 0 && (!infix || any) {
			break
		}
	}
	return whole, prefix, any || prefix
}

// advance returns the query positions reachable from the positions in mask
// by consuming character c.
func advance(q []rune, c *ichar, mask uint64) uint64 {
	var out uint64
	n := len(q)
	for m := mask; m != 0; m &= m - 1 {
		p := bits.TrailingZeros64(m)
		if p >= n {
			continue
		}
		if q[p] == c.r {
			out |= 1 << (p + 1)
		}
		for _, r := range c.py {
			for j := 0; j < len(r) && p+j < n && rune(r[j]) == q[p+j]; j++ {
				out |= 1 << (p + j + 1)
			}
		}
	}
	return out
}
