/**
 * @module demo/traffic
 *
 * Realistic mixed traffic for a running federation, driven through the
 * nodes' HTTP API as their users would: requests of every common type
 * between the demo States, emergency disclosures with (mostly) a formal
 * follow-up, consultations, refusals with reasons, postponements, partial
 * executions with evidence and conditions, confidential requests whose
 * review date has come (notices), and deletions at the end. Bounded: N
 * requests, a fixed number in flight, a time limit on every wait. A seed
 * makes a run repeatable. Invented people, fictional States.
 */
import { pollUntil } from '../lib/poll.js'
import { seededRandom } from '../lib/seeded-random.js'

export interface TrafficOptions {
  readonly nodes: Readonly<Record<string, string>>
  readonly password: string
  readonly requests: number
  readonly seed?: number
  readonly concurrency?: number
  readonly progress?: (done: number, total: number) => void
}

export interface TrafficSummary {
  readonly requests: number
  readonly byOutcome: Record<string, number>
  readonly emergencies: number
  readonly followUps: number
  readonly deletions: number
  readonly notices: number
  readonly failures: string[]
}

class Api {
  private constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  static async signIn(url: string, username: string, password: string): Promise<Api> {
    const r = await fetch(new URL('/v1/session', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
      signal: AbortSignal.timeout(15_000),
    })
    if (!r.ok) throw new Error(`sign-in ${username} at ${url}: HTTP ${r.status}`)
    return new Api(url, ((await r.json()) as { token: string }).token)
  }

