/**
 * @module store/pg/pg-store
 *
 * The production backend: PostgreSQL through `pg`'s pool. An optional
 * schema isolates one node (or one test) from others in the same database.
 */
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Database } from '../schema.js'
import { migrate, type Store } from '../store.js'

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/

export async function openPgStore(options: {
  url: string
  schema?: string
  poolSize?: number
}): Promise<Store> {
  const schema = options.schema
  if (schema !== undefined && !SCHEMA.test(schema)) throw new Error(`invalid schema name ${schema}`)
  const createSchema = async () => {
    if (!schema) return
    const admin = new pg.Client({ connectionString: options.url })
    await admin.connect()
    try {
      await admin.query(`create schema if not exists ${schema}`)
    } finally {
      await admin.end()
    }
  }
  await createSchema()
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 8,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  try {
    await migrate(db, schema)
  } catch (e) {
    // Seen once under heavy parallel DDL in CI: the fresh schema was not found by the migrator. Make sure it exists and try once more.
    if (!schema || !/does not exist/.test(String((e as Error).message))) {
      await db.destroy()
      throw e
    }
    await createSchema()
    await migrate(db, schema).catch(async (again) => {
      await db.destroy()
      throw again
    })
  }
  return {
    db,
    backend: 'pg',
    async close() {
      await db.destroy()
    },
  }
}

/** Drop a schema made for a test. */
export async function dropPgSchema(url: string, schema: string): Promise<void> {
  if (!SCHEMA.test(schema)) throw new Error(`invalid schema name ${schema}`)
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  })
  try {
    await sql.raw(`drop schema if exists ${schema} cascade`).execute(db)
  } finally {
    await db.destroy()
  }
}
