// Package listen is the screen of `plaid-onboard listen`: the webhooks
// received, newest first, each verified or not and why; Enter shows one's
// JSON; o opens the person a Beacon webhook is about.
package listen

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/theme"
	"github.com/plaid-onboard/plaid-onboard/internal/webhooks"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// ArrivedMsg says a webhook came: the list is drawn again.
type ArrivedMsg struct{}

// resolvedMsg is the Beacon user a webhook is about, found.
type resolvedMsg struct {
	id     string
	client *client.Client // where the person is
	where  string
	err    error
}

type keyMap struct{ Up, Down, Open, Person, Quit, Abort key.Binding }

func defaultKeys() keyMap {
	return keyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "move")),
		Down:   key.NewBinding(key.WithKeys("down", "j")),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "show JSON")),
		Person: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open the person")),
		Quit:   key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "quit")),
		Abort:  key.NewBinding(key.WithKeys("ctrl+c")),
	}
}

// Model is the listen screen. It reads the log on every draw: webhooks
// that arrive while another screen is open are there on return.
type Model struct {
	deps          uikit.Deps
	log           *webhooks.Log
	info          string
	keys          keyMap
	st            theme.Styles
	width, height int
	cursor        int // index into the newest-first list
	detail        bool
	message       string
}

// New builds the screen; info says where webhooks are received.
func New(deps uikit.Deps, log *webhooks.Log, info string) *Model {
	return &Model{deps: deps, log: log, info: info, keys: defaultKeys(), st: theme.New(true)}
}

// Init does nothing: webhooks arrive as they come.
func (m *Model) Init() tea.Cmd { return nil }

// Title is the header.
func (m *Model) Title() string { return "Webhooks" }

// SetSize sizes the body.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// SetDark restyles.
func (m *Model) SetDark(dark bool) { m.st = theme.New(dark) }

// Status is the count.
func (m *Model) Status() string {
	n := len(m.log.Events())
	return m.st.Faint.Render(fmt.Sprintf("%d %s", n, words.Plural(n, "webhook", "webhooks")))
}

// newestFirst is the log, newest first.
func (m *Model) newestFirst() []webhooks.Event {
	evs := m.log.Events()
	for i, j := 0, len(evs)-1; i < j; i, j = i+1, j-1 {
		evs[i], evs[j] = evs[j], evs[i]
	}
	return evs
}

