// Package home is the first screen: start a partner customer, screen a
// person, or resume a draft.
package home

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/bulk"
	"github.com/plaid-onboard/plaid-onboard/internal/theme"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

type keyMap struct {
	Up, Down, Open, Delete, Like, Quit, Abort key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "move")),
		Down:   key.NewBinding(key.WithKeys("down", "j")),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Delete: key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "delete draft")),
		Like:   key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "new customer like this")),
		Quit:   key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "quit")),
		Abort:  key.NewBinding(key.WithKeys("ctrl+c")),
	}
}

// Model is the home screen.
type Model struct {
	deps      uikit.Deps
	keys      keyMap
	cursor    int
	drafts    []drafts.Summary // those of no batch
	batches   []bulk.Batch     // a row each
	batch     *batchView       // the batch open, if any
	cache     *bulk.Cache      // where each batch draft stood when last read
	bkeys     batchKeys
	bad       []drafts.Quarantined
	dialog    *uikit.Dialog
	onConfirm func() tea.Cmd
	notice    string
	width     int
	height    int
	st        theme.Styles
}

// The fixed entries above the drafts.
const (
	entryPartner  = 0
	entryBeacon   = 1
	entryPerson   = 2
	entryCustomer = 3
	entries       = 4
)

// New builds the home screen; notice is a line to show (why we are here).
func New(deps uikit.Deps, notice string) *Model {
	if notice == "" && deps.DebugLog != "" {
		notice = "--debug: every exchange with " + deps.EnvLabel() + " is written to " + deps.DebugLog
	}
	m := &Model{deps: deps, keys: defaultKeys(), bkeys: defaultBatchKeys(), cache: bulk.NewCache(), notice: notice, st: theme.New(true)}
	m.reload()
	return m
}

func (m *Model) reload() {
	list, bad, err := m.deps.Store.List()
	if err != nil {
		m.notice = "the drafts cannot be listed: " + err.Error()
	}
	m.drafts, m.bad = m.drafts[:0], append(m.bad, bad...)
	for _, d := range list {
		if d.Batch == "" {
			m.drafts = append(m.drafts, d)
		}
	}
	// A batch is one row, counted from its drafts read through.
	m.batches = m.cache.Of(m.deps.Store, list, m.checkEnv(), "")
	m.cursor = min(m.cursor, m.rows()-1)
	m.reloadBatch()
}

// rows counts what the cursor moves over: the entries, the batches, the
// drafts of no batch.
func (m *Model) rows() int { return entries + len(m.batches) + len(m.drafts) }

// Init does nothing: the list is read when the screen is made.
func (m *Model) Init() tea.Cmd { return nil }

// Title is the header.
func (m *Model) Title() string { return "Plaid onboarding" }

// SetSize sizes the body.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// SetDark restyles.
func (m *Model) SetDark(dark bool) { m.st = theme.New(dark) }

// Status is empty on the home screen.
func (m *Model) Status() string {
	if n := len(m.drafts); n > 0 {
		return m.st.Faint.Render(fmt.Sprintf("%d %s in %s", n, words.Plural(n, "draft", "drafts"), m.deps.Store.Dir()))
	}
	return ""
}

// Help lists the keys.
func (m *Model) Help() []key.Binding {
	if m.dialog != nil {
		return nil
	}
	if m.batch != nil {
		return m.batchHelp()
	}
	hb := []key.Binding{m.keys.Up, m.keys.Open}
	if d, onDraft := m.draftAtCursor(); onDraft {
		hb = append(hb, m.keys.Delete)
		if d.Kind == drafts.PartnerCustomer {
			hb = append(hb, m.keys.Like)
		}
	}
	return append(hb, m.keys.Quit)
}

// Update handles keys.
func (m *Model) Update(msg tea.Msg) (uikit.Screen, tea.Cmd) {
	if s, isStep := msg.(batchStepMsg); isStep && m.batch != nil {
		return m, m.batchStepped(s.step)
	}
	k, isKey := msg.(tea.KeyPressMsg)
	if !isKey {
		return m, nil
	}
	if key.Matches(k, m.keys.Abort) && (m.batch == nil || !m.batch.sending) {
		return m, func() tea.Msg { return uikit.QuitMsg{Aborted: true} }
	}
	if m.dialog != nil {
		m.dialog.Update(k)
		if m.dialog.Answered {
			confirmed, then := m.dialog.Confirmed, m.onConfirm
			m.dialog, m.onConfirm = nil, nil
			if confirmed && then != nil {
				return m, then()
			}
		}
		return m, nil
	}
	if m.batch != nil {
		return m, m.updateBatch(k)
	}
	n := m.rows()
	switch {
	case key.Matches(k, m.keys.Up):
		m.cursor = (m.cursor - 1 + n) % n
	case key.Matches(k, m.keys.Down):
		m.cursor = (m.cursor + 1) % n
	case key.Matches(k, m.keys.Quit):
		return m, func() tea.Msg { return uikit.QuitMsg{} }
	case key.Matches(k, m.keys.Open):
		return m, m.open()
	case key.Matches(k, m.keys.Like):
		if d, onDraft := m.draftAtCursor(); onDraft && d.Kind == drafts.PartnerCustomer {
			return m, m.newLike(d.ID)
		}
	case key.Matches(k, m.keys.Delete) && m.cursor >= entries+len(m.batches):
		d := m.drafts[m.cursor-entries-len(m.batches)]
		m.dialog = uikit.NewDialog("Delete this draft?",
			fmt.Sprintf("%s · %s · %s. What was typed in it is gone for good.", d.ID, d.Kind.Label(), d.Title))
		m.dialog.Danger = true
		m.onConfirm = func() tea.Cmd {
			if err := m.deps.Store.Delete(d.ID); err != nil {
				m.notice = "not deleted: " + err.Error()
			} else {
				m.notice = "deleted draft " + d.ID
			}
			m.reload()
			return nil
		}
	}
	return m, nil
}

