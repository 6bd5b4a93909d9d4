/** The error-code table of docs/errors.md, generated from the registry so the two cannot drift. */
import { ERROR_CODES, type ErrorCode } from './codes.js'

export function errorTableMarkdown(): string {
  const rows = (Object.keys(ERROR_CODES) as ErrorCode[]).map(
    (code) => `| \`${code}\` | ${ERROR_CODES[code].status} | ${ERROR_CODES[code].message} |`,
  )
  return ['| code | HTTP status | meaning |', '|---|---|---|', ...rows].join('\n')
}
