package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/charmbracelet/x/ansi"

	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/termtext"
	"github.com/plaid-onboard/plaid-onboard/internal/theme"
	"github.com/plaid-onboard/plaid-onboard/ui/home"
	"github.com/plaid-onboard/plaid-onboard/ui/lookup"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
	"github.com/plaid-onboard/plaid-onboard/ui/wizard"
)

// App is the program's root: it draws the header (title and environment
// badge) and the footer (keys and save state) around the current screen,
// and switches screens.
type App struct {
	deps    uikit.Deps
	screen  uikit.Screen
	wizard  *wizard.Model // the open wizard, closed (saved) on leaving it
	width   int
	height  int
	dark    bool
	st      theme.Styles
	aborted bool
	// startErr is why the drafts or the session could not be opened.
	startErr error
	notice   string
	// screenLabel, when set, names the server the current screen talks
	// to in the badge, in place of the session's.
	screenLabel string
	// leaving is the line printed after the screen closes: which draft
	// was kept and how to resume it.
	leaving string
	// back is the screen to return to instead of home (the webhook list
	// a person was opened from).
	back uikit.Screen
}

// NewApp starts on screen.
func NewApp(deps uikit.Deps, screen uikit.Screen) *App {
	a := &App{deps: deps, dark: true, st: theme.New(true), width: 80, height: 24}
	a.setScreen(screen)
	return a
}

func (a *App) setScreen(s uikit.Screen) {
	a.screen, a.screenLabel = s, ""
	if w, ok := s.(*wizard.Model); ok {
		a.wizard = w
	}
	s.SetDark(a.dark)
	s.SetSize(a.bodySize())
}

// The header and the footer take a line each, with a blank line under the
// header, and a notice its lines above the footer; the body has the rest.
func (a *App) bodySize() (int, int) {
	return max(20, a.width-2), max(5, a.height-3-len(a.noticeLines()))
}

// noticeLines are the notice as shown above the footer: at most two
// lines, which the next key hides (the footer keeps the keys). A longer
// notice is cut at the end of its second line, and still says how it goes.
func (a *App) noticeLines() []string {
	if a.notice == "" {
		return nil
	}
	const hides = " (any key hides this)"
	width := max(20, a.width-2)
	wrap := func(s string) []string { return strings.Split(lipgloss.NewStyle().Width(width).Render(s), "\n") }
	if lines := wrap(a.notice + hides); len(lines) <= 2 {
		return lines
	}
	lines := wrap(a.notice)[:2]
	tail := " …" + hides
	lines[1] = ansi.Truncate(strings.TrimRight(lines[1], " "), width-lipgloss.Width(tail), "") + tail
	return lines
}

// setNotice shows or hides the notice, making room for it.
func (a *App) setNotice(text string) {
	a.notice = text
	if a.screen != nil {
		a.screen.SetSize(a.bodySize())
	}
}

// Init asks the terminal for its background (the themes need it) and
// starts the screen.
func (a *App) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, a.screen.Init())
}

// closeWizard saves and unlocks the open draft.
// It returns the wizard closed (nil for none) and why the save failed.
func (a *App) closeWizard() (*wizard.Model, error) {
	w := a.wizard
	if w == nil {
		return nil, nil
	}
	a.wizard = nil
	err := w.Close()
	if err != nil {
		a.setNotice("the draft could not be saved: " + err.Error())
	}
	return w, err
}

// leave closes the open wizard, if any, and words what was kept.
func (a *App) leave() {
	w, err := a.closeWizard()
	if w == nil {
		return
	}
	d := w.Flow().Draft
	switch {
	case err != nil:
		a.leaving = "Draft " + d.ID + " could not be saved: " + err.Error()
	default:
		a.leaving = uikit.LeavingLine(d.ID, d.Kind, a.deps.Env, a.deps.Store != nil && a.deps.Store.Has(d.ID))
	}
}

// Leaving is the line to print once the screen is closed ("" for none).
func (a *App) Leaving() string { return a.leaving }

