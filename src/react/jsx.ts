/**
 * JSX typings for using the elements directly in React 19 (which sets properties on
 * custom elements itself), without the wrappers: `<sila-complaint-form endpoint="…" />`.
 */
import type { HTMLAttributes } from 'react';

/** What every Sila element takes: its backend, its language and its theme. */
interface SilaAttributes extends HTMLAttributes<HTMLElement> {
  endpoint?: string;
  lang?: 'ar' | 'en';
  theme?: 'light' | 'dark' | 'auto';
  heading?: string;
}

interface FormAttributes extends SilaAttributes {
  'status-url'?: string;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'sila-complaint-form': FormAttributes & { kind?: 'complaint' | 'suggestion' | 'inquiry' | 'compensation' };
      'sila-request-form': FormAttributes & { audience?: 'beneficiary' | 'member'; 'no-household'?: boolean };
      'sila-status-lookup': SilaAttributes & { reference?: string };
      'sila-rating': SilaAttributes & {
        scale?: 'csat' | 'nps' | 'ces';
        display?: 'stars' | 'faces' | 'numbers';
        mode?: 'inline' | 'full';
        reference?: string;
        context?: string;
        question?: string;
        'follow-up'?: string;
        'no-comment'?: boolean;
      };
    }
  }
}
