/**
 * @module store/pglite/pglite-store
 *
 * The embedded backend. PGlite runs PostgreSQL in WebAssembly in this
 * process: one connection, single-user mode, and no fsync — so it is for
 * the demo and single-desk use; a State's production node uses PostgreSQL.
 * A fresh data directory is cloned from a template (initdb once per
 * process) because initdb costs seconds and a federation starts four.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely } from 'kysely'
import { KyselyPGlite } from 'kysely-pglite'
import type { Database } from '../schema.js'
import { migrate, type Store } from '../store.js'

let template: Promise<Blob> | undefined

/** A data directory initialised once per process, reused as a tarball for every new database. */
function templateDump(): Promise<Blob> {
  template ??= (async () => {
    const pg = await PGlite.create()
    const dump = await pg.dumpDataDir('none')
    await pg.close()
    return dump
  })()
  return template
}

async function openPGlite(dataDir?: string): Promise<PGlite> {
  if (dataDir && existsSync(join(dataDir, 'PG_VERSION'))) return PGlite.create({ dataDir })
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const loadDataDir = await templateDump()
  return PGlite.create(dataDir ? { dataDir, loadDataDir } : { loadDataDir })
}

/** Open (or create) an embedded store; in memory when no directory is given. */
export async function openPGliteStore(options: { dataDir?: string } = {}): Promise<Store> {
  const client = await openPGlite(options.dataDir)
  const db = new Kysely<Database>({ dialect: new KyselyPGlite(client).dialect })
  await migrate(db)
  return {
    db,
    backend: 'pglite',
    async close() {
      await db.destroy()
      if (!client.closed) await client.close()
    },
  }
}
