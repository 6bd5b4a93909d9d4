/** Witnessing on every backend: receipts carry checkpoints, peers cosign them, a split view raises an alarm. */
import { describe, expect, it } from 'vitest'
import { formatCheckpoint, parseCheckpoint } from '../../src/log/checkpoint.js'
import {
  cosignerKeyString,
  parseCosignerKey,
  verifyCosignature,
} from '../../src/log/cosignature.js'
import { openNote, parseVerifierKey, signNote } from '../../src/log/signed-note.js'
import { ensureLogSigner } from '../../src/node/services/node-keys.js'
import { witnessCheckpoint } from '../../src/node/services/witness.js'
import { mlaDraft } from '../helpers.js'
import { BACKENDS } from '../support/backends.js'
import { eventually, signInAs, useFederation } from '../support/federation.js'

for (const backend of BACKENDS) {
  describe(`witnessing on ${backend.name}`, () => {
    const fed = useFederation(backend, ['XAR', 'XBO'])

    it('cosigns the receiver’s checkpoint that each receipt carries', async () => {
      const xar = fed().nodes.get('XAR')!
      const approver = await signInAs(fed(), 'XAR', 'approver')
      const d = await approver.call('POST', '/v1/requests', { request: mlaDraft() })
      await approver.call('POST', `/v1/requests/${d.body.id}/actions`, { action: 'approve' })
      await approver.call('POST', `/v1/requests/${d.body.id}/actions`, { action: 'send' })
      const witnessed = await eventually(async () => {
        const w = (await (await fetch(`${xar.url}/v1/log/witnessed`)).json()) as {
          witness: string
          logs: { origin: string; checkpoint: string; cosignature: string }[]
        }
        return w.logs.length > 0 && w
      })
      const entry = witnessed.logs[0]!
      expect(entry.origin).toBe('rogatory.example/log/XBO')
      // The cosignature verifies with the witness key the register publishes for XAR.
      const reg = (await fed().secretariat.current()).snapshot.nodes.find((n) => n.state === 'XAR')!
        .log!
      expect(reg.witness).toBe(witnessed.witness)
      const witnessKey = parseCosignerKey(reg.witness!)
      expect(cosignerKeyString(witnessKey)).toBe(reg.witness)
      const body = entry.checkpoint.slice(0, entry.checkpoint.lastIndexOf('\n\n') + 1)
      expect(verifyCosignature(entry.cosignature, body, witnessKey)).toBeGreaterThan(0)
      expect(() =>
        verifyCosignature(entry.cosignature, body.replace('XBO', 'XCA'), witnessKey),
      ).toThrow()
      expect((await approver.call('GET', '/v1/alarms')).body.alarms).toEqual([])

      // XBO received the cosignature and serves it with the checkpoint it cosigns.
      const xboUrl = fed().nodes.get('XBO')!.url
      const cosigned = await eventually(async () => {
        const r = await fetch(`${xboUrl}/v1/log/cosigned`)
        return r.status === 200 && r.text()
      })
      const xboLog = (await fed().secretariat.current()).snapshot.nodes.find(
        (n) => n.state === 'XBO',
      )!.log!
      const opened = openNote(cosigned, [parseVerifierKey(xboLog.vkey)])
      const line = `— ${opened.otherSignatures[0]!.name} ${
        cosigned
          .split('\n')
          .find((l) => l.startsWith(`— ${witnessKey.name} `))!
          .split(' ')[2]
      }\n`
      expect(verifyCosignature(line, opened.text, witnessKey)).toBeGreaterThan(0)
      // A cosignature not made by the registered witness key is refused.
      const bad = await fetch(`${xboUrl}/v1/log/cosignatures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          state: 'XAR',
          size: parseCheckpoint(opened.text).size,
          line: line.replace(/ (\S)/, ' A'),
        }),
      })
      expect(bad.status).toBe(400)
    }, 30_000)

    it('raises an alarm when the peer’s log shows another history for the same size', async () => {
      const xar = fed().nodes.get('XAR')!.runtime
      const xbo = fed().nodes.get('XBO')!.runtime
      const seen = await xar.store.db
        .selectFrom('witness_seen')
        .selectAll()
        .executeTakeFirstOrThrow()
      // XBO's own log key signs a checkpoint of the same size with another root: a fork.
      const xboLogKey = await ensureLogSigner(xbo.store, xbo.log.origin)
      const forged = signNote(
        formatCheckpoint({
          origin: xbo.log.origin,
          size: Number(seen.size),
          root: new Uint8Array(32).fill(7),
          extensions: [],
        }),
        [xboLogKey],
      )
      expect(await witnessCheckpoint(xar, 'XBO', forged)).toBe('alarm')
      const approver = await signInAs(fed(), 'XAR', 'approver')
      const alarms = (await approver.call('GET', '/v1/alarms')).body.alarms
      expect(alarms[0]).toMatchObject({ kind: 'split-view', subject: 'XBO' })
      expect(alarms[0].detail.reason).toMatch(/two different roots/)
      // A checkpoint not signed by XBO's registered log key is an alarm too.
      expect(await witnessCheckpoint(xar, 'XBO', forged.replace(/— (\S+) /, '— $1 A'))).toBe(
        'alarm',
      )
    })
  })
}
