/**
 * @module node/http-errors
 *
 * Every error a node returns has the same body, `{ error: { code, message,
 * path? } }`, and the HTTP status of its code in the error registry.
 * Validation failures name the field; bad JSON and oversize bodies are 4xx,
 * never 5xx.
 */
import type { FastifyError, FastifyInstance } from 'fastify'
import { ERROR_CODES } from '../errors/codes.js'
import { isRogatoryError, RogatoryError } from '../errors/rogatory-error.js'

export function toRogatoryError(e: unknown): RogatoryError {
  if (isRogatoryError(e)) return e
  const f = e as FastifyError & {
    validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[]
  }
  if (f?.validation && f.validation.length > 0) {
    const v = f.validation[0]!
    const missing = v.params?.missingProperty
    const extra = v.params?.additionalProperty
    const base = (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.')
    const path = [base, missing ?? extra].filter(Boolean).join('.') || '(body)'
    const message = missing
      ? 'required key is missing'
      : extra
        ? 'unknown key'
        : (v.message ?? 'invalid')
    return new RogatoryError('ERR_INPUT_INVALID', message, {
      path: `${f.validationContext ?? 'body'}.${path}`,
    })
  }
  if (f?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new RogatoryError('ERR_BODY_TOO_LARGE')
  if (
    f?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    f instanceof SyntaxError ||
    f?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  ) {
    return new RogatoryError('ERR_INPUT_JSON', f.message)
  }
  if (f?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new RogatoryError('ERR_INPUT_INVALID', f.message, { path: 'content-type' })
  if (typeof f?.statusCode === 'number' && f.statusCode >= 400 && f.statusCode < 500) {
    return new RogatoryError('ERR_INPUT_INVALID', f.message)
  }
  return new RogatoryError('ERR_INTERNAL', 'internal error', { cause: e })
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((e, request, reply) => {
    const err = toRogatoryError(e)
    if (err.code === 'ERR_INTERNAL') request.log.error({ err: e }, 'internal error')
    if (err.code === 'ERR_PUSHBACK') void reply.header('retry-after', '1')
    void reply.status(ERROR_CODES[err.code].status).send({ error: err.toJSON() })
  })
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      error: new RogatoryError('ERR_NOT_FOUND', `${request.method} ${request.url}`).toJSON(),
    })
  })
}

/** JSON schema of the error body, for OpenAPI. */
export const errorBodySchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        path: { type: 'string' },
      },
      required: ['code', 'message'],
    },
  },
} as const
