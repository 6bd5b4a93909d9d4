/**
 * @module node/services/node-keys
 *
 * A node's own keys, kept in its store: generated on first start, rotated
 * on demand (the old key becomes `retired`: still listed, so what it
 * signed still verifies, but no longer used to sign).
 */
import type { JWK } from 'jose'
import { generateNodeKey, type KeyPairJwk, type KeyUse } from '../../envelope/keys.js'
import { type NoteSigner, signerFromSeed } from '../../log/signed-note.js'
import { readJson } from '../../store/json-column.js'
import type { Store } from '../../store/store.js'

export interface NodeKeyRecord {
  kid: string
  use: KeyUse
  status: 'active' | 'retired' | 'revoked'
  privateJwk: JWK
  publicJwk: JWK
}

const parse = (v: unknown): JWK => readJson<JWK>(v)

export async function loadKeys(store: Store): Promise<NodeKeyRecord[]> {
  const rows = await store.db
    .selectFrom('node_keys')
    .selectAll()
    .where('use', 'in', ['sig', 'enc'])
    .orderBy('created_at')
    .execute()
  return rows.map((r) => ({
    kid: r.kid,
    use: r.use as KeyUse,
    status: r.status,
    privateJwk: parse(r.private_jwk),
    publicJwk: parse(r.public_jwk),
  }))
}

async function insertKey(store: Store, k: KeyPairJwk): Promise<void> {
  await store.db
    .insertInto('node_keys')
    .values({
      kid: k.kid,
      use: k.use,
      status: 'active',
      private_jwk: JSON.stringify(k.privateJwk),
      public_jwk: JSON.stringify(k.publicJwk),
      created_at: new Date().toISOString(),
    })
    .execute()
}

/** The node's keys, creating an active signing and encryption key on first start. */
export async function ensureKeys(store: Store): Promise<NodeKeyRecord[]> {
  const keys = await loadKeys(store)
  for (const use of ['sig', 'enc'] as const) {
    if (!keys.some((k) => k.use === use && k.status === 'active'))
      await insertKey(store, await generateNodeKey(use))
  }
  return loadKeys(store)
}

/** Retire the active key of one use and create a new one. */
export async function rotateKey(store: Store, use: KeyUse): Promise<NodeKeyRecord[]> {
  const fresh = await generateNodeKey(use)
  await store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('node_keys')
      .set({ status: 'retired' })
      .where('use', '=', use)
      .where('status', '=', 'active')
      .execute()
    await trx
      .insertInto('node_keys')
      .values({
        kid: fresh.kid,
        use,
        status: 'active',
        private_jwk: JSON.stringify(fresh.privateJwk),
        public_jwk: JSON.stringify(fresh.publicJwk),
        created_at: new Date().toISOString(),
      })
      .execute()
  })
  return loadKeys(store)
}

export const activeKey = (keys: readonly NodeKeyRecord[], use: KeyUse): NodeKeyRecord => {
  const k = keys.find((x) => x.use === use && x.status === 'active')
  if (!k) throw new Error(`no active ${use} key`)
  return k
}

/** The public entries this node publishes in the registry. */
export const publicEntries = (keys: readonly NodeKeyRecord[]) =>
  keys.map((k) => ({ kid: k.kid, use: k.use, status: k.status, jwk: k.publicJwk }))

/**
 * The node's transparency-log key (`log`) or witness key (`witness`), both
 * Ed25519, made on first start and never rotated: they are identities.
 */
export async function ensureLogSigner(
  store: Store,
  name: string,
  use: 'log' | 'witness' = 'log',
): Promise<NoteSigner> {
  let row = await store.db
    .selectFrom('node_keys')
    .select('private_jwk')
    .where('use', '=', use)
    .executeTakeFirst()
  if (!row) {
    const k = await generateNodeKey('sig')
    await store.db
      .insertInto('node_keys')
      .values({
        kid: `${use}-${k.kid}`,
        use,
        status: 'active',
        private_jwk: JSON.stringify(k.privateJwk),
        public_jwk: JSON.stringify(k.publicJwk),
        created_at: new Date().toISOString(),
      })
      .execute()
    row = { private_jwk: JSON.stringify(k.privateJwk) }
  }
  const d = parse(row.private_jwk).d
  if (!d) throw new Error('log key without its private half')
  return signerFromSeed(name, new Uint8Array(Buffer.from(d, 'base64url')))
}
