// One measured page load: a fresh browser context (empty cache, empty storage), CPU and
// network throttled through CDP when asked, then time to interactive, first contentful
// paint, long tasks and the JS heap after a forced GC.
const READY_TIMEOUT_MS = 20_000; // the slowest page needs ~3 s at 4× CPU

// Registered before any page script, so no long task of the start-up is missed.
function observeLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/** Resolves with the page's interactive time in ms since navigation start. */
export async function readyTime(page, ready) {
  if (ready === 'dcl')
    return page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
  const handle = await page.waitForFunction(() => window.__benchReady, null, { timeout: READY_TIMEOUT_MS });
  return handle.jsonValue();
}

/**
 * @returns {Promise<{ ready: number, fcp: number, heap: number, longTasks: number, longTaskMs: number, errors: string[] }>}
 *   times in ms, heap in bytes
 */
export async function measureOnce(browser, url, { cpu, ready, network }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(observeLongTasks);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
    }
    await page.goto(url, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    const readyMs = await readyTime(page, ready);
    // Two frames: the first paint after ready is in, and its long task (if any) is reported.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const timings = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      longTasks: window.__longTasks.length,
      longTaskMs: window.__longTasks.reduce((sum, ms) => sum + ms, 0),
    }));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { ready: readyMs, heap: usedSize, ...timings, errors };
  } catch (error) {
    errors.push(String(error.message ?? error).split('\n')[0]);
    return { ready: NaN, fcp: NaN, heap: NaN, longTasks: NaN, longTaskMs: NaN, errors };
  } finally {
    await context.close();
  }
}
