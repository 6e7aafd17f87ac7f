package ui

import "github.com/charmbracelet/x/ansi"

// warmCellWidths builds the renderer's character-width table off the
// critical path. The first non-ASCII character the renderer measures (a ✓
// or a border on the first frame) makes go-runewidth fill a 2 MB lookup
// table, about 6 ms. It is started with the opening of the drafts and the
// emulator, after the program has taken the terminal and started its
// frame clock (a goroutine's first thread costs the caller about 0.3 ms),
// and is ready before the first frame is drawn, one frame tick later.
func warmCellWidths() {
	ansi.StringWidthWc("✓")
}
