package files

import (
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"

	"podium/model"
)

// The election method file (选举办法) is TOML with the keys below. Every key
// is optional; a missing key takes the seed's value (DefaultMethod(13)), and a
// missing seats with categories takes the sum of the categories.
//
//	seats = 13                       # total; the sum of the categories when there are any
//	quorum = "4/5"                   # of expected (应到)
//	quorum_strict = true             # true: 超过 (>); false: 以上 (>=)
//	threshold = "1/2"
//	threshold_base = "expected"      # expected | present | valid
//	threshold_strict = true
//	write_ins = "with_disapproval"   # none | with_disapproval
//	over_selection = "category"      # category | ballot
//	tie = "runoff"                   # runoff | vacant: a tie at the cut-off (RULES §6.4)
//	other_marks = "error"            # error | abstain: a ballots file's unknown cell (RULES §6.1)
//	[[categories]]                   # optional
//	name = "主席团"
//	seats = 3

// ReadMethod reads an election method file; see ParseMethod.
func ReadMethod(path string) (model.Method, error) {
	data, err := readFile(path, MaxTOMLSize)
	if err != nil {
		return model.Method{}, err
	}
	return ParseMethod(path, data)
}

// methodDoc is the method file as decoded; the reader checks each value.
type methodDoc struct {
	Seats           tomlValue      `toml:"seats"`
	Quorum          tomlValue      `toml:"quorum"`
	QuorumStrict    tomlValue      `toml:"quorum_strict"`
	Threshold       tomlValue      `toml:"threshold"`
	ThresholdBase   tomlValue      `toml:"threshold_base"`
	ThresholdStrict tomlValue      `toml:"threshold_strict"`
	WriteIns        tomlValue      `toml:"write_ins"`
	OverSelection   tomlValue      `toml:"over_selection"`
	Tie             tomlValue      `toml:"tie"`
	OtherMarks      tomlValue      `toml:"other_marks"`
	Categories      toml.Primitive `toml:"categories"`
}

// categoryDoc is one [[categories]] table.
type categoryDoc struct {
	Name  tomlValue `toml:"name"`
	Seats tomlValue `toml:"seats"`
}

// methodKeys are the keys of a method file, for messages.
const methodKeys = "seats, quorum, quorum_strict, threshold, threshold_base, threshold_strict, write_ins, over_selection, tie, other_marks, [[categories]]"

// ParseMethod parses the TOML election method of file name. Unknown keys,
// bad fractions, unknown enum values, seats out of 1..MaxMethodSeats,
// categories that do not add up to seats and duplicate or empty category
// names are errors of type *FileError naming the file, the line and the
// key. A method returned without error passes ValidMethod.
func ParseMethod(name string, data []byte) (model.Method, error) {
	var doc methodDoc
	f, err := decodeTOML(name, data, &doc)
	if err != nil {
		return model.Method{}, err
	}
	var cats []categoryDoc
	if f.defined("categories") {
		const want = "must be [[categories]] tables, each with name and seats"
		var elems []toml.Primitive
		if fe := f.decode(doc.Categories, &elems, place("categories"), want); fe != nil {
			return model.Method{}, fe
		}
		cats = make([]categoryDoc, len(elems))
		for i, e := range elems {
			if fe := f.decode(e, &cats[i], place("categories", i), want); fe != nil {
				return model.Method{}, fe
			}
		}
	}
	if p := f.unknown(); p != nil {
		reason := "is not a key of a method file (known: " + methodKeys + ")"
		if len(p) > 1 && p[0].name == "categories" {
			reason = "is not a key of [[categories]] (known: name, seats)"
		}
		return model.Method{}, f.fail(p, nil, reason)
	}
	m, fe := doc.method(f, cats)
	if fe != nil {
		return model.Method{}, fe
	}
	if err := model.ValidMethod(m); err != nil { // unreachable unless the checks above miss a case
		return model.Method{}, &FileError{File: name, Reason: err.Error()}
	}
	return m, nil
}

