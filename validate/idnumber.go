package validate

import (
	"fmt"
	"strings"
)

// IDType describes one value of Plaid's IDNumberType enum and the rule we
// check its value against. Plaid defers the per-type rules to a docs page
// (FACTS.md §6: the server-side check is unconfirmed); the US rules are
// exact, the others are a sensible character set and length.
type IDType struct {
	Type    string // the enum value, e.g. us_ssn
	Country string // ISO 3166-1 alpha-2 of the issuing country
	Label   string
	Digits  bool // digits only; otherwise letters and digits
	Min     int
	Max     int
	Example string
}

// idTypes is ordered by country, then type, as the forms list them.
var idTypes = []IDType{
	{"ar_dni", "AR", "Argentina DNI", true, 7, 8, "12345678"},
	{"au_drivers_license", "AU", "Australia driver's licence", false, 4, 11, "A1234567"},
	{"au_passport", "AU", "Australia passport", false, 8, 9, "PA1234567"},
	{"br_cpf", "BR", "Brazil CPF", true, 11, 11, "12345678909"},
	{"ca_sin", "CA", "Canada SIN", true, 9, 9, "046454286"},
	{"cl_run", "CL", "Chile RUN", false, 8, 9, "12345678K"},
	{"cn_resident_card", "CN", "China resident identity card", false, 18, 18, "11010519491231002X"},
	{"co_nit", "CO", "Colombia NIT", true, 8, 10, "9001234567"},
	{"dk_cpr", "DK", "Denmark CPR", true, 10, 10, "0101901234"},
	{"eg_national_id", "EG", "Egypt national ID", true, 14, 14, "29001011234567"},
	{"es_dni", "ES", "Spain DNI", false, 9, 9, "12345678Z"},
	{"es_nie", "ES", "Spain NIE", false, 9, 9, "X1234567L"},
	{"hk_hkid", "HK", "Hong Kong HKID", false, 8, 9, "A1234563"},
	{"in_epic", "IN", "India EPIC (voter ID)", false, 10, 10, "ABC1234567"}, // newer than the spec copy
	{"in_pan", "IN", "India PAN", false, 10, 10, "ABCDE1234F"},
	{"it_cf", "IT", "Italy codice fiscale", false, 16, 16, "RSSMRA85T10A562S"},
	{"jo_civil_id", "JO", "Jordan civil ID", true, 10, 10, "9901234567"},
	{"jp_my_number", "JP", "Japan My Number", true, 12, 12, "123456789012"},
	{"ke_huduma_namba", "KE", "Kenya Huduma Namba", true, 8, 10, "12345678"},
	{"kw_civil_id", "KW", "Kuwait civil ID", true, 12, 12, "290010112345"},
	{"mx_curp", "MX", "Mexico CURP", false, 18, 18, "GOMC900101HDFRRR09"},
	{"mx_rfc", "MX", "Mexico RFC", false, 12, 13, "GOMC900101AB1"},
	{"my_nric", "MY", "Malaysia NRIC", true, 12, 12, "900101141234"},
	{"ng_nin", "NG", "Nigeria NIN", true, 11, 11, "12345678901"},
	{"nz_drivers_license", "NZ", "New Zealand driver's licence", false, 8, 8, "AB123456"},
	{"om_civil_id", "OM", "Oman civil ID", true, 7, 9, "12345678"},
	{"ph_psn", "PH", "Philippines PhilSys number", true, 12, 16, "123456789012"},
	{"pl_pesel", "PL", "Poland PESEL", true, 11, 11, "90010112345"},
	{"ro_cnp", "RO", "Romania CNP", true, 13, 13, "1900101123456"},
	{"sa_national_id", "SA", "Saudi Arabia national ID", true, 10, 10, "1012345678"},
	{"se_pin", "SE", "Sweden personal identity number", true, 10, 12, "199001011234"},
	{"sg_nric", "SG", "Singapore NRIC", false, 9, 9, "S1234567D"},
	{"tr_tc_kimlik", "TR", "Türkiye TC Kimlik", true, 11, 11, "12345678901"},
	{"us_ssn", "US", "US Social Security number", true, 9, 9, "123456789"},
	{"us_ssn_last_4", "US", "US SSN, last 4 digits", true, 4, 4, "6789"},
	{"za_smart_id", "ZA", "South Africa smart ID", true, 13, 13, "9001015009087"},
}

