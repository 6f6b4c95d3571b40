package pages

import (
	"io/fs"

	"golang.org/x/sync/errgroup"

	"naskah/internal/pages/card"
	"naskah/internal/theme"
)

// cards draws every queued share card and the site's own, in parallel: at a
// few milliseconds each, thousands of cards would otherwise weigh on the build.
// A card of the previous output that still shows the same is kept instead.
func (r *renderer) cards() error {
	if r.noCards {
		return nil
	}
	r.cardsToDraw[theme.SiteCard[1:]] = card.Card{Title: r.site.Title, Site: r.site.BaseURL}
	painter, err := card.New()
	if err != nil {
		return err
	}
	g, ctx := errgroup.WithContext(r.ctx)
	g.SetLimit(r.workers)
	for name, c := range r.cardsToDraw {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			data := r.previousFile(name)
			if data == nil || !card.Shows(data, c) {
				var err error
				if data, err = painter.PNG(c); err != nil {
					return err
				}
			}
			return r.put(name, data)
		})
	}
	return g.Wait()
}

// previousFile is the file name of the previous output, or nil.
func (r *renderer) previousFile(name string) []byte {
	if r.previous == nil {
		return nil
	}
	data, err := fs.ReadFile(r.previous, name)
	if err != nil {
		return nil
	}
	return data
}
