/** Where the kept, initialised empty PGlite data directory (a tarball) lives. */
export function pgliteTemplatePath(): string;
/** The template's path, made first when missing. */
export function ensurePgliteTemplate(): Promise<string>;
