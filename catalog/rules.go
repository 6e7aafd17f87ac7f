package catalog

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Scope is what a rule may look at besides the value: the other answers
// of the same request, and the environment.
type Scope struct {
	req any
	env Env
}

// NewScope is the scope of a request (a pointer to it) being answered.
func NewScope(req any, env Env) Scope { return Scope{req: req, env: env} }

// Value is the text at path, "" when there is none.
func (s Scope) Value(path string) string {
	v, found := client.Resolve(s.req, path)
	if !found || v.Kind() != reflect.String {
		return ""
	}
	return v.String()
}

// Env is the environment the request is for.
func (s Scope) Env() Env { return s.env }

// Rule checks one value that is not empty.
type Rule func(value string, s Scope) validate.Result

// Check is a rule that depends on nothing but the value.
func Check(c validate.Check) Rule {
	return func(v string, _ Scope) validate.Result { return c(v) }
}

// PhoneIn checks an E.164 phone number; a number written in national form
// is offered in E.164 for the country at path, or read in fallback when
// the path is empty (validate.PhoneAnyCountry).
func PhoneIn(path, fallback string) Rule {
	return func(v string, s Scope) validate.Result {
		if c := s.Value(path); c != "" {
			return validate.Phone(v, c)
		}
		return validate.PhoneAnyCountry(v, fallback)
	}
}

// SupportPhoneIn checks a support phone number (a field Plaid gives no
// format: E.164 is our advice); the fix follows the country at path.
func SupportPhoneIn(path string) Rule {
	return func(v string, s Scope) validate.Result { return validate.SupportPhone(v, s.Value(path)) }
}

// RegionOf checks a subdivision code of the country at path.
func RegionOf(path string) Rule {
	return func(v string, s Scope) validate.Result { return validate.Region(s.Value(path), v) }
}

// PostalCodeIn checks a postal code by the rules of the country at path.
func PostalCodeIn(path string) Rule {
	return func(v string, s Scope) validate.Result { return validate.PostalCode(s.Value(path), v) }
}

// DateOfBirth checks a date of birth against today.
func DateOfBirth() Rule {
	return func(v string, s Scope) validate.Result { return validate.DateOfBirth(v, s.env.now()) }
}

// PastDate checks a date that is not in the future.
func PastDate() Rule {
	return func(v string, s Scope) validate.Result { return validate.PastDate(v, s.env.now()) }
}

// Timestamp checks a YYYY-MM-DDTHH:mm:ssZ time that is not in the future.
func Timestamp() Rule {
	return func(v string, s Scope) validate.Result { return validate.Timestamp(v, s.env.now()) }
}

// RedirectURI checks a redirect URI; production needs https.
func RedirectURI() Rule {
	return func(v string, s Scope) validate.Result {
		return validate.RedirectURI(v, s.env.Environment == client.Production)
	}
}

// Identifier checks an id Plaid gave (what names it in messages).
func Identifier(what string) Rule {
	return func(v string, _ Scope) validate.Result { return validate.Identifier(v, what) }
}

// IDNumberOf checks an ID number by the rules of the type at path.
func IDNumberOf(path string) Rule {
	return func(v string, s Scope) validate.Result {
		typ := s.Value(path)
		if typ == "" {
			return validate.Result{State: validate.Incomplete, Message: "choose the ID type first"}
		}
		if _, known := validate.LookupIDType(typ); !known {
			return validate.Result{} // the type's own problem says why
		}
		return validate.IDNumber(typ, v)
	}
}

// OneOf accepts the values values lists; what names the enum in the
// message ("a Plaid product").
func OneOf(values func() []string, what string) Rule {
	return func(v string, _ Scope) validate.Result {
		if slices.Contains(values(), v) {
			return validate.Result{}
		}
		return validate.Result{State: validate.Invalid, Message: fmt.Sprintf("%q is not %s", v, what)}
	}
}

// OneOfListed accepts values values lists and says which in the message.
func OneOfListed(values func() []string, what string) Rule {
	return func(v string, _ Scope) validate.Result {
		if slices.Contains(values(), v) {
			return validate.Result{}
		}
		return validate.Result{State: validate.Invalid,
			Message: fmt.Sprintf("%q is not %s (%s)", v, what, strings.Join(values(), ", "))}
	}
}

// LogoPNG checks a base64 PNG.
func LogoPNG() Rule {
	return func(v string, _ Scope) validate.Result {
		_, r := validate.LogoBase64(v)
		return r
	}
}
