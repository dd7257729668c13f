package files

import (
	"podium/model"

	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// This file holds the parsers of single roster cells. Each returns the
// normalised value or a reason fit for FileError.Reason.

// cleanCell strips a byte-order mark and surrounding white space (including
// the full-width space U+3000 and no-break space).
func cleanCell(s string) string {
	s = strings.ReplaceAll(s, "\uFEFF", "")
	return strings.TrimSpace(s)
}

// foldWidth turns full-width ASCII (Ａ, １, ／) into ASCII, so that dates and
// yes/no typed with a Chinese input method still parse. Used for values that
// are not free text.
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFEE0
		}
		if r == 0x3000 {
			return ' '
		}
		return r
	}, s)
}

// hasControl reports whether s holds a control character (tab, newline …).
func hasControl(s string) bool {
	return strings.IndexFunc(s, unicode.IsControl) >= 0
}

// dotLike are the look-alikes of the middle dot "·" (U+00B7) that appear in
// transliterated names typed on different keyboards: bullet, katakana middle
// dot (full and half width), full-width full stop, hyphenation point,
// bullet operator, dot operator.
const dotLike = "•・･．‧∙⋅"

// cleanText normalises free text of a name or unit: white space between two
// non-ASCII characters is dropped ("张 三" → "张三", the padding Chinese forms
// use to align two-character names), other runs of white space become one
// space ("Anna Li"). Control characters are refused.
func cleanText(s string) (string, string) {
	s = cleanCell(s)
	if hasControl(s) {
		return "", "holds a control character (tab or line break)"
	}
	r := []rune(s)
	var out []rune
	for i := 0; i < len(r); i++ {
		if !unicode.IsSpace(r[i]) {
			out = append(out, r[i])
			continue
		}
		j := i
		for j < len(r) && unicode.IsSpace(r[j]) {
			j++
		}
		// r[i-1] and r[j] exist: s is trimmed.
		if r[i-1] < utf8.RuneSelf || r[j] < utf8.RuneSelf {
			out = append(out, ' ')
		}
		i = j - 1
	}
	return string(out), ""
}

// cleanName is cleanText plus the middle dot of transliterated names: the
// look-alikes in dotLike, and an ASCII "." between two non-ASCII characters,
// become "·". A name may not start or end with a dot or hold two in a row.
func cleanName(s string) (string, string) {
	s, why := cleanText(s)
	if why != "" {
		return "", why
	}
	r := []rune(s)
	for i, c := range r {
		switch {
		case strings.ContainsRune(dotLike, c):
			r[i] = '·'
		case c == '.' && i > 0 && i < len(r)-1 && r[i-1] >= utf8.RuneSelf && r[i+1] >= utf8.RuneSelf:
			r[i] = '·'
		}
	}
	for i := range r {
		if r[i] != '·' {
			continue
		}
		if i == 0 || i == len(r)-1 {
			return "", "starts or ends with the middle dot ·"
		}
		if r[i+1] == '·' || unicode.IsSpace(r[i+1]) || unicode.IsSpace(r[i-1]) {
			return "", "has a misplaced middle dot · (two in a row or next to a space)"
		}
	}
	return string(r), ""
}

// parseBool reads 是/否, Y/N, yes/no, true/false, 1/0, √/✓/✔, 有/无; empty
// is false.
func parseBool(s string) (bool, string) {
	switch strings.ToLower(foldWidth(cleanCell(s))) {
	case "", "否", "n", "no", "false", "0", "无", "不是":
		return false, ""
	case "是", "y", "yes", "true", "1", "√", "✓", "✔", "有":
		return true, ""
	}
	return false, "is not yes or no (是/否, Y/N, yes/no, true/false, 1/0, √ or empty)"
}

// parseGender reads 男/女, M/F, male/female (and 男性/女性) into 男 or 女.
// Empty stays empty: the gender is not known.
func parseGender(s string) (string, string) {
	switch strings.ToLower(foldWidth(cleanCell(s))) {
	case "":
		return "", ""
	case "男", "男性", "m", "male":
		return "男", ""
	case "女", "女性", "f", "female":
		return "女", ""
	}
	return "", "is not a gender (男/女 or M/F)"
}

