/**
 * @module node/services/consents
 *
 * Prior consent (40(19)) and prior written authorisation (36(3)) as signed
 * messages. The State holding the information asks; the State that
 * furnished it grants or refuses, with reasons. A signed, logged message
 * is the written form. Each step is committed to both logs.
 */
import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import { z } from 'zod'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { fromZodError } from '../../lib/zod-error.js'
import { readJson } from '../../store/json-column.js'
import type { Database } from '../../store/schema.js'
import { proposedUseSchema } from '../../treaty/use/restrictions.js'
import { type NodeRuntime, nowIso } from '../runtime.js'
import { commit } from './log-commitments.js'
import { enqueue } from './outbox.js'
import { getRequest } from './requests.js'
import { firstRole, type User } from './users.js'

const consentRequestPayload = z.strictObject({
  consentId: z.uuid(),
  use: proposedUseSchema,
  cites: z.array(z.string().max(20)).max(5),
})
const consentAnswerPayload = z.strictObject({
  consentId: z.uuid(),
  granted: z.boolean(),
  reasons: z.string().max(20_000).nullable(),
})

const citesFor = (kind: string) => (kind === 'transfer' ? ['36(3)'] : ['40(19)'])

/** The requesting State asks the State that furnished the information for consent to a use. */
export async function askConsent(rt: NodeRuntime, user: User, rid: string, input: unknown) {
  const role = firstRole(user, ['approver'])
  const p = proposedUseSchema.safeParse(input)
  if (!p.success) throw fromZodError('ERR_INPUT_INVALID', p.error, 'body')
  const req = await getRequest(rt, rid)
  if (req.direction !== 'outgoing')
    throw new RogatoryError(
      'ERR_TRANSITION_NOT_ALLOWED',
      'consent is asked of the State that furnished the information',
    )
  const id = randomUUID()
  const at = nowIso(rt)
  const use = { ...p.data, consentId: null }
  await rt.store.db.transaction().execute(async (trx) => {
    await insertConsent(trx, {
      id,
      rid,
      side: 'asked',
      kind: 'consent',
      use,
      status: 'pending',
      at,
    })
    await commit(trx, {
      event: 'consent',
      node: rt.settings.state,
      rid,
      at,
      cid: id,
      status: 'asked',
      role,
      kind: use.kind,
    })
    await enqueue(rt, trx, {
      recipient: req.to,
      requestId: rid,
      kind: 'consent-request',
      payload: { consentId: id, use, cites: citesFor(use.kind) },
    })
  })
  rt.wake()
  return { id, status: 'pending' as const }
}

/** The requested State answers a consent request. */
export async function answerConsent(
  rt: NodeRuntime,
  user: User,
  rid: string,
  cid: string,
  input: { granted?: unknown; reasons?: unknown },
) {
  const role = firstRole(user, ['approver'])
  if (typeof input.granted !== 'boolean')
    throw new RogatoryError('ERR_INPUT_INVALID', 'granted must be true or false', {
      path: 'granted',
    })
  const reasons = typeof input.reasons === 'string' && input.reasons.trim() ? input.reasons : null
  if (!input.granted && !reasons)
    throw new RogatoryError('ERR_INPUT_INVALID', 'a refusal of consent gives reasons', {
      path: 'reasons',
    })
  const req = await getRequest(rt, rid)
  const at = nowIso(rt)
  const status = input.granted ? 'granted' : 'refused'
  await rt.store.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('consents')
      .set({ status, reasons, answered_at: at })
      .where('id', '=', cid)
      .where('request_id', '=', rid)
      .where('side', '=', 'given')
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (Number(res.numUpdatedRows) !== 1)
      throw new RogatoryError(
        'ERR_REQUEST_NOT_FOUND',
        `no pending consent request ${cid} on ${rid}`,
      )
    await commit(trx, { event: 'consent', node: rt.settings.state, rid, at, cid, status, role })
    await enqueue(rt, trx, {
      recipient: req.from,
      requestId: rid,
      kind: 'consent',
      payload: { consentId: cid, granted: input.granted, reasons },
    })
  })
  rt.wake()
  return { id: cid, status }
}

/** Inbox: a consent request, a consent answer or a use notice from the peer (already verified). */
export async function receiveConsentMessage(
  rt: NodeRuntime,
  trx: Transaction<Database>,
  h: { mty: string; rid: string },
  direction: 'outgoing' | 'incoming',
  payload: unknown,
  at: string,
): Promise<void> {
  const malformed = (e: z.ZodError) => fromZodError('ERR_ENVELOPE_MALFORMED', e, 'payload')
  if (h.mty === 'consent') {
    const p = consentAnswerPayload.safeParse(payload)
    if (!p.success) throw malformed(p.error)
    if (direction !== 'outgoing')
      throw new RogatoryError('ERR_ENVELOPE_MALFORMED', 'a consent answers the requesting State')
    const status = p.data.granted ? 'granted' : 'refused'
    const res = await trx
      .updateTable('consents')
      .set({ status, reasons: p.data.reasons, answered_at: at })
      .where('id', '=', p.data.consentId)
      .where('request_id', '=', h.rid)
      .where('side', '=', 'asked')
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (Number(res.numUpdatedRows) !== 1)
      throw new RogatoryError('ERR_ENVELOPE_MALFORMED', `no pending consent ${p.data.consentId}`)
    await commit(trx, {
      event: 'consent',
      node: rt.settings.state,
      rid: h.rid,
      at,
      cid: p.data.consentId,
      status: `${status}-received`,
      role: 'peer',
    })
    return
  }
  const p = consentRequestPayload.safeParse(payload)
  if (!p.success) throw malformed(p.error)
  if (direction !== 'incoming')
    throw new RogatoryError('ERR_ENVELOPE_MALFORMED', 'consent is asked of the requested State')
  const notice = h.mty === 'use-notice'
  await insertConsent(trx, {
    id: p.data.consentId,
    rid: h.rid,
    side: 'given',
    kind: notice ? 'notice' : 'consent',
    use: p.data.use,
    status: notice ? 'notified' : 'pending',
    at,
  })
  await commit(trx, {
    event: 'consent',
    node: rt.settings.state,
    rid: h.rid,
    at,
    cid: p.data.consentId,
    status: notice ? 'notified' : 'asked',
    role: 'peer',
    kind: p.data.use.kind,
  })
}

export async function listConsents(rt: NodeRuntime, rid: string) {
  const rows = await rt.store.db
    .selectFrom('consents')
    .selectAll()
    .where('request_id', '=', rid)
    .orderBy('asked_at')
    .execute()
  return rows.map((r) => ({ ...r, use: readJson(r.use) }))
}

/** Record a consent request or a notice (both sides use the same row shape). */
export async function insertConsent(
  trx: Transaction<Database>,
  c: {
    id: string
    rid: string
    side: 'asked' | 'given'
    kind: 'consent' | 'notice'
    use: unknown
    status: 'pending' | 'notified'
    at: string
  },
): Promise<void> {
  await trx
    .insertInto('consents')
    .values({
      id: c.id,
      request_id: c.rid,
      side: c.side,
      kind: c.kind,
      use: JSON.stringify(c.use),
      status: c.status,
      reasons: null,
      asked_at: c.at,
      answered_at: null,
    })
    .execute()
}
