package validate

import (
	"strconv"
	"sync"

	"github.com/nyaruka/phonenumbers"
	"google.golang.org/protobuf/proto"
)

// phoneMeta answers libphonenumber's IsValidNumber question for an E.164
// number without parsing text and with each pattern matched once by a
// digitDFA. It follows the library's own logic step for step (see
// GetRegionCodeForNumber, getRegionCodeForNumberFromRegionList,
// getNumberTypeHelper and isNumberMatchingDesc in phonenumberutil.go) over
// the library's own metadata; phone_equiv_test.go and FuzzPhoneEquivalence
// hold the two to the same answers.
type phoneMeta struct {
	byRegion map[string]*phonenumbers.PhoneMetadata
	nonGeo   map[int32]*phonenumbers.PhoneMetadata // calling code → metadata of region "001"
	mu       sync.Mutex
	dfas     map[string]*digitDFA // pattern → matcher, built on first use
}

var phoneMetadata = sync.OnceValue(func() *phoneMeta {
	m := &phoneMeta{
		byRegion: map[string]*phonenumbers.PhoneMetadata{},
		nonGeo:   map[int32]*phonenumbers.PhoneMetadata{},
		dfas:     map[string]*digitDFA{},
	}
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		// The library panics at init when its metadata is broken, so this
		// cannot happen; an empty table would make every number invalid.
		return m
	}
	for _, md := range coll.GetMetadata() {
		if md.GetId() == "001" {
			m.nonGeo[md.GetCountryCode()] = md
		} else {
			m.byRegion[md.GetId()] = md
		}
	}
	return m
})

func (m *phoneMeta) matcher(pattern string) *digitDFA {
	m.mu.Lock()
	defer m.mu.Unlock()
	d := m.dfas[pattern]
	if d == nil {
		d = compileDigitDFA(pattern)
		m.dfas[pattern] = d
	}
	return d
}

// valid reports whether +cc nsn is a valid number, as IsValidNumber would.
func (m *phoneMeta) valid(cc int, nsn string) bool {
	regions := phonenumbers.GetRegionCodesForCountryCode(cc)
	if len(regions) == 0 {
		return false
	}
	region := regions[0]
	if len(regions) > 1 {
		region = m.regionFromList(nsn, regions)
		if region == "" {
			return false
		}
	}
	md := m.metadataFor(cc, region)
	return md != nil && m.hasType(nsn, md)
}

func (m *phoneMeta) metadataFor(cc int, region string) *phonenumbers.PhoneMetadata {
	if region == "001" {
		return m.nonGeo[int32(cc)]
	}
	return m.byRegion[region]
}

func (m *phoneMeta) regionFromList(nsn string, regions []string) string {
	for _, r := range regions {
		md := m.byRegion[r]
		if md == nil {
			continue
		}
		if ld := md.GetLeadingDigits(); ld != "" {
			if m.matcher(ld).prefix(nsn) {
				return r
			}
		} else if m.hasType(nsn, md) {
			return r
		}
	}
	return ""
}

// hasType is getNumberTypeHelper(...) != UNKNOWN.
func (m *phoneMeta) hasType(nsn string, md *phonenumbers.PhoneMetadata) bool {
	if !m.matches(nsn, md.GetGeneralDesc()) {
		return false
	}
	for _, desc := range []*phonenumbers.PhoneNumberDesc{
		md.GetPremiumRate(), md.GetTollFree(), md.GetSharedCost(), md.GetVoip(),
		md.GetPersonalNumber(), md.GetPager(), md.GetUan(), md.GetVoicemail(), md.GetFixedLine(),
	} {
		if m.matches(nsn, desc) {
			return true
		}
	}
	return !md.GetSameMobileAndFixedLinePattern() && m.matches(nsn, md.GetMobile())
}

// matches is isNumberMatchingDesc: the length is one the description allows
// (when it lists any) and the pattern matches the whole number.
func (m *phoneMeta) matches(nsn string, desc *phonenumbers.PhoneNumberDesc) bool {
	if desc == nil {
		// An absent description has an empty pattern, which matches only "".
		return nsn == ""
	}
	if lengths := desc.GetPossibleLength(); len(lengths) > 0 {
		found := false
		for _, l := range lengths {
			if int(l) == len(nsn) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return m.matcher(desc.GetNationalNumberPattern()).full(nsn)
}

// e164Number builds the PhoneNumber libphonenumber would parse from
// "+cc"+nsn, keeping Italian-style leading zeros, for the library's cheap
// length reasoning (IsPossibleNumberWithReason).
func e164Number(cc int, nsn string) *phonenumbers.PhoneNumber {
	n, _ := strconv.ParseUint(nsn, 10, 64)
	num := &phonenumbers.PhoneNumber{
		CountryCode:    proto.Int32(int32(cc)),
		NationalNumber: proto.Uint64(n),
	}
	if zeros := leadingZeros(nsn); zeros > 0 && len(nsn) > 1 {
		num.ItalianLeadingZero = proto.Bool(true)
		if zeros > 1 {
			num.NumberOfLeadingZeros = proto.Int32(int32(zeros))
		}
	}
	return num
}

func leadingZeros(s string) int {
	n := 0
	for n < len(s)-1 && s[n] == '0' {
		n++
	}
	return n
}
