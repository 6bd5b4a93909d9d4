/**
 * @module review/statistics
 *
 * Cooperation statistics of one node for one quarter, computed from its
 * log entries alone (review/events) — never from a side table — so anyone
 * holding the public entries can compute the same figures. Counts:
 * requests sent and received by type, counterpart and profile; outcomes;
 * refusal grounds with their citations; refusals with reasons (40(24)) and
 * after consultation (40(27)); emergency disclosures followed up or not;
 * onward-transfer authorisations; deletions on time; notices sent or
 * deferred. Timings: hours to acknowledge and to answer (median, p90).
 * Publishing goes through review/suppression.
 */

import { groupBy } from '../lib/group-by.js'
import { type Events, quarterOf, type TransitionEvent } from './events.js'
import type { RawTable } from './suppression.js'

export const OUTCOMES = [
  'executed',
  'partially-executed',
  'refused',
  'postponed',
  'withdrawn',
] as const
const SENT_RECEIVED = ['sent', 'received']

export interface Timing {
  readonly id: string
  readonly title: string
  readonly dir: 'sent' | 'received'
  readonly hours: readonly number[]
}

export interface RawStatistics {
  readonly period: string
  readonly tables: RawTable[]
  readonly timings: Timing[]
}

function table(
  id: string,
  title: string,
  cols: readonly string[],
  items: Iterable<[row: string, col: string]>,
  fixedRows?: readonly string[],
): RawTable {
  const counts = new Map<string, Map<string, number>>()
  for (const r of fixedRows ?? []) counts.set(r, new Map())
  for (const [row, col] of items) {
    if (!counts.has(row)) counts.set(row, new Map())
    const m = counts.get(row)!
    m.set(col, (m.get(col) ?? 0) + 1)
  }
  const rows = fixedRows ? [...fixedRows] : [...counts.keys()].sort()
  return {
    id,
    title,
    rows,
    cols: [...cols],
    cells: rows.map((r) => cols.map((c) => counts.get(r)?.get(c) ?? 0)),
  }
}

const dirCol = (t: TransitionEvent) => (t.dir === 'outgoing' ? 'sent' : 'received')
const hoursBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000

