package validate

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestPhoneDataIsCurrent regenerates the phone tables from the library
// version in go.mod and compares: upgrading the library without running
// `go generate ./validate` fails here rather than silently keeping old
// numbering plans.
func TestPhoneDataIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the generator")
	}
	out := filepath.Join(t.TempDir(), "phonedata_gen.go")
	cmd := exec.Command("go", "run", "./internal/phonegen", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("phonegen: %v\n%s", err, msg)
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("phonedata_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("validate/phonedata_gen.go is not what the generator writes from the library in go.mod: run `go generate ./validate`")
	}
}
