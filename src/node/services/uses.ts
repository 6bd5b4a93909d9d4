/**
 * @module node/services/uses
 *
 * Using, disclosing or passing on what a request brought, checked against
 * the restrictions it came with (treaty/use). Every decision — allowed,
 * allowed with notice, refused — is kept with its rule and citations and
 * committed to the log (the description only as a salted hash). A refused
 * use answers ERR_USE_RESTRICTED after its refusal is recorded. An
 * exculpatory disclosure sends the notice 40(19) requires before it.
 * Consents travel as signed messages: asked by the State that holds the
 * information, answered by the State that furnished it.
 */
import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { fromZodError } from '../../lib/zod-error.js'
import { readJson } from '../../store/json-column.js'
import type { Database } from '../../store/schema.js'
import type { ProfileId } from '../../treaty/profile.js'
import { type ConsentFact, decideUse, type UseDecision } from '../../treaty/use/decide-use.js'
import {
  DEFAULT_RESTRICTIONS,
  type ProposedUse,
  proposedUseSchema,
  type UseRestriction,
  useRestrictionsSchema,
} from '../../treaty/use/restrictions.js'
import { type NodeRuntime, nowIso } from '../runtime.js'
import { insertConsent } from './consents.js'
import { commit, saltedHash } from './log-commitments.js'
import { enqueue } from './outbox.js'
import { getRequest, type RequestView } from './requests.js'
import { firstRole, type User } from './users.js'

function parseUse(input: unknown): ProposedUse {
  const p = proposedUseSchema.safeParse(input)
  if (!p.success) throw fromZodError('ERR_INPUT_INVALID', p.error, 'body')
  return p.data
}

/** The restrictions this node holds the request's information under. */
async function restrictionsFor(rt: NodeRuntime, req: RequestView): Promise<UseRestriction[]> {
  if (req.direction === 'incoming') {
    const c = await rt.store.db
      .selectFrom('confidentiality')
      .select(['ended_at'])
      .where('request_id', '=', req.id)
      .executeTakeFirst()
    return c && c.ended_at === null ? [{ kind: 'confidentiality', cite: '40(20)' }] : []
  }
  const row = await rt.store.db
    .selectFrom('use_restrictions')
    .select('restrictions')
    .where('request_id', '=', req.id)
    .executeTakeFirst()
  return row ? useRestrictionsSchema.parse(readJson(row.restrictions)) : [...DEFAULT_RESTRICTIONS]
}

async function consentFact(
  rt: NodeRuntime,
  rid: string,
  id: string | null,
): Promise<ConsentFact | null> {
  if (!id) return null
  const c = await rt.store.db
    .selectFrom('consents')
    .selectAll()
    .where('id', '=', id)
    .where('request_id', '=', rid)
    .where('kind', '=', 'consent')
    .executeTakeFirst()
  if (!c)
    throw new RogatoryError('ERR_INPUT_INVALID', `no consent ${id} on request ${rid}`, {
      path: 'consentId',
    })
  const use = readJson<ProposedUse>(c.use)
  return { kind: use.kind, recipient: use.recipient ?? null, granted: c.status === 'granted' }
}

export interface RecordedDecision extends UseDecision {
  readonly id: number
  readonly use: ProposedUse
  readonly at: string
}

/** Decide a proposed use, record the decision (and any notice), and refuse with ERR_USE_RESTRICTED. */
export async function decide(
  rt: NodeRuntime,
  user: User,
  rid: string,
  input: unknown,
): Promise<RecordedDecision> {
  const role = firstRole(user, ['drafter', 'approver', 'desk247'])
  const use = parseUse(input)
  const req = await getRequest(rt, rid)
  const other = req.direction === 'outgoing' ? req.to : req.from
  const at = nowIso(rt)
  const decision = decideUse(
    {
      side: req.direction === 'outgoing' ? 'received' : 'held',
      other,
      self: rt.settings.state,
      restrictions: await restrictionsFor(rt, req),
      consent: await consentFact(rt, rid, use.consentId),
      use,
    },
    {
      profile: req.profile as ProfileId,
      asOf: rt.settings.treatyDate ?? at.slice(0, 10),
      registry: rt.snapshot.registry,
    },
  )
  const salted = saltedHash(use.description)
  const id = await rt.store.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('use_decisions')
      .values({
        request_id: rid,
        use: JSON.stringify({ ...use, salt: salted.salt }),
        outcome: decision.outcome,
        rule: decision.rule,
        cites: JSON.stringify(decision.cites),
        reason: decision.reason,
        actor: user.username,
        actor_role: role,
        at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await commit(trx, {
      event: 'use-decision',
      node: rt.settings.state,
      rid,
      at,
      kind: use.kind,
      purpose: use.purpose,
      ...(use.recipient ? { recipient: use.recipient } : {}),
      exculpatory: use.exculpatory,
      outcome: decision.outcome,
      rule: decision.rule,
      cites: decision.cites.map((c) => c.cite),
      role,
      dhash: salted.hash,
    })
    if (decision.notify) await sendNotice(rt, trx, rid, other, use, at)
    return row.id
  })
  rt.wake()
  const recorded = { ...decision, id, use, at }
  if (decision.outcome === 'refused')
    throw new RogatoryError(
      'ERR_USE_RESTRICTED',
      `refused by ${decision.rule} (Art ${decision.cites.map((c) => c.cite).join(', ')}): ${decision.reason}; decision ${id} is logged`,
    )
  return recorded
}

/** 40(19): notify the furnishing State before an exculpatory disclosure. */
async function sendNotice(
  rt: NodeRuntime,
  trx: Transaction<Database>,
  rid: string,
  other: string,
  use: ProposedUse,
  at: string,
) {
  const id = randomUUID()
  await insertConsent(trx, { id, rid, side: 'asked', kind: 'notice', use, status: 'notified', at })
  await enqueue(rt, trx, {
    recipient: other,
    requestId: rid,
    kind: 'use-notice',
    payload: { consentId: id, use: { ...use, consentId: null }, cites: ['40(19)'] },
  })
}

export async function listDecisions(rt: NodeRuntime, rid: string) {
  const rows = await rt.store.db
    .selectFrom('use_decisions')
    .selectAll()
    .where('request_id', '=', rid)
    .orderBy('id')
    .execute()
  return rows.map((r) => {
    const { salt: _salt, ...use } = readJson<ProposedUse & { salt: string }>(r.use)
    return { ...r, use, cites: readJson(r.cites) }
  })
}
