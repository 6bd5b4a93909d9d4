/**
 * @module cli/main
 *
 * The `rogatory` command line.
 */
import { Command } from 'commander'
import { registerAccountability } from './commands/accountability.js'
import { registerAssess } from './commands/assess.js'
import { registerDemo } from './commands/demo.js'
import { registerEvidence } from './commands/evidence.js'
import { registerFederation, registerNode } from './commands/federation.js'
import { registerLog } from './commands/log.js'
import { registerProvision } from './commands/provision.js'
import { registerReference } from './commands/reference.js'
import { registerRegistry } from './commands/registry.js'
import { registerRequest } from './commands/request.js'
import { registerReview } from './commands/review.js'
import { registerScenarios } from './commands/scenarios.js'
import { registerSimulate } from './commands/simulate.js'
import { registerStats } from './commands/stats.js'
import { registerUser } from './commands/user.js'
import { EXIT } from './io.js'

export function buildProgram(): Command {
  const program = new Command()
  program
    .name('rogatory')
    .description(
      'Cross-border cooperation under the UN Convention against Cybercrime, with the safeguards built in.',
    )
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.usage)
    })
  registerAssess(program)
  registerProvision(program)
  registerScenarios(program)
  registerRegistry(program)
  registerReference(program)
  registerDemo(program)
  registerFederation(program)
  registerNode(program)
  registerRequest(program)
  registerUser(program)
  registerLog(program)
  registerEvidence(program)
  registerAccountability(program)
  registerStats(program)
  registerSimulate(program)
  registerReview(program)
  program
    .command('warm-store', { hidden: true })
    .description('prepare the embedded database template (run by npm install)')
    .action(async () => {
      const { warmTemplate } = await import('../store/pglite/pglite-store.js')
      await warmTemplate()
    })
  return program
}

await buildProgram().parseAsync(process.argv)
