/**
 * The association's form-config, fetched once per endpoint for every widget on the page,
 * merged over the defaults and under the page's configure({ formConfig }). A backend
 * without the route, or no connection, still gives working forms (the defaults).
 * Relative links in it belong to the backend, not to the page that embeds the widget.
 */
import { DEFAULT_FORM_CONFIG, type FormConfig } from '../contract/form-config.js';
import type { SilaClient } from '../client/api.js';
import { safeLinkUrl } from './safe-url.js';

const cache = new Map<string, Promise<Partial<FormConfig>>>();

export function fetchFormConfig(
  endpoint: string,
  client: SilaClient,
  overrides?: Partial<FormConfig>,
): Promise<FormConfig> {
  let remote = cache.get(endpoint);
  if (!remote) {
    remote = endpoint
      ? client
          .getFormConfig()
          .then((fetched) => resolveBackendLinks(endpoint, fetched))
          .catch(() => {
            // A weak connection must not pin the defaults for the whole visit: the next
            // widget (or the next render after `online`) asks again.
            cache.delete(endpoint);
            return {};
          })
      : Promise.resolve({});
    cache.set(endpoint, remote);
  }
  return remote.then((fetched) => ({ ...DEFAULT_FORM_CONFIG, ...fetched, ...overrides }));
}

/**
 * The backend's links read against its endpoint (as against a base URL with a trailing
 * slash): with https://x.org/api, "/privacy.html" is https://x.org/privacy.html and
 * "privacy.html" is https://x.org/api/privacy.html, on whatever site the widget is. Links
 * that are not http(s) are dropped here already.
 */
export function resolveBackendLinks(endpoint: string, fetched: Partial<FormConfig>): Partial<FormConfig> {
  const association = fetched.association;
  if (!association) return fetched;
  const base = new URL(endpoint.endsWith('/') ? endpoint : `${endpoint}/`, document.baseURI);
  const absolute = (url: string | undefined) => {
    if (!url?.trim()) return undefined;
    try {
      return safeLinkUrl(new URL(url.trim(), base).href);
    } catch {
      return undefined; // not a URL at all: no link rather than a broken one
    }
  };
  return {
    ...fetched,
    association: {
      ...association,
      logoUrl: absolute(association.logoUrl),
      privacyNoticeUrl: absolute(association.privacyNoticeUrl),
    },
  };
}

/** Test helper: forget fetched configs. */
export function clearFormConfigCache(): void {
  cache.clear();
}
