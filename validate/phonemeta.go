package validate

// These mirror libphonenumber's validity and length logic step for step
// (GetRegionCodeForNumber, getRegionCodeForNumberFromRegionList,
// IsValidNumberForRegion, getNumberTypeHelper, isNumberMatchingDesc,
// IsPossibleNumberWithReason, testNumberLength in phonenumberutil.go), over
// the library's metadata (phonedata_gen.go), with each pattern matched once
// by a digitDFA. phone_equiv_test.go and FuzzPhoneEquivalence hold them to
// the library's answers.

// phoneValid reports whether +cc nsn is a valid number, as IsValidNumber
// would.
func phoneValid(cc int, nsn string) bool {
	regions := regionsForCode(cc)
	if len(regions) == 0 {
		return false
	}
	region := regions[0]
	if len(regions) > 1 {
		region = regionFromList(nsn, regions)
		if region == "" {
			return false
		}
	}
	md := metadataFor(cc, region)
	return md != nil && hasType(nsn, md)
}

func regionFromList(nsn string, regions []string) string {
	m := phoneMatchers()
	for _, r := range regions {
		md := regionMeta(r)
		if md == nil {
			continue
		}
		if md.LeadingDigits != "" {
			if m.of(md.LeadingDigits).prefix(nsn) {
				return r
			}
		} else if hasType(nsn, md) {
			return r
		}
	}
	return ""
}

// hasType is getNumberTypeHelper(...) != UNKNOWN.
func hasType(nsn string, md *phoneRegion) bool {
	if !matchesDesc(nsn, &md.General) {
		return false
	}
	for _, d := range []*phoneDesc{&md.PremiumRate, &md.TollFree, &md.SharedCost, &md.Voip,
		&md.PersonalNumber, &md.Pager, &md.Uan, &md.Voicemail, &md.FixedLine} {
		if matchesDesc(nsn, d) {
			return true
		}
	}
	return !md.SameMobileAndFixed && matchesDesc(nsn, &md.Mobile)
}

// matchesDesc is isNumberMatchingDesc: the length is one the description
// allows (when it lists any) and the pattern matches the whole number.
func matchesDesc(nsn string, d *phoneDesc) bool {
	if !d.Present {
		// An absent description has an empty pattern, which matches only "".
		return nsn == ""
	}
	if len(d.Lengths) > 0 && !hasLength(d.Lengths, len(nsn)) {
		return false
	}
	return phoneMatchers().of(d.Pattern).full(nsn)
}

// hasLength compares as int: a long number's length must not wrap to the
// metadata's -1 ("no such type") marker, as slices.Contains(ls, int8(n))
// would let it.
func hasLength(ls []int8, n int) bool {
	for _, l := range ls {
		if int(l) == n {
			return true
		}
	}
	return false
}

// lengthVerdict is libphonenumber's ValidationResult.
type lengthVerdict int

const (
	isPossible lengthVerdict = iota
	isPossibleLocalOnly
	invalidCountryCode
	tooShort
	invalidLength
	tooLong
)

// phonePossible is IsPossibleNumberWithReason for +cc nsn.
func phonePossible(cc int, nsn string) lengthVerdict {
	regions := regionsForCode(cc)
	if len(regions) == 0 {
		return invalidCountryCode
	}
	md := metadataFor(cc, regions[0])
	if md == nil {
		return invalidCountryCode
	}
	if md.General.Pattern == "" {
		switch n := len(nsn); {
		case n < 2:
			return tooShort
		case n > 17:
			return tooLong
		}
		return isPossible
	}
	return testNumberLength(nsn, md)
}

// testNumberLength is the library's testNumberLength for type UNKNOWN
// (the general description).
func testNumberLength(nsn string, md *phoneRegion) lengthVerdict {
	lengths, local := md.General.Lengths, md.General.LocalOnly
	if len(lengths) == 0 || lengths[0] == -1 {
		return invalidLength
	}
	n := len(nsn)
	if hasLength(local, n) {
		return isPossibleLocalOnly
	}
	switch {
	case int(lengths[0]) == n:
		return isPossible
	case int(lengths[0]) > n:
		return tooShort
	case int(lengths[len(lengths)-1]) < n:
		return tooLong
	case hasLength(lengths[1:], n):
		return isPossible
	}
	return invalidLength
}
