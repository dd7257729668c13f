package session

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"podium/model"
	"podium/session/election"
)

func TestCodecRoundTrip(t *testing.T) {
	when := time.Date(2026, 11, 30, 9, 0, 0, 123456789, time.UTC)
	for _, e := range []Event{
		{Seq: 1, At: when, Actor: "host", Body: Opened{Setup: testSetup(3)}},
		{Seq: 2, At: when, Actor: "desk·1", Body: Marked{Person: "D0001", Status: Present}},
		{Seq: 3, At: when, Actor: "", Body: Marked{Person: "D0001", Status: NotArrived, Undoes: 2}},
		{Seq: 4, At: when, Actor: "desk·1", Body: Marked{Person: "D0002", Status: Present, Terminal: "ssh:0a1b"}},
		{Seq: 300, At: when, Actor: "host", Body: ItemStarted{Index: 4, Count: Count{122, 98}}},
		{Seq: 1 << 40, At: when, Actor: "host", Body: DeclaredOpen{Count: Count{122, 62}}},
		{Seq: 7, At: when, Actor: "sec", Body: QuestionDeferred{No: 2, Due: when.AddDate(0, 0, 14)}},
		{Seq: 8, At: when, Actor: "host", Body: VoteRecorded{No: 1, Item: 6, Subject: "批准工作报告", Kind: "ordinary", Method: "hands",
			For: 64, Against: 3, Abstain: 1, Count: Count{122, 118}, Rule: model.Fraction{Num: 1, Den: 2}, Base: 122, Need: 61, Adopted: true}},
		{Seq: 9, At: when, Actor: "t1", Body: BallotEntered{Round: 1, Index: 3, Ballot: election.Ballot{Marks: []election.Mark{1, 2, 0}, WriteIns: []election.WriteIn{{Name: "王五", Category: "社团"}}}}},
	} {
		b, err := Encode(e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Decode(b)
		if err != nil {
			t.Fatalf("%T: %v", e.Body, err)
		}
		if !reflect.DeepEqual(got, e) {
			t.Fatalf("round trip:\n got %#v\nwant %#v", got, e)
		}
		for n := 0; n < len(b); n++ {
			// A cut decodes only where it is a whole record of its own:
			// the event without the fields added at its end (FORMAT rule
			// 2), which then writes exactly those bytes.
			if got, err := Decode(b[:n]); err == nil {
				if again, err := Encode(got); err != nil || !bytes.Equal(again, b[:n]) || reflect.DeepEqual(got, e) {
					t.Fatalf("%T cut to %d bytes decoded without error", e.Body, n)
				}
			}
		}
	}
}

// FuzzDecode: any bytes decode to an event or an error, never a panic;
// what decodes re-encodes (codec 2) to something that decodes the same.
func FuzzDecode(f *testing.F) {
	for _, b := range fixtureSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := Decode(data)
		if err != nil {
			return
		}
		if _, ok := e.Body.(LegacyRoundDecided); ok {
			return // read, never written
		}
		b, err := Encode(e)
		if err != nil {
			t.Fatalf("decoded %#v but cannot encode it: %v", e, err)
		}
		again, err := Decode(b)
		if err != nil || !reflect.DeepEqual(again, e) {
			t.Fatalf("re-encoded event differs: %v", err)
		}
	})
}

// FuzzSetupBody fuzzes the binary setup of codec 2 (Opened) on its own.
func FuzzSetupBody(f *testing.F) {
	floor := fixtureAdditions()["opened_floor"].(Opened).Setup
	for _, s := range []model.Setup{testSetup(3), fixtureSetup(), {}, floor} {
		b, _ := putOpened(nil, Opened{Setup: s})
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := reader{b: data}
		body, _ := getOpened(&r)
		if r.err != nil || r.off != len(data) {
			return
		}
		b, err := putOpened(nil, body)
		if err != nil {
			t.Fatal(err)
		}
		r2 := reader{b: b}
		again, _ := getOpened(&r2)
		if r2.err != nil || !reflect.DeepEqual(again, body) {
			t.Fatalf("re-encoded setup differs: %v", r2.err)
		}
	})
}

