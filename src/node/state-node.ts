/**
 * @module node/state-node
 *
 * One State node: its store, its keys, its enrolment with the Secretariat,
 * its HTTP API and its delivery loop. `startStateNode` returns once the
 * node is listening and holds a verified registry snapshot.
 */
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { JWK } from 'jose'
import { RogatoryError } from '../errors/rogatory-error.js'
import type { Role } from '../lifecycle/lifecycle.js'
import { TransparencyLog } from '../log/transparency-log.js'
import { openStore, type StoreOptions } from '../store/open-store.js'
import type { ProfileId } from '../treaty/profile.js'
import { createHttpApp } from './http-app.js'
import { registerAccountabilityRoutes } from './routes/accountability-routes.js'
import { registerLogRoutes } from './routes/log-routes.js'
import { registerReviewRoutes } from './routes/review-routes.js'
import { registerStateRoutes } from './routes/state-routes.js'
import { registerUiRoutes } from './routes/ui-routes.js'
import { logEntry, type NodeRuntime, type NodeSettings } from './runtime.js'
import { startDeliveryLoop } from './services/delivery.js'
import { startHousekeeping } from './services/housekeeping.js'
import { ensureKeys, ensureLogSigner, publicEntries } from './services/node-keys.js'
import { SnapshotHolder } from './services/snapshot-sync.js'
import { addUser } from './services/users.js'
import { startWitnessQueue } from './services/witness.js'
import { startSubmitting } from './services/witness-protocol.js'

export interface StateNodeOptions extends StoreOptions {
  readonly state: string
  readonly host?: string
  readonly port?: number
  readonly secretariatUrl: string
  /** The Secretariat's public key, pinned out of band. */
  readonly secretariatJwk: JWK
  /** One-time code to enrol with the Secretariat (first start, or after a key rotation). */
  readonly enrolmentCode?: string
  readonly profile?: ProfileId
  readonly filesDir: string
  readonly users?: readonly { username: string; password: string; roles: Role[] }[]
  readonly settings?: Partial<
    Pick<
      NodeSettings,
      'messageTtlSeconds' | 'deliveryDeadlineSeconds' | 'now' | 'treatyDate' | 'retentionDays'
    >
  >
  /** How often a new checkpoint is submitted to the peers' witnesses (default 2 s). */
  readonly witnessIntervalMs?: number
  /** How often deletions and notices are checked (default 60 s). */
  readonly housekeepingIntervalMs?: number
  readonly deliveryIntervalMs?: number
  /** How often the transparency log integrates its queue (default 250 ms). */
  readonly logIntervalMs?: number
}

/** The log's origin line: a schema-less name, per C2SP tlog-checkpoint. */
export const logOrigin = (state: string) => `rogatory.example/log/${state}`

export interface RunningStateNode {
  readonly url: string
  readonly runtime: NodeRuntime
  readonly app: FastifyInstance
  close(): Promise<void>
}

export async function startStateNode(o: StateNodeOptions): Promise<RunningStateNode> {
  const store = await openStore(o)
  try {
    const keys = await ensureKeys(store)
    const snapshot = new SnapshotHolder(store, o.secretariatJwk, o.secretariatUrl)
    const origin = logOrigin(o.state)
    const log = await TransparencyLog.open(store, {
      origin,
      signer: await ensureLogSigner(store, origin),
      ...(o.logIntervalMs ? { intervalMs: o.logIntervalMs } : {}),
    })
    await snapshot.loadStored()
    let loop: ReturnType<typeof startDeliveryLoop> | undefined
    let witnessQueue: ReturnType<typeof startWitnessQueue> | undefined
    const rt: NodeRuntime = {
      settings: {
        state: o.state,
        profile: o.profile ?? 'adopted-2024',
        filesDir: join(o.filesDir, 'files'),
        messageTtlSeconds: o.settings?.messageTtlSeconds ?? 7 * 24 * 3600,
        deliveryDeadlineSeconds: o.settings?.deliveryDeadlineSeconds ?? 15 * 60,
        now: o.settings?.now ?? (() => new Date()),
        ...(o.settings?.treatyDate ? { treatyDate: o.settings.treatyDate } : {}),
        ...(o.settings?.retentionDays ? { retentionDays: o.settings.retentionDays } : {}),
      },
      store,
      keys,
      snapshot,
      log,
      witness: await ensureLogSigner(store, `rogatory.example/witness/${o.state}`, 'witness'),
      wake: () => loop?.wake(),
      offerCheckpoint: (peer, note) => witnessQueue?.offer(peer, note),
    }
    for (const u of o.users ?? []) await addUser(store, u.username, u.password, u.roles)
    const app = await createHttpApp(`Rogatory node ${o.state}`)
    let url = ''
    registerStateRoutes(app, rt, { url: () => url, secretariatUrl: o.secretariatUrl })
    registerLogRoutes(app, rt)
    registerAccountabilityRoutes(app, rt)
    registerReviewRoutes(app, rt)
    await registerUiRoutes(app, rt)
    url = await app.listen({ host: o.host ?? '127.0.0.1', port: o.port ?? 0 })
    if (o.enrolmentCode) {
      const res = await fetch(new URL('/v1/registry/enrol', o.secretariatUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          state: o.state,
          url,
          keys: publicEntries(keys),
          log: logEntry(rt),
          code: o.enrolmentCode,
        }),
        signal: AbortSignal.timeout(10_000),
      })
      const body = (await res.json()) as { jws?: string; error?: { code: string; message: string } }
      if (!res.ok)
        throw new RogatoryError(
          'ERR_AUTH_INVALID',
          `enrolment refused: ${body.error?.code} ${body.error?.message}`,
        )
      await snapshot.accept(body.jws)
    } else {
      await snapshot.refresh()
    }
    witnessQueue = startWitnessQueue(rt)
    loop = startDeliveryLoop(rt, o.deliveryIntervalMs ?? 500)
    const housekeeping = startHousekeeping(rt, o.housekeepingIntervalMs ?? 60_000)
    const submitting = startSubmitting(rt, o.witnessIntervalMs ?? 2000)
    log.start()
    return {
      url,
      runtime: rt,
      app,
      async close() {
        await loop?.stop()
        await witnessQueue?.stop()
        await housekeeping.stop()
        await submitting.stop()
        await log.stop()
        await app.close()
        await store.close()
      },
    }
  } catch (e) {
    await store.close()
    throw e
  }
}
