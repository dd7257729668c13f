package session

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// sourceDecls parses the package's non-test files (dir: the package).
func sourceDecls(t *testing.T, dir string) []ast.Decl {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var decls []ast.Decl
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		decls = append(decls, f.Decls...)
	}
	return decls
}

var snakeName = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// TestKindTable: every kind has its own number and a stable snake_case
// name, and every body type of the package (a type with a kind method)
// is in the table exactly once, with the number its method returns.
func TestKindTable(t *testing.T) {
	nums, names, types := map[EventKind]bool{}, map[string]bool{}, map[reflect.Type]bool{}
	for _, k := range kindTable {
		if nums[k.Kind] || names[k.Name] || types[k.BodyType()] {
			t.Errorf("kind %d %s %v is listed twice", k.Kind, k.Name, k.BodyType())
		}
		nums[k.Kind], names[k.Name], types[k.BodyType()] = true, true, true
		if !snakeName.MatchString(k.Name) {
			t.Errorf("kind %d: name %q is not snake_case", k.Kind, k.Name)
		}
		if k.body.kind() != k.Kind {
			t.Errorf("%s: its body says kind %d, the table %d", k.Name, k.body.kind(), k.Kind)
		}
		if c := v2Bodies[k.Kind]; (c.put == nil) != k.Legacy {
			t.Errorf("%s: legacy %v but codec 2 writes it: %v", k.Name, k.Legacy, c.put != nil)
		}
	}
	var bodies []string
	for _, d := range sourceDecls(t, ".") {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == "kind" && fn.Recv != nil {
			bodies = append(bodies, fn.Recv.List[0].Type.(*ast.Ident).Name)
		}
	}
	for _, b := range bodies {
		if !slices.ContainsFunc(kindTable, func(k KindInfo) bool { return k.BodyType().Name() == b }) {
			t.Errorf("body type %s is not in the table of kinds", b)
		}
	}
	if len(bodies) != len(kindTable) {
		t.Errorf("%d body types, %d kinds", len(bodies), len(kindTable))
	}
	// The numbers of the kinds written so far, frozen.
	frozen := map[string]EventKind{"opened": 1, "marked": 2, "item_started": 3, "declared_open": 4,
		"method_adopted": 16, "scrutineers_adopted": 17, "round_opened": 18, "ballots_issued": 19, "ballots_collected": 20,
		"ballot_entered": 21, "ballot_removed": 22, "tally_entered": 23, "round_decided_legacy": 24, "vacancy_declared": 25,
		"round_decided": 26, "item_ended": 40, "item_skipped": 41, "question_asked": 42, "question_answered": 43,
		"question_deferred": 44, "motion_filed": 45, "motion_accepted": 46, "motion_declined": 47, "vote_recorded": 48,
		"note_added": 49, "officer_rated": 50, "survey_recorded": 60,
		// The floor's, since the speakers' lists (codec 2 additions).
		"speaker_added": 70, "speaker_removed": 71, "speaker_moved": 72, "speech_started": 73, "speech_ended": 74,
		"speakers_undone": 75, "group_reported": 76, "floor_rules_set": 77,
		// Who writes the log.
		"taken_over": 90,
		// Added since codec 2's first release by the decisions.
		"excused": 5, "entry_switched": 27, "method_voted": 28, "scrutineers_voted": 29, "vote_struck": 51,
		// Added since codec 2's first release: the staff audit.
		"staff_audit_recorded": 61}
	for _, k := range kindTable {
		if frozen[k.Name] != k.Kind {
			t.Errorf("kind %s is number %d; it was %d: numbers are never changed", k.Name, k.Kind, frozen[k.Name])
		}
	}
}

// envelopeKeys are the keys of a podium log line besides the body's.
var envelopeKeys = []string{"seq", "at", "actor", "role", "kind", "codec", "record", "link", "error"}

