package validate

import (
	"strings"
	"testing"
	"time"
)

// today pins "now" for every date rule so the tests mean the same thing on
// any day they run.
var today = time.Date(2026, 11, 23, 15, 4, 5, 0, time.UTC)

type tc struct {
	in   string
	want State
	fix  string // expected Fix ("" means none is offered)
	msg  string // a substring the message must contain ("" means not checked)
}

// advised, as a case's want, is a valid value with advice (the message).
const advised State = 99

func runChecks(t *testing.T, check Check, cases []tc) {
	t.Helper()
	for _, c := range cases {
		r := check(c.in)
		want := c.want
		if want == advised {
			want = Valid
		}
		if r.State != want || r.Fix != c.fix {
			t.Errorf("check(%q) = %v %q fix %q; want %v fix %q", c.in, r.State, r.Message, r.Fix, c.want, c.fix)
			continue
		}
		if c.want != Valid && r.Message == "" {
			t.Errorf("check(%q) is %v but gives no message", c.in, r.State)
		}
		if c.want == Valid && r.Message != "" {
			t.Errorf("check(%q) is valid but says %q", c.in, r.Message)
		}
		if c.msg != "" && !strings.Contains(r.Message, c.msg) {
			t.Errorf("check(%q) message %q does not mention %q", c.in, r.Message, c.msg)
		}
		// A fix may leave a value incomplete (formatting stripped from a
		// half-typed number) but never invalid.
		if r.Fix != "" {
			if fr := check(r.Fix); fr.State == Invalid {
				t.Errorf("fix %q of %q is itself invalid: %s", r.Fix, c.in, fr.Message)
			}
		}
	}
}

func TestName(t *testing.T) {
	runChecks(t, Name, []tc{
		{"Leslie", Valid, "", ""},
		{"José-María", Valid, "", ""},
		{"李", Valid, "", ""},
		{strings.Repeat("a", 100), Valid, "", ""},
		{"", Incomplete, "", ""},
		{"   ", Incomplete, "", ""},
		{strings.Repeat("a", 101), Invalid, "", "at most 100"},
		{strings.Repeat("é", 101), Invalid, "", "at most 100"},
		{"Les\nlie", Invalid, "Les lie", "control"},
		{"\xff", Invalid, "", "UTF-8"},
	})
}

func TestCompanyText(t *testing.T) {
	runChecks(t, CompanyText, []tc{
		{"Plaid", Valid, "", ""},
		{"", Incomplete, "", ""},
		{" \t", Invalid, "", "control"},
		{"Acme\tInc", Invalid, "Acme Inc", "control"},
		{strings.Repeat("x", 201), Invalid, "", "200"},
	})
}

func TestStreet(t *testing.T) {
	runChecks(t, Street, []tc{
		{"123 Main St.", Valid, "", ""},
		{"Hauptstraße 5", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"123", Incomplete, "", "letter"},
		{"123 " + strings.Repeat("a", 76), Valid, "", ""},
		{"123 " + strings.Repeat("a", 77), Invalid, "", "at most 80"},
	})
}

func TestStreet2(t *testing.T) {
	runChecks(t, Street2, []tc{
		{"Unit 42", Valid, "", ""},
		{"42", Valid, "", ""},
		{" ", Incomplete, "", ""},
		{strings.Repeat("4", 50), Valid, "", ""},
		{strings.Repeat("4", 51), Invalid, "", "at most 50"},
	})
}

func TestCity(t *testing.T) {
	runChecks(t, City, []tc{
		{"Pawnee", Valid, "", ""},
		{"São Paulo", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"1234", Incomplete, "", "letter"},
		{strings.Repeat("a", 101), Invalid, "", "at most 100"},
	})
}

func TestCountryCode(t *testing.T) {
	runChecks(t, CountryCode, []tc{
		{"US", Valid, "", ""},
		{"DE", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"U", Incomplete, "", ""},
		{"germany", Invalid, "DE", "two-letter"},
		{"Germany", Invalid, "DE", ""},
		{"us", Invalid, "US", ""},
		{"USA", Invalid, "US", ""},
		{" US", Invalid, "US", "spaces"},
		{"Ger", Invalid, "DE", ""}, // the IOC code
		{"Germ", Incomplete, "", ""},
		{"ZZ", Invalid, "", "not an ISO"},
		{"None", Invalid, "", ""},
		{"Q", Incomplete, "", ""}, // QA (Qatar)
		{"Xyzzy", Invalid, "", ""},
	})
}

