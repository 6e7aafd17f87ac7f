package validate

import (
	"strconv"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// libraryValid is the answer phoneMeta must reproduce.
func libraryValid(cc int, nsn string) bool {
	return phonenumbers.IsValidNumber(e164Number(cc, nsn))
}

// TestPhoneMetaMatchesLibrary compares the fast path with libphonenumber on
// every example number of every type in every region, and on each of them
// with every digit changed, one shorter and one longer: valid and invalid
// numbers in every calling code.
func TestPhoneMetaMatchesLibrary(t *testing.T) {
	types := []phonenumbers.PhoneNumberType{
		phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE, phonenumbers.PREMIUM_RATE,
		phonenumbers.SHARED_COST, phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER, phonenumbers.PAGER,
		phonenumbers.UAN, phonenumbers.VOICEMAIL,
	}
	meta := phoneMetadata()
	checked, valid := 0, 0
	compare := func(cc int, nsn string) {
		checked++
		want := libraryValid(cc, nsn)
		if want {
			valid++
		}
		if got := meta.valid(cc, nsn); got != want {
			t.Errorf("+%d %s: fast path says %v, libphonenumber %v", cc, nsn, got, want)
		}
	}
	var examples []*phonenumbers.PhoneNumber
	for region := range phonenumbers.GetSupportedRegions() {
		for _, typ := range types {
			if n := phonenumbers.GetExampleNumberForType(region, typ); n != nil {
				examples = append(examples, n)
			}
		}
	}
	for cc := range phonenumbers.GetSupportedGlobalNetworkCallingCodes() {
		if n := phonenumbers.GetExampleNumberForNonGeoEntity(cc); n != nil {
			examples = append(examples, n)
		}
	}
	for _, n := range examples {
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
	t.Logf("compared %d numbers (%d valid) from %d examples", checked, valid, len(examples))
}

func FuzzPhoneEquivalence(f *testing.F) {
	for _, s := range []string{"14155550100", "442071838750", "390612345678", "80012345678", "19876543212"} {
		f.Add(s)
	}
	meta := phoneMetadata()
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
		if got, want := meta.valid(cc, nsn), libraryValid(cc, nsn); got != want {
			t.Fatalf("+%d %s: fast path %v, libphonenumber %v", cc, nsn, got, want)
		}
	})
}
