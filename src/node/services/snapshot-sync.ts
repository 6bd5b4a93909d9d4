/**
 * @module node/services/snapshot-sync
 *
 * Keeps a node's view of the Secretariat's register current: fetch, verify
 * against the pinned key, refuse anything older than what is held, persist.
 */
import type { JWK } from 'jose'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { parseRegistry } from '../../registry/load.js'
import type { Registry } from '../../registry/registry.js'
import { type Snapshot, SnapshotDirectory, verifySnapshot } from '../../registry/snapshot.js'
import type { Store } from '../../store/store.js'

export class SnapshotHolder {
  #directory: SnapshotDirectory | undefined
  #registry: Registry | undefined
  #fetchedAt = 0

  constructor(
    private readonly store: Store,
    private readonly pinned: JWK,
    private readonly secretariatUrl: string,
  ) {}

  get directory(): SnapshotDirectory {
    if (!this.#directory)
      throw new RogatoryError('ERR_SNAPSHOT_INVALID', 'no registry snapshot accepted yet')
    return this.#directory
  }

  get registry(): Registry {
    if (!this.#registry)
      throw new RogatoryError('ERR_SNAPSHOT_INVALID', 'no registry snapshot accepted yet')
    return this.#registry
  }

  get version(): number {
    return this.#directory?.snapshot.version ?? 0
  }

  /** Load the newest snapshot this node accepted before (re-verified). */
  async loadStored(): Promise<void> {
    const row = await this.store.db
      .selectFrom('snapshots')
      .selectAll()
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (row) this.#use(await verifySnapshot(row.jws, this.pinned))
  }

  /** Accept a snapshot JWS (from the Secretariat or pushed to this node). */
  async accept(jws: unknown): Promise<Snapshot> {
    const snapshot = await verifySnapshot(jws, this.pinned, this.version)
    if (snapshot.version > this.version) {
      await this.store.db
        .insertInto('snapshots')
        .values({
          version: snapshot.version,
          jws: jws as string,
          fetched_at: new Date().toISOString(),
        })
        .onConflict((oc) => oc.column('version').doNothing())
        .execute()
      this.#use(snapshot)
    }
    this.#fetchedAt = Date.now()
    return snapshot
  }

  async refresh(): Promise<Snapshot> {
    const res = await fetch(new URL('/v1/registry/snapshot', this.secretariatUrl), {
      signal: AbortSignal.timeout(5000),
    })
    if (!res.ok)
      throw new RogatoryError('ERR_SNAPSHOT_INVALID', `Secretariat answered ${res.status}`)
    const body = (await res.json()) as { jws?: unknown }
    return this.accept(body.jws)
  }

  /** Make sure `state` has a node in the held snapshot, refreshing once if not (a peer may have enrolled since). */
  async ensurePeer(state: string): Promise<void> {
    if (this.#directory?.node(state) && this.#directory.encryptionKey(state)) return
    await this.refreshIfStale(0)
  }

  /** Refresh when the held snapshot is older than `maxAgeMs` (best effort). */
  async refreshIfStale(maxAgeMs: number): Promise<void> {
    if (Date.now() - this.#fetchedAt < maxAgeMs) return
    try {
      await this.refresh()
    } catch {
      // Keep the snapshot we hold; a node never falls back to an older one.
    }
  }

  #use(snapshot: Snapshot): void {
    this.#directory = new SnapshotDirectory(snapshot)
    this.#registry = parseRegistry(snapshot.registry)
  }
}
