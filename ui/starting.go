package ui

import (
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/plaid-onboard/plaid-onboard/internal/theme"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// startedMsg carries what opening the drafts and the session produced:
// the first screen and its command, or the error that stops the program.
type startedMsg struct {
	deps   uikit.Deps
	screen uikit.Screen
	cmd    tea.Cmd
	err    error
}

// startingScreen is shown while the drafts and the session open. That
// work runs as the screen's Init command, after the program has taken the
// terminal: the renderer's first frame waits for its frame tick anyway,
// so opening them then, instead of before, takes it off the time to the
// first frame. It normally ends well before that frame is drawn.
type startingScreen struct {
	start func() tea.Msg
	st    theme.Styles
	abort key.Binding
}

func newStartingScreen(start func() tea.Msg) *startingScreen {
	return &startingScreen{start: start, st: theme.New(true), abort: key.NewBinding(key.WithKeys("ctrl+c"))}
}

func (s *startingScreen) Init() tea.Cmd { return s.start }

func (s *startingScreen) Update(msg tea.Msg) (uikit.Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.abort) {
		return s, func() tea.Msg { return uikit.QuitMsg{Aborted: true} }
	}
	return s, nil
}

func (s *startingScreen) View() string        { return s.st.Faint.Render("Opening drafts…") }
func (s *startingScreen) Title() string       { return "starting" }
func (s *startingScreen) Help() []key.Binding { return nil }
func (s *startingScreen) Status() string      { return "" }
func (s *startingScreen) SetSize(int, int)    {}
func (s *startingScreen) SetDark(dark bool)   { s.st = theme.New(dark) }

// sessionCloser holds the session's close function, which arrives from
// the start command's goroutine, and runs it once on whichever side comes
// last: a program quit before the session opened still closes it.
type sessionCloser struct {
	mu     sync.Mutex
	close  func()
	closed bool
}

func (c *sessionCloser) set(closeSession func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		closeSession()
		return
	}
	c.close = closeSession
}

func (c *sessionCloser) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	if c.close != nil {
		c.close()
		c.close = nil
	}
}
