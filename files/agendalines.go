package files

import (
	"regexp"
	"strings"
)

// This file finds the line of a key in an agenda file for its FileErrors.

var reHeader = regexp.MustCompile(`^\s*(\[\[?)\s*([^\[\]]*?)\s*\]\]?\s*(#.*)?$`)

// lineOf finds the line of a key by scanning the text, since the TOML
// decoder keeps positions to itself: the key line inside its table (the
// idx-th of an array of tables), else a table header of that name, else
// any line assigning the key, else the table's header; 0 if none.
func (p *agendaParser) lineOf(tbl string, idx int, key string) int {
	cur, count, header := "", -1, 0
	full := strings.TrimPrefix(tbl+"."+key, ".")
	for i, line := range p.lines {
		if m := reHeader.FindStringSubmatch(line); m != nil {
			cur = strings.ReplaceAll(m[2], " ", "")
			if cur == tbl {
				count++
				if idx < 0 || count == idx {
					header = i + 1
				}
			}
			if key != "" && cur == full {
				return i + 1
			}
			continue
		}
		inTable := cur == tbl && (idx < 0 || count == idx)
		if key != "" && inTable && isKey(line, key) {
			return i + 1
		}
	}
	if key == "" || header != 0 {
		return header
	}
	for i, line := range p.lines {
		if isKey(line, key) || isKey(line, full) {
			return i + 1
		}
	}
	return 0
}

// isKey reports whether line assigns key k (bare or quoted), or a dotted
// key under it (k.x = …).
func isKey(line, k string) bool {
	line = strings.TrimSpace(line)
	for _, q := range []string{"", `"`, `'`} {
		if rest, ok := strings.CutPrefix(line, q+k+q); ok {
			rest = strings.TrimSpace(rest)
			if strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, ".") {
				return true
			}
		}
	}
	return false
}

// itemLine finds the line of key in the sub-table sub (e.g. resolution) of
// the idx-th [[item]]: the key under its [item.sub] header, else that
// header (key "" asks for it), else the line of a dotted sub.key or an
// inline sub = {…} in the item, else the item's header; 0 if none.
func (p *agendaParser) itemLine(idx int, sub, key string) int {
	cur, count := "", -1
	itemHeader, subHeader, subKey, dotted := 0, 0, 0, 0
	for i, line := range p.lines {
		if m := reHeader.FindStringSubmatch(line); m != nil {
			cur = strings.ReplaceAll(m[2], " ", "")
			if cur == "item" && m[1] == "[[" {
				count++
				if count == idx {
					itemHeader = i + 1
				}
			}
			if count == idx && cur == "item."+sub && subHeader == 0 {
				subHeader = i + 1
			}
			continue
		}
		if count != idx {
			continue
		}
		switch {
		case cur == "item."+sub && key != "" && isKey(line, key):
			return i + 1
		case cur == "item" && key != "" && dotted == 0 && isKey(line, sub+"."+key):
			dotted = i + 1
		case cur == "item" && subKey == 0 && isKey(line, sub):
			subKey = i + 1
		}
	}
	for _, l := range []int{dotted, subHeader, subKey, itemHeader} {
		if l != 0 {
			return l
		}
	}
	return 0
}