func TestRegion(t *testing.T) {
	us := func(s string) Result { return Region("US", s) }
	runChecks(t, us, []tc{
		{"IN", Valid, "", ""},
		{"CA", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"C", Incomplete, "", ""},
		{"US-IN", Invalid, "IN", "prefix"},
		{"us-in", Invalid, "IN", "prefix"},
		{"in", Invalid, "IN", "capitals"},
		{"Indiana", Invalid, "IN", "code"},
		{"Indi", Incomplete, "", ""},
		{"ZZ", Invalid, "", "not an ISO 3166-2"},
		{"US-ZZ", Invalid, "", ""},
	})
	if r := Region("", "IN"); r.State != Incomplete {
		t.Errorf("region without a country = %v, want incomplete", r.State)
	}
	if r := Region("DE", "BY"); r.State != Valid {
		t.Errorf("DE-BY = %v %s", r.State, r.Message)
	}
	if r := Region("DE", "IN"); r.State != Invalid {
		t.Errorf("IN is not a German subdivision, got %v", r.State)
	}
}

func TestCountriesAndSubdivisions(t *testing.T) {
	list := Countries()
	if len(list) < 240 {
		t.Fatalf("only %d countries", len(list))
	}
	for _, c := range list {
		if len(c.Code) != 2 || !isUpperAlpha(c.Code) || c.Name == "" || c.Name == "None" {
			t.Errorf("bad country entry %+v", c)
		}
	}
	subs := Subdivisions("US")
	if len(subs) < 50 {
		t.Fatalf("US has %d subdivisions", len(subs))
	}
	for _, s := range subs {
		if strings.Contains(s.Code, "-") || Region("US", s.Code).State != Valid {
			t.Errorf("subdivision %+v does not check as valid", s)
		}
	}
	if CountryName("US") == "" || CountryName("ZZ") != "" {
		t.Error("CountryName lookup is wrong")
	}
}

func TestPostalCode(t *testing.T) {
	us := func(s string) Result { return PostalCode("US", s) }
	runChecks(t, us, []tc{
		{"46001", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"4600", Incomplete, "", "5 digits"},
		{"460011", Invalid, "", "5 digits"},
		{"46001-1234", Invalid, "46001", "ZIP+4"},
		{"460011234", Invalid, "46001", "ZIP+4"},
		{"4600A", Invalid, "", "5 digits"},
		{" 46001", Invalid, "46001", "spaces"},
	})
	gb := func(s string) Result { return PostalCode("GB", s) }
	runChecks(t, gb, []tc{
		{"SW1A1AA", Valid, "", ""},
		{"SW1A 1AA", Invalid, "SW1A1AA", "without spaces"},
		{"sw1a 1aa", Invalid, "SW1A1AA", ""},
		{"S", Incomplete, "", "2"},
		{"ABCDEFGHIJK", Invalid, "", "at most 10"},
		{"SW1A_1AA", Invalid, "", "letters and digits"},
	})
}

func TestPhone(t *testing.T) {
	us := func(s string) Result { return Phone(s, "US") }
	runChecks(t, us, []tc{
		{"+14155550100", Valid, "", ""},
		{"+442071838750", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"+", Incomplete, "", "country code"},
		{"+1", Incomplete, "", ""},
		{"+1415", Incomplete, "", ""},
		{"+1415555010", Incomplete, "", ""},
		{"+44", Incomplete, "", ""},
		{"+9", Incomplete, "", "country code"},
		{"+0", Invalid, "", "0"},
		{"+999", Invalid, "", "not a country calling code"},
		{"+19876543212", advised, "", "no +1 number in this range"}, // Plaid's own example
		{"+141555501001", advised, "", "longer than any +1"},
		{"+1234567890123456", Invalid, "", "15 digits"},
		{"(415) 555-0100", Invalid, "+14155550100", "E.164"},
		{"415-555-0100", Invalid, "+14155550100", ""},
		{"+1 415 555 0100", Invalid, "+14155550100", ""},
		{" +14155550100 ", Invalid, "+14155550100", "spaces"},
		{" (415) 555-0100", Invalid, "+14155550100", "spaces"},
		{"+1415abc", Invalid, "", "digits"},
		{"call me", Invalid, "", "digits"},
		{"4155", Invalid, "", "+1 for US"},
	})
	none := func(s string) Result { return Phone(s, "") }
	runChecks(t, none, []tc{
		{"(415) 555-0100", Invalid, "", "country code"},
		{"+1 (415) 555-0100", Invalid, "+14155550100", ""},
	})
}

