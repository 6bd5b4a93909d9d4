/**
 * @module log/merkle-tree
 *
 * An append-only RFC 6962 tree that grows incrementally and is never
 * rebuilt: it keeps the hash of every complete (perfect, aligned) subtree,
 * level by level — exactly what C2SP tlog-tiles publishes, 256 hashes per
 * tile. Appending a leaf adds at most log2(n) node hashes. Roots of
 * arbitrary ranges, and so proofs, are assembled from stored subtrees.
 */
import { EMPTY_ROOT, leafHash, nodeHash, splitPoint } from './hashing.js'
import { consistencyProof, inclusionProof } from './proofs.js'

export class MerkleTree {
  /** levels[l][i] = root of leaves [i·2^l, (i+1)·2^l). */
  readonly #levels: Uint8Array[][] = [[]]

  get size(): number {
    return this.#levels[0]!.length
  }

  /** Append one entry (its leaf hash is computed here); returns its index. */
  append(entry: Uint8Array): number {
    return this.appendLeafHash(leafHash(entry))
  }

  /** Rebuild from stored complete-subtree hashes (levels[l][i]), as persisted; nothing is rehashed. */
  static fromLevels(levels: Uint8Array[][]): MerkleTree {
    const t = new MerkleTree()
    levels.forEach((row, l) => {
      t.#levels[l] = [...row]
    })
    if (!t.#levels[0]) t.#levels[0] = []
    return t
  }

  /** A copy to grow a batch on, while readers keep the committed tree. */
  clone(): MerkleTree {
    return MerkleTree.fromLevels(this.#levels)
  }

  /** Append a leaf hash; returns its index and the node hashes it created (to persist). */
  appendWithNodes(hash: Uint8Array): {
    index: number
    nodes: { level: number; index: number; hash: Uint8Array }[]
  } {
    const before = this.#levels.map((r) => r.length)
    const index = this.appendLeafHash(hash)
    const nodes: { level: number; index: number; hash: Uint8Array }[] = []
    this.#levels.forEach((row, l) => {
      for (let i = before[l] ?? 0; i < row.length; i++)
        nodes.push({ level: l, index: i, hash: row[i]! })
    })
    return { index, nodes }
  }

  appendLeafHash(hash: Uint8Array): number {
    const index = this.size
    this.#levels[0]!.push(hash)
    let level = 0
    let i = index
    // A node at an odd index completes its parent.
    while (i % 2 === 1) {
      const row = this.#levels[level]!
      const parent = nodeHash(row[i - 1]!, row[i]!)
      level++
      i = Math.floor(i / 2)
      if (!this.#levels[level]) this.#levels[level] = []
      this.#levels[level]!.push(parent)
    }
    return index
  }

  /** The hash of the complete subtree at (level, index), if it exists. */
  node(level: number, index: number): Uint8Array | undefined {
    return this.#levels[level]?.[index]
  }

  /** Stored hashes of one level in [from, to): a tile's contents. */
  levelSlice(level: number, from: number, to: number): Uint8Array[] {
    return (this.#levels[level] ?? []).slice(from, to)
  }

  /** MTH(D[start:end]) from stored complete subtrees. */
  rangeRoot = (start: number, end: number): Uint8Array => {
    const n = end - start
    if (n <= 0) return EMPTY_ROOT
    if ((n & (n - 1)) === 0 && start % n === 0 && n <= 2 ** 30) {
      const level = Math.log2(n)
      const hit = this.node(level, start / n)
      if (hit) return hit
    }
    const k = splitPoint(n)
    return nodeHash(this.rangeRoot(start, start + k), this.rangeRoot(start + k, end))
  }

  root(size = this.size): Uint8Array {
    return this.rangeRoot(0, size)
  }

  inclusionProof(index: number, size = this.size): Uint8Array[] {
    if (size > this.size) throw new RangeError(`tree has only ${this.size} leaves`)
    return inclusionProof(index, size, this.rangeRoot)
  }

  consistencyProof(first: number, second = this.size): Uint8Array[] {
    if (second > this.size) throw new RangeError(`tree has only ${this.size} leaves`)
    return consistencyProof(first, second, this.rangeRoot)
  }
}
