package dvdsub

import "testing"

func TestSize(t *testing.T) {
	idx := []byte("# VobSub index file, v7\nsize: 720x480\norg: 0, 0\npalette: 000000, 828282\n")
	if w, h, ok := Size(idx); !ok || w != 720 || h != 480 {
		t.Fatalf("Size = %d, %d, %v", w, h, ok)
	}
	for _, b := range []string{"", "size: 720\n", "size: x480\n", "palette: 0\n", "size: 0x0\n", "size: 999999999x2\n"} {
		if _, _, ok := Size([]byte(b)); ok {
			t.Errorf("Size(%q) ok", b)
		}
	}
}

func FuzzSize(f *testing.F) {
	f.Add([]byte("size: 720x576\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if w, h, ok := Size(b); ok && (w <= 0 || h <= 0) {
			t.Fatal(w, h)
		}
	})
}
