package home

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/bulk"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// batchView is one batch's drafts, in order, each with where it stands;
// Enter opens one at its first problem, s sends the ready ones.
type batchView struct {
	b      bulk.Batch
	cursor int
	// A send in progress: what is left to send, how far it got, the last
	// result, and whether a stop was asked (after the request in flight).
	sending  bool
	stopping bool
	queue    []bulk.Member
	done     int
	total    int
	last     string
	report   bulk.Report
	bar      progress.Model
}

// batchStepMsg is one draft of a batch sent.
type batchStepMsg struct{ step bulk.Step }

type batchKeys struct{ Send, Back key.Binding }

func defaultBatchKeys() batchKeys {
	return batchKeys{
		Send: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "send the ready ones")),
		Back: key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "back")),
	}
}

func (m *Model) checkEnv() catalog.Env {
	return catalog.Env{Environment: m.deps.Env, Now: m.deps.Now()}
}

// openBatch shows batch name's drafts.
func (m *Model) openBatch(name string) {
	b, err := bulk.Load(m.deps.Store, name, m.checkEnv())
	if err != nil {
		m.notice = err.Error()
		return
	}
	m.batch = &batchView{b: b, bar: progress.New(progress.WithWidth(30), progress.WithoutPercentage())}
}

// reloadBatch reads the batch again (after a send, or back from a draft).
func (m *Model) reloadBatch() {
	if m.batch == nil {
		return
	}
	list, _, err := m.deps.Store.List()
	if err != nil {
		return
	}
	if bs := m.cache.Of(m.deps.Store, list, m.checkEnv(), m.batch.b.Name); len(bs) == 1 {
		m.batch.b = bs[0]
		m.batch.cursor = min(m.batch.cursor, len(bs[0].Members)-1)
	}
}

func (m *Model) updateBatch(msg tea.Msg) tea.Cmd {
	v := m.batch
	if s, isStep := msg.(batchStepMsg); isStep {
		return m.batchStepped(s.step)
	}
	k, isKey := msg.(tea.KeyPressMsg)
	if !isKey {
		return nil
	}
	if v.sending {
		// Keys other than a stop wait: the batch is going out.
		if key.Matches(k, m.bkeys.Back, m.keys.Abort) {
			v.stopping = true
			m.notice = "stopping after the request in flight…"
		}
		return nil
	}
	n := len(v.b.Members)
	switch {
	case key.Matches(k, m.keys.Abort):
		return func() tea.Msg { return uikit.QuitMsg{Aborted: true} }
	case key.Matches(k, m.bkeys.Back):
		m.batch = nil
		m.reload()
	case key.Matches(k, m.keys.Up):
		v.cursor = (v.cursor - 1 + n) % n
	case key.Matches(k, m.keys.Down):
		v.cursor = (v.cursor + 1) % n
	case key.Matches(k, m.keys.Open):
		mem := v.b.Members[v.cursor]
		focus := ""
		if len(mem.Problems) > 0 {
			focus = mem.Problems[0].Path
		}
		return uikit.ResumeAt(m.deps.Store, mem.ID, focus, m.warnResume)
	case key.Matches(k, m.bkeys.Send):
		return m.askSendBatch()
	}
	return nil
}

// askSendBatch asks before sending: the count and where, and in
// production the word typed.
func (m *Model) askSendBatch() tea.Cmd {
	v := m.batch
	todo := bulk.Sendable(v.b, false)
	if len(todo) == 0 {
		m.notice = "nothing ready to send in this batch"
		if n := v.b.Count(bulk.Unknown); n > 0 {
			m.notice += fmt.Sprintf(" (%d with an unknown outcome: check them, then `plaid-onboard submit --batch %s --force`)", n, v.b.Name)
		}
		return nil
	}
	noun := fmt.Sprintf("%d %s", len(todo), words.Plural(len(todo), v.b.Kind.Label(), v.b.Kind.Label()+"s"))
	if m.deps.Env == client.Production {
		m.dialog = uikit.NewTypeToConfirm("Send to PRODUCTION?",
			fmt.Sprintf("This sends %s of batch %s to Plaid, in production: each creates something real. Type production to send them.", noun, v.b.Name), "production")
	} else {
		m.dialog = uikit.NewDialog(fmt.Sprintf("Send %s?", noun),
			fmt.Sprintf("To %s, in order; each result is recorded on its draft. Esc stops after the request in flight.", m.deps.Place()))
	}
	m.onConfirm = func() tea.Cmd {
		v.sending, v.stopping, v.queue, v.done, v.total, v.report, v.last = true, false, todo, 0, len(todo), bulk.Report{}, ""
		m.notice = ""
		return m.sendNext()
	}
	return nil
}

