package model

import (
	"fmt"
	"strings"
)

// Base is what an election threshold is measured against.
type Base string

// The bases a method may use (RULES §6.1).
const (
	BaseExpected Base = "expected" // 应到: every formal delegate on the roster
	BasePresent  Base = "present"  // 实到: formal delegates present at the round
	BaseValid    Base = "valid"    // valid ballots of the category
)

// WriteIns says whether a voter may write in another person (另选他人).
type WriteIns string

// The write-in rules of RULES §6.3.
const (
	WriteInsNone            WriteIns = "none"             // no write-ins at all
	WriteInsWithDisapproval WriteIns = "with_disapproval" // one write-in per ×
)

// OverSelection says where too many selections make a ballot invalid.
type OverSelection string

// The over-selection rules of RULES §6.1.
const (
	OverSelectionCategory OverSelection = "category" // only that category's part is invalid
	OverSelectionBallot   OverSelection = "ballot"   // the whole ballot is invalid
)

// Tie says what a tie across the cut-off leads to (RULES §6.4 step 3).
type Tie string

// The tie policies of RULES §6.1. "" reads as TieRunoff (methods written
// before the setting existed).
const (
	TieRunoff Tie = "runoff" // a runoff among the tied (重新投票), the seed's rule
	TieVacant Tie = "vacant" // the tied are not elected; their seats stay vacant (缺额)
)

// OtherMarks says what a cell of a ballots file that is not ○, × or blank
// (nor a documented alias) is (RULES §6.1, §6.3).
type OtherMarks string

// The policies for other marks. "" reads as OtherMarksError.
const (
	OtherMarksError   OtherMarks = "error"   // an input error naming file, line and column
	OtherMarksAbstain OtherMarks = "abstain" // an abstention, as the scrutineers would judge it on paper
)

// Category is one part of the seats, e.g. 主席团 3.
type Category struct {
	Name  string `json:"name"`
	Seats int    `json:"seats"`
}

// Method is the election method (选举办法). Its fields mirror the TOML
// contract of `podium count`; the defaults are the seed's (附件3, 附件4).
type Method struct {
	Seats         int           `json:"seats"`
	Quorum        Fraction      `json:"quorum"`         // of expected
	Threshold     Fraction      `json:"threshold"`      // approvals needed
	ThresholdBase Base          `json:"threshold_base"` // what the threshold is of
	WriteIns      WriteIns      `json:"write_ins"`
	OverSelection OverSelection `json:"over_selection"`
	Categories    []Category    `json:"categories,omitempty"`
	// Tie is what a tie across the cut-off leads to: a runoff (the seed's
	// rule, "" too) or vacant seats.
	Tie Tie `json:"tie,omitempty"`
	// OtherMarks is what an unknown cell of a ballots file is: an error
	// ("" too) or an abstention.
	OtherMarks OtherMarks `json:"other_marks,omitempty"`
}

// TieRule is the method's tie policy, TieRunoff when unset.
func (m Method) TieRule() Tie {
	if m.Tie == "" {
		return TieRunoff
	}
	return m.Tie
}

// OtherMarksRule is the method's policy for other marks in a ballots
// file, OtherMarksError when unset.
func (m Method) OtherMarksRule() OtherMarks {
	if m.OtherMarks == "" {
		return OtherMarksError
	}
	return m.OtherMarks
}

// DefaultMethod returns the seed's method for the given seats without
// categories: quorum 超过 4/5 of expected, threshold 超过 1/2 of expected,
// write-ins with disapproval, over-selection per category, a runoff among
// the tied at the cut-off, and an unknown cell of a ballots file an error.
func DefaultMethod(seats int) Method {
	return Method{
		Seats:         seats,
		Quorum:        Fraction{4, 5, true},
		Threshold:     Fraction{1, 2, true},
		ThresholdBase: BaseExpected,
		WriteIns:      WriteInsWithDisapproval,
		OverSelection: OverSelectionCategory,
		Tie:           TieRunoff,
		OtherMarks:    OtherMarksError,
	}
}

// MaxMethodSeats bounds seats and fraction terms in a method, so that the
// integer threshold tests of package session can never overflow.
const MaxMethodSeats = 100000

// ValidMethod reports the first reason m is unusable, or nil: seats in
// 1..MaxMethodSeats, valid fractions with terms up to MaxMethodSeats, known
// enum values, categories with non-empty distinct names and positive seats
// adding up to Seats.
func ValidMethod(m Method) error {
	if m.Seats <= 0 || m.Seats > MaxMethodSeats {
		return fmt.Errorf("seats %d out of 1..%d", m.Seats, MaxMethodSeats)
	}
	for _, f := range []Fraction{m.Quorum, m.Threshold} {
		if !f.Valid() || f.Den > MaxMethodSeats {
			return fmt.Errorf("bad fraction %d/%d", f.Num, f.Den)
		}
	}
	switch m.ThresholdBase {
	case BaseExpected, BasePresent, BaseValid:
	default:
		return fmt.Errorf("unknown threshold base %q", m.ThresholdBase)
	}
	switch m.WriteIns {
	case WriteInsNone, WriteInsWithDisapproval:
	default:
		return fmt.Errorf("unknown write-in rule %q", m.WriteIns)
	}
	switch m.OverSelection {
	case OverSelectionCategory, OverSelectionBallot:
	default:
		return fmt.Errorf("unknown over-selection rule %q", m.OverSelection)
	}
	switch m.Tie {
	case "", TieRunoff, TieVacant:
	default:
		return fmt.Errorf("unknown tie rule %q", m.Tie)
	}
	switch m.OtherMarks {
	case "", OtherMarksError, OtherMarksAbstain:
	default:
		return fmt.Errorf("unknown rule for other marks %q", m.OtherMarks)
	}
	if len(m.Categories) == 0 {
		return nil
	}
	sum, seen := 0, map[string]bool{}
	for _, c := range m.Categories {
		if strings.TrimSpace(c.Name) == "" || seen[c.Name] {
			return fmt.Errorf("empty or duplicate category name %q", c.Name)
		}
		seen[c.Name] = true
		if c.Seats <= 0 || c.Seats > MaxMethodSeats {
			return fmt.Errorf("category %q: seats %d out of 1..%d", c.Name, c.Seats, MaxMethodSeats)
		}
		sum += c.Seats
	}
	if sum != m.Seats {
		return fmt.Errorf("seats = %d but the categories add up to %d", m.Seats, sum)
	}
	return nil
}
