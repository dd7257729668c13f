package records

import (
	"html"
	"strings"
)

// The print style: A4 with 18 mm margins, a CJK font stack, each document
// on a new page, tables with borders, the digest in every page's footer
// (CSS margin boxes, where the browser prints them) and at the end of each
// document. No external resources, no scripts.
const css = `@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-center { content: "%s"; font-size: 7pt; color: #555; } }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", "Microsoft YaHei", "Noto Sans SC", sans-serif;
  font-size: 10.5pt; line-height: 1.5; color: #000; margin: 0; }
@page wide { size: A4 landscape; }
section.doc { page-break-before: always; break-before: page; }
section.wide { page: wide; }
section.doc:first-of-type { page-break-before: auto; break-before: auto; }
.sub { text-align: center; margin: 0; font-size: 11pt; }
h1 { text-align: center; font-size: 18pt; margin: 2mm 0 5mm; letter-spacing: 0.1em; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; border-bottom: 0.5pt solid #000; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; page-break-after: avoid; break-after: avoid; }
p { margin: 1.5mm 0; break-after: avoid; page-break-after: avoid; }
p.line span { display: inline-block; margin-right: 6mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; page-break-inside: auto; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: bold; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.fields { width: auto; min-width: 60%; }
table.fields th { width: 9em; }
.signs { display: flex; flex-wrap: wrap; gap: 6mm 12mm; margin: 10mm 0 4mm; }
.sign { min-width: 48mm; }
.sign .line { display: inline-block; width: 38mm; border-bottom: 0.6pt solid #000; margin-left: 2mm; }
.sign .who { font-size: 9pt; color: #333; }
footer { margin-top: 6mm; padding-top: 1.5mm; border-top: 0.5pt solid #777; font-size: 8pt; color: #333; word-break: break-all; }
@media screen { body { max-width: 265mm; margin: 10mm auto; } section.doc { border-bottom: 1px dashed #999; padding-bottom: 10mm; margin-bottom: 10mm; } }
`

var esc = html.EscapeString

// renderHTML writes one print-ready HTML file with every document.
func renderHTML(r *Record, docs []document) []byte {
	var b strings.Builder
	lang := "zh-CN"
	if r.Lang == "en" {
		lang = "en"
	}
	title := r.Congress.Name
	if len(docs) > 0 {
		title = docs[0].Sub
	}
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<title>" + esc(title) + "</title>\n<style>\n")
	footer := ""
	if len(docs) > 0 {
		footer = strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(docs[0].Footer)
	}
	b.WriteString(strings.Replace(css, "%s", footer, 1))
	b.WriteString("</style>\n</head>\n<body>\n")
	for _, d := range docs {
		class := "doc"
		if d.Wide {
			class += " wide"
		}
		b.WriteString("<section class=\"" + class + "\" id=\"" + esc(d.File) + "\">\n")
		b.WriteString("<p class=\"sub\">" + esc(d.Sub) + "</p>\n<h1>" + esc(d.Title) + "</h1>\n")
		for _, bl := range d.Blocks {
			switch bl.Kind {
			case bHeading:
				h := "h" + itoa(bl.Level)
				b.WriteString("<" + h + ">" + esc(bl.Text) + "</" + h + ">\n")
			case bText:
				b.WriteString("<p>" + escLines(bl.Text) + "</p>\n")
			case bFields:
				if bl.Inline {
					b.WriteString("<p class=\"line\">")
					for i, f := range bl.Fields {
						if i > 0 {
							b.WriteString(" ")
						}
						b.WriteString("<span><b>" + esc(f[0]) + "</b>" + esc(d.Colon) + escLines(f[1]) + "</span>")
					}
					b.WriteString("</p>\n")
					continue
				}
				b.WriteString("<table class=\"fields\">\n")
				for _, f := range bl.Fields {
					b.WriteString("<tr><th>" + esc(f[0]) + "</th><td>" + escLines(f[1]) + "</td></tr>\n")
				}
				b.WriteString("</table>\n")
			case bTable:
				b.WriteString("<table>\n<thead><tr>")
				for i, h := range bl.Head {
					b.WriteString("<th" + numClass(bl.Num[i]) + ">" + esc(h) + "</th>")
				}
				b.WriteString("</tr></thead>\n<tbody>\n")
				for _, row := range bl.Rows {
					b.WriteString("<tr>")
					for i, c := range row {
						b.WriteString("<td" + numClass(bl.Num[i]) + ">" + escLines(c) + "</td>")
					}
					b.WriteString("</tr>\n")
				}
				b.WriteString("</tbody>\n</table>\n")
			case bSigns:
				b.WriteString("<div class=\"signs\">\n")
				for _, s := range bl.Signs {
					b.WriteString("<div class=\"sign\">" + esc(s[0]) + "<span class=\"line\"></span>")
					if s[1] != "" {
						b.WriteString("<div class=\"who\">" + esc(s[1]) + "</div>")
					}
					b.WriteString("</div>\n")
				}
				b.WriteString("</div>\n")
			}
		}
		b.WriteString("<footer>" + esc(d.Footer) + "</footer>\n</section>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

func numClass(num bool) string {
	if num {
		return ` class="num"`
	}
	return ""
}

// escLines escapes s and keeps its line breaks.
func escLines(s string) string {
	return strings.ReplaceAll(esc(s), "\n", "<br>")
}
