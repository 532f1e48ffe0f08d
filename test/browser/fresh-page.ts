/**
 * Imported for its effect: every test of the importing file starts, and leaves, a clean
 * page (no draft, no waiting submission, no configure() left over, Arabic, online).
 * Hooks declared outside any describe() are mocha's root hooks: they run around every
 * test of the file.
 */
import { resetPage } from './helpers.js';

beforeEach(resetPage);
afterEach(resetPage);
