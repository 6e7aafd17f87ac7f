package emulator

import (
	"hash/maphash"
	"slices"
)

// keyIndex maps match keys to the users (or reports) that have them. Keys
// are 64-bit hashes (seeded per process) and members are small integers,
// so the maps hold no pointers: the garbage collector never scans them,
// which keeps screening's cost flat from a thousand users to a hundred
// thousand. A hash collision between two different keys is possible in
// principle (about 1 in 10^8 at 700,000 keys) and would show as a spurious
// match.
type keyIndex struct {
	first map[uint64]uint32   // the first member with the key
	more  map[uint64][]uint32 // further members, rarely any
}

func newKeyIndex() *keyIndex {
	return &keyIndex{first: map[uint64]uint32{}, more: map[uint64][]uint32{}}
}

func (x *keyIndex) add(h uint64, m uint32) {
	if f, found := x.first[h]; !found {
		x.first[h] = m
		return
	} else if f == m || slices.Contains(x.more[h], m) {
		return
	}
	x.more[h] = append(x.more[h], m)
}

func (x *keyIndex) remove(h uint64, m uint32) {
	rest := slices.DeleteFunc(x.more[h], func(v uint32) bool { return v == m })
	if f, found := x.first[h]; found && f == m {
		if len(rest) == 0 {
			delete(x.first, h)
			delete(x.more, h)
			return
		}
		x.first[h], rest = rest[0], rest[1:]
	}
	if len(rest) == 0 {
		delete(x.more, h)
	} else {
		x.more[h] = rest
	}
}

// any reports whether some member other than self has the key.
func (x *keyIndex) any(h uint64, self uint32) (uint32, bool) {
	if f, found := x.first[h]; found && f != self {
		return f, true
	}
	for _, m := range x.more[h] {
		if m != self {
			return m, true
		}
	}
	return 0, false
}

func (x *keyIndex) has(h uint64) bool {
	_, found := x.first[h]
	return found
}

// keyHasher hashes match keys with a seed fixed for the life of a process
// (the index is rebuilt on load, so the seed need not be saved).
type keyHasher struct{ seed maphash.Seed }

func newKeyHasher() keyHasher { return keyHasher{maphash.MakeSeed()} }

func (k keyHasher) hash(m matchKey) uint64 {
	var h maphash.Hash
	h.SetSeed(k.seed)
	h.WriteString(string(m.Field))
	h.WriteByte(0)
	h.WriteString(m.Value)
	return h.Sum64()
}
