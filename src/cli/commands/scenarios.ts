import type { Command } from 'commander'
import { lintScenarios } from '../../scenario/lint.js'
import { formatRun, runScenarios } from '../../scenario/runner.js'
import { action, EXIT, print, printJson } from '../io.js'

export function registerScenarios(program: Command): void {
  const scenarios = program
    .command('scenarios')
    .description('run or lint a directory of scenarios (FORMAT.md)')
  scenarios
    .command('run')
    .description('run every scenario; one line per failure, then "N passed, M failed"')
    .argument('<dir>', 'directory of scenario files')
    .option('-r, --registry <file>', 'registry (default: registry.json in DIR, else in its parent)')
    .option('--json', 'machine-readable results')
    .action(
      action(async (dir: string, opts: { registry?: string; json?: boolean }) => {
        const summary = await runScenarios(dir, opts.registry)
        if (opts.json) printJson(summary)
        else print(formatRun(summary))
        if (summary.invalid > 0) return EXIT.usage
        return summary.failed > 0 ? EXIT.failed : EXIT.ok
      }),
    )
  scenarios
    .command('lint')
    .description('check scenario files without judging the answers')
    .argument('<dir>', 'directory of scenario files')
    .option('-r, --registry <file>', 'registry (default: registry.json in DIR, else in its parent)')
    .action(
      action(async (dir: string, opts: { registry?: string }) => {
        const { files, problems } = await lintScenarios(dir, opts.registry)
        print([
          ...problems.map((p) => `${p.file}: ${p.message}`),
          `${files} files, ${problems.length} problems`,
        ])
        return problems.length > 0 ? EXIT.failed : EXIT.ok
      }),
    )
}
