/**
 * @module node/services/notices
 *
 * Confidentiality and notice to the people concerned. A request can be
 * marked confidential (40(20) for MLA, 42(2)(g) for preservation: "not to
 * notify the user") until a review date, with the people concerned it
 * names. The marking travels with the request, so the requested State
 * keeps it too. When the review date passes, confidentiality ends and a
 * notice task is raised for each person, with a template citing the legal
 * basis; the desk sends it or defers it for a reason, until a date. Every
 * step is committed to the log — by id and basis, never the person.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { fromZodError } from '../../lib/zod-error.js'
import { isoDate } from '../../registry/schema.js'
import { readJson } from '../../store/json-column.js'
import type { ProfileId } from '../../treaty/profile.js'
import { citationTrust, findProvision } from '../../treaty/provisions/catalog.js'
import { type NodeRuntime, nowIso } from '../runtime.js'
import { commit, saltedHash } from './log-commitments.js'
import { getRequest } from './requests.js'
import { firstRole, type User } from './users.js'

export const CONFIDENTIALITY_BASES = ['40(20)', '42(2)(g)'] as const

const markingSchema = z.strictObject({
  basis: z.enum(CONFIDENTIALITY_BASES),
  reviewOn: isoDate,
  persons: z.array(z.string().min(1).max(300)).max(100).default([]),
})

const today = (rt: NodeRuntime) => nowIso(rt).slice(0, 10)

/** Mark an outgoing request confidential until a review date (before it is sent, so the marking travels). */
export async function markConfidential(rt: NodeRuntime, user: User, rid: string, input: unknown) {
  const role = firstRole(user, ['drafter', 'approver', 'desk247'])
  const p = markingSchema.safeParse(input)
  if (!p.success) throw fromZodError('ERR_INPUT_INVALID', p.error, 'body')
  const req = await getRequest(rt, rid)
  if (req.direction !== 'outgoing')
    throw new RogatoryError(
      'ERR_TRANSITION_NOT_ALLOWED',
      'the requesting State sets confidentiality',
    )
  const at = nowIso(rt)
  const m = p.data
  await rt.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('confidentiality')
      .values({
        request_id: rid,
        basis: m.basis,
        review_on: m.reviewOn,
        persons: JSON.stringify(m.persons),
        set_at: at,
        ended_at: null,
      })
      .onConflict((oc) =>
        oc.column('request_id').doUpdateSet({
          basis: m.basis,
          review_on: m.reviewOn,
          persons: JSON.stringify(m.persons),
          set_at: at,
          ended_at: null,
        }),
      )
      .execute()
    await commit(trx, {
      event: 'confidentiality',
      node: rt.settings.state,
      rid,
      at,
      basis: m.basis,
      reviewOn: m.reviewOn,
      persons: m.persons.length,
      role,
    })
  })
  return getConfidentiality(rt, rid)
}

export async function getConfidentiality(rt: NodeRuntime, rid: string) {
  const row = await rt.store.db
    .selectFrom('confidentiality')
    .selectAll()
    .where('request_id', '=', rid)
    .executeTakeFirst()
  if (!row) return null
  return {
    basis: row.basis,
    reviewOn: row.review_on,
    persons: readJson<string[]>(row.persons),
    setAt: row.set_at,
    endedAt: row.ended_at,
  }
}

function template(
  o: { person: string; from: string; to: string; type: string; basis: string; reviewOn: string },
  profile: ProfileId,
): string {
  const trust = citationTrust(profile, o.basis)
  const title = findProvision(profile, o.basis)?.title ?? 'confidentiality'
  const mark = trust === 'verified' ? '' : ` [${trust} reading under ${profile}]`
  return [
    `To: ${o.person}`,
    '',
    `The authorities of ${o.from} asked the authorities of ${o.to} for assistance (${o.type}) in a criminal matter in which information about you was sought.`,
    `The request was kept confidential under Article ${o.basis} of the United Nations Convention against Cybercrime (${title})${mark}.`,
    `That confidentiality was reviewed on ${o.reviewOn} and has ended. You are told of the request so that you can seek advice and use the remedies the law of ${o.from} gives you.`,
  ].join('\n')
}

