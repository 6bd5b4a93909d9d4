import { readFile } from 'node:fs/promises'
import { RogatoryError } from '../errors/rogatory-error.js'

/** Read and parse a JSON file; a missing file or a syntax error is a one-line RogatoryError. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new RogatoryError('ERR_FILE_NOT_FOUND', `cannot read file (${reason})`, {
      file,
      cause: e,
    })
  }
  return parseJsonText(text, file)
}

export function parseJsonText(text: string, file?: string): unknown {
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new RogatoryError('ERR_INPUT_JSON', (e as Error).message, { file, cause: e })
  }
}
