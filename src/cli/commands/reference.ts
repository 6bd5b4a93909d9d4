import type { Command } from 'commander'
import { ERROR_CODES, type ErrorCode } from '../../errors/codes.js'
import { errorTableMarkdown } from '../../errors/table.js'
import { PROFILES, parseProfile } from '../../treaty/profile.js'
import { citeIn } from '../../treaty/rules/rule.js'
import { RULE_BOOK } from '../../treaty/rules/rule-book.js'
import { action, print } from '../io.js'

export function registerReference(program: Command): void {
  program
    .command('errors')
    .description('the table of stable error codes')
    .option('--markdown', 'as the Markdown table of docs/errors.md')
    .action(
      action((opts: { markdown?: boolean }) => {
        if (opts.markdown) return print(errorTableMarkdown())
        for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
          print(`${code.padEnd(24)} ${ERROR_CODES[code].status}  ${ERROR_CODES[code].message}`)
        }
      }),
    )
  program
    .command('rules')
    .description('the rule book: every rule with the section it implements and what it cites')
    .option('-p, --profile <profile>', 'only the rules of one profile')
    .action(
      action((opts: { profile?: string }) => {
        const profiles = opts.profile ? [parseProfile(opts.profile, '--profile')] : PROFILES
        for (const r of RULE_BOOK.rules) {
          const ps = r.profiles.filter((p) => profiles.includes(p))
          if (ps.length === 0) continue
          const own = r.cites
          const cites =
            typeof own === 'function'
              ? '(depends on the facts)'
              : ps.map((p) => `${p}: ${own.map((c) => citeIn(p, c)).join(', ') || '—'}`).join('; ')
          print(
            `${r.id}\n  ${r.section} · ${r.question} · ${cites}${r.reading ? ` · reading ${r.reading}` : ''}\n  ${r.note}`,
          )
        }
      }),
    )
}
