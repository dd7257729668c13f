package data

import (
	"bytes"
	"fmt"
)

// tree walks the page structure of a pageFile from its meta page, with
// plain reads, checking what bbolt's own Check does without ever trusting
// an offset: every page reachable from the root bucket is read once,
// lies inside the file, calls itself by its id and has entries inside its
// bounds; keys are in order; the free list is whole; and every page below
// the high-water mark is either in use or free. A damaged page is named in
// the problems and its subtree skipped; the walk goes on with the rest.
type tree struct {
	f        *pageFile
	state    []byte // per page: 0 not reached, pageUsed, pageFree
	problems []string
	more     int // problems beyond maxProblems, counted only
}

const (
	pageUsed = 1
	pageFree = 2
)

func newTree(f *pageFile) *tree {
	return &tree{f: f, state: make([]byte, f.meta.pgid)}
}

func (t *tree) problem(format string, a ...any) {
	if len(t.problems) >= maxProblems {
		t.more++
		return
	}
	t.problems = append(t.problems, fmt.Sprintf(format, a...))
}

// damage returns the problems found as a *DamageError, or nil.
func (t *tree) damage() error {
	if len(t.problems) == 0 {
		return nil
	}
	p := t.problems
	if t.more > 0 {
		p = append(p[:len(p):len(p)], fmt.Sprintf("%d more problems", t.more))
	}
	return &DamageError{Path: t.f.path, Problems: p}
}

// use marks page id and its overflow pages as in use; it reports false
// when one of them was reached before (a loop or a shared page).
func (t *tree) use(id, ov uint64, what string) bool {
	for i := id; i <= id+ov && i < uint64(len(t.state)); i++ {
		switch t.state[i] {
		case pageUsed:
			t.problem("%s: page %d is reached twice", what, i)
			return false
		case pageFree:
			t.problem("%s: page %d is in use but listed as free", what, i)
		}
		t.state[i] = pageUsed
	}
	return true
}

// freelist reads the free list and marks its pages free.
func (t *tree) freelist() {
	id := t.f.meta.freelist
	if id == noFreelist {
		return
	}
	p, err := t.f.page(id)
	if err != nil {
		t.problem("free list: %v", err)
		return
	}
	if fl := le.Uint16(p[8:]); fl != flagFreelist {
		t.problem("free list: page %d is of type %#x, not a free list", id, fl)
		return
	}
	t.use(id, overflow(p), "free list")
	ids, err := freelistIDs(p)
	if err != nil {
		t.problem("free list: page %d: %v", id, err)
		return
	}
	for _, f := range ids {
		switch {
		case f < 2 || f >= t.f.meta.pgid:
			t.problem("free list: page %d is outside the file's %d pages", f, t.f.meta.pgid)
		case t.state[f] == pageFree:
			t.problem("free list: page %d is listed twice", f)
		case t.state[f] == pageUsed:
			t.problem("free list: page %d is listed as free but in use", f)
		default:
			t.state[f] = pageFree
		}
	}
}

// root walks the root bucket: fn is called with each entry of each bucket
// in key order, with the bucket's path ("events", "meta"). Entries of the
// root bucket itself must all be buckets.
func (t *tree) root(fn func(bucket string, e element)) {
	t.freelist()
	t.pages(&walk{name: "root", fn: func(e element) {
		if e.flags&bucketLeafFlag == 0 {
			t.problem("root: the entry %s is not a bucket", shortKey(e.key))
			return
		}
		t.bucket(printable(e.key), e.value, fn)
	}}, t.f.meta.root, 0)
}

// finish checks that every page below the high-water mark is in use or
// free (when nothing else is wrong).
func (t *tree) finish() {
	if len(t.problems) > 0 {
		return // pages under a damaged page are not reached: no news
	}
	var lost []uint64
	n := 0
	for id := uint64(2); id < uint64(len(t.state)); id++ {
		if t.state[id] == 0 {
			if len(lost) < 5 {
				lost = append(lost, id)
			}
			n++
		}
	}
	if n > 0 {
		t.problem("%d pages are neither in use nor free (%v…)", n, lost)
	}
}

// walk is the walk of one bucket: its name for messages, the last key
// seen (keys must grow) and what to call with each entry.
type walk struct {
	name string
	last []byte
	fn   func(element)
}

// printable is a bucket's name for messages: as it is when it is plain
// ASCII, else in hex.
func printable(k []byte) string {
	for _, c := range k {
		if c < 0x20 || c > 0x7e {
			return shortKey(k)
		}
	}
	return shortText(k)
}

// bucket walks the bucket stored in value v (a bucket header, then the
// bucket's page inline or the id of its root page).
func (t *tree) bucket(name string, v []byte, fn func(string, element)) {
	if len(v) < bucketHdrSize {
		t.problem("bucket %s: its header is %d bytes, too short", name, len(v))
		return
	}
	w := &walk{name: name}
	w.fn = func(e element) {
		if e.flags&bucketLeafFlag != 0 {
			// podium keeps no bucket inside a bucket.
			t.problem("bucket %s: the entry %s is a bucket where a value belongs", name, shortKey(e.key))
			return
		}
		fn(name, e)
	}
	if id := le.Uint64(v); id != 0 {
		t.pages(w, id, 0)
		return
	}
	p := v[bucketHdrSize:]
	if len(p) < pageHeaderSize || le.Uint16(p[8:]) != flagLeaf {
		t.problem("bucket %s: its inline page is damaged", name)
		return
	}
	t.leaf(w, p, "inline")
}

// pages walks the subtree at page id in key order.
func (t *tree) pages(w *walk, id uint64, depth int) {
	if depth > maxDepth {
		t.problem("bucket %s: page %d: the tree is too deep", w.name, id)
		return
	}
	p, err := t.f.page(id)
	if err != nil {
		t.problem("bucket %s: %v", w.name, err)
		return
	}
	if !t.use(id, overflow(p), "bucket "+w.name) {
		return
	}
	switch fl := le.Uint16(p[8:]); fl {
	case flagLeaf:
		t.leaf(w, p, fmt.Sprintf("page %d", id))
	case flagBranch:
		bs, err := branchElements(p)
		if err != nil {
			t.problem("bucket %s: page %d: %v", w.name, id, err)
			return
		}
		for i, b := range bs {
			if i > 0 && bytes.Compare(b.key, bs[i-1].key) <= 0 {
				t.problem("bucket %s: page %d: its keys are out of order", w.name, id)
				return
			}
			t.pages(w, b.page, depth+1)
		}
	default:
		t.problem("bucket %s: page %d is of type %#x where a branch or leaf belongs", w.name, id, fl)
	}
}

// leaf calls w.fn with each entry of a leaf page, in order.
func (t *tree) leaf(w *walk, p []byte, where string) {
	es, err := leafElements(p)
	if err != nil {
		t.problem("bucket %s: %s: %v", w.name, where, err)
		return
	}
	for _, e := range es {
		if w.last != nil && bytes.Compare(e.key, w.last) <= 0 {
			t.problem("bucket %s: %s: the key %s is out of order after %s", w.name, where, shortKey(e.key), shortKey(w.last))
			continue
		}
		w.last = e.key
		w.fn(e)
	}
}
