/** The association's form configuration (service and category names), fetched once per page. */
import { formConfigSchema, type FormConfig } from '../contract/form-config.js';
import type { StaffApi } from './api.js';

let pending: Promise<FormConfig | undefined> | undefined;

export function associationConfig(api: StaffApi): Promise<FormConfig | undefined> {
  pending ??= api.get('/v1/form-config', { schema: formConfigSchema }).catch(() => {
    pending = undefined;
    return undefined;
  });
  return pending;
}
