/**
 * @module node/secretariat
 *
 * The Secretariat node keeps the registers (Arts 37(19), 40(12)(c),
 * 40(13), 41(2)) and publishes them as one signed, versioned snapshot.
 * A State node enrols with a one-time code issued by the Secretariat; each
 * change (enrolment, key rotation, revocation) publishes version + 1.
 */
import type { FastifyInstance } from 'fastify'
import type { JWK } from 'jose'
import { signStatement } from '../envelope/registered-jws.js'
import { RogatoryError } from '../errors/rogatory-error.js'
import { fromZodError } from '../lib/zod-error.js'
import type { RegistryDocument } from '../registry/schema.js'
import {
  type Snapshot,
  SnapshotDirectory,
  type SnapshotNode,
  signSnapshot,
  snapshotNodeSchema,
  verifySnapshot,
} from '../registry/snapshot.js'
import { FEDERATION_TYP, federationBody, readFederationLogs } from '../review/federation-release.js'
import { openStore, type StoreOptions } from '../store/open-store.js'
import { createHttpApp } from './http-app.js'
import { mergeNode, verifyEnrolmentProof } from './services/enrolment.js'
import { activeKey, ensureKeys } from './services/node-keys.js'

export interface SecretariatOptions extends StoreOptions {
  readonly host?: string
  readonly port?: number
  readonly registry: RegistryDocument
  /** One-time enrolment codes per State code. */
  readonly enrolmentCodes: ReadonlyMap<string, string>
}

export interface RunningSecretariat {
  readonly url: string
  readonly publicJwk: JWK
  readonly app: FastifyInstance
  current(): Promise<{ jws: string; snapshot: Snapshot }>
  /** The JWS of an earlier version, as it was published. */
  snapshotJws(version: number): Promise<string>
  /** Change a State's key status (rotation leaves `retired`; compromise `revoked`). */
  setKeyStatus(
    state: string,
    kid: string,
    status: 'active' | 'retired' | 'revoked',
  ): Promise<Snapshot>
  close(): Promise<void>
}

export async function startSecretariat(o: SecretariatOptions): Promise<RunningSecretariat> {
  const store = await openStore(o)
  const keys = await ensureKeys(store)
  const key = activeKey(keys, 'sig')
  const codes = new Map(o.enrolmentCodes)
  let chain = Promise.resolve()

  const latest = async (): Promise<{ jws: string; snapshot: Snapshot } | undefined> => {
    const row = await store.db
      .selectFrom('snapshots')
      .selectAll()
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst()
    return row
      ? { jws: row.jws, snapshot: await verifySnapshot(row.jws, key.publicJwk) }
      : undefined
  }
  const publish = (change: (nodes: SnapshotNode[]) => SnapshotNode[]) => {
    const run = chain.then(async () => {
      const prev = await latest()
      const snapshot: Snapshot = {
        format: 'rogatory-snapshot/1',
        version: (prev?.snapshot.version ?? 0) + 1,
        issuedAt: new Date().toISOString(),
        registry: o.registry,
        nodes: change(prev?.snapshot.nodes ?? []),
      }
      const jws = await signSnapshot(snapshot, key)
      await store.db
        .insertInto('snapshots')
        .values({ version: snapshot.version, jws, fetched_at: snapshot.issuedAt })
        .execute()
      return { jws, snapshot }
    })
    chain = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }
  if (!(await latest())) await publish((n) => n)

  const app = await createHttpApp('Rogatory Secretariat')
  app.get('/v1/registry/snapshot', { schema: { tags: ['registry'] } }, async () => {
    const l = await latest()
    return { version: l!.snapshot.version, jws: l!.jws }
  })
  app.get('/v1/registry/key', { schema: { tags: ['registry'] } }, async () => key.publicJwk)
  app.get(
    '/v1/statistics/federation',
    {
      schema: {
        tags: ['review'],
        description:
          "Federation-wide statistics for a quarter, computed now from every registered node's public log and signed with the register key.",
        querystring: {
          type: 'object',
          properties: { period: { type: 'string', pattern: '^\\d{4}-Q[1-4]$' } },
          required: ['period'],
          additionalProperties: false,
        },
      },
    },
    async (req) => {
      const l = await latest()
      const logs = await readFederationLogs(l!.snapshot)
      const body = federationBody(
        logs,
        (req.query as { period: string }).period,
        new Date().toISOString(),
      )
      return {
        jws: await signStatement(FEDERATION_TYP, body, {
          kid: key.kid,
          privateJwk: key.privateJwk,
        }),
        body,
      }
    },
  )
  app.post(
    '/v1/registry/enrol',
    {
      schema: {
        tags: ['registry'],
        description:
          'A State node enrols (one-time code) or re-enrols after a key rotation (proof: a JWS over the entry, signed by its key active in the current register).',
        body: { type: 'object', required: ['state', 'url', 'keys'] },
      },
    },
    async (req) => {
      const { code, proof, ...entry } = req.body as { code?: unknown; proof?: unknown } & Record<
        string,
        unknown
      >
      const parsed = snapshotNodeSchema.safeParse(entry)
      if (!parsed.success) throw fromZodError('ERR_INPUT_INVALID', parsed.error, 'body')
      const node = parsed.data
      const current = (await latest())!.snapshot
      if (typeof code === 'string' && codes.get(node.state) === code) {
        codes.delete(node.state) // one-time
      } else if (typeof proof === 'string') {
        await verifyEnrolmentProof(proof, node, new SnapshotDirectory(current))
      } else {
        throw new RogatoryError(
          'ERR_AUTH_INVALID',
          'unknown State, used enrolment code, or no valid proof',
        )
      }
      const { jws, snapshot } = await publish((nodes) => mergeNode(nodes, node))
      return { version: snapshot.version, jws }
    },
  )
  const address = await app.listen({ host: o.host ?? '127.0.0.1', port: o.port ?? 0 })
  return {
    url: address,
    publicJwk: key.publicJwk,
    app,
    current: async () => (await latest())!,
    snapshotJws: async (version) =>
      (
        await store.db
          .selectFrom('snapshots')
          .select('jws')
          .where('version', '=', version)
          .executeTakeFirstOrThrow()
      ).jws,
    setKeyStatus: async (state, kid, status) =>
      (
        await publish((nodes) =>
          nodes.map((n) =>
            n.state !== state
              ? n
              : { ...n, keys: n.keys.map((k) => (k.kid === kid ? { ...k, status } : k)) },
          ),
        )
      ).snapshot,
    close: async () => {
      await app.close()
      await store.close()
    },
  }
}
