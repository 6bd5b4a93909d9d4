/**
 * @module log/verify-remote
 *
 * An outside check of a log over HTTP, trusting only the verifier key: the
 * checkpoint's signature, every entry bundle against its hash tile, the
 * root rebuilt from the tiles against the checkpoint, and — when a
 * checkpoint was seen before — that the old root is the root of the first
 * entries now (no fork, nothing rewritten).
 */
import { RogatoryError } from '../errors/rogatory-error.js'
import { type Checkpoint, parseCheckpoint } from './checkpoint.js'
import { equalHashes, HASH_SIZE, leafHash } from './hashing.js'
import { MerkleTree } from './merkle-tree.js'
import { openNote, parseVerifierKey } from './signed-note.js'
import { decodeEntryBundle, entriesPath, TILE_WIDTH, tilePath } from './tiles.js'

export interface RemoteCheck {
  readonly checkpoint: Checkpoint
  /** Every entry, in order, when the caller asked to keep them. */
  readonly entries?: readonly Uint8Array[]
  /** The root of the first `n` entries, for any n up to the checkpoint's size. */
  readonly rootAt: (n: number) => Uint8Array
  readonly signer: string
  readonly consistentWith: { size: number } | null
}

const inconsistent = (why: string): never => {
  throw new RogatoryError('ERR_LOG_INCONSISTENT', why)
}

/** Reads one path of a log (`checkpoint`, `tile/…`); fails with ERR_LOG_INCONSISTENT when it cannot. */
export type LogReader = (path: string) => Promise<Uint8Array>

export const httpReader =
  (base: string): LogReader =>
  async (path) => {
    const res = await fetch(new URL(path, base), { signal: AbortSignal.timeout(30_000) })
    if (!res.ok) return inconsistent(`${path}: HTTP ${res.status}`)
    return new Uint8Array(await res.arrayBuffer())
  }

/** `base` is the log's URL ending in `/log/`. */
export function verifyRemoteLog(
  base: string,
  vkey: string,
  previous?: { size: number; root: Uint8Array },
  progress?: (done: number, total: number) => void,
): Promise<RemoteCheck> {
  return verifyLog(httpReader(base), vkey, previous, progress)
}

/** Check a log through any reader (HTTP, or files on disk), trusting only the verifier key. */
export async function verifyLog(
  get: LogReader,
  vkey: string,
  previous?: { size: number; root: Uint8Array },
  progress: (done: number, total: number) => void = () => {},
  o: { keepEntries?: boolean } = {},
): Promise<RemoteCheck> {
  const kept: Uint8Array[] = []
  const verifier = parseVerifierKey(vkey)
  const note = new TextDecoder().decode(await get('checkpoint'))
  const checkpoint = parseCheckpoint(openNote(note, [verifier]).text)
  const tree = new MerkleTree()
  for (let index = 0; index * TILE_WIDTH < checkpoint.size; index++) {
    const width = Math.min(TILE_WIDTH, checkpoint.size - index * TILE_WIDTH)
    const hashes = await get(tilePath(0, index, width))
    let entries: Uint8Array[] = []
    try {
      entries = decodeEntryBundle(await get(entriesPath(index, width)))
    } catch (e) {
      if (e instanceof RogatoryError) throw e
      inconsistent(`entry bundle ${index}: ${(e as Error).message}`)
    }
    if (hashes.length !== width * HASH_SIZE || entries.length !== width)
      inconsistent(`tile ${index}: wrong width`)
    entries.forEach((e, i) => {
      const h = hashes.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE)
      if (!equalHashes(leafHash(e), h))
        inconsistent(`entry ${index * TILE_WIDTH + i} does not match its tile`)
      tree.appendLeafHash(h)
      if (o.keepEntries) kept.push(e)
    })
    progress(tree.size, checkpoint.size)
  }
  if (!equalHashes(tree.root(), checkpoint.root))
    inconsistent('the tiles do not rebuild to the checkpoint root')
  let consistentWith: RemoteCheck['consistentWith'] = null
  if (previous) {
    if (previous.size > checkpoint.size)
      inconsistent(`the log shrank from ${previous.size} to ${checkpoint.size}`)
    if (!equalHashes(tree.root(previous.size), previous.root))
      inconsistent(`the first ${previous.size} entries changed since the last checkpoint seen`)
    consistentWith = { size: previous.size }
  }
  return {
    checkpoint,
    signer: verifier.name,
    consistentWith,
    rootAt: (n) => tree.root(n),
    ...(o.keepEntries ? { entries: kept } : {}),
  }
}
