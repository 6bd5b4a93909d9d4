import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { generateNodeKey, type KeyPairJwk } from '../../src/envelope/keys.js'
import type { MessageHeaders } from '../../src/envelope/message.js'
import { open } from '../../src/envelope/open.js'
import { signReceipt, verifyReceipt } from '../../src/envelope/receipt.js'
import { seal } from '../../src/envelope/seal.js'
import {
  type Snapshot,
  SnapshotDirectory,
  signSnapshot,
  verifySnapshot,
} from '../../src/registry/snapshot.js'
import { RAW_REGISTRY } from '../helpers.js'

type Node = { sig: KeyPairJwk; enc: KeyPairJwk }
let xar: Node
let xbo: Node
let rogue: Node
let sec: KeyPairJwk
let snapshot: Snapshot
let dir: SnapshotDirectory

const now = () => Math.floor(Date.now() / 1000)
const headers = (over: Partial<MessageHeaders> = {}): MessageHeaders => ({
  iss: 'XAR',
  aud: 'XBO',
  jti: randomUUID(),
  rid: randomUUID(),
  mty: 'request',
  iat: now(),
  exp: now() + 3600,
  ...over,
})
const ctxFor = (self: string, node: Node, directory = dir) => ({
  self,
  decryptionKeys: new Map([[node.enc.kid, node.enc.privateJwk]]),
  directory,
  now: now(),
})
const nodeEntry = (state: string, n: Node, sigStatus: 'active' | 'revoked' = 'active') => ({
  state,
  url: `http://127.0.0.1/${state}`,
  keys: [
    { kid: n.sig.kid, use: 'sig' as const, status: sigStatus, jwk: n.sig.publicJwk as never },
    {
      kid: n.enc.kid,
      use: 'enc' as const,
      status: 'active' as const,
      jwk: n.enc.publicJwk as never,
    },
  ],
})
const expectCode = async (p: Promise<unknown>, code: string) => {
  await expect(p).rejects.toMatchObject({ code })
}
const b64 = (s: string) => Buffer.from(s).toString('base64url')
const flip = (part: string) => (part[0] === 'A' ? 'B' : 'A') + part.slice(1)

beforeAll(async () => {
  const pair = async () => ({
    sig: await generateNodeKey('sig'),
    enc: await generateNodeKey('enc'),
  })
  ;[xar, xbo, rogue, sec] = await Promise.all([pair(), pair(), pair(), generateNodeKey('sig')])
  snapshot = {
    format: 'rogatory-snapshot/1',
    version: 3,
    issuedAt: new Date().toISOString(),
    registry: RAW_REGISTRY as never,
    nodes: [nodeEntry('XAR', xar), nodeEntry('XBO', xbo)],
  }
  dir = new SnapshotDirectory(snapshot)
})

