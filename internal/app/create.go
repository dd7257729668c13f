package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"podium/data"
	"podium/files"
	"podium/model"
	"podium/session"
)

// ExistsError refuses to create a congress over the file at Path: a
// congress is never overwritten. Empty is set when the file holds no
// congress (what an interrupted creation of an older podium left): it
// may be replaced when the caller asks to (Create's replaceEmpty).
type ExistsError struct {
	Path  string
	Empty bool
}

// Error names the path and what it holds.
func (e *ExistsError) Error() string {
	if e.Empty {
		return e.Path + " exists but is empty, not a congress"
	}
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
// standard agenda without its election item (an election is prepared only
// from an agenda file's election item, which links its method and
// candidates: files.StandardAgendaNoElection), and then a name must be
// given. When an election item of
// the agenda file links a method and candidates, the election is prepared
// from them (readElection). Every error is an *InputError naming the file
// and its line.
func ReadSetup(rosterPath, agendaPath, name string) (model.Setup, error) {
	s, err := readSetup(rosterPath, agendaPath, name)
	return s, badInput(err)
}

func readSetup(rosterPath, agendaPath, name string) (model.Setup, error) {
	af := files.AgendaFile{Items: files.StandardAgendaNoElection()}
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
	if err := af.CheckUnits(roster); err != nil {
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
// opened at the time at by the host, whole or not at all: it is made in a
// temporary file beside db, verified, and only then given the name db
// (data.Create), so a full disk or a kill on the way leaves no db. It
// never overwrites a congress (*ExistsError); a file that exists but holds
// no congress is an *ExistsError with Empty set, and is replaced only when
// replaceEmpty is set. The commands then, if any, are executed after the
// congress is opened, in the same creation (podium new --survey records
// the survey so). A setup or a command the core refuses (an *InputError)
// leaves no file behind.
func Create(db string, setup model.Setup, at time.Time, replaceEmpty bool, then ...session.Command) error {
	content, err := data.Contents(db)
	switch {
	case err != nil:
		return err
	case content == data.Congress:
		return &ExistsError{Path: db}
	case content == data.Empty && !replaceEmpty:
		return &ExistsError{Path: db, Empty: true}
	}
	return create(db, content == data.Empty, setup, at, then...)
}

// create writes the congress of setup at db through data.Create, then
// the commands then; a refusal of the core is an *InputError.
func create(db string, replace bool, setup model.Setup, at time.Time, then ...session.Command) error {
	err := data.Create(context.Background(), db, replace, func(st *data.Store) error {
		s, err := session.Create(st, session.Open{Meta: session.Meta{At: at, Actor: "host"}, Setup: setup})
		for _, c := range then {
			if err != nil {
				break
			}
			_, err = s.Execute(c)
		}
		if err != nil && !errors.As(err, new(*session.WriteError)) {
			return badInput(err)
		}
		return err
	})
	if errors.As(err, new(*data.ExistsError)) {
		return &ExistsError{Path: db} // it appeared meanwhile; not touched
	}
	if err == nil {
		// A new congress starts with no terminal's draft of an old one,
		// nor a checkpoint of it (which its chain would refuse anyway).
		err = errors.Join(data.RemoveDrafts(db), data.RemoveCheckpoint(db))
	}
	return err
}

// CreateDemo creates a fresh demo congress in db, opened at the time at,
// and returns it open for running. It replaces an earlier demo (or an
// empty database) but never a real congress (*RealCongressError).
func CreateDemo(db string, at time.Time) (*Congress, error) {
	replace := false
	if Exists(db) {
		if err := replaceableDemo(db); err != nil {
			return nil, err
		}
		replace = true
	}
	setup := files.Demo()
	setup.Demo = true
	if err := create(db, replace, setup, at); err != nil {
		return nil, err
	}
	return Open(db, 0)
}

// replaceableDemo returns nil when the database at path is empty or holds
// a demo congress, and a *RealCongressError naming the congress otherwise
// (or the error that says why it cannot be read: it is never replaced
// then).
func replaceableDemo(path string) error {
	switch c, err := data.Contents(path); {
	case err != nil:
		return err
	case c != data.Congress:
		return nil
	}
	store, err := data.Open(path, data.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer store.Close()
	s, err := session.Load(store)
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
