package main

import (
	"context"
	"fmt"
	"io"

	"github.com/sohoa/sohoa/synth"
	synthphoto "github.com/sohoa/sohoa/synth/photo"
)

// synthPhotos writes `sohoa synth --capture photo`: phone photos of the corpus's pages.
func synthPhotos(ctx context.Context, opts synth.Options, faults bool, out string, stdout, stderr io.Writer) error {
	progress := newProgress(stderr, opts.Pages)
	done, photos := 0, 0
	err := synthphoto.Generate(ctx, synthphoto.Options{Pages: opts, Faults: faults}, func(p synthphoto.Photo) error {
		if err := p.Save(out); err != nil {
			return err
		}
		done += len(p.Pages)
		photos++
		progress.update(done)
		return nil
	})
	progress.finish()
	if err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %d photos of %d pages to %s\n", photos, done, out)
	return nil
}
