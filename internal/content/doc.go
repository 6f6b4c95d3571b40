// Package content loads the content tree of a naskah site: the Markdown
// files, with their front matter, that describe the site, its regions, the
// policies of each region and the versions of each policy.
//
// The content directory is laid out as
//
//	_index.md                   the site: title, description, base_url, language
//	{region}/_index.md          a region: name, kind, province; the body describes it
//	{region}/{policy}/{ver}.md  one version of a policy
//	{region}/{policy}/{f}.pdf   the authentic original that a version names (original)
//	{region}/{policy}/{f}.png   an image that a version's body shows (also .jpg,
//	                            .jpeg, .webp, .svg)
//
// Directory names and version file names (without ".md") must be slugs, as
// reported by [legal.ValidSlug]. Names starting with a dot, ending in "~" or of the
// form "#name#" are editor or system files and are ignored everywhere; any
// other file or directory that does not fit the layout is an error.
//
// Every Markdown file starts with front matter: YAML between "---" lines or
// TOML between "+++" lines. The keys each kind of file accepts are listed in
// the documentation of [Site], [Region] and [Version]; any other key is an
// error.
//
// The content is input naskah does not trust. Load reads only regular files
// and directories, and symbolic links to them: an entry that is a FIFO, a
// device or a socket, or a link to one, is an error and is never opened. Give
// Load the fs.FS of [dirfs.New], as naskah does, so that a link that leads
// outside the tree is an error too, and not followed; os.DirFS follows it. A
// Markdown file must be UTF-8 without control characters other than tab,
// line feed, carriage return and form feed, and hold no more than
// [MaxFileSize] bytes; front matter values have caps on their length
// ([MaxTitleLength] and the constants after it). A file beside the versions
// must be what its extension says, by its first bytes (an SVG by parsing it,
// and one that could run script or load anything is refused), and hold no
// more than [MaxOriginalSize] bytes (a PDF) or [MaxImageSize] (an image).
// Whether a body shows an image is known only once its Markdown is parsed:
// [Tree.ShowImages] checks that after Load. Names of files and
// directories are shown with control characters and bytes that are not UTF-8
// escaped, so that every problem prints on one line.
//
// [Load] reads the whole tree in one pass and either returns it or returns
// every problem it found, each naming the file and line it concerns, so that
// a drafter can fix them all at once. Line numbers count lines of the file
// itself, including the front matter delimiters. Messages are written in
// Indonesian for the drafters who read them.
package content
