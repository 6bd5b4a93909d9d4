/**
 * @module node/services/users
 *
 * Users and sign-in: argon2id password hashes (@node-rs/argon2) and
 * short-lived session tokens (JWT, EdDSA, signed by the node's key with
 * jose). Tokens carry the user name and roles; the node re-checks the user
 * exists on every request.
 */
import { hash, verify } from '@node-rs/argon2'
import { jwtVerify, SignJWT } from 'jose'
import { SIGNING_ALG } from '../../envelope/algorithms.js'
import { keyFromJwk } from '../../envelope/keys.js'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { ROLES, type Role } from '../../lifecycle/lifecycle.js'
import { readJson } from '../../store/json-column.js'
import type { Store } from '../../store/store.js'
import type { NodeKeyRecord } from './node-keys.js'

const SESSION_TYP = 'rogatory-session+jwt'
export const SESSION_HOURS = 8

export interface User {
  readonly username: string
  readonly roles: readonly Role[]
}

const parseRoles = (v: unknown): Role[] => readJson<Role[]>(v).filter((r) => ROLES.includes(r))

export async function addUser(
  store: Store,
  username: string,
  password: string,
  roles: readonly Role[],
): Promise<User> {
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username)) {
    throw new RogatoryError(
      'ERR_INPUT_INVALID',
      'user names are 2–64 lower-case letters, digits, dot, dash or underscore',
      { path: 'username' },
    )
  }
  if (password.length < 10)
    throw new RogatoryError('ERR_INPUT_INVALID', 'passwords have at least 10 characters', {
      path: 'password',
    })
  const bad = roles.find((r) => !ROLES.includes(r))
  if (bad || roles.length === 0)
    throw new RogatoryError('ERR_INPUT_INVALID', `roles are ${ROLES.join(', ')}`, { path: 'roles' })
  await store.db
    .insertInto('users')
    .values({
      username,
      password_hash: await hash(password),
      roles: JSON.stringify(roles),
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('username').doUpdateSet({ roles: JSON.stringify(roles) }))
    .execute()
  return { username, roles }
}

export async function signIn(
  store: Store,
  key: NodeKeyRecord,
  state: string,
  username: string,
  password: string,
) {
  const row = await store.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst()
  // Verify against a dummy hash when the user is unknown, so timing does not reveal user names.
  const ok = await verify(row?.password_hash ?? DUMMY_HASH, password).catch(() => false)
  if (!row || !ok) throw new RogatoryError('ERR_AUTH_INVALID')
  const roles = parseRoles(row.roles)
  const token = await new SignJWT({ roles })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: SESSION_TYP })
    .setSubject(username)
    .setIssuer(state)
    .setAudience(state)
    .setIssuedAt()
    .setExpirationTime(`${SESSION_HOURS}h`)
    .sign(await keyFromJwk(key.privateJwk, SIGNING_ALG))
  return { token, user: { username, roles } }
}

export async function authenticate(
  store: Store,
  keys: readonly NodeKeyRecord[],
  state: string,
  header: string | undefined,
): Promise<User> {
  if (!header?.startsWith('Bearer ')) throw new RogatoryError('ERR_AUTH_REQUIRED')
  let sub: string
  try {
    const { payload } = await jwtVerify(
      header.slice(7),
      async (h) => {
        const k = keys.find((x) => x.kid === h.kid && x.use === 'sig' && x.status !== 'revoked')
        if (!k) throw new Error('unknown key')
        return keyFromJwk(k.publicJwk, SIGNING_ALG)
      },
      { algorithms: [SIGNING_ALG], issuer: state, audience: state, typ: SESSION_TYP },
    )
    sub = String(payload.sub)
  } catch {
    throw new RogatoryError('ERR_AUTH_INVALID', 'the session token is not valid or has expired')
  }
  const row = await store.db
    .selectFrom('users')
    .select(['username', 'roles'])
    .where('username', '=', sub)
    .executeTakeFirst()
  if (!row) throw new RogatoryError('ERR_AUTH_INVALID')
  return { username: row.username, roles: parseRoles(row.roles) }
}

export function requireRole(user: User, roles: readonly Role[]): void {
  firstRole(user, roles)
}

/** The first of `roles` the user holds (the role the log records), or ERR_FORBIDDEN_ROLE. */
export function firstRole(user: User, roles: readonly Role[]): Role {
  const role = roles.find((r) => user.roles.includes(r))
  if (!role) throw new RogatoryError('ERR_FORBIDDEN_ROLE', `needs one of: ${roles.join(', ')}`)
  return role
}

const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0YbB7pVrVp4Yw2rT9Z7XjJ9k0Kp7rG1C8z0YbB7pVrU'
