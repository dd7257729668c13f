package app

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"podium/data"
	"podium/session"
	"podium/session/election"
)

// The stored history as a contract anyone can read (docs/FORMAT.md,
// docs/COMMANDS.md): podium log prints every event as one JSON line,
// podium apply executes command lines, podium audit recounts the decided
// rounds.

// cst is China Standard Time: the zone of every time podium prints.
var cst = time.FixedZone("CST", 8*3600)

// PrintLog writes every event of the log in db as one JSON line (podium
// log): its envelope, its body's fields, the stored record (base64) and
// its chain link (hex). A record that cannot be decoded is printed with
// its "error" and the others still are; the error returned then names
// how many. While podium runs, a verified copy is read (ctx stops the
// copy). With commands set it writes instead the command that caused
// each event, as podium apply reads it (podium log --commands).
func PrintLog(ctx context.Context, w io.Writer, db string, commands bool) error {
	if !Exists(db) {
		return &MissingError{db}
	}
	store, cleanup, err := openStoreForReading(ctx, db)
	if err != nil {
		return err
	}
	defer cleanup()
	out := bufio.NewWriter(w)
	defer out.Flush()
	if commands {
		err := session.ReplayCommands(store, func(cmd session.Command) error {
			line, err := session.MarshalCommand(cmd)
			if err != nil {
				return err
			}
			out.Write(line)
			return out.WriteByte('\n')
		})
		if err != nil {
			return fmt.Errorf("%s: %w", db, err)
		}
		return nil
	}
	bad := 0
	err = store.Records(func(r data.Stored) error {
		line, err := EventLine(r)
		if err != nil {
			bad++
		}
		out.Write(line)
		return out.WriteByte('\n')
	})
	if err != nil {
		return fmt.Errorf("%s: %w", db, err)
	}
	if bad > 0 {
		return fmt.Errorf("%s: %d event(s) could not be decoded (their lines say why)", db, bad)
	}
	return nil
}

