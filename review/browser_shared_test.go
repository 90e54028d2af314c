package review_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// sharedBrowser is the one Chromium of this test process: starting one takes seconds (over 20 s
// on a busy machine under -race), so tests no longer start their own. Each test gets a tab in a
// browser context of its own (chromedp.WithNewBrowserContext: its own cookies, storage and
// cache, as a fresh profile had), which closes when the test ends. The kernel kills Chromium
// when the test process exits (chromedp's Pdeathsig).
var sharedBrowser = sync.OnceValues(func() (context.Context, error) {
	dir, err := os.MkdirTemp("", "sohoa-review-chromium-")
	if err != nil {
		return nil, err
	}
	alloc, _ := chromedp.NewExecAllocator(context.Background(), browserOptions(chromiumPath(), dir)...)
	ctx, _ := chromedp.NewContext(alloc)
	// Start it with a context that has no deadline (its deadline would end the browser), but
	// give up if it does not answer in time.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err := <-started:
		if err != nil {
			return nil, fmt.Errorf("start Chromium: %w", err)
		}
		return ctx, nil
	case <-time.After(browserStart):
		return nil, errors.New("chromium did not start in " + browserStart.String())
	}
})

// browserOptions are the flags every test's Chromium runs with.
func browserOptions(path, userDataDir string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests run as root in the container
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter"),
		chromedp.Flag("hide-scrollbars", true),
		// Tabs in the background must not be slowed: two tests drive tabs at once.
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.UserDataDir(userDataDir),
		chromedp.WindowSize(1600, 1000),
	}
}

// tabSetup makes a tab in the shared browser behave as the only window of its own browser did:
// focused, though two tabs are driven at once and only one window can have the real focus.
var tabSetup = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	_, err := cdp.Call(ctx, t, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	return err
})
