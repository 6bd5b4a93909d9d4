/**
 * @module errors/codes
 *
 * The one registry of Rogatory's stable error codes. Every code has an HTTP
 * status (for the node API) and a sentence that says what went wrong in
 * words a practitioner can act on. `docs/errors.md` is generated from this
 * table (`rogatory errors --markdown`) and a test keeps the two equal.
 */
export const ERROR_CODES = {
  ERR_INPUT_JSON: {
    status: 400,
    message: 'The input is not valid JSON.',
  },
  ERR_INPUT_INVALID: {
    status: 400,
    message: 'The input does not match its schema; the path names the offending key.',
  },
  ERR_FILE_NOT_FOUND: {
    status: 404,
    message: 'A file or directory named on the command line does not exist or cannot be read.',
  },
  ERR_REGISTRY_INVALID: {
    status: 422,
    message: 'The registry file is not a valid rogatory-registry/1 document.',
  },
  ERR_REGISTRY_NOT_FOUND: {
    status: 404,
    message: 'No registry was given and none was found beside the scenarios or in their parent.',
  },
  ERR_SCENARIO_INVALID: {
    status: 422,
    message: 'The scenario is not a valid rogatory-scenario/1 document.',
  },
  ERR_UNKNOWN_PROFILE: {
    status: 400,
    message: 'The text profile is not one of zero-draft-2023, ohchr-2023 or adopted-2024.',
  },
  ERR_UNKNOWN_STATE: {
    status: 422,
    message: 'The State code is not in the registry.',
  },
  ERR_UNKNOWN_OFFENCE: {
    status: 422,
    message: "The offence code is not in the requesting State's offence catalogue.",
  },
  ERR_UNKNOWN_PROVISION: {
    status: 404,
    message: 'The provision is not held for this text profile.',
  },
  ERR_INVALID_CITATION: {
    status: 400,
    message: 'The citation is not of the form 40, 40(21) or 40(21)(b).',
  },
  ERR_NO_RULE: {
    status: 500,
    message:
      'No rule of the profile decides a question the profile must decide; the engine refuses to guess.',
  },
  ERR_RULE_CONFLICT: {
    status: 500,
    message:
      'Two rules of the profile decide the same question differently; the engine refuses to choose.',
  },
  ERR_ENVELOPE_MALFORMED: {
    status: 400,
    message:
      'The message is not a well-formed JWE carrying a JWS with the required protected headers.',
  },
  ERR_ENVELOPE_ALG_NOT_ALLOWED: {
    status: 400,
    message:
      'The message uses an algorithm outside the allow-list (EdDSA; ECDH-ES+A256KW with A256GCM).',
  },
  ERR_ENVELOPE_WRONG_RECIPIENT: {
    status: 421,
    message: 'The message is addressed to another node.',
  },
  ERR_ENVELOPE_DECRYPTION_FAILED: {
    status: 400,
    message:
      'The message could not be decrypted: the ciphertext or its header was altered, or it was encrypted to another key.',
  },
  ERR_ENVELOPE_UNKNOWN_KID: {
    status: 401,
    message: 'The signing key is not in the current signed registry snapshot.',
  },
  ERR_ENVELOPE_KEY_REVOKED: {
    status: 401,
    message: 'The signing key has been revoked in the registry snapshot.',
  },
  ERR_ENVELOPE_SIGNATURE_INVALID: {
    status: 401,
    message: 'The signature does not verify, or the signer is not the sender the headers name.',
  },
  ERR_ENVELOPE_HEADER_MISMATCH: {
    status: 400,
    message: 'The signed headers and the encryption headers disagree.',
  },
  ERR_ENVELOPE_EXPIRED: {
    status: 400,
    message: 'The message has expired or claims a creation time in the future.',
  },
  ERR_ENVELOPE_REPLAYED: {
    status: 409,
    message: 'A different message with the same message id was already received.',
  },
  ERR_RECEIPT_INVALID: {
    status: 502,
    message: "The receiver's receipt does not verify or does not match the message sent.",
  },
  ERR_SNAPSHOT_INVALID: {
    status: 502,
    message: "The registry snapshot does not verify against the Secretariat's pinned key.",
  },
  ERR_SNAPSHOT_ROLLBACK: {
    status: 409,
    message:
      'The registry snapshot is older than the one already accepted; a node never goes back.',
  },
  ERR_AUTH_REQUIRED: {
    status: 401,
    message: 'Sign in first: this endpoint needs a bearer token.',
  },
  ERR_AUTH_INVALID: {
    status: 401,
    message: 'The user name, password or token is not valid.',
  },
  ERR_FORBIDDEN_ROLE: {
    status: 403,
    message: 'Your role may not do this.',
  },
  ERR_TRANSITION_NOT_ALLOWED: {
    status: 409,
    message: 'The request is not in a state that allows this action.',
  },
  ERR_REQUEST_NOT_FOUND: {
    status: 404,
    message: 'No such request on this node.',
  },
  ERR_PEER_UNKNOWN: {
    status: 422,
    message: 'The other State has no node in the current registry snapshot.',
  },
  ERR_BODY_TOO_LARGE: {
    status: 413,
    message: 'The request body is larger than this endpoint accepts.',
  },
  ERR_EVIDENCE_MISMATCH: {
    status: 502,
    message:
      'The evidence file fetched from the other node does not match the size and SHA-256 it announced; it was discarded.',
  },
  ERR_NOTE_INVALID: {
    status: 400,
    message:
      'The signed note is malformed, or no signature by a trusted key verifies (C2SP signed-note).',
  },
  ERR_CHECKPOINT_INVALID: {
    status: 400,
    message:
      'The checkpoint body is not a C2SP tlog-checkpoint (origin, tree size, base64 root hash).',
  },
  ERR_LOG_INCONSISTENT: {
    status: 502,
    message:
      "The log's tiles do not rebuild to its signed checkpoint, or its history differs from a checkpoint seen before (a fork).",
  },
  ERR_LOG_ENTRY_NOT_FOUND: {
    status: 404,
    message: 'The log holds no such entry yet; queued entries are integrated within a second.',
  },
  ERR_EVIDENCE_MALFORMED: {
    status: 422,
    message: 'The evidence package is not a rogatory-evidence-package/1 document.',
  },
  ERR_EVIDENCE_SIGNATURE_INVALID: {
    status: 422,
    message:
      "The evidence manifest is not signed by the producing State's registered key, or names other States or another request.",
  },
  ERR_EVIDENCE_FILE_MISMATCH: {
    status: 422,
    message:
      'A file of the evidence package is missing, extra, or differs in size or SHA-256 from the signed manifest.',
  },
  ERR_EVIDENCE_CUSTODY_GAP: {
    status: 422,
    message:
      'The chain of custody lacks a step (collected, packaged, handed over, received) or a step names other evidence.',
  },
  ERR_EVIDENCE_NOT_LOGGED: {
    status: 422,
    message:
      "A custody step is not proved included in its node's transparency log (checkpoint signature or inclusion proof fails).",
  },
  ERR_USE_RESTRICTED: {
    status: 403,
    message:
      'The use is outside the restrictions the data came with (specialty, confidentiality, accepted conditions, onward transfer) and no consent covers it; the refusal is logged.',
  },
  ERR_STATS_INVALID: {
    status: 422,
    message:
      "The statistics release is malformed, not signed by the node's registered key, or not committed to its log.",
  },
  ERR_STATS_MISMATCH: {
    status: 422,
    message:
      "A figure of the statistics release differs from what the node's log entries give, or the log's root is not the one the release names.",
  },
  ERR_PUSHBACK: {
    status: 503,
    message: 'The node is integrating a backlog into its log; retry after the time in Retry-After.',
  },
  ERR_NOT_FOUND: {
    status: 404,
    message: 'No such endpoint.',
  },
  ERR_STORE_MIGRATION: {
    status: 500,
    message: 'A database migration failed; the database is left at the last good migration.',
  },
  ERR_INTERNAL: {
    status: 500,
    message: 'An unexpected internal error.',
  },
} as const satisfies Record<string, { status: number; message: string }>

/** The closed union of every error code Rogatory can report. */
export type ErrorCode = keyof typeof ERROR_CODES
