package emulator

import (
	"crypto/hmac"
	"crypto/sha256"
)

// hash is the key of a match key in the store: a keyed hash (the store's
// salt) of its field and normalised value, 16 bytes. The database holds
// no normalised email or name for matching, only these.
func (e *Emulator) hash(k matchKey) []byte {
	m := hmac.New(sha256.New, []byte(e.db.salt))
	m.Write([]byte(k.Field))
	m.Write([]byte{0})
	m.Write([]byte(k.Value))
	return m.Sum(nil)[:16]
}
