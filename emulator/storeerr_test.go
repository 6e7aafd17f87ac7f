//go:build unix

package emulator

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/internal/fulldisk"
)

// A damaged store is one to move away or reset; a store on a full disk is
// not damaged, and the advice must not delete it.
func TestStoreProblemsGiveTheAdviceThatFits(t *testing.T) {
	if fulldisk.Child() {
		_, err := New(Options{ClientID: "a", Secret: "b", StatePath: filepath.Join(os.Getenv("STOREDIR"), "emulator.db")})
		var p *StoreProblem
		if !errors.As(err, &p) || p.Kind == StoreDamaged || strings.Contains(err.Error(), "reset`") ||
			!strings.Contains(err.Error(), "do not reset") {
			t.Fatalf("on a full disk: %v", err)
		}
		return
	}
	fulldisk.Run(t, 0, "STOREDIR="+t.TempDir())

	damaged := filepath.Join(t.TempDir(), "emulator.db")
	garbage := append([]byte("SQLite format 3\x00"), make([]byte, 8192)...)
	for i := range garbage[16:] {
		garbage[16+i] = byte(i * 7)
	}
	if err := os.WriteFile(damaged, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := New(Options{ClientID: "a", Secret: "b", StatePath: damaged})
	var p *StoreProblem
	if !errors.As(err, &p) || p.Kind != StoreDamaged || !strings.Contains(err.Error(), "emulator reset") {
		t.Fatalf("a damaged store: %v", err)
	}
}
