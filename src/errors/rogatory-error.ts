import { ERROR_CODES, type ErrorCode } from './codes.js'

export interface ErrorOptions {
  /** The offending key as a JSON path, e.g. `question.request.offence`. */
  path?: string
  /** The file the input came from. */
  file?: string
  cause?: unknown
}

/**
 * The only error type Rogatory throws on purpose. It names the file and the
 * offending key, so a user sees one line that says what to fix and where.
 */
export class RogatoryError extends Error {
  readonly code: ErrorCode
  readonly path: string | undefined
  readonly file: string | undefined
  readonly status: number

  constructor(code: ErrorCode, detail?: string, options: ErrorOptions = {}) {
    super(detail ?? ERROR_CODES[code].message, { cause: options.cause })
    this.name = 'RogatoryError'
    this.code = code
    this.path = options.path
    this.file = options.file
    this.status = ERROR_CODES[code].status
  }

  /** One line: `ERR_CODE in FILE at PATH: detail`. */
  toLine(): string {
    const where = `${this.file ? ` in ${this.file}` : ''}${this.path ? ` at ${this.path}` : ''}`
    return `${this.code}${where}: ${this.message}`
  }

  /** The same error, placed in a file and under a path prefix. */
  locate(where: { file?: string; prefix?: string }): RogatoryError {
    const path = where.prefix ? joinPath(where.prefix, this.path) : this.path
    return new RogatoryError(this.code, this.message, {
      path,
      file: where.file ?? this.file,
      cause: this.cause,
    })
  }

  toJSON(): { code: ErrorCode; message: string; path?: string; file?: string } {
    return {
      code: this.code,
      message: this.message,
      ...(this.path ? { path: this.path } : {}),
      ...(this.file ? { file: this.file } : {}),
    }
  }
}

export function joinPath(prefix: string, path: string | undefined): string {
  if (!path || path === '(root)') return prefix
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`
}

export const isRogatoryError = (e: unknown): e is RogatoryError => e instanceof RogatoryError