// TestBodyKeysApartFromEnvelope: no body has a JSON field named like a
// key of the log line's envelope, and every field has a snake_case name.
func TestBodyKeysApartFromEnvelope(t *testing.T) {
	for _, k := range kindTable {
		for _, f := range reflect.VisibleFields(k.BodyType()) {
			if f.Anonymous {
				continue // its fields are the body's (JSON flattens them)
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !snakeName.MatchString(name) {
				t.Errorf("%s.%s has JSON name %q", k.Name, f.Name, name)
			}
			if slices.Contains(envelopeKeys, name) {
				t.Errorf("%s.%s is named %q like an envelope key", k.Name, f.Name, name)
			}
		}
	}
}

// TestRegistry: every command type of the package (a struct embedding
// Meta) is registered once, with a snake_case name no other command has;
// each JSON field is snake_case and apart from cmd, at, actor and role;
// every kind codec 2 writes is caused by some command, and the command
// behind each fixture event is registered to cause its kind.
func TestRegistry(t *testing.T) {
	var cmds []string
	for _, d := range sourceDecls(t, ".") {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			continue
		}
		for _, s := range g.Specs {
			ts := s.(*ast.TypeSpec)
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				continue
			}
			for _, f := range st.Fields.List {
				if id, ok := f.Type.(*ast.Ident); ok && id.Name == "Meta" && len(f.Names) == 0 {
					cmds = append(cmds, ts.Name.Name)
				}
			}
		}
	}
	names := map[string]bool{}
	for _, c := range registry {
		if names[c.name] || !snakeName.MatchString(c.name) {
			t.Errorf("command name %q is repeated or not snake_case", c.name)
		}
		names[c.name] = true
		for key := range fieldsOf(reflect.TypeOf(c.zero)) {
			if !snakeName.MatchString(key) || key == "cmd" {
				t.Errorf("%s: field %q", c.name, key)
			}
		}
	}
	for _, c := range cmds {
		if !slices.ContainsFunc(registry, func(s commandSpec) bool { return reflect.TypeOf(s.zero).Name() == c }) {
			t.Errorf("command type %s is not registered", c)
		}
	}
	if len(cmds) != len(registry) {
		t.Errorf("%d command types, %d registered", len(cmds), len(registry))
	}
	var st State
	for name, b := range fixtureBodies() {
		k := KindOf(b)
		cmd := st.commandOf(fixtureEvent(b))
		spec := commandOf(cmd)
		if spec == nil || !slices.Contains(spec.emits, k.Kind) {
			t.Errorf("%s: no registered command causes it (%T)", name, cmd)
		}
	}
	if cmd := st.commandOf(fixtureEvent(LegacyRoundDecided{})); CommandName(cmd) != "decide_round" {
		t.Errorf("a legacy decision's command: %v", cmd)
	}
}

// TestErrorCodes: every refusal of the core (Err variables, *Error types
// of session and election) has a code of its own.
func TestErrorCodes(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range sentinelCodes {
		if seen[c] || !snakeName.MatchString(c) {
			t.Errorf("code %q repeated or not snake_case", c)
		}
		seen[c] = true
	}
	byName := map[string]bool{}
	for typ, c := range typeCodes {
		if seen[c] || !snakeName.MatchString(c) {
			t.Errorf("code %q repeated or not snake_case", c)
		}
		seen[c] = true
		byName[typ.Elem().Name()] = true
	}
	var errVars []string
	for _, dir := range []string{".", "election"} {
		for _, d := range sourceDecls(t, dir) {
			g, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, s := range g.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					if strings.HasSuffix(s.Name.Name, "Error") && s.Name.IsExported() && !byName[s.Name.Name] {
						t.Errorf("%s has no code", s.Name.Name)
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if strings.HasPrefix(n.Name, "Err") && dir == "." {
							errVars = append(errVars, n.Name)
						}
					}
				}
			}
		}
	}
	if len(errVars) != len(sentinelCodes) {
		t.Errorf("%d Err variables %v, %d with a code", len(errVars), errVars, len(sentinelCodes))
	}
	if got := ErrorCode(&QuorumError{}); got != "quorum" {
		t.Errorf("quorum: %q", got)
	}
	if got := ErrorCode(ErrNotOpen); got != "not_open" {
		t.Errorf("not open: %q", got)
	}
}
