/** `rogatory retention …` and `rogatory notices …`: what is due for deletion and why, and notices to the people concerned. */
import type { Command } from 'commander'
import type { DueItem } from '../../node/services/retention.js'
import { type ClientOptions, connect, withClient } from '../client.js'
import { action, print, printJson } from '../io.js'

type Common = ClientOptions & { json?: boolean }

export function registerAccountability(program: Command): void {
  const ret = program.command('retention').description('retention schedule and deletion records')
  withClient(
    ret.command('list').description('what is due for deletion, when, and on what basis'),
  ).action(
    action(async (o: Common) => {
      const c = await connect(o)
      const r = await c.call<{
        schedule: DueItem[]
        deletions: {
          request_id: string
          item: string
          basis: string
          due: string
          deleted_at: string
          digest: string
        }[]
      }>('GET', '/v1/retention')
      if (o.json) return printJson(r)
      print(r.schedule.length ? 'Due for deletion:' : 'Nothing is scheduled for deletion.')
      for (const d of r.schedule)
        print(
          `  ${d.due}${d.dueNow ? ' DUE NOW' : ''}  ${d.requestId} ${d.item}  ${d.basis} (Art ${d.cites.map((x) => `${x.cite} [${x.trust}]`).join(', ')}): ${d.reason}`,
        )
      if (r.deletions.length) print('Deleted:')
      for (const d of r.deletions)
        print(
          `  ${d.deleted_at}  ${d.request_id} ${d.item}  ${d.basis}, due ${d.due}, digest ${d.digest.slice(0, 16)}…`,
        )
    }),
  )
  withClient(
    ret.command('run').description('delete everything due now (admin); each deletion is logged'),
  ).action(
    action(async (o: Common) => {
      const c = await connect(o)
      const r = await c.call<{ deleted: number }>('POST', '/v1/retention/run')
      print(`${r.deleted} item(s) deleted; each left a deletion record in the log.`)
    }),
  )

  const notices = program
    .command('notices')
    .description('notices to the people concerned once confidentiality ends')
  withClient(notices.command('list').option('--status <status>', 'due, sent or deferred')).action(
    action(async (o: Common & { status?: string }) => {
      const c = await connect(o)
      const r = await c.call<{
        notices: {
          id: string
          request_id: string
          status: string
          basis: string
          person: string
          defer_until: string | null
          template: string
        }[]
      }>('GET', `/v1/notices${o.status ? `?status=${encodeURIComponent(o.status)}` : ''}`)
      if (o.json) return printJson(r)
      if (r.notices.length === 0) print('No notices.')
      for (const n of r.notices)
        print(
          `  ${n.id}  ${n.status}${n.defer_until ? ` until ${n.defer_until}` : ''}  request ${n.request_id}, Art ${n.basis}: ${n.person}`,
        )
    }),
  )
  withClient(
    notices.command('send').argument('<id>').description('record that a due notice was sent'),
  ).action(
    action(async (id: string, o: Common) => {
      const c = await connect(o)
      await c.call('POST', `/v1/notices/${id}/send`, {})
      print(`Notice ${id} recorded as sent (logged).`)
    }),
  )
  withClient(
    notices
      .command('defer')
      .argument('<id>')
      .requiredOption('--reason <text>', 'why the notice is deferred')
      .requiredOption('--until <date>', 'review date (YYYY-MM-DD)')
      .description('defer a due notice for a reason, until a date'),
  ).action(
    action(async (id: string, o: Common & { reason: string; until: string }) => {
      const c = await connect(o)
      await c.call('POST', `/v1/notices/${id}/defer`, { reason: o.reason, until: o.until })
      print(`Notice ${id} deferred until ${o.until} (logged).`)
    }),
  )
}
