package validate

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
	"google.golang.org/protobuf/proto"
)

// The phone rules mirror libphonenumber over an extract of its metadata
// (phonedata_gen.go). These tests hold them to the library itself, which
// only the tests and the generator link.

// e164Number builds the PhoneNumber the library parses from "+cc"+nsn,
// keeping Italian-style leading zeros.
func e164Number(cc int, nsn string) *phonenumbers.PhoneNumber {
	n, _ := strconv.ParseUint(nsn, 10, 64)
	num := &phonenumbers.PhoneNumber{CountryCode: proto.Int32(int32(cc)), NationalNumber: proto.Uint64(n)}
	zeros := 0
	for zeros < len(nsn)-1 && nsn[zeros] == '0' {
		zeros++
	}
	if zeros > 0 && len(nsn) > 1 {
		num.ItalianLeadingZero = proto.Bool(true)
		if zeros > 1 {
			num.NumberOfLeadingZeros = proto.Int32(int32(zeros))
		}
	}
	return num
}

var verdicts = map[phonenumbers.ValidationResult]lengthVerdict{
	phonenumbers.IS_POSSIBLE: isPossible, phonenumbers.IS_POSSIBLE_LOCAL_ONLY: isPossibleLocalOnly,
	phonenumbers.INVALID_COUNTRY_CODE: invalidCountryCode, phonenumbers.TOO_SHORT: tooShort,
	phonenumbers.INVALID_LENGTH: invalidLength, phonenumbers.TOO_LONG: tooLong,
}

// libraryE164 is what Parse, IsValidNumber and Format(E164) say.
func libraryE164(s, region string) (string, bool) {
	num, err := phonenumbers.Parse(s, region)
	if err != nil || !phonenumbers.IsValidNumber(num) {
		return "", false
	}
	return phonenumbers.Format(num, phonenumbers.E164), true
}

func examples() []*phonenumbers.PhoneNumber {
	types := []phonenumbers.PhoneNumberType{
		phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE, phonenumbers.PREMIUM_RATE,
		phonenumbers.SHARED_COST, phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER, phonenumbers.PAGER,
		phonenumbers.UAN, phonenumbers.VOICEMAIL,
	}
	var out []*phonenumbers.PhoneNumber
	for region := range phonenumbers.GetSupportedRegions() {
		for _, typ := range types {
			if n := phonenumbers.GetExampleNumberForType(region, typ); n != nil {
				out = append(out, n)
			}
		}
	}
	for cc := range phonenumbers.GetSupportedGlobalNetworkCallingCodes() {
		if n := phonenumbers.GetExampleNumberForNonGeoEntity(cc); n != nil {
			out = append(out, n)
		}
	}
	return out
}

// TestPhoneValidityMatchesLibrary: every example number of every type in
// every region, each with every digit changed, one shorter and one longer.
func TestPhoneValidityMatchesLibrary(t *testing.T) {
	checked, valid := 0, 0
	compare := func(cc int, nsn string) {
		checked++
		want := phonenumbers.IsValidNumber(e164Number(cc, nsn))
		if want {
			valid++
		}
		if got := phoneValid(cc, nsn); got != want {
			t.Errorf("+%d %s: valid says %v, libphonenumber %v", cc, nsn, got, want)
		}
		if got, want := phonePossible(cc, nsn), verdicts[phonenumbers.IsPossibleNumberWithReason(e164Number(cc, nsn))]; got != want {
			t.Errorf("+%d %s: possible says %v, libphonenumber %v", cc, nsn, got, want)
		}
	}
	exs := examples()
	for _, n := range exs {
		cc := int(n.GetCountryCode())
		nsn := phonenumbers.GetNationalSignificantNumber(n)
		compare(cc, nsn)
		compare(cc, nsn[:len(nsn)-1])
		compare(cc, nsn+"5")
		for i := range nsn {
			for d := byte('0'); d <= '9'; d += 3 {
				b := []byte(nsn)
				b[i] = d
				compare(cc, string(b))
			}
		}
	}
	if checked < 10000 || valid < 1000 {
		t.Fatalf("too little coverage: %d numbers, %d valid", checked, valid)
	}
	t.Logf("compared %d numbers (%d valid) from %d examples", checked, valid, len(exs))
}

