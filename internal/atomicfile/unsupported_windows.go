//go:build windows

package atomicfile

// isUnsupported: Windows cannot fsync a directory handle; NTFS makes the
// rename durable with the file.
func isUnsupported(error) bool { return true }
