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
  ERR_INTERNAL: {
    status: 500,
    message: 'An unexpected internal error.',
  },
} as const satisfies Record<string, { status: number; message: string }>

/** The closed union of every error code Rogatory can report. */
export type ErrorCode = keyof typeof ERROR_CODES

/** Codes that describe the user's input; the CLI exits 2 for these and prints no stack trace. */
export const isUserErrorCode = (code: ErrorCode): boolean => ERROR_CODES[code].status < 500
