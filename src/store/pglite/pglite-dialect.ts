/**
 * @module store/pglite/pglite-dialect
 *
 * A kysely Dialect over one PGlite instance, modelled on kysely's own
 * PGlite dialect (kysely ≥ 0.29, which needs Node 22). PGlite is one
 * connection, so the driver is honest about it: `acquireConnection` waits
 * for a lock and `releaseConnection` frees it, which is what keeps a
 * transaction's statements from interleaving with anyone else's. (The
 * `kysely-pglite` package hands out the shared client with no lock and
 * drops affected-row counts, so optimistic version checks cannot work on
 * it; hence this file.) SQL, escaping and introspection are kysely's
 * PostgreSQL ones; the wire work is PGlite's.
 */
import type { PGlite } from '@electric-sql/pglite'
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely'

class PGliteConnection implements DatabaseConnection {
  constructor(readonly client: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const r = await this.client.query<R>(query.sql, [...query.parameters])
    return {
      rows: r.rows,
      ...(r.affectedRows !== undefined ? { numAffectedRows: BigInt(r.affectedRows) } : {}),
    }
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursor streaming; fail loudly.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not support streaming queries')
  }
}

class PGliteDriver implements Driver {
  readonly #connection: PGliteConnection
  #queue: Promise<void> = Promise.resolve()

  constructor(client: PGlite) {
    this.#connection = new PGliteConnection(client)
  }

  async init(): Promise<void> {}

  /** One connection: wait until the previous holder releases it. */
  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void
    const previous = this.#queue
    this.#queue = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    this.#releases.push(release)
    return this.#connection
  }

  readonly #releases: (() => void)[] = []

  async releaseConnection(): Promise<void> {
    this.#releases.shift()?.()
  }

  async beginTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('begin'))
  }

  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'))
  }

  async destroy(): Promise<void> {}
}

export class PGliteDialect implements Dialect {
  constructor(private readonly client: PGlite) {}
  createAdapter() {
    return new PostgresAdapter()
  }
  createDriver(): Driver {
    return new PGliteDriver(this.client)
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db)
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler()
  }
}
