package validate

import "fmt"

// MaxIdentifierLen bounds ids we receive or type (program ids, Beacon user
// ids, client ids). Plaid's ids are short; this guards against pastes.
const MaxIdentifierLen = 128

// Identifier checks an opaque Plaid id such as a Beacon program id
// (becprg_11111111111111) or an end customer's client_id: letters, digits,
// underscores and hyphens. Plaid publishes no pattern, so no prefix is
// required.
func Identifier(s, what string) Result {
	check := func(x string) Result { return Identifier(x, what) }
	if r := lengthAndText(check, s, MaxIdentifierLen); r.State != Valid {
		return r
	}
	if r, spaced := surroundingSpace(s, check); spaced {
		return r
	}
	if s == "" {
		return incomplete("type the " + what)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return invalid(fmt.Sprintf("a %s has only letters, digits, _ and - (not %q)", what, c))
		}
	}
	return ok()
}
