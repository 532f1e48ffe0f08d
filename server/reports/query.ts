/**
 * A report or statistics query string checked by its schema: an unknown parameter is 400,
 * a value out of range (an impossible or unsupported date included) 422, both naming the
 * parameter (docs/staff-side.md), never ignored.
 */
export { parseQuery as parseStrictQuery } from '../staff/params.js';
