package election

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"podium/model"
)

// partsString writes a verdict's parts as "cat:sel/seats:ok|reason;…".
func partsString(v Verdict) string {
	var out []string
	for _, p := range v.Parts {
		st := "ok"
		if !p.Valid {
			st = p.Reason
		}
		out = append(out, fmt.Sprintf("%s:%d/%d:%s", p.Category, p.Selections, p.Seats, st))
	}
	return strings.Join(out, ";")
}

// voidString writes a verdict's void write-ins as "index:reason,…".
func voidString(v Verdict) string {
	var out []string
	for _, w := range v.VoidWriteIns {
		out = append(out, fmt.Sprintf("%d:%s", w.Index, w.Reason))
	}
	return strings.Join(out, ",")
}

func TestJudge(t *testing.T) {
	m := model.DefaultMethod(13)
	s := slate15()
	none := m
	none.WriteIns = model.WriteInsNone
	cm, cs := seedMethod() // 主席团 3 (4 candidates), 分院 7 (8), 社团 3 (3)
	bm := cm
	bm.OverSelection = model.OverSelectionBallot
	round := func(m model.Method, s []model.Candidate) Round { return regular(m, s, 100, nil) }
	second := Round{Method: m, Slate: s[13:], Kind: Second, Seats: map[string]int{"": 2}, Expected: 122, Present: 100}
	ws := func(names ...string) []WriteIn {
		var out []WriteIn
		for _, n := range names {
			cat, name, ok := strings.Cut(n, "/")
			if !ok {
				cat, name = "", n
			}
			out = append(out, WriteIn{Name: name, Category: cat})
		}
		return out
	}
	tests := []struct {
		name   string
		r      Round
		b      Ballot
		valid  bool
		reason string
		sel    int
		parts  string
		void   string
	}{
		{"§9.3: 14 ○ invalid", round(m, s), Ballot{Marks: marks("○○○○○○○○○○○○○○")}, false, ReasonOverSelection, 14,
			":14/13:over-selection", ""},
		{"§9.4: 12 ○ + 1 × + 1 write-in, 13 selections", round(m, s), Ballot{Marks: marks("○○○○○○○○○○○○×"), WriteIns: ws("王五")}, true, "", 13,
			":13/13:ok", ""},
		{"§9.5: 11 ○, 2 write-ins without ×, both void", round(m, s), Ballot{Marks: marks("○○○○○○○○○○○  "), WriteIns: ws("甲", "乙")}, true, "", 11,
			":11/13:ok", "0:" + VoidNoDisapproval + ",1:" + VoidNoDisapproval},
		{"blank ballot valid", round(m, s), Ballot{}, true, "", 0, ":0/13:ok", ""},
		{"13 ○ valid", round(m, s), Ballot{Marks: marks("○○○○○○○○○○○○○")}, true, "", 13, ":13/13:ok", ""},
		{"marks beyond the slate ignored", round(m, s), Ballot{Marks: marks("○○○○○○○○○○○○○  ○○○")}, true, "", 13, ":13/13:ok", ""},
		{"stray marks abstain", round(m, s), Ballot{Marks: []Mark{7, 9, Approve}}, true, "", 1, ":1/13:ok", ""},
		{"write-in over-selects", round(m, s), Ballot{Marks: marks("○○○○○○○○○○○○××"), WriteIns: ws("甲", "乙")}, false, ReasonOverSelection, 14,
			":14/13:over-selection", ""},
		{"beyond the × count", round(m, s), Ballot{Marks: marks("××"), WriteIns: ws("甲", "乙", "丙")}, true, "", 2,
			":2/13:ok", "2:" + VoidNoDisapproval},
		{"names a listed candidate", round(m, s), Ballot{Marks: marks("×"), WriteIns: ws("C05", "甲")}, true, "", 1,
			":1/13:ok", "0:" + VoidListed},
		{"repeats a name, even a void one", round(m, s), Ballot{Marks: marks("××"), WriteIns: ws("C01", "甲", " 甲 ", "C01", "乙")}, true, "", 2,
			":2/13:ok", "0:" + VoidListed + ",2:" + VoidRepeated + ",3:" + VoidListed},
		{"blank write-in ignored", round(m, s), Ballot{Marks: marks("×"), WriteIns: ws(" ", "甲")}, true, "", 1, ":1/13:ok", ""},
		{"method forbids write-ins", round(none, s), Ballot{Marks: marks("×"), WriteIns: ws("甲")}, true, "", 0,
			":0/13:ok", "0:" + VoidNotAllowed},
		{"no write-ins in a second round", second, Ballot{Marks: marks("×"), WriteIns: ws("甲")}, true, "", 0,
			":0/2:ok", "0:" + VoidRoundKind},
		{"second round: a third ○ beyond its 2-candidate slate", second, Ballot{Marks: marks("○○○")}, true, "", 2,
			":2/2:ok", ""},
		{"spoiled", round(m, s), Ballot{Marks: marks("○"), Spoiled: "signed"}, false, "spoiled: signed", 1,
			":1/13:spoiled", ""},
		{"categories: one part over-selected", round(cm, cs), Ballot{Marks: marks("○○○○" + "○○○○○○○ " + "○")}, false, ReasonOverSelection, 12,
			"主席团:4/3:over-selection;分院:7/7:ok;社团:1/3:ok", ""},
		{"categories: write-in in its own category", round(cm, cs), Ballot{Marks: marks("×○○ " + "○○○○○○○"), WriteIns: ws("主席团/甲", "社团/乙", "无此类/丙", "/丁")}, true, "", 10,
			"主席团:3/3:ok;分院:7/7:ok;社团:0/3:ok", "1:" + VoidNoDisapproval + ",2:" + VoidUnknownCategory + ",3:" + VoidUnknownCategory},
		{"categories: write-in over-selects its part", round(cm, cs), Ballot{Marks: marks("○○○×"), WriteIns: ws("主席团/甲")}, false, ReasonOverSelection, 4,
			"主席团:4/3:over-selection;分院:0/7:ok;社团:0/3:ok", ""},
		{"per ballot: 14 selections over categories", round(bm, cs), Ballot{Marks: marks("○○○○" + "○○○○○○○○" + "○○")}, false, ReasonOverSelection, 14,
			"主席团:4/3:over-selection;分院:8/7:over-selection;社团:2/3:over-selection", ""},
		{"per ballot: 4 in one category, 13 in all, valid", round(bm, cs), Ballot{Marks: marks("○○○○" + "○○○○○○○○" + "○")}, true, "", 13,
			"主席团:4/3:ok;分院:8/7:ok;社团:1/3:ok", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Judge(tt.r, tt.b)
			if v.Valid != tt.valid || v.Reason != tt.reason || v.Selections != tt.sel {
				t.Errorf("valid %v reason %q selections %d, want %v %q %d", v.Valid, v.Reason, v.Selections, tt.valid, tt.reason, tt.sel)
			}
			if got := partsString(v); got != tt.parts {
				t.Errorf("parts %s\nwant  %s", got, tt.parts)
			}
			if got := voidString(v); got != tt.void {
				t.Errorf("void write-ins %s, want %s", got, tt.void)
			}
		})
	}
}

