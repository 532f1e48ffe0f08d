// What one page load downloads, by kind (JS, CSS, HTML, other), compressed in node from
// the bodies the browser actually received. Also lists any request leaving the bench origin.
import { addSizes, compressed, ZERO } from './compress.mjs';

const KIND = { script: 'js', stylesheet: 'css', document: 'html' };

export async function pageWeight(browser, url, origin, waitReady) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = [];
  const offsite = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) offsite.push(request.url());
  });
  page.on('response', (response) => responses.push(response));
  await page.goto(url, { waitUntil: 'load' });
  await waitReady(page);
  await page.waitForLoadState('networkidle');
  const weight = { js: ZERO, css: ZERO, html: ZERO, other: ZERO, requests: 0, offsite };
  for (const response of responses) {
    if (response.url().startsWith('data:')) continue;
    const kind = KIND[response.request().resourceType()] ?? 'other';
    weight[kind] = addSizes(weight[kind], compressed(await response.body()));
    weight.requests += 1;
  }
  await context.close();
  return weight;
}
