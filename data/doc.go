// Package data is podium's durable, tamper-evident event log: one bbolt
// file (podium.db) that implements session.Log.
//
// Package session numbers the events (Seq 1, 2, 3… without gaps) and
// encodes them; this package stores the encoded bytes as they are, chains
// them with SHA-256, and reads them back in order. Nothing but session
// talks to it.
//
// # Buckets
//
//	podium.db
//	├── meta                     small bucket, one value per key
//	│   ├── app      "podium"
//	│   ├── schema   8-byte big-endian version (SchemaVersion)
//	│   ├── created  RFC 3339 UTC time the file was made
//	│   ├── head     8-byte big-endian seq | 32-byte hash of the last record
//	│   ├── runs     JSON: [{"first":1,"codec":2,"podium":"v1.2.0"}, …], the
//	│                codec and podium version that wrote each run of events
//	│                (absent in a log from before runs: codec 1, podium unknown)
//	│   ├── mirror   the mirror file's path (SettingMirror), when set
//	│   ├── follows  on a standby: JSON, the podium it follows (SettingFollows)
//	│   └── fenced   8-byte seq | 32-byte link | record: the takeover of this
//	│                log by another podium (Fence); appends are refused
//	└── events                   one key per event, in seq order
//	    ├── 00 00 00 00 00 00 00 01  →  32 zero bytes | data of event 1
//	    ├── 00 00 00 00 00 00 00 02  →  sha256(value 1) | data of event 2
//	    └── …   key: 8-byte big-endian seq
//	            value: link (sha256 of the previous value, zeros for the
//	            first) followed by the event as session encoded it
//
// and beside it, outside the record:
//
//	podium.db.drafts             the terminals' drafts (Drafts)
//	podium.db.checkpoint         the state at one event, a cache (Checkpoint):
//	                             "PODIUMCK" | format 1 | 2-byte length + build ID |
//	                             8-byte seq | 32-byte sha256 of value seq |
//	                             4-byte CRC-32C of the image | 8-byte length | image
//
// # The chain
//
// The hash of a record is sha256 of its whole stored value, link included,
// so each value's link commits to every event before it. meta/head holds
// the last seq and hash and is written in the same transaction as the
// events, so the last event is covered too. Replay and Verify recompute the
// chain and report the first event that cannot be trusted as a
// *BadRecordError: a changed byte (data or link), a missing, extra or
// misplaced key, a log cut short. The chain shows accidental damage and
// edits made without recomputing it; anyone who can write the file can
// also rewrite the whole chain, so to prove a log is the one of the
// meeting, compare the hash that `podium verify` prints (Verify) with one
// recorded elsewhere (on the signed minutes, say).
//
// # Durability
//
// Append writes all its records in one bbolt transaction, which fsyncs
// (fdatasync) twice: the data pages, then the meta page that makes them
// current. When Append returns nil the records survive a crash or a power
// cut; after a crash the file holds exactly the transactions committed
// before it. A new file's directory is fsync'd too, and Backup writes a
// temporary file, fsyncs it, verifies it and renames it, so a backup is
// whole or absent; CopyInUse (a backup while another podium holds the
// file) retries a torn copy a bounded number of times, then says that
// podium is writing too fast; temporary files are removed on every way
// out, signals included.
// The in-memory head (Head) changes only after a commit has succeeded.
//
// # Write failures
//
// A commit that fails (a full disk: ENOSPC; an I/O error: EIO) stores
// nothing and returns its error; the session reports it as a
// *session.WriteError and changes nothing. The next Append closes and
// reopens the file (after a failed fsync not even the page cache can be
// trusted), checks that its last event is still the last one acknowledged,
// and tries again: freeing space is enough, no restart. If the last event
// has moved, the store refuses every later append. `podium new` writes a
// new congress through Create: a temporary file, verified, then renamed,
// so an interrupted or failed creation never leaves a half-made file.
//
// # Damaged files
//
// bbolt reads its file through a memory map and trusts every byte: a file
// cut short, or a page id a flipped bit has changed, makes it read outside
// the map (a fault that kills the process) or fail an assertion (a panic).
// So podium never lets bbolt read a file it has not checked, and never
// lets a damaged file crash it:
//
//   - Open reads the two header (meta) pages and the free list with plain
//     reads (pagefile.go) before bbolt maps the file: a file shorter than
//     its header's page count times its page size is named as cut short;
//     a damaged header or free list is named too.
//   - Every read through bbolt (Open, Replay, Append, Backup) runs under
//     guard: runtime/debug.SetPanicOnFault(true) and a recover that turns
//     a fault or a bbolt assertion into a *DamageError.
//   - Verify, and the check of every backup copy, read the whole file with
//     plain reads (tree.go): the page tree, the free list and the chain,
//     never trusting an offset; a live Verify holds a read transaction so
//     that the pages it reads are not reused meanwhile.
//   - Salvage reads a damaged file with plain reads only and writes the
//     events it can prove (the chain from event 1 up to the first event it
//     cannot read or whose link fails) into a new, verified file.
//
// *DamageError and *BadRecordError match ErrDamaged; commands exit 1 with a
// message that names the damage and points to podium salvage. Messages
// quote at most 16 bytes of a key or 32 of a value.
//
// The bbolt settings suit an append-only log: the events bucket fills its
// pages completely (FillPercent 1.0, since keys only grow: about half the
// file size of the default); free pages are kept in a hash map
// (FreelistMapType); on Linux a file not all in the page cache is mapped
// with MAP_POPULATE so that a cold start reads it in one sweep instead of
// one page fault at a time (a cached one is not: faulting in its pages as
// the replay reads them costs less than pre-faulting them all).
// The free-page list is written at each commit, as bbolt does by default:
// not writing it (NoFreelistSync) saved nothing measurable per commit but
// made every open walk the whole file. Appending one event costs about
// 1.1–1.3 times an fsync'd 4 KiB append to a plain file (0.2–0.3 ms here).
//
// # Copies: mirror, standby, fence
//
// A copy holds the original's stored values, links included, so the same
// chain and head: AppendStored writes records read from another log
// (RecordsFrom), checking that each link is the hash of the copy's last
// record (a *ForkError otherwise: two writers extended the chain);
// Notify tells a copier of each commit; Compare says how far two logs
// are alike. A Mirror copies a store into a second file from its own
// goroutine after each commit, so the primary's acknowledgement never
// waits for it; a failure (a pulled stick) closes the mirror file, is kept
// in its Status, and the file is opened again and caught up every second.
// Fence records a proven takeover of the log by another podium (its
// takeover event must link to this log's event before it): from then on
// every append is refused with a *session.FencedError.
//
// # One process at a time
//
// The file is locked (flock) while open: exclusively for read-write, shared
// for Options.ReadOnly. Open waits up to Options.Timeout (one second by
// default) and then returns an *InUseError (errors.Is ErrInUse) whose
// message says that another podium holds the file and what to do.
//
// # Versions
//
// Session encodes each event with a codec version (docs/FORMAT.md) and
// tells the store which (session.Record.Codec). meta/runs records, in the
// transaction that stores them, the codec and the podium version of each
// run of events, so that a log says which podium wrote what. A log with a
// run in a codec newer than this podium's is refused with a *VersionError
// naming both podiums and codecs: Open refuses it read-write (nothing is
// written to it), Replay read-only; Verify still works.
//
// # Drafts
//
// Beside the database, podium.db.drafts (Drafts) keeps each terminal's
// work in progress — the screen it showed, a ballot being keyed — outside
// the record: not chained, not verified, not exported.
//
// # Checkpoint
//
// Beside the database, podium.db.checkpoint (CheckpointPath) keeps the
// state of the log replayed in full up to one event: an image encoded by
// session (session.Image), opaque here, with the seq of its last event,
// the hash of that event's stored value, the build that wrote it
// (BuildID: the executable's Go build ID) and a CRC-32C of the image, all
// numbers big-endian (docs/FORMAT.md, "The checkpoint"). Load resumes the
// session from it (session.Resume, then ReplayAfter for the events after
// it) instead of replaying the whole log; it is a cache, never the
// record: Load replays the log in full when Checkpoint finds it missing,
// written by another build (or the build ID cannot be read), damaged
// (magic, format, length, CRC), of an event past the log's end, or not of
// the log's chain, and says why (a *CheckpointError). Checking the chain
// costs one value: the hash must be meta/head's when the seq is the last
// event, and the link of event seq+1 when it is an earlier one, and so it
// commits to every event up to seq. SaveCheckpoint writes it through a
// temporary file beside it and a rename, without fsync (a torn one fails
// its CRC, but for one in 2³²), removing the temporary files of a save
// that was cut short; a read-only store never writes one. Load maps the file
// rather than reading it onto the heap (on Linux; under guard, like the
// log) and lets it go once decoded: the state keeps nothing of it.
// A session resumed from a checkpoint executes nothing until it is
// checked against a full replay (session.Session.Checked, which podium
// runs in the background as soon as it is up).
//
// # Schema
//
// meta/schema is the layout's version. Open migrates an older file with
// the migrations in schema.go, in order, in one transaction, and refuses a
// newer one with a *SchemaError. There are no migrations yet: version 1 is
// the layout above.
package data