func TestEmail(t *testing.T) {
	runChecks(t, Email, []tc{
		{"a@b.co", Valid, "", ""},
		{"user@example.com", Valid, "", ""},
		{"first.last+tag@sub.example.co.uk", Valid, "", ""},
		{`"john doe"@example.com`, Valid, "", ""},
		{"x@xn--e1afmkfd.xn--p1ai", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"alice", Incomplete, "", "@"},
		{"alice.", Incomplete, "", "@"},
		{"alice@", Incomplete, "", "domain"},
		{"alice@example", Incomplete, "", ".com"},
		{"alice@example.", Incomplete, "", ""},
		{"alice@example.c", Incomplete, "", "two letters"},
		{`"john`, Incomplete, "", "quote"},
		{" a@b.co ", Invalid, "a@b.co", "spaces"},
		{"a b@c.co", Invalid, "", "spaces"},
		{"@b.co", Invalid, "", "before the @"},
		{".a@b.co", Invalid, "", "start with a dot"},
		{"a..b@c.co", Invalid, "", "two dots"},
		{"a.@b.co", Invalid, "", "end with a dot"},
		{"a@b@c.co", Invalid, "", "single @"},
		{"a@b..co", Invalid, "", "empty part"},
		{"a@-b.co", Invalid, "", "hyphen"},
		{"a@b-.co", Invalid, "", "hyphen"},
		{"a@b.c0m", Invalid, "", "letters only"},
		{"a@b_c.com", Invalid, "", "only letters"},
		{strings.Repeat("a", 65) + "@b.co", Invalid, "", "64"},
		{"a@" + strings.Repeat("b", 64) + ".co", Invalid, "", "63"},
		{"a(b)@c.co", Invalid, "", "not allowed"},
	})
}

func TestIPAddress(t *testing.T) {
	runChecks(t, IPAddress, []tc{
		{"192.0.2.42", Valid, "", ""},
		{"2001:db8::1", Valid, "", ""},
		{"::ffff:192.0.2.1", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"192", Incomplete, "", ""},
		{"192.168.", Incomplete, "", ""},
		{"192.168.1", Incomplete, "", ""},
		{"2001:db8:", Incomplete, "", ""},
		{"2001:db8::ffff:1.2", Incomplete, "", ""},
		{"256.1.1.1", Invalid, "", ""},
		{"1.2.3.4.5", Invalid, "", ""},
		{"01.2.3.4", Invalid, "", ""},
		{"1.2.3.4:80", Invalid, "1.2.3.4", "port"},
		{"[::1]:80", Invalid, "::1", "port"},
		{"fe80::1%eth0", Invalid, "fe80::1", "zone"},
		{"2001:db8:::1", Invalid, "", "IPv6"},
		{"12345::", Invalid, "", "IPv6"},
		{"localhost", Invalid, "", "IPv4"},
		{" 192.0.2.42", Invalid, "192.0.2.42", "spaces"},
	})
}

func TestDateOfBirth(t *testing.T) {
	dob := func(s string) Result { return DateOfBirth(s, today) }
	runChecks(t, dob, []tc{
		{"1990-05-29", Valid, "", ""},
		{"2000-02-29", Valid, "", ""},
		{"2026-11-23", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"1", Incomplete, "", ""},
		{"199", Incomplete, "", ""},
		{"1990-", Incomplete, "", ""},
		{"1990-1", Incomplete, "", ""},
		{"1990-02-2", Incomplete, "", ""},
		{"2026-11-2", Incomplete, "", ""},
		{"3", Invalid, "", "no date"},
		{"18", Invalid, "", "no date"},
		{"1990-2", Invalid, "", "no date"},
		{"1990-02-3", Invalid, "", "no date"},
		{"2026-12", Invalid, "", "no date"},
		{"2026-11-24", Invalid, "", "future"},
		{"1899-12-31", Invalid, "", "1900"},
		{"1990-02-30", Invalid, "", "real calendar date"},
		{"2001-02-29", Invalid, "", "real calendar date"},
		{"19900529", Invalid, "1990-05-29", "YYYY-MM-DD"},
		{"1990/05/29", Invalid, "1990-05-29", ""},
		{"1990-5-29", Invalid, "1990-05-29", ""},
		{"29.05.1990", Invalid, "1990-05-29", ""},
		{"05/29/1990", Invalid, "1990-05-29", ""},
		{"29/05/1990", Invalid, "1990-05-29", ""},
		{"05/06/1990", Invalid, "", "YYYY-MM-DD"},
		{"May 29, 1990", Invalid, "1990-05-29", ""},
		{"20300101", Invalid, "", "YYYY-MM-DD"},
		{" 1990-05-29", Invalid, "1990-05-29", "spaces"},
		{"yesterday", Invalid, "", "YYYY-MM-DD"},
	})
}