// Help lists the keys.
func (m *Model) Help() []key.Binding {
	return []key.Binding{m.keys.Up, m.keys.Open, m.keys.Person, m.keys.Quit}
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (uikit.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case ArrivedMsg:
		if m.cursor > 0 {
			m.cursor++ // keep the one chosen: the new one comes on top
		}
	case resolvedMsg:
		if msg.err != nil {
			m.message = "the person cannot be found: " + msg.err.Error()
			return m, nil
		}
		open := uikit.OpenLookupMsg{Person: true, ID: msg.id, Return: true, Client: msg.client, Where: msg.where}
		return m, func() tea.Msg { return open }
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	evs := m.newestFirst()
	m.cursor = min(m.cursor, max(0, len(evs)-1))
	m.message = ""
	switch {
	case key.Matches(k, m.keys.Abort):
		return func() tea.Msg { return uikit.QuitMsg{Aborted: true} }
	case key.Matches(k, m.keys.Quit):
		if m.detail {
			m.detail = false
			return nil
		}
		return func() tea.Msg { return uikit.QuitMsg{} }
	case key.Matches(k, m.keys.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(len(evs)-1, m.cursor+1)
	case key.Matches(k, m.keys.Open) && len(evs) > 0:
		m.detail = !m.detail
	case key.Matches(k, m.keys.Person) && len(evs) > 0:
		return m.person(evs[m.cursor])
	}
	return nil
}

// person finds the Beacon user a webhook is about — the webhook names it,
// or the report, syndication or duplicate it names does — where the
// webhook came from: the server whose key verified it (a served emulator
// keeps its people, not this process's).
func (m *Model) person(e webhooks.Event) tea.Cmd {
	w := e.Webhook
	if w.WebhookType != client.WebhookBeacon {
		m.message = "only a Beacon webhook is about a person"
		return nil
	}
	c, where := m.deps.Client, m.deps.Where
	if e.Source != nil && e.Source.Client != nil {
		c, where = e.Source.Client, e.Source.Name
	}
	if w.BeaconUserID != "" {
		return func() tea.Msg { return resolvedMsg{id: w.BeaconUserID, client: c, where: where} }
	}
	return func() tea.Msg {
		ctx := context.Background()
		switch {
		case w.BeaconReportID != "":
			r, err := c.GetBeaconReport(ctx, &client.BeaconReportGetRequest{BeaconReportID: w.BeaconReportID})
			if err != nil {
				return resolvedMsg{err: err}
			}
			return resolvedMsg{id: r.BeaconUserID, client: c, where: where}
		case w.BeaconReportSyndicationID != "":
			s, err := c.GetBeaconReportSyndication(ctx, &client.BeaconReportSyndicationGetRequest{BeaconReportSyndicationID: w.BeaconReportSyndicationID})
			if err != nil {
				return resolvedMsg{err: err}
			}
			return resolvedMsg{id: s.BeaconUserID, client: c, where: where}
		case w.BeaconDuplicateID != "":
			d, err := c.GetBeaconDuplicate(ctx, &client.BeaconDuplicateGetRequest{BeaconDuplicateID: w.BeaconDuplicateID})
			if err != nil {
				return resolvedMsg{err: err}
			}
			return resolvedMsg{id: d.BeaconUser1.ID, client: c, where: where}
		}
		return resolvedMsg{err: fmt.Errorf("the webhook names no object")}
	}
}

// View draws the list, or one webhook's JSON.
func (m *Model) View() string {
	st := m.st
	evs := m.newestFirst()
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line(lipgloss.NewStyle().Width(max(20, m.width)).Render(st.Muted.Render(m.info)))
	if m.message != "" {
		line(st.Warn.Render(m.message))
	}
	line("")
	if len(evs) == 0 {
		line(st.Faint.Render("Waiting for webhooks… (the emulator sends them with --webhook; Plaid to the URL in your Dashboard)"))
		return b.String()
	}
	cursor := min(m.cursor, len(evs)-1)
	if m.detail {
		return b.String() + m.detailView(evs[cursor])
	}
	cols := m.columns()
	line(st.Muted.Render("  " + uikit.PadRight("time", cols.time) + uikit.PadRight("type / code", cols.code) + uikit.PadRight("object", cols.object) + "verified"))
	rows := max(1, m.height-5)
	first := max(0, cursor-rows+1)
	for i := first; i < len(evs) && i < first+rows; i++ {
		e := evs[i]
		code := e.Webhook.WebhookType + " " + e.Webhook.WebhookCode
		row := uikit.PadRight(e.At.Local().Format("15:04:05"), cols.time) + uikit.PadRight(uikit.Truncate(code, cols.code-1), cols.code) +
			uikit.PadRight(uikit.Truncate(e.Webhook.ObjectID(), cols.object-1), cols.object)
		mark := m.mark(e, cols.verified)
		if i == cursor {
			line(st.Selected.Render("❯ "+row) + mark)
		} else {
			line("  " + st.Text.Render(row) + mark)
		}
	}
	return b.String()
}

// listColumns are the list's column widths in cells.
type listColumns struct{ time, code, object, verified int }

// columns fits the list to the width: the verdict keeps at least a
// readable share, the type and object shrink first, so no column is
// dropped at 60 columns.
func (m *Model) columns() listColumns {
	avail := max(m.width, 40) - 2 // the cursor
	c := listColumns{time: 10, code: 38, object: 26}
	if rest := avail - c.time - c.code - c.object; rest >= 24 {
		c.verified = rest
		return c
	}
	c.verified = max(14, (avail-c.time)/4)
	flex := avail - c.time - c.verified
	c.object = max(10, flex*2/5)
	c.code = max(10, flex-c.object)
	return c
}

// mark is a webhook's verdict in the list, cut with "…" to width: the
// whole reason is in the detail view.
func (m *Model) mark(e webhooks.Event, width int) string {
	st := m.st
	text, style := "✓ "+e.KeySource, st.OK
	if !e.Verified {
		text, style = "✗ "+e.Reason, st.Bad
	}
	extra := ""
	if e.Verified && e.Replay {
		extra = " · replay"
	}
	if e.Forwarded != "" {
		extra += " · forwarded: " + e.Forwarded
	}
	full := text + extra
	if lipgloss.Width(full) > width {
		if lipgloss.Width(extra) < width/2 {
			text = uikit.Truncate(text, width-lipgloss.Width(extra))
		} else {
			text, extra = uikit.Truncate(full, width), ""
		}
	}
	out := style.Render(text)
	if strings.HasPrefix(extra, " · replay") {
		out += st.Warn.Render(" · replay")
		extra = strings.TrimPrefix(extra, " · replay")
	}
	if extra != "" {
		out += st.Muted.Render(extra)
	}
	return out
}

func (m *Model) detailView(e webhooks.Event) string {
	st := m.st
	var pretty bytes.Buffer
	if json.Indent(&pretty, e.Body, "", "  ") != nil {
		pretty.Reset()
		pretty.Write(e.Body)
	}
	verdict := st.OK.Render("verified ✓ with the key from " + e.KeySource + " (kid " + e.KeyID + ")")
	switch {
	case !e.Verified:
		verdict = st.Bad.Render("not verified: " + e.Reason)
	case e.Replay:
		verdict += "\n" + st.Warn.Render("a replay: this very webhook (body and signature) came before")
	}
	out := verdict + "\n"
	if e.Forwarded != "" {
		out += st.Muted.Render("forwarded: "+e.Forwarded) + "\n"
	}
	return out + "\n" + lipgloss.NewStyle().Width(max(20, m.width-2)).Render(st.Text.Render(pretty.String())) + "\n\n" +
		st.Faint.Render("esc or enter goes back to the list")
}
