package ui

import "github.com/charmbracelet/x/ansi"

// warmCellWidths builds the renderer's character-width table off the
// critical path. The first non-ASCII character the renderer measures (a ✓
// or a border on the first frame) makes go-runewidth fill a 2 MB lookup
// table, about 6 ms; started while the drafts and the emulator are being
// opened, it is ready before the first frame needs it.
func warmCellWidths() {
	ansi.StringWidthWc("✓")
}
