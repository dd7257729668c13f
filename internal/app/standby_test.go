package app

import (
	"bufio"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"podium/data"
	"podium/files"
	"podium/session"
)

const (
	envPrimaryDB  = "PODIUM_APP_PRIMARY_DB"
	envPrimaryReq = "PODIUM_APP_PRIMARY_REQ"
)

// flip is the mark that changes person i's attendance (present ⇄ left).
func flip(s *session.Session, i int, actor string, at time.Time) session.Mark {
	var m session.Mark
	s.Read(func(st *session.State) {
		p := i % len(st.Setup.Roster)
		to := session.Present
		if st.Attendance[p].Status == session.Present {
			to = session.Left
		}
		m = session.Mark{Meta: session.Meta{At: at, Actor: actor, Role: session.RoleDesk}, Person: st.Setup.Roster[p].ID, Status: to}
	})
	return m
}

// TestStandbyPrimaryChild is not a test on its own: TestStandbyFollowsThroughKills
// runs the test binary again with it as a primary: it appends marks as
// fast as it can, printing "ack N" to stderr after each is stored, and
// ships its log to stdout as podium serve does for a standby, until it
// is killed.
func TestStandbyPrimaryChild(t *testing.T) {
	path := os.Getenv(envPrimaryDB)
	if path == "" {
		t.Skip("run by TestStandbyFollowsThroughKills")
	}
	req, err := ParseLogRequest(strings.Fields(os.Getenv(envPrimaryReq)))
	if err != nil {
		t.Fatal(err)
	}
	st, err := data.Open(path, data.Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	s, err := session.Load(st)
	if errors.Is(err, session.ErrEmpty) {
		s, err = session.Create(st, session.Open{Meta: session.Meta{At: time.Now(), Actor: "host"}, Setup: files.Demo()})
		os.Stderr.WriteString("ack 1\n")
	}
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		for i := 0; ; i++ {
			evs, err := s.Execute(flip(s, i, "desk-1", time.Now()))
			if err != nil {
				os.Stderr.WriteString("error " + err.Error() + "\n")
				return
			}
			os.Stderr.WriteString("ack " + strconv.FormatUint(evs[0].Seq, 10) + "\n")
		}
	}()
	Ship(context.Background(), st, s, req, os.Stdout, nil)
}

// lagSample is one event as the standby stored it: how many events the
// primary had beyond it, and how long after the primary's command.
type lagSample struct {
	events uint64
	ms     float64
}