  async call<T = any>(method: string, path: string, body?: unknown, raw?: Buffer): Promise<T> {
    const r = await fetch(new URL(path, this.url), {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(raw
          ? {
              'content-type': 'application/octet-stream',
              'x-file-name': 'records.txt',
              'x-media-type': 'text/plain',
            }
          : body !== undefined
            ? { 'content-type': 'application/json' }
            : {}),
      },
      ...(raw ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    })
    const json = (await r.json().catch(() => ({}))) as { error?: { code: string; message: string } }
    if (!r.ok) throw new Error(`${method} ${path}: ${json.error?.code} ${json.error?.message}`)
    return json as T
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const until = <T>(what: string, check: () => Promise<T | undefined | false>, ms = 30_000) =>
  pollUntil(check, { ms, everyMs: 100, what: `timed out waiting for ${what}` })

const TYPES: [string, number][] = [
  ['mla', 0.5],
  ['preservation', 0.15],
  ['emergency-disclosure', 0.1],
  ['stored-data', 0.08],
  ['realtime-traffic', 0.07],
  ['interception', 0.05],
  ['extradition', 0.05],
]

const TEXT: Record<string, string> = {
  requestingAuthority: 'Office of the Public Prosecutor, Cybercrime Section',
  subjectMatter: 'Investigation into an invented payment-diversion scheme',
  factsSummary:
    'Payments of an invented company were diverted after a phishing campaign (fictional).',
  assistanceSought: 'Subscriber information and login records of an account held by a provider.',
  purposeAndPeriod: 'Identify the suspect; records of three months.',
  offenceAndFacts: 'Computer fraud: diversion of payments (fictional facts).',
  dataToPreserve: 'Login records and subscriber data of one account.',
  necessity: 'The provider deletes records after 90 days.',
  intentToSubmitMla: 'A request for mutual legal assistance will follow.',
  justifyingEvidence: 'Bank records show the transfers (fictional).',
  dataConcerned: 'Traffic data of one account.',
  justification: 'The account is used to coordinate the scheme.',
  collectionPeriod: 'Thirty days, the expected duration of the scheme.',
  personsConcerned: 'The unknown holder of the account (invented).',
}

export async function driveTraffic(o: TrafficOptions): Promise<TrafficSummary> {
  const random = seededRandom(o.seed ?? 2027)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  const weighted = (xs: [string, number][]) => {
    let x = random()
    for (const [v, w] of xs) {
      x -= w
      if (x < 0) return v
    }
    return xs[0]![0]
  }
  const states = Object.keys(o.nodes).sort()
  if (states.length < 2) throw new Error('traffic needs at least two State nodes')
  const users = new Map<string, Api>()
  const as = async (state: string, role: string) => {
    const key = `${state}.${role}`
    if (!users.has(key))
      users.set(key, await Api.signIn(o.nodes[state]!, key.toLowerCase(), o.password))
    return users.get(key)!
  }
  const ref = new Map<string, any>()
  for (const s of states) ref.set(s, await (await as(s, 'drafter')).call('GET', '/v1/reference'))
  const registry = (await (await as(states[0]!, 'drafter')).call('GET', '/v1/registry')).registry
  const offences = (state: string) =>
    (registry.states.find((x: { code: string }) => x.code === state)?.offences ?? []) as {
      code: string
      conduct: string[]
    }[]

  const summary = {
    requests: 0,
    byOutcome: {} as Record<string, number>,
    emergencies: 0,
    followUps: 0,
    deletions: 0,
    notices: 0,
    failures: [] as string[],
  }
  let done = 0
  const today = new Date().toISOString().slice(0, 10)

  const one = async (i: number) => {
    const from = pick(states)
    const to = pick(states.filter((s) => s !== from))
    const type = weighted(TYPES)
    const own = offences(from)
    const offence = own.length ? pick(own) : null
    const fields = Object.fromEntries(
      (ref.get(from).requiredFields[type] as { key: string }[]).map((f) => [
        f.key,
        TEXT[f.key] ?? 'Details (fictional).',
      ]),
    )
    const urgent = type === 'emergency-disclosure'
    const drafter = await as(from, urgent ? 'desk247' : 'drafter')
    const approver = await as(from, urgent ? 'desk247' : 'approver')
    const request = {
      type,
      to,
      offence: offence?.code ?? null,
      conduct: offence?.conduct ?? ['computer-fraud'],
      language: 'en',
      channel: urgent ? '24/7' : 'central-authority',
      urgent,
      fields: { ...fields, personsConcerned: TEXT.personsConcerned },
    }
    const d = await drafter.call('POST', '/v1/requests', { request })
    if (random() < 0.1)
      await drafter.call('PUT', `/v1/requests/${d.id}/confidentiality`, {
        basis: type === 'preservation' ? '42(2)(g)' : '40(20)',
        reviewOn: today,
        persons: [`Account holder no. ${i} (invented)`],
      })
    await approver.call('POST', `/v1/requests/${d.id}/actions`, { action: 'approve' })
    await approver.call('POST', `/v1/requests/${d.id}/actions`, { action: 'send' })
    summary.requests++
    const desk = await as(to, urgent ? 'desk247' : 'approver')
    await until(`${d.id} at ${to}`, async () =>
      (await desk.call('GET', `/v1/requests?direction=incoming&state=received`)).requests.some(
        (r: { id: string }) => r.id === d.id,
      ),
    )
    const act = (action: string, extra: object = {}) =>
      desk.call('POST', `/v1/requests/${d.id}/actions`, { action, ...extra })
    await act('acknowledge')
    await act('review')
    const x = random()
    let outcome: string
    if (x < 0.12) {
      if (random() < 0.7) await act('consult', { reasons: 'Can the request be narrowed?' })
      if (urgent) await act('execute')
      else
        await (await as(to, 'approver')).call('POST', `/v1/requests/${d.id}/actions`, {
          action: 'refuse',
          reasons: 'The conduct is not an offence under our law (dual criminality).',
        })
      outcome = urgent ? 'executed' : 'refused'
    } else if (x < 0.2 && !urgent) {
      await act('postpone', { reasons: 'Execution would interfere with an ongoing investigation.' })
      outcome = 'postponed'
    } else if (x < 0.35) {
      await desk.call(
        'POST',
        `/v1/requests/${d.id}/attachments`,
        undefined,
        Buffer.from(`records for request ${i} (fictional)\n`.repeat(20)),
      )
      await act('partially-execute', {
        reasons: 'Only part of the records still exist.',
        conditions:
          random() < 0.5
            ? [
                {
                  kind: 'condition',
                  cite: '40(27)',
                  condition: 'delete-by',
                  text: 'Delete the records once used.',
                  until: today,
                },
              ]
            : [],
      })
      outcome = 'partially-executed'
    } else {
      if (random() < 0.3)
        await desk.call(
          'POST',
          `/v1/requests/${d.id}/attachments`,
          undefined,
          Buffer.from(`records for request ${i} (fictional)\n`),
        )
      await act('execute')
      outcome = 'executed'
      if (type === 'preservation' && random() < 0.4) await act('extend-preservation')
    }
    summary.byOutcome[outcome] = (summary.byOutcome[outcome] ?? 0) + 1
    if (urgent) {
      summary.emergencies++
      if (random() < 0.7) {
        const fu = await (await as(from, 'drafter')).call('POST', '/v1/requests', {
          request: {
            ...request,
            type: 'mla',
            urgent: false,
            channel: 'central-authority',
            fields: Object.fromEntries(
              (ref.get(from).requiredFields.mla as { key: string }[]).map((f) => [
                f.key,
                TEXT[f.key] ?? 'Details (fictional).',
              ]),
            ),
          },
          followUpOf: d.id,
        })
        const ap = await as(from, 'approver')
        await ap.call('POST', `/v1/requests/${fu.id}/actions`, { action: 'approve' })
        await ap.call('POST', `/v1/requests/${fu.id}/actions`, { action: 'send' })
        summary.followUps++
      }
    }
  }

  const queue = Array.from({ length: o.requests }, (_, i) => i)
  const workers = Array.from({ length: Math.min(o.concurrency ?? 4, o.requests) }, async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      try {
        await one(i)
      } catch (e) {
        summary.failures.push((e as Error).message)
      }
      o.progress?.(++done, o.requests)
    }
  })
  await Promise.all(workers)

  // Housekeeping now rather than at the next tick: deletions due today and notices whose review date has come.
  for (const s of states) {
    const admin = await as(s, 'admin')
    const evidenceFetcher = await as(s, 'approver')
    for (const r of (await evidenceFetcher.call('GET', '/v1/requests?direction=outgoing'))
      .requests as any[])
      for (const a of (await evidenceFetcher.call('GET', `/v1/requests/${r.id}`)).history
        .attachments as any[])
        if (!a.fetched)
          await evidenceFetcher
            .call('POST', `/v1/requests/${r.id}/attachments/${a.id}/fetch`)
            .catch(() => {})
    summary.deletions += (await admin.call('POST', '/v1/retention/run')).deleted
    await sleep(50)
    const due = (await evidenceFetcher.call('GET', '/v1/notices?status=due')).notices as {
      id: string
    }[]
    for (const n of due) {
      if (random() < 0.7) await evidenceFetcher.call('POST', `/v1/notices/${n.id}/send`, {})
      else {
        const until = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10)
        await evidenceFetcher.call('POST', `/v1/notices/${n.id}/defer`, {
          reason: 'The investigation is still open.',
          until,
        })
      }
      summary.notices++
    }
  }
  return summary
}
