package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"podium/session"
)

const (
	envCrashDB  = "PODIUM_DATA_CRASH_DB"
	envCrashMax = "PODIUM_DATA_CRASH_MAX"
)

// TestCrashChild is not a test on its own: TestCrash runs the test binary
// again with only this test and envCrashDB set. It appends marks through a
// session and prints "seq N" after each Append has returned.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(envCrashDB)
	if path == "" {
		t.Skip("run by TestCrash")
	}
	max, _ := strconv.Atoi(os.Getenv(envCrashMax))
	st, err := Open(path, Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	s, err := session.Load(st)
	if errors.Is(err, session.ErrEmpty) {
		s, err = session.Create(st, session.Open{Meta: meta(0, realisticActor), Setup: testSetup()})
		if err == nil {
			fmt.Printf("seq 1\n")
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	base := int(state(s).Seq) // a restarted writer's clock runs on
	for i := 0; i < max; i++ {
		evs, err := s.Execute(toggle(s, base+i, realisticActor))
		if err != nil {
			t.Fatal(err)
		}
		// One write(2) per line: a line is either whole or absent.
		os.Stdout.WriteString("seq " + strconv.FormatUint(evs[0].Seq, 10) + "\n")
	}
	st.Close()
}

// TestCrash kills a process that appends to the log at random moments and
// checks that every event it was told is stored survived, that the chain
// is whole, that the session loads, and that the next process appends on.
// (SIGKILL tests the process dying, not the machine: the page cache
// survives. Power loss is what the fsyncs are for; bbolt's ordering of
// data fsync before meta write covers it.)
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	path := filepath.Join(t.TempDir(), "podium.db")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0x706f6469756d))
	deadline := time.Now().Add(30 * time.Second)

	var reported uint64 // the highest seq a child said was stored
	rounds := 0
	for ; rounds < 15 && time.Now().Before(deadline); rounds++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), envCrashDB+"="+path, envCrashMax+"=3000")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		seqs := make(chan uint64, 64)
		go func() {
			defer close(seqs)
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if n, ok := strings.CutPrefix(sc.Text(), "seq "); ok {
					v, err := strconv.ParseUint(n, 10, 64)
					if err == nil {
						seqs <- v
					}
				}
			}
		}()
		killAt := 1 + rng.IntN(250) // events to see before the kill
		var seen int
		killed := false
		timeout := time.After(20 * time.Second)
	read:
		for {
			select {
			case n, ok := <-seqs:
				if !ok {
					break read
				}
				if n <= reported {
					t.Fatalf("round %d: child reported seq %d after %d", rounds, n, reported)
				}
				reported = n
				if seen++; seen == killAt {
					// Land somewhere inside a later commit.
					time.Sleep(time.Duration(rng.IntN(2000)) * time.Microsecond)
					_ = cmd.Process.Kill()
					killed = true
				}
			case <-timeout:
				_ = cmd.Process.Kill()
				t.Fatalf("round %d: child stalled after %d events; stderr:\n%s", rounds, seen, stderr.String())
			}
		}
		err = cmd.Wait()
		if !killed && err != nil {
			t.Fatalf("round %d: child failed: %v\n%s", rounds, err, stderr.String())
		}

		st, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", rounds, err)
		}
		n, _, err := st.Verify()
		if err != nil {
			t.Fatalf("round %d: verify after kill: %v", rounds, err)
		}
		// Verify checked that the events are 1..n without a gap, so
		// every reported seq (≤ reported) is there.
		if uint64(n) < reported {
			t.Fatalf("round %d: the child reported event %d stored, the log has %d", rounds, reported, n)
		}
		s, err := session.Load(st)
		if err != nil {
			t.Fatalf("round %d: load after kill: %v", rounds, err)
		}
		if seq := state(s).Seq; seq != uint64(n) {
			t.Fatalf("round %d: state at %d, log has %d", rounds, seq, n)
		}
		st.Close()
	}
	if rounds < 10 || reported < 100 {
		t.Fatalf("only %d rounds, %d events: the test did not test", rounds, reported)
	}

	// After the last kill, this process appends on.
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := session.Load(st)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Execute(toggle(s, int(state(s).Seq), "after")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.Verify(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d rounds, %d events reported, all present", rounds, reported)
}
