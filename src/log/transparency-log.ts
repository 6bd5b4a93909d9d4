/**
 * @module log/transparency-log
 *
 * A node's transparency log. Design, after Tessera:
 * - **Add contract.** Business transactions put entries in `log_queue`
 *   (same transaction as the change they record), so an entry is durable
 *   the moment the change commits.
 * - **Integration is batched.** The sequencer takes up to `batchSize`
 *   queued entries (every `intervalMs`, or sooner when woken), assigns them
 *   consecutive indices, and in one transaction stores the entries, every
 *   new complete-subtree hash and a signed checkpoint, and removes them
 *   from the queue. The tree grows incrementally; it is never rebuilt.
 * - **Pushback.** When more than `maxQueued` entries wait, `pushback()`
 *   says so; the HTTP layer answers 503 with Retry-After.
 * - **Reads** (checkpoint, tiles, entry bundles, proofs) come from the
 *   stored hashes, in the C2SP tlog-tiles layout.
 * The log commits to events; it knows nothing of the law.
 */

import { sql } from 'kysely'
import { RogatoryError } from '../errors/rogatory-error.js'
import type { Store } from '../store/store.js'
import { formatCheckpoint } from './checkpoint.js'
import { verifyCosignature } from './cosignature.js'
import { leafHash } from './hashing.js'
import { MerkleTree } from './merkle-tree.js'
import {
  type NoteSigner,
  type NoteVerifier,
  noteText,
  signNote,
  verifierKeyString,
} from './signed-note.js'
import { encodeEntryBundle, TILE_HEIGHT, TILE_WIDTH } from './tiles.js'

export const DEFAULT_BATCH_SIZE = 256
export const DEFAULT_INTERVAL_MS = 250
export const DEFAULT_MAX_QUEUED = 4096

export interface LogOptions {
  readonly origin: string
  readonly signer: NoteSigner
  readonly batchSize?: number
  readonly intervalMs?: number
  readonly maxQueued?: number
}

const bytes = (v: Uint8Array | Buffer): Uint8Array =>
  v instanceof Uint8Array ? new Uint8Array(v) : new Uint8Array(v)

export class TransparencyLog {
  #tree = new MerkleTree()
  #checkpoint = ''
  #queued = 0
  #timer: NodeJS.Timeout | undefined
  #running: Promise<number> | undefined

  private constructor(
    private readonly store: Store,
    private readonly o: Required<LogOptions>,
  ) {}

  static async open(store: Store, options: LogOptions): Promise<TransparencyLog> {
    const log = new TransparencyLog(store, {
      batchSize: DEFAULT_BATCH_SIZE,
      intervalMs: DEFAULT_INTERVAL_MS,
      maxQueued: DEFAULT_MAX_QUEUED,
      ...options,
    })
    await log.#load()
    return log
  }

  async #load(): Promise<void> {
    const rows = await this.store.db
      .selectFrom('log_nodes')
      .select(['level', 'idx', 'hash'])
      .orderBy('level')
      .orderBy('idx')
      .execute()
    const levels: Uint8Array[][] = []
    for (const r of rows) {
      if (!levels[r.level]) levels[r.level] = []
      levels[r.level]![Number(r.idx)] = bytes(r.hash)
    }
    this.#tree = MerkleTree.fromLevels(levels)
    const cp = await this.store.db
      .selectFrom('log_checkpoints')
      .select('note')
      .orderBy('size', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (cp) {
      this.#checkpoint = cp.note
    } else {
      // The empty tree's checkpoint is published (and witnessed) like any other, so it is kept.
      this.#checkpoint = this.#sign()
      await this.store.db
        .insertInto('log_checkpoints')
        .values({
          size: this.#tree.size,
          note: this.#checkpoint,
          created_at: new Date().toISOString(),
        })
        .onConflict((oc) => oc.column('size').doNothing())
        .execute()
    }
  }

  get size(): number {
    return this.#tree.size
  }

  get origin(): string {
    return this.o.origin
  }

  /** `<name>+<key id>+<key>`: what the Secretariat's register publishes for this log. */
  get verifierKey(): string {
    return verifierKeyString(this.o.signer)
  }

  /** The latest signed checkpoint (a C2SP signed note). */
  get checkpoint(): string {
    return this.#checkpoint
  }

