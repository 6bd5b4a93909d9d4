/**
 * Tamper evidence, bit by bit: a log of 258 entries (one full tile, one
 * partial) is read back as an outside verifier reads it, with one bit
 * flipped at a time in the checkpoint (text and signature), the hash tiles
 * and the entry bundles, and in a witness cosignature. Every flip must be
 * detected. Every bit of the checkpoint, the partial tiles and the
 * cosignature is flipped; the full tile and its bundle are walked with a
 * stride of 13 bits, which visits every bit position of a byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isRogatoryError } from '../../src/errors/rogatory-error.js'
import {
  cosign,
  cosignerKeyString,
  parseCosignerKey,
  verifyCosignature,
} from '../../src/log/cosignature.js'
import { signerFromSeed, verifierKeyString } from '../../src/log/signed-note.js'
import { entriesPath, tilePath } from '../../src/log/tiles.js'
import { TransparencyLog } from '../../src/log/transparency-log.js'
import { type LogReader, verifyLog } from '../../src/log/verify-remote.js'
import type { Store } from '../../src/store/store.js'
import { BACKENDS } from '../support/backends.js'

const signer = signerFromSeed('rogatory.test/log/XAR', new Uint8Array(32).fill(3))
const witness = signerFromSeed('rogatory.test/witness/XBO', new Uint8Array(32).fill(4))
const vkey = verifierKeyString(signer)
const DETECTED = new Set(['ERR_LOG_INCONSISTENT', 'ERR_NOTE_INVALID', 'ERR_CHECKPOINT_INVALID'])

function flip(b: Uint8Array, bit: number): Uint8Array {
  const c = new Uint8Array(b)
  c[bit >> 3] = c[bit >> 3]! ^ (1 << (bit & 7))
  return c
}

describe('every bit flip is detected', () => {
  let store: Store
  let files: Map<string, Uint8Array>
  beforeAll(async () => {
    store = await BACKENDS[0]!.open()
    const log = await TransparencyLog.open(store, { origin: signer.name, signer, batchSize: 1000 })
    await store.db
      .insertInto('log_queue')
      .values(
        Array.from({ length: 258 }, (_, i) => ({
          entry: new TextEncoder().encode(`{"event":"transition","n":${i}}`),
          queued_at: 'now',
        })),
      )
      .execute()
    await log.integrate()
    files = new Map([
      ['checkpoint', new TextEncoder().encode(log.checkpoint)],
      [tilePath(0, 0), log.tile(0, 0)!],
      [tilePath(0, 1, 2), log.tile(0, 1, 2)!],
      [entriesPath(0), (await log.entryBundle(0))!],
      [entriesPath(1, 2), (await log.entryBundle(1, 2))!],
    ])
  }, 60_000)
  afterAll(async () => {
    await store.close()
  })

  const reader =
    (path: string, bytes: Uint8Array): LogReader =>
    async (p) =>
      p === path ? bytes : files.get(p)!

  it('the untouched log verifies', async () => {
    const r = await verifyLog((p) => Promise.resolve(files.get(p)!), vkey)
    expect(r.checkpoint.size).toBe(258)
  })

  for (const [path, stride] of [
    ['checkpoint', 1],
    [tilePath(0, 1, 2), 1],
    [entriesPath(1, 2), 1],
    [tilePath(0, 0), 13],
    [entriesPath(0), 13],
  ] as const)
    it(`in ${path} (every ${stride === 1 ? '' : `${stride}th `}bit)`, async () => {
      const original = files.get(path)!
      let flips = 0
      for (let bit = 0; bit < original.length * 8; bit += stride) {
        const e = await verifyLog(reader(path, flip(original, bit)), vkey).then(
          () => undefined,
          (err: unknown) => err,
        )
        if (!(isRogatoryError(e) && DETECTED.has(e.code)))
          throw new Error(`flip of bit ${bit} in ${path} went undetected (${String(e)})`)
        flips++
      }
      expect(flips).toBeGreaterThan(original.length * (stride === 1 ? 7 : 0.5))
    })

  it('in a witness cosignature (every bit)', () => {
    const body = `${new TextDecoder().decode(files.get('checkpoint')!).split('\n\n')[0]!}\n`
    const line = cosign(body, witness, 1_790_000_000)
    const key = parseCosignerKey(cosignerKeyString(witness))
    expect(verifyCosignature(line, body, key)).toBe(1_790_000_000)
    const bytes = new TextEncoder().encode(line)
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const flipped = new TextDecoder().decode(flip(bytes, bit))
      expect(() => verifyCosignature(flipped, body, key), `bit ${bit}`).toThrow()
    }
  })
})
