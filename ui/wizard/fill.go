package wizard

import (
	"encoding/json"
	"hash/fnv"

	tea "charm.land/bubbletea/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// fictionalBase numbers the people and companies a fill makes apart from
// those `emulator seed` adds, so a fill is no duplicate of a seeded one.
const fictionalBase = 50_000_000

// fill puts a fictional person or company — the seeder's data — in the
// current step's fields, as if typed: the form is built again from the
// draft and every check runs on what it holds. Never in production.
func (m *Model) fill() tea.Cmd {
	if m.env() == client.Production {
		m.notice = "filling with fictional data is off in production"
		return nil
	}
	step := m.flow.Steps[m.step]
	d := m.flow.Draft
	h := fnv.New32a()
	_, _ = h.Write([]byte(d.ID))
	// One fictional person for the whole draft, step after step; the same
	// step filled again gets the next one.
	if m.filledStep == step.ID {
		m.fills++
	}
	m.filledStep = step.ID
	k := fictionalBase + int(h.Sum32()%1_000_000)*10 + m.fills
	var (
		src any
		who string
	)
	switch {
	case d.Beacon != nil:
		program := d.Beacon.ProgramID
		if program == "" {
			program = emulator.DefaultPrograms()[0].ID
		}
		p := emulator.SeedPerson(k, program)
		src, who = p, "a fictional person, "+p.User.Name.GivenName+" "+p.User.Name.FamilyName
	default:
		c := emulator.SeedCompany(k)
		src, who = c, "a fictional company, "+c.CompanyName
	}
	part, _ := d.Catalog().Copy(src, func(f *catalog.Field) bool { return f.Step == step.ID })
	raw, err := json.Marshal(part)
	if err == nil {
		// Into the request the forms are bound to: a merge, not a new one.
		err = json.Unmarshal(raw, d.Request())
	}
	if err != nil {
		m.notice = "could not fill: " + err.Error()
		return nil
	}
	m.local++
	// In the footer, gone at the next key: it is no state of the draft.
	said := step.Title + ": filled with " + who + " (the seeder's data; every check runs on it)"
	return tea.Batch(m.enter(m.step), func() tea.Msg { return uikit.NoticeMsg{Text: said} })
}
