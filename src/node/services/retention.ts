/**
 * @module node/services/retention
 *
 * Retention and deletion. Each data item a node holds — the content of a
 * request (its free-text fields, the person's details, reasons and notes,
 * the received message) and each evidence file — has a retention basis
 * and an end date, the earliest of:
 * - case closure + the node's retention period (Art 36(1)–(2): personal
 *   data are kept under the safeguards of domestic law; the period is
 *   this node's policy, not treaty text);
 * - the end of a preservation period (Art 42(7)–(8), per text profile,
 *   from the treaty engine);
 * - a `delete-by` condition accepted after consultation (Art 40(27)).
 * The scheduler deletes what is due and leaves a deletion record: the item,
 * basis, due date and a SHA-256 of what was deleted, committed to the log.
 * What stays is what statistics need: type, States, states and dates.
 */
import { rm } from 'node:fs/promises'
import type { Selectable } from 'kysely'
import { canonicalBytes, sha256Hex } from '../../envelope/canonical.js'
import { groupBy } from '../../lib/group-by.js'
import { addDays } from '../../lib/iso-date.js'
import { readJson } from '../../store/json-column.js'
import type { RequestsTable } from '../../store/schema.js'
import type { ProfileId, TrustMark } from '../../treaty/profile.js'
import { citationTrust } from '../../treaty/provisions/catalog.js'
import { defaultPerson } from '../../treaty/question-schema.js'
import { useRestrictionsSchema } from '../../treaty/use/restrictions.js'
import { type NodeRuntime, nowIso } from '../runtime.js'
import { commit } from './log-commitments.js'
import { type RequestView, withFollowUps } from './requests.js'

/** Days personal data are kept after a case closes (this node's policy under domestic law). */
export const DEFAULT_RETENTION_DAYS = 365

export interface DueItem {
  readonly requestId: string
  /** `request-content`, or `evidence:<attachment id>`. */
  readonly item: string
  readonly basis: 'case-closure' | 'preservation-period' | 'condition-delete-by'
  readonly cites: readonly { cite: string; trust: TrustMark }[]
  readonly due: string
  readonly reason: string
  /** The due date has come: the next run deletes it. */
  readonly dueNow: boolean
}

const CLOSED: Record<RequestView['direction'], readonly string[]> = {
  outgoing: ['closed', 'withdrawn', 'refused', 'executed', 'partially-executed'],
  incoming: ['closed', 'withdrawn'],
}

type Basis = Omit<DueItem, 'requestId' | 'item' | 'dueNow'>

/** The basis that ends retention first. */
const earliest = (bs: readonly Basis[]): Basis | undefined =>
  bs.reduce<Basis | undefined>((a, b) => (!a || b.due < a.due ? b : a), undefined)

/** Every item with a retention end date, earliest first, with why. */
export async function retentionSchedule(rt: NodeRuntime): Promise<DueItem[]> {
  const today = nowIso(rt).slice(0, 10)
  const days = rt.settings.retentionDays ?? DEFAULT_RETENTION_DAYS
  const rows: Selectable<RequestsTable>[] = await rt.store.db
    .selectFrom('requests')
    .selectAll()
    .where(({ eb, or }) =>
      or([
        eb('state', 'in', [...CLOSED.outgoing, ...CLOSED.incoming]),
        eb('type', '=', 'preservation'),
        eb('id', 'in', eb.selectFrom('use_restrictions').select('request_id')),
      ]),
    )
    .execute()
  const views = await withFollowUps(rt, rows)
  const bodies = new Map(rows.map((r) => [r.id, r.body]))
  const decided = new Map(rows.map((r) => [r.id, r.decided_at ?? r.updated_at]))
  const attachments = await rt.store.db
    .selectFrom('attachments')
    .select(['id', 'request_id'])
    .where('path', '!=', '')
    .execute()
  const restrictions = new Map(
    (await rt.store.db.selectFrom('use_restrictions').selectAll().execute()).map((r) => [
      r.request_id,
      r,
    ]),
  )
  const filesOf = groupBy(
    attachments,
    (a) => a.request_id,
    (a) => a.id,
  )
  const out: DueItem[] = []
  for (const v of views) {
    const cite = (cs: readonly string[]) =>
      cs.map((c) => ({ cite: c, trust: citationTrust(v.profile as ProfileId, c) }))
    const bases: Basis[] = []
    if (CLOSED[v.direction].includes(v.state)) {
      const closedOn = decided.get(v.id)!.slice(0, 10)
      bases.push({
        basis: 'case-closure',
        cites: cite(['36(1)', '36(2)']),
        due: addDays(closedOn, days),
        reason: `case closed on ${closedOn}; kept ${days} days under this node's retention policy`,
      })
    }
    const p = v.deadlines.preservation
    if (v.direction === 'incoming' && p?.until)
      bases.push({
        basis: 'preservation-period',
        cites: cite(p.cites.length ? p.cites : ['42(7)']),
        due: addDays(p.until, 1),
        reason: `preservation period (${p.kind}) ended on ${p.until}`,
      })
    const redacted = readJson<{ redacted?: boolean }>(bodies.get(v.id)).redacted === true
    const content = earliest(bases)
    if (content && !redacted)
      out.push({
        requestId: v.id,
        item: 'request-content',
        ...content,
        dueNow: content.due <= today,
      })
    const r = restrictions.get(v.id)
    const deleteBy = r
      ? useRestrictionsSchema
          .parse(readJson(r.restrictions))
          .flatMap((x) =>
            x.kind === 'condition' && x.condition === 'delete-by' && x.until ? [x.until] : [],
          )
      : []
    const evidenceBases = [
      ...bases,
      ...deleteBy.map((until) => ({
        basis: 'condition-delete-by' as const,
        cites: cite(['40(27)']),
        due: until,
        reason: `a condition accepted after consultation requires deletion by ${until}`,
      })),
    ]
    const e = earliest(evidenceBases)
    if (e)
      for (const aid of filesOf.get(v.id) ?? [])
        out.push({ requestId: v.id, item: `evidence:${aid}`, ...e, dueNow: e.due <= today })
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.item.localeCompare(b.item))
}

