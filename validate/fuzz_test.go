package validate

import (
	"testing"
	"unicode/utf8"
)

// fuzzCheck holds a check to the properties every rule promises, whatever
// the input: it does not panic; a valid result carries a fix only with
// advice saying why; an offered fix is never invalid; and normalising
// twice gives what normalising once gives.
func fuzzCheck(f *testing.F, check Check, seeds ...string) {
	for _, s := range append(seeds, "", " ", "\x00", "\xff\xfe", "\t\n", "+", "@", "-", ".", "::", "/", "*.") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := check(s)
		if r.State > Invalid {
			t.Fatalf("check(%q) state %d out of range", s, r.State)
		}
		if r.State == Valid && r.Fix != "" && r.Message == "" {
			t.Fatalf("check(%q) valid with fix %q and no advice", s, r.Fix)
		}
		if r.State != Valid && r.Message == "" {
			t.Fatalf("check(%q) is %v without a message", s, r.State)
		}
		if r.Fix == "" {
			return
		}
		if !utf8.ValidString(r.Fix) {
			t.Fatalf("check(%q) fix %q is not UTF-8", s, r.Fix)
		}
		if fr := check(r.Fix); fr.State == Invalid {
			t.Fatalf("fix %q of %q is invalid: %s", r.Fix, s, fr.Message)
		}
		once := Normalize(check, s)
		if twice := Normalize(check, once); twice != once {
			t.Fatalf("normalising %q: once %q, twice %q", s, once, twice)
		}
	})
}

func FuzzName(f *testing.F)        { fuzzCheck(f, Name, "Leslie", "Knope\n") }
func FuzzCompanyText(f *testing.F) { fuzzCheck(f, CompanyText, "Plaid", "Acme\tInc") }
func FuzzStreet(f *testing.F)      { fuzzCheck(f, Street, "123 Main St.", "123") }
func FuzzStreet2(f *testing.F)     { fuzzCheck(f, Street2, "Unit 42") }
func FuzzCity(f *testing.F)        { fuzzCheck(f, City, "Pawnee") }
func FuzzCountryCode(f *testing.F) { fuzzCheck(f, CountryCode, "US", "germany", "us", " DE ", "Ger") }
func FuzzRegion(f *testing.F) {
	fuzzCheck(f, func(s string) Result { return Region("US", s) }, "IN", "US-IN", "in", "Indiana", " ca ")
}
func FuzzPostalCode(f *testing.F) {
	fuzzCheck(f, func(s string) Result { return PostalCode("US", s) }, "46001", "46001-1234", " 4600 ")
}
func FuzzPostalCodeGB(f *testing.F) {
	fuzzCheck(f, func(s string) Result { return PostalCode("GB", s) }, "SW1A 1AA", "sw1a-1aa")
}
func FuzzPhone(f *testing.F) {
	fuzzCheck(f, func(s string) Result { return Phone(s, "US") }, "+14155550100", "(415) 555-0100", " +1 415 555 0100 ", "+44 20 7183 8750")
}
func FuzzPhoneNoCountry(f *testing.F) {
	fuzzCheck(f, func(s string) Result { return Phone(s, "") }, "+1 (415) 555-0100", "00442071838750")
}
func FuzzEmail(f *testing.F) {
	fuzzCheck(f, Email, "a@b.co", " a@b.co ", `"x y"@ex.com`, "a@xn--p1ai.xn--p1ai")
}
func FuzzIPAddress(f *testing.F) {
	fuzzCheck(f, IPAddress, "192.0.2.42", "fe80::1%eth0", "[::1]:80", "1.2.3.4:80", " ::1")
}
func FuzzDateOfBirth(f *testing.F) {
	fuzzCheck(f, func(s string) Result { return DateOfBirth(s, today) }, "1990-05-29", "19900529", "05/29/1990", "May 29, 1990", " 1990-5-29")
}
func FuzzTimestamp(f *testing.F) {
	fuzzCheck(f, func(s string) Result { return Timestamp(s, today) }, "2025-01-01T01:00:00Z", "2025-01-01T01:00:00+02:00", " 2025-01-01T01:00:00.5Z")
}
func FuzzWebURL(f *testing.F) {
	fuzzCheck(f, WebURL, "plaid.com", "https://plaid.com/x?y", " example.com ")
}
func FuzzRedirectURI(f *testing.F) {
	fuzzCheck(f, func(s string) Result { return RedirectURI(s, true) },
		"https://example.com/oauth", "http://example.com/a?b#c", "example.com/x", "https://*.example.com/")
}
func FuzzRedirectURISandbox(f *testing.F) {
	fuzzCheck(f, func(s string) Result { return RedirectURI(s, false) }, "http://localhost:3000/oauth", " example.com/x?y ")
}
func FuzzRoutingNumber(f *testing.F) {
	fuzzCheck(f, RoutingNumber, "021000021", "021-000-021", " 0210 00021")
}
func FuzzAccountNumber(f *testing.F) {
	fuzzCheck(f, AccountNumber, "1234567890", "1234 5678", " 12-34")
}
func FuzzIDNumberSSN(f *testing.F) {
	fuzzCheck(f, func(s string) Result { return IDNumber("us_ssn", s) }, "123456789", "123-45-6789", " 123 45 6789")
}
func FuzzIDNumberPAN(f *testing.F) {
	fuzzCheck(f, func(s string) Result { return IDNumber("in_pan", s) }, "ABCDE1234F", "abcde-1234f")
}
func FuzzClientUserID(f *testing.F) {
	fuzzCheck(f, ClientUserID, "your-db-id-3b24110", "a@b.co", "+14155550100")
}
func FuzzIdentifier(f *testing.F) {
	fuzzCheck(f, func(s string) Result { return Identifier(s, "program id") }, "becprg_11111111111111", " x ")
}
func FuzzAmount(f *testing.F) { fuzzCheck(f, Amount, "100", "$1,250.00", " 12.5 ") }

func FuzzLogoBase64(f *testing.F) {
	f.Add("iVBORw0KGgo=")
	f.Add("data:image/png;base64,iVBORw0KGgo=")
	f.Add(string(pngSignature))
	f.Fuzz(func(t *testing.T, s string) {
		_, r := LogoBase64(s)
		if r.State == Valid && r.Fix != "" {
			t.Fatalf("valid logo with a fix")
		}
	})
}

func FuzzLogoBytes(f *testing.F) {
	f.Add([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"))
	f.Add(append(append([]byte{}, pngSignature...), 0xff, 0xff, 0xff, 0xff))
	f.Fuzz(func(t *testing.T, b []byte) {
		info, r := Logo(b)
		if r.State == Valid && (info.Width != LogoSide || info.Height != LogoSide) {
			t.Fatalf("valid logo of %dx%d", info.Width, info.Height)
		}
	})
}
func FuzzSupportPhone(f *testing.F) {
	fuzzCheck(f, func(s string) Result { return SupportPhone(s, "US") }, "1234567890", "(415) 555-0100", "+1415", "call us")
}
