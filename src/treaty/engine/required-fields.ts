/**
 * @module treaty/engine/required-fields
 *
 * profiles.md §6: the required contents of a request, per type and profile,
 * with the provision that requires each item. Data, not code: the UI's
 * composer prompts from the same table.
 */
import type { RequestType } from '../codes.js'
import type { ProfileId } from '../profile.js'

export interface RequiredField {
  readonly key: string
  /** The provision item that requires it, in zero-draft numbering. */
  readonly cite: string
  readonly label: string
}

/** 40(15)(a)–(d), (f); (e) "where possible" is never required. */
const MLA_40_15: readonly RequiredField[] = [
  {
    key: 'requestingAuthority',
    cite: '40(15)(a)',
    label: 'Identity of the authority making the request',
  },
  {
    key: 'subjectMatter',
    cite: '40(15)(b)',
    label: 'Subject matter and nature of the investigation',
  },
  { key: 'factsSummary', cite: '40(15)(c)', label: 'Summary of the relevant facts' },
  { key: 'assistanceSought', cite: '40(15)(d)', label: 'Description of the assistance sought' },
  { key: 'purposeAndPeriod', cite: '40(15)(f)', label: 'Time period and purpose' },
]

/** Emergency disclosure via 24/7 (Art 41(3)(d)); by analogy, U (profiles.md §12.14). */
const EMERGENCY: readonly RequiredField[] = [
  { key: 'requestingAuthority', cite: '41(3)', label: 'Authority seeking the data' },
  { key: 'factsSummary', cite: '41(3)', label: 'Facts showing the emergency' },
  { key: 'assistanceSought', cite: '41(3)', label: 'Data sought' },
]

/** 42(2)(a)–(c), (e), (f); (d) "any available information" is never required. */
const PRESERVATION: readonly RequiredField[] = [
  { key: 'requestingAuthority', cite: '42(2)(a)', label: 'Authority seeking the preservation' },
  { key: 'offenceAndFacts', cite: '42(2)(b)', label: 'Offence and brief summary of facts' },
  {
    key: 'dataToPreserve',
    cite: '42(2)(c)',
    label: 'Data to be preserved and their relation to the offence',
  },
  { key: 'necessity', cite: '42(2)(e)', label: 'Necessity of the preservation' },
  { key: 'intentToSubmitMla', cite: '42(2)(f)', label: 'Intent to submit an MLA request' },
]

/** OHCHR's insertion in 42(2)(e): "and the underlying facts and evidence justifying preservation". */
const PRESERVATION_OHCHR: readonly RequiredField[] = [
  ...PRESERVATION,
  {
    key: 'justifyingEvidence',
    cite: '42(2)(e)',
    label: 'Facts and evidence justifying preservation',
  },
]

/** 45(3)(a)–(c), (e), (f); (d) "any available data" is never required. */
const REALTIME: readonly RequiredField[] = [
  { key: 'requestingAuthority', cite: '45(3)(a)', label: 'Name of the requesting authority' },
  { key: 'factsSummary', cite: '45(3)(b)', label: 'Main facts and nature of the investigation' },
  {
    key: 'dataConcerned',
    cite: '45(3)(c)',
    label: 'Data concerned and their relation to the offence',
  },
  { key: 'justification', cite: '45(3)(e)', label: 'Justification for collecting traffic data' },
  { key: 'collectionPeriod', cite: '45(3)(f)', label: 'Collection period and its justification' },
]

const NONE: readonly RequiredField[] = []

export function requiredFieldSpecs(
  profile: ProfileId,
  type: RequestType,
): readonly RequiredField[] {
  switch (type) {
    case 'mla':
    case 'stored-data':
    case 'interception':
    case 'transfer-detained-person':
      return MLA_40_15
    case 'emergency-disclosure':
      return EMERGENCY
    case 'preservation':
      return profile === 'ohchr-2023' ? PRESERVATION_OHCHR : PRESERVATION
    case 'realtime-traffic':
      return REALTIME
    case 'traffic-disclosure':
    case 'extradition':
    case 'spontaneous-information':
      return NONE
  }
}

const keyCache = new Map<string, readonly string[]>()

export function requiredFields(profile: ProfileId, type: RequestType): readonly string[] {
  const k = `${profile}|${type}`
  let keys = keyCache.get(k)
  if (!keys) {
    keys = requiredFieldSpecs(profile, type).map((f) => f.key)
    keyCache.set(k, keys)
  }
  return keys
}