  /**
   * Record a witness's cosignature of the checkpoint this log published at
   * `size` (C2SP tlog-cosignature), after verifying it against that
   * checkpoint's body with the witness key the caller looked up.
   */
  async addCosignature(size: number, witness: NoteVerifier, line: string): Promise<void> {
    const row = await this.store.db
      .selectFrom('log_checkpoints')
      .select('note')
      .where('size', '=', size)
      .executeTakeFirst()
    if (!row)
      throw new RogatoryError('ERR_NOTE_INVALID', `no checkpoint of size ${size} was published`)
    const body = noteText(row.note)
    verifyCosignature(line, body, witness)
    const at = new Date().toISOString()
    await this.store.db
      .insertInto('log_cosignatures')
      .values({
        size,
        witness: witness.name,
        line: line.endsWith('\n') ? line : `${line}\n`,
        received_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(['size', 'witness'])
          .doUpdateSet({ line: line.endsWith('\n') ? line : `${line}\n`, received_at: at }),
      )
      .execute()
  }

  /** The latest checkpoint that witnesses have cosigned, with their cosignature lines appended; undefined if none. */
  async cosignedCheckpoint(): Promise<string | undefined> {
    const top = await this.store.db
      .selectFrom('log_cosignatures')
      .select('size')
      .orderBy('size', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (!top) return undefined
    const size = Number(top.size)
    const [cp, lines] = await Promise.all([
      this.store.db
        .selectFrom('log_checkpoints')
        .select('note')
        .where('size', '=', size)
        .executeTakeFirstOrThrow(),
      this.store.db
        .selectFrom('log_cosignatures')
        .select('line')
        .where('size', '=', size)
        .orderBy('witness')
        .execute(),
    ])
    return cp.note + lines.map((l) => l.line).join('')
  }

  #sign(): string {
    return signNote(
      formatCheckpoint({
        origin: this.o.origin,
        size: this.#tree.size,
        root: this.#tree.root(),
        extensions: [],
      }),
      [this.o.signer],
    )
  }

  /** True when too many entries wait: callers answer 503 + Retry-After. */
  pushback(): boolean {
    return this.#queued > this.o.maxQueued
  }

  /** Integrate queued entries now (one batch); returns how many. Concurrent calls share one run. */
  integrate(): Promise<number> {
    this.#running ??= this.#integrate().finally(() => {
      this.#running = undefined
    })
    return this.#running
  }

  async #integrate(): Promise<number> {
    const queued = await this.store.db
      .selectFrom('log_queue')
      .select(['seq', 'entry'])
      .orderBy('seq')
      .limit(this.o.batchSize)
      .execute()
    const waiting = await this.store.db
      .selectFrom('log_queue')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    this.#queued = Number(waiting.n)
    if (queued.length === 0) return 0
    const entries: { idx: number; entry: Uint8Array }[] = []
    const nodes: { level: number; idx: number; hash: Uint8Array }[] = []
    // Grow a copy; readers keep seeing the committed tree until the batch is durable.
    const next = this.#tree.clone()
    for (const q of queued) {
      const entry = bytes(q.entry)
      const { index, nodes: made } = next.appendWithNodes(leafHash(entry))
      entries.push({ idx: index, entry })
      for (const n of made) nodes.push({ level: n.level, idx: n.index, hash: n.hash })
    }
    const note = signNote(
      formatCheckpoint({
        origin: this.o.origin,
        size: next.size,
        root: next.root(),
        extensions: [],
      }),
      [this.o.signer],
    )
    await this.store.db.transaction().execute(async (trx) => {
      for (let i = 0; i < entries.length; i += 500)
        await trx
          .insertInto('log_entries')
          .values(entries.slice(i, i + 500))
          .execute()
      for (let i = 0; i < nodes.length; i += 500)
        await trx
          .insertInto('log_nodes')
          .values(nodes.slice(i, i + 500))
          .execute()
      await trx
        .insertInto('log_checkpoints')
        .values({ size: next.size, note, created_at: new Date().toISOString() })
        .execute()
      await trx
        .deleteFrom('log_queue')
        .where(
          'seq',
          'in',
          queued.map((q) => q.seq),
        )
        .execute()
    })
    this.#tree = next
    this.#checkpoint = note
    this.#queued = Math.max(0, this.#queued - queued.length)
    return queued.length
  }

  /** Run the sequencer every `intervalMs` until `stop()`. */
  start(): void {
    const tick = async () => {
      try {
        while ((await this.integrate()) >= this.o.batchSize) {
          // a full batch: go again at once
        }
      } catch {
        // the store may be closing; the next tick retries
      }
      this.#timer = setTimeout(tick, this.o.intervalMs)
    }
    this.#timer = setTimeout(tick, this.o.intervalMs)
  }

  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = undefined
    await this.#running
  }

  /** Hashes of tile (level, index): `width` hashes of tree level 8·level (C2SP tlog-tiles). */
  tile(level: number, index: number, width = TILE_WIDTH): Uint8Array | undefined {
    const row = level * TILE_HEIGHT
    const from = index * TILE_WIDTH
    const hashes = this.#tree.levelSlice(row, from, from + width)
    if (hashes.length !== width) return undefined
    return new Uint8Array(Buffer.concat(hashes))
  }

  async entryBundle(index: number, width = TILE_WIDTH): Promise<Uint8Array | undefined> {
    const from = index * TILE_WIDTH
    if (from + width > this.size) return undefined
    const rows = await this.store.db
      .selectFrom('log_entries')
      .select(['idx', 'entry'])
      .where('idx', '>=', from)
      .where('idx', '<', from + width)
      .orderBy('idx')
      .execute()
    if (rows.length !== width) return undefined
    return encodeEntryBundle(rows.map((r) => bytes(r.entry)))
  }

  /**
   * Where an entry sits in the log, found by the SHA-256 of its bytes
   * (an index on `sha256(entry)`); undefined while it waits in the queue.
   */
  async indexOf(entryHash: Uint8Array): Promise<number | undefined> {
    const row = await this.store.db
      .selectFrom('log_entries')
      .select('idx')
      .where(sql`sha256(entry)`, '=', Buffer.from(entryHash))
      .orderBy('idx')
      .limit(1)
      .executeTakeFirst()
    return row ? Number(row.idx) : undefined
  }

  /** The latest checkpoint with an inclusion proof of `index` against it, read together. */
  inclusionBundle(index: number): { checkpoint: string; size: number; proof: Uint8Array[] } {
    const checkpoint = this.#checkpoint
    const size = this.#tree.size
    return { checkpoint, size, proof: this.#tree.inclusionProof(index, size) }
  }

  inclusionProof(index: number, size = this.size): Uint8Array[] {
    return this.#tree.inclusionProof(index, size)
  }

  consistencyProof(first: number, second = this.size): Uint8Array[] {
    return this.#tree.consistencyProof(first, second)
  }

  root(size = this.size): Uint8Array {
    return this.#tree.root(size)
  }
}
