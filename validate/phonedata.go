package validate

import (
	"sort"
	"sync"
)

//go:generate go run ./internal/phonegen

// phoneRegion is libphonenumber's PhoneMetadata, cut to what validation and
// parsing read. The table (phonedata_gen.go) is static data: nothing is
// built at start-up.
type phoneRegion struct {
	ID                          string
	CC                          int32
	IntlPrefix                  string
	NationalPrefixForParsing    string
	NationalPrefixTransformRule string
	LeadingDigits               string
	SameMobileAndFixed          bool

	General, FixedLine, Mobile, TollFree, PremiumRate, SharedCost,
	PersonalNumber, Voip, Pager, Uan, Voicemail phoneDesc
}

// phoneDesc is a PhoneNumberDesc; Present is false where the library has
// none.
type phoneDesc struct {
	Present   bool
	Pattern   string
	Lengths   []int8
	LocalOnly []int8
}

// phoneCode is a calling code and its regions, the main one first.
type phoneCode struct {
	CC      int32
	Regions []string
}

// regionsForCode lists the regions of a calling code (nil if unknown).
func regionsForCode(cc int) []string {
	i := sort.Search(len(phoneCodes), func(i int) bool { return int(phoneCodes[i].CC) >= cc })
	if i < len(phoneCodes) && int(phoneCodes[i].CC) == cc {
		return phoneCodes[i].Regions
	}
	return nil
}

// regionMeta is the metadata of a region ("US"); nil if unknown. The
// non-geographic "001" needs a calling code: see metadataFor.
func regionMeta(id string) *phoneRegion {
	i := sort.Search(len(phoneRegions), func(i int) bool { return phoneRegions[i].ID >= id })
	if i < len(phoneRegions) && phoneRegions[i].ID == id && id != "001" {
		return &phoneRegions[i]
	}
	return nil
}

// metadataFor is getMetadataForRegionOrCallingCode.
func metadataFor(cc int, region string) *phoneRegion {
	if region != "001" {
		return regionMeta(region)
	}
	for i := range phoneRegions {
		if phoneRegions[i].ID == "001" && int(phoneRegions[i].CC) == cc {
			return &phoneRegions[i]
		}
	}
	return nil
}

// countryCodeFor is GetCountryCodeForRegion (0 if unknown).
func countryCodeFor(region string) int {
	if md := regionMeta(region); md != nil {
		return int(md.CC)
	}
	return 0
}

// patternCache compiles each of the metadata's patterns once, on first
// use, for callers on any goroutine: a run checks numbers of a few regions,
// so compiling all of them up front would be wasted.
type patternCache[T any] struct {
	compile func(string) T
	mu      sync.Mutex
	built   map[string]T
}

func newPatternCache[T any](compile func(string) T) *patternCache[T] {
	return &patternCache[T]{compile: compile, built: map[string]T{}}
}

func (c *patternCache[T]) of(pattern string) T {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.built[pattern]
	if !ok {
		v = c.compile(pattern)
		c.built[pattern] = v
	}
	return v
}

// phoneMatchers are the digit matchers of the validity checks.
var phoneMatchers = sync.OnceValue(func() *patternCache[*digitDFA] { return newPatternCache(compileDigitDFA) })
