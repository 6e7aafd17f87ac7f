package root

import (
	"image/color"

	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/third_party/fang"
)

// HelpColors is the colour scheme of help and error messages. It is used
// with fang.WithoutBackgroundQuery, so it never learns whether the
// background is light or dark: text keeps the terminal's own colour and
// the accents are mid-tones that read on either. Asking the terminal
// instead cost up to 4 s in terminals that do not answer.
//
// The colours are fang's defaults, written as hex: fang's charmtone keys
// rebuild a lookup map on every use, which made help rendering a fifth of
// `--help`'s run time.
func HelpColors(lipgloss.LightDarkFunc) fang.ColorScheme {
	var (
		plain  = lipgloss.NoColor{}
		dimmed = lipgloss.Color("#858392") // charmtone Squid
	)
	return fang.ColorScheme{
		Base:           plain,
		Title:          lipgloss.Color("#6B50FF"), // Charple
		Codeblock:      plain,
		Program:        lipgloss.Color("#00A4FF"), // Malibu
		Command:        lipgloss.Color("#FF4FBF"), // Pony
		DimmedArgument: dimmed,
		Comment:        dimmed,
		Flag:           lipgloss.Color("#0CB37F"),
		Argument:       plain,
		Description:    plain,
		FlagDefault:    dimmed,
		QuotedString:   lipgloss.Color("#FF577D"),                                            // Coral
		ErrorHeader:    [2]color.Color{lipgloss.Color("#FFFAF1"), lipgloss.Color("#FF388B")}, // Butter on Cherry
	}
}
