/**
 * End to end on real HTTP (127.0.0.1, ephemeral ports), on every backend:
 * a Secretariat and three State nodes run an MLA request through its life.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256Hex } from '../../src/envelope/canonical.js'
import { verifyReceipt } from '../../src/envelope/receipt.js'
import type { Federation } from '../../src/node/federation.js'
import { mlaDraft } from '../helpers.js'
import { BACKENDS } from '../support/backends.js'
import {
  eventually,
  type Session,
  sessionToken,
  signInAs,
  testFederation,
} from '../support/federation.js'

const mla = mlaDraft

for (const backend of BACKENDS) {
  describe(`request lifecycle on ${backend.name}`, () => {
    let fed: Federation
    let xarDrafter: Session
    let xarApprover: Session
    let xboApprover: Session
    beforeAll(async () => {
      fed = await testFederation(backend)
      ;[xarDrafter, xarApprover, xboApprover] = await Promise.all([
        signInAs(fed, 'XAR', 'drafter'),
        signInAs(fed, 'XAR', 'approver'),
        signInAs(fed, 'XBO', 'approver'),
      ])
    }, 120_000)
    afterAll(async () => {
      await fed?.close()
      await backend.cleanup()
    })

    it('draft → screening → approval → send → receipt → consultation → partial execution with evidence → close', async () => {
      const { fields, ...rest } = mla()
      const { factsSummary: _f, ...incomplete } = fields as Record<string, string>
      // Draft with a missing field: the screening says so, and sending is refused.
      const draft = await xarDrafter.call('POST', '/v1/requests', {
        request: { ...rest, fields: incomplete },
      })
      expect(draft.status).toBe(201)
      const id = draft.body.id as string
      expect(draft.body.screening.missingFields).toEqual(['factsSummary'])
      expect(draft.body.screening.grounds.map((g: { code: string }) => g.code)).toContain(
        'nonconforming-request',
      )
      expect(
        (await xarApprover.call('POST', `/v1/requests/${id}/actions`, { action: 'approve' })).body
          .state,
      ).toBe('approved')
      const refused = await xarApprover.call('POST', `/v1/requests/${id}/actions`, {
        action: 'send',
      })
      expect(refused.status).toBe(409)
      expect(refused.body.error.code).toBe('ERR_TRANSITION_NOT_ALLOWED')

      // A fresh, complete draft goes all the way.
      const ok = await xarDrafter.call('POST', '/v1/requests', { request: mla() })
      const rid = ok.body.id as string
      expect(ok.body.screening.outcome).toBe('no-listed-ground')
      await xarApprover.call('POST', `/v1/requests/${rid}/actions`, { action: 'approve' })
      expect(
        (await xarApprover.call('POST', `/v1/requests/${rid}/actions`, { action: 'send' })).body
          .state,
      ).toBe('sent')

      // Delivered only once a receipt that verifies is held.
      const delivered = await eventually(async () => {
        const r = await xarApprover.call('GET', `/v1/requests/${rid}`)
        return r.body.state === 'delivered' && r.body
      })
      const sent = delivered.history.sent.find((m: { kind: string }) => m.kind === 'request')
      expect(sent.receipt).toMatch(/^ey/)
      const xarRt = fed.nodes.get('XAR')!.runtime
      const outbox = await xarRt.store.db
        .selectFrom('outbox')
        .selectAll()
        .where('request_id', '=', rid)
        .executeTakeFirstOrThrow()
      await verifyReceipt(
        sent.receipt,
        { mid: outbox.message_id, hash: sha256Hex(outbox.envelope), rcv: 'XBO', snd: 'XAR' },
        xarRt.snapshot.directory,
      )

      // The requested side screened it on arrival.
      const incoming = await xboApprover.call('GET', `/v1/requests/${rid}`)
      expect(incoming.body).toMatchObject({
        direction: 'incoming',
        state: 'received',
        from: 'XAR',
        to: 'XBO',
      })
      expect(incoming.body.screening.outcome).toBe('no-listed-ground')

      for (const action of ['acknowledge', 'review']) {
        expect(
          (await xboApprover.call('POST', `/v1/requests/${rid}/actions`, { action })).status,
        ).toBe(200)
      }
      // Consultation is an exchange of messages (40(27)).
      expect(
        (
          await xboApprover.call('POST', `/v1/requests/${rid}/actions`, {
            action: 'consult',
            reasons: 'Can the period be narrowed to April?',
          })
        ).body.state,
      ).toBe('consulting')
      await eventually(
        async () =>
          (await xarApprover.call('GET', `/v1/requests/${rid}`)).body.state === 'consulting',
      )
      expect(
        (
          await xarApprover.call('POST', `/v1/requests/${rid}/actions`, {
            action: 'answer-consultation',
            reasons: 'Yes, April 2027 suffices.',
          })
        ).status,
      ).toBe(200)
      await eventually(async () =>
        (await xboApprover.call('GET', `/v1/requests/${rid}`)).body.history.transitions.some(
          (t: { action: string }) => t.action.startsWith('consultation'),
        ),
      )

      // Evidence: streamed, hashed, listed.
      const evidence = Buffer.from('login records, April 2027 (fictional)\n'.repeat(1000))
      const up = await fetch(`${xboApprover.url}/v1/requests/${rid}/attachments`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await sessionToken(fed, 'XBO', 'approver')}`,
          'content-type': 'application/octet-stream',
          'x-file-name': 'records-april.txt',
          'x-media-type': 'text/plain',
        },
        body: evidence,
      })
      expect(up.status).toBe(201)
      const att = (await up.json()) as { sha256: string; size: number; id: string }
      expect(att.sha256).toBe(createHash('sha256').update(evidence).digest('hex'))
      expect(att.size).toBe(evidence.length)

      const partial = await xboApprover.call('POST', `/v1/requests/${rid}/actions`, {
        action: 'partially-execute',
        reasons: 'Records before April were deleted.',
      })
      expect(partial.body.state).toBe('partially-executed')
      // The requesting side learns of the evidence from the signed status message, then fetches and checks it.
      const announced = await eventually(async () => {
        const r = await xarApprover.call('GET', `/v1/requests/${rid}`)
        return r.body.history.attachments.length === 1 && r.body.history.attachments[0]
      })
      expect(announced).toMatchObject({ id: att.id, sha256: att.sha256, fetched: false })
      const fetched = await xarApprover.call(
        'POST',
        `/v1/requests/${rid}/attachments/${att.id}/fetch`,
      )
      expect(fetched.body).toMatchObject({
        sha256: att.sha256,
        size: evidence.length,
        fetched: true,
      })
      const copy = await fetch(`${xarApprover.url}/v1/requests/${rid}/attachments/${att.id}`, {
        headers: { authorization: `Bearer ${await sessionToken(fed, 'XAR', 'approver')}` },
      })
      expect(Buffer.from(await copy.arrayBuffer()).equals(evidence)).toBe(true)
      // Only the requesting State, with a token signed by its registered key, may fetch it.
      const xbo = fed.nodes.get('XBO')!.url
      expect((await fetch(`${xbo}/v1/federation/evidence/${rid}/${att.id}`)).status).toBe(401)
      const forged = await fetch(`${xbo}/v1/federation/evidence/${rid}/${att.id}`, {
        headers: { authorization: 'Rogatory e30.e30.x' },
      })
      expect(forged.status).toBe(401)

      const closed = await xboApprover.call('POST', `/v1/requests/${rid}/actions`, {
        action: 'close',
      })
      expect(closed.body.state).toBe('closed')
      const final = await eventually(async () => {
        const r = await xarApprover.call('GET', `/v1/requests/${rid}`)
        return r.body.state === 'closed' && r.body
      })
      const path = final.history.transitions.map((t: { to_state: string }) => t.to_state)
      expect(path).toEqual([
        'draft',
        'approved',
        'sent',
        'delivered',
        'acknowledged',
        'under-review',
        'consulting',
        'consulting',
        'partially-executed',
        'closed',
      ])
      // Every message this node sent holds a receipt, and none is in alert.
      const out = await xarRt.store.db
        .selectFrom('outbox')
        .selectAll()
        .where('request_id', '=', rid)
        .execute()
      expect(out.every((m) => m.delivered_at && m.receipt && !m.alert)).toBe(true)
      // Exactly once: one inbox row per message on the receiving side.
      const xboInbox = await fed.nodes
        .get('XBO')!
        .runtime.store.db.selectFrom('inbox')
        .select('message_id')
        .where('request_id', '=', rid)
        .execute()
      expect(new Set(xboInbox.map((r) => r.message_id)).size).toBe(xboInbox.length)
    }, 60_000)

    it('refuses a transition a role may not make, and changes nothing', async () => {
      const d = await xarDrafter.call('POST', '/v1/requests', { request: mla() })
      const r = await xarDrafter.call('POST', `/v1/requests/${d.body.id}/actions`, {
        action: 'approve',
      })
      expect(r.status).toBe(403)
      expect(r.body.error.code).toBe('ERR_FORBIDDEN_ROLE')
      expect((await xarDrafter.call('GET', `/v1/requests/${d.body.id}`)).body.state).toBe('draft')
      const refuse = await xboApprover.call('POST', `/v1/requests/${d.body.id}/actions`, {
        action: 'refuse',
        reasons: 'x',
      })
      expect(refuse.body.error.code).toBe('ERR_REQUEST_NOT_FOUND')
    })

    it('requires reasons to refuse (Art 40(24)) and names the field', async () => {
      const d = await xarDrafter.call('POST', '/v1/requests', { request: mla() })
      await xarApprover.call('POST', `/v1/requests/${d.body.id}/actions`, { action: 'approve' })
      await xarApprover.call('POST', `/v1/requests/${d.body.id}/actions`, { action: 'send' })
      await eventually(
        async () => (await xboApprover.call('GET', `/v1/requests/${d.body.id}`)).status === 200,
      )
      await xboApprover.call('POST', `/v1/requests/${d.body.id}/actions`, { action: 'acknowledge' })
      await xboApprover.call('POST', `/v1/requests/${d.body.id}/actions`, { action: 'review' })
      const r = await xboApprover.call('POST', `/v1/requests/${d.body.id}/actions`, {
        action: 'refuse',
      })
      expect(r.status).toBe(400)
      expect(r.body.error).toMatchObject({ code: 'ERR_INPUT_INVALID', path: 'reasons' })
      const ok = await xboApprover.call('POST', `/v1/requests/${d.body.id}/actions`, {
        action: 'refuse',
        reasons: 'Execution would prejudice ordre public (40(21)(b)).',
      })
      expect(ok.body.state).toBe('refused')
      await eventually(
        async () =>
          (await xarApprover.call('GET', `/v1/requests/${d.body.id}`)).body.state === 'refused',
      )
    }, 30_000)
  })
}
