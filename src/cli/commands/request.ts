import type { Command } from 'commander'
import { readJsonFile } from '../../lib/json-file.js'
import type { RequestView } from '../../node/services/requests.js'
import { type ClientOptions, connect, withClient } from '../client.js'
import { action, print, printJson } from '../io.js'

type Common = ClientOptions & { json?: boolean }

function summary(r: RequestView): string[] {
  const s = r.screening
  return [
    `${r.id}  ${r.direction} ${r.type} ${r.from} → ${r.to}  state: ${r.state}${r.overdue ? '  OVERDUE' : ''}${r.responseDue ? `  due ${r.responseDue}` : ''}`,
    `  screening (${r.profile}, as of ${s.asOf}): ${s.outcome}`,
    ...s.grounds.map(
      (g) =>
        `    ground ${g.code} ${g.mandatory ? 'MANDATORY' : 'discretionary'} cites ${g.cites.join(', ')} [${g.trust}]`,
    ),
    ...(s.missingFields.length ? [`    missing: ${s.missingFields.join(', ')}`] : []),
    ...(s.obligations.length ? [`    obligations: ${s.obligations.join(', ')}`] : []),
  ]
}

export function registerRequest(program: Command): void {
  const req = program
    .command('request')
    .description('draft, send and answer requests on a running node')

  withClient(
    req
      .command('new')
      .description('draft a request from a JSON file ({ "request": {...} } or the request itself)')
      .requiredOption('--file <file>', 'request JSON'),
  ).action(
    action(async (o: Common & { file: string }) => {
      const doc = (await readJsonFile(o.file)) as Record<string, unknown>
      // A question file (examples/requests/*.json), { request, profile }, or the request itself.
      const question = doc.question as { kind?: string; request?: unknown } | undefined
      const request =
        question?.kind === 'assess-request'
          ? question.request
          : 'request' in doc
            ? doc.request
            : doc
      const body = { request, ...(typeof doc.profile === 'string' ? { profile: doc.profile } : {}) }
      const c = await connect(o)
      const r = await c.call<RequestView>('POST', '/v1/requests', body)
      if (o.json) printJson(r)
      else print(['Draft saved.', ...summary(r)])
    }),
  )

  withClient(
    req
      .command('list')
      .description('list requests')
      .option('--direction <d>', 'outgoing | incoming')
      .option('--state <s>', 'only this state')
      .option('--overdue', 'only overdue'),
  ).action(
    action(async (o: Common & { direction?: string; state?: string; overdue?: boolean }) => {
      const c = await connect(o)
      const q = new URLSearchParams({
        ...(o.direction ? { direction: o.direction } : {}),
        ...(o.state ? { state: o.state } : {}),
        ...(o.overdue ? { overdue: 'true' } : {}),
      })
      const { requests } = await c.call<{ requests: RequestView[] }>('GET', `/v1/requests?${q}`)
      if (o.json) return printJson(requests)
      if (requests.length === 0) return print('No requests.')
      for (const r of requests) print(summary(r)[0]!)
    }),
  )

  withClient(
    req
      .command('show')
      .description('a request with its history: transitions, messages and receipts')
      .argument('<id>'),
  ).action(
    action(async (id: string, o: Common) => {
      const c = await connect(o)
      const r = await c.call<
        RequestView & {
          history: {
            transitions: {
              at: string
              action: string
              from_state: string | null
              to_state: string
              actor: string
              actor_role: string
              detail: { reasons?: string | null } | null
            }[]
            sent: { kind: string; delivered_at: string | null; attempts: number; alert: boolean }[]
            attachments: { name: string; size: number; sha256: string; fetched: boolean }[]
          }
        }
      >('GET', `/v1/requests/${id}`)
      if (o.json) return printJson(r)
      print([
        ...summary(r),
        '  history:',
        // Reasons and consultation texts are part of the record (Art 40(24), 40(27)).
        ...r.history.transitions.flatMap((t) => [
          `    ${t.at}  ${t.action}: ${t.from_state ?? '—'} → ${t.to_state}  by ${t.actor} (${t.actor_role})`,
          ...(t.detail?.reasons ? [`        “${t.detail.reasons}”`] : []),
        ]),
        ...r.history.sent.map(
          (m) =>
            `    message ${m.kind}: ${m.delivered_at ? `delivered ${m.delivered_at}, receipt held` : `not yet delivered (${m.attempts} attempts)${m.alert ? ' ALERT' : ''}`}`,
        ),
        ...r.history.attachments.map(
          (a) =>
            `    evidence ${a.name}: ${a.size} bytes, sha256 ${a.sha256}${a.fetched ? '' : ' (announced; fetch-evidence to retrieve)'}`,
        ),
      ])
    }),
  )

  withClient(
    req
      .command('fetch-evidence')
      .description(
        'fetch the evidence files the requested State announced, checked against their SHA-256',
      )
      .argument('<id>'),
  ).action(
    action(async (id: string, o: Common) => {
      const c = await connect(o)
      const r = await c.call<{ history: { attachments: { id: string; name: string }[] } }>(
        'GET',
        `/v1/requests/${id}`,
      )
      for (const a of r.history.attachments) {
        const f = await c.call<{ name: string; size: number; sha256: string }>(
          'POST',
          `/v1/requests/${id}/attachments/${a.id}/fetch`,
        )
        print(`  ${f.name}: ${f.size} bytes, sha256 ${f.sha256} (matches the signed announcement)`)
      }
      if (r.history.attachments.length === 0) print('No evidence announced.')
    }),
  )

  const transition = (name: string, description: string) =>
    withClient(req.command(name).description(description).argument('<id>'))
  for (const [name, act] of [
    ['approve', 'approve'],
    ['send', 'send'],
  ] as const) {
    transition(name, `${act} an outgoing request`).action(
      action(async (id: string, o: Common) => {
        const c = await connect(o)
        const r = await c.call<RequestView>('POST', `/v1/requests/${id}/actions`, { action: act })
        if (o.json) printJson(r)
        else print(summary(r))
      }),
    )
  }
  transition(
    'respond',
    'act on a request: acknowledge, review, consult, execute, partially-execute, postpone, refuse, close, withdraw, answer-consultation',
  )
    .requiredOption('--action <action>', 'the action')
    .option(
      '--reasons <text>',
      'reasons (required to refuse, postpone, partially execute or consult)',
    )
    .option('--evidence <file>', 'attach an evidence file first')
    .action(
      action(
        async (id: string, o: Common & { action: string; reasons?: string; evidence?: string }) => {
          const c = await connect(o)
          if (o.evidence) {
            const { uploadFile } = await import('../upload.js')
            const a = await uploadFile(c, id, o.evidence, (done, total) =>
              process.stderr.write(
                `\r  uploading ${o.evidence}: ${Math.floor((100 * done) / Math.max(1, total))}%`,
              ),
            )
            process.stderr.write('\n')
            print(`  evidence ${a.name}: ${a.size} bytes, sha256 ${a.sha256}`)
          }
          const r = await c.call<RequestView>('POST', `/v1/requests/${id}/actions`, {
            action: o.action,
            reasons: o.reasons ?? null,
          })
          if (o.json) printJson(r)
          else print(summary(r))
        },
      ),
    )
}
