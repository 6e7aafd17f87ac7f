package validate

import (
	"strings"
	"time"
)

// TimestampLayout is the form Plaid's prose asks for: YYYY-MM-DDTHH:mm:ssZ.
const TimestampLayout = "2006-01-02T15:04:05Z"

// clockSkew is how far in the future a timestamp may be before we call it
// an error: the customer's clock and ours need not agree to the second.
const clockSkew = 5 * time.Minute

// Timestamp checks an agreement timestamp (bank_addendum_acceptance.
// customer_agreement_timestamp): RFC 3339 in UTC, written
// YYYY-MM-DDTHH:mm:ssZ, not in the future. Other RFC 3339 forms (an offset,
// fractions of a second) get the UTC form as the fix.
func Timestamp(s string, now time.Time) Result {
	check := func(x string) Result { return Timestamp(x, now) }
	if r := lengthAndText(check, s, 64); r.State != Valid {
		return r
	}
	if r, spaced := surroundingSpace(s, check); spaced {
		return r
	}
	if s == "" || strings.TrimSpace(s) == "" {
		return incomplete("type the time as YYYY-MM-DDTHH:mm:ssZ")
	}
	const tmpl = "dddd-dd-ddTdd:dd:ddZ"
	if len(s) < len(tmpl) && fitsTemplate(s, tmpl[:len(s)]) {
		return incomplete("YYYY-MM-DDTHH:mm:ssZ")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return invalid("must be written YYYY-MM-DDTHH:mm:ssZ, like 2025-01-01T01:00:00Z")
	}
	if t.After(now.Add(clockSkew)) {
		return invalid("cannot be in the future")
	}
	if s != t.UTC().Format(TimestampLayout) {
		return invalid("must be UTC, written YYYY-MM-DDTHH:mm:ssZ").withFix(check, s, t.UTC().Format(TimestampLayout))
	}
	return ok()
}
