import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import type { JWK } from 'jose'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { isIsoDate } from '../../lib/iso-date.js'
import { ROLES, type Role } from '../../lifecycle/lifecycle.js'
import { loadRegistryRaw, parseRegistry } from '../../registry/load.js'
import { parseProfile } from '../../treaty/profile.js'
import { action, print } from '../io.js'
import { EXAMPLES_DIR } from './demo.js'

const DEFAULT_STATES = 'XAR,XBO,XCA'
export const DEMO_TREATY_DATE = '2027-06-01'

/** Stop cleanly on Ctrl-C or SIGTERM. */
function untilSignal(close: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    let closing = false
    const stop = async () => {
      if (closing) return
      closing = true
      print('\nShutting down…')
      await close()
      print('Stopped.')
      resolve(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}

export function registerFederation(program: Command): void {
  const federation = program
    .command('federation')
    .description('run a local federation: the Secretariat and demo State nodes')
  federation
    .command('up')
    .description('start the Secretariat and State nodes on 127.0.0.1 (Ctrl-C stops them)')
    .option('--states <codes>', 'State codes, comma-separated', DEFAULT_STATES)
    .option('--registry <file>', 'registry document', `${EXAMPLES_DIR}registry.json`)
    .option('--data <dir>', 'data directory (PGlite stores, files, federation.json)', 'data')
    .option(
      '--port-base <n>',
      'Secretariat port; States on the next ones (0: any free port)',
      '7400',
    )
    .option(
      '--treaty-date <date>',
      'date the treaty engine screens as of (the date of the fictional registry)',
      DEMO_TREATY_DATE,
    )
    .option('--profile <profile>', 'text profile the nodes screen under', 'adopted-2024')
    .action(
      action(
        async (o: {
          states: string
          registry: string
          data: string
          portBase: string
          treatyDate: string
          profile: string
        }) => {
          if (!isIsoDate(o.treatyDate))
            throw new RogatoryError('ERR_INPUT_INVALID', 'expected YYYY-MM-DD', {
              path: '--treaty-date',
            })
          const started = performance.now()
          const registry = parseRegistry(await loadRegistryRaw(o.registry))
          const states = o.states.split(',').map((s) => s.trim().toUpperCase())
          for (const s of states) registry.state(s, '--states')
          const databaseUrl = process.env.DATABASE_URL
          print(
            `Starting the Secretariat and ${states.join(', ')} (${databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${o.data}/`})…`,
          )
          const { startFederation } = await import('../../node/federation.js')
          const fed = await startFederation({
            registry: registry.document,
            states,
            dataDir: o.data,
            portBase: Number(o.portBase),
            treatyDate: o.treatyDate,
            profile: parseProfile(o.profile, '--profile'),
            ...(databaseUrl ? { databaseUrl } : {}),
          })
          const secs = ((performance.now() - started) / 1000).toFixed(1)
          const password = fed.demoUsers[0]?.password ?? ''
          print([
            '',
            `Rogatory federation up in ${secs} s.`,
            `  Secretariat  ${fed.secretariat.url}   signed register: ${fed.secretariat.url}/v1/registry/snapshot`,
            ...[...fed.nodes].map(
              ([s, n]) => `  ${s}          web UI: ${n.url}/   API docs: ${n.url}/docs`,
            ),
            '',
            `Open ${[...fed.nodes.values()][0]?.url}/ in a browser and sign in as one of the demo users.`,
            '',
            `Demo users (password for all: ${password}):`,
            ...states.map(
              (s) => `  ${s}: ${ROLES.map((r: Role) => `${s.toLowerCase()}.${r}`).join(', ')}`,
            ),
            '',
            `Treaty date for screening: ${o.treatyDate} (the fictional States are Parties then).`,
            'Try, in another terminal:',
            `  export ROGATORY_PASSWORD=${password}`,
            '  npx rogatory request new --node XAR --user xar.drafter --file examples/requests/05-mla-fraud-xar-to-xbo.json',
            '  npx rogatory request list --node XAR --user xar.drafter',
            '',
            'Ctrl-C stops the federation.',
          ])
          return untilSignal(fed.close)
        },
      ),
    )
}

export function registerNode(program: Command): void {
  program
    .command('node')
    .description('run one State node')
    .requiredOption('--state <code>', 'the State this node serves')
    .requiredOption('--secretariat <url>', 'Secretariat URL')
    .requiredOption('--secretariat-key <file>', "the Secretariat's public JWK (pinned)")
    .option('--port <n>', 'port', '0')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--enrolment-code <code>', 'one-time enrolment code from the Secretariat')
    .option('--data <dir>', 'data directory (PGlite store unless DATABASE_URL is set)', 'data')
    .option('--profile <profile>', 'text profile to screen under', 'adopted-2024')
    .option('--schema <name>', 'PostgreSQL schema of the node (default rogatory_<state>)')
    .option('--treaty-date <date>', 'date the treaty engine screens as of (default: today)')
    .action(
      action(
        async (o: {
          schema?: string
          treatyDate?: string
          state: string
          secretariat: string
          secretariatKey: string
          port: string
          host: string
          enrolmentCode?: string
          data: string
          profile: string
        }) => {
          const jwk = JSON.parse(await readFile(o.secretariatKey, 'utf8')) as JWK
          const { startStateNode } = await import('../../node/state-node.js')
          const state = o.state.toUpperCase()
          const databaseUrl = process.env.DATABASE_URL
          const node = await startStateNode({
            state,
            host: o.host,
            port: Number(o.port),
            secretariatUrl: o.secretariat,
            secretariatJwk: jwk,
            filesDir: `${o.data}/${state.toLowerCase()}`,
            profile: parseProfile(o.profile, '--profile'),
            ...(o.enrolmentCode ? { enrolmentCode: o.enrolmentCode } : {}),
            ...(databaseUrl
              ? { databaseUrl, schema: o.schema ?? `rogatory_${state.toLowerCase()}` }
              : { dataDir: `${o.data}/${state.toLowerCase()}/db` }),
            ...(o.treatyDate ? { settings: { treatyDate: o.treatyDate } } : {}),
            deliveryIntervalMs: 100,
          })
          print(
            `${state} node listening on ${node.url} (API docs ${node.url}/docs). Ctrl-C stops it.`,
          )
          return untilSignal(node.close)
        },
      ),
    )
}
