package widgets

import "github.com/plaid-onboard/plaid-onboard/validate"

// CountryOptions lists ISO countries for a picker.
func CountryOptions() []PickOption {
	cs := validate.Countries()
	out := make([]PickOption, len(cs))
	for i, c := range cs {
		out[i] = PickOption{Value: c.Code, Label: c.Name, Alias: c.Alpha3, Also: c.Plain}
	}
	return out
}

// RegionOptions lists a country's subdivisions, after "(none)".
func RegionOptions(country string) []PickOption {
	out := []PickOption{{Value: "", Label: "(none)"}}
	for _, s := range validate.Subdivisions(country) {
		out = append(out, PickOption{Value: s.Code, Label: s.Name})
	}
	return out
}