func TestPastDate(t *testing.T) {
	pd := func(s string) Result { return PastDate(s, today) }
	runChecks(t, pd, []tc{
		{"2026-11-01", Valid, "", ""},
		{"2026-11-30", Invalid, "", "future"},
		{"2026-1", Incomplete, "", ""},
	})
}

func TestTimestamp(t *testing.T) {
	ts := func(s string) Result { return Timestamp(s, today) }
	runChecks(t, ts, []tc{
		{"2025-01-01T01:00:00Z", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"2025-01-01T", Incomplete, "", ""},
		{"2025-01-01T01:00:00+02:00", Invalid, "2024-12-31T23:00:00Z", "UTC"},
		{"2025-01-01T01:00:00.123Z", Invalid, "2025-01-01T01:00:00Z", "UTC"},
		{"2027-01-01T00:00:00Z", Invalid, "", "future"},
		{"2025-01-01 01:00:00", Invalid, "", "YYYY-MM-DDTHH:mm:ssZ"},
		{"2025-13-01T01:00:00Z", Invalid, "", ""},
	})
}

func TestWebURL(t *testing.T) {
	runChecks(t, WebURL, []tc{
		{"plaid.com", advised, "https://plaid.com", "https://"}, // Plaid's own example
		{"https://plaid.com", Valid, "", ""},
		{"http://www.example.com/contact?x=1", advised, "https://www.example.com/contact?x=1", "https://"},
		{"example.com/contact", advised, "https://example.com/contact", "https://"},
		{"example.com:8443/x", advised, "https://example.com:8443/x", ""},
		{"", Incomplete, "", ""},
		{"htt", Incomplete, "", ""},
		{"https://", Incomplete, "", ""},
		{"plaid", Incomplete, "", ".com"},
		{"plaid.", Incomplete, "", ""},
		{"plaid/contact", Invalid, "", "not complete"},
		{"example.com:", Incomplete, "", "port"},
		{"ftp://plaid.com", Invalid, "", "http"},
		{"pla id.com", Invalid, "", "spaces"},
		{"user@plaid.com", Invalid, "", "user name"},
		{"example.com:99999", Invalid, "", "port"},
		{" plaid.com", Invalid, "plaid.com", "spaces"},
	})
}

func TestRedirectURI(t *testing.T) {
	sandbox := func(s string) Result { return RedirectURI(s, false) }
	runChecks(t, sandbox, []tc{
		{"https://www.example.com/oauth.html", Valid, "", ""},
		{"http://localhost/oauth.html", Valid, "", ""},
		{"http://localhost:3000/oauth", Valid, "", ""},
		{"https://*.example.com/oauth", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"https:/", Incomplete, "", ""},
		{"https://example", Incomplete, "", ""},
		{"https://example/oauth", Invalid, "", "not complete"},
		{"https://*.", Incomplete, "", ""},
		{"https://*", Incomplete, "", "wildcard"},
		{"https://example.com/oauth?state=1", Invalid, "https://example.com/oauth", "query"},
		{"https://example.com/oauth#top", Invalid, "https://example.com/oauth", "fragment"},
		{"example.com/oauth", Invalid, "https://example.com/oauth", "https://"},
		{"https://www.*.example.com/", Invalid, "", "leftmost"},
		{"https://*.com/", Invalid, "", "registered domain"},
		{"myapp://callback", Invalid, "", "https"},
		{"https://example.com:x/", Invalid, "", "port"},
	})
	prod := func(s string) Result { return RedirectURI(s, true) }
	runChecks(t, prod, []tc{
		{"https://www.example.com/oauth.html", Valid, "", ""},
		{"http://www.example.com/oauth.html", Invalid, "https://www.example.com/oauth.html", "https in production"},
		{"http://example.com/a?b=c", Invalid, "https://example.com/a", ""},
		{"https://localhost/oauth", Invalid, "", "localhost"},
	})
}

