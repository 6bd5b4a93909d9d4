/** The caching verifier against the stateless RFC 9162 one: same answers for real proofs, and no way to poison it. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CheckpointVerifier } from '../../src/log/checkpoint-verifier.js'
import { leafHash } from '../../src/log/hashing.js'
import { MerkleTree } from '../../src/log/merkle-tree.js'
import { verifyInclusion } from '../../src/log/proofs.js'

const tree = (n: number) => {
  const t = new MerkleTree()
  for (let i = 0; i < n; i++) t.appendLeafHash(leafHash(new Uint8Array([i & 255, i >> 8])))
  return t
}

describe('CheckpointVerifier', () => {
  it('accepts every real proof, in any order, as the stateless verifier does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 700 }), fc.integer(), (n, seed) => {
        const t = tree(n)
        const v = new CheckpointVerifier(n, t.root(), { minLevel: 1 })
        const order = Array.from({ length: n }, (_, i) => (i * 7919 + (seed >>> 0)) % n)
        for (const i of order) {
          const proof = t.inclusionProof(i)
          expect(verifyInclusion(i, n, t.node(0, i)!, proof, t.root())).toBe(true)
          expect(v.verifyInclusion(i, t.node(0, i)!, proof)).toBe(true)
        }
      }),
      { numRuns: 40 },
    )
  })

  it('rejects a wrong leaf, a wrong index or a changed lower proof hash, before and after warming up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 600 }), fc.nat(), fc.boolean(), (n, k, warm) => {
        const t = tree(n)
        const v = new CheckpointVerifier(n, t.root(), { minLevel: 1 })
        if (warm)
          for (let i = 0; i < n; i++) v.verifyInclusion(i, t.node(0, i)!, t.inclusionProof(i))
        const i = k % n
        const proof = t.inclusionProof(i)
        const other = leafHash(new Uint8Array([1, 2, 3, 4]))
        expect(v.verifyInclusion(i, other, proof)).toBe(false)
        expect(v.verifyInclusion((i + 1) % n, t.node(0, i)!, proof)).toBe(false)
        if (proof.length > 0) {
          const bad = proof.map((p, j) => (j === 0 ? other : p))
          expect(v.verifyInclusion(i, t.node(0, i)!, bad)).toBe(false)
        }
        expect(v.verifyInclusion(i, t.node(0, i)!, proof)).toBe(true)
      }),
      { numRuns: 60 },
    )
  })

  it('never remembers anything from a proof that fails', () => {
    const t = tree(300)
    const v = new CheckpointVerifier(300, new Uint8Array(32).fill(1), { minLevel: 1 })
    for (let i = 0; i < 300; i++)
      expect(v.verifyInclusion(i, t.node(0, i)!, t.inclusionProof(i))).toBe(false)
    expect(v.remembered).toBe(0)
  })
})
