// The built app (`next start` on loopback) in Chromium: the widget renders in both
// routes, and choosing a point reaches React after hydration (/) and after a
// client-only mount (/client-only).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('next start did not become ready in 60 s')), 60_000);
  server.stdout.on('data', (chunk) => {
    if (/ready|started/i.test(String(chunk))) {
      clearTimeout(timer);
      resolve();
    }
  });
  server.on('exit', (code) => reject(new Error(`next start exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
let failed = false;
try {
  for (const path of ['/', '/client-only']) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${port}${path}`);
    const html = await (await fetch(`http://127.0.0.1:${port}${path}`)).text();
    // Four CSAT points rendered inside the element's shadow root, in Arabic.
    const option = page.locator('sila-rating label.option');
    await option.nth(3).waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.querySelector('sila-rating')?.getAttribute('dir') === 'rtl');
    await option.nth(3).click();
    await page.locator('#chosen', { hasText: '4' }).waitFor({ timeout: 10_000 });
    const serverRendered = html.includes('<sila-rating');
    console.log(
      `${path}: rendered, sila-rating-change reached React (score 4)${serverRendered ? ', tag in the server HTML' : ''}`,
    );
    if (errors.length > 0) throw new Error(`${path}: page errors: ${errors.join('; ')}`);
    if (path === '/' && !serverRendered) throw new Error('/: <sila-rating> is not in the server-rendered HTML');
    await page.close();
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
  stop();
}
process.exit(failed ? 1 : 0);
