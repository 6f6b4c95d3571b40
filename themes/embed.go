// Package themes embeds the default theme, so that the naskah binary publishes a
// complete site from any directory. A theme directory on disk (naskah build -theme)
// overrides it.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed default
var embedded embed.FS

// Default returns the default theme, rooted at its directory.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // "default" is embedded above; Sub fails only on an invalid name.
	}
	return sub
}
