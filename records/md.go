package records

import (
	"fmt"
	"strings"
)

// renderMarkdown writes every document into one Markdown file for pasting
// into a report: a level-1 heading per document (with the draft mark while
// the congress is not closed), fields as a two-column table, tables as pipe
// tables, a line per signer with the printed name, a line to sign and a
// date, the digest in italics at the end of each, a rule between
// documents.
func renderMarkdown(r *Record, docs []document) []byte {
	w := termsFor(r.Lang)
	digest := fmt.Sprintf(w.digest, r.Digest.Events, r.Digest.HeadHex())
	var b strings.Builder
	for i, d := range docs {
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		b.WriteString("# " + mdCell(d.Title) + "\n\n")
		b.WriteString(mdCell(d.Sub) + "\n\n")
		if r.Rehearsal {
			b.WriteString("**" + mdCell(w.rehearsalMark) + "**\n\n")
		}
		if !r.Final() {
			b.WriteString("**" + mdCell(w.draftMark) + "**\n\n")
		}
		for _, bl := range d.Blocks {
			switch bl.Kind {
			case bHeading:
				b.WriteString(strings.Repeat("#", min(bl.Level, 4)) + " " + mdCell(bl.Text) + "\n\n")
			case bText:
				b.WriteString(mdCell(bl.Text) + "\n\n")
			case bFields:
				if bl.Inline {
					var parts []string
					for _, f := range bl.Fields {
						parts = append(parts, "**"+mdCell(f.Label)+"**"+w.colon()+mdCell(f.Value.Text))
					}
					b.WriteString(strings.Join(parts, w.pick("　", "  ")) + "\n\n")
					continue
				}
				b.WriteString("| | |\n|---|---|\n")
				for _, f := range bl.Fields {
					b.WriteString("| **" + mdCell(f.Label) + "** | " + mdCell(f.Value.Text) + " |\n")
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
				for j, r := range bl.Rows {
					cells := make([]string, len(r))
					for i, c := range r {
						cells[i] = mdCell(c.Text)
						if bl.Struck[j] && i < len(r)-2 && c.Text != "" {
							cells[i] = "~~" + cells[i] + "~~" // struck: all but the outcome and time
						}
					}
					mdCells(&b, cells)
				}
				b.WriteString("\n")
			case bSigns:
				for _, s := range bl.Signs {
					b.WriteString("**" + mdCell(s.Role) + "**" + w.colon() + mdCell(s.Name) + w.pick("　", "  ") +
						w.signature + w.colon() + "________________" + w.pick("　", "  ") + w.date + w.colon() + "____________  \n")
				}
				b.WriteString("\n")
			}
		}
		b.WriteString("*" + mdCell(digest) + "*\n")
	}
	return []byte(b.String())
}

func mdRow(b *strings.Builder, cells []string) {
	esc := make([]string, len(cells))
	for i, c := range cells {
		esc[i] = mdCell(c)
	}
	mdCells(b, esc)
}

// mdCells writes a row of cells already escaped.
func mdCells(b *strings.Builder, cells []string) {
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" " + c + " |")
	}
	b.WriteString("\n")
}

// mdCell escapes what Markdown would read as markup, and keeps a cell on
// one line.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "#", `\#`, "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`,
	"~", `\~`, "\r\n", "<br>", "\n", "<br>",
)

func mdCell(s string) string { return mdEscaper.Replace(s) }
