import { dirname } from 'node:path'
import type { Command } from 'commander'
import { loadRegistryRaw } from '../../registry/load.js'
import { answerLoaded, loadQuestionFile, resolveRegistryFile } from '../../scenario/load.js'
import { compareProfiles } from '../../treaty/compare.js'
import { PROFILES } from '../../treaty/profile.js'
import { formatAssessment } from '../format/assessment.js'
import { formatComparison } from '../format/comparison.js'
import { action, print, printJson } from '../io.js'

export interface AssessOptions {
  profile?: string
  registry?: string
  compare?: boolean
  json?: boolean
  trail?: boolean
}

export async function assessFile(file: string, opts: AssessOptions): Promise<number> {
  const regFile = await resolveRegistryFile(dirname(file), opts.registry)
  const loaded = await loadQuestionFile(file, await loadRegistryRaw(regFile), opts.profile)
  const title = loaded.doc.title ?? loaded.doc.id ?? file
  if (opts.compare) {
    const assessments = Object.fromEntries(
      PROFILES.map((p) => [p, answerLoaded(loaded, p)]),
    ) as Parameters<typeof compareProfiles>[0]
    const comparison = compareProfiles(assessments)
    if (opts.json) printJson(comparison)
    else
      print([
        `${title} — compared across the three text profiles, as of ${loaded.asOf}`,
        '',
        ...formatComparison(comparison),
      ])
    return 0
  }
  const a = answerLoaded(loaded)
  if (opts.json) printJson(a)
  else print(formatAssessment(a, { trail: opts.trail !== false, title }))
  return 0
}

export function registerAssess(program: Command): void {
  program
    .command('assess')
    .description(
      'answer a question file (FORMAT.md) under a text profile, with the explanation trail',
    )
    .argument('<file>', 'question or scenario JSON file')
    .option('-p, --profile <profile>', "text profile (default: the file's, else adopted-2024)")
    .option(
      '-r, --registry <file>',
      'registry file (default: registry.json beside the file or in its parent)',
    )
    .option('-c, --compare', 'answer under all three profiles and show where and why they differ')
    .option('--no-trail', 'omit the explanation trail')
    .option('--json', 'machine-readable output')
    .action(action((file: string, opts: AssessOptions) => assessFile(file, opts)))
}
