package legal

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseDate(t *testing.T) {
	for _, tt := range []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{in: "2025-04-06", want: Date{2025, 4, 6}},
		{in: "2025-04", want: Date{2025, 4, 0}},
		{in: "2024-02-29", want: Date{2024, 2, 29}},
		{in: "0001-01", want: Date{1, 1, 0}},
		{in: "2025-02-29", wantErr: true},
		{in: "2025-13", wantErr: true},
		{in: "2025-00", wantErr: true},
		{in: "2025-04-00", wantErr: true},
		{in: "2025-04-31", wantErr: true},
		{in: "0000-01", wantErr: true},
		{in: "2025", wantErr: true},
		{in: "2025-4-6", wantErr: true},
		{in: "2025/04/06", wantErr: true},
		{in: "2025-04-06T00:00:00Z", wantErr: true},
		{in: "+025-04", wantErr: true},
		{in: "2025-+4", wantErr: true},
		{in: "", wantErr: true},
	} {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseDate(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseDate(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
			if err == nil && got.String() != tt.in {
				t.Errorf("ParseDate(%q).String() = %q", tt.in, got.String())
			}
		})
	}
}

func TestDateMethods(t *testing.T) {
	for _, tt := range []struct {
		d    Date
		str  string
		zero bool
		time time.Time
	}{
		{Date{}, "", true, time.Time{}},
		{Date{2025, 4, 0}, "2025-04", false, time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)},
		{Date{2025, 4, 6}, "2025-04-06", false, time.Date(2025, 4, 6, 0, 0, 0, 0, time.UTC)},
	} {
		t.Run(tt.str, func(t *testing.T) {
			if got := tt.d.String(); got != tt.str {
				t.Errorf("String() = %q, want %q", got, tt.str)
			}
			if got := tt.d.IsZero(); got != tt.zero {
				t.Errorf("IsZero() = %v, want %v", got, tt.zero)
			}
			if got := tt.d.Time(); !got.Equal(tt.time) || got.Location() != time.UTC {
				t.Errorf("Time() = %v, want %v", got, tt.time)
			}
		})
	}
}

func TestDateCompare(t *testing.T) {
	// Each date is before the next.
	ordered := []Date{{}, {2024, 12, 31}, {2025, 4, 0}, {2025, 4, 1}, {2025, 4, 6}, {2025, 5, 0}}
	for i, d := range ordered {
		for j, e := range ordered {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = +1
			}
			if got := d.Compare(e); got != want {
				t.Errorf("%v.Compare(%v) = %d, want %d", d, e, got, want)
			}
		}
	}
}
