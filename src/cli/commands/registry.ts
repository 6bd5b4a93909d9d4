import type { Command } from 'commander'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { isIsoDate } from '../../lib/iso-date.js'
import { loadRegistry } from '../../registry/load.js'
import { stateStatus } from '../../treaty/party-status.js'
import { action, print, printJson } from '../io.js'

const today = () => new Date().toISOString().slice(0, 10)

export function registerRegistry(program: Command): void {
  const registry = program.command('registry').description('validate or inspect a registry file')
  registry
    .command('validate')
    .argument('<file>', 'registry JSON file')
    .action(
      action(async (file: string) => {
        const r = await loadRegistry(file)
        print(
          `${file}: valid rogatory-registry/1, ${r.document.states.length} States, ${r.document.otherDeposits.length} other deposits`,
        )
      }),
    )
  registry
    .command('show')
    .description('a State as the registry records it, with its status on a date')
    .argument('<state>', 'State code, e.g. XAR')
    .requiredOption('-r, --registry <file>', 'registry JSON file')
    .option('--as-of <date>', 'date of the status (default: today)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (code: string, opts: { registry: string; asOf?: string; json?: boolean }) => {
        const asOf = opts.asOf ?? today()
        if (!isIsoDate(asOf))
          throw new RogatoryError('ERR_INPUT_INVALID', 'expected a calendar date YYYY-MM-DD', {
            path: '--as-of',
          })
        const r = await loadRegistry(opts.registry)
        const s = r.state(code, 'state')
        const status = stateStatus(r, s, asOf)
        if (opts.json) return printJson({ state: s, status })
        print([
          `${s.code} — ${s.name}${s.reio ? ' (REIO)' : ''}`,
          `  signed ${s.signed ?? '—'}; instrument ${s.instrumentDeposited ?? '—'}; denunciation notified ${s.denunciationNotified ?? '—'}`,
          `  on ${asOf}: ${status.isParty ? 'Party' : 'not a Party'}; in force for it ${status.entryIntoForce ?? '—'}`,
          `  languages ${s.languages.join(', ')}; reservations ${s.reservations.join(', ') || '—'}`,
          `  central authority: ${s.centralAuthority.name}`,
          `  24/7 point of contact: ${s.pointOfContact247.name}`,
          `  extradition authority: ${s.extraditionAuthority.name}; nationals: ${s.nationalityExtradition}`,
          `  offences:`,
          ...s.offences.map(
            (o) =>
              `    ${o.code} ${o.title} — ${o.conduct.join(', ')}; max ${o.maxPenaltyMonths ?? 'non-custodial'} months${o.protectedExpression ? '; criminalises protected expression' : ''}`,
          ),
        ])
      }),
    )
}