// TestStandbyFollowsThroughKills: a primary appends as fast as it can
// while a standby follows it over a pipe (the SSH channel's stand-in);
// the primary is killed (SIGKILL) at random moments, N times, and started
// again; the standby reconnects and catches up from its last event.
// Every event the standby received is on it, in order, the chain intact,
// and its log is the beginning of the primary's (the same stored
// values); every event the primary acknowledged is on the primary. The
// lag, in events and in milliseconds, is logged (p50, p99).
func TestStandbyFollowsThroughKills(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a primary process many times")
	}
	const kills, perRun = 20, 5 // 21 primaries, each of at least 5 events
	dir := t.TempDir()
	primary := filepath.Join(dir, "primary.db")
	sbPath := filepath.Join(dir, "standby.db")
	sbStore, err := data.Open(sbPath)
	if err != nil {
		t.Fatal(err)
	}
	sbSess, err := session.Follower(sbStore)
	if err != nil {
		t.Fatal(err)
	}

	var (
		mu       sync.Mutex
		acked    uint64 // the highest seq any primary acknowledged
		received []uint64
		lags     []lagSample
		children = make(chan *exec.Cmd, 1)
		moved    = make(chan struct{}, 1) // an ack or a received event
	)
	nudge := func() {
		select {
		case moved <- struct{}{}:
		default:
		}
	}
	// await waits until ok holds (checked under mu after each ack and each
	// event the standby stores), failing after a generous minute.
	await := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.After(time.Minute)
		for {
			mu.Lock()
			done := ok()
			mu.Unlock()
			if done {
				return
			}
			select {
			case <-moved:
			case <-deadline:
				mu.Lock()
				defer mu.Unlock()
				t.Fatalf("waited a minute until %s: primary acknowledged %d, standby received %d", what, acked, len(received))
			}
		}
	}
	sb := &Standby{Store: sbStore, Session: sbSess, From: "pipe", Retry: 20 * time.Millisecond,
		Stored: func(recs []data.Stored, head uint64, at time.Time) {
			mu.Lock()
			defer mu.Unlock()
			for _, r := range recs {
				received = append(received, r.Seq)
				e, err := session.Decode(r.Data)
				if err != nil {
					t.Errorf("event %d: %v", r.Seq, err)
					continue
				}
				lags = append(lags, lagSample{events: head - r.Seq, ms: float64(at.Sub(e.At).Microseconds()) / 1000})
			}
			nudge()
		}}
	connect := func(ctx context.Context, req LogRequest) (io.ReadCloser, error) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestStandbyPrimaryChild$")
		cmd.Env = append(os.Environ(), envPrimaryDB+"="+primary, envPrimaryReq+"="+strings.Join(req.Args(), " "))
		out, err := cmd.StdoutPipe()
		if err != nil {
			return nil, err
		}
		errs, err := cmd.StderrPipe()
		if err != nil {
			return nil, err
		}
		if err := cmd.Start(); err != nil {
			return nil, err
		}
		go func() {
			sc := bufio.NewScanner(errs)
			for sc.Scan() {
				if n, ok := strings.CutPrefix(sc.Text(), "ack "); ok {
					seq, _ := strconv.ParseUint(n, 10, 64)
					mu.Lock()
					acked = max(acked, seq)
					mu.Unlock()
					nudge()
				} else if strings.HasPrefix(sc.Text(), "error ") || strings.HasPrefix(sc.Text(), "---") {
					t.Logf("primary: %s", sc.Text())
				}
			}
		}()
		children <- cmd
		return out, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ran := make(chan error, 1)
	go func() { ran <- sb.Run(ctx, connect) }()
	for i := 0; i <= kills; i++ {
		var cmd *exec.Cmd
		select {
		case cmd = <-children:
		case err := <-ran:
			t.Fatalf("the standby stopped: %v", err)
		}
		// Each primary writes a few events of its own before it is killed
		// (however slow the machine), then runs on for a random moment;
		// the last one is stopped once the standby has what it wrote.
		mu.Lock()
		from := acked
		mu.Unlock()
		await("the primary writes", func() bool { return acked >= from+perRun })
		time.Sleep(time.Duration(rand.IntN(400)) * time.Millisecond)
		if i == kills {
			mu.Lock()
			target := acked
			mu.Unlock()
			await("the standby catches up", func() bool { return uint64(len(received)) >= target })
			cancel()
		}
		cmd.Process.Kill()
		cmd.Wait()
	}
	if err := <-ran; err != nil {
		t.Fatal(err)
	}

	sbN, sbHead, err := sbStore.Verify()
	if err != nil {
		t.Fatalf("the standby's chain: %v", err)
	}
	p, err := data.Open(primary, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	pN, _, err := p.Verify()
	if err != nil {
		t.Fatalf("the primary's chain: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if uint64(pN) < acked {
		t.Errorf("the primary holds %d events but acknowledged %d", pN, acked)
	}
	for i, seq := range received {
		if seq != uint64(i)+1 {
			t.Fatalf("the standby received event %d as its #%d: out of order", seq, i+1)
		}
	}
	if len(received) != sbN {
		t.Errorf("the standby received %d events and holds %d", len(received), sbN)
	}
	c, err := sbStore.Compare(p)
	if err != nil || c.Same != uint64(sbN) {
		t.Errorf("the standby's %d events are not the primary's first (alike: %d, %v)", sbN, c.Same, err)
	}
	if h, err := p.HashAt(uint64(sbN)); err != nil || h != sbHead {
		t.Errorf("the standby's head %x, the primary's event %d %x (%v)", sbHead, sbN, h, err)
	}
	if sbN < (kills+1)*perRun {
		t.Errorf("only %d events followed", sbN)
	}
	sbStore.Close()
	ev := make([]float64, len(lags))
	ms := make([]float64, len(lags))
	for i, l := range lags {
		ev[i], ms[i] = float64(l.events), l.ms
	}
	t.Logf("%d kills; primary acknowledged %d, holds %d; standby received and holds %d, the same chain", kills, acked, pN, sbN)
	t.Logf("lag: p50 %s events %s ms, p99 %s events %s ms, max %s events %s ms",
		pct(ev, 50), pct(ms, 50), pct(ev, 99), pct(ms, 99), pct(ev, 100), pct(ms, 100))
}

// pct is the p-th percentile of v, as text.
func pct(v []float64, p int) string {
	if len(v) == 0 {
		return "-"
	}
	s := slices.Clone(v)
	slices.Sort(s)
	i := min(len(s)-1, (len(s)*p)/100)
	return strconv.FormatFloat(s[i], 'f', 1, 64)
}
