/** A federation on 127.0.0.1 with ephemeral ports, for end-to-end tests. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { pollUntil } from '../../src/lib/poll.js'
import { type Federation, startFederation } from '../../src/node/federation.js'
import type { RegistryDocument } from '../../src/registry/schema.js'
import { RAW_REGISTRY } from '../helpers.js'
import type { Backend } from './backends.js'

export const PASSWORD = 'correct-horse-battery-staple'

export async function testFederation(
  backend: Backend,
  states = ['XAR', 'XBO', 'XCA'],
): Promise<Federation & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rogatory-fed-'))
  const fed = await startFederation({
    registry: RAW_REGISTRY as RegistryDocument,
    states,
    dataDir,
    portBase: 0,
    treatyDate: '2027-06-01',
    demoPassword: PASSWORD,
    deliveryIntervalMs: 50,
    storeFor: (name) => backend.storeOptions(name),
  })
  return {
    ...fed,
    dataDir,
    async close() {
      await fed.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A federation for one describe block: started before its tests, closed (and its storage dropped) after. */
export function useFederation(
  backend: Backend,
  states?: string[],
): () => Federation & { dataDir: string } {
  let fed: (Federation & { dataDir: string }) | undefined
  beforeAll(async () => {
    fed = await testFederation(backend, states)
  }, 120_000)
  // Closing waits for in-flight deliveries and log batches; under a loaded CI machine that can take a while.
  afterAll(async () => {
    await fed?.close()
    await backend.cleanup()
  }, 60_000)
  return () => {
    if (!fed) throw new Error('federation not started')
    return fed
  }
}

export interface Session {
  readonly url: string
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>
}

/** A session token for the demo user `<state>.<role>`. */
export async function sessionToken(fed: Federation, state: string, role: string): Promise<string> {
  const res = await fetch(`${fed.nodes.get(state)!.url}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: `${state.toLowerCase()}.${role}`, password: PASSWORD }),
  })
  return ((await res.json()) as { token: string }).token
}

export async function signInAs(fed: Federation, state: string, role: string): Promise<Session> {
  const url = fed.nodes.get(state)!.url
  const token = await sessionToken(fed, state, role)
  return {
    url,
    async call(method, path, body, headers = {}) {
      const r = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && typeof body !== 'string'
            ? { 'content-type': 'application/json' }
            : {}),
          ...headers,
        },
        ...(body !== undefined
          ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
          : {}),
      })
      return { status: r.status, body: await r.json().catch(() => null) }
    },
  }
}

/** Poll until `check` returns a value (bounded: the test fails instead of hanging). */
export function eventually<T>(
  check: () => Promise<T | undefined | false>,
  ms = 15_000,
): Promise<T> {
  return pollUntil(check, { ms, everyMs: 50, what: 'condition not met in time' })
}

/** Upload a file as evidence to a request (the user's session token is fetched first). */
export async function uploadEvidence(
  fed: Federation,
  state: string,
  role: string,
  rid: string,
  name: string,
  content: Buffer,
): Promise<{ id: string; sha256: string; size: number }> {
  const url = fed.nodes.get(state)!.url
  const token = await sessionToken(fed, state, role)
  const res = await fetch(`${url}/v1/requests/${rid}/attachments`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
      'x-file-name': name,
      'x-media-type': 'text/plain',
    },
    body: content,
  })
  if (res.status !== 201) throw new Error(`upload answered ${res.status}`)
  return (await res.json()) as { id: string; sha256: string; size: number }
}
