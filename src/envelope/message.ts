/**
 * @module envelope/message
 *
 * The headers every message carries, signed in the JWS and repeated,
 * authenticated but not secret, in the JWE: sender, recipient, message id,
 * request id, type, created-at and expiry.
 */
export const MESSAGE_KINDS = [
  'request',
  'status',
  'consultation',
  'withdrawal',
  'evidence',
  'consent-request',
  'consent',
  'use-notice',
] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export interface MessageHeaders {
  /** Sender State code. */
  readonly iss: string
  /** Recipient State code. */
  readonly aud: string
  /** Message id (UUID); the receiver is idempotent by it. */
  readonly jti: string
  /** Request id the message belongs to. */
  readonly rid: string
  /** Message type. */
  readonly mty: MessageKind
  /** Created at (seconds since the epoch). */
  readonly iat: number
  /** Expires at (seconds since the epoch). */
  readonly exp: number
}

export const HEADER_NAMES = ['iss', 'aud', 'jti', 'rid', 'mty', 'iat', 'exp'] as const

/** A registry key as the envelope needs it: whose it is and whether it may still verify. */
export interface DirectoryKey {
  readonly state: string
  readonly kid: string
  readonly use: 'sig' | 'enc'
  readonly status: 'active' | 'retired' | 'revoked'
  readonly jwk: import('jose').JWK
}

/** Key lookups answered only from the current signed registry snapshot. */
export interface KeyDirectory {
  key(kid: string): DirectoryKey | undefined
  /** The recipient's active encryption key. */
  encryptionKey(state: string): DirectoryKey | undefined
}
