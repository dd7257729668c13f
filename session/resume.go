package session

import "errors"

// TailLog is a Log that can also replay only the records after a given
// one: what Resume needs to bring a checkpoint's state up to date.
type TailLog interface {
	Log
	// ReplayAfter calls fn with every stored record after seq, in
	// order, with the same checks and the same lifetime of Data as
	// Replay.
	ReplayAfter(seq uint64, fn func(Record) error) error
}

// Image replays the whole log and returns the state it gives, encoded as
// a checkpoint's image, with the seq of its last event.
func Image(log Log) (image []byte, seq uint64, err error) {
	return nil, 0, errors.New("session: images are not built yet")
}

// Resume returns the session of image (made by Image from the same log,
// by the same build) brought up to date with the records after it.
func Resume(log TailLog, image []byte) (*Session, error) {
	return nil, errors.New("session: images are not built yet")
}

// CheckImage replays the log in full up to image's last event and
// reports whether it gives the state image holds.
func CheckImage(log Log, image []byte) error {
	return errors.New("session: images are not built yet")
}
