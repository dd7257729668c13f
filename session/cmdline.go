package session

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"podium/session/election"
)

// A command line is one command as a JSON object (podium apply reads a
// file of them, podium log --commands writes them; docs/COMMANDS.md):
// "cmd" (the stable name), "at" (RFC 3339), "actor", "role" and the
// command's fields by their JSON names. Every field must be given except
// those marked optional (`apply:"optional"`), and no other key.

// LineError is a command line that cannot be read: the field (JSON key)
// at fault, or "" for the line as a whole, and why.
type LineError struct {
	Field  string
	Reason string
}

// Error names the field.
func (e *LineError) Error() string {
	if e.Field == "" {
		return e.Reason
	}
	return fmt.Sprintf("field %q: %s", e.Field, e.Reason)
}

// field is one JSON key of a command type: the index path of its struct
// field and whether it may be left out.
type field struct {
	index    []int
	optional bool
}

// fieldsOf returns the JSON keys of a command type, Meta's included.
func fieldsOf(t reflect.Type) map[string]field {
	out := map[string]field{}
	var walk func(t reflect.Type, index []int)
	walk = func(t reflect.Type, index []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			idx := append(slices.Clone(index), i)
			if f.Anonymous {
				walk(f.Type, idx)
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			out[name] = field{index: idx, optional: f.Tag.Get("apply") == "optional"}
		}
	}
	walk(t, nil)
	return out
}

// ParseCommand reads one command line. A line that cannot be read gives a
// *LineError naming the field; what it asks for is not checked (Execute
// decides that).
func ParseCommand(line []byte) (Command, error) {
	var obj map[string]json.RawMessage
	d := json.NewDecoder(bytes.NewReader(line))
	if err := d.Decode(&obj); err != nil {
		return nil, &LineError{Reason: "not a JSON object: " + err.Error()}
	}
	if d.More() {
		return nil, &LineError{Reason: "more than one JSON value on the line"}
	}
	if obj == nil {
		return nil, &LineError{Reason: "not a JSON object"}
	}
	raw, ok := obj["cmd"]
	if !ok {
		return nil, &LineError{Field: "cmd", Reason: "is missing"}
	}
	var name string
	if err := json.Unmarshal(raw, &name); err != nil {
		return nil, &LineError{Field: "cmd", Reason: "is not a string"}
	}
	spec := specByName[name]
	if spec == nil {
		return nil, &LineError{Field: "cmd", Reason: fmt.Sprintf("unknown command %q (docs/COMMANDS.md lists them)", name)}
	}
	t := reflect.TypeOf(spec.zero)
	v := reflect.New(t).Elem()
	v.Set(reflect.ValueOf(spec.zero))
	fields := fieldsOf(t)
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if k == "cmd" {
			continue
		}
		f, ok := fields[k]
		if !ok {
			return nil, &LineError{Field: k, Reason: fmt.Sprintf("is not a field of %s", name)}
		}
		d := json.NewDecoder(bytes.NewReader(obj[k]))
		d.DisallowUnknownFields()
		if err := d.Decode(v.FieldByIndex(f.index).Addr().Interface()); err != nil {
			return nil, &LineError{Field: k, Reason: strings.TrimPrefix(err.Error(), "json: ")}
		}
	}
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		if _, given := obj[k]; !given && !fields[k].optional {
			return nil, &LineError{Field: k, Reason: "is missing"}
		}
	}
	cmd := v.Interface().(Command)
	m := cmd.meta()
	switch {
	case m.At.IsZero():
		return nil, &LineError{Field: "at", Reason: "is not a time"}
	case !m.Role.Valid():
		return nil, &LineError{Field: "role", Reason: fmt.Sprintf("%q is not a role (host, secretary, desk, teller, projector, standby)", m.Role)}
	}
	return cmd, nil
}

// cst is China Standard Time, the zone command and event lines are
// written in (+08:00).
var cst = time.FixedZone("CST", 8*3600)

