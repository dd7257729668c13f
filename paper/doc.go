// Package paper prints what a paper-ballot congress needs before it sits
// and while it rehearses: the ballots of the round about to open (选票),
// from the session's slate and never retyped; the delegates' credentials
// (代表证) with a Code 128 barcode and a QR code of each id, and the desk
// lists per unit; the rehearsal's test deck (演练测试票) with its expected
// result, the test report and the zero report.
//
// Every document is one print-ready HTML file (A4 or A5) on package
// printout's base, as the records are; the command line prints it to PDF
// where Chromium is installed. The package reads the State once and never
// the clock, so the same state always gives the same bytes.
package paper