/** Scheduler: end confidentiality past its review date (raising a notice per person), and bring back deferred notices. */
export async function raiseDueNotices(rt: NodeRuntime): Promise<number> {
  const day = today(rt)
  const at = nowIso(rt)
  const due = await rt.store.db
    .selectFrom('confidentiality')
    .innerJoin('requests', 'requests.id', 'confidentiality.request_id')
    .selectAll('confidentiality')
    .select([
      'requests.direction',
      'requests.from_state',
      'requests.to_state',
      'requests.type',
      'requests.profile',
    ])
    .where('confidentiality.ended_at', 'is', null)
    .where('confidentiality.review_on', '<=', day)
    .execute()
  let raised = 0
  for (const c of due) {
    const persons = readJson<string[]>(c.persons)
    await rt.store.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('confidentiality')
        .set({ ended_at: at })
        .where('request_id', '=', c.request_id)
        .where('ended_at', 'is', null)
        .executeTakeFirst()
      if (Number(res.numUpdatedRows) !== 1) return
      await commit(trx, {
        event: 'confidentiality-ended',
        node: rt.settings.state,
        rid: c.request_id,
        at,
        basis: c.basis,
      })
      // Only the requesting State knows the people concerned; the requested State's marking simply ends.
      if (c.direction !== 'outgoing') return
      for (const person of persons) {
        const id = randomUUID()
        await trx
          .insertInto('notices')
          .values({
            id,
            request_id: c.request_id,
            person,
            basis: c.basis,
            template: template(
              {
                person,
                from: c.from_state,
                to: c.to_state,
                type: c.type,
                basis: c.basis,
                reviewOn: c.review_on,
              },
              c.profile as ProfileId,
            ),
            status: 'due',
            reason: null,
            defer_until: null,
            created_at: at,
            updated_at: at,
          })
          .execute()
        await commit(trx, {
          event: 'notice',
          node: rt.settings.state,
          rid: c.request_id,
          at,
          nid: id,
          status: 'due',
          basis: c.basis,
        })
        raised++
      }
    })
  }
  const back = await rt.store.db
    .selectFrom('notices')
    .select(['id', 'request_id', 'basis'])
    .where('status', '=', 'deferred')
    .where('defer_until', '<=', day)
    .execute()
  for (const n of back)
    await rt.store.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('notices')
        .set({ status: 'due', updated_at: at })
        .where('id', '=', n.id)
        .execute()
      await commit(trx, {
        event: 'notice',
        node: rt.settings.state,
        rid: n.request_id,
        at,
        nid: n.id,
        status: 'due',
        basis: n.basis,
      })
    })
  return raised
}

const deferSchema = z.strictObject({ reason: z.string().trim().min(1).max(5000), until: isoDate })

/** Send a due notice, or defer it for a logged reason until a date. */
export async function settleNotice(
  rt: NodeRuntime,
  user: User,
  id: string,
  how: 'send' | 'defer',
  input: unknown,
) {
  const role = firstRole(user, ['approver', 'desk247'])
  const at = nowIso(rt)
  let set: { status: 'sent' | 'deferred'; reason: string | null; defer_until: string | null }
  let rhash: string | undefined
  if (how === 'defer') {
    const p = deferSchema.safeParse(input ?? {})
    if (!p.success) throw fromZodError('ERR_INPUT_INVALID', p.error, 'body')
    if (p.data.until <= today(rt))
      throw new RogatoryError('ERR_INPUT_INVALID', 'defer to a later date', { path: 'until' })
    set = { status: 'deferred', reason: p.data.reason, defer_until: p.data.until }
    rhash = saltedHash(p.data.reason).hash
  } else set = { status: 'sent', reason: null, defer_until: null }
  await rt.store.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('notices')
      .select(['request_id', 'basis', 'status'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!row) throw new RogatoryError('ERR_REQUEST_NOT_FOUND', `no notice ${id}`)
    if (row.status !== 'due')
      throw new RogatoryError(
        'ERR_TRANSITION_NOT_ALLOWED',
        `notice ${id} is ${row.status}, not due`,
      )
    await trx
      .updateTable('notices')
      .set({ ...set, updated_at: at })
      .where('id', '=', id)
      .execute()
    await commit(trx, {
      event: 'notice',
      node: rt.settings.state,
      rid: row.request_id,
      at,
      nid: id,
      status: set.status,
      basis: row.basis,
      role,
      ...(set.defer_until ? { until: set.defer_until } : {}),
      ...(rhash ? { rhash } : {}),
    })
  })
  return (await listNotices(rt)).find((n) => n.id === id)!
}

export function listNotices(rt: NodeRuntime, status?: string) {
  let q = rt.store.db.selectFrom('notices').selectAll().orderBy('created_at')
  if (status) q = q.where('status', '=', status as 'due')
  return q.execute()
}