// FuzzBallotBody fuzzes the binary ballot of codec 2 (BallotEntered).
func FuzzBallotBody(f *testing.F) {
	for _, bl := range []election.Ballot{{}, {Marks: []election.Mark{1, 2, 0, 2, 1}}, fixtureBodies()["ballot_entered"].(BallotEntered).Ballot} {
		b, _ := putBallotEntered(nil, BallotEntered{Round: 1, Index: 3, Ballot: bl})
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := reader{b: data}
		body, _ := getBallotEntered(&r)
		if r.err != nil || r.off != len(data) {
			return
		}
		b, err := putBallotEntered(nil, body)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, data) {
			t.Fatalf("a ballot has two encodings: %x and %x", data, b)
		}
	})
}

// TestSetupTimeZone: the time zone, added at the end of the setup, is
// written only when set; a record without it reads as no zone (+08:00),
// and one with an empty zone written out is damage (a setup has one
// encoding).
func TestSetupTimeZone(t *testing.T) {
	s := testSetup(3)
	s.Meeting.Adoption = "" // no later addition follows the zone
	plain, _ := Encode(Event{Seq: 1, At: time.Unix(0, 0).UTC(), Body: Opened{Setup: s}})
	s.Meeting.TimeZone = "+06:00"
	zoned, _ := Encode(Event{Seq: 1, At: time.Unix(0, 0).UTC(), Body: Opened{Setup: s}})
	if !bytes.Equal(zoned[:len(plain)], plain) || !bytes.Equal(zoned[len(plain):], appendString(nil, "+06:00")) {
		t.Fatalf("the zone is not an addition at the end:\n%x\n%x", plain, zoned)
	}
	e, err := Decode(zoned)
	if err != nil || e.Body.(Opened).Setup.Meeting.TimeZone != "+06:00" {
		t.Fatalf("zoned: %v %+v", err, e)
	}
	if _, err := Decode(append(plain, 0)); err == nil {
		t.Error("an empty zone written out was read")
	}
}

// TestUvarintIsBinarys: the reader's uvarint gives what binary.Uvarint
// gives — value and length, or the same refusal — for numbers of every
// length, cut short, too long and overflowing, and random bytes.
func TestUvarintIsBinarys(t *testing.T) {
	var inputs [][]byte
	for shift := range 64 {
		for _, v := range []uint64{1 << shift, 1<<shift - 1, 1<<shift + 1, ^uint64(0) >> shift} {
			b := binary.AppendUvarint(nil, v)
			for cut := range len(b) + 1 {
				inputs = append(inputs, b[:cut], append(append([]byte(nil), b[:cut]...), 0x80, 0x80, 0, 7, 9, 0xff, 0x81, 1, 2, 3))
			}
		}
	}
	for n := 1; n <= 12; n++ { // too long: every byte continues, then 0, 1 or 2
		for _, last := range []byte{0, 1, 2, 0x7f} {
			b := append(bytes.Repeat([]byte{0xff}, n-1), last)
			inputs = append(inputs, b, append(b, 5, 6, 7, 8, 9, 10, 11, 12))
		}
	}
	rnd := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		b := make([]byte, rnd.IntN(14))
		for i := range b {
			b[i] = byte(rnd.Uint32())
			if rnd.IntN(4) > 0 {
				b[i] |= 0x80
			}
		}
		inputs = append(inputs, b)
	}
	for _, b := range inputs {
		v, n := uvarint(b)
		wv, wn := binary.Uvarint(b)
		if v != wv || n != wn {
			t.Fatalf("% x: %d, %d; binary.Uvarint %d, %d", b, v, n, wv, wn)
		}
	}
}
