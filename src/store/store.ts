/**
 * @module store/store
 *
 * The one narrow storage interface, in the kysely manner: a typed
 * `Kysely<Database>` plus what differs between backends (its name and how
 * to close it). Two backends: PGlite embedded (the default, for demo and
 * single-desk use) and PostgreSQL via DATABASE_URL (production).
 */
import { type Kysely, Migrator } from 'kysely'
import { RogatoryError } from '../errors/rogatory-error.js'
import { migrationProvider } from './migrations.js'
import type { Database } from './schema.js'

export type BackendName = 'pglite' | 'pg'

export interface Store {
  readonly db: Kysely<Database>
  readonly backend: BackendName
  close(): Promise<void>
}

/** Run every pending migration; a failure leaves the database as the last good migration left it. */
export async function migrate(db: Kysely<Database>, schema?: string): Promise<void> {
  // The migrator's own tables live in the node's schema too, so nodes sharing a database never see each other's.
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new RogatoryError(
      'ERR_STORE_MIGRATION',
      `migration ${failed} failed: ${(error as Error).message}`,
      {
        cause: error,
      },
    )
  }
}