// EventLine is the JSON line of one stored record (docs/FORMAT.md, "podium
// log"). A record that does not decode gives a line with seq, "error",
// record and link, and the error.
func EventLine(r data.Stored) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"seq":%d,`, r.Seq)
	e, err := session.Decode(r.Data)
	if err == nil && e.Seq != r.Seq {
		err = fmt.Errorf("stored under %d but numbered %d", r.Seq, e.Seq)
	}
	var body []byte
	if err == nil {
		body, err = json.Marshal(e.Body)
	}
	if err != nil {
		msg, _ := json.Marshal(err.Error())
		fmt.Fprintf(&b, `"error":%s,`, msg)
	} else {
		str := func(s string) string { js, _ := json.Marshal(s); return string(js) }
		fmt.Fprintf(&b, `"at":%s,"actor":%s,"role":%s,"kind":%s,"codec":%d,`,
			str(e.At.In(cst).Format(time.RFC3339Nano)), str(e.Actor), str(string(e.Role)),
			str(session.KindOf(e.Body).Name), session.RecordCodec(r.Data))
		if len(body) > 2 {
			b.Write(body[1 : len(body)-1])
			b.WriteByte(',')
		}
	}
	fmt.Fprintf(&b, `"record":"%s","link":"%s"}`, base64.StdEncoding.EncodeToString(r.Data), hex.EncodeToString(r.Link))
	return b.Bytes(), err
}

// ApplyResult is podium apply's answer for one command line.
type ApplyResult struct {
	Line  int      `json:"line"`
	OK    bool     `json:"ok"`
	Seqs  []uint64 `json:"seqs,omitempty"`
	Code  string   `json:"code,omitempty"`
	Error string   `json:"error,omitempty"`
}

// ErrRefused is returned by Apply when a command was refused (its line
// says why).
var ErrRefused = errors.New("a command was refused")

// ReadCommands reads a file of command lines (path "-": r) and returns
// them with their line numbers; blank lines are skipped. A line that
// cannot be read is an *InputError naming the file, the line and the
// field, and nothing is returned.
func ReadCommands(path string, r io.Reader) (cmds []session.Command, lines []int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 64<<20) // an open line carries the whole setup
	for n := 1; sc.Scan(); n++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		cmd, err := session.ParseCommand(text)
		if err != nil {
			return nil, nil, badInput(fmt.Errorf("%s:%d: %w", path, n, err))
		}
		cmds, lines = append(cmds, cmd), append(lines, n)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, badInput(fmt.Errorf("%s: %w", path, err))
	}
	return cmds, lines, nil
}

// Apply executes the command lines of file (path "-": stdin) on the
// congress in db, in order, through Session.Execute exactly as a terminal
// does (roles and times included), and writes one JSON line per command
// (ApplyResult). It stops at the first refusal unless keepGoing, and then
// returns ErrRefused. The file is read whole first: a malformed line is an
// *InputError and nothing is applied. A db without a congress takes an
// "open" command first.
func Apply(w io.Writer, db, file string, stdin io.Reader, keepGoing bool) error {
	var r io.Reader = stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return badInput(err)
		}
		defer f.Close()
		r = f
	}
	cmds, lines, err := ReadCommands(file, r)
	if err != nil {
		return err
	}
	if len(cmds) == 0 {
		return nil
	}
	_, opens := cmds[0].(session.Open)
	created := !Exists(db)
	if created && !opens {
		return &MissingError{db}
	}
	store, err := data.Open(db, data.Options{})
	if err != nil {
		return err
	}
	defer func() {
		if seq, _ := store.Head(); created && seq == 0 {
			store.Close()
			os.Remove(db) // nothing was applied: leave no empty file behind
			return
		}
		store.Close()
	}()
	s, err := session.Load(store)
	switch {
	case errors.Is(err, session.ErrEmpty):
		s = nil // the first command must open the congress
	case err != nil:
		return fmt.Errorf("%s: %w", db, err)
	}
	if err := checkWriter(db, store, s); err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	refused := false
	for i, cmd := range cmds {
		var evs []session.Event
		switch open, ok := cmd.(session.Open); {
		case s != nil:
			evs, err = s.Execute(cmd)
		case ok:
			if s, err = session.Create(store, open); err == nil {
				evs = []session.Event{{Seq: 1}}
			}
		default:
			err = session.ErrNotOpen
		}
		res := ApplyResult{Line: lines[i], OK: err == nil}
		if err != nil {
			res.Code, res.Error = session.ErrorCode(err), err.Error()
			refused = true
		}
		for _, e := range evs {
			res.Seqs = append(res.Seqs, e.Seq)
		}
		if err := enc.Encode(res); err != nil {
			return err
		}
		if refused && !keepGoing {
			break
		}
	}
	if refused {
		return ErrRefused
	}
	return nil
}

// PrintAudit recounts every decided round of the congress in db with
// today's counter from its stored ballots or tally and writes, per round,
// "same" or the differences from the stored result (podium audit). It
// returns ErrAuditDiffers when any round differs or cannot be recounted.
func PrintAudit(ctx context.Context, w io.Writer, db string) error {
	c, err := OpenForReading(ctx, db)
	if err != nil {
		return err
	}
	defer c.Close()
	var audits []session.RoundAudit
	c.Session.Read(func(st *session.State) { audits = session.Audit(st) })
	if len(audits) == 0 {
		fmt.Fprintln(w, "no decided round")
		return nil
	}
	differs := false
	for _, a := range audits {
		head := fmt.Sprintf("round %d (%s", a.Round, a.Kind)
		switch {
		case a.Legacy:
			head += ", a legacy decision: replay recounts it"
		case a.Rules != election.RulesVersion:
			head += fmt.Sprintf(", counted by rules %d, today's are %d", a.Rules, election.RulesVersion)
		default:
			head += ", rules " + strconv.Itoa(a.Rules)
		}
		head += "): "
		switch {
		case a.Err != nil:
			fmt.Fprintf(w, "%scannot be recounted: %v\n", head, a.Err)
			differs = true
		case a.Same():
			fmt.Fprintf(w, "%ssame\n", head)
		default:
			fmt.Fprintf(w, "%s%d difference(s)\n", head, len(a.Diffs))
			for _, d := range a.Diffs {
				fmt.Fprintf(w, "  %s\n", d)
			}
			differs = true
		}
	}
	if differs {
		return ErrAuditDiffers
	}
	return nil
}

// ErrAuditDiffers: a recount differs from a stored result.
var ErrAuditDiffers = errors.New("a recount differs from the stored result")
