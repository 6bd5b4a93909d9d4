/**
 * @module store/json-column
 *
 * A `jsonb` column as both backends hand it back: PostgreSQL's driver
 * parses it, PGlite may return the text. One reader for every service.
 */
export const readJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T