// TestPhoneParsingMatchesLibrary: each example written as people write it
// — national form in its region and in others, international form, with
// the international dialling prefix, with the calling code but no +,
// digits only — gives the same E.164 fix (or none) as the library.
func TestPhoneParsingMatchesLibrary(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	regions := []string{"", "US", "GB", "DE", "FR", "IT", "IN", "BR", "JP", "AU", "MX", "RU", "AR", "ZZ"}
	checked, fixes := 0, 0
	compare := func(s, region string) {
		checked++
		want, wantOK := libraryE164(s, region)
		if wantOK {
			fixes++
		}
		if got, ok := phoneE164(s, region); got != want || ok != wantOK {
			t.Errorf("%q in %q: %q %v, libphonenumber %q %v", s, region, got, ok, want, wantOK)
		}
	}
	punctuate := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			b.WriteRune(r)
			if rng.IntN(4) == 0 {
				b.WriteByte(" -.()/"[rng.IntN(6)])
			}
		}
		return b.String()
	}
	for _, n := range examples() {
		region := phonenumbers.GetRegionCodeForNumber(n)
		cc := strconv.Itoa(int(n.GetCountryCode()))
		nsn := phonenumbers.GetNationalSignificantNumber(n)
		national := phonenumbers.Format(n, phonenumbers.NATIONAL)
		forms := []string{
			national, phonenumbers.Format(n, phonenumbers.INTERNATIONAL), phonenumbers.Format(n, phonenumbers.E164),
			nsn, cc + nsn, "00" + cc + nsn, "011" + cc + nsn, "+" + cc + "0" + nsn, punctuate(national), punctuate("+" + cc + nsn),
			national[:len(national)/2], "(" + nsn, nsn + ")", "++" + cc + nsn, "+0" + nsn,
		}
		for _, f := range forms {
			if strings.IndexFunc(f, func(r rune) bool { return !strings.ContainsRune("0123456789 -.()+/", r) }) >= 0 {
				continue // the letters and extensions phoneParse does not read
			}
			compare(f, region)
			compare(f, regions[rng.IntN(len(regions))])
		}
	}
	if checked < 10000 || fixes < 3000 {
		t.Fatalf("too little coverage: %d inputs, %d valid", checked, fixes)
	}
	t.Logf("compared %d inputs (%d valid)", checked, fixes)
}

func FuzzPhoneEquivalence(f *testing.F) {
	for _, s := range []string{"14155550100", "442071838750", "390612345678", "80012345678", "19876543212"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, digits string) {
		if len(digits) < 2 || len(digits) > 17 || !allDigits(digits) || digits[0] == '0' {
			return
		}
		cc, known := callingCode(digits)
		if !known {
			return
		}
		nsn := digits[len(strconv.Itoa(cc)):]
		if nsn == "" {
			return
		}
		if got, want := phoneValid(cc, nsn), phonenumbers.IsValidNumber(e164Number(cc, nsn)); got != want {
			t.Fatalf("+%d %s: valid %v, libphonenumber %v", cc, nsn, got, want)
		}
	})
}

func FuzzPhoneParseEquivalence(f *testing.F) {
	for _, s := range []string{"(415) 555-0100", "020 7183 8750", "+44 (0)20 7183 8750", "0011 61 2 9876 5432", "1 415 555 0100", "++1"} {
		f.Add(s, uint8(1))
	}
	regions := []string{"", "US", "GB", "AU", "IT", "DE", "ZZ"}
	f.Fuzz(func(t *testing.T, s string, r uint8) {
		if strings.IndexFunc(s, func(c rune) bool { return !strings.ContainsRune("0123456789 -.()+/", c) }) >= 0 {
			return
		}
		region := regions[int(r)%len(regions)]
		want, wantOK := libraryE164(s, region)
		if got, ok := phoneE164(s, region); got != want || ok != wantOK {
			t.Fatalf("%q in %q: %q %v, libphonenumber %q %v", s, region, got, ok, want, wantOK)
		}
	})
}
