package validate

import (
	"net/url"
	"strings"
)

const maxURLLen = 2048

// WebURL checks a website or contact address: a host name with a dot,
// optionally preceded by http:// or https:// and followed by a path. Plaid's
// own example sends "plaid.com", so the scheme is not required.
func WebURL(s string) Result {
	if r := lengthAndText(WebURL, s, maxURLLen); r.State != Valid {
		return r
	}
	if r, spaced := surroundingSpace(s, WebURL); spaced {
		return r
	}
	if s == "" || strings.TrimSpace(s) == "" {
		return incomplete("type the address, like example.com")
	}
	if strings.ContainsAny(s, " \t") {
		return invalid("must not contain spaces")
	}
	rest := s
	if scheme, after, found := strings.Cut(s, "://"); found {
		switch strings.ToLower(scheme) {
		case "http", "https":
			rest = after
		default:
			return invalid("must be a web address (http or https)")
		}
	} else if schemePrefix(s) {
		return incomplete("keep typing the address")
	}
	host, path := splitHostPath(rest)
	if strings.Contains(host, "@") {
		return invalid("must not contain a user name or password")
	}
	host, port := splitPort(host)
	if r := portCheck(port); r.State != Valid {
		return r
	}
	r := finishedHost(hostName(host, "the host name"), path != "")
	if r.State != Valid {
		return r
	}
	// Plaid gives these fields no format and its own example has no
	// scheme; https:// is our suggestion, so a browser opens it as it is.
	switch scheme, after, _ := strings.Cut(s, "://"); {
	case after == "":
		return advise("a full address, https://…, opens in a browser as it stands (Plaid does not require it)").withFix(WebURL, s, "https://"+s)
	case strings.EqualFold(scheme, "http"):
		return advise("https:// keeps it private on the way, if the site has it (Plaid does not require it)").withFix(WebURL, s, "https://"+after)
	}
	return r
}

// RedirectURI checks one OAuth redirect URI: an absolute http(s) URL without
// a query (Plaid's rule) or fragment (OAuth's), https when production is
// true. The host may start with "*." to stand for any subdomain.
func RedirectURI(s string, production bool) Result {
	check := func(x string) Result { return RedirectURI(x, production) }
	if r := lengthAndText(check, s, maxURLLen); r.State != Valid {
		return r
	}
	if r, spaced := surroundingSpace(s, check); spaced {
		return r
	}
	if s == "" || strings.TrimSpace(s) == "" {
		return incomplete("type the URI, like https://example.com/oauth.html")
	}
	if strings.ContainsAny(s, " \t") {
		return invalid("must not contain spaces")
	}
	scheme, rest, found := strings.Cut(s, "://")
	if !found {
		if schemePrefix(s) {
			return incomplete("keep typing: https://…")
		}
		if !strings.Contains(s, ":") && hostName(firstHost(s), "the host").State == Valid {
			return invalid("must start with https://").withFix(check, s, "https://"+s)
		}
		return invalid("must be an absolute URI starting with https://")
	}
	switch strings.ToLower(scheme) {
	case "https":
	case "http":
		if production {
			return invalid("must use https in production").withFix(check, s, "https://"+rest)
		}
	default:
		return invalid("must use https (or http outside production)")
	}
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		msg := "must not contain a query (the ?… part)"
		if rest[i] == '#' {
			msg = "must not contain a fragment (the #… part)"
		}
		return invalid(msg).withFix(check, s, scheme+"://"+rest[:i])
	}
	host, path := splitHostPath(rest)
	done := path != ""
	if strings.Contains(host, "@") {
		return invalid("must not contain a user name or password")
	}
	host, port := splitPort(host)
	if r := portCheck(port); r.State != Valid {
		return r
	}
	if host == "localhost" {
		if production {
			return invalid("localhost cannot be used in production")
		}
		return ok()
	}
	if wild, found := strings.CutPrefix(host, "*."); found {
		r := hostName(wild, "the host after *.")
		if r.State == Incomplete && done && wild != "" && !strings.Contains(wild, ".") {
			return invalid("a wildcard must stand for a subdomain of a registered domain, like *.example.com")
		}
		return finishedHost(r, done)
	}
	if host == "*" {
		return incomplete("a wildcard is written *.example.com")
	}
	if strings.Contains(host, "*") {
		return invalid(`"*" may only stand for the leftmost subdomain, like https://*.example.com`)
	}
	if _, err := url.Parse(s); err != nil {
		return invalid("is not a well-formed URI")
	}
	return finishedHost(hostName(host, "the host"), done)
}

// finishedHost turns an incomplete host into an invalid one once a path
// follows it: the host can no longer grow.
func finishedHost(r Result, done bool) Result {
	if done && r.State == Incomplete {
		return invalid("the host name is not complete: " + r.Message)
	}
	return r
}

// schemePrefix reports whether s is a prefix of "http://" or "https://", as
// when the user has typed only "htt".
func schemePrefix(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix("https://", l) || strings.HasPrefix("http://", l)
}

func splitHostPath(s string) (host, path string) {
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// splitPort separates host:port. port is "-" when there is no colon at all.
func splitPort(hostport string) (host, port string) {
	host, port, found := strings.Cut(hostport, ":")
	if !found {
		return hostport, "-"
	}
	return host, port
}

func portCheck(port string) Result {
	switch {
	case port == "-":
		return ok()
	case port == "":
		return incomplete("type the port number")
	case !allDigits(port) || len(port) > 5 || atoi3(port) > 65535:
		return invalid("the port must be a number up to 65535")
	}
	return ok()
}

func firstHost(s string) string {
	h, _ := splitHostPath(s)
	return h
}

// IsHTTPURL reports whether s is an absolute http or https URL with a
// host: a server address, a webhook target. (WebURL is the rule for what
// people type, which may leave the scheme out.)
func IsHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
