// Package catalog declares, once, every field of every request this
// program sends: its JSON path, its label and help in plain words, the
// rule it follows and what that rule depends on (the country a phone
// follows), whether it is required, whether it is personal data, the
// wizard step that asks for it and whether /update can change it later.
//
// Everything else reads this declaration: the request checks (here), the
// forms, draft masking and sealing, the review, the requirement → step
// mapping and the emulator's checks. A test holds the catalogue to Plaid's
// spec, leaf for leaf.
package catalog

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// Env is what a check depends on beyond the answers themselves.
type Env struct {
	// Environment decides whether redirect URIs must be https.
	Environment client.Environment
	// Now is "today" for dates of birth, fraud dates and agreement times.
	Now time.Time
}

func (e Env) now() time.Time {
	if e.Now.IsZero() {
		return time.Now()
	}
	return e.Now
}

// Kind is the kind of question a field is asked with.
type Kind uint8

// The kinds of question. Adding a field of an existing kind is one
// catalogue entry; a new kind also needs its question in package forms.
const (
	Text     Kind = iota // a line of text
	Secret               // a line of text hidden as it is typed
	Country              // an ISO 3166-1 country, searchable
	Region               // a subdivision of the country a Context names
	IDType               // an ID number type, listed for a country
	Program              // a Beacon program id, from a list or typed
	YesNo                // yes, no, or not answered (a *bool)
	Products             // items of the Products enum
	Purposes             // the permissible purposes chosen (keys of an object)
	UseCases             // the use cases of one purpose
	Logo                 // a PNG file, sent as base64
	Choice               // one value of an enum
)

// Personal says whether a field is personal data, and so how it is kept.
type Personal uint8

const (
	// NotPersonal fields are shown and saved as they are.
	NotPersonal Personal = iota
	// Masked fields are personal data shown masked (email, phone).
	Masked
	// Sealed fields are also encrypted in drafts and left out of them
	// with --no-save-pii: dates of birth, ID and account numbers, tokens.
	Sealed
)

// Mask is how a personal field is masked for display.
type Mask uint8

const (
	// MaskTail keeps the last four characters: "•••••6789".
	MaskTail Mask = iota
	// MaskAll hides every character (a date of birth).
	MaskAll
	// MaskEmail keeps the first letter and the domain.
	MaskEmail
)

// Field is one field of a request.
type Field struct {
	// Path is the JSON path, lists written "[]":
	// "user.depository_accounts[].account_number".
	Path string
	// Label is the question ("Company name"); Short, when set, is how the
	// review names the answer ("Company").
	Label, Short string
	// Help says in plain words what the field is for.
	Help        string
	Placeholder string
	Kind        Kind
	// Rule checks a value that is not empty; nil for free text.
	Rule Rule
	// Context is the field the rule follows (a phone's or a postal code's
	// country): a change there checks this one again.
	Context string
	// Need, when set, makes the field required by our rules (Plaid's
	// schema does not require it) whenever its object is sent; it is the
	// message shown while it is empty.
	Need string
	// Expected fields are asked as required although a request may go
	// without them: Plaid lists them as still needed before enabling.
	Expected bool
	// Personal says whether the field is personal data; Mask how it is
	// hidden on screen.
	Personal Personal
	Mask     Mask
	// Step is the id of the wizard step that asks for it.
	Step string
	// CharLimit bounds what the form takes (a 1 MB paste is cut to it).
	CharLimit int
	// Unique lists must not repeat an item.
	Unique bool
	// Max, when set, bounds how many items a list holds (our rule: Plaid
	// states none; it keeps a draft within what a draft may hold).
	Max int
	// Values are an enum's values, for choices and their checks.
	Values func() []string
	// Suggest, when set, makes a value to offer while the field is empty
	// (a client user id with no personal data in it).
	Suggest func() string
	// Empty, when set, is what the review shows for the field left
	// unanswered, when that means something ("the reseller's products").
	Empty string
	// Stamps, for a yes/no, is the path of a time set to now when the
	// answer becomes yes and no time is there yet (when an acceptance was
	// given).
	Stamps string

	// Names marks an answer that names the company or who signed for it
	// (company, application and legal names, website, logo, address, the
	// addendum's signer and IP): a new customer "like this one" leaves it
	// empty; every other answer carries over.
	Names bool
	// PartnerWide marks an answer that is the same for every customer of
	// a partner (contacts, products, redirect URIs, link customization,
	// the CRA questionnaire): a template keeps it.
	PartnerWide bool

	// Derived when the catalogue is built, not declared:
	required  bool // Plaid's schema requires it inside its object
	always    bool // required, and so is every object it lies in
	updatable bool // /update accepts it, so it can change after create
}