func TestRoutingNumber(t *testing.T) {
	runChecks(t, RoutingNumber, []tc{
		{"021000021", Valid, "", ""}, // JPMorgan Chase, the spec's example
		{"011401533", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"0", Incomplete, "", ""},
		{"02100002", Incomplete, "", "9 digits"},
		{"021000022", Invalid, "", "checksum"},
		{"0210000211", Invalid, "", "exactly 9"},
		{"5", Invalid, "", "start with"},
		{"13", Invalid, "", "start with"},
		{"021-000-021", Invalid, "021000021", "without spaces"},
		{"02100002a", Invalid, "", "digits only"},
	})
}

func TestAccountNumber(t *testing.T) {
	runChecks(t, AccountNumber, []tc{
		{"1234567890", Valid, "", ""},
		{"1234", Valid, "", ""},
		{strings.Repeat("9", 17), Valid, "", ""},
		{"", Incomplete, "", ""},
		{"123", Incomplete, "", "4 to 17"},
		{strings.Repeat("9", 18), Invalid, "", "at most 17"},
		{"1234 5678", Invalid, "12345678", "without spaces"},
		{"12ab", Invalid, "", "digits only"},
	})
	if AccountMask("1234567890") != "7890" || AccountMask("12") != "12" {
		t.Error("AccountMask keeps the last four digits")
	}
}

func TestIDNumber(t *testing.T) {
	ssn := func(s string) Result { return IDNumber("us_ssn", s) }
	runChecks(t, ssn, []tc{
		{"123456789", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"12345", Incomplete, "", "9 digits"},
		{"1234567890", Invalid, "", "9 digits"},
		{"123-45-6789", Invalid, "123456789", "no spaces, dashes"},
		{"000123456", Invalid, "", "issuable"},
		{"666123456", Invalid, "", "issuable"},
		{"912345678", Invalid, "", "issuable"},
		{"123006789", Invalid, "", "issuable"},
		{"123450000", Invalid, "", "issuable"},
		{"12345678a", Invalid, "", "digits only"},
	})
	last4 := func(s string) Result { return IDNumber("us_ssn_last_4", s) }
	runChecks(t, last4, []tc{
		{"6789", Valid, "", ""},
		{"678", Incomplete, "", "4 digits"},
		{"67890", Invalid, "", "4 digits"},
	})
	pan := func(s string) Result { return IDNumber("in_pan", s) }
	runChecks(t, pan, []tc{
		{"ABCDE1234F", Valid, "", ""},
		{"abcde1234f", Invalid, "ABCDE1234F", "letters in capitals"},
		{"ABCDE", Incomplete, "", "10"},
		{"ABCDE1234F9", Invalid, "", "10"},
		{"ABCDE-1234", Invalid, "ABCDE1234", ""}, // the fix leaves it incomplete, not invalid
	})
	// "ssn" as an Australian passport: the case and the length are what
	// is wrong, and both are said.
	if r := IDNumber("au_passport", "ssn"); r.State != Invalid || !strings.Contains(r.Message, "capitals") ||
		!strings.Contains(r.Message, "an Australia passport has 8 to 9 characters (this has 3)") || strings.Contains(r.Message, "formatting") {
		t.Errorf("ssn as a passport: %+v", r)
	}
	if r := IDNumber("in_pan", "ABC"); !strings.Contains(r.Message, "an India PAN has 10 characters") {
		t.Errorf("article: %q", r.Message)
	}
	if r := IDNumber("xx_unknown", "1"); r.State != Invalid {
		t.Errorf("unknown type = %v", r.State)
	}
	if got := IDTypesFor("US"); len(got) != 2 || got[0].Type != "us_ssn" || got[1].Type != "us_ssn_last_4" {
		t.Errorf("US id types = %+v", got)
	}
	for _, it := range IDTypes() {
		if r := IDNumber(it.Type, it.Example); r.State != Valid {
			t.Errorf("example %q of %s is %v: %s", it.Example, it.Type, r.State, r.Message)
		}
	}
}

func TestClientUserID(t *testing.T) {
	runChecks(t, ClientUserID, []tc{
		{"your-db-id-3b24110", Valid, "", ""},
		{"cust-2024-11-23-0001", Valid, "", ""},
		{"3f2504e0-4f89-11d3-9a0c-0305e82c3301", Valid, "", ""},
		{"1700000000000", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"leslie@example.com", Invalid, "", "email"},
		{"user-leslie@pawnee.gov-1", Invalid, "", "email"},
		{"user-+14155550100", Invalid, "", "phone"},
		{"user (415) 555-0100", Invalid, "", "phone"},
		{strings.Repeat("a", 129), Invalid, "", "128"},
	})
}

