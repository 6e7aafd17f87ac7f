package validate

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// phoneParse reads a written phone number as libphonenumber's Parse does
// (parseHelper and the functions it calls, in phonenumberutil.go) — for the
// digits, spaces and punctuation a person types; extensions, letters and
// RFC 3966 "tel:" URIs are not read. It returns the calling code and the
// national significant number. Callers then ask phoneValid, as they would
// IsValidNumber; phone_equiv_test.go holds the pair to the library.
func phoneParse(s, region string) (cc int, nsn string, ok bool) {
	if s == "" || len(s) > 250 || strings.ContainsAny(s, "xX#;") || strings.IndexFunc(s, unicode.IsLetter) >= 0 {
		return 0, "", false
	}
	re := phoneRegexps()
	number := extractPossibleNumber(s, re)
	if len(number) < 2 || !re.validNumber.MatchString(number) {
		return 0, "", false
	}
	md := regionMeta(region)
	if md == nil && !re.plus.MatchString(number) {
		return 0, "", false // no region to read a national number in
	}
	cc, national, err := extractCountryCode(number, md, re)
	if errors.Is(err, errInvalidCountryCode) {
		// There might be a plus at the beginning: strip it and try again.
		if loc := re.plus.FindStringIndex(number); loc != nil {
			cc, national, err = extractCountryCode(number[loc[1]:], md, re)
			if err == nil && cc == 0 {
				return 0, "", false
			}
		}
	}
	if err != nil {
		return 0, "", false
	}
	if cc != 0 {
		if main := regionsForCode(cc)[0]; main != region {
			md = metadataFor(cc, main)
		}
	} else {
		national = digitsOnly(number)
		if md != nil {
			cc = int(md.CC)
		}
	}
	if len(national) < 2 {
		return 0, "", false
	}
	if md != nil {
		stripped := stripNationalPrefix(national, md)
		switch testNumberLength(stripped, md) {
		case tooShort, isPossibleLocalOnly, invalidLength:
		default:
			national = stripped
		}
	}
	if len(national) < 2 || len(national) > 17 {
		return 0, "", false
	}
	return cc, national, cc != 0
}

// phoneE164 is the E.164 form of a written number when it is a valid one.
func phoneE164(s, region string) (string, bool) {
	cc, nsn, ok := phoneParse(s, region)
	if !ok || !phoneValid(cc, nsn) {
		return "", false
	}
	return "+" + strconv.Itoa(cc) + nsn, true
}

// phoneRegexps are the parser's patterns, compiled on first use: most runs
// of the program never read a number that is not already E.164.
type phoneRegexpSet struct {
	validStart, unwantedEnd, secondNumber, validNumber, plus, capturingDigit *regexp.Regexp
	// metadata holds the metadata's patterns, compiled once each (the
	// library's regexFor).
	metadata *patternCache[*regexp.Regexp]
}

var phoneRegexps = sync.OnceValue(func() *phoneRegexpSet {
	return &phoneRegexpSet{
		validStart:     regexp.MustCompile(phoneValidStartChar),
		unwantedEnd:    regexp.MustCompile(phoneUnwantedEnd),
		secondNumber:   regexp.MustCompile(phoneSecondNumberStart),
		validNumber:    regexp.MustCompile(phoneValidNumber),
		plus:           regexp.MustCompile(phonePlusChars),
		capturingDigit: regexp.MustCompile(phoneCapturingDigit),
		metadata:       newPatternCache(regexp.MustCompile),
	}
})

// extractPossibleNumber drops what cannot start or end a number.
func extractPossibleNumber(s string, re *phoneRegexpSet) string {
	loc := re.validStart.FindStringIndex(s)
	if loc == nil {
		return ""
	}
	s = s[loc[0]:]
	if end := re.unwantedEnd.FindStringIndex(s); end != nil {
		s = s[:end[0]]
	}
	if second := re.secondNumber.FindStringIndex(s); second != nil {
		s = s[:second[0]]
	}
	return s
}