export function rawStatistics(ev: Events, period: string): RawStatistics {
  const inPeriod = (at: string) => quarterOf(at) === period
  const all = ev.transitions
  // The event that starts a request on this node: sending it, or receiving it.
  const starts = all.filter(
    (t) =>
      (t.action === 'send' && t.dir === 'outgoing') ||
      (t.action === 'receive' && t.dir === 'incoming'),
  )
  const startsIn = starts.filter((t) => inPeriod(t.at))
  const decisions = all.filter(
    (t) => t.from !== t.to && (OUTCOMES as readonly string[]).includes(t.to) && inPeriod(t.at),
  )
  const refusals = decisions.filter((t) => t.to === 'refused' && t.dir === 'incoming')
  const byRid = groupBy(all, (t) => t.rid)

  const cites: Record<string, string[]> = {}
  for (const r of refusals)
    for (const g of r.grounds ?? [])
      cites[g.code] = [...new Set([...(cites[g.code] ?? []), ...g.cites])].sort()

  const emergencies = startsIn.filter(
    (t) => t.type === 'emergency-disclosure' && t.dir === 'outgoing',
  )
  const followedUp = new Set(starts.filter((t) => t.fu).map((t) => t.fu!))
  const consentStatus = new Map<string, string>()
  for (const c of ev.consents)
    if (c.status === 'granted' || c.status === 'refused') consentStatus.set(c.cid, c.status)
  // Asked of this State: the asking arrived from the peer.
  const transfersAsked = ev.consents.filter(
    (c) => c.status === 'asked' && c.role === 'peer' && c.kind === 'transfer' && inPeriod(c.at),
  )

  const tables: RawTable[] = [
    table(
      'requests-by-type',
      'Requests by type',
      SENT_RECEIVED,
      startsIn.map((t) => [t.type ?? 'unknown', dirCol(t)]),
    ),
    table(
      'requests-by-counterpart',
      'Requests by counterpart State',
      SENT_RECEIVED,
      startsIn.map((t) => [t.peer ?? 'unknown', dirCol(t)]),
    ),
    table(
      'requests-by-profile',
      'Requests by text profile',
      SENT_RECEIVED,
      startsIn.map((t) => [t.profile ?? 'unknown', dirCol(t)]),
    ),
    table(
      'outcomes',
      'Outcomes',
      ['as requesting State', 'as requested State'],
      decisions.map((t) => [
        t.to,
        t.dir === 'outgoing' ? 'as requesting State' : 'as requested State',
      ]),
      OUTCOMES,
    ),
    {
      ...table(
        'refusal-grounds',
        'Refusals by ground raised in screening (a refusal may cite several)',
        ['refusals'],
        refusals.flatMap((r) =>
          r.grounds?.length
            ? r.grounds.map((g) => [g.code, 'refusals'] as [string, string])
            : [['no listed ground', 'refusals'] as [string, string]],
        ),
      ),
      cites,
    },
    table(
      'refusal-safeguards',
      'Refusals: reasons given (Art 40(24)) and consultation first (Art 40(27))',
      ['after consultation', 'without consultation'],
      refusals.map((r) => [
        r.reasons ? 'with reasons' : 'without reasons',
        (byRid.get(r.rid) ?? []).some((t) => t.action === 'consult' && t.at <= r.at)
          ? 'after consultation'
          : 'without consultation',
      ]),
      ['with reasons', 'without reasons'],
    ),
    table(
      'emergency-follow-up',
      'Emergency disclosures (Art 41(3)(d)) and their formal follow-up',
      ['emergency disclosures'],
      emergencies.map((t) => [
        followedUp.has(t.rid) ? 'followed up' : 'not followed up',
        'emergency disclosures',
      ]),
      ['followed up', 'not followed up'],
    ),
    table(
      'onward-transfer',
      'Onward-transfer authorisations asked of this State (Art 36(3))',
      ['authorisations asked'],
      transfersAsked.map((c) => [consentStatus.get(c.cid) ?? 'pending', 'authorisations asked']),
      ['granted', 'refused', 'pending'],
    ),
    table(
      'preservation-extensions',
      'Preservations executed by this State, and whether they were extended (Art 42(7))',
      ['preservations'],
      decisions
        .filter((t) => t.type === 'preservation' && t.dir === 'incoming' && t.to === 'executed')
        .map((t) => [
          (byRid.get(t.rid) ?? []).some((x) => x.action === 'extend-preservation')
            ? 'extended'
            : 'not extended',
          'preservations',
        ]),
      ['extended', 'not extended'],
    ),
    table(
      'deletions',
      'Deletions at the end of retention',
      ['deletions'],
      ev.deletions
        .filter((d) => inPeriod(d.at))
        .map((d) => [d.at.slice(0, 10) <= nextDay(d.due) ? 'on time' : 'late', 'deletions']),
      ['on time', 'late'],
    ),
    table(
      'notices',
      'Notices to the people concerned once confidentiality ended',
      ['notices'],
      ev.notices
        .filter((n) => inPeriod(n.at) && n.status !== 'due')
        .map((n) => [n.status, 'notices']),
      ['sent', 'deferred'],
    ),
  ]

  const timings: Timing[] = []
  for (const dir of ['outgoing', 'incoming'] as const) {
    const ack: number[] = []
    const answer: number[] = []
    for (const s of starts.filter((t) => t.dir === dir)) {
      const later = byRid.get(s.rid) ?? []
      const a = later.find((t) => t.to === 'acknowledged' && t.from !== 'acknowledged')
      const d = later.find(
        (t) => t.from !== t.to && ['executed', 'partially-executed', 'refused'].includes(t.to),
      )
      if (a && inPeriod(a.at)) ack.push(hoursBetween(s.at, a.at))
      if (d && inPeriod(d.at)) answer.push(hoursBetween(s.at, d.at))
    }
    const col = dir === 'outgoing' ? 'sent' : 'received'
    timings.push({
      id: `acknowledge-${col}`,
      title: `Hours to acknowledge (requests ${col})`,
      dir: col,
      hours: ack,
    })
    timings.push({
      id: `answer-${col}`,
      title: `Hours to answer (requests ${col})`,
      dir: col,
      hours: answer,
    })
  }
  return { period, tables, timings }
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** Median and p90 (nearest rank), published only when n reaches the threshold. */
export function summarise(hours: readonly number[], threshold: number) {
  const n = hours.length
  if (n < threshold) return { n: n === 0 ? 0 : null, median: null, p90: null }
  const s = [...hours].sort((a, b) => a - b)
  const rank = (q: number) => s[Math.max(0, Math.ceil(q * n) - 1)]!
  const round = (h: number) => Math.round(h * 10) / 10
  return { n, median: round(rank(0.5)), p90: round(rank(0.9)) }
}
