package words

import (
	"fmt"
	"strconv"

	"podium/model"
)

// This file holds the numbers, fractions and rules in words, in both
// languages, that the screens, the records, the host's scripts and the
// counter's tally sheet write: one place, so that 五分之四 is written the
// same way everywhere.

// Number writes n in lang: in Chinese, 0–99 in Chinese numerals (零, 七,
// 十, 十五, 二十, 九十九) and other numbers in digits; in English, digits.
func Number(n int, lang string) string {
	if isEnglish(lang) || n < 0 || n > 99 {
		return strconv.Itoa(n)
	}
	d := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return d[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + d[n%10]
	case n%10 == 0:
		return d[n/10] + "十"
	}
	return d[n/10] + "十" + d[n%10]
}

// Fraction writes f as a record writes it: 五分之四, 二分之一, 全部 when
// the numerator is the denominator; in English 4/5.
func Fraction(f model.Fraction, lang string) string {
	if isEnglish(lang) {
		return fmt.Sprintf("%d/%d", f.Num, f.Den)
	}
	if f.Num == f.Den && f.Den > 0 {
		return "全部"
	}
	return Number(f.Den, lang) + "分之" + Number(f.Num, lang)
}

// Share writes f as it is said aloud: 半数 (half) for 1/2, else as
// Fraction.
func Share(f model.Fraction, lang string) string {
	if f.Num == 1 && f.Den == 2 {
		if isEnglish(lang) {
			return "half"
		}
		return "半数"
	}
	return Fraction(f, lang)
}

// Rule writes a threshold as the screens and the host say it: 超过半数,
// 超过五分之四, 三分之二以上, 二分之一以上; more than half, more than 4/5,
// 2/3 or more. 超过 and "more than" exclude the boundary, 以上 and "or
// more" include it (RULES §0).
func Rule(f model.Fraction, lang string) string {
	return rule(f, lang, Share)
}

// RuleExact writes a threshold with its fraction as written, as the tally
// sheet does: 超过二分之一, 三分之二以上; more than 1/2, 2/3 or more.
func RuleExact(f model.Fraction, lang string) string {
	return rule(f, lang, Fraction)
}

func rule(f model.Fraction, lang string, frac func(model.Fraction, string) string) string {
	if isEnglish(lang) {
		if f.Strict {
			return "more than " + frac(f, lang)
		}
		return Fraction(f, lang) + " or more"
	}
	if f.Strict {
		return "超过" + frac(f, lang)
	}
	return Fraction(f, lang) + "以上"
}

// RuleShort writes a threshold in digits for a badge: 超过4/5, 2/3以上;
// >4/5, ≥2/3.
func RuleShort(f model.Fraction, lang string) string {
	switch {
	case isEnglish(lang) && f.Strict:
		return ">" + Fraction(f, lang)
	case isEnglish(lang):
		return "≥" + Fraction(f, lang)
	case f.Strict:
		return "超过" + Fraction(f, "en")
	}
	return Fraction(f, "en") + "以上"
}

// Reach is the Chinese verb of reaching a threshold f: 超过 (more than)
// when f is strict, else 达到 (reach).
func Reach(f model.Fraction) string {
	if f.Strict {
		return "超过"
	}
	return "达到"
}

// RuleText writes a vote threshold in words for the {rule} placeholder:
// f of base (BaseExpected: all delegates, 全体代表; BasePresent: the
// delegates present, 实到代表) in lang, e.g. 全体代表的二分之一以上,
// 超过实到代表的三分之二, "1/2 or more of all delegates", "more than 2/3 of
// the delegates present". 以上 and "or more" include the boundary; 超过
// and "more than" exclude it (RULES §0).
func RuleText(f model.Fraction, base model.Base, lang string) string {
	if isEnglish(lang) {
		of := "all delegates"
		if base == model.BasePresent {
			of = "the delegates present"
		}
		return RuleExact(f, lang) + " of " + of
	}
	of := "全体代表"
	if base == model.BasePresent {
		of = "实到代表"
	}
	if f.Strict {
		return "超过" + of + "的" + Fraction(f, lang)
	}
	return of + "的" + Fraction(f, lang) + "以上"
}

// RuleOf writes a threshold f of something: of is what it is of, with its
// number when known. In Chinese: 超过应到人数122名的半数,
// 达到有效票的三分之二以上; in English: more than half of the 122 expected,
// 2/3 or more of the valid ballots (of: "the 122 expected").
func RuleOf(f model.Fraction, of, lang string) string {
	if isEnglish(lang) {
		return Rule(f, lang) + " of " + of
	}
	if f.Strict {
		return "超过" + of + "的" + Share(f, lang)
	}
	return "达到" + of + "的" + Fraction(f, lang) + "以上"
}
