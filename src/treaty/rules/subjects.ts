/** Subject sets the rule files share (profiles.md §5 "applies to" column). */
import { MLA_FAMILY, REQUEST_TYPES, SCREENED_ON_40_21 } from '../codes.js'
import type { Subject } from '../engine/context.js'

export const ANY_REQUEST: ReadonlySet<Subject> = new Set(REQUEST_TYPES)
export const TWO_STATE: ReadonlySet<Subject> = new Set<Subject>([
  ...REQUEST_TYPES,
  'onward-transfer',
])
export const FAMILY: ReadonlySet<Subject> = MLA_FAMILY
/** MLA family, preservation (42(5)) and traffic disclosure (43(2)). */
export const ON_40_21: ReadonlySet<Subject> = SCREENED_ON_40_21
export const ON_40_21_AND_EXTRADITION: ReadonlySet<Subject> = new Set<Subject>([
  ...SCREENED_ON_40_21,
  'extradition',
])
export const EXTRADITION: ReadonlySet<Subject> = new Set<Subject>(['extradition'])
export const PRESERVATION: ReadonlySet<Subject> = new Set<Subject>(['preservation'])
export const only = (...s: Subject[]): ReadonlySet<Subject> => new Set(s)