/** Delete every item due today or earlier; returns the deletion records made. */
export async function runDeletions(rt: NodeRuntime): Promise<number> {
  const due = (await retentionSchedule(rt)).filter((d) => d.dueNow)
  let done = 0
  for (const d of due) {
    const files: string[] = []
    await rt.store.db.transaction().execute(async (trx) => {
      const at = nowIso(rt)
      let digest: string
      if (d.item.startsWith('evidence:')) {
        const aid = d.item.slice('evidence:'.length)
        const row = await trx
          .deleteFrom('attachments')
          .where('id', '=', aid)
          .where('request_id', '=', d.requestId)
          .returningAll()
          .executeTakeFirst()
        if (!row) return
        files.push(row.path)
        digest = sha256Hex(
          canonicalBytes({ name: row.name, sha256: row.sha256, size: Number(row.size) }),
        )
      } else {
        const row = await trx
          .selectFrom('requests')
          .select('body')
          .where('id', '=', d.requestId)
          .forUpdate()
          .executeTakeFirstOrThrow()
        const body = readJson<{
          request: Record<string, unknown>
          findings: Record<string, unknown>
        }>(row.body)
        const transitions = await trx
          .selectFrom('transitions')
          .select(['id', 'detail'])
          .where('request_id', '=', d.requestId)
          .execute()
        const inbox = await trx
          .selectFrom('inbox')
          .select(['message_id', 'payload'])
          .where('request_id', '=', d.requestId)
          .execute()
        digest = sha256Hex(
          canonicalBytes({
            body,
            details: transitions.map((t) => readJson(t.detail)),
            payloads: inbox.map((m) => readJson(m.payload)),
          }),
        )
        const redacted = {
          request: { ...body.request, fields: {}, person: defaultPerson() },
          findings: { ...body.findings, humanRightsRisk: null, refusalReasonsOffered: [] },
          redacted: true,
        }
        await trx
          .updateTable('requests')
          .set({ body: JSON.stringify(redacted) })
          .where('id', '=', d.requestId)
          .execute()
        for (const t of transitions) {
          const detail = readJson<Record<string, unknown>>(t.detail)
          await trx
            .updateTable('transitions')
            .set({
              detail: JSON.stringify({
                ...detail,
                reasons: detail.reasons ? '[deleted]' : null,
                note: null,
              }),
            })
            .where('id', '=', t.id)
            .execute()
        }
        await trx
          .updateTable('inbox')
          .set({ payload: '{"deleted":true}' })
          .where('request_id', '=', d.requestId)
          .execute()
        await trx.deleteFrom('confidentiality').where('request_id', '=', d.requestId).execute()
        await trx
          .updateTable('notices')
          .set({ person: '[deleted]', template: '[deleted]' })
          .where('request_id', '=', d.requestId)
          .execute()
      }
      await trx
        .insertInto('deletions')
        .values({
          request_id: d.requestId,
          item: d.item,
          basis: d.basis,
          cites: JSON.stringify(d.cites),
          due: d.due,
          digest,
          deleted_at: at,
        })
        .execute()
      await commit(trx, {
        event: 'deletion',
        node: rt.settings.state,
        rid: d.requestId,
        at,
        item: d.item,
        basis: d.basis,
        cites: d.cites.map((c) => c.cite),
        due: d.due,
        digest,
      })
      done++
    })
    // The row is gone once the transaction commits; the file goes after it (a crash leaves an orphan file, never a dangling row).
    for (const f of files) if (f) await rm(f, { force: true })
  }
  return done
}

export async function listDeletions(rt: NodeRuntime) {
  const rows = await rt.store.db
    .selectFrom('deletions')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(1000)
    .execute()
  return rows.map((r) => ({ ...r, cites: readJson(r.cites) }))
}
