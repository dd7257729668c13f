package records

// Takeover is a takeover of the congress by its standby podium (a second
// laptop that followed the log): when, by whom, the podium taken over,
// the last event received from it and the event that records the
// takeover, with the epoch it began. The record goes on from there,
// without a gap: the chain is continuous from event 1.
type Takeover struct {
	At      Time   `json:"at"`
	By      string `json:"by"`
	From    string `json:"from"`
	LastSeq uint64 `json:"last_seq"`
	Seq     uint64 `json:"seq"`
	Epoch   int    `json:"epoch"`
}

// takeovers are the state's takeovers for the minutes (nil: none).
func (b builder) takeovers() []Takeover {
	var out []Takeover
	for _, t := range b.st.Takeovers {
		out = append(out, Takeover{At: At(t.At), By: t.Actor, From: t.From, LastSeq: t.LastSeq, Seq: t.Seq, Epoch: t.Epoch})
	}
	return out
}

// takeoverBlocks are the minutes' section on the takeovers, none when
// there were none.
func (l lay) takeoverBlocks() []block {
	w, ts := l.w, l.r.Minutes.Takeovers
	if len(ts) == 0 {
		return nil
	}
	rows := [][]cell{}
	for _, t := range ts {
		rows = append(rows, row(l.when(t.At), txt(t.By), txt(t.From), num(int(t.LastSeq)), num(int(t.Seq)), num(t.Epoch)))
	}
	return []block{heading(w.takeoversH), text(w.takeoverNote),
		table([]string{w.at, w.takenBy, w.takenFrom, w.lastReceived, w.takeoverEvent, w.epoch}, rows, 3, 4, 5)}
}

// takeoverTable is takeovers.csv, only when there were takeovers.
func takeoverTable(r *Record, w terms) []csvTable {
	if len(r.Minutes.Takeovers) == 0 {
		return nil
	}
	t := csvTable{name: "takeovers", head: csvHeads(w, "takeovers")}
	for _, x := range r.Minutes.Takeovers {
		t.rows = append(t.rows, []csvCell{ctime(x.At), ct(x.By), ct(x.From), cn(int(x.LastSeq)), cn(int(x.Seq)), cn(x.Epoch)})
	}
	return []csvTable{t}
}
