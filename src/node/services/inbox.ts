/**
 * @module node/services/inbox
 *
 * Receiving a message from another node. The envelope is verified first
 * (envelope/open: fails closed); then, in one transaction, the message id
 * is recorded, its effect applied and the receipt stored. The receiver is
 * idempotent by message id: the same envelope again gets the same receipt
 * and changes nothing; a different envelope under a known id is a replay.
 */
import { sql } from 'kysely'
import { z } from 'zod'
import { open } from '../../envelope/open.js'
import { signReceipt } from '../../envelope/receipt.js'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { MAX_MANIFEST_CHARS } from '../../evidence/manifest.js'
import { fromZodError } from '../../lib/zod-error.js'
import { isDecision, STATUS_FROM_PEER } from '../../lifecycle/lifecycle.js'
import { isoDate } from '../../registry/schema.js'
import { PROFILES } from '../../treaty/profile.js'
import { findingsSchema, requestSchema } from '../../treaty/question-schema.js'
import { useRestrictionsSchema } from '../../treaty/use/restrictions.js'
import { decryptionKeys, type NodeRuntime, nowIso, nowSeconds, signer } from '../runtime.js'
import { receiveConsentMessage } from './consents.js'
import { acceptPackage, keepRestrictions } from './evidence-packages.js'
import { CONFIDENTIALITY_BASES } from './notices.js'
import { screen } from './requests.js'
import { type RequestFacts, recordTransition } from './transitions.js'

