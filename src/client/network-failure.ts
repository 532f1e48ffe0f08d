/**
 * A call that never got an HTTP answer. The browser tells a page nothing more (a refused
 * cross-origin call looks exactly like no connection), so the person is told whether
 * their device is offline, and the site's developer gets one console hint per service.
 */
import { SilaError } from './errors.js';

const hinted = new Set<string>();

/** No answer at all: `offline` when the device says so, otherwise `unreachable`. */
export function noAnswer(): SilaError {
  return new SilaError(globalThis.navigator?.onLine === false ? 'offline' : 'unreachable');
}

/** The error for a call to `url` that failed without an answer; hints the developer once. */
export function networkFailure(url: string): SilaError {
  const error = noAnswer();
  if (error.kind === 'unreachable') hintOnce(url);
  return error;
}

function hintOnce(url: string): void {
  if (typeof document === 'undefined') return;
  let service: string;
  try {
    service = new URL(url, document.baseURI).origin;
  } catch {
    return; // not a URL at all: the endpoint setting is plainly wrong, nothing to add
  }
  if (hinted.has(service)) return;
  hinted.add(service);
  reportUnreachable(url);
  const page = globalThis.location.origin;
  const check = `Sila: no answer from ${service} while online. Is the endpoint right and the service running`;
  // A page on another origin is refused by CORS unless the service lists it.
  console.warn(
    service === page
      ? `${check}?`
      : `${check}, and does it allow ${page} (CORS; reference server: SILA_ALLOWED_ORIGINS)?`,
  );
}

/**
 * Tells the service it cannot be reached from this site (POST {endpoint}/v1/client-reports),
 * once per service per page. sendBeacon with a string is text/plain, a CORS-safelisted
 * body: no preflight, so the report arrives even when CORS refuses this site, and the
 * server logs the site's origin. Only a reason: nothing the person typed.
 */
function reportUnreachable(url: string): void {
  const at = url.indexOf('/v1/');
  if (at < 0 || typeof navigator === 'undefined' || typeof navigator.sendBeacon !== 'function') return;
  try {
    navigator.sendBeacon(`${url.slice(0, at)}/v1/client-reports`, JSON.stringify({ reason: 'unreachable' }));
  } catch {
    // A beacon the browser refuses (policy, size) changes nothing for the person.
  }
}