func TestIdentifier(t *testing.T) {
	prog := func(s string) Result { return Identifier(s, "program id") }
	runChecks(t, prog, []tc{
		{"becprg_11111111111111", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"becprg 1", Invalid, "", "letters, digits"},
		{" becprg_1", Invalid, "becprg_1", "spaces"},
	})
}

func TestAmount(t *testing.T) {
	runChecks(t, Amount, []tc{
		{"100", Valid, "", ""},
		{"1250.5", Valid, "", ""},
		{"0.99", Valid, "", ""},
		{"", Incomplete, "", ""},
		{"12.", Incomplete, "", ""},
		{"-5", Invalid, "", "negative"},
		{"1.234", Invalid, "", "two decimals"},
		{"$1,250.00", Invalid, "1250.00", "plain number"},
		{"12a", Invalid, "", "number"},
	})
	for v, want := range map[float64]State{100: Valid, 0: Valid, 1.23: Valid, 1.235: Invalid, -1: Invalid} {
		if got := AmountValue(v).State; got != want {
			t.Errorf("AmountValue(%v) = %v, want %v", v, got, want)
		}
	}
}

func TestProblems(t *testing.T) {
	var ps Problems
	ps.Add("a.b", ok())
	ps.Add("a.b", invalid("bad"))
	ps.Required("a.c")
	ps.Addf("d[0].e", "broken %d", 1)
	if len(ps) != 3 {
		t.Fatalf("got %d problems", len(ps))
	}
	if got := ps.Under("a"); len(got) != 2 {
		t.Errorf("Under(a) = %v", got)
	}
	if got := ps.Under("d"); len(got) != 1 {
		t.Errorf("Under(d) = %v", got)
	}
	if ps.Err() == nil || (Problems{}).Err() != nil {
		t.Error("Err must be nil exactly when there are no problems")
	}
	if !strings.Contains(ps.Error(), "a.c: is required") {
		t.Errorf("Error() = %q", ps.Error())
	}
}

// A national number typed before the address is not told "+1 for US"
// when it is no US number: it is asked for its country code or the
// address; a US number half typed is told to go on.
func TestPhoneAnyCountry(t *testing.T) {
	runChecks(t, func(s string) Result { return PhoneAnyCountry(s, "US") }, []tc{
		{"(415) 555-0100", Invalid, "+14155550100", "E.164"},
		{"415 555", Incomplete, "", "keep typing a US number"},
		{"0171 1234567", Invalid, "", "which country is it from"},
		{"+4917112345678", Valid, "", ""},
	})
	if r := PhoneAnyCountry("0171 1234567", "US"); strings.Contains(r.Message, "+1 for US") {
		t.Errorf("a German number is told %q", r.Message)
	}
}

func TestSupportPhone(t *testing.T) {
	us := func(s string) Result { return SupportPhone(s, "US") }
	runChecks(t, us, []tc{
		{"+14155550100", Valid, "", ""},
		{"1234567890", advised, "", "no format"}, // Plaid's own example
		{"(415) 555-0100", advised, "+14155550100", "E.164"},
		{"+1415", advised, "", "too short"},
		{"call us", advised, "", "no format"},
		{" +14155550100", Invalid, "+14155550100", "spaces"},
		{"", Incomplete, "", ""},
		{"\x00", Invalid, "", ""},
	})
}

// A country whose calling code is unknown ("USA", a typo) is not named
// with a "+0".
func TestPhoneNeverSuggestsPlusZero(t *testing.T) {
	for _, country := range []string{"USA", "XX", "ZZZ", "", "us"} {
		r := Phone("415 555 01", country)
		if strings.Contains(r.Message, "+0") {
			t.Errorf("country %q: %q", country, r.Message)
		}
	}
}

func TestIsHTTPURL(t *testing.T) {
	for s, want := range map[string]bool{
		"http://127.0.0.1:8687/": true, "https://example.com/plaid": true,
		"example.com": false, "ftp://example.com": false, "http://": false, "": false, "://x": false,
	} {
		if got := IsHTTPURL(s); got != want {
			t.Errorf("IsHTTPURL(%q) = %v", s, got)
		}
	}
}
