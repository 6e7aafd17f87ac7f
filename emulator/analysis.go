package emulator

import (
	"strings"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// analyse says, attribute by attribute, how a user's data matches
// another's: the `analysis` of duplicates and report syndications. Plaid
// documents the codes, not how it decides them; this is the emulator's
// model (README): equal after normalising is a match; a name sharing the
// given or the family name, a birth date off in one part, an address on
// the same street or in the same postal code is partial; a side without
// the attribute is no_data.
func analyse(a, b client.BeaconUserRequestData) client.BeaconMatchSummaryAnalysis {
	return client.BeaconMatchSummaryAnalysis{
		Name:         compareName(a.Name, b.Name),
		DateOfBirth:  compareDate(a.DateOfBirth, b.DateOfBirth),
		Address:      compareAddress(a.Address, b.Address),
		EmailAddress: compare(fold(a.EmailAddress), fold(b.EmailAddress)),
		PhoneNumber:  compare(normPhone(a.PhoneNumber), normPhone(b.PhoneNumber)),
		IDNumber:     compare(normID(a.IDNumber), normID(b.IDNumber)),
		IPAddress:    compare(normKeyIP(a.IPAddress), normKeyIP(b.IPAddress)),
	}
}

func compare(a, b string) client.BeaconMatchCode {
	switch {
	case a == "" || b == "":
		return client.MatchNoData
	case a == b:
		return client.MatchStrong
	}
	return client.MatchNone
}

func normKeyIP(s string) string {
	if s == "" {
		return ""
	}
	return normIP(s)
}

func compareName(a, b client.BeaconUserName) client.BeaconMatchCode {
	ag, af, bg, bf := fold(a.GivenName), fold(a.FamilyName), fold(b.GivenName), fold(b.FamilyName)
	switch {
	case ag+af == "" || bg+bf == "":
		return client.MatchNoData
	case ag == bg && af == bf:
		return client.MatchStrong
	case ag == bg || af == bf || partOf(af, bf) || partOf(bf, af):
		return client.MatchPartial
	}
	return client.MatchNone
}

// partOf says whether a double-barrelled name holds the other: "Knope"
// and "Knope-Wyatt", the spec's example.
func partOf(short, long string) bool {
	if short == "" {
		return false
	}
	for _, part := range strings.FieldsFunc(long, func(r rune) bool { return r == '-' || r == ' ' }) {
		if part == short {
			return true
		}
	}
	return false
}

func compareDate(a, b string) client.BeaconMatchCode {
	if code := compare(a, b); code != client.MatchNone {
		return code
	}
	pa, pb := strings.Split(a, "-"), strings.Split(b, "-")
	if len(pa) != 3 || len(pb) != 3 {
		return client.MatchNone
	}
	same := 0
	for i := range pa {
		if pa[i] == pb[i] {
			same++
		}
	}
	if same == 2 {
		return client.MatchPartial
	}
	return client.MatchNone
}

func compareAddress(a, b client.BeaconUserRequestAddress) client.BeaconMatchCode {
	if code := compare(normAddress(a), normAddress(b)); code != client.MatchNone {
		return code
	}
	sameCountry := strings.EqualFold(a.Country, b.Country)
	if sameCountry && (fold(a.Street) == fold(b.Street) || (a.PostalCode != "" && fold(a.PostalCode) == fold(b.PostalCode))) {
		return client.MatchPartial
	}
	return client.MatchNone
}
