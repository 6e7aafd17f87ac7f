package validate

import "testing"

// BenchmarkChecks measures each check on the typical input a user ends up
// with (BENCHMARKS.md holds the figures; the goal is ≤ 5 µs per check).
func BenchmarkChecks(b *testing.B) {
	cases := []struct {
		name  string
		check Check
		input string
	}{
		{"Name", Name, "Leslie"},
		{"CompanyText", CompanyText, "Pawnee Parks and Recreation"},
		{"Street", Street, "123 Main St."},
		{"Street2", Street2, "Unit 42"},
		{"City", City, "Pawnee"},
		{"CountryCode", CountryCode, "US"},
		{"CountryCodeName", CountryCode, "germany"},
		{"Region", func(s string) Result { return Region("US", s) }, "IN"},
		{"PostalCode", func(s string) Result { return PostalCode("US", s) }, "46001"},
		{"Phone", func(s string) Result { return Phone(s, "US") }, "+14155550100"},
		{"PhonePartial", func(s string) Result { return Phone(s, "US") }, "+1415555"},
		{"PhoneNational", func(s string) Result { return Phone(s, "US") }, "(415) 555-0100"},
		{"Email", Email, "leslie.knope@pawnee.gov"},
		{"IPv4", IPAddress, "192.0.2.42"},
		{"IPv6", IPAddress, "2001:db8::42"},
		{"DateOfBirth", func(s string) Result { return DateOfBirth(s, today) }, "1990-05-29"},
		{"DateOfBirthPartial", func(s string) Result { return DateOfBirth(s, today) }, "1990-05-2"},
		{"Timestamp", func(s string) Result { return Timestamp(s, today) }, "2025-01-01T01:00:00Z"},
		{"WebURL", WebURL, "https://www.example.com"},
		{"RedirectURI", func(s string) Result { return RedirectURI(s, true) }, "https://www.example.com/oauth.html"},
		{"RoutingNumber", RoutingNumber, "021000021"},
		{"AccountNumber", AccountNumber, "1234567890"},
		{"IDNumberSSN", func(s string) Result { return IDNumber("us_ssn", s) }, "123456789"},
		{"ClientUserID", ClientUserID, "your-db-id-3b24110"},
		{"Identifier", func(s string) Result { return Identifier(s, "program id") }, "becprg_11111111111111"},
		{"Amount", Amount, "1250.00"},
	}
	CountryCode("US") // build the ISO index outside the timings
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.check(c.input)
			}
		})
	}
}
