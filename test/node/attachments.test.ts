/** Evidence files are streamed and hashed: 1 GiB goes to disk as it arrives, never whole in memory. */
import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Federation } from '../../src/node/federation.js'
import { mlaDraft } from '../helpers.js'
import { BACKENDS } from '../support/backends.js'
import { type Session, sessionToken, signInAs, testFederation } from '../support/federation.js'

const GIB = 1024 ** 3
const CHUNK = 1024 ** 2

describe('evidence attachments', () => {
  const backend = BACKENDS[0]!
  let fed: Federation
  let xar: Session
  let token: string
  let id: string
  beforeAll(async () => {
    fed = await testFederation(backend, ['XAR', 'XBO'])
    xar = await signInAs(fed, 'XAR', 'approver')
    token = await sessionToken(fed, 'XAR', 'approver')
    id = (
      await xar.call('POST', '/v1/requests', {
        request: mlaDraft(),
      })
    ).body.id
  }, 120_000)
  afterAll(async () => {
    await fed?.close()
    await backend.cleanup()
  })

  it('streams 1 GiB to disk as it arrives, with its SHA-256, and serves it back with the hash', async () => {
    const seed = randomBytes(CHUNK)
    const hash = createHash('sha256')
    let sent = 0
    const dir = join(fed.nodes.get('XAR')!.runtime.settings.filesDir, id)
    let onDiskMidway = -1
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= GIB) return controller.close()
        // Three quarters in, the server must already have written most of it to disk: it streams, it does not buffer.
        if (sent === 768 * CHUNK)
          onDiskMidway = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0)
        const chunk = Buffer.from(seed)
        chunk.writeUInt32BE(sent / CHUNK, 0)
        hash.update(chunk)
        sent += chunk.length
        controller.enqueue(chunk)
      },
    })
    const res = await fetch(`${xar.url}/v1/requests/${id}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'x-file-name': 'disk-image.bin',
      },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(201)
    const att = (await res.json()) as { id: string; size: number; sha256: string }
    expect(att.size).toBe(GIB)
    expect(att.sha256).toBe(hash.digest('hex'))
    expect(onDiskMidway).toBeGreaterThan(512 * CHUNK)

    const head = await fetch(`${xar.url}/v1/requests/${id}/attachments/${att.id}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(head.headers.get('x-sha256')).toBe(att.sha256)
    expect(Number(head.headers.get('content-length'))).toBe(GIB)
    await head.body?.cancel()
  }, 120_000)

  it('rejects unsafe file names and a wrong content type, and leaves nothing behind', async () => {
    const up = (name: string, type = 'application/octet-stream') =>
      fetch(`${xar.url}/v1/requests/${id}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type, 'x-file-name': name },
        body: 'abc',
      })
    const bad = await up('../../etc/passwd')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { path: string } }).error.path).toBe('x-file-name')
    expect((await up('ok.txt', 'text/plain')).status).toBe(400)
    const listed = await xar.call('GET', `/v1/requests/${id}`)
    expect(listed.body.history.attachments.map((a: { name: string }) => a.name)).toEqual([
      'disk-image.bin',
    ])
  })
})
