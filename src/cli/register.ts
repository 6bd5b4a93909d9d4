/** The Secretariat's signed register, as the CLI trusts it: fetched from the running federation and verified against its pinned key. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { JWK } from 'jose'
import { RogatoryError } from '../errors/rogatory-error.js'
import { verifySnapshot } from '../registry/snapshot.js'

/** The Secretariat's URL and pinned key, from `<data>/federation.json`. */
export async function secretariat(data: string): Promise<{ url: string; key: JWK }> {
  try {
    const fed = JSON.parse(await readFile(join(data, 'federation.json'), 'utf8')) as {
      secretariat?: { url: string; key: JWK }
    }
    if (!fed.secretariat) throw new Error('no secretariat')
    return fed.secretariat
  } catch {
    throw new RogatoryError(
      'ERR_FILE_NOT_FOUND',
      'no running federation found; start one with npm start',
      {
        file: join(data, 'federation.json'),
      },
    )
  }
}

export async function register(data: string) {
  const sec = await secretariat(data)
  const res = await fetch(new URL('/v1/registry/snapshot', sec.url))
  return verifySnapshot(((await res.json()) as { jws: string }).jws, sec.key)
}