func TestJudgeSecondRoundSlate(t *testing.T) {
	// The case above with "○○○" on a 2-candidate slate is valid; this one
	// over-selects with a write-in-free 3-candidate slate for 2 seats.
	m := model.DefaultMethod(13)
	r := Round{Method: m, Slate: slate15()[12:], Kind: Second, Seats: map[string]int{"": 2}, Expected: 122, Present: 100}
	v := Judge(r, Ballot{Marks: marks("○○○")})
	if v.Valid || v.Selections != 3 || v.Seats != 2 || !v.PerBallot {
		t.Errorf("%+v", v)
	}
}

func TestJudgeBadInput(t *testing.T) {
	r := Round{Method: model.DefaultMethod(13), Slate: slate15(), Kind: Runoff} // a runoff needs its seats
	if _, err := NewJudge(r); err == nil {
		t.Fatal("NewJudge accepted a runoff without seats")
	}
	v := Judge(r, Ballot{})
	if v.Valid || !strings.HasPrefix(v.Reason, "bad input: ") || v.Parts != nil {
		t.Errorf("%+v", v)
	}
}

// TestJudgeAgreesWithCount judges every ballot of random rounds and checks
// Count's verdicts against Judge's: a ballot (or part) is invalid in Count
// iff Judge says so, and the write-ins Judge leaves valid are exactly the
// write-in approvals Count tallies.
func TestJudgeAgreesWithCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	seen := map[string]int{}
	for it := range 3000 {
		r := randomRound(rng)
		res := Count(r)
		j, err := NewJudge(r)
		if err != nil {
			t.Fatal(err)
		}
		invalid := map[int][]InvalidBallot{}
		for _, ib := range res.InvalidBallots {
			invalid[ib.Index] = append(invalid[ib.Index], ib)
		}
		void, valid := 0, 0
		written := map[string]int{} // category/name → approvals
		for bi, b := range r.Ballots {
			v := j.Judge(b)
			if v.Valid {
				valid++
			}
			ibs := invalid[bi]
			if v.Valid != (len(ibs) == 0) {
				t.Fatalf("%d/%d: Judge valid %v, Count %+v", it, bi, v.Valid, ibs)
			}
			var want []string
			switch {
			case b.Spoiled != "" || (v.PerBallot && !v.Valid):
				want = []string{"|" + v.Reason}
			default:
				for _, p := range v.Parts {
					if !p.Valid {
						want = append(want, p.Category+"|"+p.Reason)
					}
				}
			}
			var got []string
			for _, ib := range ibs {
				got = append(got, ib.Category+"|"+ib.Reason)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%d/%d: Count %v, Judge %v", it, bi, got, want)
			}
			// The same ballot alone: Count's void write-ins are Judge's.
			one := r
			one.Ballots = []Ballot{b}
			if n := Count(one).VoidWriteIns; b.Spoiled == "" && n != len(v.VoidWriteIns) {
				t.Fatalf("%d/%d: Count %d void write-ins, Judge %v", it, bi, n, v.VoidWriteIns)
			}
			if b.Spoiled != "" {
				seen["spoiled"]++
				continue
			}
			void += len(v.VoidWriteIns)
			for wi, w := range b.WriteIns {
				name := strings.TrimSpace(w.Name)
				if name == "" || slices.ContainsFunc(v.VoidWriteIns, func(x VoidWriteIn) bool { return x.Index == wi }) {
					continue
				}
				cat := ""
				if len(r.Method.Categories) > 0 {
					cat = w.Category
				}
				for _, p := range v.Parts {
					if p.Category == cat && p.Valid {
						written[cat+"/"+name]++
					}
				}
			}
			if len(v.VoidWriteIns) > 0 {
				seen["void write-in"]++
			}
		}
		if valid != res.Valid || void != res.VoidWriteIns {
			t.Fatalf("%d: Judge %d valid %d void write-ins, Count %d %d", it, valid, void, res.Valid, res.VoidWriteIns)
		}
		counted := map[string]int{}
		for _, c := range res.Candidates {
			if c.WriteIn {
				counted[c.Category+"/"+c.Name] = c.Approve
			}
		}
		if fmt.Sprint(counted) != fmt.Sprint(written) {
			t.Fatalf("%d: Count's write-ins %v, from Judge %v", it, counted, written)
		}
		if len(written) > 0 {
			seen["write-in"]++
		}
		if res.Invalid > 0 {
			seen["invalid"]++
		}
	}
	for _, k := range []string{"spoiled", "void write-in", "write-in", "invalid"} {
		if seen[k] < 50 {
			t.Errorf("only %d with %s: the generator misses cases", seen[k], k)
		}
	}
}

