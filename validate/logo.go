package validate

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"strings"
)

// Logo limits from the spec's description of `logo`.
const (
	LogoSide = 1024
	// LogoMaxBytes reads "under 4MB" the strict way (decimal megabytes), so
	// a logo we accept is under the limit however Plaid counts.
	LogoMaxBytes = 4_000_000
)

// LogoInfo describes a PNG as the forms show it: "1024×1024 · 210 KB".
type LogoInfo struct {
	Width, Height int
	Bytes         int
}

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// Logo checks raw logo bytes: a well-formed PNG (signature, chunk lengths
// and CRCs, ending in IEND), exactly 1024×1024 pixels, under 4 MB. The walk
// over the chunks is linear in the size and decodes no pixels.
func Logo(data []byte) (LogoInfo, Result) {
	info := LogoInfo{Bytes: len(data)}
	if len(data) == 0 {
		return info, incomplete("choose a PNG file")
	}
	if !bytes.HasPrefix(data, pngSignature) {
		return info, invalid("is not a PNG image")
	}
	if len(data) >= LogoMaxBytes {
		return info, invalid(fmt.Sprintf("must be under 4 MB (it is %s)", HumanBytes(len(data))))
	}
	w, h, err := walkPNG(data[len(pngSignature):])
	info.Width, info.Height = w, h
	if err != "" {
		return info, invalid("is not a well-formed PNG: " + err)
	}
	if w != LogoSide || h != LogoSide {
		return info, invalid(fmt.Sprintf("must be exactly %d×%d pixels (it is %d×%d)", LogoSide, LogoSide, w, h))
	}
	return info, ok()
}

// LogoBase64 checks the logo as it travels: standard base64 of the PNG. A
// data: URL prefix or line breaks (as `base64` wraps its output) get the
// bare base64 as the fix.
func LogoBase64(s string) (LogoInfo, Result) {
	if s == "" {
		return LogoInfo{}, incomplete("choose a PNG file")
	}
	bare := s
	if _, after, found := strings.Cut(s, ";base64,"); found && strings.HasPrefix(s, "data:") {
		bare = after
	}
	bare = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, bare)
	data, err := base64.StdEncoding.DecodeString(bare)
	if err != nil {
		return LogoInfo{}, invalid("is not standard base64")
	}
	info, r := Logo(data)
	if r.State == Valid && bare != s {
		return info, invalid("must be bare base64, without a data: prefix or line breaks").withFix(func(x string) Result { _, r := LogoBase64(x); return r }, s, bare)
	}
	return info, r
}

// walkPNG reads the chunks after the signature and returns the IHDR size,
// or a description of the first defect.
func walkPNG(b []byte) (w, h int, defect string) {
	first := true
	for len(b) > 0 {
		if len(b) < 12 {
			return w, h, "truncated chunk"
		}
		n := binary.BigEndian.Uint32(b[:4])
		if uint64(n) > uint64(len(b)-12) { //nolint:gosec // len(b) >= 12 was checked above
			return w, h, "chunk longer than the file"
		}
		typ := b[4:8]
		body := b[8 : 8+n]
		sum := binary.BigEndian.Uint32(b[8+n : 12+n])
		if crc32.Update(crc32.ChecksumIEEE(typ), crc32.IEEETable, body) != sum {
			return w, h, fmt.Sprintf("bad checksum in %s chunk", typ)
		}
		if first {
			if string(typ) != "IHDR" || n != 13 {
				return w, h, "missing IHDR header"
			}
			w, h = int(binary.BigEndian.Uint32(body[0:4])), int(binary.BigEndian.Uint32(body[4:8]))
			first = false
		}
		if string(typ) == "IEND" {
			return w, h, ""
		}
		b = b[12+n:]
	}
	return w, h, "missing IEND (the file is cut short)"
}

// HumanBytes writes a size the way people read it: 512 B, 210 KB, 3.8 MB
// (decimal units, matching the "4 MB" limit).
func HumanBytes(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1_000_000:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
}
