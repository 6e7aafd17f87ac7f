package forms

import (
	"crypto/rand"
	"fmt"
	"strings"

	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
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
	r := d.Beacon
	f := &Flow{Draft: d, Changes: &Changes{}, opt: opt, Catalog: catalog.BeaconUserCreate(), req: r}
	generated := GenerateClientUserID()
	program := f.formStep(catalog.StepProgram, "Program and user id", func(path string) huh.Field {
		if path == "client_user_id" {
			return f.inputWith(path, func(s *InputSpec) { s.EmptyFix = generated })
		}
		return nil
	})
	name := f.formStep(catalog.StepName, "Name", nil)
	name.Summary = func() []Line {
		n := r.User.Name
		return []Line{{Label: "Name", Value: orNone(strings.TrimSpace(n.GivenName + " " + n.FamilyName))}}
	}
	address := f.formStep(catalog.StepPerson, "Address", nil)
	address.Summary = f.beaconAddressSummary(r)
	idNumber := f.formStep(catalog.StepIDNumber, "ID number", nil)
	idNumber.Summary = func() []Line {
		if r.User.IDNumber == (client.BeaconUserIDNumber{}) {
			return []Line{{Label: "ID number", Value: "none"}}
		}
		return f.summary(catalog.StepIDNumber)()
	}
	tokens := f.listStep(catalog.StepTokens, "Access tokens", "access token", "access_tokens[]")
	tokens.List.Full = accountsFull(r)
	f.Steps = []*Step{
		program,
		name,
		f.formStep(catalog.StepBirth, "Date of birth", nil),
		f.formStep(catalog.StepContact, "Contact", nil),
		address,
		idNumber,
		f.beaconAccounts(r),
		tokens,
		f.formStep(catalog.StepIP, "IP address", nil),
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

func (f *Flow) beaconAddressSummary(r *client.BeaconUserCreateRequest) func() []Line {
	return func() []Line {
		a := r.User.Address
		if a == (client.BeaconUserRequestAddress{}) {
			return []Line{{Label: "Address", Value: "none"}}
		}
		street := a.Street
		if a.Street2 != "" {
			street += ", " + a.Street2
		}
		return append([]Line{{Label: "Street", Value: orNone(street)}},
			f.summary(catalog.StepPerson, "user.address.city", "user.address.region", "user.address.postal_code", "user.address.country")()...)
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

func (f *Flow) beaconAccounts(r *client.BeaconUserCreateRequest) *Step {
	u := &r.User
	routing, account := f.field("user.depository_accounts[].routing_number"), f.field("user.depository_accounts[].account_number")
	l := &List{
		Noun: "bank account", Path: "user.depository_accounts",
		Hint: "US accounts to screen (they get no Account Insights). A bank account can stand in for the date of birth.",
		Full: accountsFull(r),
		Len:  func() int { return len(u.DepositoryAccounts) },
		Item: func(i int) string {
			a := u.DepositoryAccounts[i]
			return fmt.Sprintf("routing %s · account %s", orNone(a.RoutingNumber), orNone(account.MaskValue(a.AccountNumber)))
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
			item := fmt.Sprintf("user.depository_accounts[%d]", i)
			fields := []huh.Field{
				f.inputAt(routing, item+".routing_number"),
				f.inputAt(account, item+".account_number"),
			}
			return f.newForm(fields)
		},
	}
	return &Step{
		ID: catalog.StepAccounts, Title: "Bank accounts", List: l,
		Summary: func() []Line {
			if len(u.DepositoryAccounts) == 0 {
				return []Line{{Label: "Bank accounts", Value: "none"}}
			}
			var out []Line
			for i := range u.DepositoryAccounts {
				out = append(out, Line{Label: fmt.Sprintf("Account %d", i+1), Value: l.Item(i)})
			}
			return out
		},
	}
}

// inputAt asks for the text at path, a concrete path of field fd (an
// item of a list).
func (f *Flow) inputAt(fd *catalog.Field, path string) *Input {
	return NewInput(f.inputSpec(fd, path), f.text(path)).Accessible(f.opt.Accessible)
}

// accountsFull is the 50-account limit, shared by bank accounts and access
// tokens (each token counting as at least one account).
func accountsFull(r *client.BeaconUserCreateRequest) func() string {
	return func() string {
		if len(r.User.DepositoryAccounts)+len(r.AccessTokens) >= catalog.MaxBeaconAccounts {
			return fmt.Sprintf("a Beacon user has at most %d accounts in all (bank accounts and access tokens)", catalog.MaxBeaconAccounts)
		}
		return ""
	}
}
