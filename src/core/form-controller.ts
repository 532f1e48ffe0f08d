/**
 * The state of one form: what was typed, what was touched, and which errors to show.
 * Errors come from the contract schema (the same one the server enforces) and from
 * the server's field errors. Following Lion's rule, an error shows only after the field
 * was changed and left, when it was restored from a draft, or after a submit attempt:
 * never while someone is still typing for the first time.
 */
import type { ReactiveControllerHost } from 'lit';
import type { FieldError } from '../contract/problem.js';

export type FieldValue = string | boolean | string[];
export type FormValues = Record<string, FieldValue>;

export interface Validation<T> {
  ok: boolean;
  payload?: T;
  errors: FieldError[];
}

export interface FormOptions<T> {
  initial: FormValues;
  validate: (values: FormValues) => Validation<T>;
  /** Called after every change (drafts are saved from here). */
  onChange?: (values: FormValues) => void;
}

/** Needs no lifecycle hooks of its host: it only asks it to render again. */
export class FormController<T> {
  values: FormValues;
  submitAttempted = false;
  private readonly left = new Set<string>();
  private readonly changed = new Set<string>();
  private readonly restored = new Set<string>();
  private serverErrors = new Map<string, FieldError>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FormOptions<T>,
  ) {
    this.values = { ...options.initial };
  }

  get(name: string): FieldValue | undefined {
    return this.values[name];
  }

  text(name: string): string {
    const value = this.values[name];
    return typeof value === 'string' ? value : '';
  }

  set(name: string, value: FieldValue): void {
    this.values = { ...this.values, [name]: value };
    this.changed.add(name);
    this.serverErrors.delete(name);
    this.host.requestUpdate();
    this.options.onChange?.(this.values);
  }

  leave(name: string): void {
    if (this.left.has(name)) return;
    this.left.add(name);
    this.host.requestUpdate();
  }

  /** Values brought back from a draft: their errors show at once. */
  restore(values: FormValues): void {
    this.values = { ...this.options.initial, ...values };
    for (const [name, value] of Object.entries(values)) {
      if (value !== '' && value !== false) this.restored.add(name);
    }
    this.host.requestUpdate();
  }

  reset(): void {
    this.values = { ...this.options.initial };
    this.submitAttempted = false;
    this.left.clear();
    this.changed.clear();
    this.restored.clear();
    this.serverErrors.clear();
    this.host.requestUpdate();
  }

  validate(): Validation<T> {
    return this.options.validate(this.values);
  }

  /** Marks a submit attempt and returns the validation (errors now all show). */
  attemptSubmit(): Validation<T> {
    this.submitAttempted = true;
    this.host.requestUpdate();
    return this.validate();
  }

  /** Field errors the server sent back (problem+json `errors`). */
  setServerErrors(errors: readonly FieldError[]): void {
    this.serverErrors = new Map(errors.map((error) => [error.path, error]));
    this.submitAttempted = true;
    this.host.requestUpdate();
  }

  private isShown(name: string): boolean {
    return this.submitAttempted || this.restored.has(name) || (this.left.has(name) && this.changed.has(name));
  }

  /** The error to show next to a field now, if any. */
  errorFor(name: string): FieldError | undefined {
    const server = this.serverErrors.get(name);
    if (server) return server;
    if (!this.isShown(name)) return undefined;
    return this.validate().errors.find((error) => error.path === name);
  }

  /** Every error to list in the summary, in the given field order. */
  visibleErrors(fieldOrder: readonly string[]): FieldError[] {
    // Before any field can show its error (a fresh form's first render), the contract's
    // schema is not run at all: it would be built and run at start for nothing.
    const mayShow = this.submitAttempted || this.left.size > 0 || this.restored.size > 0;
    const errors = [
      ...this.serverErrors.values(),
      ...(mayShow ? this.validate().errors.filter((e) => !this.serverErrors.has(e.path)) : []),
    ];
    const shown = errors.filter((error) => this.serverErrors.has(error.path) || this.isShown(error.path));
    const rank = (path: string) => {
      const index = fieldOrder.indexOf(path);
      return index === -1 ? fieldOrder.length : index;
    };
    return shown.sort((a, b) => rank(a.path) - rank(b.path));
  }
}
