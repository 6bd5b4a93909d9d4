import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { driveTraffic } from '../../demo/traffic.js'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { federationNodes } from '../federation-file.js'
import { action, print } from '../io.js'
import { progressBar } from '../progress.js'
import { assessFile } from './assess.js'

/** The bundled examples: a fictional registry and requests (examples/). */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url))

export function registerDemo(program: Command): void {
  const demo = program
    .command('demo')
    .description('assess the bundled example requests and compare them across the three texts')
    .action(
      action(async () => {
        const dir = join(EXAMPLES_DIR, 'requests')
        const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()
        print([
          'Rogatory — the UN Convention against Cybercrime as code, safeguards first.',
          `Example requests from ${dir} (fictional States, invented people).`,
          '',
        ])
        for (const f of files) {
          await assessFile(join(dir, f), { compare: true })
          print('')
        }
        print([
          'Next:',
          '  npx rogatory assess examples/requests/<file> --profile ohchr-2023   (one text, with the explanation trail)',
          '  npx rogatory provision "40(21)" --profile ohchr-2023              (the provision text and its trust mark)',
          '  npx rogatory scenarios run ../shared/scenarios/public             (the scenario suite)',
        ])
        return 0
      }),
    )
  demo
    .command('traffic')
    .description(
      'drive the running federation through realistic mixed traffic (bounded, with a progress bar)',
    )
    .option('--requests <n>', 'how many requests', '60')
    .option('--seed <n>', 'seed, for a repeatable run', '2027')
    .option('--concurrency <n>', 'requests in flight', '4')
    .option('--password <password>', 'demo password (default: $ROGATORY_PASSWORD or the demo one)')
    .option('--data <dir>', 'data directory of the federation', 'data')
    .action(
      action(
        async (o: {
          requests: string
          seed: string
          concurrency: string
          password?: string
          data: string
        }) => {
          const n = Number(o.requests)
          if (!Number.isInteger(n) || n < 1 || n > 100_000)
            throw new RogatoryError('ERR_INPUT_INVALID', 'between 1 and 100000 requests', {
              path: '--requests',
            })
          const nodes = await federationNodes(o.data)
          const s = await driveTraffic({
            nodes,
            password: o.password ?? process.env.ROGATORY_PASSWORD ?? 'rogatory-demo-2027',
            requests: n,
            seed: Number(o.seed),
            concurrency: Math.max(1, Math.min(16, Number(o.concurrency))),
            progress: progressBar('requests'),
          })
          print([
            `${s.requests} requests between ${Object.keys(nodes).join(', ')}:`,
            `  outcomes: ${Object.entries(s.byOutcome)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}`,
            `  emergency disclosures ${s.emergencies}, followed up ${s.followUps}`,
            `  deletions ${s.deletions}, notices settled ${s.notices}`,
            ...(s.failures.length
              ? [`  ${s.failures.length} failed: ${s.failures.slice(0, 3).join('; ')}`]
              : []),
          ])
          return s.failures.length ? 1 : 0
        },
      ),
    )
}
