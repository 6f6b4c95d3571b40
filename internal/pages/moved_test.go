package pages

import "testing"

func TestNearestUnit(t *testing.T) {
	ids := map[string]bool{"pasal-4": true, "pasal-4-ayat-2": true, "menimbang": true}
	for _, tt := range []struct{ id, want string }{
		{"pasal-4-ayat-2-huruf-d", "pasal-4-ayat-2"},
		{"pasal-4-ayat-3-huruf-a-angka-1", "pasal-4"},
		{"pasal-4-ayat-3", "pasal-4"},
		{"menimbang-huruf-d", "menimbang"},
		{"pasal-9-ayat-1", ""},
		{"pasal-9", ""},
	} {
		if got := nearestUnit(tt.id, ids); got != tt.want {
			t.Errorf("nearestUnit(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}
