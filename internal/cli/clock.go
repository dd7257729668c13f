package cli

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"podium/internal/app"
)

// clockEnv names a file whose content is the time podium's screens read
// instead of the machine's clock: an RFC 3339 time, read again at each
// tick. It is for end-to-end tests and rehearsals of timed items (a
// speech's countdown, an item's timer), which must not depend on the
// speed of the wall clock; every command the screens give is dated by it
// too, and the core still refuses a time before the last event's. Unset,
// the machine's clock is used; set, it must name a readable time when
// podium starts, or podium exits 2 naming the variable and the file (the
// README, "A rehearsal").
const clockEnv = "PODIUM_CLOCK_FILE"

// fileClock is the time written in a file, read each time it is asked;
// a later read that fails keeps the last time read (the file being
// rewritten in place; the tests rename a new file over it).
type fileClock struct {
	path string
	mu   sync.Mutex
	last time.Time
}

// read reads the file's time.
func (c *fileClock) read() (time.Time, error) {
	b, err := os.ReadFile(c.path)
	if err != nil {
		return time.Time{}, err
	}
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(string(b)))
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %q is not an RFC 3339 time", c.path, strings.TrimSpace(string(b)))
	}
	return t, nil
}

// now is the file's time, or the last one read.
func (c *fileClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, err := c.read(); err == nil {
		c.last = t
	}
	return c.last
}

// clock returns podium's clock: the machine's, or the file's named by
// PODIUM_CLOCK_FILE, which must then hold a time (else an
// *app.InputError naming the variable and the file).
func clock() (func() time.Time, error) {
	path := os.Getenv(clockEnv)
	if path == "" {
		return time.Now, nil
	}
	c := &fileClock{path: path}
	t, err := c.read()
	if err != nil {
		return nil, &app.InputError{Err: fmt.Errorf("%s: %w", clockEnv, err)}
	}
	c.last = t
	return c.now, nil
}
