package validate

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lengths from the prose of Plaid's spec (FACTS.md §6).
const (
	MaxNameLen    = 100
	MaxStreetLen  = 80
	MaxStreet2Len = 50
	MaxCityLen    = 100
	// MaxCompanyTextLen bounds company, application and legal entity names.
	// Plaid states no limit; this is our own guard against pasted garbage.
	MaxCompanyTextLen = 200
)

// Name checks a given or family name: at least one non-whitespace character,
// at most 100 characters.
func Name(s string) Result {
	return nonBlank(Name, s, MaxNameLen, "a name")
}

// CompanyText checks company_name, application_name and legal_entity_name:
// not blank, and no longer than our own cap (Plaid states none).
func CompanyText(s string) Result {
	return nonBlank(CompanyText, s, MaxCompanyTextLen, "a name")
}

// Street checks address.street: at most 80 characters with at least one
// letter.
func Street(s string) Result {
	return withLetter(Street, s, MaxStreetLen, "a street")
}

// Street2 checks address.street2: when sent, at least one non-whitespace
// character and at most 50.
func Street2(s string) Result {
	return nonBlank(Street2, s, MaxStreet2Len, "the second street line")
}

// City checks address.city: at most 100 characters with at least one letter.
func City(s string) Result {
	return withLetter(City, s, MaxCityLen, "a city")
}

func nonBlank(c Check, s string, most int, what string) Result {
	if r := lengthAndText(c, s, most); r.State != Valid {
		return r
	}
	if strings.TrimSpace(s) == "" {
		return incomplete("type " + what)
	}
	return ok()
}

func withLetter(c Check, s string, most int, what string) Result {
	if r := lengthAndText(c, s, most); r.State != Valid {
		return r
	}
	if strings.TrimSpace(s) == "" {
		return incomplete("type " + what)
	}
	if strings.IndexFunc(s, unicode.IsLetter) < 0 {
		return incomplete("must contain at least one letter")
	}
	return ok()
}

// lengthAndText rejects what no further typing can mend in any text field:
// broken UTF-8, control characters (a pasted newline or escape), and length
// over the limit. Length counts characters, not bytes. Control characters
// get c's normalisation of the text with spaces in their place as the fix.
func lengthAndText(c Check, s string, most int) Result {
	if !utf8.ValidString(s) {
		return invalid("is not valid UTF-8 text")
	}
	if strings.IndexFunc(s, isControl) >= 0 {
		return invalid("must not contain control characters such as tabs or line breaks").
			withFix(c, s, strings.Join(strings.FieldsFunc(s, isControl), " "))
	}
	if n := utf8.RuneCountInString(s); n > most {
		return invalid(fmt.Sprintf("must be at most %d characters (it has %d)", most, n))
	}
	return ok()
}

func isControl(r rune) bool { return unicode.IsControl(r) }