// digitsOnly is NormalizeDigitsOnly for the characters phoneParse reads.
func digitsOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsDigit(r) {
			if d, wide := wideDigit(r); wide {
				r = d
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wideDigit maps the full-width and Arabic-Indic digits the library
// converts; other Unicode digits are kept as they are, as it keeps them.
func wideDigit(r rune) (rune, bool) {
	switch {
	case r >= '０' && r <= '９':
		return '0' + (r - '０'), true
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠'), true
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰'), true
	}
	return r, false
}

type phoneParseError int

const (
	errInvalidCountryCode phoneParseError = iota + 1
	errTooShortAfterIDD
)

func (e phoneParseError) Error() string { return "phone parse error" }

// extractCountryCode is maybeExtractCountryCode: a calling code after +
// or the region's international prefix, or the region's own code written
// without +, when removing it leaves a better number.
func extractCountryCode(number string, md *phoneRegion, re *phoneRegexpSet) (int, string, error) {
	if number == "" {
		return 0, "", nil
	}
	idd := "NonMatch"
	if md != nil {
		idd = md.IntlPrefix
	}
	full, international := stripInternationalPrefix(number, idd, re)
	if international {
		if len(full) <= 2 {
			return 0, "", errTooShortAfterIDD
		}
		if full[0] != '0' {
			for i := 1; i <= 3 && i <= len(full); i++ {
				cc, _ := strconv.Atoi(full[:i])
				if regionsForCode(cc) != nil {
					return cc, full[i:], nil
				}
			}
		}
		return 0, "", errInvalidCountryCode
	}
	if md != nil {
		own := strconv.Itoa(int(md.CC))
		if strings.HasPrefix(full, own) {
			general := re.metadata.of(`^(?:` + md.General.Pattern + `)$`)
			rest := stripNationalPrefix(full[len(own):], md)
			if (!general.MatchString(full) && general.MatchString(rest)) || testNumberLength(full, md) == tooLong {
				return int(md.CC), rest, nil
			}
		}
	}
	return 0, "", nil
}

// stripInternationalPrefix is maybeStripInternationalPrefixAndNormalize:
// the digits after a leading + or international prefix, and whether there
// was one; otherwise the digits of the whole number.
func stripInternationalPrefix(number, idd string, re *phoneRegexpSet) (string, bool) {
	if loc := re.plus.FindStringIndex(number); loc != nil && loc[0] == 0 {
		return digitsOnly(number[loc[1]:]), true
	}
	digits := digitsOnly(number)
	loc := re.metadata.of(idd).FindStringIndex(digits)
	if loc == nil || loc[0] != 0 {
		return digits, false
	}
	// Country codes never start with 0.
	if next := re.capturingDigit.FindString(digits[loc[1]:]); next != "" && digitsOnly(next) == "0" {
		return digits, false
	}
	return digits[loc[1]:], true
}

// stripNationalPrefix is maybeStripNationalPrefixAndCarrierCode: the
// number without its trunk prefix (transformed where the region says so),
// unless that would turn a number that fits the region into one that does
// not.
func stripNationalPrefix(number string, md *phoneRegion) string {
	if number == "" || md.NationalPrefixForParsing == "" {
		return number
	}
	re := phoneRegexps()
	prefix := re.metadata.of("^(?:" + md.NationalPrefixForParsing + ")")
	groups := prefix.FindStringSubmatchIndex(number)
	if groups == nil {
		return number
	}
	general := re.metadata.of("^(?:" + md.General.Pattern + ")$")
	viable := general.MatchString(number)
	last := len(groups)/2 - 1
	if md.NationalPrefixTransformRule == "" || groups[last*2] < 0 {
		if viable && !general.MatchString(number[groups[1]:]) {
			return number
		}
		return number[groups[1]:]
	}
	transformed := prefix.ReplaceAllString(number, md.NationalPrefixTransformRule)
	if viable && !general.MatchString(transformed) {
		return number
	}
	return transformed
}
