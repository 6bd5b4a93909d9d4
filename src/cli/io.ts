/** Output helpers and the CLI's error boundary: user errors are one line and exit 2, never a stack trace. */
import { ERROR_CODES } from '../errors/codes.js'
import { isRogatoryError } from '../errors/rogatory-error.js'

export const print = (lines: string | readonly string[]): void => {
  process.stdout.write(`${typeof lines === 'string' ? lines : lines.join('\n')}\n`)
}

export const printJson = (value: unknown): void => print(JSON.stringify(value, null, 2))

/** Exit codes: 0 ok, 1 a check failed (scenarios, lint), 2 bad input, 70 internal error. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const

/** Codes that mean "what you asked me to check does not check out": exit 1, like a failed scenario. */
const CHECK_FAILED: ReadonlySet<string> = new Set([
  'ERR_LOG_INCONSISTENT',
  'ERR_NOTE_INVALID',
  'ERR_CHECKPOINT_INVALID',
  'ERR_EVIDENCE_MALFORMED',
  'ERR_EVIDENCE_SIGNATURE_INVALID',
  'ERR_EVIDENCE_FILE_MISMATCH',
  'ERR_EVIDENCE_CUSTODY_GAP',
  'ERR_EVIDENCE_NOT_LOGGED',
  'ERR_STATS_INVALID',
  'ERR_STATS_MISMATCH',
])

export function handleError(e: unknown): number {
  if (isRogatoryError(e)) {
    process.stderr.write(`rogatory: ${e.toLine()}\n`)
    if (CHECK_FAILED.has(e.code)) return EXIT.failed
    return ERROR_CODES[e.code].status < 500 ? EXIT.usage : EXIT.internal
  }
  process.stderr.write(`rogatory: ERR_INTERNAL: ${(e as Error)?.stack ?? String(e)}\n`)
  return EXIT.internal
}

/** Wrap an async action so that any error becomes an exit code. */
export const action =
  <A extends unknown[]>(
    fn: (...args: A) => Promise<number | undefined> | Promise<void> | number | undefined | void,
  ) =>
  async (...args: A): Promise<void> => {
    try {
      process.exitCode = (await fn(...args)) ?? EXIT.ok
    } catch (e) {
      process.exitCode = handleError(e)
    }
  }
