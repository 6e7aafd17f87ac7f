package ui

import "github.com/charmbracelet/x/ansi"

// warmCellWidths builds the renderer's character-width table while the
// drafts and the session open. The first non-ASCII character the renderer
// measures (a ✓ or a ❯ on the first frame) makes go-runewidth fill a 2 MB
// table, about 8 ms here; built beside other start-up work instead of in
// front of the first frame, it keeps the time to that frame within the
// goal of BENCHMARKS.md (1.3× a minimal bubbletea program: 1.5× without).
func warmCellWidths() { ansi.StringWidthWc("✓") }
