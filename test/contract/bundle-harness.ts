/**
 * What the tests of the built single-file bundle share: the bundle itself (built when
 * missing or older than src/), a real reference server, a tiny static site serving a page with the bundle
 * and a same-origin config script, and Debian's Chromium.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { ensureFreshBuild } from './fresh-build.js';

export const root = new URL('../..', import.meta.url).pathname;
export const TAGS = ['sila-request-form', 'sila-complaint-form', 'sila-rating', 'sila-status-lookup'] as const;

interface TestServer {
  url: string;
  stop: () => Promise<void>;
}
type StartTestServer = (root: string, env?: Record<string, string>) => Promise<TestServer>;

/** A file the static site serves: its type and body, for a request URL. */
export type Route = (url: URL) => { type: string; data: string | Buffer } | undefined;

export interface Harness {
  api: TestServer;
  siteUrl: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** Optional settings of startHarness. */
export interface HarnessOptions {
  /** Extra environment for the API server (e.g. a low SILA_RATE_LIMIT_PER_MINUTE). */
  apiEnv?: Record<string, string>;
}

/**
 * Starts the API, the site and the browser. `route` serves the page and anything else;
 * the bundle (/sila.iife.js) and /config.js (window.SilaConfig with the API's endpoint)
 * are served for it. `headers` go on every answer (e.g. a CSP).
 */
export async function startHarness(
  route: Route,
  headers: Record<string, string> = {},
  options: HarnessOptions = {},
): Promise<Harness> {
  const bundlePath = `${root}dist/sila.iife.js`;
  ensureFreshBuild(root);
  // Read once: a rebuild elsewhere in the tree must not swap the file under the page.
  const bundle = readFileSync(bundlePath);
  // A plain .mjs helper without declarations: typed here by hand.
  const helper = '../../scripts/test-server.mjs';
  const { startTestServer } = (await import(helper)) as { startTestServer: StartTestServer };
  const api = await startTestServer(root, { SILA_ALLOWED_ORIGINS: '*', ...options.apiEnv });
  const site: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body =
      url.pathname === '/sila.iife.js'
        ? { type: 'text/javascript', data: bundle }
        : url.pathname === '/config.js'
          ? { type: 'text/javascript', data: `window.SilaConfig = ${JSON.stringify({ endpoint: api.url })};` }
          : route(url);
    if (!body) {
      res.writeHead(404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': body.type, 'Cache-Control': 'no-store' }).end(body.data);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  return {
    api,
    siteUrl: `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => site.close(resolve));
      await api.stop();
    },
  };
}
