/**
 * @module envelope/algorithms
 *
 * The allow-lists, in one place. Nothing below this module names an
 * algorithm: a message with any other `alg` or `enc` is refused before
 * any key is touched.
 */
export const SIGNING_ALG = 'EdDSA'
export const KEY_MANAGEMENT_ALG = 'ECDH-ES+A256KW'
export const CONTENT_ENCRYPTION = 'A256GCM'
export const ENCRYPTION_CURVE = 'X25519'

export const JWS_TYP = 'rogatory-message+jws'
export const RECEIPT_TYP = 'rogatory-receipt+jws'
export const SNAPSHOT_TYP = 'rogatory-registry+jws'

/** Tolerated clock difference between nodes, in seconds. */
export const CLOCK_SKEW_SECONDS = 120
