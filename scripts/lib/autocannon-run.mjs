// One autocannon run against a started server while sampling the server's RSS.
import autocannon from 'autocannon';
import { rssMb } from './server-process.mjs';

/**
 * @param {{ child: import('node:child_process').ChildProcess, url: string }} server
 * @returns {Promise<{ result: autocannon.Result, errorCodes: Record<string, number>, rss: { start: number, peak: number, end: number } }>}
 */
export async function runAutocannon(server, { connections, duration, request, sampleMs = 250 }) {
  const { pid } = server.child;
  const rss = [rssMb(pid)];
  const sampler = setInterval(() => rss.push(rssMb(pid)), sampleMs);
  try {
    const errorCodes = {}; // autocannon only counts errors; the codes say what went wrong
    const result = await new Promise((resolve, reject) => {
      const instance = autocannon({ url: server.url, connections, duration, requests: [request] }, (error, r) =>
        error ? reject(error) : resolve(r),
      );
      instance.on('reqError', (error) => {
        const code = error.code ?? error.message;
        errorCodes[code] = (errorCodes[code] ?? 0) + 1;
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 1000)); // let in-flight work settle
    rss.push(rssMb(pid));
    const seen = rss.filter((value) => value !== undefined);
    return { result, errorCodes, rss: { start: seen[0], peak: Math.max(...seen), end: seen.at(-1) } };
  } finally {
    clearInterval(sampler);
  }
}

/** "3 ECONNRESET, 1 ETIMEDOUT" */
export const describeErrors = (errorCodes) =>
  Object.entries(errorCodes)
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');

/** Answers per HTTP status of a run. */
export const statusCount = (result, code) => result.statusCodeStats?.[code]?.count ?? 0;
