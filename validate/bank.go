package validate

import (
	"fmt"
	"strings"
)

// RoutingNumber checks a US ABA routing number: 9 digits whose first two lie
// in the Federal Reserve's ranges (00–12, 21–32, 61–72, 80) and whose
// weighted checksum 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a multiple
// of 10.
func RoutingNumber(s string) Result {
	if r := lengthAndText(RoutingNumber, s, 40); r.State != Valid {
		return r
	}
	if r, spaced := surroundingSpace(s, RoutingNumber); spaced {
		return r
	}
	if s == "" {
		return incomplete("type the 9-digit routing number")
	}
	if digits, formatted := stripNumberFormatting(s); formatted {
		if !allDigits(digits) {
			return invalid("must be digits only")
		}
		return invalid("must be digits only, without spaces or hyphens").withFix(RoutingNumber, s, digits)
	}
	if !allDigits(s) {
		return invalid("must be digits only")
	}
	if !routingPrefixOK(s) {
		return invalid("is not a US routing number: it must start with 00–12, 21–32, 61–72 or 80")
	}
	switch {
	case len(s) < 9:
		return incomplete(fmt.Sprintf("a routing number has 9 digits (%d so far)", len(s)))
	case len(s) > 9:
		return invalid("a routing number has exactly 9 digits")
	}
	d := func(i int) int { return int(s[i] - '0') }
	sum := 3*(d(0)+d(3)+d(6)) + 7*(d(1)+d(4)+d(7)) + (d(2) + d(5) + d(8))
	if sum%10 != 0 {
		return invalid("fails the ABA checksum: a digit is wrong")
	}
	return ok()
}

func routingPrefixOK(s string) bool {
	if len(s) == 1 {
		return strings.IndexByte("0123678", s[0]) >= 0
	}
	p := atoi3(s[:2])
	return p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p == 80
}

// AccountNumber checks a US bank account number: 4 to 17 digits.
func AccountNumber(s string) Result {
	if r := lengthAndText(AccountNumber, s, 40); r.State != Valid {
		return r
	}
	if r, spaced := surroundingSpace(s, AccountNumber); spaced {
		return r
	}
	if s == "" {
		return incomplete("type the account number")
	}
	if digits, formatted := stripNumberFormatting(s); formatted {
		if !allDigits(digits) {
			return invalid("must be digits only")
		}
		return invalid("must be digits only, without spaces or hyphens").withFix(AccountNumber, s, digits)
	}
	if !allDigits(s) {
		return invalid("must be digits only")
	}
	switch {
	case len(s) < 4:
		return incomplete("a US account number has 4 to 17 digits")
	case len(s) > 17:
		return invalid(fmt.Sprintf("a US account number has at most 17 digits (it has %d)", len(s)))
	}
	return ok()
}

// stripNumberFormatting removes the spaces, hyphens and dots people type in
// long numbers; formatted reports whether there were any.
func stripNumberFormatting(s string) (digits string, formatted bool) {
	out := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '.' {
			return -1
		}
		return r
	}, s)
	return out, out != s && out != ""
}

// AccountMask is what Plaid returns instead of an account number: its last
// four digits (fewer when the number is shorter).
func AccountMask(account string) string {
	if len(account) <= 4 {
		return account
	}
	return account[len(account)-4:]
}
