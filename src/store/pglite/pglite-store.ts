/**
 * @module store/pglite/pglite-store
 *
 * The embedded backend. PGlite runs PostgreSQL in WebAssembly in this
 * process: one connection, single-user mode, and no fsync — so it is for
 * the demo and single-desk use; a State's production node uses PostgreSQL.
 * A fresh data directory is cloned from a template (initdb once per
 * process) because initdb costs seconds and a federation starts four.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { Kysely } from 'kysely'
import type { Database } from '../schema.js'
import { migrate, type Store } from '../store.js'
import { PGliteDialect } from './pglite-dialect.js'

/** The installed PGlite version, read from its package.json (which its exports map does not expose). */
function pgliteVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')))
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string
        version?: string
      }
      if (manifest.name === '@electric-sql/pglite' && manifest.version) return manifest.version
    } catch {
      // keep walking up
    }
  }
  return 'unknown'
}

const PGLITE_VERSION = pgliteVersion()

let template: Promise<Blob> | undefined

/** Where the initialised template is cached between runs (it depends only on the PGlite build). */
const TEMPLATE_FILE = join(tmpdir(), `rogatory-pglite-template-${PGLITE_VERSION}.tar`)

/**
 * An initialised data directory as a tarball: made once (initdb costs
 * seconds), cached on disk, and unpacked for every new database.
 */
function templateDump(): Promise<Blob> {
  template ??= (async () => {
    try {
      return new Blob([await readFile(TEMPLATE_FILE)])
    } catch {
      const pg = await PGlite.create()
      const dump = await pg.dumpDataDir('none')
      await pg.close()
      const tmp = `${TEMPLATE_FILE}.${process.pid}`
      await writeFile(tmp, new Uint8Array(await dump.arrayBuffer()))
      await rename(tmp, TEMPLATE_FILE)
      return dump
    }
  })()
  return template
}

/** Build (or find) the cached template now, so the first `npm start` does not pay for initdb. */
export async function warmTemplate(): Promise<string> {
  await templateDump()
  return TEMPLATE_FILE
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
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) })
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
