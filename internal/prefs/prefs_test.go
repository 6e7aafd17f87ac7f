package prefs

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestRememberProgram(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cfg", "programs.json")
	if got := LoadPrograms(path); len(got) != 0 {
		t.Fatalf("fresh: %v", got)
	}
	for _, id := range []string{"a", "b", "a", "c"} {
		if err := RememberProgram(path, "sandbox", id); err != nil {
			t.Fatal(err)
		}
	}
	RememberProgram(path, "production", "p")
	got := LoadPrograms(path)
	if !slices.Equal(got["sandbox"], []string{"c", "a", "b"}) || !slices.Equal(got["production"], []string{"p"}) {
		t.Errorf("got %v", got)
	}
}
