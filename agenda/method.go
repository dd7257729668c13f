package agenda

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
}

// DefaultMethod returns the seed's method for the given seats without
// categories: quorum 超过 4/5 of expected, threshold 超过 1/2 of expected,
// write-ins with disapproval, over-selection per category.
func DefaultMethod(seats int) Method {
	return Method{
		Seats:         seats,
		Quorum:        Fraction{4, 5, true},
		Threshold:     Fraction{1, 2, true},
		ThresholdBase: BaseExpected,
		WriteIns:      WriteInsWithDisapproval,
		OverSelection: OverSelectionCategory,
	}
}
