import type { z } from 'zod'
import type { ErrorCode } from '../errors/codes.js'
import { joinPath, RogatoryError } from '../errors/rogatory-error.js'

/** `['states', 2, 'offences', 0, 'code']` → `states[2].offences[0].code`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out || '(root)'
}

/** The first zod issue as a RogatoryError naming the path and the key. */
export function fromZodError(code: ErrorCode, error: z.ZodError, prefix?: string): RogatoryError {
  const issue = error.issues[0]!
  let path = [...issue.path]
  let message = issue.message
  const missing =
    issue.code !== 'unrecognized_keys' &&
    (('input' in issue && issue.input === undefined && typeof path.at(-1) === 'string') ||
      /received undefined/.test(issue.message))
  if (missing) {
    message = 'required key is missing'
  } else if (issue.code === 'invalid_value' && issue.values.length > 6) {
    message = `${JSON.stringify(issue.input)} is not an allowed value (${issue.values
      .slice(0, 4)
      .map((v) => JSON.stringify(v))
      .join(', ')}, …; see FORMAT.md)`
  } else if (issue.code === 'unrecognized_keys') {
    message = `unknown key ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
    path = [...path, issue.keys[0]!]
  }
  const formatted = formatPath(path)
  return new RogatoryError(code, message, {
    path: prefix ? joinPath(prefix, formatted) : formatted,
    cause: error,
  })
}
