/** The Secretariat's signed register, as the CLI trusts it: fetched from the running federation and verified against its pinned key. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { JWK } from 'jose'
import { RogatoryError } from '../errors/rogatory-error.js'
import { verifySnapshot } from '../registry/snapshot.js'

export async function register(data: string) {
  let fed: { secretariat?: { url: string; key: JWK } }
  try {
    fed = JSON.parse(await readFile(join(data, 'federation.json'), 'utf8'))
  } catch {
    throw new RogatoryError(
      'ERR_FILE_NOT_FOUND',
      'no running federation found; start one with npm start',
      { file: join(data, 'federation.json') },
    )
  }
  const sec = fed.secretariat!
  const res = await fetch(new URL('/v1/registry/snapshot', sec.url))
  return verifySnapshot(((await res.json()) as { jws: string }).jws, sec.key)
}
