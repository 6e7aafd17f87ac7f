package validate

import (
	"fmt"
	"math"
	"strings"

	"github.com/biter777/countries"
)

// Amount checks a money amount as typed: digits, optionally a point and at
// most two decimals, not negative ("1234.5", "0"). Thousands separators get
// the bare number as the fix.
func Amount(s string) Result {
	if r := lengthAndText(Amount, s, 32); r.State != Valid {
		return r
	}
	if r, spaced := surroundingSpace(s, Amount); spaced {
		return r
	}
	if s == "" {
		return incomplete("type the amount, like 1250.00")
	}
	if strings.HasPrefix(s, "-") {
		return invalid("cannot be negative (0 means nothing was lost)")
	}
	if bare := strings.ReplaceAll(strings.TrimPrefix(s, "$"), ",", ""); bare != s {
		if bare == "" {
			return incomplete("type the amount")
		}
		return invalid("must be a plain number, like 1250.00").withFix(Amount, s, bare)
	}
	whole, frac, hasPoint := strings.Cut(s, ".")
	if !allDigits(whole) || !allDigits(frac) || (whole == "" && !hasPoint) {
		return invalid("must be a number, like 1250.00")
	}
	if len(frac) > 2 {
		return invalid("must have at most two decimals")
	}
	if len(whole) > 15 {
		return invalid("is too large")
	}
	if whole == "" || (hasPoint && frac == "") {
		return incomplete("keep typing the amount")
	}
	return ok()
}

// AmountValue checks an amount as it travels (a JSON number): not negative,
// finite, at most two decimals.
func AmountValue(v float64) Result {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return invalid("must be a finite number")
	case v < 0:
		return invalid("cannot be negative")
	case v > 1e15:
		return invalid("is too large")
	}
	if cents := v * 100; math.Abs(cents-math.Round(cents)) > 1e-6 {
		return invalid(fmt.Sprintf("must have at most two decimals (got %v)", v))
	}
	return ok()
}

// CurrencyCode checks an ISO 4217 alphabetic currency code, upper case
// ("USD"); a lower-case one gets the code as its fix.
func CurrencyCode(s string) Result {
	if r := lengthAndText(CurrencyCode, s, 16); r.State != Valid {
		return r
	}
	if s == "" {
		return incomplete("three letters, like USD")
	}
	upper := strings.ToUpper(s)
	for _, c := range countries.AllCurrencies() {
		if c.Alpha() != upper {
			continue
		}
		if upper != s {
			return invalid("must be in capitals").withFix(CurrencyCode, s, upper)
		}
		return ok()
	}
	if len(s) < 3 {
		return incomplete("three letters, like USD")
	}
	return invalid(fmt.Sprintf("%q is not an ISO 4217 currency code", s))
}
