/**
 * What a node refuses, on real HTTP and every backend. Each case asserts a
 * stable error code, a 4xx status, and that nothing changed on the node.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateNodeKey } from '../../src/envelope/keys.js'
import type { MessageHeaders } from '../../src/envelope/message.js'
import { seal } from '../../src/envelope/seal.js'
import type { Federation } from '../../src/node/federation.js'
import { signer } from '../../src/node/runtime.js'
import { requestMessagePayload } from '../helpers.js'
import { BACKENDS } from '../support/backends.js'
import { type Session, signInAs, testFederation } from '../support/federation.js'

for (const backend of BACKENDS) {
  describe(`a node refuses, on ${backend.name}`, () => {
    let fed: Federation
    let xbo: Session
    const now = () => Math.floor(Date.now() / 1000)
    const xarRt = () => fed.nodes.get('XAR')!.runtime
    const xboRt = () => fed.nodes.get('XBO')!.runtime
    const headers = (over: Partial<MessageHeaders> = {}): MessageHeaders => ({
      iss: 'XAR',
      aud: 'XBO',
      jti: randomUUID(),
      rid: randomUUID(),
      mty: 'request',
      iat: now(),
      exp: now() + 600,
      ...over,
    })
    const sealed = async (h: MessageHeaders, signWith = signer(xarRt()), to = 'XBO') =>
      seal(requestMessagePayload(), h, signWith, xarRt().snapshot.directory.encryptionKey(to)!)
    const counts = async () => {
      const db = xboRt().store.db
      const [i, r] = await Promise.all([
        db
          .selectFrom('inbox')
          .select(({ fn }) => fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('requests')
          .select(({ fn }) => fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      ])
      return { inbox: Number(i.n), requests: Number(r.n) }
    }
    const post = (body: string, type = 'application/jose') =>
      fetch(`${fed.nodes.get('XBO')!.url}/v1/inbox`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      })
    const refused = async (body: string, status: number, code: string) => {
      const before = await counts()
      const res = await post(body)
      const json = (await res.json()) as { error: { code: string } }
      expect({ status: res.status, code: json.error?.code }).toEqual({ status, code })
      expect(await counts()).toEqual(before)
    }
    const flip = (part: string) => (part[0] === 'A' ? 'B' : 'A') + part.slice(1)

    beforeAll(async () => {
      fed = await testFederation(backend)
      xbo = await signInAs(fed, 'XBO', 'approver')
    }, 120_000)
    afterAll(async () => {
      await fed?.close()
      await backend.cleanup()
    })

    it('accepts a good message once, and answers a retry with the same receipt', async () => {
      const env = await sealed(headers())
      const before = await counts()
      const a = (await (await post(env)).json()) as { receipt: string }
      const b = (await (await post(env)).json()) as { receipt: string; duplicate: boolean }
      expect(a.receipt).toBe(b.receipt)
      expect(b.duplicate).toBe(true)
      expect(await counts()).toEqual({ inbox: before.inbox + 1, requests: before.requests + 1 })
    })

    it('a tampered ciphertext', async () => {
      const p = (await sealed(headers())).split('.')
      p[3] = flip(p[3]!)
      await refused(p.join('.'), 400, 'ERR_ENVELOPE_DECRYPTION_FAILED')
    })

    it('a tampered signature (a key claiming XAR’s kid)', async () => {
      const rogue = await generateNodeKey('sig')
      await refused(
        await sealed(headers(), { kid: signer(xarRt()).kid, privateJwk: rogue.privateJwk }),
        401,
        'ERR_ENVELOPE_SIGNATURE_INVALID',
      )
    })

    it('an unknown kid', async () => {
      const rogue = await generateNodeKey('sig')
      await refused(
        await sealed(headers(), { kid: rogue.kid, privateJwk: rogue.privateJwk }),
        401,
        'ERR_ENVELOPE_UNKNOWN_KID',
      )
    })

    it('the wrong recipient', async () => {
      await refused(
        await sealed(headers({ aud: 'XCA' }), signer(xarRt()), 'XCA'),
        421,
        'ERR_ENVELOPE_WRONG_RECIPIENT',
      )
    })

    it('an expired message', async () => {
      await refused(
        await sealed(headers({ iat: now() - 1000, exp: now() - 10 })),
        400,
        'ERR_ENVELOPE_EXPIRED',
      )
    })

    it('a replayed message id with other content', async () => {
      const h = headers()
      expect((await post(await sealed(h))).status).toBe(200)
      await refused(await sealed({ ...h, exp: h.exp + 1 }), 409, 'ERR_ENVELOPE_REPLAYED')
    })

    it('malformed JSON and oversize bodies are 4xx, never 5xx', async () => {
      const res = await fetch(`${xbo.url}/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"username":',
      })
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ERR_INPUT_JSON')
      const big = await fetch(`${xbo.url}/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) }),
      })
      expect(big.status).toBe(413)
      expect(((await big.json()) as { error: { code: string } }).error.code).toBe(
        'ERR_BODY_TOO_LARGE',
      )
      const missing = await xbo.call('POST', '/v1/requests', { profile: 'adopted-2024' })
      expect(missing.status).toBe(400)
      expect(missing.body.error).toMatchObject({ code: 'ERR_INPUT_INVALID', path: 'body.request' })
      const badField = await xbo.call('POST', '/v1/requests', {
        request: { type: 'mla', to: 'XAR', conduct: ['hacking'] },
      })
      expect(badField.body.error).toMatchObject({
        code: 'ERR_INPUT_INVALID',
        path: 'body.request.conduct[0]',
      })
      await refused('not a jwe', 400, 'ERR_ENVELOPE_MALFORMED')
      const garbage = await fetch(`${xbo.url}/v1/inbox`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a":',
      })
      expect(garbage.status).toBe(400)
    })

    it('an older registry snapshot, and keeps the newer one', async () => {
      const held = xboRt().snapshot.version
      expect(held).toBeGreaterThan(1)
      const v1 = await fed.secretariat.snapshotJws(1)
      await expect(xboRt().snapshot.accept(v1)).rejects.toMatchObject({
        code: 'ERR_SNAPSHOT_ROLLBACK',
      })
      expect(xboRt().snapshot.version).toBe(held)
    })

    it('a revoked key, once the register says so', async () => {
      const kid = signer(xarRt()).kid
      await fed.secretariat.setKeyStatus('XAR', kid, 'revoked')
      await xboRt().snapshot.refresh()
      await refused(await sealed(headers()), 401, 'ERR_ENVELOPE_KEY_REVOKED')
    })
  })
}
