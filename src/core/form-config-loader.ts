/**
 * The association's form-config, fetched once per endpoint for every widget on the page,
 * merged over the defaults and under the page's configure({ formConfig }). A backend
 * without the route, or no connection, still gives working forms (the defaults).
 */
import { DEFAULT_FORM_CONFIG, type FormConfig } from '../contract/form-config.js';
import type { SilaClient } from '../client/api.js';

const cache = new Map<string, Promise<Partial<FormConfig>>>();

export function loadFormConfig(endpoint: string, client: SilaClient, overrides?: Partial<FormConfig>): Promise<FormConfig> {
  let remote = cache.get(endpoint);
  if (!remote) {
    remote = endpoint
      ? client.getFormConfig().catch(() => {
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

/** Test helper: forget fetched configs. */
export function clearFormConfigCache(): void {
  cache.clear();
}