// Update routes messages.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.screen.SetSize(a.bodySize())
		return a, nil
	case tea.BackgroundColorMsg:
		a.dark = msg.IsDark()
		a.st = theme.New(a.dark)
		a.screen.SetDark(a.dark)
	case uikit.QuitMsg:
		a.leave()
		a.aborted = msg.Aborted
		return a, tea.Quit
	case uikit.GoHomeMsg:
		_, _ = a.closeWizard() // a failed save is shown as a notice
		if a.back != nil {
			// What the user did meanwhile may have changed what it shows.
			if r, ok := a.back.(interface{ Refresh() }); ok {
				r.Refresh()
			}
			a.setScreen(a.back)
			a.back = nil
			return a, nil
		}
		notice := firstNonEmpty(msg.Notice, a.notice)
		a.notice = ""
		a.setScreen(home.New(a.deps, notice))
		return a, nil
	case uikit.OpenLookupMsg:
		if msg.Return {
			a.back = a.screen
		}
		_, _ = a.closeWizard() // a failed save is shown as a notice
		deps := a.deps
		if msg.Client != nil {
			deps.Client, deps.Where = msg.Client, msg.Where
		}
		var s uikit.Screen = lookup.NewCustomer(deps, msg.ID)
		if msg.Person {
			s = lookup.NewPerson(deps, msg.ID)
		}
		a.setScreen(s)
		if c := msg.Client; c != nil {
			// The badge names the server this screen talks to: listen
			// opens a person on the emulator whose key verified the
			// webhook, which need not be the session's.
			a.screenLabel = app.EnvLabel(c.Environment(), firstNonEmpty(c.Emulator(), c.BaseURL()))
		}
		return a, s.Init()
	case uikit.OpenDraftMsg:
		if msg.Return {
			a.back = a.screen
		}
		_, _ = a.closeWizard() // a failed save is shown as a notice
		w := wizard.New(a.deps, msg.Draft, msg.Unlock)
		w.StartAt(msg.Focus)
		a.setScreen(w)
		return a, w.Init()
	case startedMsg:
		if msg.err != nil {
			a.startErr = msg.err
			return a, tea.Quit
		}
		a.deps = msg.deps
		a.setScreen(msg.screen)
		return a, tea.Batch(msg.screen.Init(), msg.cmd)
	case uikit.NoticeMsg:
		a.setNotice(msg.Text)
		return a, nil
	case tea.KeyPressMsg:
		if a.notice != "" {
			a.setNotice("") // seen: the key hides it, and still does its work
		}
	}
	s, cmd := a.screen.Update(msg)
	a.screen = s
	return a, cmd
}

// View draws the chrome and the screen, full-window. Screens lay their
// bodies out to the width they were given, so the frame only crops to
// height and indents: measuring and wrapping the whole page again on every
// key would cost more than drawing it.
func (a *App) View() tea.View {
	_, h := a.bodySize()
	badge := a.st.EnvBadge(a.deps.Env, firstNonEmpty(a.screenLabel, a.deps.Label))
	if a.deps.DebugLog != "" {
		badge = a.st.Warn.Render("debug ") + badge
	}
	title := a.st.Title.Render("plaid-onboard") + a.st.Muted.Render(" · ") + a.st.Bold.Render(a.screen.Title())
	title = truncateStyled(title, a.width-lipgloss.Width(badge)-3)
	gap := max(1, a.width-2-lipgloss.Width(title)-lipgloss.Width(badge))

	status := a.screen.Status()
	help := uikit.HelpLine(a.st, a.screen.Help(), max(10, a.width-2-lipgloss.Width(status)-2))
	fgap := max(1, a.width-2-lipgloss.Width(help)-lipgloss.Width(status))

	var b strings.Builder
	b.WriteString(" " + title + strings.Repeat(" ", gap) + badge + "\n\n")
	lines := 0
	for _, l := range strings.SplitN(a.screen.View(), "\n", h+1) {
		if lines == h {
			break
		}
		b.WriteString(" " + l + "\n")
		lines++
	}
	for ; lines < h; lines++ {
		b.WriteString("\n")
	}
	for _, l := range a.noticeLines() {
		b.WriteString(" " + a.st.Warn.Render(l) + "\n")
	}
	b.WriteString(" " + help + strings.Repeat(" ", fgap) + status)
	// Data laid out on the screen (a name, an id, a webhook) cannot act on
	// the terminal: only the screen's own styles go through.
	v := tea.NewView(termtext.Frame(b.String()))
	v.AltScreen = true
	v.WindowTitle = "plaid-onboard · " + a.deps.EnvLabel()
	return v
}

func truncateStyled(s string, n int) string {
	if lipgloss.Width(s) <= n {
		return s
	}
	return lipgloss.NewStyle().MaxWidth(max(1, n)).Render(s)
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