// Required reports whether Plaid's schema requires the field (when its
// object is sent).
func (f *Field) Required() bool { return f.required }

// Asked reports whether a form asks for the field as required: Plaid
// requires it in an object that is always sent (a Beacon address's
// street is required only once there is an address), our rules need it,
// or Plaid expects it before enabling.
func (f *Field) Asked() bool { return f.always || f.Need != "" || f.Expected }

// Updatable reports whether /update can change the field after create.
func (f *Field) Updatable() bool { return f.updatable }

// ReviewLabel is how the review names the answer.
func (f *Field) ReviewLabel() string {
	if f.Short != "" {
		return f.Short
	}
	return f.Label
}

// IsList reports whether the field is the items of a list.
func (f *Field) IsList() bool { return strings.HasSuffix(f.Path, "[]") }

// IsText reports whether the field holds a string (or a list of them).
func (f *Field) IsText() bool {
	switch f.Kind {
	case YesNo, Purposes:
		return false
	}
	return true
}

// Catalog is the fields of one request, in the order the wizard asks them.
type Catalog struct {
	// Name says what the request does ("create a partner end customer").
	Name string
	// Endpoint is the path the request is sent to.
	Endpoint string
	typ      reflect.Type
	fields   []*Field
	byPath   map[string]*Field
	// more checks what spans several fields.
	more func(c *checker)
	// update is the catalogue of the request that changes what this one
	// created, when there is one.
	update *Catalog
	// steps are the wizard's pages, in order (none for a request no
	// wizard asks).
	steps []*Step
}

// newCatalog builds a catalogue for request type T, deriving what the
// spec's types already say (required, updatable by update's type).
func newCatalog[T any](name, endpoint string, update *Catalog, more func(*checker), fields []*Field) *Catalog {
	c := &Catalog{Name: name, Endpoint: endpoint, typ: reflect.TypeFor[T](), fields: fields,
		byPath: map[string]*Field{}, more: more, update: update}
	c.derive()
	return c
}

// derive works out what the spec's types say of each field: required,
// updatable by the update's type.
func (c *Catalog) derive() {
	for _, f := range c.fields {
		f.required, _ = client.Required(c.typ, f.Path)
		f.always = f.required && objectsRequired(c.typ, f.Path)
		if c.update != nil {
			f.updatable = c.update.Field(f.Path) != nil
		}
		c.byPath[f.Path] = f
	}
}

// objectsRequired reports whether every object a path lies in is required
// too. A list's item counts as present: it exists once it is added.
func objectsRequired(t reflect.Type, path string) bool {
	segs := strings.Split(path, ".")
	for i := 1; i < len(segs); i++ {
		prefix := strings.Join(segs[:i], ".")
		if strings.HasSuffix(prefix, "[]") {
			continue
		}
		if required, _ := client.Required(t, prefix); !required {
			return false
		}
	}
	return true
}

// Fields lists the fields in the order the wizard asks them.
func (c *Catalog) Fields() []*Field { return c.fields }

// Type is the request type.
func (c *Catalog) Type() reflect.Type { return c.typ }

// Field returns the field at a path ("user.depository_accounts[1].routing_number"
// finds "user.depository_accounts[].routing_number"), or nil.
func (c *Catalog) Field(path string) *Field { return c.byPath[client.Pattern(path)] }

// InStep lists a step's fields, in order.
func (c *Catalog) InStep(step string) []*Field {
	var out []*Field
	for _, f := range c.fields {
		if f.Step == step {
			out = append(out, f)
		}
	}
	return out
}

// position is the index of the first field at, under or above path: the
// order problems are listed in. -1 when no field is.
func (c *Catalog) position(path string) int {
	p := client.Pattern(path)
	for i, f := range c.fields {
		if within(f.Path, p) || within(p, f.Path) {
			return i
		}
	}
	return -1
}

// within reports whether path is base or lies beneath it.
func within(path, base string) bool {
	return path == base || strings.HasPrefix(path, base+".") || strings.HasPrefix(path, base+"[")
}

// StepOf is the id of the step that owns a path: the step of its field,
// or of the first field beneath it (a problem with all of "address"), or
// of the field it lies in. "" when no step does.
func (c *Catalog) StepOf(path string) string {
	if i := c.position(path); i >= 0 {
		return c.fields[i].Step
	}
	return ""
}

// Updatable reports whether /update can change what a path names (a
// requirement still due: "questionnaires.cra", "website").
func (c *Catalog) Updatable(path string) bool {
	if c.update == nil {
		return false
	}
	p := client.Pattern(path)
	for _, f := range c.update.fields {
		if within(f.Path, p) || within(p, f.Path) {
			return true
		}
	}
	return false
}

