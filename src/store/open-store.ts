/**
 * @module store/open-store
 *
 * Picks the backend: PostgreSQL when a URL is given (DATABASE_URL), else
 * PGlite embedded in `./data/<state>/`.
 */
import type { Store } from './store.js'

export interface StoreOptions {
  /** postgres://… ; when absent the embedded backend is used. */
  readonly databaseUrl?: string
  /** PostgreSQL schema for this node (e.g. `node_xar`). */
  readonly schema?: string
  /** PGlite data directory; in memory when absent. */
  readonly dataDir?: string
}

export async function openStore(o: StoreOptions): Promise<Store> {
  if (o.databaseUrl) {
    const { openPgStore } = await import('./pg/pg-store.js')
    return openPgStore({ url: o.databaseUrl, ...(o.schema ? { schema: o.schema } : {}) })
  }
  const { openPGliteStore } = await import('./pglite/pglite-store.js')
  return openPGliteStore(o.dataDir ? { dataDir: o.dataDir } : {})
}
