package validate

import (
	"fmt"
	"strconv"
	"strings"
)

// maxPhoneInput bounds what we hand to the parser; no written phone
// number, however formatted, is longer.
const maxPhoneInput = 40

// Phone checks a phone number in E.164 form (+ country code, then the
// number, digits only, 15 digits at most) that libphonenumber knows to be a
// real, assignable number — not just one that matches the shape.
//
// country (ISO 3166-1 alpha-2, may be empty) is used only to offer a fix for
// a number written in national form: "(415) 555-0100" with US gives
// "+14155550100".
func Phone(s, country string) Result {
	check := func(x string) Result { return Phone(x, country) }
	if r := lengthAndText(check, s, maxPhoneInput); r.State != Valid {
		return r
	}
	if r, spaced := surroundingSpace(s, check); spaced {
		return r
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return incomplete("type the number in international form, like +14155550100")
	}
	if t[0] != '+' || !allDigits(t[1:]) {
		return nationalPhone(check, t, country)
	}
	digits := t[1:]
	switch {
	case digits == "":
		return incomplete("type the country code after +")
	case digits[0] == '0':
		return invalid("a country calling code never starts with 0")
	case len(digits) > 15:
		return invalid("an E.164 number has at most 15 digits after the +")
	}
	cc, known := callingCode(digits)
	if !known {
		if len(digits) < 3 && callingCodePrefix(digits) {
			return incomplete("keep typing the country code")
		}
		return invalid(fmt.Sprintf("+%s is not a country calling code", digits[:min(3, len(digits))]))
	}
	nsn := digits[len(strconv.Itoa(cc)):]
	if nsn == "" {
		return incomplete(fmt.Sprintf("keep typing the number after +%d", cc))
	}
	if phoneValid(cc, nsn) {
		return ok()
	}
	// From here the number has E.164's shape, which is Plaid's rule; what
	// libphonenumber doubts is advice, sent past if the user is sure.
	switch phonePossible(cc, nsn) {
	case tooShort, isPossibleLocalOnly:
		return incomplete(fmt.Sprintf("too short for a +%d number: keep typing", cc))
	case tooLong:
		return advise(fmt.Sprintf("longer than any +%d number libphonenumber knows: check it (Plaid asks only for E.164)", cc))
	}
	// A national trunk prefix typed after the country code (+44 020…) is
	// not E.164, but libphonenumber's parser reads it: offer the clean form.
	if fix, valid := phoneE164(t, ""); valid {
		return advise("looks like it includes the national trunk prefix after the country code").withFix(check, t, fix)
	}
	// The length is possible but the digits are not an assigned range. Only
	// if a longer number could still be valid is this merely incomplete.
	if phonePossible(cc, nsn+"0") != tooLong {
		return incomplete(fmt.Sprintf("not a complete +%d number yet", cc))
	}
	return advise(fmt.Sprintf("no +%d number in this range is known to libphonenumber: check it (Plaid asks only for E.164, so it can be sent)", cc))
}

// PhoneAnyCountry checks a phone number typed before any country is known
// (a Beacon user's phone, asked before the address). A national number is
// read in fallback, as Phone does; one that is no number there is not told
// "+1 for US": the message asks for its country code, or the address,
// whose country then gives the fix. (Trying every country does not help:
// a national number such as 030 901820 is valid in 18 of them.)
func PhoneAnyCountry(s, fallback string) Result {
	r := Phone(s, fallback)
	t := strings.TrimSpace(s)
	if r.State != Invalid || r.Fix != "" || t == "" || t != s || strings.HasPrefix(t, "+") ||
		strings.IndexFunc(t, func(r rune) bool { return !strings.ContainsRune("0123456789 -.()/", r) }) >= 0 {
		return r
	}
	if cc, nsn, ok := phoneParse(t, strings.ToUpper(fallback)); ok && phonePossible(cc, nsn) == tooShort {
		// A US number half typed is not called foreign.
		return incomplete(fmt.Sprintf("keep typing a %s number, or start with + and the country code", fallback))
	}
	return invalid(fmt.Sprintf("is not a %s number: which country is it from? Type + and its code (+49 for Germany, "+
		"+44 for the UK…), or fill in the address first: its country is used", fallback))
}

// SupportPhone checks a customer-support phone number, a field Plaid gives
// no format: a number in E.164 is checked as Phone checks it; anything
// else is accepted, with the advice to write it in E.164 (and the fix,
// when the country reads it). Only what no phone field may hold — control
// characters, more than 40 characters, space around it — is refused.
func SupportPhone(s, country string) Result {
	r := Phone(s, country)
	if r.State == Valid || strings.TrimSpace(s) != s || strings.TrimSpace(s) == "" {
		return r
	}
	if lr := lengthAndText(func(x string) Result { return SupportPhone(x, country) }, s, maxPhoneInput); lr.State != Valid {
		return lr
	}
	advice := "Plaid gives this field no format; written in E.164, like +14155550100, anyone can dial it"
	if strings.HasPrefix(s, "+") {
		advice = "checked as E.164, it " + r.Message + " (Plaid gives this field no format, so it can be sent)"
	}
	return Result{State: Valid, Message: advice, Fix: r.Fix}
}

// nationalPhone handles anything that is not "+digits": formatted or
// national numbers get a fix when libphonenumber can read them.
func nationalPhone(check Check, t, country string) Result {
	if strings.IndexFunc(t, func(r rune) bool { return !strings.ContainsRune("0123456789 -.()+/", r) }) >= 0 {
		return invalid("must be digits after a leading +, like +14155550100")
	}
	region := strings.ToUpper(country)
	if strings.HasPrefix(t, "+") {
		region = ""
	}
	if fix, valid := phoneE164(t, region); valid {
		return invalid("must be in E.164 form: + and country code, no spaces or punctuation").withFix(check, t, fix)
	}
	if strings.HasPrefix(t, "+") {
		return invalid("must be + then digits only, no spaces or punctuation")
	}
	// A country with no calling code known (a code mistyped, "USA") is
	// not named: "+0" would be a wrong hint.
	if cc := countryCodeFor(region); cc != 0 {
		return invalid(fmt.Sprintf("must start with + and the country code (+%d for %s)", cc, region))
	}
	return invalid("must start with + and the country code, like +14155550100")
}

// isRealPhone reports whether s is a valid number, as libphonenumber's
// Parse and IsValidNumber would say.
func isRealPhone(s, region string) bool {
	if region == "" && strings.HasPrefix(s, "+") && allDigits(s[1:]) {
		if cc, known := callingCode(s[1:]); known {
			return phoneValid(cc, s[1+len(strconv.Itoa(cc)):])
		}
		return false
	}
	_, valid := phoneE164(s, region)
	return valid
}

// PhoneE164 is a written phone number in E.164 form, when it is a valid
// number ("(415) 555-0100" in US gives "+14155550100").
func PhoneE164(s, region string) (string, bool) {
	return phoneE164(strings.TrimSpace(s), strings.ToUpper(region))
}

// callingCode finds the country calling code that digits start with. E.164
// codes are prefix-free, so at most one length matches.
func callingCode(digits string) (int, bool) {
	for n := 1; n <= 3 && n <= len(digits); n++ {
		cc, _ := strconv.Atoi(digits[:n])
		if regionsForCode(cc) != nil {
			return cc, true
		}
	}
	return 0, false
}

// callingCodePrefix reports whether some calling code starts with digits.
func callingCodePrefix(digits string) bool {
	for _, c := range phoneCodes {
		if strings.HasPrefix(strconv.Itoa(int(c.CC)), digits) {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
