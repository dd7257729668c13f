package app

import (
	"bufio"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"time"

	"podium/data"
	"podium/session"
)

// A standby follows its primary over the primary's SSH server (serve):
// it runs the exec command LogRequest.Args, `podium log --from N --after
// HASH --epoch E --follow`, and reads back `podium log`'s lines
// (EventLine, docs/FORMAT.md): the events from N on, then each event as it
// is committed. Between them the primary writes a status line, before
// each batch and every second when there is nothing new:
//
//	{"head":1234,"epoch":1,"at":"2026-11-30T10:12:03.123+08:00"}
//
// (its last event, its epoch, its clock), or once an error line that ends
// the stream: {"error":"…","code":"fork","event":1200}. An event line has a
// "seq"; a status or error line has none. That is the whole protocol.

// LogRequest is what a standby asks its primary for.
type LogRequest struct {
	// From is the first event wanted: the standby's last one plus 1.
	From uint64
	// After is the hash of the standby's event From-1 (zeros for none):
	// the primary checks that its own event From-1 is the same.
	After [32]byte
	// Epoch is the standby's epoch (session.State.Epoch).
	Epoch int
}

// Args are the words of the exec command that asks for the log.
func (r LogRequest) Args() []string {
	return []string{"podium", "log", "--from", strconv.FormatUint(r.From, 10),
		"--after", hex.EncodeToString(r.After[:]), "--epoch", strconv.Itoa(r.Epoch), "--follow"}
}

