/** `<data>/federation.json`, written by `federation up`: where the running nodes are. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { RogatoryError } from '../errors/rogatory-error.js'

export async function federationNodes(data: string): Promise<Record<string, string>> {
  try {
    const fed = JSON.parse(await readFile(join(data, 'federation.json'), 'utf8')) as {
      nodes?: Record<string, string>
    }
    return fed.nodes ?? {}
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
