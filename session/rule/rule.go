// Package rule evaluates the rules of a congress in integers (RULES §0):
// whether a count reaches a fraction of a base, 超过 (more than) or 以上
// (or more), and the smallest count that does. It is the leaf that both
// package session and package session/election stand on.
package rule

import "podium/model"

// Meets reports whether count reaches the fraction f of base, in integers
// (RULES §0): count*den > base*num when strict (超过), >= otherwise (以上).
func Meets(f model.Fraction, count, base int) bool {
	l, r := int64(count)*int64(f.Den), int64(base)*int64(f.Num)
	if f.Strict {
		return l > r
	}
	return l >= r
}

// Need returns the smallest count that meets f of base: 62 for 超过 1/2 of
// 122, 61 for 1/2 以上 of 122, 82 for 2/3 以上 of 122.
func Need(f model.Fraction, base int) int {
	if f.Den <= 0 {
		return 0
	}
	p := int64(base) * int64(f.Num)
	d := int64(f.Den)
	if f.Strict {
		return int(p/d + 1)
	}
	return int((p + d - 1) / d)
}
