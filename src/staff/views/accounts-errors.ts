/**
 * The admin views' forms keep their state in the widgets' FormController (when an error
 * shows, server errors next to fields) and render with the console's form parts, which
 * take words: these turn a controller's error codes into those words.
 */
import type { FormController } from '../../core/form-controller.js';
import { errorMessage } from '../../core/messages.js';
import type { SummaryField } from '../../fields/error-summary.js';
import { fieldMessage, type ShownError } from '../form-parts.js';
import { accountErrorMessage } from './account-settings-model.js';

/** Words for a code: this area's own codes, the console's, then the widgets' (with limits). */
export function codeText(code: string, field?: SummaryField): string {
  const own = accountErrorMessage(code);
  if (own) return own;
  const shared = fieldMessage(code);
  return field && shared === errorMessage(code) ? errorMessage(code, field) : shared;
}

/** The error to show next to `name` now, in words. */
export function errorText(
  form: FormController<unknown>,
  name: string,
  fields: Record<string, SummaryField>,
): string | undefined {
  const error = form.errorFor(name);
  return error ? codeText(error.code, fields[name]) : undefined;
}

/** The summary's entries after a submit attempt, in field order. */
export function shownErrors(
  form: FormController<unknown>,
  order: readonly string[],
  fields: Record<string, SummaryField>,
): ShownError[] {
  if (!form.submitAttempted) return [];
  return form.visibleErrors(order).map((error) => ({
    name: error.path,
    label: fields[error.path]?.label ?? error.path,
    message: codeText(error.code, fields[error.path]),
  }));
}