// Update is the catalogue of the request that changes what this one
// created (nil when there is none).
func (c *Catalog) Update() *Catalog { return c.update }

// derive keeps the fields of from that request type T also has: an update
// request accepts a subset of its create request's fields, with the same
// rules, so they are declared once.
func derive[T any](from []*Field) []*Field {
	t := reflect.TypeFor[T]()
	var out []*Field
	for _, f := range from {
		if _, found := client.Required(t, f.Path); found {
			cp := *f
			out = append(out, &cp)
		}
	}
	return out
}

// For returns the catalogue of a request (a pointer to a request type),
// or nil for a type this program does not send.
func For(req any) *Catalog {
	t := reflect.TypeOf(req)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for _, c := range All() {
		if c.typ == t {
			return c
		}
	}
	return nil
}

// All lists every request's catalogue.
var All = sync.OnceValue(func() []*Catalog {
	return []*Catalog{
		PartnerCreate(), PartnerGet(), PartnerUpdate(), PartnerEnable(),
		BeaconUserCreate(), BeaconUserGet(), BeaconUserReview(), BeaconUserUpdate(), BeaconReportCreate(),
		BeaconUserHistoryList(), BeaconReportList(), BeaconReportGet(), BeaconReportSyndicationList(),
		BeaconReportSyndicationGet(), BeaconDuplicateGet(), BeaconAccountInsightsGet(), PartnerOAuthInstitutions(),
		WebhookVerificationKeyGet(), PublicCustomerCreate(), PublicCustomerGet(), PublicCustomerEnable(), PartnerRemove(),
	}
})

// EachPersonal visits every personal text field a request (a pointer to
// one) holds, with its concrete path and the string to read or change:
// what drafts seal and screens mask.
func EachPersonal(req any, visit func(f *Field, path string, value *string)) {
	c := For(req)
	if c == nil {
		return
	}
	for _, f := range c.fields {
		if f.Personal == NotPersonal || !f.IsText() {
			continue
		}
		for _, p := range client.Expand(req, f.Path) {
			if v, found := client.Resolve(req, p); found && v.Kind() == reflect.String && v.CanAddr() {
				visit(f, p, v.Addr().Interface().(*string))
			}
		}
	}
}

// FieldName is how a person reads a field path of this request: the field's
// label, numbered for an item of a list ("Redirect URI 2"), the list's
// label for the list itself, "Bank account 1 · Routing number" for the
// field of an item. A path the catalogue does not know is named as it is.
func (c *Catalog) FieldName(path string) string {
	pattern := client.Pattern(path)
	f := c.Field(pattern)
	if f == nil {
		f = c.Field(pattern + "[]") // the list itself
		if f == nil {
			if lf := c.Field(strings.TrimSuffix(pattern, "[]") + "[]"); lf != nil && strings.HasSuffix(pattern, "[]") {
				f = lf
			}
		}
		if f == nil {
			return path
		}
		if !strings.HasSuffix(path, "]") {
			return f.ReviewLabel() // the list itself: "Redirect URIs"
		}
	}
	// The indices in path, in order: "a[1].b[2]" → 1, 2.
	var nums []string
	for _, part := range strings.Split(path, "[")[1:] {
		if i, err := strconv.Atoi(part[:max(0, strings.IndexByte(part, ']'))]); err == nil {
			nums = append(nums, strconv.Itoa(i+1))
		}
	}
	switch {
	case len(nums) == 0:
		return f.Label
	case f.IsList():
		return f.Label + " " + strings.Join(nums, ".")
	}
	// The field of an item: the item's list, numbered, then the field.
	list := pattern[:strings.LastIndex(pattern, "[]")+2]
	item, named := itemLabels[list]
	if !named {
		item = list
	}
	return item + " " + strings.Join(nums, ".") + " · " + f.Label
}

// itemLabels name the items of the lists of objects.
var itemLabels = map[string]string{"user.depository_accounts[]": "Bank account"}

// objectLabels name the objects whose fields are asked together.
var objectLabels = map[string]string{
	"bank_addendum_acceptance": "Bank addendum acceptance", "questionnaires": "CRA questionnaire",
	"address": "Address", "customer_support_info": "Customer support", "technical_contact": "Technical contact",
	"billing_contact": "Billing contact", "user": "Person",
}

// UpdatableNames names what /update can change once this request has
// created its object, in the order the wizard asks it: a field, or the
// object its fields make up.
func (c *Catalog) UpdatableNames() []string {
	var names []string
	for _, f := range c.fields {
		if !f.updatable {
			continue
		}
		name := f.ReviewLabel()
		if top, _, nested := strings.Cut(f.Path, "."); nested && objectLabels[top] != "" {
			name = objectLabels[top]
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}
