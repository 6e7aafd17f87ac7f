package validate

import "strings"

// MaxClientUserIDLen is our own cap; Plaid states none.
const MaxClientUserIDLen = 128

// ClientUserID checks a Beacon client_user_id: an identifier of the user in
// the caller's own system, which Plaid says must carry no personal data such
// as an email address or a phone number.
func ClientUserID(s string) Result {
	if r := lengthAndText(ClientUserID, s, MaxClientUserIDLen); r.State != Valid {
		return r
	}
	if strings.TrimSpace(s) == "" {
		return incomplete("type your system's id for this person")
	}
	if looksLikeEmail(s) {
		return invalid("must not contain an email address (no personal data)")
	}
	if looksLikePhone(s) {
		return invalid("must not contain a phone number (no personal data)")
	}
	return ok()
}

// looksLikeEmail spots local@domain.tld anywhere in s.
func looksLikeEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at == len(s)-1 {
		return false
	}
	return strings.Contains(s[at+1:], ".")
}

// looksLikePhone spots a run of 7 to 15 digits (with the separators people
// type in phone numbers) that libphonenumber accepts as a real number, either
// in international form or as a US national number. Database ids are rarely
// valid phone numbers, so this flags phones without flagging every number.
func looksLikePhone(s string) bool {
	for _, run := range digitRuns(s) {
		if len(run) < 7 || len(run) > 15 {
			continue
		}
		if isRealPhone("+"+run, "") || isRealPhone(run, "US") {
			return true
		}
	}
	return false
}

// digitRuns returns the digit sequences of s, joining digits separated only
// by the punctuation of written phone numbers.
func digitRuns(s string) []string {
	var runs []string
	var cur []byte
	flush := func() {
		if len(cur) > 0 {
			runs = append(runs, string(cur))
			cur = cur[:0]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			cur = append(cur, c)
		case c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+':
			// phone punctuation keeps the run going
		default:
			flush()
		}
	}
	flush()
	return runs
}
