package validate

import (
	"fmt"
	"strings"
)

const (
	maxEmailLen      = 254 // RFC 3696 errata: a usable address is at most 254 octets
	maxEmailLocalLen = 64
	maxDNSLabelLen   = 63
)

// Email checks an address the way RFC 3696 describes it: local@domain, the
// local part at most 64 characters of the permitted set (or quoted), the
// domain a dotted host name, no surrounding spaces.
func Email(s string) Result {
	if r := lengthAndText(Email, s, maxEmailLen); r.State != Valid {
		return r
	}
	if r, spaced := surroundingSpace(s, Email); spaced {
		return r
	}
	if s == "" || strings.TrimSpace(s) == "" {
		return incomplete("type an email address, like name@example.com")
	}
	local, domain, hasAt := cutEmail(s)
	if r := emailLocal(local, hasAt); r.State != Valid {
		return r
	}
	if !hasAt {
		return incomplete("add @ and the domain")
	}
	if strings.Contains(domain, "@") {
		return invalid("must contain a single @")
	}
	return hostName(domain, "the domain after @")
}

// cutEmail splits at the @ that ends the local part, skipping an @ inside a
// quoted local part.
func cutEmail(s string) (local, domain string, hasAt bool) {
	if strings.HasPrefix(s, `"`) {
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case '"':
				rest := s[i+1:]
				if d, found := strings.CutPrefix(rest, "@"); found {
					return s[:i+1], d, true
				}
				return s, "", false
			}
		}
		return s, "", false
	}
	local, domain, hasAt = strings.Cut(s, "@")
	return local, domain, hasAt
}

const atext = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-"

func emailLocal(local string, complete bool) Result {
	if len(local) > maxEmailLocalLen {
		return invalid(fmt.Sprintf("the part before @ must be at most %d characters", maxEmailLocalLen))
	}
	if local == "" {
		if complete {
			return invalid("needs a name before the @")
		}
		return incomplete("type an email address")
	}
	if strings.HasPrefix(local, `"`) {
		return quotedLocal(local, complete)
	}
	for i := 0; i < len(local); i++ {
		c := local[i]
		if c == '.' {
			continue
		}
		if c == ' ' {
			return invalid("must not contain spaces")
		}
		if !strings.ContainsRune(atext, rune(c)) {
			return invalid(fmt.Sprintf("%q is not allowed before the @", c))
		}
	}
	switch {
	case local[0] == '.':
		return invalid("the part before @ must not start with a dot")
	case strings.Contains(local, ".."):
		return invalid("the part before @ must not contain two dots in a row")
	case complete && strings.HasSuffix(local, "."):
		return invalid("the part before @ must not end with a dot")
	}
	return ok()
}

func quotedLocal(local string, complete bool) Result {
	closed := false
	for i := 1; i < len(local); i++ {
		c := local[i]
		switch {
		case closed:
			return invalid("nothing may follow the closing quote before @")
		case c == '\\':
			i++
		case c == '"':
			closed = true
		case c < 0x20 || c > 0x7e:
			return invalid("a quoted name must be printable ASCII")
		}
	}
	if !closed {
		if complete {
			return invalid("the quoted name before @ is not closed")
		}
		return incomplete("close the quote")
	}
	return ok()
}

// hostName checks a DNS host name with at least two labels: each label 1–63
// letters, digits or hyphens, not starting or ending with a hyphen; the last
// label alphabetic (or an xn-- punycode label). Prefixes of such names are
// incomplete.
func hostName(h, what string) Result {
	if h == "" {
		return incomplete("type " + what)
	}
	if len(h) > 253 {
		return invalid(what + " must be at most 253 characters")
	}
	labels := strings.Split(h, ".")
	last := len(labels) - 1
	for i, l := range labels {
		if l == "" {
			if i == last && i > 0 {
				return incomplete("type the rest of " + what)
			}
			return invalid(what + " must not have an empty part between dots")
		}
		if len(l) > maxDNSLabelLen {
			return invalid(fmt.Sprintf("each part of %s must be at most %d characters", what, maxDNSLabelLen))
		}
		for j := 0; j < len(l); j++ {
			c := l[j]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return invalid(fmt.Sprintf("%s may use only letters, digits, hyphens and dots (not %q)", what, c))
			}
		}
		if l[0] == '-' {
			return invalid("a part of " + what + " must not start with a hyphen")
		}
		if i < last && l[len(l)-1] == '-' {
			return invalid("a part of " + what + " must not end with a hyphen")
		}
	}
	if last == 0 {
		return incomplete("add the ending, like .com")
	}
	return topLevelLabel(labels[last], what)
}

func topLevelLabel(tld, what string) Result {
	lower := strings.ToLower(tld)
	if strings.HasPrefix("xn--", lower) && len(lower) < 4 {
		return incomplete("keep typing " + what)
	}
	if strings.HasPrefix(lower, "xn--") {
		if len(lower) == 4 {
			return incomplete("keep typing " + what)
		}
		return ok()
	}
	for i := 0; i < len(lower); i++ {
		if lower[i] < 'a' || lower[i] > 'z' {
			return invalid("the ending of " + what + " must be letters only, like .com")
		}
	}
	if len(lower) < 2 {
		return incomplete("the ending has at least two letters, like .com")
	}
	return ok()
}
