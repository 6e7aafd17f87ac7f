package forms

import (
	"crypto/rand"
	"fmt"
	"strings"

	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// NewBeaconFlow builds the Beacon screening wizard over a draft.
func NewBeaconFlow(d *drafts.Draft, opt Options) *Flow {
	if d.Beacon == nil {
		d.Beacon = &client.BeaconUserCreateRequest{}
	}
	if d.UI == nil {
		d.UI = map[string]string{}
	}
	f := &Flow{Draft: d, Changes: &Changes{}, opt: opt, Endpoint: client.PathBeaconUserCreate}
	f.check = func() validate.Problems { return CheckDraft(f.Draft, f.CheckOptions()) }
	r := d.Beacon
	f.Steps = []*Step{
		f.beaconProgram(r),
		f.beaconName(r),
		f.beaconBirth(r),
		f.beaconContact(r),
		f.beaconAddress(r),
		f.beaconIDNumber(r),
		f.beaconAccounts(r),
		f.beaconTokens(r),
		f.beaconIP(r),
	}
	return f
}

// GenerateClientUserID offers an id with no personal data in it.
func GenerateClientUserID() string {
	const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
	b := make([]byte, 10)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return "cust-" + string(b)
}

func (f *Flow) beaconProgram(r *client.BeaconUserCreateRequest) *Step {
	generated := GenerateClientUserID()
	return &Step{
		ID: "program", Title: "Program and user id", Owns: []string{"program_id", "client_user_id"},
		Form: func() *StepForm {
			program := NewPicker(PickerSpec{Key: "program_id", Title: "Beacon program", Required: true, Free: true,
				Description: "The program's settings decide what counts as a duplicate",
				Options:     func() []PickOption { return f.opt.Programs },
				Check:       func(s string) validate.Result { return validate.Identifier(s, "program id") }},
				Bind(&r.ProgramID, f.Changes))
			fields := []huh.Field{
				program,
				f.input(&r.ClientUserID, InputSpec{Key: "client_user_id", Title: "Client user id", Required: true,
					Description: "Your system's id for this person: no email or phone number in it",
					Check:       validate.ClientUserID, EmptyFix: generated, CharLimit: validate.MaxClientUserIDLen}),
			}
			return f.newForm(fields, huh.NewGroup(fields...))
		},
		Summary: func() []Line {
			return []Line{{"Program", orNone(r.ProgramID)}, {"Client user id", orNone(r.ClientUserID)}}
		},
	}
}

func (f *Flow) beaconName(r *client.BeaconUserCreateRequest) *Step {
	n := &r.User.Name
	return &Step{
		ID: "name", Title: "Name", Owns: []string{"user.name", "user"},
		Form: func() *StepForm {
			fields := []huh.Field{
				f.input(&n.GivenName, InputSpec{Key: "user.name.given_name", Title: "Given name", Required: true, Check: validate.Name, CharLimit: 120}),
				f.input(&n.FamilyName, InputSpec{Key: "user.name.family_name", Title: "Family name", Required: true, Check: validate.Name, CharLimit: 120}),
			}
			return f.newForm(fields, huh.NewGroup(fields...))
		},
		Summary: func() []Line { return []Line{{"Name", orNone(strings.TrimSpace(n.GivenName + " " + n.FamilyName))}} },
	}
}

func (f *Flow) beaconBirth(r *client.BeaconUserCreateRequest) *Step {
	u := &r.User
	return &Step{
		ID: "birth", Title: "Date of birth", Owns: []string{"user.date_of_birth"},
		Form: func() *StepForm {
			fields := []huh.Field{
				f.input(&u.DateOfBirth, InputSpec{Key: "user.date_of_birth", Title: "Date of birth", Placeholder: "YYYY-MM-DD",
					Description: "Needed unless you give a bank account", CharLimit: 24,
					Check: func(s string) validate.Result { return validate.DateOfBirth(s, f.now()) }}),
			}
			return f.newForm(fields, huh.NewGroup(fields...))
		},
		Summary: func() []Line { return []Line{{"Date of birth", orNone(u.DateOfBirth)}} },
	}
}

// phoneCountry is the country for the national-number fix: the address's,
// else the US (Beacon serves US customers).
func phoneCountry(r *client.BeaconUserCreateRequest) string {
	if c := r.User.Address.Country; c != "" {
		return c
	}
	return "US"
}

func (f *Flow) beaconContact(r *client.BeaconUserCreateRequest) *Step {
	u := &r.User
	return &Step{
		ID: "contact", Title: "Contact", Owns: []string{"user.email_address", "user.phone_number"},
		Form: func() *StepForm {
			fields := []huh.Field{
				f.input(&u.EmailAddress, InputSpec{Key: "user.email_address", Title: "Email", Check: validate.Email}),
				f.input(&u.PhoneNumber, InputSpec{Key: "user.phone_number", Title: "Phone", Placeholder: "+14155550100", CharLimit: 40,
					Description: "E.164; a national number is turned into E.164 with the address's country (US if none)",
					Check:       func(s string) validate.Result { return validate.Phone(s, phoneCountry(r)) }}),
			}
			return f.newForm(fields, huh.NewGroup(fields...))
		},
		Summary: func() []Line { return []Line{{"Email", orNone(u.EmailAddress)}, {"Phone", orNone(u.PhoneNumber)}} },
	}
}

func (f *Flow) beaconAddress(r *client.BeaconUserCreateRequest) *Step {
	a := &r.User.Address
	return &Step{
		ID: "address", Title: "Address", Owns: []string{"user.address"},
		Form: func() *StepForm {
			fields := []huh.Field{
				NewPicker(PickerSpec{Key: "user.address.country", Title: "Country", Options: countryOptions,
					Description: "Leave the whole address empty to send none"}, Bind(&a.Country, f.Changes)),
				NewPicker(PickerSpec{Key: "user.address.region", Title: "Region (state, province…)",
					Options: func() []PickOption { return regionOptions(a.Country) },
					Check:   func(s string) validate.Result { return validate.Region(a.Country, s) }}, Bind(&a.Region, f.Changes)),
				f.input(&a.PostalCode, InputSpec{Key: "user.address.postal_code", Title: "Postal code", CharLimit: 16,
					Check: func(s string) validate.Result { return validate.PostalCode(a.Country, s) }}),
				f.input(&a.Street, InputSpec{Key: "user.address.street", Title: "Street", Check: validate.Street, CharLimit: 100}),
				f.input(&a.Street2, InputSpec{Key: "user.address.street2", Title: "Street, second line", Check: validate.Street2, CharLimit: 70}),
				f.input(&a.City, InputSpec{Key: "user.address.city", Title: "City", Check: validate.City, CharLimit: 120}),
			}
			return f.newForm(fields, huh.NewGroup(fields...))
		},
		Summary: func() []Line {
			if *a == (client.BeaconUserRequestAddress{}) {
				return []Line{{"Address", "none"}}
			}
			street := a.Street
			if a.Street2 != "" {
				street += ", " + a.Street2
			}
			return []Line{{"Street", orNone(street)}, {"City", orNone(a.City)}, {"Region", orNone(a.Region)},
				{"Postal code", orNone(a.PostalCode)}, {"Country", countryLabel(a.Country)}}
		},
	}
}

// idTypeOptions lists the ID types issued by the address's country (all of
// them when there is no country), after "(none)".
func idTypeOptions(country string) []PickOption {
	types := validate.IDTypesFor(country)
	if len(types) == 0 {
		types = validate.IDTypes()
	}
	out := []PickOption{{Value: "", Label: "(none)"}}
	for _, t := range types {
		out = append(out, PickOption{Value: t.Type, Label: t.Label})
	}
	return out
}

func (f *Flow) beaconIDNumber(r *client.BeaconUserCreateRequest) *Step {
	id := &r.User.IDNumber
	return &Step{
		ID: "id_number", Title: "ID number", Owns: []string{"user.id_number"},
		Form: func() *StepForm {
			typ := NewPicker(PickerSpec{Key: "user.id_number.type", Title: "ID type",
				Description: "Listed for the address's country",
				Options:     func() []PickOption { return idTypeOptions(r.User.Address.Country) }},
				BindFunc(func() string { return string(id.Type) }, func(v string) { id.Type = client.IDNumberType(v) }, f.Changes))
			value := f.input(&id.Value, InputSpec{Key: "user.id_number.value", Title: "ID number", Masked: true, CharLimit: 40,
				Description: "Hidden as you type; letters and digits, no dashes",
				Check: func(s string) validate.Result {
					if id.Type == "" {
						return validate.Result{State: validate.Incomplete, Message: "choose the ID type first"}
					}
					return validate.IDNumber(string(id.Type), s)
				}})
			fields := []huh.Field{typ, value}
			return f.newForm(fields, huh.NewGroup(fields...))
		},
		Summary: func() []Line {
			if id.Type == "" && id.Value == "" {
				return []Line{{"ID number", "none"}}
			}
			label := string(id.Type)
			if t, found := validate.LookupIDType(label); found {
				label = t.Label
			}
			return []Line{{"ID type", orNone(label)}, {"ID number", orNone(drafts.MaskTail(id.Value, 4))}}
		},
	}
}

func (f *Flow) beaconAccounts(r *client.BeaconUserCreateRequest) *Step {
	u := &r.User
	l := &List{
		Noun: "bank account", Path: "user.depository_accounts",
		Hint: "US accounts to screen (they get no Account Insights). A bank account can stand in for the date of birth.",
		Full: accountsFull(r),
		Len:  func() int { return len(u.DepositoryAccounts) },
		Item: func(i int) string {
			a := u.DepositoryAccounts[i]
			return fmt.Sprintf("routing %s · account %s", orNone(a.RoutingNumber), orNone(drafts.MaskTail(a.AccountNumber, 4)))
		},
		Add: func() int {
			u.DepositoryAccounts = append(u.DepositoryAccounts, client.BeaconUserRequestDepositoryAccount{})
			f.Changes.bump()
			return len(u.DepositoryAccounts) - 1
		},
		Remove: func(i int) {
			u.DepositoryAccounts = append(u.DepositoryAccounts[:i:i], u.DepositoryAccounts[i+1:]...)
			if len(u.DepositoryAccounts) == 0 {
				u.DepositoryAccounts = nil
			}
			f.Changes.bump()
		},
		Form: func(i int) *StepForm {
			a := &u.DepositoryAccounts[i]
			path := fmt.Sprintf("user.depository_accounts[%d]", i)
			fields := []huh.Field{
				f.input(&a.RoutingNumber, InputSpec{Key: path + ".routing_number", Title: "Routing number", Required: true,
					Placeholder: "021000021", CharLimit: 20, Check: validate.RoutingNumber}),
				f.input(&a.AccountNumber, InputSpec{Key: path + ".account_number", Title: "Account number", Required: true,
					Masked: true, CharLimit: 30, Check: validate.AccountNumber, Description: "Hidden as you type; 4 to 17 digits"}),
			}
			return f.newForm(fields, huh.NewGroup(fields...))
		},
	}
	return &Step{
		ID: "accounts", Title: "Bank accounts", Owns: []string{"user.depository_accounts"}, List: l,
		Summary: func() []Line {
			if len(u.DepositoryAccounts) == 0 {
				return []Line{{"Bank accounts", "none"}}
			}
			var out []Line
			for i := range u.DepositoryAccounts {
				out = append(out, Line{fmt.Sprintf("Account %d", i+1), l.Item(i)})
			}
			return out
		},
	}
}

func (f *Flow) beaconTokens(r *client.BeaconUserCreateRequest) *Step {
	l := f.stringList(&r.AccessTokens, "access token", "access_tokens", "Access token", "access-sandbox-…",
		func(int) InputSpec {
			return InputSpec{Required: true, Masked: true, CharLimit: 200,
				Check: func(s string) validate.Result { return validate.Identifier(s, "access token") }}
		})
	l.Hint = "Items to link for Account Insights. Each adds at least one account; 50 accounts in all."
	l.Full = accountsFull(r)
	l.Item = func(i int) string { return drafts.MaskTail(r.AccessTokens[i], 4) }
	return &Step{
		ID: "tokens", Title: "Access tokens", Owns: []string{"access_tokens"}, List: l,
		Summary: func() []Line {
			if len(r.AccessTokens) == 0 {
				return []Line{{"Access tokens", "none"}}
			}
			return []Line{{"Access tokens", fmt.Sprintf("%d (%s)", len(r.AccessTokens), strings.Join(maskAll(r.AccessTokens), ", "))}}
		},
	}
}

// accountsFull is the 50-account limit, shared by bank accounts and access
// tokens (each token counting as at least one account).
func accountsFull(r *client.BeaconUserCreateRequest) func() string {
	return func() string {
		if len(r.User.DepositoryAccounts)+len(r.AccessTokens) >= client.MaxBeaconAccounts {
			return fmt.Sprintf("a Beacon user has at most %d accounts in all (bank accounts and access tokens)", client.MaxBeaconAccounts)
		}
		return ""
	}
}

func maskAll(vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = drafts.MaskTail(v, 4)
	}
	return out
}

func (f *Flow) beaconIP(r *client.BeaconUserCreateRequest) *Step {
	u := &r.User
	return &Step{
		ID: "ip", Title: "IP address", Owns: []string{"user.ip_address"},
		Form: func() *StepForm {
			fields := []huh.Field{
				f.input(&u.IPAddress, InputSpec{Key: "user.ip_address", Title: "IP address", Placeholder: "192.0.2.42",
					Description: "Where the person came from; IPv4 or IPv6", CharLimit: 64, Check: validate.IPAddress}),
			}
			return f.newForm(fields, huh.NewGroup(fields...))
		},
		Summary: func() []Line { return []Line{{"IP address", orNone(u.IPAddress)}} },
	}
}
