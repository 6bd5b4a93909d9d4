/** The sequenced log on every backend: durable batches, tiles that rebuild to the checkpoint, proofs, restart. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCheckpoint } from '../../src/log/checkpoint.js'
import { EMPTY_ROOT, leafHash } from '../../src/log/hashing.js'
import { MerkleTree } from '../../src/log/merkle-tree.js'
import { verifyConsistency, verifyInclusion } from '../../src/log/proofs.js'
import {
  openNote,
  parseVerifierKey,
  signerFromSeed,
  verifierKeyString,
} from '../../src/log/signed-note.js'
import { decodeEntryBundle, TILE_WIDTH } from '../../src/log/tiles.js'
import { TransparencyLog } from '../../src/log/transparency-log.js'
import type { Store } from '../../src/store/store.js'
import { BACKENDS } from '../support/backends.js'

const signer = signerFromSeed('rogatory.test/log/XAR', new Uint8Array(32).fill(7))
const vkey = parseVerifierKey(verifierKeyString(signer))
const enqueue = async (store: Store, n: number, from = 0) => {
  const rows = Array.from({ length: n }, (_, i) => ({
    entry: new TextEncoder().encode(`{"event":${from + i}}`),
    queued_at: 'now',
  }))
  for (let i = 0; i < rows.length; i += 500)
    await store.db
      .insertInto('log_queue')
      .values(rows.slice(i, i + 500))
      .execute()
}

for (const backend of BACKENDS) {
  describe(`transparency log on ${backend.name}`, () => {
    let store: Store
    beforeAll(async () => {
      store = await backend.open()
    }, 60_000)
    afterAll(async () => {
      await store.close()
      await backend.cleanup()
    })

    it('starts empty with a signed checkpoint of the empty tree', async () => {
      const log = await TransparencyLog.open(store, { origin: 'rogatory.test/log/XAR', signer })
      const c = parseCheckpoint(openNote(log.checkpoint, [vkey]).text)
      expect(c).toMatchObject({ origin: 'rogatory.test/log/XAR', size: 0 })
      expect(Buffer.from(c.root).equals(Buffer.from(EMPTY_ROOT))).toBe(true)
    })

    it('integrates in batches, and its tiles and entry bundles rebuild to the checkpoint root', async () => {
      const log = await TransparencyLog.open(store, {
        origin: 'rogatory.test/log/XAR',
        signer,
        batchSize: 200,
      })
      await enqueue(store, 600)
      expect(await log.integrate()).toBe(200)
      while ((await log.integrate()) > 0) {
        // drain
      }
      expect(log.size).toBe(600)
      const c = parseCheckpoint(openNote(log.checkpoint, [vkey]).text)
      expect(c.size).toBe(600)
      // An independent rebuild from the published tiles: two full level-0 tiles and a partial one.
      const leaves: Uint8Array[] = []
      for (const [index, width] of [
        [0, TILE_WIDTH],
        [1, TILE_WIDTH],
        [2, 600 - 2 * TILE_WIDTH],
      ] as const) {
        const tile = log.tile(0, index, width)!
        const bundle = decodeEntryBundle((await log.entryBundle(index, width))!)
        expect(tile.length).toBe(32 * width)
        for (let i = 0; i < width; i++) {
          const h = tile.subarray(32 * i, 32 * i + 32)
          expect(Buffer.from(leafHash(bundle[i]!)).equals(Buffer.from(h))).toBe(true)
          leaves.push(h)
        }
      }
      const rebuilt = new MerkleTree()
      for (const h of leaves) rebuilt.appendLeafHash(h)
      expect(Buffer.from(rebuilt.root()).equals(Buffer.from(c.root))).toBe(true)
      // Level-1 tile 0 holds the roots of the two full level-0 tiles.
      const l1 = log.tile(1, 0, 2)!
      expect(Buffer.from(l1.subarray(0, 32)).equals(Buffer.from(rebuilt.rangeRoot(0, 256)))).toBe(
        true,
      )
      expect(log.tile(0, 3, 1)).toBeUndefined()
    })

    it('serves proofs that verify, and after a restart continues the same history', async () => {
      const before = await TransparencyLog.open(store, { origin: 'rogatory.test/log/XAR', signer })
      const oldSize = before.size
      const oldRoot = before.root()
      const leaf = leafHash(new TextEncoder().encode('{"event":123}'))
      expect(verifyInclusion(123, oldSize, leaf, before.inclusionProof(123), oldRoot)).toBe(true)
      await enqueue(store, 37, 1000)
      const after = await TransparencyLog.open(store, { origin: 'rogatory.test/log/XAR', signer })
      expect(after.size).toBe(oldSize) // reloaded from storage, nothing integrated yet
      await after.integrate()
      expect(after.size).toBe(oldSize + 37)
      expect(
        verifyConsistency(
          oldSize,
          after.size,
          oldRoot,
          after.root(),
          after.consistencyProof(oldSize),
        ),
      ).toBe(true)
      const stored = await store.db.selectFrom('log_queue').select('seq').execute()
      expect(stored).toEqual([])
    })
  })
}
