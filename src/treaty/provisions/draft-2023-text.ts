/**
 * @module treaty/provisions/draft-2023-text
 *
 * Provision text of the 2023 zero draft and of OHCHR's annotated version,
 * taken from seed 003 (OHCHR annotations of 22 Aug 2023). Insertions shown
 * as links and deletions shown struck through in the seed give the two
 * readings; where the seed's markup was lost (40(4), 40(8), 40(21)(b)–(c),
 * 37(15)) the two readings were separated by hand from the inline text and
 * OHCHR's comments, and the provision's trust mark says so.
 * Generated once from the seed, then corrected by hand; edit here.
 */
export interface DraftText {
  readonly title: string
  readonly zeroDraft: string
  /** OHCHR reading when it differs from the zero draft. */
  readonly ohchr?: string
}

export const DRAFT_2023_TEXT: Readonly<Record<string, DraftText>> = {
  '2(h)': {
    title: 'Definition of serious crime',
    zeroDraft:
      '"Serious crime" shall mean conduct constituting an offence punishable by a maximum deprivation of liberty of at least four years or a more serious penalty;',
    ohchr:
      '"Serious crime" shall mean conduct constituting an offence punishable by a maximum deprivation of liberty of at least four years and causing death or serious bodily harm;',
  },
  '5': {
    title: 'Respect for human rights',
    zeroDraft:
      'States Parties shall ensure that the implementation of their obligations under this Convention is consistent with their obligations under international human rights law.',
    ohchr:
      'Nothing in the present convention should be interpreted as impairing any obligations of the States Parties under international human rights law. States Parties shall ensure that the implementation of their obligations under this Convention is consistent with their obligations under international human rights law.',
  },
  '35(1)': {
    title: 'International cooperation: purposes',
    zeroDraft:
      'States Parties shall cooperate with each other in accordance with the provisions of this Convention, as well as other applicable international instruments on international cooperation in criminal matters, and domestic laws, for the purpose of investigations, prosecutions and judicial proceedings concerning offences established in accordance with articles 6 to 16 of this Convention, or for the collection, obtaining, preservation and sharing of evidence in electronic form of offences established in accordance with articles 6 to 16 of this Convention, as well as of serious crime,.',
    ohchr:
      'States Parties shall cooperate with each other in accordance with the provisions of this Convention, including articles 23 and 24, as well as other applicable international instruments on international cooperation in criminal matters, and domestic laws, for the purpose of investigations, prosecutions and judicial proceedings concerning offences established in accordance with articles 6 to 16 of this Convention, or for the collection, obtaining, preservation and sharing of evidence in electronic form of offences established in accordance with articles 6 to 16 of this Convention, as well as of serious crime, including those offences covered by article 17 of this Convention when applicable.',
  },
  '35(2)': {
    title: 'Dual criminality',
    zeroDraft:
      'In matters of international cooperation, whenever dual criminality is considered a requirement, it shall be deemed fulfilled irrespective of whether the laws of the requested State Party place the offence within the same category of offence or denominate the offence by the same terminology as the requesting State Party, if the conduct underlying the offence for which assistance is sought is a criminal offence under the laws of both States Parties.',
    ohchr:
      'In matters of international cooperation, whenever dual criminality is considered a requirement, it shall be deemed fulfilled irrespective of whether the laws of the requested State Party place the offence within the same category of offence or denominate the offence by the same terminology as the requesting State Party, if the conduct underlying the offence for which assistance is sought is a criminal offence under the laws of both States Parties. When obligations or powers under this Chapter refer to a serious crime, however, it must be deemed a serious crime in both the requesting and requested State Party.',
  },
  '36(1)': {
    title: 'Personal data: transfer subject to domestic law',
    zeroDraft:
      "A State Party transferring personal data pursuant to this Convention shall do so subject to the conditions of that State Party's domestic law and applicable international law. States Parties shall not be required to transfer personal data in accordance with this Convention if it cannot be provided in compliance with their applicable laws concerning the protection of personal data. They may also seek to impose conditions, in accordance with such applicable laws, to achieve compliance in order to respond to a request for personal data. States Parties are encouraged to establish bilateral or multilateral arrangements to facilitate the transfer of personal data.",
  },
  '36(2)': {
    title: 'Personal data: safeguards for data received',
    zeroDraft:
      'For personal data transferred in accordance with this Convention, States Parties shall ensure that the personal data received are subject to effective and appropriate safeguards in the respective legal frameworks of the States Parties.',
  },
  '36(3)': {
    title: 'Personal data: onward transfer',
    zeroDraft:
      'States Parties may transfer personal data obtained in accordance with this Convention to another third country or international organization only with the prior written authorization of the original transferring State Party.',
  },
  '37(1)': {
    title: 'Extradition: scope and penalty threshold',
    zeroDraft:
      'This article shall apply to the criminal offences established in accordance with articles 6 to 16 of this Convention where the person who is the subject of the request for extradition is present in the territory of the requested State Party, provided that the offence for which extradition is sought is punishable under the domestic law of both the requesting State Party and the requested State Party by a maximum deprivation of liberty of at least one year. When the extradition is sought for the purpose of serving a final sentence of imprisonment or another form of detention imposed in respect of an extraditable offence, the requested State Party may grant the extradition provided that, at the moment of submission of the request, a period of at least six months of the sentence remains to be served.',
  },
  '37(8)': {
    title: 'Extradition: conditions of domestic law',
    zeroDraft:
      'Extradition shall be subject to the conditions provided for by the domestic law of the requested State Party or by applicable extradition treaties, including, inter alia, conditions in relation to the minimum penalty requirement for extradition and the grounds upon which the requested State Party may refuse extradition.',
  },
  '37(11)': {
    title: 'Extradition of nationals: aut dedere aut judicare',
    zeroDraft:
      'A State Party in whose territory an alleged offender is found, if it does not extradite such person in respect of an offence to which this article applies solely on the ground that the person is one of its nationals, shall, at the request of the State Party seeking extradition, be obliged to submit the case without undue delay to its competent authorities for the purpose of prosecution. Those authorities shall take their decisions and conduct their proceedings in the same manner as in the case of any other offence of a comparable nature under the domestic law of that State Party. The States Parties concerned shall cooperate with each other, in particular on procedural and evidentiary aspects, to ensure the efficiency of such prosecution.',
  },
  '37(15)': {
    title: 'Extradition: discrimination and other grounds',
    zeroDraft:
      "Nothing in this Convention shall be interpreted as imposing an obligation to extradite if the requested State Party has substantial grounds for believing that the request has been made for the purpose of prosecuting or punishing a person on account of that person's sex, race, language, religion, nationality, ethnic origin or political opinion or that compliance with the request would cause prejudice to that person's position for any one of these reasons.",
    ohchr:
      "Nothing in this Convention shall be interpreted as imposing an obligation to extradite if the requested State Party has substantial grounds for believing that the request has been made for the purpose of prosecuting or punishing a person on account of that person's sex, race, language, religion, nationality, ethnic origin or political opinion on any prohibited ground of discrimination under international human rights law, that compliance with the request would cause prejudice to that person's position for any one of these reasons, that the extradition would lead to prosecution for a political offence, or that the extradition would likely lead to a violation of human rights, including procedural rights.",
  },
  '37(16)': {
    title: 'Extradition: fiscal matters',
    zeroDraft:
      'States Parties may not refuse a request for extradition on the sole ground that the offence is also considered to involve fiscal matters.',
  },
  '37(17)': {
    title: 'Extradition: consultation before refusal',
    zeroDraft:
      'Before refusing extradition, the requested State Party shall, where appropriate, consult with the requesting State Party to provide it with ample opportunity to present its opinions and to provide information relevant to its allegation.',
  },
  '37(18)': {
    title: 'Extradition: decision and reasons',
    zeroDraft:
      'The requested State Party shall inform the requesting State Party of its decision with regard to the extradition, including any reason for refusal of extradition.',
  },
  '40(4)': {
    title: 'Spontaneous information',
    zeroDraft:
      'Without prejudice to domestic law, the competent authorities of a State Party may, without prior request, transmit information relating to criminal matters to a competent authority in another State Party where they believe that such information could assist the authority in undertaking or successfully concluding inquiries and criminal proceedings or could result in a request formulated by the latter State Party pursuant to this Convention.',
    ohchr:
      'Subject to the provisions and procedures of domestic law, the competent authorities of a State Party may, without prior request, transmit information relating to criminal matters to a competent authority in another State Party where they believe that such information could assist the authority in undertaking or successfully concluding investigations and criminal proceedings or could result in a request formulated by the latter State Party pursuant to this Convention.',
  },
  '40(5)': {
    title: 'Spontaneous information: confidentiality and exculpatory disclosure',
    zeroDraft:
      'The transmission of information pursuant to paragraph 4 of this article shall be without prejudice to inquiries and criminal proceedings in the State of the competent authorities providing the information. The competent authorities receiving the information shall comply with a request that said information remain confidential, even temporarily, or with restrictions on its use. However, this shall not prevent the receiving State Party from disclosing in its proceedings information that is exculpatory to an accused person. In such a case, the receiving State Party shall notify the transmitting State Party prior to the disclosure and, if so requested, consult with the transmitting State Party. If, in an exceptional case, advance notice is not possible, the receiving State Party shall inform the transmitting State Party of the disclosure without delay.',
  },
  '40(8)': {
    title: 'MLA: dual criminality and de minimis',
    zeroDraft:
      'States Parties may decline to render assistance pursuant to this article on the ground of absence of dual criminality. However, the requested State Party may, when it deems appropriate, provide assistance, to the extent it decides at its discretion, irrespective of whether the conduct would constitute an offence under the domestic law of the requested State Party. Assistance may be refused when requests involve matters of a *de minimis* nature or matters for which the cooperation or assistance sought is available under other provisions of this Convention.',
    ohchr:
      'States Parties shall decline to render assistance pursuant to this article on the ground of absence of dual criminality. Assistance may be refused when requests involve matters of a *de minimis* nature or matters for which the cooperation or assistance sought is available under other provisions of this Convention.',
  },
  '40(9)': {
    title: 'Transfer of detained persons',
    zeroDraft:
      'A person who is being detained or is serving a sentence in the territory of one State Party and whose presence in another State Party is requested for purposes of identification, testimony or otherwise providing assistance in obtaining evidence for investigations, prosecutions or judicial proceedings in relation to offences established under this Convention may be transferred if the following conditions are met:',
  },
  '40(9)(a)': {
    title: 'Transfer of detained persons: consent',
    zeroDraft: 'The person freely gives informed consent;',
  },
  '40(13)': {
    title: 'MLA: form and language of requests',
    zeroDraft:
      'Requests shall be made in writing or, where possible, by any means capable of producing a written record, in a language acceptable to the requested State Party, under conditions allowing that State Party to establish authenticity. The secretariat shall be notified of the language or languages acceptable to each State Party at the time it deposits its instrument of ratification, acceptance or approval of or accession to this Convention. In urgent circumstances and where agreed by the States Parties, requests may be made orally, but shall be confirmed in writing forthwith.',
  },
  '40(15)': {
    title: 'MLA: contents of a request',
    zeroDraft: 'A request for mutual legal assistance shall contain:',
  },
  '40(15)(a)': {
    title: 'Identity of the requesting authority',
    zeroDraft: 'The identity of the authority making the request;',
  },
  '40(15)(b)': {
    title: 'Subject matter and nature of the proceeding',
    zeroDraft:
      'The subject matter and nature of the investigation, prosecution or judicial proceeding to which the request relates and the name and functions of the authority conducting the investigation, prosecution or judicial proceeding;',
  },
  '40(15)(c)': {
    title: 'Summary of facts',
    zeroDraft:
      'A summary of the relevant facts, except in relation to requests for the purpose of service of judicial documents;',
  },
  '40(15)(d)': {
    title: 'Assistance sought',
    zeroDraft:
      'A description of the assistance sought and details of any particular procedure that the requesting State Party wishes to be followed;',
  },
  '40(15)(e)': {
    title: 'Persons, items or accounts concerned',
    zeroDraft:
      'Where possible and appropriate, the identity, location and nationality of any person, item or accounts concerned; and',
  },
  '40(15)(f)': {
    title: 'Time period and purpose',
    zeroDraft:
      'The time period and purpose for which the evidence, information or other assistance is sought.',
  },
  '40(16)': {
    title: 'MLA: additional information',
    zeroDraft:
      'The requested State Party may request additional information when it appears necessary for the execution of the request in accordance with its domestic law or when it can facilitate such execution.',
  },
  '40(19)': {
    title: 'MLA: use limitation (specialty)',
    zeroDraft:
      'The requesting State Party shall not transmit or use information or evidence furnished by the requested State Party for investigations, prosecutions or judicial proceedings other than those stated in the request without the prior consent of the requested State Party. Nothing in this paragraph shall prevent the requesting State Party from disclosing in its proceedings information or evidence that is exculpatory to an accused person. In the latter case, the requesting State Party shall notify the requested State Party prior to the disclosure and, if so requested, consult with the requested State Party. If, in an exceptional case, advance notice is not possible, the requesting State Party shall inform the requested State Party of the disclosure without delay.',
  },
  '40(20)': {
    title: 'MLA: confidentiality',
    zeroDraft:
      'The requesting State Party may in situations where disclosure would put an investigation or proceeding in peril require that the requested State Party keep confidential the fact and substance of the request, except to the extent necessary to execute the request. If the requested State Party cannot comply with the requirement of confidentiality, it shall promptly inform the requesting State Party.',
  },
  '40(21)': {
    title: 'MLA: grounds for refusal',
    zeroDraft: 'Mutual legal assistance may be refused:',
  },
  '40(21)(a)': {
    title: 'Refusal: request not in conformity',
    zeroDraft: 'If the request is not made in conformity with the provisions of this article;',
  },
  '40(21)(b)': {
    title: 'Refusal: sovereignty, security, ordre public, essential interests',
    zeroDraft:
      'If the requested State Party considers that execution of the request is likely to prejudice its sovereignty, security, *ordre public* or other essential interests;',
    ohchr:
      'If the requested State Party considers that execution of the request is likely to prejudice its sovereignty, security, *ordre public* or other essential interests; if there are reasonable grounds to believe that (i) the criminal offence will be treated as a political offence by the requesting State or (ii) lead to a violation of international human rights;',
  },
  '40(21)(c)': {
    title: 'Refusal: domestic law would not allow the action',
    zeroDraft:
      'If the authorities of the requested State Party would be prohibited by its domestic law from carrying out the action requested with regard to any similar offence, had it been subject to investigation, prosecution or judicial proceedings under their own jurisdiction;',
    ohchr:
      'If the authorities of the requested State Party would not be authorized by its domestic law from carrying out the action requested with regard to any similar offence, had it been subject to investigation, prosecution or judicial proceedings under their own jurisdiction;',
  },
  '40(21)(d)': {
    title: 'Refusal: contrary to the legal system',
    zeroDraft:
      'If it would be contrary to the legal system of the requested State Party relating to mutual legal assistance for the request to be granted.',
  },
  '40(22)': {
    title: 'MLA: fiscal matters',
    zeroDraft:
      'States Parties may not refuse a request for mutual legal assistance on the sole ground that the offence is also considered to involve fiscal matters.',
  },
  '40(23)': {
    title: 'MLA: bank secrecy',
    zeroDraft:
      'States Parties shall not decline to render mutual legal assistance pursuant to this article on the ground of bank secrecy.',
  },
  '40(24)': {
    title: 'MLA: reasons for refusal',
    zeroDraft: 'Reasons shall be given for any refusal of mutual legal assistance.',
  },
  '40(25)': {
    title: 'MLA: execution and deadlines',
    zeroDraft:
      'The requested State Party shall execute the request for mutual legal assistance as soon as possible and shall take as full account as possible of any deadlines suggested by the requesting State Party and for which reasons are given, preferably in the request. The requested State Party shall respond to reasonable requests by the requesting State Party on the status, and progress in its handling, of the request. The requesting State Party shall promptly inform the requested State Party when the assistance sought is no longer required.',
  },
  '40(26)': {
    title: 'MLA: postponement',
    zeroDraft:
      'Mutual legal assistance may be postponed by the requested State Party on the ground that it interferes with an ongoing investigation, prosecution or judicial proceeding.',
  },
  '40(27)': {
    title: 'MLA: consultation before refusal or postponement',
    zeroDraft:
      'Before refusing a request pursuant to paragraph 21 of this article or postponing its execution pursuant to paragraph 26 of this article, the requested State Party shall consult with the requesting State Party to consider whether assistance may be granted subject to such terms and conditions as it deems necessary. If the requesting State Party accepts assistance subject to those conditions, it shall comply with the conditions.',
  },
  '41(3)': {
    title: '24/7 network: assistance',
    zeroDraft:
      'Such assistance shall include facilitating or, if permitted by the domestic law and practice of the requested State Party, directly carrying out the following measures:',
  },
  '41(3)(d)': {
    title: '24/7 network: data to avert an emergency',
    zeroDraft: 'The provision of [computer data] [digital information] to avert an emergency.',
  },
  '42(2)': {
    title: 'Preservation: contents of a request',
    zeroDraft: 'A request for preservation made under paragraph 1 shall specify:',
  },
  '42(2)(a)': {
    title: 'Authority seeking preservation',
    zeroDraft: 'The authority seeking the preservation;',
  },
  '42(2)(b)': {
    title: 'Offence and summary of facts',
    zeroDraft:
      'The offence that is the subject of an investigation or judicial proceedings and a brief summary of the related facts;',
  },
  '42(2)(c)': {
    title: 'Data to be preserved',
    zeroDraft:
      'The stored [computer data] [digital information] to be preserved and their relationship to the offence;',
  },
  '42(2)(d)': {
    title: 'Custodian or location',
    zeroDraft:
      'Any available information identifying the custodian of the stored [computer data] [digital information] or the location of the [computer system] [information and communications technology device];',
  },
  '42(2)(e)': {
    title: 'Necessity of preservation',
    zeroDraft: 'The necessity of the preservation;',
    ohchr:
      'The necessity of the preservation, and the underlying facts and evidence justifying preservation;',
  },
  '42(2)(f)': {
    title: 'Intent to submit an MLA request',
    zeroDraft:
      'That the requesting State Party intends to submit a request for mutual legal assistance in the search or similar access, seizure or similar securing, or disclosure of the stored [computer data] [digital information];',
  },
  '42(2)(g)': {
    title: 'Confidentiality of the preservation request',
    zeroDraft:
      'As appropriate, the need to keep the request for preservation confidential and not to notify the user.',
  },
  '42(3)': {
    title: 'Preservation: execution; dual criminality not required',
    zeroDraft:
      'Upon receiving the request from another State Party, the requested State Party shall take all appropriate measures to preserve expeditiously the specified data in accordance with its domestic law. For the purposes of responding to a request, dual criminality shall not be required as a condition for providing such preservation.',
  },
  '42(4)': {
    title: 'Preservation: reservation on dual criminality at disclosure',
    zeroDraft:
      'A State Party that requires dual criminality as a condition for responding to a request for mutual legal assistance in the search or similar access, seizure or similar securing, or disclosure of stored [computer data] [digital information] may, in respect of offences other than those established in accordance with this Convention, reserve the right to refuse the request for preservation under this article in cases where it has reasons to believe that, at the time of disclosure, the condition of dual criminality could not be fulfilled.',
  },
  '42(5)': {
    title: 'Preservation: grounds for refusal',
    zeroDraft:
      'A request for preservation may be refused on the basis of the grounds contained in article 40, paragraph 21.',
  },
  '42(7)': {
    title: 'Preservation: period',
    zeroDraft:
      'Any preservation effected in response to a request made pursuant to paragraph 1 shall be for a period of not more than ninety days, in order to enable the requesting State Party to submit a request for the search or similar access, seizure or similar securing, or disclosure of the data. Following the receipt of such a request, the data shall continue to be preserved pending a decision on that request.',
  },
  '42(8)': {
    title: 'Preservation: extension',
    zeroDraft:
      'Before the expiry of the preservation limit in paragraph 7, the requesting State Party may request an extension of the period of preservation, for not more than ninety additional days.',
  },
  '43(2)': {
    title: 'Disclosure of preserved traffic data: grounds for refusal',
    zeroDraft:
      'Disclosure of traffic data under paragraph 1 may be refused on the basis of the grounds contained in article 40, paragraph 21.',
  },
  '45(2)': {
    title: 'Real-time traffic data: serious offences',
    zeroDraft:
      'Each State Party shall provide such assistance at least with respect to serious criminal offences for which the real-time collection of traffic data would be available in a similar domestic case.',
  },
  '45(3)': {
    title: 'Real-time traffic data: contents of a request',
    zeroDraft: 'A request made in accordance with paragraph 1 of this article shall specify:',
  },
  '45(3)(a)': {
    title: 'Requesting authority',
    zeroDraft: 'The name of the requesting authority;',
  },
  '45(3)(b)': {
    title: 'Main facts and nature of the investigation',
    zeroDraft:
      'A summary of the main facts and the nature of the investigation, prosecution or judicial proceeding to which the request relates;',
  },
  '45(3)(c)': {
    title: 'Data concerned',
    zeroDraft:
      'The [computer data] [digital information] in relation to which the collection of the traffic data is required and their relationship to the offence or other illegal act;',
  },
  '45(3)(d)': {
    title: 'Identifying data',
    zeroDraft:
      'Any available data that identify the owner or user of the data or the location of the [computer system] [information and communications technology device];',
  },
  '45(3)(e)': {
    title: 'Justification',
    zeroDraft: 'Justification for the need to collect the traffic data;',
  },
  '45(3)(f)': {
    title: 'Collection period',
    zeroDraft:
      'The period for which traffic data are to be collected and a corresponding justification of its duration.',
  },
  '46': {
    title: 'Interception of content data',
    zeroDraft:
      'States Parties shall provide mutual legal assistance to each other in the real-time collection or recording of content data of specified communications transmitted by means of [a computer system] [an information and communications technology device], to the extent permitted under treaties applicable to them and under their domestic laws.',
  },
  '64(1)': {
    title: 'Entry into force: general',
    zeroDraft:
      'This Convention shall enter into force on the ninetieth day after the date of deposit of the fortieth instrument of ratification, acceptance, approval or accession. For the purpose of this paragraph, any instrument deposited by a regional economic integration organization shall not be counted as additional to those deposited by member States of that organization.',
  },
  '64(2)': {
    title: 'Entry into force: later instruments',
    zeroDraft:
      'For each State or regional economic integration organization ratifying, accepting, approving or acceding to this Convention after the deposit of the fortieth instrument of such action, this Convention shall enter into force on the thirtieth day after the date of deposit by such State or organization of the relevant instrument or on the date on which this Convention enters into force pursuant to paragraph 1 of this article, whichever is later.',
  },
  '66(1)': {
    title: 'Denunciation',
    zeroDraft:
      'A State Party may denounce this Convention by written notification to the Secretary-General of the United Nations. Such denunciation shall become effective one year after the date of receipt of the notification by the Secretary-General.',
  },
}
