package app

import (
	"errors"
	"fmt"
	"os"
	"time"

	"podium/data"
	"podium/files"
	"podium/model"
	"podium/session"
)

// ExistsError refuses to create a congress over the file at Path: a
// congress is never overwritten.
type ExistsError struct{ Path string }

// Error names the path.
func (e *ExistsError) Error() string {
	return e.Path + " exists already; a congress is never overwritten"
}

// RealCongressError refuses to replace the congress Name at Path with the
// demo: the demo replaces only an earlier demo.
type RealCongressError struct{ Path, Name string }

// Error names the path and the congress.
func (e *RealCongressError) Error() string {
	return fmt.Sprintf("%s holds the congress %q; the demo never replaces a real congress", e.Path, e.Name)
}

// ReadSetup builds a congress's setup from a roster file and an optional
// agenda file; name, when given, overrides the agenda file's meeting name.
// Without an agenda file the meeting takes the seed's rules and the
// standard agenda, and then a name must be given. When an election item of
// the agenda file links a method and candidates, the election is prepared
// from them (readElection). Every error is an *InputError naming the file
// and its line.
func ReadSetup(rosterPath, agendaPath, name string) (model.Setup, error) {
	s, err := readSetup(rosterPath, agendaPath, name)
	return s, badInput(err)
}

func readSetup(rosterPath, agendaPath, name string) (model.Setup, error) {
	af := files.AgendaFile{Items: model.StandardAgenda()}
	if agendaPath != "" {
		var err error
		if af, err = files.ReadAgenda(agendaPath); err != nil {
			return model.Setup{}, err
		}
	} else {
		af.Meeting = model.DefaultMeeting("")
	}
	if name != "" {
		af.Meeting.Name = name
	}
	if af.Meeting.Name == "" {
		return model.Setup{}, fmt.Errorf("the congress needs a name: give --name TEXT or [meeting] name in --agenda FILE")
	}
	roster, err := files.ReadRoster(rosterPath)
	if err != nil {
		return model.Setup{}, err
	}
	s := af.Setup(roster)
	if af.Election != nil {
		if s.Election, err = readElection(*af.Election, roster); err != nil {
			return model.Setup{}, err
		}
	}
	return s, nil
}

// readElection reads the election method and the candidates an election
// item links (paths already resolved against the agenda file) and links
// the candidates to the roster with files.ReadSlate: by a person_id
// column, else by the name of exactly one formal delegate; a name that two
// formal delegates share is refused, naming both. Errors name the file and
// its line.
func readElection(f files.ElectionFiles, roster []model.Person) (*model.Election, error) {
	m, err := files.ReadMethod(f.Method)
	if err != nil {
		return nil, err
	}
	cands, err := files.ReadSlateFile(f.Candidates, m, roster)
	if err != nil {
		return nil, err
	}
	return &model.Election{Method: m, Candidates: cands}, nil
}

// Create writes a new congress with setup into a new database at db,
// opened at the time at by the host. It never overwrites a file
// (*ExistsError), and a setup the core refuses (an *InputError) leaves no
// file behind.
func Create(db string, setup model.Setup, at time.Time) error {
	if Exists(db) {
		return &ExistsError{db}
	}
	store, err := data.Open(db, data.Options{})
	if err != nil {
		return err
	}
	if _, err := session.Create(store, session.Open{Meta: session.Meta{At: at, Actor: "host"}, Setup: setup}); err != nil {
		store.Close()
		os.Remove(db)
		return badInput(err)
	}
	return store.Close()
}

// CreateDemo creates a fresh demo congress in db, opened at the time at,
// and returns it open for running. It replaces an earlier demo (or an
// empty database) but never a real congress (*RealCongressError).
func CreateDemo(db string, at time.Time) (*Congress, error) {
	if Exists(db) {
		if err := replaceableDemo(db); err != nil {
			return nil, err
		}
		if err := os.Remove(db); err != nil {
			return nil, err
		}
	}
	setup := files.Demo()
	setup.Demo = true
	store, err := data.Open(db, data.Options{})
	if err != nil {
		return nil, err
	}
	s, err := session.Create(store, session.Open{Meta: session.Meta{At: at, Actor: "host"}, Setup: setup})
	if err != nil {
		store.Close()
		return nil, err
	}
	return &Congress{DB: db, Store: store, Session: s, close: store.Close}, nil
}

// replaceableDemo returns nil when the database at path is empty or holds
// a demo congress, and a *RealCongressError naming the congress otherwise.
func replaceableDemo(path string) error {
	store, err := data.Open(path, data.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	s, err := session.Load(store)
	if errors.Is(err, session.ErrEmpty) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	var name string
	var demo bool
	s.Read(func(st *session.State) { name, demo = st.Setup.Meeting.Name, st.Setup.Demo })
	if demo {
		return nil
	}
	return &RealCongressError{Path: path, Name: name}
}
