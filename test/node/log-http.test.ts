/** A node's transparency log over HTTP: verifiable by the register's key, tiles rebuild, no personal data. */
import { describe, expect, it } from 'vitest'
import { parseCheckpoint } from '../../src/log/checkpoint.js'
import { leafHash } from '../../src/log/hashing.js'
import { MerkleTree } from '../../src/log/merkle-tree.js'
import { verifyConsistency, verifyInclusion } from '../../src/log/proofs.js'
import { openNote, parseVerifierKey } from '../../src/log/signed-note.js'
import { decodeEntryBundle, encodeTileIndex, parseTilePath } from '../../src/log/tiles.js'
import { verifyRemoteLog } from '../../src/log/verify-remote.js'
import { mlaDraft } from '../helpers.js'
import { BACKENDS } from '../support/backends.js'
import { eventually, signInAs, useFederation } from '../support/federation.js'

const bytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer())

describe('tile paths', () => {
  it('parse only canonical C2SP paths', () => {
    expect(parseTilePath('0/x001/x234/067')).toEqual({
      kind: 'hashes',
      level: 0,
      index: 1234067,
      width: 256,
    })
    expect(parseTilePath('entries/000.p/7')).toEqual({ kind: 'entries', index: 0, width: 7 })
    for (const bad of [
      '0/67',
      '0/x000/067',
      '0/000.p/256',
      '0/000.p/0',
      '01/000',
      'x/000',
      '0/000/',
    ])
      expect(parseTilePath(bad), bad).toBeUndefined()
    expect(encodeTileIndex(67)).toBe('067')
  })
})

for (const backend of BACKENDS) {
  describe(`the log over HTTP on ${backend.name}`, () => {
    const fed = useFederation(backend, ['XAR', 'XBO'])

    it('commits every transition, verifiably, without personal data', async () => {
      const xar = fed().nodes.get('XAR')!
      const vkeyText = (await fed().secretariat.current()).snapshot.nodes.find(
        (n) => n.state === 'XAR',
      )!.log!.vkey
      const vkey = parseVerifierKey(vkeyText)
      const approver = await signInAs(fed(), 'XAR', 'approver')
      const first = parseCheckpoint(
        openNote(await (await fetch(`${xar.url}/log/checkpoint`)).text(), [vkey]).text,
      )

      const d = await approver.call('POST', '/v1/requests', { request: mlaDraft() })
      await approver.call('POST', `/v1/requests/${d.body.id}/actions`, { action: 'approve' })
      await approver.call('POST', `/v1/requests/${d.body.id}/actions`, { action: 'send' })
      const note = await eventually(async () => {
        const text = await (await fetch(`${xar.url}/log/checkpoint`)).text()
        return parseCheckpoint(openNote(text, [vkey]).text).size >= first.size + 4 && text
      })
      const c = parseCheckpoint(openNote(note, [vkey]).text)
      expect(c.origin).toBe('rogatory.example/log/XAR')

      // Rebuild from the published tiles and entry bundle (one partial tile here).
      const tile = await bytes(`${xar.url}/log/tile/0/000.p/${c.size}`)
      const bundle = decodeEntryBundle(await bytes(`${xar.url}/log/tile/entries/000.p/${c.size}`))
      const t = new MerkleTree()
      bundle.forEach((e, i) => {
        expect(
          Buffer.from(leafHash(e)).equals(Buffer.from(tile.subarray(32 * i, 32 * i + 32))),
        ).toBe(true)
        t.append(e)
      })
      expect(Buffer.from(t.root()).equals(Buffer.from(c.root))).toBe(true)

      const events = bundle.map((e) => JSON.parse(new TextDecoder().decode(e)))
      const mine = events.filter((e) => e.rid === d.body.id).map((e) => e.action)
      expect(mine).toEqual(expect.arrayContaining(['draft', 'approve', 'send', 'receipt']))
      const text = bundle.map((e) => new TextDecoder().decode(e)).join('\n')
      expect(text).not.toMatch(/xar\.approver|Prosecutor|88231|Payments diverted/)
      expect(events.find((e) => e.action === 'receipt').mhash).toMatch(/^[0-9a-f]{64}$/)

      // Proofs from the API verify against the signed checkpoints.
      const idx = events.findIndex((e) => e.action === 'send' && e.rid === d.body.id)
      const inc = (await (
        await fetch(`${xar.url}/v1/log/proof/inclusion?index=${idx}&size=${c.size}`)
      ).json()) as { proof: string[] }
      const proof = inc.proof.map((p) => new Uint8Array(Buffer.from(p, 'base64')))
      expect(verifyInclusion(idx, c.size, leafHash(bundle[idx]!), proof, c.root)).toBe(true)
      if (first.size > 0) {
        const con = (await (
          await fetch(`${xar.url}/v1/log/proof/consistency?first=${first.size}&second=${c.size}`)
        ).json()) as { proof: string[] }
        expect(
          verifyConsistency(
            first.size,
            c.size,
            first.root,
            c.root,
            con.proof.map((p) => new Uint8Array(Buffer.from(p, 'base64'))),
          ),
        ).toBe(true)
      }
      // An outside verifier, trusting only the register's key.
      const check = await verifyRemoteLog(`${xar.url}/log/`, vkeyText, {
        size: first.size,
        root: first.root,
      })
      expect(check.checkpoint.size).toBeGreaterThanOrEqual(c.size)
      expect(check.consistentWith).toEqual({ size: first.size })
      const forked = { size: 2, root: new Uint8Array(32).fill(9) }
      await expect(verifyRemoteLog(`${xar.url}/log/`, vkeyText, forked)).rejects.toMatchObject({
        code: 'ERR_LOG_INCONSISTENT',
      })
      const otherKey = (await fed().secretariat.current()).snapshot.nodes.find(
        (n) => n.state === 'XBO',
      )!.log!.vkey
      await expect(verifyRemoteLog(`${xar.url}/log/`, otherKey)).rejects.toMatchObject({
        code: 'ERR_NOTE_INVALID',
      })

      // Not a tile yet, and not a tile path at all.
      expect((await fetch(`${xar.url}/log/tile/0/001`)).status).toBe(404)
      expect((await fetch(`${xar.url}/log/tile/0/x000/001`)).status).toBe(404)
      expect((await fetch(`${xar.url}/v1/log/proof/inclusion?index=abc`)).status).toBe(400)
    }, 30_000)
  })
}
