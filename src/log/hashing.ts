/**
 * @module log/hashing
 *
 * RFC 6962 §2.1 (RFC 9162 §2.1.1) Merkle tree hashing with SHA-256:
 * leaves are hashed with a 0x00 prefix, interior nodes with 0x01, so that a
 * leaf can never be passed off as a node (second-preimage resistance).
 */
import { createHash, hash } from 'node:crypto'

export const HASH_SIZE = 32
const LEAF_PREFIX = Uint8Array.of(0)
const NODE_PREFIX = Uint8Array.of(1)

/** MTH({}) = SHA-256() — the root of the empty tree. */
export const EMPTY_ROOT: Uint8Array = new Uint8Array(createHash('sha256').digest())

/** MTH({d(0)}) = SHA-256(0x00 || d(0)). */
export function leafHash(entry: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(LEAF_PREFIX).update(entry).digest())
}

/** One buffer reused for node hashing, 0x01 || left || right: the hot path of proof verification. */
const NODE_INPUT = Buffer.alloc(1 + 2 * HASH_SIZE, 1)

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    return new Uint8Array(
      createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest(),
    )
  }
  NODE_INPUT.set(left, 1)
  NODE_INPUT.set(right, 1 + HASH_SIZE)
  return hash('sha256', NODE_INPUT, 'buffer') as unknown as Uint8Array
}

export const equalHashes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

/** The largest power of two strictly less than n (n > 1): RFC 6962's split point k. */
export function splitPoint(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}