describe('envelope: JWS (EdDSA) inside JWE (ECDH-ES+A256KW, X25519, A256GCM)', () => {
  it('round-trips payload and headers, and hashes the envelope as received', async () => {
    const h = headers()
    const env = await seal({ hello: 'Borealia', n: 1 }, h, xar.sig, dir.encryptionKey('XBO')!)
    const opened = await open(env, ctxFor('XBO', xbo))
    expect(opened.payload).toEqual({ hello: 'Borealia', n: 1 })
    expect(opened.headers).toEqual(h)
    expect(opened.messageHash).toMatch(/^[0-9a-f]{64}$/)
    // Headers are readable without decrypting (routing), but not the payload.
    expect(Buffer.from(env.split('.')[0]!, 'base64url').toString()).toContain('"aud":"XBO"')
    expect(env).not.toContain(b64('Borealia'))
  })

  it('rejects a tampered ciphertext, tag or protected header', async () => {
    const env = await seal({ a: 1 }, headers(), xar.sig, dir.encryptionKey('XBO')!)
    const parts = env.split('.')
    for (const i of [3, 4]) {
      const t = [...parts]
      t[i] = flip(t[i]!)
      await expectCode(open(t.join('.'), ctxFor('XBO', xbo)), 'ERR_ENVELOPE_DECRYPTION_FAILED')
    }
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString())
    const forged = [b64(JSON.stringify({ ...header, rid: 'other' })), ...parts.slice(1)].join('.')
    await expectCode(open(forged, ctxFor('XBO', xbo)), 'ERR_ENVELOPE_DECRYPTION_FAILED')
  })

  it('rejects a signature by a key the snapshot does not hold, or by another State’s key', async () => {
    await expectCode(
      open(
        await seal({ a: 1 }, headers(), rogue.sig, dir.encryptionKey('XBO')!),
        ctxFor('XBO', xbo),
      ),
      'ERR_ENVELOPE_UNKNOWN_KID',
    )
    // XBO's own key used to claim to be XAR.
    const env = await seal({ a: 1 }, headers({ iss: 'XAR' }), xbo.sig, dir.encryptionKey('XBO')!)
    await expectCode(open(env, ctxFor('XBO', xbo)), 'ERR_ENVELOPE_SIGNATURE_INVALID')
  })

  it('rejects a forged signature made with a key claiming a registered kid', async () => {
    const env = await seal(
      { a: 1 },
      headers(),
      { kid: xar.sig.kid, privateJwk: rogue.sig.privateJwk },
      dir.encryptionKey('XBO')!,
    )
    await expectCode(open(env, ctxFor('XBO', xbo)), 'ERR_ENVELOPE_SIGNATURE_INVALID')
  })

  it('rejects a revoked key', async () => {
    const revoked = new SnapshotDirectory({
      ...snapshot,
      nodes: [nodeEntry('XAR', xar, 'revoked'), nodeEntry('XBO', xbo)],
    })
    const env = await seal({ a: 1 }, headers(), xar.sig, dir.encryptionKey('XBO')!)
    await expectCode(open(env, ctxFor('XBO', xbo, revoked)), 'ERR_ENVELOPE_KEY_REVOKED')
  })

  it('rejects the wrong recipient and an expired or future-dated message', async () => {
    const env = await seal({ a: 1 }, headers(), xar.sig, dir.encryptionKey('XBO')!)
    await expectCode(open(env, ctxFor('XCA', xbo)), 'ERR_ENVELOPE_WRONG_RECIPIENT')
    const old = await seal(
      { a: 1 },
      headers({ iat: now() - 7200, exp: now() - 60 }),
      xar.sig,
      dir.encryptionKey('XBO')!,
    )
    await expectCode(open(old, ctxFor('XBO', xbo)), 'ERR_ENVELOPE_EXPIRED')
    const future = await seal(
      { a: 1 },
      headers({ iat: now() + 3600, exp: now() + 7200 }),
      xar.sig,
      dir.encryptionKey('XBO')!,
    )
    await expectCode(open(future, ctxFor('XBO', xbo)), 'ERR_ENVELOPE_EXPIRED')
  })

  it('rejects algorithms outside the allow-list and garbage, without throwing anything else', async () => {
    const env = await seal({ a: 1 }, headers(), xar.sig, dir.encryptionKey('XBO')!)
    const parts = env.split('.')
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString())
    const dir2 = [b64(JSON.stringify({ ...header, alg: 'dir' })), ...parts.slice(1)].join('.')
    await expectCode(open(dir2, ctxFor('XBO', xbo)), 'ERR_ENVELOPE_ALG_NOT_ALLOWED')
    for (const junk of ['', 'a.b.c', 'a.b.c.d.e', `${b64('{"alg":')}.x.x.x.x`, 'x'.repeat(100)]) {
      await expectCode(open(junk, ctxFor('XBO', xbo)), 'ERR_ENVELOPE_MALFORMED')
    }
  })
})

describe('receipts', () => {
  it('verify for the right message and receiver only', async () => {
    const claims = {
      mid: 'm-1',
      hash: 'a'.repeat(64),
      rcv: 'XBO',
      snd: 'XAR',
      at: new Date().toISOString(),
    }
    const r = await signReceipt(claims, xbo.sig)
    expect((await verifyReceipt(r, claims, dir)).mid).toBe('m-1')
    await expectCode(
      verifyReceipt(r, { ...claims, hash: 'b'.repeat(64) }, dir),
      'ERR_RECEIPT_INVALID',
    )
    await expectCode(
      verifyReceipt(await signReceipt(claims, xar.sig), claims, dir),
      'ERR_RECEIPT_INVALID',
    )
    await expectCode(verifyReceipt(undefined, claims, dir), 'ERR_RECEIPT_INVALID')
  })
})

describe('signed registry snapshot', () => {
  it('verifies against the pinned key, refuses an older version and any other signer', async () => {
    const jws = await signSnapshot(snapshot, sec)
    expect((await verifySnapshot(jws, sec.publicJwk)).version).toBe(3)
    await expectCode(verifySnapshot(jws, sec.publicJwk, 4), 'ERR_SNAPSHOT_ROLLBACK')
    const other = await generateNodeKey('sig')
    await expectCode(
      verifySnapshot(await signSnapshot(snapshot, other), sec.publicJwk),
      'ERR_SNAPSHOT_INVALID',
    )
    const parts = jws.split('.')
    await expectCode(
      verifySnapshot([parts[0], flip(parts[1]!), parts[2]].join('.'), sec.publicJwk),
      'ERR_SNAPSHOT_INVALID',
    )
  })
})
