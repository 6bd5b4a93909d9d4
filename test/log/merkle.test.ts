/**
 * RFC 6962 hashing and proofs, checked three ways: the RFC 6962 test data
 * used by the certificate-transparency implementations, an independent
 * naive implementation of the RFC's definitions written here, and
 * fast-check properties (every proof verifies; every bit flip fails).
 */
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EMPTY_ROOT, leafHash } from '../../src/log/hashing.js'
import { MerkleTree } from '../../src/log/merkle-tree.js'
import { verifyConsistency, verifyInclusion } from '../../src/log/proofs.js'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const h = (...parts: Uint8Array[]) => {
  const c = createHash('sha256')
  for (const p of parts) c.update(p)
  return new Uint8Array(c.digest())
}

// --- An independent, deliberately naive reading of RFC 6962 §2.1 ---------------------------
const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1)
const MTH = (d: Uint8Array[]): Uint8Array =>
  d.length === 0
    ? h()
    : d.length === 1
      ? h(Uint8Array.of(0), d[0]!)
      : h(Uint8Array.of(1), MTH(d.slice(0, k(d.length))), MTH(d.slice(k(d.length))))
const PATH = (m: number, d: Uint8Array[]): Uint8Array[] => {
  if (d.length <= 1) return []
  const s = k(d.length)
  return m < s
    ? [...PATH(m, d.slice(0, s)), MTH(d.slice(s))]
    : [...PATH(m - s, d.slice(s)), MTH(d.slice(0, s))]
}
const SUBPROOF = (m: number, d: Uint8Array[], b: boolean): Uint8Array[] => {
  if (m === d.length) return b ? [] : [MTH(d)]
  const s = k(d.length)
  return m <= s
    ? [...SUBPROOF(m, d.slice(0, s), b), MTH(d.slice(s))]
    : [...SUBPROOF(m - s, d.slice(s), false), MTH(d.slice(0, s))]
}
// ---------------------------------------------------------------------------------------------

/** The RFC 6962 test leaves (certificate-transparency reference test data). */
const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((x) => new Uint8Array(Buffer.from(x, 'hex')))
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
]

const treeOf = (entries: Uint8Array[]) => {
  const t = new MerkleTree()
  for (const e of entries) t.append(e)
  return t
}
const flipBit = (b: Uint8Array, bit: number) => {
  const c = Uint8Array.from(b)
  c[Math.floor(bit / 8) % c.length]! ^= 1 << (bit % 8)
  return c
}

describe('RFC 6962 Merkle tree', () => {
  it('matches the RFC 6962 test data roots, and the empty tree is SHA-256 of nothing', () => {
    expect(hex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(hex(new MerkleTree().root())).toBe(hex(EMPTY_ROOT))
    const t = new MerkleTree()
    LEAVES.forEach((leaf, i) => {
      t.append(leaf)
      expect(hex(t.root()), `root of ${i + 1}`).toBe(ROOTS[i])
    })
    // Roots of earlier sizes come from stored subtrees, without a rebuild.
    for (const [i, r] of ROOTS.entries()) expect(hex(t.root(i + 1))).toBe(r)
  })

  it('agrees with the naive reading of the RFC for roots, inclusion and consistency proofs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 8 }), { minLength: 1, maxLength: 70 }),
        (entries) => {
          const t = treeOf(entries)
          const d = entries.map(leafHash)
          const leaves = entries
          expect(hex(t.root())).toBe(hex(MTH(leaves)))
          for (let m = 0; m < leaves.length; m++) {
            expect(t.inclusionProof(m).map(hex)).toEqual(PATH(m, leaves).map(hex))
            expect(verifyInclusion(m, leaves.length, d[m]!, t.inclusionProof(m), t.root())).toBe(
              true,
            )
          }
          for (let m = 1; m <= leaves.length; m++) {
            const p = t.consistencyProof(m)
            expect(p.map(hex)).toEqual(
              (m === leaves.length ? [] : SUBPROOF(m, leaves, true)).map(hex),
            )
            expect(verifyConsistency(m, leaves.length, t.root(m), t.root(), p)).toBe(true)
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  it('rejects every bit flip in a leaf, a proof hash or a root, and wrong sizes or indices', () => {
    const t = treeOf(Array.from({ length: 13 }, (_, i) => Uint8Array.of(i)))
    const leaf = leafHash(Uint8Array.of(5))
    const proof = t.inclusionProof(5)
    const root = t.root()
    for (let bit = 0; bit < 256; bit += 7) {
      expect(verifyInclusion(5, 13, flipBit(leaf, bit), proof, root)).toBe(false)
      expect(
        verifyInclusion(
          5,
          13,
          leaf,
          proof.map((p, i) => (i === bit % proof.length ? flipBit(p, bit) : p)),
          root,
        ),
      ).toBe(false)
      expect(verifyInclusion(5, 13, leaf, proof, flipBit(root, bit))).toBe(false)
    }
    expect(verifyInclusion(4, 13, leaf, proof, root)).toBe(false)
    // (size, root) come together from a checkpoint: the size-13 proof does not verify against the size-14 root.
    const bigger = treeOf(Array.from({ length: 14 }, (_, i) => Uint8Array.of(i)))
    expect(verifyInclusion(5, 14, leaf, proof, bigger.root())).toBe(false)
    expect(verifyInclusion(13, 13, leaf, proof, root)).toBe(false)
    expect(verifyInclusion(5, 13, leaf, [...proof, proof[0]!], root)).toBe(false)
    expect(verifyInclusion(-1, 13, leaf, proof, root)).toBe(false)

    const c = t.consistencyProof(6)
    expect(verifyConsistency(6, 13, t.root(6), root, c)).toBe(true)
    expect(verifyConsistency(6, 13, flipBit(t.root(6), 3), root, c)).toBe(false)
    expect(verifyConsistency(6, 13, t.root(6), flipBit(root, 3), c)).toBe(false)
    expect(verifyConsistency(6, 13, t.root(6), root, c.slice(1))).toBe(false)
    expect(verifyConsistency(7, 13, t.root(6), root, c)).toBe(false)
    expect(verifyConsistency(13, 6, root, t.root(6), c)).toBe(false)
    expect(verifyConsistency(13, 13, root, root, [])).toBe(true)
    expect(verifyConsistency(13, 13, root, root, c)).toBe(false)
  })

  it('a forked history is not consistent with the original', () => {
    const honest = treeOf(Array.from({ length: 9 }, (_, i) => Uint8Array.of(i)))
    const forked = treeOf(Array.from({ length: 9 }, (_, i) => Uint8Array.of(i === 3 ? 99 : i)))
    const longer = treeOf(Array.from({ length: 12 }, (_, i) => Uint8Array.of(i === 3 ? 99 : i)))
    expect(verifyConsistency(9, 12, honest.root(), longer.root(), longer.consistencyProof(9))).toBe(
      false,
    )
    expect(verifyConsistency(9, 12, forked.root(), longer.root(), longer.consistencyProof(9))).toBe(
      true,
    )
  })
})
