import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Command } from 'commander'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { verifyRemoteLog } from '../../log/verify-remote.js'
import { connect } from '../client.js'
import { action, print } from '../io.js'
import { register } from '../register.js'

async function vkeyOf(data: string, state: string): Promise<{ vkey: string; url: string }> {
  const snap = await register(data)
  const node = snap.nodes.find((n) => n.state === state.toUpperCase())
  if (!node?.log)
    throw new RogatoryError(
      'ERR_PEER_UNKNOWN',
      `${state} has no log in register v${snap.version}`,
      { path: '--state' },
    )
  return { vkey: node.log.vkey, url: new URL('/log/', node.url).toString() }
}

export function registerLog(program: Command): void {
  const log = program.command('log').description("a node's transparency log")
  log
    .command('alarms')
    .description('alarms a node raised while witnessing its peers (split views, bad checkpoints)')
    .requiredOption('--node <state>', 'the node to ask')
    .requiredOption('--user <name>', 'user name')
    .option('--password <password>', 'password (default: $ROGATORY_PASSWORD)')
    .option('--data <dir>', 'data directory of the federation', 'data')
    .action(
      action(async (o: { node: string; user: string; password?: string; data: string }) => {
        const c = await connect(o)
        const { alarms } = await c.call<{
          alarms: {
            id: number
            kind: string
            subject: string
            raised_at: string
            detail: { reason?: string }
          }[]
        }>('GET', '/v1/alarms')
        if (alarms.length === 0) {
          print('No alarms: every peer log checked so far is consistent.')
          return 0
        }
        for (const a of alarms)
          print(
            `ALARM ${a.raised_at} ${a.kind} in the log of ${a.subject}: ${a.detail.reason ?? ''}`,
          )
        return 1
      }),
    )
  log
    .command('vkey')
    .description("print a State's log verifier key from the Secretariat's signed register")
    .requiredOption('--state <code>', 'State code')
    .option('--data <dir>', 'data directory of the federation', 'data')
    .action(
      action(async (o: { state: string; data: string }) => {
        print((await vkeyOf(o.data, o.state)).vkey)
      }),
    )
  log
    .command('verify')
    .description(
      'check a log from outside: signed checkpoint, tiles, root, and no fork since the last check',
    )
    .option('--url <url>', "the log's base URL (ending in /log/)")
    .option('--vkey <vkey>', 'the verifier key (default: from the register, with --state)')
    .option('--state <code>', 'look up the URL and key in the register')
    .option('--data <dir>', 'data directory of the federation', 'data')
    .option(
      '--seen <file>',
      'where the last verified checkpoint is kept (default: <data>/log-seen/<origin>.json)',
    )
    .action(
      action(
        async (o: { url?: string; vkey?: string; state?: string; data: string; seen?: string }) => {
          let url = o.url
          let vkey = o.vkey
          if ((!url || !vkey) && o.state) {
            const found = await vkeyOf(o.data, o.state)
            url ??= found.url
            vkey ??= found.vkey
          }
          if (!url || !vkey)
            throw new RogatoryError('ERR_INPUT_INVALID', 'give --url and --vkey, or --state', {
              path: '--state',
            })
          const seenFile =
            o.seen ?? join(o.data, 'log-seen', `${encodeURIComponent(vkey.split('+')[0]!)}.json`)
          const previous = await readFile(seenFile, 'utf8')
            .then((t) => JSON.parse(t) as { size: number; root: string })
            .then((p) => ({ size: p.size, root: new Uint8Array(Buffer.from(p.root, 'base64')) }))
            .catch(() => undefined)
          const r = await verifyRemoteLog(
            url.endsWith('/') ? url : `${url}/`,
            vkey,
            previous,
            (done, total) => process.stderr.write(`\r  checked ${done} of ${total} entries`),
          )
          process.stderr.write('\n')
          await mkdir(join(seenFile, '..'), { recursive: true })
          await writeFile(
            seenFile,
            JSON.stringify({
              size: r.checkpoint.size,
              root: Buffer.from(r.checkpoint.root).toString('base64'),
            }),
          )
          print([
            `${r.checkpoint.origin}: checkpoint of ${r.checkpoint.size} entries, signed by ${r.signer}.`,
            '  Every entry matches its tile, and the tiles rebuild to the signed root.',
            r.consistentWith
              ? `  Consistent with the checkpoint seen before (${r.consistentWith.size} entries): nothing was rewritten.`
              : '  First check of this log: its checkpoint is now remembered.',
          ])
        },
      ),
    )
}
