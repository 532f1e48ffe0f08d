// Where things are: the repo root (Sila's dist/ and src/), the bench's sources and its output.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const BENCH = dirname(fileURLToPath(import.meta.url));
export const ROOT = dirname(BENCH);
export const ROOT_DIST = join(ROOT, 'dist');
export const VARIANTS_DIR = join(BENCH, 'variants');
export const OUT = join(BENCH, 'dist');
export const FORM_CONFIG = join(OUT, 'form-config.json');
export const SILA_SNAPSHOT = join(OUT, 'sila-dist');
