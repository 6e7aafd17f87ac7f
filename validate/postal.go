package validate

import (
	"fmt"
	"strings"
)

// PostalCode checks address.postal_code: 2 to 10 alphanumeric characters,
// and for the US exactly 5 digits. Spaces and hyphens people type inside
// ("SW1A 1AA", "94103-1234") get the stripped value (or the 5-digit ZIP) as
// the fix.
func PostalCode(country, s string) Result {
	check := func(x string) Result { return PostalCode(country, x) }
	if r := lengthAndText(check, s, 64); r.State != Valid {
		return r
	}
	if r, spaced := surroundingSpace(s, check); spaced {
		return r
	}
	if s == "" || strings.TrimSpace(s) == "" {
		return incomplete("type the postal code")
	}
	if country == "US" {
		return usZIP(check, s)
	}
	stripped := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, s)
	if !isASCIIAlnum(stripped) {
		return invalid("must be letters and digits only")
	}
	if stripped != s {
		return invalid("must be letters and digits only, without spaces or hyphens").
			withFix(check, s, strings.ToUpper(stripped))
	}
	switch n := len(s); {
	case n < 2:
		return incomplete("at least 2 characters")
	case n > 10:
		return invalid(fmt.Sprintf("must be at most 10 characters (it has %d)", n))
	}
	return ok()
}

func usZIP(check Check, s string) Result {
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		if r == '-' || r == ' ' {
			return -1
		}
		return 'x'
	}, s)
	if strings.Contains(digits, "x") {
		return invalid("a US postal code is 5 digits")
	}
	if digits != s || len(s) > 5 {
		if len(digits) == 9 || (len(digits) > 5 && strings.ContainsAny(s, "- ")) {
			return invalid("a US postal code is exactly 5 digits (no ZIP+4)").withFix(check, s, digits[:5])
		}
		if len(digits) > 5 {
			return invalid(fmt.Sprintf("a US postal code is exactly 5 digits (it has %d)", len(digits)))
		}
		return invalid("a US postal code is 5 digits, without spaces or hyphens").withFix(check, s, digits)
	}
	if len(s) < 5 {
		return incomplete("a US postal code is 5 digits")
	}
	return ok()
}

func isASCIIAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}
