package validate

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/biter777/countries"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Country is an ISO 3166-1 country as the forms list it.
type Country struct {
	Code   string // alpha-2, upper case
	Alpha3 string // what people also type: USA, DEU
	Name   string
	// Plain is the name as the library spells it, when that differs
	// ("Aland Islands", "Turkey"): typed, it finds the country too.
	Plain string
}

// properNames are ISO 3166-1's English short names where the library
// drops their letters or keeps a name ISO has changed.
var properNames = map[string]string{
	"AX": "Åland Islands", "BL": "Saint Barthélemy", "CI": "Côte d'Ivoire", "CW": "Curaçao",
	"RE": "Réunion", "ST": "São Tomé and Príncipe", "TR": "Türkiye",
}

// Fold is text for matching: lower case, without accents ("Åland" →
// "aland"), so what is typed on any keyboard finds a name.
func Fold(s string) string {
	out, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// Subdivision is an ISO 3166-2 subdivision written the way Plaid wants it:
// without the country prefix ("IN", not "US-IN").
type Subdivision struct {
	Code string
	Name string
}

type countryEntry struct {
	Country
	subdivisions []Subdivision          // sorted by name
	byCode       map[string]Subdivision // code → subdivision
	byName       map[string]string      // lower-case name → code
}

type isoIndex struct {
	list   []Country // sorted by name
	byCode map[string]*countryEntry
}

// iso is built on first use, not at start: the library's lookup of
// subdivisions by country rebuilds a 4,885-entry map on every call.
var iso = sync.OnceValue(buildISOIndex)

func buildISOIndex() *isoIndex {
	idx := &isoIndex{byCode: make(map[string]*countryEntry, 250)}
	for _, c := range countries.All() {
		code := c.Alpha2()
		// The library lists pseudo-entries such as None; keep two-letter codes only.
		if c == countries.None || len(code) != 2 || !isUpperAlpha(code) {
			continue
		}
		name, plain := c.String(), ""
		if proper, found := properNames[code]; found {
			name, plain = proper, c.String()
		}
		e := &countryEntry{
			Country: Country{Code: code, Alpha3: c.Alpha3(), Name: name, Plain: plain},
			byCode:  map[string]Subdivision{},
			byName:  map[string]string{},
		}
		idx.byCode[code] = e
		idx.list = append(idx.list, e.Country)
	}
	for _, s := range countries.AllSubdivisions() {
		full := string(s)
		cc, sub, found := strings.Cut(full, "-")
		e := idx.byCode[cc]
		if !found || e == nil {
			continue
		}
		d := Subdivision{Code: sub, Name: s.String()}
		e.byCode[sub] = d
		e.byName[strings.ToLower(d.Name)] = sub
		e.subdivisions = append(e.subdivisions, d)
	}
	for _, e := range idx.byCode {
		slices.SortFunc(e.subdivisions, func(a, b Subdivision) int { return strings.Compare(a.Name, b.Name) })
	}
	// Å sorts with A, not after Z.
	slices.SortFunc(idx.list, func(a, b Country) int { return strings.Compare(Fold(a.Name), Fold(b.Name)) })
	return idx
}

// Countries lists every ISO 3166-1 country, sorted by name.
func Countries() []Country { return iso().list }

// CountryName returns the English name of an alpha-2 code, or "" if unknown.
func CountryName(code string) string {
	if e := iso().byCode[code]; e != nil {
		return e.Name
	}
	return ""
}

// Subdivisions lists the ISO 3166-2 subdivisions of a country, sorted by
// name, with codes written without the country prefix. It is empty for an
// unknown country and for countries without subdivisions.
func Subdivisions(country string) []Subdivision {
	if e := iso().byCode[country]; e != nil {
		return e.subdivisions
	}
	return nil
}

// CountryCode checks an ISO 3166-1 alpha-2 code, upper case. A country name,
// a lower-case code or an alpha-3 code gets the code as its fix.
func CountryCode(s string) Result {
	if r := lengthAndText(CountryCode, s, 64); r.State != Valid {
		return r
	}
	if r, spaced := surroundingSpace(s, CountryCode); spaced {
		return r
	}
	idx := iso()
	t := strings.TrimSpace(s)
	if t == "" {
		return incomplete("choose a country (two-letter ISO code, like US)")
	}
	if _, found := idx.byCode[t]; found {
		return ok()
	}
	upper := strings.ToUpper(t)
	if guess := countryByName(t); guess != "" {
		return invalid("must be the two-letter ISO 3166-1 code in capitals").withFix(CountryCode, s, guess)
	}
	if len(upper) == 1 && isUpperAlpha(upper) {
		for code := range idx.byCode {
			if code[0] == upper[0] {
				return incomplete("two letters, like US")
			}
		}
	}
	if len(t) > 2 && namePrefix(idx.list, t) {
		return incomplete("keep typing the country name, or use its two-letter code")
	}
	return invalid(fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 country code", t))
}

// countryByName resolves names, lower-case codes and alpha-3 codes to an
// alpha-2 code we list; "" when there is no such country.
func countryByName(s string) string {
	for _, c := range iso().list {
		if Fold(c.Name) == Fold(s) {
			return c.Code
		}
	}
	c := countries.ByName(s)
	if c == countries.None || c == countries.Unknown {
		return ""
	}
	if _, found := iso().byCode[c.Alpha2()]; !found {
		return ""
	}
	return c.Alpha2()
}

// Region checks address.region against the subdivisions of country, written
// without the country prefix. "US-IN", "in" and "Indiana" all get "IN" as
// their fix.
func Region(country, s string) Result {
	check := func(x string) Result { return Region(country, x) }
	if r := lengthAndText(check, s, 64); r.State != Valid {
		return r
	}
	e := iso().byCode[country]
	if e == nil {
		return incomplete("choose the country first")
	}
	if len(e.byCode) == 0 {
		return invalid(fmt.Sprintf("%s has no subdivisions: leave the region empty", e.Name))
	}
	if r, spaced := surroundingSpace(s, check); spaced {
		return r
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return incomplete(fmt.Sprintf("choose a subdivision of %s", e.Name))
	}
	if _, found := e.byCode[t]; found {
		return ok()
	}
	upper := strings.ToUpper(t)
	if rest, found := strings.CutPrefix(upper, country+"-"); found {
		if _, known := e.byCode[rest]; known {
			return invalid("write the subdivision without the country prefix").withFix(check, s, rest)
		}
	}
	if _, found := e.byCode[upper]; found {
		return invalid("must be the subdivision code in capitals").withFix(check, s, upper)
	}
	if code, found := e.byName[strings.ToLower(t)]; found {
		return invalid("must be the subdivision code, not its name").withFix(check, s, code)
	}
	for code := range e.byCode {
		if strings.HasPrefix(code, upper) {
			return incomplete("keep typing the subdivision code")
		}
	}
	lower := strings.ToLower(t)
	for name := range e.byName {
		if strings.HasPrefix(name, lower) {
			return incomplete("keep typing the name, or use the subdivision code")
		}
	}
	return invalid(fmt.Sprintf("%q is not an ISO 3166-2 subdivision of %s", t, e.Name))
}

func namePrefix(list []Country, s string) bool {
	lower := strings.ToLower(s)
	for _, c := range list {
		if strings.HasPrefix(strings.ToLower(c.Name), lower) {
			return true
		}
	}
	return false
}

func isUpperAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}
