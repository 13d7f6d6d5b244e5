package golden

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCheckAndUpdate(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte("opts\n-- in --\nhello\n-- out --\nstale\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := Load(t, filepath.Join(dir, "*.txt"))
	if len(cases) != 1 || cases[0].Name != "a" || string(cases[0].Input.Data) != "hello\n" || string(cases[0].Comment) != "opts\n" {
		t.Fatalf("Load = %+v", cases[0])
	}
	cases[0].Check(t, true, Output{Name: "out", Data: []byte("HELLO")})
	b, _ := os.ReadFile(p)
	if want := "opts\n-- in --\nhello\n-- out --\nHELLO\n"; string(b) != want {
		t.Fatalf("updated file = %q, want %q", b, want)
	}
	cases = Load(t, filepath.Join(dir, "*.txt"))
	cases[0].Check(t, false, Output{Name: "out", Data: []byte("HELLO\n")})
}
