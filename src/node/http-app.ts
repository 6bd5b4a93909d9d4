/**
 * @module node/http-app
 *
 * A fastify instance with what every Rogatory node serves: the error
 * contract, OpenAPI at `/openapi.json`, its docs UI at `/docs`, `/health`,
 * and a raw `application/jose` body parser for envelopes.
 */
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import { installErrorHandling } from './http-errors.js'

export const JSON_BODY_LIMIT = 1024 * 1024
export const ENVELOPE_BODY_LIMIT = 64 * 1024 * 1024

export async function createHttpApp(
  title: string,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  })
  installErrorHandling(app)
  app.addContentTypeParser(
    'application/jose',
    { parseAs: 'string', bodyLimit: ENVELOPE_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  )
  app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload))
  await app.register(swagger, {
    openapi: {
      info: {
        title,
        version: '0.1.0',
        description:
          'Rogatory node API. Errors: { error: { code, message, path? } } with the codes of docs/errors.md.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  app.get('/health', { schema: { tags: ['meta'] } }, async () => ({ ok: true }))
  return app
}