func BenchmarkJudge(b *testing.B) {
	m, s := seedMethod()
	j, err := NewJudge(regular(m, s, 100, nil))
	if err != nil {
		b.Fatal(err)
	}
	bl := Ballot{Marks: marks("×○○ " + "○○○○○○○"), WriteIns: []WriteIn{{Name: "甲", Category: "主席团"}}}
	for b.Loop() {
		j.Judge(bl)
	}
}

// TestJudgePartly: RULES §6.3. A ballot over-selected in one category's
// part is partly invalid (the other parts are counted); over-selected in
// every part, spoiled, or judged per ballot it is wholly invalid.
func TestJudgePartly(t *testing.T) {
	cm, cs := seedMethod() // 主席团 3 (4 candidates), 分院 7 (8), 社团 3 (3)
	bm := cm
	bm.OverSelection = model.OverSelectionBallot
	eight := marks("○○○" + "○○○○○○○○" + "○")
	for _, c := range []struct {
		name   string
		m      model.Method
		b      Ballot
		partly bool
	}{
		{"分院 over-selected", cm, Ballot{Marks: eight}, true},
		{"two parts over-selected, 社团 valid (all abstain)", cm, Ballot{Marks: marks("○○○○" + "○○○○○○○○")}, true},
		{"spoiled", cm, Ballot{Marks: eight, Spoiled: "x"}, false},
		{"judged per ballot", bm, Ballot{Marks: marks("○○○" + "○○○○○○○○○" + "○○○")}, false},
		{"valid", cm, Ballot{Marks: marks("○○○")}, false},
	} {
		v := Judge(regular(c.m, cs, 100, nil), c.b)
		if v.Partly != c.partly || (c.partly && v.Valid) {
			t.Errorf("%s: partly %v valid %v (%s)", c.name, v.Partly, v.Valid, partsString(v))
		}
	}
}
