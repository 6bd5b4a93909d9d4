import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { action, print } from '../io.js'
import { assessFile } from './assess.js'

/** The bundled examples: a fictional registry and requests (examples/). */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url))

export function registerDemo(program: Command): void {
  program
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
}
