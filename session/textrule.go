package session

import (
	"strings"
	"unicode/utf8"
)

// Rule C (clean text, RULES §1 and §7: every record tells what happened
// and no more): no text of a command may hold a character that makes a
// record print otherwise than it is stored or that a terminal or a
// spreadsheet would act on. The core refuses (a *TextError naming the
// field, the character and its place), so nothing of the kind is ever
// stored; the screens strip such characters as they are typed or pasted
// (StripText), and the file readers refuse them with file and line.
//
// Refused everywhere: the C0 controls U+0000–U+001F (NUL, BEL, ESC, CR
// …), DEL U+007F, the C1 controls U+0080–U+009F, the bidirectional
// embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069 and
// the marks U+200E, U+200F and U+061C, and invalid UTF-8. Allowed in the
// texts that are paragraphs (paragraphFields: a question, an answer, a
// motion's text, a note, a script, a reason) and nowhere else: line feed
// U+000A and tab U+0009. The paragraphs are the texts of longFields (the
// prose, whose length limit is MaxText); checkText walks every text of a
// command for both rules.

// badRune reports whether r is refused by Rule C in a field (paragraph:
// one of longFields).
func badRune(r rune, paragraph bool) bool {
	switch {
	case r == '\n' || r == '\t':
		return !paragraph
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == utf8.RuneError:
		return true
	}
	return false
}

// CleanText returns nil when s obeys Rule C as a one-line text
// (paragraph false) or a paragraph, else the *TextError for field.
func CleanText(field, s string, paragraph bool) error {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return &TextError{Field: field, Rune: r, Offset: i}
			}
			continue // a real U+FFFD is text
		}
		if badRune(r, paragraph) {
			return &TextError{Field: field, Rune: r, Offset: i}
		}
	}
	return nil
}

// StripText removes from s what Rule C refuses (line feeds and tabs too
// unless paragraph): what the screens do to typed and pasted text.
func StripText(s string, paragraph bool) string {
	if CleanText("", s, paragraph) == nil {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				continue
			}
		} else if badRune(r, paragraph) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
