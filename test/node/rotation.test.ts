/** Key rotation and enrolment, on real HTTP and every backend. */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generateNodeKey } from '../../src/envelope/keys.js'
import { seal } from '../../src/envelope/seal.js'
import { signer } from '../../src/node/runtime.js'
import { signEnrolmentProof } from '../../src/node/services/enrolment.js'
import { publicEntries } from '../../src/node/services/node-keys.js'
import { mlaDraft, requestMessagePayload } from '../helpers.js'
import { BACKENDS } from '../support/backends.js'
import { eventually, signInAs, useFederation } from '../support/federation.js'

for (const backend of BACKENDS) {
  describe(`key rotation on ${backend.name}`, () => {
    const fed = useFederation(backend, ['XAR', 'XBO'])

    it('retires the old key: what it signed still verifies, and new messages use the new key', async () => {
      const xar = fed().nodes.get('XAR')!
      const xbo = fed().nodes.get('XBO')!
      const now = Math.floor(Date.now() / 1000)
      const rid = randomUUID()
      // A message signed before the rotation, delivered after it.
      const held = await seal(
        requestMessagePayload(),
        {
          iss: 'XAR',
          aud: 'XBO',
          jti: randomUUID(),
          rid,
          mty: 'request',
          iat: now,
          exp: now + 600,
        },
        signer(xar.runtime),
        xar.runtime.snapshot.directory.encryptionKey('XBO')!,
      )
      const oldKid = signer(xar.runtime).kid
      const admin = await signInAs(fed(), 'XAR', 'admin')
      const r = await admin.call('POST', '/v1/admin/rotate-keys')
      expect(r.status).toBe(200)
      expect(signer(xar.runtime).kid).not.toBe(oldKid)
      const snap = (await fed().secretariat.current()).snapshot
      const entry = snap.nodes.find((n) => n.state === 'XAR')!
      expect(entry.keys.find((k) => k.kid === oldKid)?.status).toBe('retired')

      const res = await fetch(`${xbo.url}/v1/inbox`, {
        method: 'POST',
        headers: { 'content-type': 'application/jose' },
        body: held,
      })
      expect(res.status).toBe(200)

      // A fresh request goes through with the new key.
      const approver = await signInAs(fed(), 'XAR', 'approver')
      const d = await approver.call('POST', '/v1/requests', {
        request: mlaDraft(),
      })
      await approver.call('POST', `/v1/requests/${d.body.id}/actions`, { action: 'approve' })
      await approver.call('POST', `/v1/requests/${d.body.id}/actions`, { action: 'send' })
      await eventually(
        async () =>
          (await approver.call('GET', `/v1/requests/${d.body.id}`)).body.state === 'delivered',
      )
    }, 30_000)

    it('refuses a reused enrolment code, a proof by a non-active key, and a drafter rotating keys', async () => {
      const xar = fed().nodes.get('XAR')!
      const entry = { state: 'XAR', url: xar.url, keys: publicEntries(xar.runtime.keys) as never }
      const enrol = (body: unknown) =>
        fetch(`${fed().secretariat.url}/v1/registry/enrol`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      const before = (await fed().secretariat.current()).snapshot.version
      expect((await enrol({ ...entry, code: 'anything' })).status).toBe(401)
      const rogue = await generateNodeKey('sig')
      const forged = await signEnrolmentProof(entry, {
        kid: rogue.kid,
        privateJwk: rogue.privateJwk,
      })
      expect((await enrol({ ...entry, proof: forged })).status).toBe(401)
      expect((await fed().secretariat.current()).snapshot.version).toBe(before)
      const drafter = await signInAs(fed(), 'XAR', 'drafter')
      expect((await drafter.call('POST', '/v1/admin/rotate-keys')).body.error.code).toBe(
        'ERR_FORBIDDEN_ROLE',
      )
    })
  })
}

describe('the API describes itself', () => {
  const backend = BACKENDS[0]!
  const fed = useFederation(backend, ['XAR'])

  it('serves OpenAPI at /openapi.json and its reference UI at /docs', async () => {
    const url = fed().nodes.get('XAR')!.url
    const spec = (await (await fetch(`${url}/openapi.json`)).json()) as {
      openapi: string
      paths: Record<string, unknown>
    }
    expect(spec.openapi).toMatch(/^3\./)
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/v1/requests',
        '/v1/requests/{id}/actions',
        '/v1/inbox',
        '/v1/session',
      ]),
    )
    const docs = await fetch(`${url}/docs`, { redirect: 'follow' })
    expect(docs.status).toBe(200)
    expect(await docs.text()).toContain('swagger')
    const sec = (await (await fetch(`${fed().secretariat.url}/openapi.json`)).json()) as {
      paths: Record<string, unknown>
    }
    expect(Object.keys(sec.paths)).toContain('/v1/registry/snapshot')
  })
})
