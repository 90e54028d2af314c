package synth

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// Generate renders opts.Pages pages, in parallel on opts.Workers goroutines, and calls fn with
// each page in index order. It stops at the first error from rendering or fn, or when ctx ends.
func Generate(ctx context.Context, opts Options, fn func(Page) error) error {
	return generate(ctx, opts, Render, fn)
}

// generate is Generate with the renderer as a parameter, so tests can check the scheduling with a
// fast fake.
func generate(ctx context.Context, opts Options, render func(Options, int) (Page, error), fn func(Page) error) error {
	if err := opts.Validate(); err != nil {
		return err
	}
	workers := opts.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, opts.Pages))
	ctx, cancel := context.WithCancel(ctx)

	type result struct {
		page Page
		err  error
	}
	// One channel per page keeps the order; at most `workers` pages wait in memory at once because
	// each worker blocks on its page's slot being taken, and slots are taken in order.
	slots := make([]chan result, opts.Pages)
	for i := range slots {
		slots[i] = make(chan result, 1)
	}
	tokens := make(chan struct{}, 2*workers)
	var wg sync.WaitGroup
	next := feedPages(ctx, opts.Pages, tokens)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p, err := render(opts, i)
				slots[i] <- result{p, err}
			}
		}()
	}
	defer func() {
		cancel() // stops the feeder, then the workers once their current page is done
		wg.Wait()
	}()

	for i := range opts.Pages {
		var res result
		select {
		case res = <-slots[i]:
		case <-ctx.Done():
			return fmt.Errorf("generate page %d: %w", i, ctx.Err())
		}
		<-tokens
		if res.err != nil {
			return fmt.Errorf("render page %d: %w", i, res.err)
		}
		if err := fn(res.page); err != nil {
			return fmt.Errorf("page %d: %w", i, err)
		}
	}
	return nil
}

// Save writes the page image (page-NNNN.png or .jpg), its ground truth (page-NNNN.json) and, if
// kept, the clean rendering (page-NNNN.clean.png) into dir.
func (p Page) Save(dir string) error {
	base := filepath.Join(dir, p.Name())
	if err := os.WriteFile(base+p.Ext, p.Encoded, 0o644); err != nil {
		return fmt.Errorf("save page: %w", err)
	}
	if p.Clean != nil {
		b, err := encodePNG(p.Clean, dpi)
		if err != nil {
			return fmt.Errorf("save clean page: %w", err)
		}
		if err := os.WriteFile(base+".clean.png", b, 0o644); err != nil {
			return fmt.Errorf("save clean page: %w", err)
		}
	}
	return p.SaveTruth(dir)
}

// SaveTruth writes the page's ground truth alone, as page-NNNN.json in dir.
func (p Page) SaveTruth(dir string) error {
	b, err := marshalTruth(p.Truth)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, p.Name())+".json", b, 0o644); err != nil {
		return fmt.Errorf("save truth: %w", err)
	}
	return nil
}

// feedPages sends the page indexes 0..n-1 in order, each once it has taken a token, until ctx
// ends; the channel is closed after the last.
func feedPages(ctx context.Context, n int, tokens chan<- struct{}) <-chan int {
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range n {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return next
}