const requestPayload = z.strictObject({
  request: requestSchema,
  profile: z.enum(PROFILES),
  responseDue: z.string().nullable(),
  followUpOf: z.uuid().nullable().optional(),
  /** The requesting State requires confidentiality (40(20), 42(2)(g)) until at least this review date. */
  confidential: z
    .strictObject({ basis: z.enum(CONFIDENTIALITY_BASES), reviewOn: isoDate })
    .nullable()
    .optional(),
})
const statusPayload = z.strictObject({
  state: z.string(),
  action: z.string(),
  reasons: z.string().nullable(),
  note: z.string().nullable(),
  evidence: z
    .array(
      z.strictObject({
        id: z.uuid(),
        name: z.string().min(1).max(200),
        mediaType: z.string().max(200),
        size: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(1000)
    .optional(),
  restrictions: useRestrictionsSchema.optional(),
  package: z.string().max(MAX_MANIFEST_CHARS).optional(),
})

export interface Received {
  readonly receipt: string
  readonly duplicate: boolean
}

export async function receive(rt: NodeRuntime, envelope: unknown): Promise<Received> {
  if (typeof envelope !== 'string')
    throw new RogatoryError('ERR_ENVELOPE_MALFORMED', 'the body must be a compact JWE')
  await rt.snapshot.refreshIfStale(30_000)
  const openWith = () =>
    open(envelope, {
      self: rt.settings.state,
      decryptionKeys: decryptionKeys(rt),
      directory: rt.snapshot.directory,
      now: nowSeconds(rt),
    })
  const opened = await openWith().catch(async (e) => {
    // A signer enrolled or rotated since our last snapshot: fetch the newest once, then decide.
    if (e instanceof RogatoryError && e.code === 'ERR_ENVELOPE_UNKNOWN_KID') {
      await rt.snapshot.refreshIfStale(0)
      return openWith()
    }
    throw e
  })
  const { headers: h } = opened
  const seen = await rt.store.db
    .selectFrom('inbox')
    .select(['message_hash', 'receipt'])
    .where('message_id', '=', h.jti)
    .executeTakeFirst()
  if (seen) {
    if (seen.message_hash === opened.messageHash) return { receipt: seen.receipt, duplicate: true }
    throw new RogatoryError('ERR_ENVELOPE_REPLAYED', `message id ${h.jti}`)
  }
  const at = nowIso(rt)
  const receipt = await signReceipt(
    {
      mid: h.jti,
      hash: opened.messageHash,
      rcv: rt.settings.state,
      snd: h.iss,
      at,
      checkpoint: rt.log.checkpoint,
    },
    signer(rt),
  )
  try {
    await rt.store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('inbox')
        .values({
          message_id: h.jti,
          sender: h.iss,
          request_id: h.rid,
          kind: h.mty,
          message_hash: opened.messageHash,
          payload: JSON.stringify(opened.payload),
          receipt,
          received_at: at,
        })
        .execute()
      await apply(rt, trx, h, opened.payload, at, opened.messageHash)
    })
  } catch (e) {
    // A concurrent delivery of the same message won the race: answer as it did.
    const again = await rt.store.db
      .selectFrom('inbox')
      .select(['message_hash', 'receipt'])
      .where('message_id', '=', h.jti)
      .executeTakeFirst()
    if (again && again.message_hash === opened.messageHash)
      return { receipt: again.receipt, duplicate: true }
    throw e
  }
  return { receipt, duplicate: false }
}

async function apply(
  rt: NodeRuntime,
  trx: import('kysely').Transaction<import('../../store/schema.js').Database>,
  h: { iss: string; rid: string; mty: string; jti: string },
  payload: unknown,
  at: string,
  messageHash: string,
): Promise<void> {
  const transition = (
    from: string | null,
    to: string,
    action: string,
    detail: unknown,
    facts?: RequestFacts,
  ) =>
    recordTransition(
      trx,
      rt.settings.state,
      {
        request_id: h.rid,
        from_state: from,
        to_state: to,
        action,
        actor: h.iss,
        actor_role: 'peer',
        detail: JSON.stringify({ ...(detail as object), messageId: h.jti }),
        at,
      },
      { id: h.jti, hash: messageHash },
      facts,
    )

  if (h.mty === 'request') {
    const p = requestPayload.safeParse(payload)
    if (!p.success) throw fromZodError('ERR_ENVELOPE_MALFORMED', p.error, 'payload')
    const { request, profile, responseDue, followUpOf, confidential } = p.data
    if (request.from !== h.iss || request.to !== rt.settings.state) {
      throw new RogatoryError(
        'ERR_ENVELOPE_MALFORMED',
        'the request names other States than the envelope',
      )
    }
    const exists = await trx
      .selectFrom('requests')
      .select('id')
      .where('id', '=', h.rid)
      .executeTakeFirst()
    if (exists) throw new RogatoryError('ERR_ENVELOPE_REPLAYED', `request ${h.rid} already exists`)
    const findings = findingsSchema.parse({})
    // The requested side screens on arrival, under its own profile.
    const screening = screen(rt, request, findings, rt.settings.profile)
    await trx
      .insertInto('requests')
      .values({
        id: h.rid,
        direction: 'incoming',
        from_state: h.iss,
        to_state: rt.settings.state,
        type: request.type,
        state: 'received',
        profile: rt.settings.profile,
        body: JSON.stringify({ request, findings }),
        screening: JSON.stringify(screening),
        created_by: h.iss,
        created_at: at,
        updated_at: at,
        response_due: responseDue,
        sent_at: at,
        decided_at: null,
        follow_up_of: followUpOf ?? null,
        version: 0,
      })
      .execute()
    if (confidential)
      await trx
        .insertInto('confidentiality')
        .values({
          request_id: h.rid,
          basis: confidential.basis,
          review_on: confidential.reviewOn,
          persons: '[]',
          set_at: at,
          ended_at: null,
        })
        .execute()
    await transition(
      null,
      'received',
      'receive',
      { requestedProfile: profile, outcome: screening.outcome },
      {
        type: request.type,
        direction: 'incoming',
        from_state: h.iss,
        to_state: rt.settings.state,
        profile: rt.settings.profile,
        screening: JSON.stringify(screening),
        follow_up_of: followUpOf ?? null,
      },
    )
    return
  }

  const row = await trx
    .selectFrom('requests')
    .selectAll()
    .where('id', '=', h.rid)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new RogatoryError('ERR_REQUEST_NOT_FOUND', `no request ${h.rid}`)
  const peer = row.direction === 'outgoing' ? row.to_state : row.from_state
  if (peer !== h.iss)
    throw new RogatoryError(
      'ERR_ENVELOPE_SIGNATURE_INVALID',
      `${h.iss} is not party to request ${h.rid}`,
    )
  if (h.mty === 'consent-request' || h.mty === 'consent' || h.mty === 'use-notice') {
    await receiveConsentMessage(rt, trx, h, row.direction, payload, at)
    return
  }
  const s = statusPayload.safeParse(payload)
  if (!s.success) throw fromZodError('ERR_ENVELOPE_MALFORMED', s.error, 'payload')
  let next = row.state
  if (
    h.mty === 'status' &&
    row.direction === 'outgoing' &&
    STATUS_FROM_PEER.has(s.data.state as never)
  )
    next = s.data.state
  if (h.mty === 'consultation' && row.direction === 'outgoing') next = 'consulting'
  if (h.mty === 'withdrawal' && row.direction === 'incoming') next = 'withdrawn'
  // Evidence announced by the requested State in a signed manifest: recorded now (no file yet), fetched on demand and checked against the hash.
  let announced = s.data.evidence
  if (row.direction === 'outgoing' && s.data.package) {
    announced = (await acceptPackage(rt, trx, h, s.data.package, at)).files
  } else if (row.direction === 'outgoing' && s.data.restrictions) {
    await keepRestrictions(trx, h.rid, s.data.restrictions, at)
  }
  if (row.direction === 'outgoing' && announced) {
    for (const e of announced) {
      await trx
        .insertInto('attachments')
        .values({
          id: e.id,
          request_id: h.rid,
          name: e.name,
          media_type: e.mediaType,
          size: e.size,
          sha256: e.sha256,
          path: '',
          created_at: at,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute()
    }
  }
  const decided = next !== row.state && isDecision(next)
  await trx
    .updateTable('requests')
    .set({
      state: next,
      updated_at: at,
      version: sql`version + 1`,
      ...(decided ? { decided_at: at } : {}),
    })
    .where('id', '=', h.rid)
    .execute()
  await transition(
    row.state,
    next,
    `${h.mty}:${s.data.action}`,
    { reasons: s.data.reasons, note: s.data.note },
    row,
  )
}
