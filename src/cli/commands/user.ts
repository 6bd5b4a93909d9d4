import type { Command } from 'commander'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { ROLES, type Role } from '../../lifecycle/lifecycle.js'
import { openStore } from '../../store/open-store.js'
import { action, print } from '../io.js'

/** Read a password from standard input (one line), so it never appears in the shell history or process list. */
async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
}

export function registerUser(program: Command): void {
  const user = program
    .command('user')
    .description("manage a node's users (run on the node's machine, against its store)")
  user
    .command('add')
    .description('create or update a user (the first admin is made this way)')
    .requiredOption('--state <code>', 'the State node')
    .requiredOption('--username <name>', 'user name')
    .requiredOption('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`)
    .option(
      '--password-stdin',
      'read the password from standard input (else $ROGATORY_NEW_PASSWORD)',
    )
    .option('--data <dir>', 'data directory (PGlite store unless DATABASE_URL is set)', 'data')
    .option('--schema <name>', 'PostgreSQL schema of the node (default rogatory_<state>)')
    .action(
      action(
        async (o: {
          state: string
          username: string
          roles: string
          passwordStdin?: boolean
          data: string
          schema?: string
        }) => {
          const password = o.passwordStdin
            ? await readStdinLine()
            : process.env.ROGATORY_NEW_PASSWORD
          if (!password)
            throw new RogatoryError(
              'ERR_INPUT_INVALID',
              'give the password on standard input (--password-stdin) or in $ROGATORY_NEW_PASSWORD',
              { path: '--password-stdin' },
            )
          const roles = o.roles.split(',').map((r) => r.trim()) as Role[]
          const state = o.state.toLowerCase()
          const databaseUrl = process.env.DATABASE_URL
          const store = await openStore(
            databaseUrl
              ? { databaseUrl, schema: o.schema ?? `rogatory_${state}` }
              : { dataDir: `${o.data}/${state}/db` },
          )
          try {
            const { addUser } = await import('../../node/services/users.js')
            const u = await addUser(store, o.username, password, roles)
            print(
              `${u.username} (${u.roles.join(', ')}) saved on the ${o.state.toUpperCase()} node.`,
            )
          } finally {
            await store.close()
          }
        },
      ),
    )
}