// IDTypes lists every ID number type with its rule.
func IDTypes() []IDType { return idTypes }

// NewerIDTypes are the values of IDTypes that Plaid added after the spec
// copy this program was built against (FACTS.md §13: Plaid's Node SDK
// 47.0.0 has them): accepted like the others.
func NewerIDTypes() []string { return []string{"in_epic"} }

// IDTypesFor lists the ID number types issued by a country; all of them when
// the country is empty.
func IDTypesFor(country string) []IDType {
	if country == "" {
		return idTypes
	}
	var out []IDType
	for _, t := range idTypes {
		if t.Country == country {
			out = append(out, t)
		}
	}
	return out
}

// LookupIDType returns the rule for an enum value.
func LookupIDType(typ string) (IDType, bool) {
	for _, t := range idTypes {
		if t.Type == typ {
			return t, true
		}
	}
	return IDType{}, false
}

// IDNumber checks id_number.value for its type: letters and digits with all
// formatting removed (Plaid's rule), of the type's length. US SSNs must also
// be issuable: not area 000, 666 or 900–999, not group 00, not serial 0000.
func IDNumber(typ, s string) Result {
	rule, known := LookupIDType(typ)
	if !known {
		return invalid(fmt.Sprintf("%q is not an ID number type", typ))
	}
	check := func(x string) Result { return IDNumber(typ, x) }
	if r := lengthAndText(check, s, 64); r.State != Valid {
		return r
	}
	if r, spaced := surroundingSpace(s, check); spaced {
		return r
	}
	if s == "" {
		return incomplete(fmt.Sprintf("type the %s", rule.Label))
	}
	kind := "letters and digits"
	if rule.Digits {
		kind = "digits"
	}
	stripped := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '.' || r == '/' {
			return -1
		}
		return r
	}, s)
	if !isASCIIAlnum(stripped) || (rule.Digits && !allDigits(stripped)) {
		return invalid(fmt.Sprintf("%s is %s only", article(rule.Label), kind))
	}
	// What is wrong, each said, so "ssn" as a passport hears "capitals"
	// and "3 characters", not "without formatting".
	fixed := strings.ToUpper(stripped)
	var wrong []string
	if stripped != s {
		wrong = append(wrong, "no spaces, dashes, dots or slashes")
	}
	if fixed != stripped {
		wrong = append(wrong, "letters in capitals")
	}
	if len(wrong) > 0 {
		msg := "must be written with " + strings.Join(wrong, " and ")
		if n := len(fixed); n < rule.Min || n > rule.Max {
			msg += fmt.Sprintf(", and %s has %s (this has %d)", article(rule.Label), lengthWords(rule), n)
		}
		return invalid(msg).withFix(check, s, fixed)
	}
	switch {
	case len(s) < rule.Min:
		return incomplete(lengthRule(rule))
	case len(s) > rule.Max:
		return invalid(fmt.Sprintf("%s has %s (this has %d)", article(rule.Label), lengthWords(rule), len(s)))
	}
	if typ == "us_ssn" {
		return ssnIssuable(s)
	}
	return ok()
}

func lengthRule(r IDType) string {
	return fmt.Sprintf("%s has %s", article(r.Label), lengthWords(r))
}

// article puts "a" or "an" before an ID type's name: "an India PAN", "a
// US SSN" (said "you").
func article(label string) string {
	if label != "" && strings.ContainsRune("AEIO", rune(label[0])) {
		return "an " + label
	}
	return "a " + label
}

func lengthWords(r IDType) string {
	unit := "characters"
	if r.Digits {
		unit = "digits"
	}
	if r.Min == r.Max {
		return fmt.Sprintf("%d %s", r.Min, unit)
	}
	return fmt.Sprintf("%d to %d %s", r.Min, r.Max, unit)
}

func ssnIssuable(s string) Result {
	area, group, serial := s[:3], s[3:5], s[5:]
	switch {
	case area == "000" || area == "666" || area[0] == '9':
		return invalid("is not an issuable SSN: the first three digits cannot be 000, 666 or 900–999")
	case group == "00":
		return invalid("is not an issuable SSN: the middle two digits cannot be 00")
	case serial == "0000":
		return invalid("is not an issuable SSN: the last four digits cannot be 0000")
	}
	return ok()
}