// sendNext sends the next draft of the queue, or ends the send.
func (m *Model) sendNext() tea.Cmd {
	v := m.batch
	if len(v.queue) == 0 || v.stopping {
		v.sending = false
		r := v.report
		m.notice = fmt.Sprintf("Sent %d, failed %d, skipped %d.", r.Sent, r.Failed, r.Skipped)
		if r.Settled > 0 {
			m.notice += fmt.Sprintf(" %d found created earlier.", r.Settled)
		}
		if r.Stopped != "" {
			m.notice += " " + r.Stopped + "; s sends the rest."
		} else if v.stopping {
			m.notice += " Stopped; s sends the rest."
		}
		m.reloadBatch()
		return nil
	}
	next := v.queue[0]
	v.queue = v.queue[1:]
	deps := m.deps
	return func() tea.Msg {
		return batchStepMsg{bulk.SendOne(context.Background(), deps.Client, deps.Store, next, deps.Env,
			bulk.SendOptions{NoPII: deps.NoPII, Now: deps.Now})}
	}
}

func (m *Model) batchStepped(s bulk.Step) tea.Cmd {
	v := m.batch
	v.done++
	v.last = fmt.Sprintf("%s  %s  %s", s.Member.ID, s.Member.Title, s.Result)
	v.report.Add(s)
	if s.Outcome == bulk.OutcomeFailed {
		v.report.Stopped = "stopped at the first failure (" + s.Member.ID + ")"
		v.queue = nil
	}
	m.reloadBatch()
	return m.sendNext()
}

func (m *Model) batchHelp() []key.Binding {
	if m.batch.sending {
		return []key.Binding{key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "stop after this one"))}
	}
	return []key.Binding{m.keys.Up, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open at its first problem")), m.bkeys.Send, m.bkeys.Back}
}

func (m *Model) batchView() string {
	st, v := m.st, m.batch
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	wrapped := lipgloss.NewStyle().Width(max(20, m.width))
	if m.notice != "" {
		line(wrapped.Render(st.Warn.Render(m.notice)))
	}
	line(st.Title.Render("Batch "+v.b.Name) + "  " + st.Muted.Render(v.b.Kind.Label()+"s · "+v.b.Summary()))
	if v.sending {
		line(v.bar.ViewAs(float64(v.done)/float64(max(1, v.total))) + fmt.Sprintf("  %d/%d", v.done, v.total))
		line(st.Faint.Render(truncateTo(v.last, max(20, m.width))))
	}
	line("")
	// The list scrolls with the cursor: the rows that fit, around it.
	room := max(3, m.height-b.Len()/max(1, m.width)-4)
	first := max(0, min(v.cursor-room/2, len(v.b.Members)-room))
	for i := first; i < len(v.b.Members) && i < first+room; i++ {
		mem := v.b.Members[i]
		state := string(mem.State)
		style := st.Faint
		switch mem.State {
		case bulk.Sent:
			style = st.OK
		case bulk.Problems, bulk.Refused:
			style = st.Warn
		case bulk.Unknown:
			style = st.Bad
		}
		head := fmt.Sprintf("%3d  %s  ", mem.Index, mem.ID)
		title := truncateTo(mem.Title, 28)
		detail := truncateTo(mem.Detail(), max(10, m.width-len(head)-2-30-15))
		text := fmt.Sprintf("%s%-28s  %s", head, title, style.Render(fmt.Sprintf("%-13s", state)))
		if i == v.cursor {
			line(st.Selected.Render("❯ "+fmt.Sprintf("%s%-28s  ", head, title)) + style.Render(fmt.Sprintf("%-13s", state)) + "  " + st.Muted.Render(detail))
		} else {
			line("  " + text + "  " + st.Faint.Render(detail))
		}
	}
	return b.String()
}
