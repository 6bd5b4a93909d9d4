/**
 * @module treaty/provisions/adopted-2024-text
 *
 * What we hold of the adopted Convention (A/RES/79/243), from
 * `research/convention-text.md`. Only three passages are verified
 * (Art 2(h) and Art 6 against the Arabic text, Art 65(1) against the UN
 * Treaty Collection); everything else is our summary of the substance, is
 * marked partial or unverified, and is never shown as treaty text.
 */
import type { TrustMark } from '../profile.js'

export interface AdoptedEntry {
  readonly title: string
  /** Verbatim wording, only where verified. */
  readonly text?: string
  /** Our summary of the substance where the wording is not verified. */
  readonly summary?: string
  readonly trust: TrustMark
  readonly source: string
}

const NOTES = 'research/convention-text.md'

export const ADOPTED_2024_TEXT: Readonly<Record<string, AdoptedEntry>> = {
  '2(h)': {
    title: 'Definition of serious crime',
    text: '"Serious crime" shall mean conduct constituting an offence punishable by a maximum deprivation of liberty of at least four years or a more serious penalty;',
    trust: 'verified',
    source: `${NOTES} §1 [V-ar: Arabic text; English wording reconstructed]`,
  },
  '5': {
    title: 'Sovereignty and non-intervention',
    summary:
      'Obligations are carried out consistently with sovereign equality, territorial integrity and non-intervention.',
    trust: 'verified',
    source: `${NOTES} §2 [V-ar]`,
  },
  '6': {
    title: 'Respect for human rights',
    text: 'States Parties shall ensure that the implementation of their obligations under this Convention is consistent with their obligations under international human rights law.',
    trust: 'verified',
    source: `${NOTES} §2 [V-ar: Arabic text; English wording reconstructed]`,
  },
  '6(2)': {
    title: 'No suppression of human rights',
    text: 'Nothing in this Convention shall be interpreted as permitting suppression of human rights or fundamental freedoms, including the rights related to the freedoms of expression, conscience, opinion, religion or belief, peaceful assembly and association, in accordance and in a manner consistent with applicable international human rights law.',
    trust: 'verified',
    source: `${NOTES} §2 [V-ar: Arabic text; English wording reconstructed]`,
  },
  '35': {
    title: 'General principles of international cooperation',
    summary:
      'Cooperation for Convention offences and for electronic evidence of any serious crime; dual criminality is conduct-based, whatever the name or category of the offence.',
    trust: 'unverified',
    source: `${NOTES} §5.1 [U]`,
  },
  '36': {
    title: 'Protection of personal data',
    summary:
      "Transfers follow the transferring State's law; it need not transfer data it cannot lawfully provide; onward transfer to a third country only with the original State's prior authorization, which it may require in writing.",
    trust: 'unverified',
    source: `${NOTES} §5.2 [U]`,
  },
  '37': {
    title: 'Extradition',
    summary:
      'UNTOC Art 16 template: at least one year under both laws; aut dedere aut judicare for nationals; no refusal on fiscal grounds alone; discrimination ground (sex, race, language, religion, nationality, ethnic origin, political opinions); consultation before refusal; register of authorities.',
    trust: 'partial',
    source: `${NOTES} §5.3 [substance P from the verified UNTOC 16; paragraph numbers U]`,
  },
  '40': {
    title: 'General principles and procedures relating to mutual legal assistance',
    summary:
      'UNTOC Art 18 template: spontaneous information; may decline for absence of dual criminality; transfer of detained persons with consent; central authorities; language and written form; required contents; specialty and confidentiality; refusal grounds (non-conformity, sovereignty, security, ordre public or other essential interests, domestic law, legal system) plus a discrimination paragraph; no refusal for bank secrecy or fiscal matters; reasons; postponement; consultation.',
    trust: 'partial',
    source: `${NOTES} §5.4 [substance P from the verified UNTOC 18; paragraph numbers U]`,
  },
  '41': {
    title: '24/7 network',
    summary:
      'A point of contact available 24 hours a day, 7 days a week, registered with the Secretary-General; assistance includes preservation and the provision of electronic data to avert an emergency.',
    trust: 'unverified',
    source: `${NOTES} §5.5 [U]`,
  },
  '42': {
    title: 'Expedited preservation of stored electronic data',
    summary:
      'Required contents as in Budapest 29; dual criminality not required (a reservation for disclosure is possible); preservation for not less than sixty days, continuing pending the decision on the MLA request.',
    trust: 'unverified',
    source: `${NOTES} §5.6 [U; Budapest 29 template V]`,
  },
  '43': {
    title: 'Expedited disclosure of preserved traffic data',
    summary:
      'Enough traffic data to identify the service provider and path; narrow grounds for withholding.',
    trust: 'unverified',
    source: `${NOTES} §5.7 [U]`,
  },
  '44': {
    title: 'Mutual legal assistance in accessing stored electronic data',
    summary:
      'Search, seizure and disclosure of stored data, expedited where the data are vulnerable.',
    trust: 'unverified',
    source: `${NOTES} §5.7 [U]`,
  },
  '45': {
    title: 'Mutual legal assistance in the real-time collection of traffic data',
    summary:
      'Assistance at least for serious criminal offences; required contents: authority, facts, data concerned, identifying data, justification, collection period.',
    trust: 'unverified',
    source: `${NOTES} §5.7 [U]`,
  },
  '46': {
    title: 'Mutual legal assistance in the interception of content data',
    summary:
      'To the extent permitted under treaties applicable to the States concerned and under their domestic laws.',
    trust: 'unverified',
    source: `${NOTES} §5.7 [U]`,
  },
  '65': {
    title: 'Entry into force',
    text: 'This Convention shall enter into force on the ninetieth day after the date of deposit of the fortieth instrument of ratification, acceptance, approval or accession. For the purpose of this paragraph, any instrument deposited by a regional economic integration organization shall not be counted as additional to those deposited by member States of that organization.',
    trust: 'verified',
    source: `${NOTES} §6 [V: UN Treaty Collection]`,
  },
  '65(1)': {
    title: 'Entry into force: general',
    text: 'This Convention shall enter into force on the ninetieth day after the date of deposit of the fortieth instrument of ratification, acceptance, approval or accession. For the purpose of this paragraph, any instrument deposited by a regional economic integration organization shall not be counted as additional to those deposited by member States of that organization.',
    trust: 'verified',
    source: `${NOTES} §6 [V: UN Treaty Collection]`,
  },
  '65(2)': {
    title: 'Entry into force: later instruments',
    summary:
      'For a State depositing after the fortieth instrument: the thirtieth day after its deposit, or the general date if later.',
    trust: 'unverified',
    source: 'profiles.md §2 [U]',
  },
  '67': {
    title: 'Denunciation',
    summary:
      'Denunciation takes effect one year after the Secretary-General receives the notification.',
    trust: 'unverified',
    source: `${NOTES} §6 [U]`,
  },
}
