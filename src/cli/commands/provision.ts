import type { Command } from 'commander'
import { PROFILES, type ProfileId, parseProfile } from '../../treaty/profile.js'
import {
  childrenOf,
  listProvisions,
  type Provision,
  provision,
} from '../../treaty/provisions/catalog.js'
import { action, print, printJson } from '../io.js'

const TRUST_LABEL = {
  verified: 'V verified',
  partial: 'P partial',
  unverified: 'U unverified',
} as const

/** A provision as a reader sees it: a summary is never printed as if it were the treaty's words. */
export function formatProvision(p: Provision, children: readonly Provision[] = []): string[] {
  const lines = [`${p.id} — ${p.title}  [${TRUST_LABEL[p.trust]}] (${p.profile})`]
  if (p.text) lines.push(`  "${p.text}"`)
  else if (p.summary)
    lines.push(`  Summary, not the treaty text [${TRUST_LABEL[p.trust]}]: ${p.summary}`)
  for (const c of children) {
    lines.push(`  ${c.id} ${c.title} [${TRUST_LABEL[c.trust]}]`)
    if (c.text) lines.push(`    "${c.text}"`)
  }
  lines.push(`  Source: ${p.source}`)
  return lines
}

export function registerProvision(program: Command): void {
  program
    .command('provision')
    .description(
      'print a provision under one text profile (or all three), with its trust mark and source',
    )
    .argument('<id>', 'citation, e.g. 40(21) or 40(21)(b)')
    .option(
      '-p, --profile <profile>',
      'zero-draft-2023 | ohchr-2023 | adopted-2024 (default: all three)',
    )
    .option('--json', 'machine-readable output')
    .action(
      action((id: string, opts: { profile?: string; json?: boolean }) => {
        const profiles: ProfileId[] = opts.profile
          ? [parseProfile(opts.profile, '--profile')]
          : [...PROFILES]
        const found = profiles.map((p) => {
          try {
            return { p: provision(p, id), children: childrenOf(p, id) }
          } catch (e) {
            if (profiles.length === 1) throw e
            return null
          }
        })
        if (found.every((f) => f === null)) provision(profiles[0]!, id)
        if (opts.json) {
          printJson(
            found.filter((f) => f !== null).map((f) => ({ ...f!.p, children: f!.children })),
          )
          return
        }
        profiles.forEach((p, i) => {
          const f = found[i]
          print(f ? formatProvision(f.p, f.children) : [`${id} — not held for ${p}`])
        })
      }),
    )
  program
    .command('provisions')
    .description('list the provisions held for a profile')
    .option('-p, --profile <profile>', 'text profile', 'adopted-2024')
    .action(
      action((opts: { profile: string }) => {
        const profile = parseProfile(opts.profile, '--profile')
        for (const p of listProvisions(profile)) {
          print(`${p.id.padEnd(11)} ${TRUST_LABEL[p.trust].padEnd(13)} ${p.title}`)
        }
      }),
    )
}