// method checks the values and builds the method: a key left out keeps
// the seed's value (DefaultMethod), seats left out with categories is
// their sum.
func (d *methodDoc) method(f *tomlFile, cats []categoryDoc) (model.Method, *FileError) {
	m := model.DefaultMethod(13)
	for _, fr := range []struct {
		key    string
		v      *tomlValue
		strict *tomlValue
		into   *model.Fraction
	}{{"quorum", &d.Quorum, &d.QuorumStrict, &m.Quorum}, {"threshold", &d.Threshold, &d.ThresholdStrict, &m.Threshold}} {
		if fe := f.fraction(place(fr.key), fr.v, fr.strict, model.MaxMethodSeats, fr.into); fe != nil {
			return m, fe
		}
	}
	for _, e := range []struct {
		key     string
		v       *tomlValue
		into    *string
		allowed []string
	}{
		{"threshold_base", &d.ThresholdBase, (*string)(&m.ThresholdBase), []string{string(model.BaseExpected), string(model.BasePresent), string(model.BaseValid)}},
		{"write_ins", &d.WriteIns, (*string)(&m.WriteIns), []string{string(model.WriteInsNone), string(model.WriteInsWithDisapproval)}},
		{"over_selection", &d.OverSelection, (*string)(&m.OverSelection), []string{string(model.OverSelectionCategory), string(model.OverSelectionBallot)}},
		{"tie", &d.Tie, (*string)(&m.Tie), []string{string(model.TieRunoff), string(model.TieVacant)}},
		{"other_marks", &d.OtherMarks, (*string)(&m.OtherMarks), []string{string(model.OtherMarksError), string(model.OtherMarksAbstain)}},
	} {
		if !e.v.set {
			continue
		}
		s, _ := e.v.v.(string)
		found := false
		for _, a := range e.allowed {
			found = found || s == a
		}
		if !found {
			return m, f.fail(place(e.key), s, "must be one of "+strings.Join(e.allowed, ", "))
		}
		*e.into = s
	}
	seats := 0
	if d.Seats.set {
		n, why := seatsOf(d.Seats.v)
		if why != "" {
			return m, f.fail(place("seats"), nil, why)
		}
		seats = n
	}
	if cats != nil {
		c, fe := categoriesOf(f, cats)
		if fe != nil {
			return m, fe
		}
		m.Categories = c
		sum := 0
		for _, c := range c {
			sum += c.Seats
		}
		switch {
		case !d.Seats.set && sum > model.MaxMethodSeats:
			return m, f.fail(place("categories"), nil, fmt.Sprintf("the categories add up to %d seats, more than %d", sum, model.MaxMethodSeats))
		case !d.Seats.set:
			seats = sum
		case sum != seats:
			return m, f.fail(place("seats"), nil, fmt.Sprintf("is %d but the categories add up to %d", seats, sum))
		}
	}
	if seats > 0 {
		m.Seats = seats
	}
	return m, nil
}

// seatsOf reads a number of seats: a whole number from 1 to MaxMethodSeats.
func seatsOf(v any) (int, string) {
	n, ok := v.(int64)
	if !ok || n <= 0 || n > model.MaxMethodSeats {
		return 0, fmt.Sprintf("must be a whole number of seats from 1 to %d, not %s", model.MaxMethodSeats, tomlText(v))
	}
	return int(n), ""
}

// tomlText writes a value of a TOML file for a message.
func tomlText(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q (a string)", s)
	}
	return fmt.Sprint(v)
}

// categoriesOf checks the [[categories]]: each a name, not empty and not
// repeated, and its seats.
func categoriesOf(f *tomlFile, docs []categoryDoc) ([]model.Category, *FileError) {
	if len(docs) == 0 {
		return nil, f.fail(place("categories"), nil, "is an empty list of categories; leave it out for an election without categories")
	}
	var cats []model.Category
	seen := map[string]int{}
	for i, d := range docs {
		at := place("categories", i)
		n, ok := d.Name.v.(string)
		if !ok {
			return nil, f.fail(at.at("name"), nil, `needs a name (a string): name = "主席团"`)
		}
		n = strings.TrimSpace(n)
		if n == "" {
			return nil, f.fail(at.at("name"), d.Name.v, "is empty: a category needs a name")
		}
		if prev, dup := seen[n]; dup {
			return nil, f.fail(at.at("name"), n, fmt.Sprintf("is the name of categories[%d] too", prev+1))
		}
		seen[n] = i
		if !d.Seats.set {
			return nil, f.fail(at.at("seats"), nil, fmt.Sprintf("is missing: category %q needs its seats", n))
		}
		seats, why := seatsOf(d.Seats.v)
		if why != "" {
			return nil, f.fail(at.at("seats"), nil, why)
		}
		cats = append(cats, model.Category{Name: n, Seats: seats})
	}
	return cats, nil
}
