package build

import (
	"errors"

	"naskah/internal/content"
)

// Problems returns the content problems in err, if it holds any.
func Problems(err error) (content.Problems, bool) {
	var ps content.Problems
	ok := errors.As(err, &ps)
	return ps, ok
}
