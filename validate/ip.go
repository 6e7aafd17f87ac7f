package validate

import (
	"net/netip"
	"strings"
)

// IPAddress checks an IPv4 or IPv6 address (no zone, no port, no prefix
// length). A prefix of an address, such as "192.168.", is incomplete.
func IPAddress(s string) Result {
	if r := lengthAndText(IPAddress, s, 64); r.State != Valid {
		return r
	}
	if r, spaced := surroundingSpace(s, IPAddress); spaced {
		return r
	}
	if s == "" || strings.TrimSpace(s) == "" {
		return incomplete("type an IPv4 or IPv6 address")
	}
	if a, err := netip.ParseAddr(s); err == nil {
		if a.Zone() != "" {
			return invalid("must not carry a zone (the %… part)").withFix(IPAddress, s, a.WithZone("").String())
		}
		return ok()
	}
	if host, _, found := strings.Cut(s, "%"); found {
		if a, err := netip.ParseAddr(host); err == nil {
			return invalid("must not carry a zone (the %… part)").withFix(IPAddress, s, a.String())
		}
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return invalid("must be an address without a port").withFix(IPAddress, s, ap.Addr().String())
	}
	if strings.Contains(s, ":") {
		if ipv6Prefix(s) {
			return incomplete("keep typing the IPv6 address")
		}
		return invalid("is not an IPv6 address")
	}
	if ipv4Prefix(s) {
		return incomplete("keep typing the IPv4 address")
	}
	return invalid("must be an IPv4 address (like 192.0.2.42) or an IPv6 address")
}

// ipv4Prefix reports whether s could be completed to a dotted-quad address.
func ipv4Prefix(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) > 4 {
		return false
	}
	for i, p := range parts {
		if p == "" {
			if i != len(parts)-1 {
				return false
			}
			continue
		}
		if len(p) > 3 || !allDigits(p) || (len(p) > 1 && p[0] == '0') {
			return false
		}
		if n := atoi3(p); n > 255 {
			return false
		}
	}
	return true
}

// ipv6Prefix reports whether s could be completed to an IPv6 address: at
// most eight groups of at most four hex digits, at most one "::".
func ipv6Prefix(s string) bool {
	if strings.Contains(s, ":::") || strings.Count(s, "::") > 1 {
		return false
	}
	groups := strings.Split(s, ":")
	if len(groups) > 9 {
		return false
	}
	for i, g := range groups {
		if strings.Contains(g, ".") {
			// an embedded IPv4 tail must be last
			return i == len(groups)-1 && ipv4Prefix(g)
		}
		if len(g) > 4 {
			return false
		}
		for j := 0; j < len(g); j++ {
			c := g[j]
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				return false
			}
		}
	}
	return true
}

func atoi3(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
