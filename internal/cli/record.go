package cli

import (
	"errors"
	"fmt"
	"io"

	"podium/data"
	"podium/internal/app"
	"podium/session"
)

// recorded says what a check records in the congress (check survey --db,
// check staff --db): podium new's flag that records it with the congress,
// what it is, and the self-assessment's items filled from it.
type recorded struct {
	flag, what, items, itemsZh string
}

// record executes cmd on the congress at --db and says so on w. A
// database that does not exist, holds no congress or is open in a running
// podium records nothing and exits 1; a refusal of the core too.
func record(g *globals, cmd session.Command, w io.Writer, r recorded) error {
	if !app.Exists(g.db) {
		return failed("%s does not exist: nothing recorded; create the congress first (podium new %s FILE records %s with it)", g.db, r.flag, r.what)
	}
	seq, err := app.Record(g.db, cmd)
	switch {
	case errors.Is(err, data.ErrInUse):
		return failed("%s is open in a running podium: nothing recorded; close it and run this again", g.db)
	case errors.Is(err, app.ErrNoCongress):
		return failed("%s holds no congress: nothing recorded; create it first (podium new)", g.db)
	case err != nil:
		return failed("nothing recorded: %v", err)
	}
	if g.lang == "zh" {
		_, err = fmt.Fprintf(w, "\n已记入 %s（第 %d 号事件）：自评表%s据此填写。\n", g.db, seq, r.itemsZh)
	} else {
		_, err = fmt.Fprintf(w, "\nRecorded in %s (event %d): the self-assessment's items %s are filled from it.\n", g.db, seq, r.items)
	}
	return err
}
