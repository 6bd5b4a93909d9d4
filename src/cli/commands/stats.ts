/**
 * `rogatory stats publish|show|verify`: a node's signed statistics
 * releases. `verify` trusts only the Secretariat's register: it reads the
 * node's whole public log (tiles), checks the release's signature, the
 * log root it names, every figure recomputed from the entries, and that
 * the release is committed to the log without silently replacing another.
 */
import { isDeepStrictEqual } from 'node:util'
import type { Command } from 'commander'
import { compactVerify } from 'jose'
import { SIGNING_ALG } from '../../envelope/algorithms.js'
import { keyFromJwk } from '../../envelope/keys.js'
import { unverifiedClaims } from '../../envelope/registered-jws.js'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { httpReader, verifyLog } from '../../log/verify-remote.js'
import { SnapshotDirectory } from '../../registry/snapshot.js'
import { federationBody, readFederationLogs } from '../../review/federation-release.js'
import type { ReleaseBody } from '../../review/release.js'
import type { PublishedTable } from '../../review/suppression.js'
import { verifyRelease } from '../../review/verify-release.js'
import { type ClientOptions, connect, withClient } from '../client.js'
import { action, print, printJson } from '../io.js'
import { progressBar } from '../progress.js'
import { register, secretariat } from '../register.js'

const cell = (v: number | null) => (v === null ? '   ·' : String(v).padStart(4))

export function renderTable(t: PublishedTable): string[] {
  const w = Math.max(12, ...t.rows.map((r) => r.length))
  return [
    t.title,
    `  ${''.padEnd(w)} ${t.cols.map((c) => c.slice(0, 22).padStart(22)).join(' ')} ${'total'.padStart(6)}`,
    ...t.rows.map(
      (r, i) =>
        `  ${r.padEnd(w)} ${t.cells[i]!.map((v) => cell(v).padStart(22)).join(' ')} ${cell(t.rowTotals[i]!).padStart(6)}${t.cites?.[r] ? `  (Art ${t.cites[r]!.join(', ')})` : ''}`,
    ),
    `  ${'total'.padEnd(w)} ${t.colTotals.map((v) => cell(v).padStart(22)).join(' ')} ${cell(t.total).padStart(6)}`,
  ]
}

async function fetchRelease(url: string, o: { period?: string; hash?: string }) {
  const list = (await (await fetch(new URL('/v1/statistics/releases', url))).json()) as {
    releases: { hash: string; period: string }[]
  }
  const chosen = o.hash
    ? list.releases.find((r) => r.hash === o.hash)
    : list.releases.find((r) => !o.period || r.period === o.period)
  if (!chosen)
    throw new RogatoryError(
      'ERR_NOT_FOUND',
      `no release${o.period ? ` for ${o.period}` : ''}${o.hash ? ` ${o.hash}` : ''}`,
      { path: o.hash ? '--hash' : '--period' },
    )
  return (
    (await (await fetch(new URL(`/v1/statistics/releases/${chosen.hash}`, url))).json()) as {
      jws: string
    }
  ).jws
}

