/** Deadlines: the emergency target and follow-up, preservation periods from the engine, overdue and alert filters. */
import { beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../src/lib/iso-date.js'
import { FULL_MLA_FIELDS, mlaDraft, PRESERVATION_FIELDS } from '../helpers.js'
import { BACKENDS } from '../support/backends.js'
import { eventually, type Session, signInAs, useFederation } from '../support/federation.js'

for (const backend of BACKENDS) {
  describe(`deadlines on ${backend.name}`, () => {
    const fed = useFederation(backend, ['XAR', 'XBO'])
    let xboDesk: Session
    let xarDesk: Session
    beforeAll(async () => {
      ;[xboDesk, xarDesk] = await Promise.all([
        signInAs(fed(), 'XBO', 'desk247'),
        signInAs(fed(), 'XAR', 'desk247'),
      ])
    })

    const sendFrom = async (s: Session, request: unknown, extra: Record<string, unknown> = {}) => {
      const d = await s.call('POST', '/v1/requests', { request, ...extra })
      expect(d.status).toBe(201)
      await s.call('POST', `/v1/requests/${d.body.id}/actions`, { action: 'approve' })
      const sent = await s.call('POST', `/v1/requests/${d.body.id}/actions`, { action: 'send' })
      expect(sent.body.state).toBe('sent')
      return sent.body
    }

    it('an emergency disclosure carries the 8-hour target, and its formal follow-up is checked', async () => {
      const emergency = {
        type: 'emergency-disclosure',
        to: 'XAR',
        offence: 'XBO-CC-20',
        conduct: ['csam'],
        language: 'en',
        channel: '24/7',
        urgent: true,
        fields: {
          requestingAuthority: '24/7 desk',
          factsSummary: 'A child is missing (invented case).',
          assistanceSought: 'Last login IP addresses.',
        },
      }
      const sent = await sendFrom(xboDesk, emergency)
      const hours = (Date.parse(sent.responseDue) - Date.now()) / 3_600_000
      expect(hours).toBeGreaterThan(7.9)
      expect(hours).toBeLessThanOrEqual(8)
      expect(sent.deadlines.followUpDue).not.toBeNull()
      const incoming = await eventually(async () => {
        const r = await xarDesk.call('GET', `/v1/requests/${sent.id}`)
        return r.status === 200 && r.body
      })
      expect(incoming.responseDue).toBe(sent.responseDue)

      // Thirty-one days later, with no formal request yet: overdue on the requesting side.
      const db = fed().nodes.get('XBO')!.runtime.store.db
      await db
        .updateTable('requests')
        .set({ sent_at: new Date(Date.now() - 31 * 86_400_000).toISOString() })
        .where('id', '=', sent.id)
        .execute()
      const overdue = await xboDesk.call('GET', '/v1/requests?overdue=true')
      expect(overdue.body.requests.map((r: { id: string }) => r.id)).toContain(sent.id)
      // The formal MLA request follows it up.
      const mla = {
        type: 'mla',
        to: 'XAR',
        offence: 'XBO-CC-20',
        conduct: ['csam'],
        language: 'en',
        fields: FULL_MLA_FIELDS,
      }
      const followUp = await sendFrom(xboDesk, mla, { followUpOf: sent.id })
      expect(followUp.followUpOf).toBe(sent.id)
      const after = await xboDesk.call('GET', `/v1/requests/${sent.id}`)
      expect(after.body.deadlines).toMatchObject({ followedUp: true, followUpOverdue: false })
      expect(after.body.overdue).toBe(false)
      // A follow-up must answer a request this node sent to the same State.
      const bad = await xboDesk.call('POST', '/v1/requests', {
        request: { ...mla, to: 'XAR' },
        followUpOf: followUp.id,
      })
      expect(bad.body.error).toMatchObject({ code: 'ERR_INPUT_INVALID', path: 'body.followUpOf' })
    }, 30_000)

    it('a preservation runs for the profile’s period once executed, and until the decision once the MLA request arrives', async () => {
      const preservation = {
        type: 'preservation',
        to: 'XBO',
        offence: 'XAR-PC-302',
        conduct: ['computer-fraud'],
        language: 'en',
        channel: '24/7',
        fields: PRESERVATION_FIELDS,
      }
      const sent = await sendFrom(xarDesk, preservation)
      await eventually(
        async () => (await xboDesk.call('GET', `/v1/requests/${sent.id}`)).status === 200,
      )
      for (const action of ['acknowledge', 'review', 'execute']) {
        expect(
          (await xboDesk.call('POST', `/v1/requests/${sent.id}/actions`, { action })).status,
        ).toBe(200)
      }
      const today = new Date().toISOString().slice(0, 10)
      const atXbo = await xboDesk.call('GET', `/v1/requests/${sent.id}`)
      // adopted-2024: at least 60 days (Art 42; Budapest 29(7)).
      expect(atXbo.body.deadlines.preservation).toMatchObject({
        from: today,
        until: addDays(today, 60),
        kind: 'minimum',
      })
      const atXar = await eventually(async () => {
        const r = await xarDesk.call('GET', `/v1/requests/${sent.id}`)
        return r.body.state === 'executed' && r.body
      })
      expect(atXar.deadlines.preservation.until).toBe(addDays(today, 60))
      // Art 42(7): the requested State extends it; under the adopted text the minimum stays 60 days.
      const extended = await xboDesk.call('POST', `/v1/requests/${sent.id}/actions`, {
        action: 'extend-preservation',
      })
      expect(extended.status).toBe(200)
      expect(extended.body.deadlines.preservation.until).toBe(addDays(today, 60))
      await eventually(async () =>
        (await xarDesk.call('GET', `/v1/requests/${sent.id}`)).body.history.transitions.some(
          (t: { action: string }) => t.action === 'status:extend-preservation',
        ),
      )
      await sendFrom(
        xarDesk,
        { ...preservation, type: 'mla', fields: FULL_MLA_FIELDS },
        { followUpOf: sent.id },
      )
      const pending = await xarDesk.call('GET', `/v1/requests/${sent.id}`)
      expect(pending.body.deadlines.preservation.until).toBeNull()
      await eventually(
        async () =>
          (await xboDesk.call('GET', `/v1/requests/${sent.id}`)).body.deadlines.preservation
            .until === null,
      )
    }, 30_000)

    it('lists messages past their delivery deadline as alerts', async () => {
      const rt = fed().nodes.get('XAR')!.runtime
      const d = await xarDesk.call('POST', '/v1/requests', {
        request: mlaDraft(),
      })
      await rt.store.db
        .insertInto('outbox')
        .values({
          message_id: crypto.randomUUID(),
          request_id: d.body.id,
          recipient: 'XBO',
          kind: 'status',
          envelope: 'x',
          created_at: '2027-01-01T00:00:00Z',
          next_attempt_at: '2999-01-01T00:00:00Z',
          attempts: 9,
          delivered_at: null,
          receipt: null,
          last_error: 'XBO answered 503',
          alert: true,
          deliver_by: '2027-01-01T00:15:00Z',
        })
        .execute()
      const alerts = await xarDesk.call('GET', '/v1/requests?alerts=true')
      expect(alerts.body.requests.map((r: { id: string }) => r.id)).toEqual([d.body.id])
    })
  })
}

describe('the requested State’s own assessment', () => {
  const backend = BACKENDS[0]!
  const fed = useFederation(backend, ['XAR', 'XBO'])

  it('records findings, re-screens under its profile, and compares the three texts', async () => {
    const xar = await signInAs(fed(), 'XAR', 'approver')
    const xbo = await signInAs(fed(), 'XBO', 'approver')
    const d = await xar.call('POST', '/v1/requests', {
      request: {
        type: 'mla',
        to: 'XBO',
        offence: 'XAR-PC-305',
        conduct: ['misuse-of-devices'],
        language: 'en',
        fields: FULL_MLA_FIELDS,
      },
    })
    await xar.call('POST', `/v1/requests/${d.body.id}/actions`, { action: 'approve' })
    await xar.call('POST', `/v1/requests/${d.body.id}/actions`, { action: 'send' })
    const incoming = await eventually(async () => {
      const r = await xbo.call('GET', `/v1/requests/${d.body.id}`)
      return r.status === 200 && r.body
    })
    expect(incoming.screening.grounds.map((g: { code: string }) => g.code)).toEqual([
      'no-dual-criminality',
    ])
    const f = await xbo.call('PUT', `/v1/requests/${d.body.id}/findings`, {
      politicalOffence: true,
      discriminationGrounds: ['political-opinion'],
    })
    expect(f.status).toBe(200)
    expect(f.body.screening.grounds.map((g: { code: string }) => g.code).sort()).toEqual([
      'discrimination',
      'no-dual-criminality',
    ])
    const bad = await xbo.call('PUT', `/v1/requests/${d.body.id}/findings`, {
      politicalOfence: true,
    })
    expect(bad.body.error).toMatchObject({
      code: 'ERR_INPUT_INVALID',
      path: 'body.findings.politicalOfence',
    })
    const own = await xar.call('PUT', `/v1/requests/${d.body.id}/findings`, { deMinimis: true })
    expect(own.body.error.code).toBe('ERR_TRANSITION_NOT_ALLOWED')
    const cmp = await xbo.call('GET', `/v1/requests/${d.body.id}/compare`)
    expect(cmp.body['ohchr-2023'].outcome).toBe('must-refuse')
    expect(cmp.body['zero-draft-2023'].outcome).toBe('may-refuse')
  })
})