// MarshalCommand writes cmd as a command line (without a newline): "cmd"
// first, then the command's fields, every one of them; "at" in +08:00
// with the nanoseconds it has.
func MarshalCommand(cmd Command) ([]byte, error) {
	spec := commandOf(cmd)
	if spec == nil {
		return nil, ErrUnknownCommand
	}
	v := reflect.New(reflect.TypeOf(cmd)).Elem()
	v.Set(reflect.ValueOf(cmd))
	at := v.FieldByName("Meta").FieldByName("At")
	at.Set(reflect.ValueOf(at.Interface().(time.Time).In(cst)))
	js, err := json.Marshal(v.Interface())
	if err != nil {
		return nil, err
	}
	head, _ := json.Marshal(spec.name)
	out := append([]byte(`{"cmd":`), head...)
	if len(js) > 2 {
		out = append(out, ',')
	}
	return append(out, js[1:]...), nil
}

// ErrorCode returns the stable code of a refusal (podium apply's "code",
// docs/COMMANDS.md): "quorum" for a *QuorumError, "not_open" for
// ErrNotOpen, and so on for every refusal of this package and of package
// election; "error" for anything else (a failure of the log, say).
func ErrorCode(err error) string {
	for e, code := range sentinelCodes {
		if errors.Is(err, e) {
			return code
		}
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if code, ok := typeCodes[reflect.TypeOf(e)]; ok {
			return code
		}
	}
	return "error"
}

// sentinelCodes and typeCodes are the codes of the refusals, never
// renamed (TestErrorCodes checks that every Err variable and every *Error
// type of the core has one).
var (
	sentinelCodes = map[error]string{
		ErrNotOpen: "not_open", ErrAlreadyOpen: "already_open", ErrAlreadyDeclared: "already_declared",
		ErrUnknownCommand: "unknown_command", ErrEmpty: "empty", ErrNoCurrentItem: "no_current_item",
		ErrNoElection: "no_election", ErrMethodNotAdopted: "method_not_adopted", ErrNoScrutineers: "no_scrutineers",
		ErrVoteStarted: "vote_started", ErrRoundOpen: "round_open", ErrNoOpenRound: "no_open_round",
		ErrNothingToHold: "nothing_to_hold", ErrNotIssued: "not_issued", ErrNotCollected: "not_collected",
		ErrAlreadyRecorded: "already_recorded", ErrRoundVoid: "round_void", ErrMixedEntry: "mixed_entry",
		ErrNoVacancy: "no_vacancy", ErrNoSpeech: "no_speech", ErrFloorUnchanged: "floor_unchanged",
		ErrSameFloorRules: "same_floor_rules",
	}
	typeCodes = map[reflect.Type]string{
		reflect.TypeFor[*LineError](): "line", reflect.TypeFor[*CodecError](): "codec",
		reflect.TypeFor[*SetupError](): "setup", reflect.TypeFor[*UnknownPersonError](): "unknown_person",
		reflect.TypeFor[*SameStatusError](): "same_status", reflect.TypeFor[*NothingToUndoError](): "nothing_to_undo",
		reflect.TypeFor[*QuorumError](): "quorum", reflect.TypeFor[*ClockError](): "clock",
		reflect.TypeFor[*ItemError](): "item", reflect.TypeFor[*CorruptError](): "corrupt",
		reflect.TypeFor[*MethodError](): "method", reflect.TypeFor[*ScrutineerError](): "scrutineer",
		reflect.TypeFor[*IssueError](): "issue", reflect.TypeFor[*BallotError](): "ballot",
		reflect.TypeFor[*EntryMismatchError](): "entry_mismatch", reflect.TypeFor[*UnfinishedError](): "unfinished",
		reflect.TypeFor[*FieldError](): "field", reflect.TypeFor[*NotFormalError](): "not_formal",
		reflect.TypeFor[*MotionError](): "motion", reflect.TypeFor[*StatusError](): "status",
		reflect.TypeFor[*VoteCountError](): "vote_count", reflect.TypeFor[*RoleError](): "role",
		reflect.TypeFor[*election.TallyError](): "tally", reflect.TypeFor[*WriteError](): "write",
		reflect.TypeFor[*TextTooLongError](): "text_too_long",
		reflect.TypeFor[*SpeakerError]():     "speaker", reflect.TypeFor[*SpeechRunningError](): "speech_running",
		reflect.TypeFor[*GroupError](): "group", reflect.TypeFor[*GroupLimitError](): "group_limit", reflect.TypeFor[*FencedError](): "fenced",
		reflect.TypeFor[*NotDeclaredError](): "not_declared", reflect.TypeFor[*NotPresentError](): "not_present",
		reflect.TypeFor[*ImageError](): "image",
		reflect.TypeFor[*TextError]():  "text",
	}
)
