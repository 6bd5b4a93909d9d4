/**
 * The storage backends every storage and node test runs against, in the
 * kysely manner: PGlite always; PostgreSQL when DATABASE_URL is set (CI
 * sets it). Each PostgreSQL store gets a fresh schema, dropped afterwards.
 */
import { randomBytes } from 'node:crypto'
import type { StoreOptions } from '../../src/store/open-store.js'
import { dropPgSchema, openPgStore } from '../../src/store/pg/pg-store.js'
import { openPGliteStore } from '../../src/store/pglite/pglite-store.js'
import type { Store } from '../../src/store/store.js'

export interface Backend {
  readonly name: 'pglite' | 'pg'
  open(): Promise<Store>
  /** Options for a node's own store (a fresh schema on PostgreSQL, in-memory PGlite otherwise). */
  storeOptions(label: string): StoreOptions
  cleanup(): Promise<void>
}

const url = process.env.DATABASE_URL

function pgBackend(databaseUrl: string): Backend {
  const schemas: string[] = []
  const fresh = (label: string) => {
    const s = `t_${label}_${randomBytes(5).toString('hex')}`.toLowerCase()
    schemas.push(s)
    return s
  }
  return {
    name: 'pg',
    open: () => openPgStore({ url: databaseUrl, schema: fresh('store') }),
    storeOptions: (label) => ({ databaseUrl, schema: fresh(label) }),
    cleanup: async () => {
      for (const s of schemas.splice(0)) await dropPgSchema(databaseUrl, s)
    },
  }
}

const pglite: Backend = {
  name: 'pglite',
  open: () => openPGliteStore(),
  storeOptions: () => ({}),
  cleanup: async () => {},
}

export const BACKENDS: readonly Backend[] = [pglite, ...(url ? [pgBackend(url)] : [])]
