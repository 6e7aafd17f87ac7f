package plain

import (
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// The ID types can be heard and chosen in accessible mode: ? reads them
// all (none is listed for a German address, and the hint says so), a word
// found inside one name is asked about, several matches are read out
// numbered, and a short ID number is never read back whole.
func TestPlainIDTypesAreHeardAndChosen(t *testing.T) {
	deps := newDeps(t, client.Local)
	answers := []string{
		"1", "",
		"Ada", "Lovelace",
		"1990-01-31",
		"ada@example.com", "+14155550100",
		"DE", "BE", "10115", "1 Unter den Linden", "", "Berlin",
		"?", "passport", "n", "ssn", "2", // US SSN, last 4 digits
		"6789",
		"", // no bank account
		"", // no access tokens
		"203.0.113.7",
	}
	out, _ := runErr(deps, Request{Flow: "beacon"}, answers...)
	mustSee(t, out,
		"Plaid lists no ID type issued in Germany (DE): every type is listed",
		"37 choices:", "US Social Security number (us_ssn)", "Türkiye TC Kimlik",
		`Only Australia passport (au_passport) matches "passport"`,
		`2 match "ssn"`, "1. US Social Security number (us_ssn)", "2. US SSN, last 4 digits (us_ssn_last_4)",
		"Chosen: US SSN, last 4 digits (us_ssn_last_4)",
		"••89")
	if strings.Contains(out, "6789") {
		t.Fatalf("the ID number is read back whole:\n%s", out)
	}
	if d := onlyDraft(t, deps); d.Beacon.User.IDNumber.Type != "us_ssn_last_4" {
		t.Fatalf("ID type saved as %+v", d.Beacon.User.IDNumber)
	}
}
