// Command naskah publishes regional policy documents from Markdown: it builds the
// static site, checks content, and serves the site. README.md is the guide.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

const usage = `naskah menerbitkan naskah kebijakan daerah dari Markdown.

Penggunaan:
  naskah build    [-content content] [-theme DIR] [-out public] [-data .naskah] [-drafts] [-base-url URL] [-now YYYY-MM-DD]
  naskah check    [-content content] [-theme DIR]
  naskah serve    [-addr 127.0.0.1:8080] [-watch | -no-build] [-rate 10] [-burst 20]
                  [-max-concurrent N] [-trust-proxy CIDR,...] [flag build]
  naskah new      [-content content] [-title T] [-name N -kind K -province P] DAERAH/KEBIJAKAN
  naskah revise   [-content content] DAERAH/KEBIJAKAN
  naskah version

Jalankan "naskah PERINTAH -h" untuk keterangan flag.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// run executes the command line args; its error decides the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(ctx, rest, stdout, stderr)
	case "check":
		return runCheck(ctx, rest, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "new":
		return runNew(ctx, rest, stdout, stderr)
	case "revise":
		return runRevise(ctx, rest, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "naskah", version())
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "naskah: perintah tidak dikenal %q\n\n%s", cmd, usage)
	return errUsage
}

// errUsage marks a command line that could not be understood; it exits with 2.
var errUsage = errors.New("usage")

// usageError is a usage error with a message of its own to show; it exits with 2.
type usageError struct{ err error }

func (e *usageError) Error() string        { return e.err.Error() }
func (e *usageError) Unwrap() error        { return e.err }
func (e *usageError) Is(target error) bool { return target == errUsage }

// errReported marks an error whose details were already printed; it exits with 1.
var errReported = errors.New("reported")

func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage), errors.Is(err, flag.ErrHelp):
		if ue := (*usageError)(nil); errors.As(err, &ue) {
			fmt.Fprintln(stderr, "naskah:", ue)
		}
		return 2
	case errors.Is(err, errReported):
		return 1
	}
	fmt.Fprintln(stderr, err)
	return 1
}

// version is the module version, or the VCS revision of a development build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(tidak diketahui)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+dirty"
	}
	return "devel " + rev
}
