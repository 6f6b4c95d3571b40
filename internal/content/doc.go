// Package content loads the content tree of a naskah site: the Markdown
// files, with their front matter, that describe the site, its regions, the
// policies of each region and the versions of each policy.
//
// The content directory is laid out as
//
//	_index.md                   the site: title, description, base_url, language
//	{region}/_index.md          a region: name, kind, province; the body describes it
//	{region}/{policy}/{ver}.md  one version of a policy
//
// Directory names and version file names (without ".md") must be slugs, as
// reported by [ValidSlug]. Names starting with a dot, ending in "~" or of the
// form "#name#" are editor or system files and are ignored everywhere; any
// other file or directory that does not fit the layout is an error.
//
// Every Markdown file starts with front matter: YAML between "---" lines or
// TOML between "+++" lines. The keys each kind of file accepts are listed in
// the documentation of [Site], [Region] and [Version]; any other key is an
// error.
//
// [Load] reads the whole tree in one pass and either returns it or returns
// every problem it found, each naming the file and line it concerns, so that
// a drafter can fix them all at once. Line numbers count lines of the file
// itself, including the front matter delimiters. Messages are written in
// Indonesian for the drafters who read them.
package content