export function registerStats(program: Command): void {
  const stats = program
    .command('stats')
    .description("a node's public cooperation statistics: signed, logged, checkable")
  withClient(
    stats
      .command('publish')
      .description('compute, sign and log the statistics of a quarter (reviewer or admin)')
      .requiredOption('--period <quarter>', 'e.g. 2027-Q2')
      .option('--threshold <n>', 'smallest count published', '5'),
  ).action(
    action(async (o: ClientOptions & { period: string; threshold: string; json?: boolean }) => {
      const c = await connect(o)
      const r = await c.call<{ hash: string; body: ReleaseBody }>(
        'POST',
        '/v1/statistics/releases',
        {
          period: o.period,
          threshold: Number(o.threshold),
        },
      )
      if (o.json) return printJson(r)
      print([
        `Release ${r.hash} for ${o.period}: over ${r.body.log.size} log entries, signed and logged.`,
        '',
      ])
      for (const t of r.body.tables) print([...renderTable(t), ''])
    }),
  )
  for (const name of ['show', 'verify'] as const)
    stats
      .command(name)
      .description(
        name === 'show'
          ? "print a State's latest release (for a quarter)"
          : "check a State's release against its log and the register: signature, root, every figure, and that no release was silently replaced",
      )
      .requiredOption('--state <code>', 'State code')
      .option('--period <quarter>', 'the quarter (default: the latest release)')
      .option('--hash <sha256>', 'one release by its hash')
      .option('--data <dir>', 'data directory of the federation (for the register)', 'data')
      .option('--json', 'machine-readable output')
      .action(
        action(
          async (o: {
            state: string
            period?: string
            hash?: string
            data: string
            json?: boolean
          }): Promise<number> => {
            const snap = await register(o.data)
            const node = snap.nodes.find((n) => n.state === o.state.toUpperCase())
            if (!node?.log)
              throw new RogatoryError(
                'ERR_PEER_UNKNOWN',
                `${o.state} has no node in the register`,
                { path: '--state' },
              )
            const jws = await fetchRelease(node.url, o)
            if (name === 'show') {
              const body = unverifiedClaims<ReleaseBody>(jws)
              if (o.json) printJson(body)
              else {
                print([`${body.node} ${body.period} (not verified; use stats verify)`, ''])
                for (const t of body.tables) print([...renderTable(t), ''])
              }
              return 0
            }
            const log = await verifyLog(
              httpReader(new URL('/log/', node.url).toString()),
              node.log.vkey,
              undefined,
              progressBar('log entries read'),
              { keepEntries: true },
            )
            const r = await verifyRelease(jws, new SnapshotDirectory(snap), {
              entries: log.entries!,
              rootAt: log.rootAt,
            })
            if (o.json) {
              printJson({ ok: true, hash: r.hash, latest: r.latest, chain: r.chain })
              return r.latest ? 0 : 1
            }
            print([
              `OK  release ${r.hash} of ${r.body.node} for ${r.body.period}`,
              `  signed by ${r.body.node}'s registered key; log root at ${r.body.log.size} entries matches (checkpoint of ${log.checkpoint.size} verified)`,
              `  ${r.body.tables.length} tables and ${r.body.timings.length} timings recomputed from the entries: identical`,
              `  committed to the log; ${r.chain.length} release(s) for ${r.body.period}${r.latest ? ', this is the latest' : ', SUPERSEDED by a later one'}; each names the one it replaces`,
            ])
            return r.latest ? 0 : 1
          },
        ),
      )
  stats
    .command('federation')
    .description(
      "federation-wide statistics from the Secretariat, checked: its signature against the pinned key, and every figure recomputed from the nodes' public logs",
    )
    .requiredOption('--period <quarter>', 'e.g. 2027-Q2')
    .option('--data <dir>', 'data directory of the federation', 'data')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { period: string; data: string; json?: boolean }) => {
        const sec = await secretariat(o.data)
        const res = await fetch(
          new URL(`/v1/statistics/federation?period=${encodeURIComponent(o.period)}`, sec.url),
        )
        const { jws } = (await res.json()) as { jws: string }
        let body: ReturnType<typeof federationBody>
        try {
          const { payload } = await compactVerify(jws, await keyFromJwk(sec.key, SIGNING_ALG), {
            algorithms: [SIGNING_ALG],
          })
          body = JSON.parse(new TextDecoder().decode(payload))
        } catch {
          throw new RogatoryError(
            'ERR_STATS_INVALID',
            'the federation release is not signed by the Secretariat',
          )
        }
        const logs = await readFederationLogs(await register(o.data))
        const prefixes = body.logs.map((l) => {
          const mine = logs.find((x) => x.log.node === l.node)
          if (
            !mine ||
            mine.log.size < l.size ||
            Buffer.from(mine.rootAt(l.size)).toString('base64') !== l.root
          )
            throw new RogatoryError(
              'ERR_STATS_MISMATCH',
              `${l.node}'s log does not have the root the release names at ${l.size}`,
            )
          return { log: l, entries: mine.entries }
        })
        const again = federationBody(prefixes, body.period, body.issuedAt, body.threshold)
        if (!isDeepStrictEqual(JSON.parse(JSON.stringify(again)), body))
          throw new RogatoryError(
            'ERR_STATS_MISMATCH',
            'the figures differ from what the logs give',
          )
        if (o.json) {
          printJson({ ok: true, ...body })
          return 0
        }
        print([
          `OK  federation statistics for ${body.period}: signed by the Secretariat, recomputed from ${body.logs.map((l) => `${l.node} (${l.size} entries)`).join(', ')}`,
          '',
        ])
        for (const t of body.tables) print([...renderTable(t), ''])
        return 0
      }),
    )
}
