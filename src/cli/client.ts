/**
 * @module cli/client
 *
 * A small HTTP client for the node API, used by `rogatory request …`. The
 * node is named by State (looked up in `<data>/federation.json`, written by
 * `federation up`) or given by URL.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Command } from 'commander'
import { ERROR_CODES, type ErrorCode } from '../errors/codes.js'
import { RogatoryError } from '../errors/rogatory-error.js'

export interface ClientOptions {
  node?: string
  url?: string
  data: string
  user: string
  password?: string
}

export interface Client {
  readonly base: string
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>
  /** GET a body as a stream (files). */
  download(path: string): Promise<Response>
  /** POST a streamed body (application/octet-stream). */
  upload<T = unknown>(
    path: string,
    body: NonNullable<RequestInit['body']>,
    headers: Record<string, string>,
  ): Promise<T>
}

async function nodeUrl(o: ClientOptions): Promise<string> {
  if (o.url) return o.url
  if (!o.node)
    throw new RogatoryError('ERR_INPUT_INVALID', 'name the node (--node XAR) or give --url', {
      path: '--node',
    })
  let fed: { nodes?: Record<string, string> }
  try {
    fed = JSON.parse(await readFile(join(o.data, 'federation.json'), 'utf8'))
  } catch {
    throw new RogatoryError(
      'ERR_FILE_NOT_FOUND',
      'no running federation found; start one with npm start, or give --url',
      { file: join(o.data, 'federation.json') },
    )
  }
  const url = fed.nodes?.[o.node.toUpperCase()]
  if (!url)
    throw new RogatoryError('ERR_PEER_UNKNOWN', `no node for ${o.node} in federation.json`, {
      path: '--node',
    })
  return url
}

async function request<T>(
  base: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<T> {
  let res: Response
  try {
    res = await fetch(new URL(path, base), {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    })
  } catch (e) {
    throw new RogatoryError('ERR_FILE_NOT_FOUND', `cannot reach ${base}: ${(e as Error).message}`)
  }
  const json = (await res.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string; path?: string }
  }
  if (!res.ok) {
    const code = (
      json.error?.code && json.error.code in ERROR_CODES ? json.error.code : 'ERR_INTERNAL'
    ) as ErrorCode
    throw new RogatoryError(
      code,
      json.error?.message ?? `HTTP ${res.status}`,
      json.error?.path ? { path: json.error.path } : {},
    )
  }
  return json as T
}

export async function connect(o: ClientOptions): Promise<Client> {
  const base = await nodeUrl(o)
  const password = o.password ?? process.env.ROGATORY_PASSWORD
  if (!password)
    throw new RogatoryError('ERR_AUTH_REQUIRED', 'give --password or set ROGATORY_PASSWORD', {
      path: '--password',
    })
  const { token } = await request<{ token: string }>(base, 'POST', '/v1/session', undefined, {
    username: o.user,
    password,
  })
  return {
    base,
    call: (method, path, body) => request(base, method, path, token, body),
    download: async (path) => {
      const res = await fetch(new URL(path, base), {
        headers: { authorization: `Bearer ${token}` },
      })
      if (!res.ok || !res.body)
        throw new RogatoryError('ERR_REQUEST_NOT_FOUND', `${path}: HTTP ${res.status}`)
      return res
    },
    upload: async (path, body, headers) => {
      const res = await fetch(new URL(path, base), {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          authorization: `Bearer ${token}`,
          ...headers,
        },
        body,
        duplex: 'half',
      } as RequestInit)
      const json = (await res.json().catch(() => ({}))) as {
        error?: { code?: string; message?: string }
      }
      if (!res.ok) {
        const code = (
          json.error?.code && json.error.code in ERROR_CODES ? json.error.code : 'ERR_INTERNAL'
        ) as ErrorCode
        throw new RogatoryError(code, json.error?.message ?? `HTTP ${res.status}`)
      }
      return json as never
    },
  }
}

/** The options every command that talks to a node takes. */
export const withClient = (cmd: Command) =>
  cmd
    .option('--node <state>', 'the State node to talk to (from data/federation.json)')
    .option('--url <url>', 'node URL instead of --node')
    .requiredOption('--user <name>', 'user name')
    .option('--password <password>', 'password (default: $ROGATORY_PASSWORD)')
    .option('--data <dir>', 'data directory of the federation', 'data')
    .option('--json', 'machine-readable output')
