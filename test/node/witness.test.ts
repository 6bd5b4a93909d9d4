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

    it('speaks C2SP tlog-witness: 409 with the size it holds, 200 with a cosignature, 404/403/400/422 otherwise', async () => {
      const xar = fed().nodes.get('XAR')!.runtime
      const xbo = fed().nodes.get('XBO')!
      const post = (body: string) =>
        fetch(`${xbo.url}/witness/add-checkpoint`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body,
        })
      // What the earlier tests queued is in the log (the sequencer runs every 250 ms): the witness needs a non-empty log.
      while ((await xar.log.integrate()) > 0);
      expect(xar.log.size).toBeGreaterThan(0)
      const note = xar.log.checkpoint
      const size = parseCheckpoint(note.slice(0, note.lastIndexOf('\n\n') + 1)).size
      const wrong = await post(`old ${size + 1000}\n\n${note}`)
      expect(wrong.status).toBe(400) // old larger than the checkpoint
      let cosignature = ''
      for (let attempt = 0; attempt < 5 && !cosignature; attempt++) {
        const probe = await post(`old ${size}\n\n${note}`)
        if (probe.status === 200) {
          cosignature = await probe.text()
          break
        }
        expect(probe.status).toBe(409)
        expect(probe.headers.get('content-type')).toMatch(/^text\/x\.tlog\.size/)
        const held = Number((await probe.text()).trim())
        const proof = held > 0 && held < size ? xar.log.consistencyProof(held, size) : []
        const res = await post(
          `old ${held}\n${proof.map((p) => `${Buffer.from(p).toString('base64')}\n`).join('')}\n${note}`,
        )
        if (res.status === 200) cosignature = await res.text()
      }
      const witnessKey = parseCosignerKey(xbo.runtime.snapshot.directory.node('XBO')!.log!.witness!)
      expect(
        verifyCosignature(cosignature, note.slice(0, note.lastIndexOf('\n\n') + 1), witnessKey),
      ).toBeGreaterThan(0)

      const unknown = signNote(
        formatCheckpoint({
          origin: 'rogatory.example/log/XZZ',
          size: 1,
          root: new Uint8Array(32),
          extensions: [],
        }),
        [await ensureLogSigner(xar.store, 'rogatory.example/log/XZZ')],
      )
      expect((await post(`old 0\n\n${unknown}`)).status).toBe(404)
      const otherKey = await ensureLogSigner(xbo.runtime.store, xar.log.origin)
      const unsigned = signNote(
        formatCheckpoint({
          origin: xar.log.origin,
          size: size + 3,
          root: new Uint8Array(32).fill(1),
          extensions: [],
        }),
        [otherKey],
      )
      expect((await post(`old 0\n\n${unsigned}`)).status).toBe(403)
      expect((await post(`old x\n\n${note}`)).status).toBe(400)

      // A fork signed by XAR's real log key, with a proof that cannot verify: 422 and an alarm.
      const xarKey = await ensureLogSigner(xar.store, xar.log.origin)
      const forkAt = (n: number) =>
        signNote(
          formatCheckpoint({
            origin: xar.log.origin,
            size: n,
            root: new Uint8Array(32).fill(9),
            extensions: [],
          }),
          [xarKey],
        )
      let status = 0
      const seen: string[] = []
      for (let attempt = 0; attempt < 5 && status !== 422; attempt++) {
        // Learn the size the witness holds for XAR (a 409 answers it), then submit a fork beyond it.
        const probe = await post(`old 1000000000\n\n${forkAt(1_000_000_000)}`)
        const text = await probe.text()
        const held = Number(text.trim())
        seen.push(`${probe.status} ${text.trim().slice(0, 60)}`)
        if (probe.status !== 409 || held === 0) {
          await post(`old 0\n\n${xar.log.checkpoint}`)
          continue
        }
        status = (
          await post(
            `old ${held}\n${Buffer.alloc(32, 5).toString('base64')}\n\n${forkAt(held + 5)}`,
          )
        ).status
      }
      expect(status, seen.join(' | ')).toBe(422)
      const approver = await signInAs(fed(), 'XBO', 'approver')
      const alarms = (await approver.call('GET', '/v1/alarms')).body.alarms
      expect(
        alarms.some(
          (a: { subject: string; detail: { reason: string } }) =>
            a.subject === 'XAR' && /consistency proof/.test(a.detail.reason),
        ),
      ).toBe(true)
    })

    it('submits its own checkpoints to the peers’ witnesses and keeps their cosignatures', async () => {
      const xar = fed().nodes.get('XAR')!.runtime
      const rows = await eventually(async () => {
        const r = await xar.store.db
          .selectFrom('log_cosignatures')
          .selectAll()
          .where('witness', '=', 'rogatory.example/witness/XBO')
          .execute()
        return r.length > 0 && r
      })
      expect(rows[0]!.line).toMatch(/^— rogatory\.example\/witness\/XBO /)
    })
  })
}
