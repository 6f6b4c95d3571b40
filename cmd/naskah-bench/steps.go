package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"naskah/internal/build"
	"naskah/internal/catalog"
)

// buildBinary compiles naskah, so that its build runs as its own process and its
// peak memory can be read.
func buildBinary(ctx context.Context, work string) (string, error) {
	bin := filepath.Join(work, "naskah")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/naskah")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build ./cmd/naskah: %w", err)
	}
	return bin, nil
}

// timed runs a command and returns its wall time and peak resident memory: the
// largest sum of the high-water marks (VmHWM) of the command and its children,
// sampled while it runs. (The rusage of a child is no use here: Linux starts a
// child's maximum at its parent's, and this process is large.)
func timed(ctx context.Context, dir string, name string, args ...string) (measured, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return measured{}, err
	}
	done := make(chan struct{})
	peak := make(chan int64)
	go func() { peak <- samplePeak(cmd.Process.Pid, done) }()
	err := cmd.Wait()
	close(done)
	r := measured{Wall: dur(time.Since(start)), PeakRSS: <-peak, stdout: stdout.String()}
	if err != nil {
		return measured{}, fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return r, nil
}

// samplePeak samples the memory of the process tree under pid until done.
func samplePeak(pid int, done <-chan struct{}) int64 {
	var peak int64
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		peak = max(peak, treeHWM(pid))
		select {
		case <-done:
			return peak
		case <-tick.C:
		}
	}
}

// treeHWM adds up the VmHWM of pid and its descendants, in bytes.
func treeHWM(pid int) int64 {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	var n int64
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			fmt.Sscanf(strings.TrimSpace(v), "%d", &n)
			n *= 1024
		}
	}
	children, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	for _, c := range strings.Fields(string(children)) {
		var child int
		fmt.Sscanf(c, "%d", &child)
		n += treeHWM(child)
	}
	return n
}

func measureBuild(ctx context.Context, o options, work, bin string, r *report, log io.Writer) error {
	fmt.Fprintln(log, "naskah build …")
	out, data := filepath.Join(work, "public"), filepath.Join(work, "data")
	var err error
	r.Build, err = timed(ctx, work, bin, "build", "-content", "content", "-out", out, "-data", data)
	if err != nil {
		return err
	}
	r.Build.Steps = buildSteps(r.Build.stdout)
	snap, err := catalog.Locate(out, data)
	if err != nil {
		return err
	}
	if r.IndexBytes, err = dirSize(snap.Index()); err != nil {
		return err
	}
	r.OutputBytes, err = dirSize(out)
	return err
}

// measureRebuild edits one version file five times under the live preview and
// keeps the median rebuild time.
func measureRebuild(ctx context.Context, o options, work, bin string, r *report, log io.Writer) error {
	fmt.Fprintln(log, "one-file rebuilds …")
	content := filepath.Join(work, "content")
	cfg := build.Config{Content: os.DirFS(content), ContentDir: "content",
		Out: filepath.Join(work, "preview"), Data: filepath.Join(work, "preview-data")}
	p := build.New(cfg)
	if _, err := p.Rebuild(ctx, false); err != nil {
		return err
	}
	defer p.Close()
	file := filepath.Join(content, "daerah-001", "kebijakan-01", fmt.Sprintf("v%d.md", o.Versions))
	orig, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var times []time.Duration
	for i := range 5 {
		edited := strings.Replace(string(orig), "\n\n", fmt.Sprintf("\n\nSuntingan ke-%d.\n\n", i+1), 1)
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			return err
		}
		start := time.Now()
		if _, err := p.Rebuild(ctx, false); err != nil {
			return err
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	r.Rebuild = dur(times[len(times)/2])
	return os.WriteFile(file, orig, 0o644)
}

func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		n += info.Size()
		return err
	})
	return n, err
}

// buildSteps reads the step timings off naskah build's report, which ends
// "(load 246ms, markdown 1.15s, …)".
func buildSteps(out string) map[string]dur {
	i, j := strings.LastIndex(out, "("), strings.LastIndex(out, ")")
	if i < 0 || j < i {
		return nil
	}
	steps := map[string]dur{}
	for _, part := range strings.Split(out[i+1:j], ", ") {
		name, value, ok := strings.Cut(part, " ")
		if d, err := time.ParseDuration(value); ok && err == nil {
			steps[name] = dur(d)
		}
	}
	return steps
}
