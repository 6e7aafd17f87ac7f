package drafts

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/catalog"
)

// Sensitive fields — dates of birth, ID numbers, account numbers and
// access tokens — are sealed at rest with AES-256-GCM. A sealed value reads
// "enc:v1:<key id>:<base64 nonce+ciphertext>"; the draft id and the field's
// path are bound in as additional data, so a sealed value copied to another
// field or draft does not open.
const sealPrefix = "enc:v1:"

// ErrKeyUnavailable means no key could be found or made.
var ErrKeyUnavailable = errors.New("no key to encrypt personal data")

type sealer struct {
	aead  cipher.AEAD
	keyID string // first 8 hex digits of SHA-256 of the key
}

func newSealer(key []byte) (*sealer, error) {
	if len(key) != 32 {
		return nil, fmt.Errorf("%w: the key has %d bytes, want 32", ErrKeyUnavailable, len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(key)
	return &sealer{aead: aead, keyID: hex.EncodeToString(sum[:4])}, nil
}

func (s *sealer) seal(draftID, path, plain string) string {
	if plain == "" {
		return ""
	}
	nonce := make([]byte, s.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		panic("drafts: random source failed: " + err.Error())
	}
	ct := s.aead.Seal(nonce, nonce, []byte(plain), []byte(draftID+"|"+path))
	return sealPrefix + s.keyID + ":" + base64.RawURLEncoding.EncodeToString(ct)
}

// open reverses seal. A value without the prefix is returned as it is
// (drafts written before encryption, or --no-save-pii leftovers).
func (s *sealer) open(draftID, path, value string) (string, error) {
	rest, sealed := strings.CutPrefix(value, sealPrefix)
	if !sealed {
		return value, nil
	}
	keyID, data, found := strings.Cut(rest, ":")
	if !found {
		return "", errors.New("malformed sealed value")
	}
	if s == nil {
		return "", ErrKeyUnavailable
	}
	if keyID != s.keyID {
		return "", fmt.Errorf("sealed with key %s, but the key available is %s", keyID, s.keyID)
	}
	ct, err := base64.RawURLEncoding.DecodeString(data)
	if err != nil || len(ct) < s.aead.NonceSize() {
		return "", errors.New("malformed sealed value")
	}
	plain, err := s.aead.Open(nil, ct[:s.aead.NonceSize()], ct[s.aead.NonceSize():], []byte(draftID+"|"+path))
	if err != nil {
		return "", errors.New("sealed value does not open (altered, or moved from another field)")
	}
	return string(plain), nil
}

// sensitive visits each field the catalogue marks sealed — dates of birth,
// ID numbers, account numbers, access tokens — with its path.
func sensitive(d *Draft, visit func(path string, field *string)) {
	eachPersonal(d, func(f *catalog.Field, path string, value *string) {
		if f.Personal == catalog.Sealed {
			visit(path, value)
		}
	})
}

// eachPersonal visits the personal fields of the request a draft holds.
func eachPersonal(d *Draft, visit func(f *catalog.Field, path string, value *string)) {
	switch {
	case d.Beacon != nil:
		catalog.EachPersonal(d.Beacon, visit)
	case d.Partner != nil:
		catalog.EachPersonal(d.Partner, visit)
	}
}

// HasSensitive reports whether any sensitive field is filled.
func (d *Draft) HasSensitive() bool {
	found := false
	sensitive(d, func(_ string, f *string) { found = found || *f != "" })
	return found
}
