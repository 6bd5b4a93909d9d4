/**
 * @module log/checkpoint-verifier
 *
 * Verifying many inclusion proofs against one checkpoint, as a monitor or
 * an auditor does. The walk is RFC 9162 §2.1.3.2's; on top of it, every
 * interior node a proof *verified* — the walk reached the checkpoint's root
 * — is remembered by its position (level, index) in the tree of that size.
 * A later proof whose walk arrives at a remembered position stops there:
 * equal hash, the leaf is included (the node is already authenticated by
 * the root); different hash, it is not. Nothing unverified is ever
 * remembered, so a bad proof cannot poison the cache. The results are the
 * stateless verifier's, only faster when proofs share upper levels.
 */
import { HASH_SIZE, nodeHash } from './hashing.js'

const lsb = (n: number) => (n & 1) === 1

export class CheckpointVerifier {
  readonly #size: number
  readonly #root: Buffer
  /** Remembered nodes, one map per level, keyed by index at that level (small integers for any practical tree). */
  readonly #known: Map<number, Uint8Array>[] = []
  #count = 0
  readonly #capacity: number
  readonly #minLevel: number

  /** `capacity` bounds the remembered nodes; levels below `minLevel` are never remembered (they are rarely shared). */
  constructor(size: number, root: Uint8Array, o: { capacity?: number; minLevel?: number } = {}) {
    this.#size = size
    this.#root = Buffer.from(root)
    this.#capacity = o.capacity ?? 1 << 18
    this.#minLevel = o.minLevel ?? 3
  }

  get remembered(): number {
    return this.#count
  }

  verifyInclusion(index: number, leaf: Uint8Array, proof: readonly Uint8Array[]): boolean {
    const size = this.#size
    if (!Number.isSafeInteger(index) || index < 0 || index >= size || size > 2 ** 40) return false
    if (leaf.length !== HASH_SIZE || proof.length > 64) return false
    let fn = index
    let sn = size - 1
    let level = 0
    let r: Uint8Array = leaf
    const path: [number, number, Uint8Array][] = []
    for (const p of proof) {
      if (p.length !== HASH_SIZE || sn === 0) return false
      if (lsb(fn) || fn === sn) {
        r = nodeHash(p, r)
        if (!lsb(fn)) {
          while (!lsb(fn) && fn !== 0) {
            fn = Math.floor(fn / 2)
            sn = Math.floor(sn / 2)
            level++
          }
        }
      } else {
        r = nodeHash(r, p)
      }
      fn = Math.floor(fn / 2)
      sn = Math.floor(sn / 2)
      level++
      if (level >= this.#minLevel && sn !== 0) {
        // Position of r: level `level`, index fn, in the tree of this size.
        const known = this.#known[level]?.get(fn)
        if (known) {
          // Reaching an authenticated node with its hash authenticates the path below it too.
          if (Buffer.compare(known, r) !== 0) return false
          this.#remember(path)
          return true
        }
        path.push([level, fn, r])
      }
    }
    if (sn !== 0 || !this.#root.equals(r)) return false
    this.#remember(path)
    return true
  }

  #remember(path: readonly [number, number, Uint8Array][]): void {
    for (const [level, index, hash] of path) {
      if (this.#count >= this.#capacity) return
      this.#known[level] ??= new Map()
      const m = this.#known[level]
      if (!m.has(index)) {
        m.set(index, hash)
        this.#count++
      }
    }
  }
}
