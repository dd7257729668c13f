// Command legacyshow wrote data/testdata/legacy-v1.json: what podium at
// commit d09bca4 read from the legacy database (its events, head hash,
// each decided round's result as the JSON contract of election.Result,
// the vacant seats), for the test that today's podium reads the same. Run
// from a worktree of d09bca4 as `go run ./cmd/legacyshow DB > JSON`.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"podium/data"
	"podium/session"
	"podium/session/election"
)

func main() {
	st, err := data.Open(os.Args[1], data.Options{ReadOnly: true})
	if err != nil {
		panic(err)
	}
	s, err := session.Load(st)
	if err != nil {
		panic(err)
	}
	n, h, err := st.Verify()
	if err != nil {
		panic(err)
	}
	out := struct {
		Events int               `json:"events"`
		Head   string            `json:"head"`
		Rounds []election.Result `json:"rounds"`
		Vacant map[string]int    `json:"vacant"`
	}{Events: n, Head: fmt.Sprintf("%x", h)}
	s.Read(func(st *session.State) {
		for _, r := range st.Vote.Rounds {
			out.Rounds = append(out.Rounds, *r.Result)
		}
		out.Vacant = st.Vote.Vacant
	})
	b, _ := json.MarshalIndent(out, "", " ")
	fmt.Println(string(b))
}
