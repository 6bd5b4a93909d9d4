/**
 * @module node/federation
 *
 * The demo federation: a Secretariat and several State nodes on one
 * machine, with their own stores (PGlite in `<data>/<name>/`, or one
 * PostgreSQL schema each when a database URL is given), enrolled with
 * one-time codes, and demo users. `npm start` runs it.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Role } from '../lifecycle/lifecycle.js'
import type { RegistryDocument } from '../registry/schema.js'
import type { StoreOptions } from '../store/open-store.js'
import type { ProfileId } from '../treaty/profile.js'
import { type RunningSecretariat, startSecretariat } from './secretariat.js'
import { type RunningStateNode, startStateNode } from './state-node.js'

export const DEMO_ROLES: readonly Role[] = ['drafter', 'approver', 'desk247', 'reviewer', 'admin']

export interface FederationOptions {
  readonly registry: RegistryDocument
  readonly states: readonly string[]
  readonly dataDir: string
  readonly databaseUrl?: string
  readonly host?: string
  /** Secretariat on portBase, States on portBase+1…; 0 for ephemeral ports. */
  readonly portBase?: number
  readonly treatyDate?: string
  readonly profile?: ProfileId
  /** Password of every demo user (printed by `npm start`). */
  readonly demoPassword?: string
  readonly deliveryIntervalMs?: number
  /** Where each member keeps its data (tests give each a fresh schema); by default from dataDir / databaseUrl. */
  readonly storeFor?: (name: string) => StoreOptions
}

export interface Federation {
  readonly secretariat: RunningSecretariat
  readonly nodes: ReadonlyMap<string, RunningStateNode>
  readonly demoUsers: readonly {
    state: string
    username: string
    password: string
    roles: Role[]
  }[]
  close(): Promise<void>
}

export const demoUsername = (state: string, role: Role) => `${state.toLowerCase()}.${role}`

export async function startFederation(o: FederationOptions): Promise<Federation> {
  const portBase = o.portBase ?? 0
  const port = (i: number) => (portBase === 0 ? 0 : portBase + i)
  const store = (name: string): StoreOptions =>
    o.storeFor
      ? o.storeFor(name)
      : o.databaseUrl
        ? { databaseUrl: o.databaseUrl, schema: `rogatory_${name}` }
        : { dataDir: join(o.dataDir, name, 'db') }
  const codes = new Map(o.states.map((s) => [s, randomBytes(16).toString('base64url')]))
  const secretariat = await startSecretariat({
    registry: o.registry,
    enrolmentCodes: codes,
    port: port(0),
    ...(o.host ? { host: o.host } : {}),
    ...store('secretariat'),
  })
  const password = o.demoPassword ?? 'rogatory-demo-2027'
  const demoUsers = o.states.flatMap((state) =>
    DEMO_ROLES.map((role) => ({
      state,
      username: demoUsername(state, role),
      password,
      roles: [role] as Role[],
    })),
  )
  const nodes = new Map<string, RunningStateNode>()
  try {
    // One at a time: PGlite's start-up is CPU-bound, and enrolments then publish in a stable order.
    for (const [i, state] of o.states.entries()) {
      const node = await startStateNode({
        state,
        port: port(i + 1),
        ...(o.host ? { host: o.host } : {}),
        secretariatUrl: secretariat.url,
        secretariatJwk: secretariat.publicJwk,
        enrolmentCode: codes.get(state)!,
        filesDir: join(o.dataDir, state.toLowerCase()),
        users: demoUsers.filter((u) => u.state === state),
        ...(o.profile ? { profile: o.profile } : {}),
        ...(o.deliveryIntervalMs ? { deliveryIntervalMs: o.deliveryIntervalMs } : {}),
        settings: o.treatyDate ? { treatyDate: o.treatyDate } : {},
        ...store(state.toLowerCase()),
      })
      nodes.set(state, node)
    }
    // Every node learns the final register (the later enrolments).
    await Promise.all([...nodes.values()].map((n) => n.runtime.snapshot.refresh()))
  } catch (e) {
    await Promise.all([...nodes.values()].map((n) => n.close()))
    await secretariat.close()
    throw e
  }
  await mkdir(o.dataDir, { recursive: true })
  await writeFile(
    join(o.dataDir, 'federation.json'),
    JSON.stringify(
      {
        secretariat: { url: secretariat.url, key: secretariat.publicJwk },
        nodes: Object.fromEntries([...nodes].map(([s, n]) => [s, n.url])),
      },
      null,
      2,
    ),
  )
  return {
    secretariat,
    nodes,
    demoUsers,
    async close() {
      await Promise.all([...nodes.values()].map((n) => n.close()))
      await secretariat.close()
    },
  }
}
