package records

import (
	"strings"
)

// renderMarkdown writes every document into one Markdown file for pasting
// into a report: a level-1 heading per document, fields as a two-column
// table, tables as pipe tables, signature lines as a line to sign, the
// digest in italics at the end of each, a rule between documents.
func renderMarkdown(docs []document) []byte {
	var b strings.Builder
	for i, d := range docs {
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		b.WriteString("# " + mdCell(d.Title) + "\n\n")
		b.WriteString(mdCell(d.Sub) + "\n\n")
		for _, bl := range d.Blocks {
			switch bl.Kind {
			case bHeading:
				b.WriteString(strings.Repeat("#", bl.Level) + " " + mdCell(bl.Text) + "\n\n")
			case bText:
				b.WriteString(mdCell(bl.Text) + "\n\n")
			case bFields:
				if bl.Inline {
					var parts []string
					for _, f := range bl.Fields {
						parts = append(parts, "**"+mdCell(f[0])+"**"+d.Colon+mdCell(f[1]))
					}
					b.WriteString(strings.Join(parts, "　") + "\n\n")
					continue
				}
				b.WriteString("| | |\n|---|---|\n")
				for _, f := range bl.Fields {
					b.WriteString("| **" + mdCell(f[0]) + "** | " + mdCell(f[1]) + " |\n")
				}
				b.WriteString("\n")
			case bTable:
				mdRow(&b, bl.Head)
				b.WriteString("|")
				for i := range bl.Head {
					if bl.Num[i] {
						b.WriteString("---:|")
					} else {
						b.WriteString("---|")
					}
				}
				b.WriteString("\n")
				for _, r := range bl.Rows {
					mdRow(&b, r)
				}
				b.WriteString("\n")
			case bSigns:
				for _, s := range bl.Signs {
					b.WriteString(mdCell(s[0]) + d.Colon + "________________")
					if s[1] != "" {
						b.WriteString(" " + mdCell(s[1]))
					}
					b.WriteString("  \n")
				}
				b.WriteString("\n")
			}
		}
		b.WriteString("*" + mdCell(d.Footer) + "*\n")
	}
	return []byte(b.String())
}

func mdRow(b *strings.Builder, cells []string) {
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" " + mdCell(c) + " |")
	}
	b.WriteString("\n")
}

// mdCell escapes what Markdown would read as markup, and keeps a cell on
// one line.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "#", `\#`, "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`,
	"\r\n", "<br>", "\n", "<br>",
)

func mdCell(s string) string { return mdEscaper.Replace(s) }
