package emulator

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/netip"
	"strings"
	"unicode"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// matchKey is a normalised piece of personal data: the same person typed
// twice with different case, spacing or phone formatting gives the same key.
type matchKey struct {
	Field MatchField `json:"field"`
	Value string     `json:"value"`
}

// fold lower-cases and collapses runs of spaces.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// normPhone is the key of a phone number. A request reaches screening
// only once its number has passed the catalogue's E.164 rule (the one
// place that decides which country a national number is read in), and the
// network list is written in E.164, so only stray characters are dropped.
func normPhone(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) || r == '+' {
			return r
		}
		return -1
	}, s)
}

func normIP(s string) string {
	if a, err := netip.ParseAddr(strings.TrimSpace(s)); err == nil {
		return a.Unmap().String()
	}
	return fold(s)
}

// accountKey hides an account number: the emulator keeps only a keyed hash
// of routing and account number, so its state file never holds one.
func accountKey(salt, routing, account string) string {
	m := hmac.New(sha256.New, []byte(salt))
	m.Write([]byte(strings.TrimSpace(routing) + "/" + strings.TrimSpace(account)))
	return hex.EncodeToString(m.Sum(nil))[:32]
}

// personKeys lists the keys of a person's data (accounts come separately,
// already hashed).
func personKeys(d client.BeaconUserRequestData) []matchKey {
	var keys []matchKey
	add := func(f MatchField, v string) {
		if v != "" {
			keys = append(keys, matchKey{f, v})
		}
	}
	if d.DateOfBirth != "" && d.Name.GivenName != "" {
		add(MatchNameDOB, fold(d.Name.GivenName)+"|"+fold(d.Name.FamilyName)+"|"+d.DateOfBirth)
	}
	add(MatchEmail, fold(d.EmailAddress))
	if d.PhoneNumber != "" {
		add(MatchPhone, normPhone(d.PhoneNumber))
	}
	if d.IDNumber.Value != "" {
		add(MatchIDNumber, normID(d.IDNumber))
	}
	if d.IPAddress != "" {
		add(MatchIPAddress, normIP(d.IPAddress))
	}
	if a := d.Address; a.Street != "" {
		add(MatchAddress, normAddress(a))
	}
	return keys
}

// normID is an id number's key: its type and its characters without the
// separators people type.
func normID(id client.BeaconUserIDNumber) string {
	if id.Value == "" {
		return ""
	}
	return string(id.Type) + ":" + strings.ToUpper(strings.Join(strings.FieldsFunc(id.Value, func(r rune) bool {
		return r == '-' || r == ' ' || r == '.'
	}), ""))
}

func normAddress(a client.BeaconUserRequestAddress) string {
	if a.Street == "" {
		return ""
	}
	return fold(a.Street) + "|" + fold(a.Street2) + "|" + fold(a.City) + "|" + fold(a.PostalCode) + "|" + strings.ToUpper(a.Country)
}