func (m *Model) open() tea.Cmd {
	switch m.cursor {
	case entryPartner:
		return openMsg(m.deps.Store.New(drafts.PartnerCustomer), nil)
	case entryBeacon:
		return openMsg(m.deps.Store.New(drafts.BeaconUser), nil)
	case entryPerson:
		return func() tea.Msg { return uikit.OpenLookupMsg{Person: true} }
	case entryCustomer:
		return func() tea.Msg { return uikit.OpenLookupMsg{} }
	}
	if i := m.cursor - entries; i < len(m.batches) {
		m.openBatch(m.batches[i].Name)
		return nil
	}
	return m.Resume(m.drafts[m.cursor-entries-len(m.batches)].ID)
}

// Resume opens a saved draft as choosing it here does: when another window
// holds it, the home screen asks whether to open it here as well (the
// cursor on it), and the draft opens only on yes.
func (m *Model) Resume(id string) tea.Cmd {
	for j, d := range m.drafts {
		if d.ID == id {
			m.cursor = entries + len(m.batches) + j
		}
	}
	return uikit.Resume(m.deps.Store, id, m.warnResume)
}

// warnResume says why a draft did not open, or asks whether to open it
// here as well when another window holds it.
func (m *Model) warnResume(msg string, openAnyway func() tea.Cmd) {
	if openAnyway == nil {
		m.notice = msg
		m.reload()
		return
	}
	m.dialog = uikit.NewDialog("Open it here as well?", msg)
	m.onConfirm = openAnyway
}

func openMsg(d *drafts.Draft, unlock func()) tea.Cmd {
	return func() tea.Msg { return uikit.OpenDraftMsg{Draft: d, Unlock: unlock} }
}

// View draws the menu and the drafts.
func (m *Model) View() string {
	st := m.st
	if m.dialog != nil {
		return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, m.dialog.View(st, m.width-4))
	}
	if m.batch != nil {
		return m.batchView()
	}
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	wrapped := lipgloss.NewStyle().Width(max(20, m.width))
	if m.notice != "" {
		line(wrapped.Render(st.Warn.Render(m.notice)))
	}
	for _, q := range m.bad {
		line(wrapped.Render(st.Warn.Render("⚠ " + q.String())))
	}
	item := func(i int, text, desc string) {
		if i == m.cursor {
			line(st.Selected.Render("❯ "+text) + "  " + st.Muted.Render(desc))
		} else {
			line("  " + st.Text.Render(text) + "  " + st.Faint.Render(desc))
		}
	}
	line("")
	item(entryPartner, "New partner customer", "POST /beta/partner/customer/v1/create")
	item(entryBeacon, "Screen a person with Beacon", "POST /beacon/user/create")
	item(entryPerson, "Look up a person", "why a Beacon user has its status; decide")
	item(entryCustomer, "Look up an end customer", "what it needs; OAuth institutions")
	line("")
	if len(m.batches) > 0 {
		line(st.Title.Render("Batches"))
		for j, bt := range m.batches {
			item(entries+j, fmt.Sprintf("%-24s %-17s", truncateTo(bt.Name, 24), bt.Kind.Label()), bt.Summary())
		}
		line("")
	}
	if len(m.drafts) == 0 {
		if len(m.batches) == 0 {
			line(st.Faint.Render("  No drafts yet: every wizard is saved as a draft from its first keystroke."))
		}
		return b.String()
	}
	line(st.Title.Render("Drafts"))
	now := m.deps.Now()
	for j, d := range m.drafts {
		sent := "—"
		if s := d.LastSubmission; s != nil {
			sent = s.OutcomeWords()
		}
		desc := fmt.Sprintf("%s · %s · %s", words.OrDash(d.StepTitle()), words.Ago(now, d.UpdatedAt), sent)
		// The title gets what the row leaves: "❯ " + id + kind + gaps + desc.
		room := m.width - 2 - len(d.ID) - 2 - 17 - 1 - 2 - lipgloss.Width(desc)
		text := fmt.Sprintf("%s  %-17s %s", d.ID, d.Kind.Label(), truncateTo(d.Title, max(8, room)))
		item(entries+len(m.batches)+j, text, desc)
	}
	return b.String()
}

func truncateTo(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Refresh reads the drafts again when the screen comes back (a draft of
// the open batch was fixed meanwhile).
func (m *Model) Refresh() { m.reload() }

// draftAtCursor is the draft (of no batch) the cursor is on, if any.
func (m *Model) draftAtCursor() (drafts.Summary, bool) {
	i := m.cursor - entries - len(m.batches)
	if i < 0 || i >= len(m.drafts) {
		return drafts.Summary{}, false
	}
	return m.drafts[i], true
}

// newLike opens a new customer draft like draft id, saying what it left
// empty: what names the company.
func (m *Model) newLike(id string) tea.Cmd {
	src, err := m.deps.Store.Load(id)
	if err != nil {
		m.notice = "the draft cannot be opened: " + err.Error()
		return nil
	}
	d, left, err := m.deps.Store.NewLike(src)
	if err != nil {
		m.notice = err.Error()
		return nil
	}
	names := make([]string, len(left))
	for i, f := range left {
		names[i] = f.ReviewLabel()
	}
	notice := "Like " + src.DisplayTitle() + ": everything but what names the company"
	if len(names) > 0 {
		notice += " (left empty: " + strings.Join(names, ", ") + ")"
	}
	return tea.Sequence(openMsg(d, nil), func() tea.Msg { return uikit.NoticeMsg{Text: notice} })
}