// ParseLogRequest reads the words of the exec command, with or without
// the leading "podium log" (it must be a log request that follows).
func ParseLogRequest(args []string) (LogRequest, error) {
	if len(args) > 0 && args[0] == "podium" {
		args = args[1:]
	}
	if len(args) == 0 || args[0] != "log" {
		return LogRequest{}, errors.New("not a log request")
	}
	fs := flag.NewFlagSet("log", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	from := fs.Uint64("from", 1, "")
	after := fs.String("after", "", "")
	epoch := fs.Int("epoch", 1, "")
	follow := fs.Bool("follow", false, "")
	if err := fs.Parse(args[1:]); err != nil {
		return LogRequest{}, err
	}
	if fs.NArg() > 0 || !*follow || *from < 1 || *epoch < 1 {
		return LogRequest{}, errors.New("a standby asks for podium log --from N --after HASH --epoch E --follow")
	}
	r := LogRequest{From: *from, Epoch: *epoch}
	if *after != "" {
		b, err := hex.DecodeString(*after)
		if err != nil || len(b) != len(r.After) {
			return LogRequest{}, errors.New("--after is not a SHA-256 in hex")
		}
		copy(r.After[:], b)
	}
	return r, nil
}

// The codes of an error line.
const (
	CodeFork   = "fork"   // the standby's events differ from the primary's
	CodeAhead  = "ahead"  // the standby has events the primary does not
	CodeEpoch  = "epoch"  // the standby is in a newer epoch: it took over
	CodeFenced = "fenced" // the primary was taken over: follow the one that did
)

// statusLine is a status or error line of the stream.
type statusLine struct {
	Head  *uint64 `json:"head,omitempty"`
	Epoch int     `json:"epoch,omitempty"`
	At    string  `json:"at,omitempty"`
	Error string  `json:"error,omitempty"`
	Code  string  `json:"code,omitempty"`
	Event uint64  `json:"event,omitempty"` // the event an error is about
}

// shipBatch is the most events written between two status lines.
const shipBatch = 1024

// Ship writes the log of a congress to w for a standby that asked req:
// the events from req.From on, then each event as it is committed, with a
// status line before each batch and every second, until ctx ends (nil)
// or w fails. A standby that cannot follow (its events differ, it is
// ahead, or it is in a newer epoch), or a primary that was taken over,
// gets one error line; the error is returned too.
func Ship(ctx context.Context, store *data.Store, sess *session.Session, req LogRequest, w io.Writer, now func() time.Time) error {
	if now == nil {
		now = time.Now
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	fail := func(code string, seq uint64, format string, a ...any) error {
		msg := fmt.Sprintf(format, a...)
		line, _ := json.Marshal(statusLine{Error: msg, Code: code, Event: seq})
		bw.Write(append(line, '\n'))
		bw.Flush()
		return &FollowError{Code: code, Seq: seq, Msg: msg}
	}
	var epoch int
	sess.Read(func(st *session.State) { epoch = st.Epoch() })
	kick := make(chan struct{}, 1)
	defer store.Notify(kick)()
	head, _ := store.Head()
	switch {
	case req.From-1 > head:
		return fail(CodeAhead, head, "the standby holds %d events, this podium %d: it is not this podium's standby", req.From-1, head)
	case req.Epoch > epoch:
		return fail(CodeEpoch, 0, "the standby is in epoch %d, this podium in epoch %d: it took the congress over", req.Epoch, epoch)
	}
	if h, err := store.HashAt(req.From - 1); err != nil {
		return err
	} else if h != req.After {
		return fail(CodeFork, req.From-1, "event %d of the standby differs from this podium's: the two logs part at or before it", req.From-1)
	}
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	next := req.From
	for {
		if fe := store.Fenced(); fe != nil {
			return fail(CodeFenced, fe.Seq, "%s took this congress over at %s (event %d, epoch %d): follow that podium",
				fe.By, fe.At.In(cst).Format(time.RFC3339), fe.Seq, fe.Epoch)
		}
		sess.Read(func(st *session.State) { epoch = st.Epoch() })
		head, _ := store.Head()
		line, _ := json.Marshal(statusLine{Head: &head, Epoch: epoch, At: now().In(cst).Format(time.RFC3339Nano)})
		bw.Write(append(line, '\n'))
		sent := 0
		if next <= head {
			err := store.RecordsFrom(next, func(r data.Stored) error {
				line, err := EventLine(r)
				if err != nil {
					return fmt.Errorf("event %d: %w", r.Seq, err)
				}
				bw.Write(append(line, '\n'))
				next, sent = r.Seq+1, sent+1
				if sent == shipBatch {
					return errBatch
				}
				return nil
			})
			if err != nil && err != errBatch {
				return err
			}
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		if sent == shipBatch {
			continue
		}
		select {
		case <-ctx.Done():
			return nil
		case <-kick:
		case <-tick.C:
		}
	}
}

// errBatch ends a batch of the records early.
var errBatch = errors.New("batch full")

// FollowError: a standby cannot follow its primary: their logs part
// (fork), the standby is ahead, the epochs say that one took over from
// the other, or a record cannot be read. Following stops; it is not
// retried.
type FollowError struct {
	Code string // CodeFork, CodeAhead, CodeEpoch, CodeFenced, or "record"
	Seq  uint64 // the event concerned, when there is one
	Msg  string
}

// Error says why.
func (e *FollowError) Error() string { return e.Msg }

// wireLine is one line of the stream as the standby reads it: an event
// (Seq set) or a status or error line.
type wireLine struct {
	Seq    *uint64 `json:"seq"`
	Record []byte  `json:"record"`
	Link   string  `json:"link"`
	Head   *uint64 `json:"head"`
	Epoch  int     `json:"epoch"`
	At     string  `json:"at"`
	Error  string  `json:"error"`
	Code   string  `json:"code"`
	Event  uint64  `json:"event"`
}

// maxLine is the longest line a standby reads: the opening event carries
// the whole setup.
const maxLine = 64 << 20

// readLine reads one line of any length up to maxLine, without its
// newline.
func readLine(br *bufio.Reader) ([]byte, error) {
	line, err := br.ReadSlice('\n')
	if err == nil {
		return line[:len(line)-1], nil
	}
	if !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	long := append([]byte(nil), line...)
	for {
		line, err = br.ReadSlice('\n')
		long = append(long, line...)
		if len(long) > maxLine {
			return nil, fmt.Errorf("a line longer than %d bytes", maxLine)
		}
		switch {
		case err == nil:
			return long[:len(long)-1], nil
		case !errors.Is(err, bufio.ErrBufferFull):
			return nil, err
		}
	}
}

// parseWire reads a line of the stream. An event line gives its stored
// record, link included.
func parseWire(line []byte) (w wireLine, rec data.Stored, err error) {
	if err := json.Unmarshal(line, &w); err != nil {
		return w, rec, fmt.Errorf("a line of the primary is not JSON: %w", err)
	}
	if w.Seq == nil {
		return w, rec, nil
	}
	link, err := hex.DecodeString(w.Link)
	if err != nil || len(link) != 32 {
		return w, rec, fmt.Errorf("event %d: its link is not a SHA-256 in hex", *w.Seq)
	}
	if len(w.Record) == 0 {
		return w, rec, fmt.Errorf("event %d: no record", *w.Seq)
	}
	return w, data.Stored{Seq: *w.Seq, Link: link, Data: w.Record}, nil
}
