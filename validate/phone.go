package validate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// maxPhoneInput bounds what we hand to libphonenumber; no written phone
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
	meta := phoneMetadata()
	if meta.valid(cc, nsn) {
		return ok()
	}
	switch phonenumbers.IsPossibleNumberWithReason(e164Number(cc, nsn)) {
	case phonenumbers.TOO_SHORT, phonenumbers.IS_POSSIBLE_LOCAL_ONLY:
		return incomplete(fmt.Sprintf("too short for a +%d number: keep typing", cc))
	case phonenumbers.TOO_LONG:
		return invalid(fmt.Sprintf("too long for a +%d number", cc))
	}
	// A national trunk prefix typed after the country code (+44 020…) is
	// not E.164, but libphonenumber can read it: offer the clean form.
	if num, err := phonenumbers.Parse(t, ""); err == nil && phonenumbers.IsValidNumber(num) {
		return invalid("must not include the national trunk prefix after the country code").
			withFix(check, t, phonenumbers.Format(num, phonenumbers.E164))
	}
	// The length is possible but the digits are not an assigned range. Only
	// if a longer number could still be valid is this merely incomplete.
	if phonenumbers.IsPossibleNumberWithReason(e164Number(cc, nsn+"0")) != phonenumbers.TOO_LONG {
		return incomplete(fmt.Sprintf("not a complete +%d number yet", cc))
	}
	return invalid(fmt.Sprintf("is not a real +%d phone number (libphonenumber knows no such range)", cc))
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
	if num, err := phonenumbers.Parse(t, region); err == nil && phonenumbers.IsValidNumber(num) {
		return invalid("must be in E.164 form: + and country code, no spaces or punctuation").
			withFix(check, t, phonenumbers.Format(num, phonenumbers.E164))
	}
	if strings.HasPrefix(t, "+") {
		return invalid("must be + then digits only, no spaces or punctuation")
	}
	if region == "" {
		return invalid("must start with + and the country code, like +14155550100")
	}
	return invalid(fmt.Sprintf("must start with + and the country code (+%d for %s)",
		phonenumbers.GetCountryCodeForRegion(region), region))
}

// isRealPhone reports whether libphonenumber accepts s as a valid number.
func isRealPhone(s, region string) bool {
	if region == "" && strings.HasPrefix(s, "+") && allDigits(s[1:]) {
		if cc, known := callingCode(s[1:]); known {
			return phoneMetadata().valid(cc, s[1+len(strconv.Itoa(cc)):])
		}
		return false
	}
	num, err := phonenumbers.Parse(s, region)
	return err == nil && phonenumbers.IsValidNumber(num)
}

// callingCode finds the country calling code that digits start with. E.164
// codes are prefix-free, so at most one length matches.
func callingCode(digits string) (int, bool) {
	for n := 1; n <= 3 && n <= len(digits); n++ {
		cc, _ := strconv.Atoi(digits[:n])
		if phonenumbers.GetRegionCodeForCountryCode(cc) != phonenumbers.UNKNOWN_REGION {
			return cc, true
		}
	}
	return 0, false
}

// callingCodePrefix reports whether some calling code starts with digits.
func callingCodePrefix(digits string) bool {
	for cc := range phonenumbers.GetSupportedCallingCodes() {
		if strings.HasPrefix(strconv.Itoa(cc), digits) {
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