// ethnicityEn maps the usual English names of ethnic groups to Chinese.
var ethnicityEn = map[string]string{
	"han": "汉族", "uyghur": "维吾尔族", "uygur": "维吾尔族", "uighur": "维吾尔族", "hui": "回族",
	"kazakh": "哈萨克族", "kazak": "哈萨克族", "mongol": "蒙古族", "mongolian": "蒙古族",
	"manchu": "满族", "xibe": "锡伯族", "sibe": "锡伯族", "tujia": "土家族", "zhuang": "壮族",
	"tibetan": "藏族", "kyrgyz": "柯尔克孜族", "kirgiz": "柯尔克孜族", "tajik": "塔吉克族",
	"uzbek": "乌孜别克族", "tatar": "塔塔尔族", "russian": "俄罗斯族", "dongxiang": "东乡族",
	"salar": "撒拉族", "daur": "达斡尔族", "miao": "苗族", "yi": "彝族", "dong": "侗族",
	"bai": "白族", "tu": "土族", "korean": "朝鲜族",
}

// parseEthnicity normalises 民族: "汉" → "汉族", "Uyghur" → "维吾尔族"; other
// text is kept as written. Empty stays empty (not known).
func parseEthnicity(s string) (string, string) {
	s, why := cleanText(s)
	if why != "" || s == "" {
		return "", why
	}
	if zh, ok := ethnicityEn[strings.ToLower(foldWidth(s))]; ok {
		return zh, ""
	}
	allHan := true
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			allHan = false
		}
	}
	if allHan && !strings.HasSuffix(s, "族") && s != "穿青人" {
		s += "族"
	}
	return s, ""
}

var (
	reDateSep = regexp.MustCompile(`^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$`)
	reDateCJK = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$`)
	reDate8   = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	reSerial  = regexp.MustCompile(`^\d{1,7}(\.\d+)?$`)
)

const dateFormats = "is not a date (2003-05-01, 2003/5/1, 2003.5.1, 20030501 or 2003年5月1日)"

// parseBirthDate reads the date forms a secretary types, and for XLSX the
// serial number of a date cell, into YYYY-MM-DD. serial holds the XLSX date
// system (nil for CSV: a bare number is then not a date). Empty stays empty.
func parseBirthDate(s string, serial *bool) (string, string) {
	s = foldWidth(cleanCell(s))
	if s == "" {
		return "", ""
	}
	var m []string
	for _, re := range []*regexp.Regexp{reDateSep, reDateCJK, reDate8} {
		if m = re.FindStringSubmatch(s); m != nil {
			break
		}
	}
	if m == nil {
		if serial != nil && reSerial.MatchString(s) {
			return excelSerialDate(s, *serial)
		}
		return "", dateFormats
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	return checkDate(y, mo, d)
}

// checkDate accepts a real calendar date from 1900 to 2099.
func checkDate(y, m, d int) (string, string) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return "", "is not a real calendar date"
	}
	if y < 1900 || y > 2099 {
		return "", "is not a plausible birth date (year outside 1900–2099)"
	}
	return t.Format("2006-01-02"), ""
}

// excelSerialDate converts a spreadsheet date serial (days since 1899-12-30,
// or since 1904-01-01 in the 1904 system); the time of day is dropped.
func excelSerialDate(s string, date1904 bool) (string, string) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1 || f > 2958465 {
		return "", dateFormats
	}
	days := int(f)
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	} else if days < 61 {
		// Serials 1–60 fall before Lotus 1-2-3's fictitious 1900-02-29.
		days++
	}
	t := base.AddDate(0, 0, days)
	return checkDate(t.Year(), int(t.Month()), t.Day())
}

// parseRosterKind reads 代表类别 with agenda.ParseKind, case-insensitively
// for the English words.
func parseRosterKind(s string) (model.Kind, string) {
	s = cleanCell(s)
	if k, ok := model.ParseKind(s); ok {
		return k, ""
	}
	if k, ok := model.ParseKind(strings.ToLower(foldWidth(s))); ok {
		return k, ""
	}
	return 0, "is not a kind (正式/列席/特邀 or formal/observer/guest)"
}

// cleanID reads an id: trimmed, not empty, no control character.
func cleanID(s string) (string, string) {
	s = cleanCell(s)
	switch {
	case s == "":
		return "", "is empty; every row needs an id when the file has an id column"
	case hasControl(s):
		return "", "holds a control character (tab or line break)"
	}
	return s, ""
}

// autoID is the id given to the n-th person (from 1) of a file without ids.
func autoID(n int) string { return fmt.Sprintf("D%04d", n) }
