/**
 * @module node/services/dashboard
 *
 * The reviewer's view of one node: requests by type, state, ground, State
 * pair and time to answer, and the queues that need attention (deletions
 * due, notices due, alarms). Counts only — no contents. (Published,
 * suppressed statistics derived from the log are a separate piece.)
 */

import { readJson } from '../../store/json-column.js'
import type { NodeRuntime } from '../runtime.js'
import { retentionSchedule } from './retention.js'

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)
  return sorted[Math.max(0, i)]!
}

const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1)
const entries = (m: Map<string, number>) =>
  [...m].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key))

export async function dashboard(rt: NodeRuntime) {
  const rows = await rt.store.db
    .selectFrom('requests')
    .select([
      'direction',
      'type',
      'state',
      'from_state',
      'to_state',
      'screening',
      'sent_at',
      'decided_at',
    ])
    .execute()
  const byType = new Map<string, number>()
  const byState = new Map<string, number>()
  const byGround = new Map<string, number>()
  const byPair = new Map<string, number>()
  const hours: number[] = []
  for (const r of rows) {
    count(byType, r.type)
    count(byState, r.state)
    count(byPair, `${r.from_state} → ${r.to_state}`)
    for (const g of readJson<{ grounds?: { code: string }[] }>(r.screening).grounds ?? [])
      count(byGround, g.code)
    if (r.sent_at && r.decided_at)
      hours.push((Date.parse(r.decided_at) - Date.parse(r.sent_at)) / 3_600_000)
  }
  hours.sort((a, b) => a - b)
  const [schedule, notices, alarms, deletions] = await Promise.all([
    retentionSchedule(rt),
    rt.store.db.selectFrom('notices').select(['status']).execute(),
    rt.store.db
      .selectFrom('alarms')
      .select(['id', 'kind', 'subject', 'raised_at'])
      .orderBy('id', 'desc')
      .limit(20)
      .execute(),
    rt.store.db
      .selectFrom('deletions')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return {
    state: rt.settings.state,
    requests: rows.length,
    byType: entries(byType),
    byState: entries(byState),
    byGround: entries(byGround),
    byPair: entries(byPair),
    hoursToAnswer: { n: hours.length, median: quantile(hours, 0.5), p90: quantile(hours, 0.9) },
    retention: {
      dueNow: schedule.filter((d) => d.dueNow).length,
      scheduled: schedule.length,
      next: schedule.slice(0, 10),
      deleted: Number(deletions.n),
    },
    notices: {
      due: notices.filter((n) => n.status === 'due').length,
      deferred: notices.filter((n) => n.status === 'deferred').length,
      sent: notices.filter((n) => n.status === 'sent').length,
    },
    alarms,
  }
}
