"""Web addresses the content may give although the pack does not: each was checked to be the
publisher's own page, and the note says where and when. Anything else must come from the pack."""

VERIFIED_ADDRESSES: dict[str, str] = {
    "https://www.escb.co.uk/news/govuk-information-sharing-duty/":
        "Read through the search tool on 7 December 2026: Essex Safeguarding Children Board's"
        " own news page (a safeguarding partnership: a secondary source, labelled so wherever it"
        " is cited). Undated (written about June 2026), after 'a recent letter to"
        " safeguarding partners' (sender not named), it announces the information sharing duty"
        " 'coming into force on 30 September 2026'; cited only as a report, never as the law.",
    "https://ico.org.uk/for-organisations/data-sharing-information-hub/"
    "data-sharing-and-reuse-of-data-by-competent-authorities/":
        "Read through the search tool on 6 December 2026 (the DPO/safeguarding review): ICO,"
        " Data sharing and reuse of data by competent authorities: reuse for a non-law"
        " enforcement purpose must be authorised by law, then needs an Article 6 basis.",
    "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/"
    "recognised-legitimate-interest-detailed/what-are-the-recognised-legitimate-interest-"
    "conditions/public-task-disclosure-response-condition/":
        "Read through the search tool on 6 December 2026 (the DPO/safeguarding review): ICO,"
        " Public task disclosure response condition (UK GDPR Annex 1 paragraph 1; where the"
        " other body can require the information, legal obligation is the basis).",
    "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/"
    "lawful-basis-interactive-guidance-tool/":
        "ICO's lawful basis interactive guidance tool, named in the pack without an address; the "
        "ICO's lawful basis page links its 'Lawful basis interactive toolkit' and the tool's "
        "report is served under this path (checked 30 November 2026). Used by the guided "
        "lawful-basis helper (content/lawful_basis_helper.yaml).",
    "https://www.bma.org.uk/advice/employment/gp-practices/service-provision/"
    "freedom-of-information-act-faq":
        "Read through the search tool on 6 December 2026 for the lawful-basis scenario"
        " fgm-told-practice-nurse (content/lawful_basis_scenarios.yaml): BMA, Freedom of"
        " Information Act FAQ: GP contractors providing general or personal medical services are"
        " public authorities for information about those services (APMS practices are not).",
    "https://bma.org.uk/advice-and-support/ethics/safeguarding/"
    "adults-at-risk-confidentiality-and-disclosure-of-information":
        "Read through the search tool on 6 December 2026 for the guided lawful-basis helper"
        " (content/lawful_basis_helper.yaml): BMA, Adults at risk, confidentiality and"
        " disclosure of information (updated 28 June 2024): its key messages.",
    "https://www.legislation.gov.uk/id/ukpga/2025/18/section/70/2/c":
        "Read through the search tool on 6 December 2026: Data (Use and Access) Act 2025,"
        " section 70 (revised, no known outstanding effects), subsections (1) to (3) and part"
        " of (4): inserts Article 6(1)(ea) and 'Points (ea) and (f)' in the words after point (f)."
        " Sources of lawful_bases.yaml (update note) and what-is-it-basics three-organisations.",
    "https://www.bma.org.uk/advice-and-support/ethics/safeguarding/adult-safeguarding-toolkit":
        "Read through the search tool on 6 December 2026 for the quiz question"
        " refusal-with-capacity-serious-harm (content/quizzes/adults-guidance.yaml): BMA, Adult"
        " safeguarding toolkit (updated 4 January 2024): its overview and list of topics only.",
    "https://gov.uk/government/publications/"
    "mandatory-reporting-of-female-genital-mutilation-procedural-information":
        "Read through the search tool on 6 December 2026 for the guided lawful-basis helper"
        " (content/lawful_basis_helper.yaml): Home Office, Mandatory reporting of FGM:"
        " procedural information (the duty's commencement, 31 October 2015).",
    "https://ico.org.uk/for-organisations/guide-to-data-protection/"
    "guide-to-the-general-data-protection-regulation-gdpr/criminal-offence-data/"
    "what-are-the-rules-on-criminal-offence-data/":
        "Read through the search tool on 6 December 2026 for the guided lawful-basis helper"
        " (content/lawful_basis_helper.yaml): ICO, Criminal offence data: what are the rules?"
        " (Article 10 quoted; official authority).",
    "https://ico.org.uk/for-organisations/guide-to-data-protection/"
    "guide-to-the-general-data-protection-regulation-gdpr/special-category-data/"
    "what-are-the-conditions-for-processing/":
        "Read through the search tool on 6 December 2026 for the guided lawful-basis helper"
        " (content/lawful_basis_helper.yaml): ICO, Special category data: what are the"
        " conditions for processing? (latest update 18 December 2023).",
    "https://ico.org.uk/for-organisations/recognised-legitimate-interest-guidance/"
    "what-are-the-recognised-legitimate-interest-conditions/crime-condition":
        "Read through the search tool on 6 December 2026 for the guided lawful-basis helper"
        " (content/lawful_basis_helper.yaml): ICO, Recognised legitimate interest: crime"
        " condition (Annex 1, paragraph 5 quoted).",
    "https://ico.org.uk/for-organisations/recognised-legitimate-interest-guidance/"
    "what-are-the-recognised-legitimate-interest-conditions/safeguarding-condition":
        "Read through the search tool on 6 December 2026 for the guided lawful-basis helper"
        " (content/lawful_basis_helper.yaml): ICO, Recognised legitimate interest: safeguarding"
        " condition (Annex 1, paragraph 6 quoted).",
    "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/"
    "a-guide-to-lawful-basis/vital-interests":
        "Read through the search tool on 6 December 2026 for the guided lawful-basis helper"
        " (content/lawful_basis_helper.yaml): ICO, Vital interests (latest update 18 December"
        " 2023).",
    "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/lawful-basis/"
    "criminal-offence-data/what-are-the-conditions-for-processing":
        "Read through the search tool on 6 December 2026 for the guided lawful-basis helper"
        " (content/lawful_basis_helper.yaml): ICO, Criminal offence data: what are the"
        " conditions for processing? (the 28 conditions, official authority).",
    "https://www.gmc-uk.org/professional-standards/the-professional-standards/confidentiality/"
    "disclosures-for-the-protection-of-patients-and-others":
        "Read through the search tool on 6 December 2026 for the guided lawful-basis helper"
        " (content/lawful_basis_helper.yaml): GMC, Confidentiality (2017), paragraphs 50 to 55.",
    "https://www.legislation.gov.uk/ukpga/2014/23/section/45":
        "Read through the search tool on 6 December 2026 for the guided lawful-basis helper"
        " (content/lawful_basis_helper.yaml): Care Act 2014, section 45 (text read through a"
        " copy of legislation.gov.uk's revised text, up to date to 6 April 2026).",
    "https://www.legislation.gov.uk/ukpga/2015/9/section/74":
        "Read through the search tool on 6 December 2026 for the guided lawful-basis helper"
        " (content/lawful_basis_helper.yaml): Serious Crime Act 2015, section 74, inserting"
        " section 5B into the Female Genital Mutilation Act 2003 (version of 7 February 2023).",
    "https://www.legislation.gov.uk/ukpga/2018/12/schedule/1/paragraph/36/enacted":
        "Read through the search tool on 6 December 2026 for the guided lawful-basis helper"
        " (content/lawful_basis_helper.yaml): Data Protection Act 2018, Schedule 1, paragraph"
        " 36, as enacted.",
    "https://www.legislation.gov.uk/ukpga/2018/12/schedule/1/part/3":
        "Read through the search tool on 6 December 2026 for the guided lawful-basis helper"
        " (content/lawful_basis_helper.yaml): Data Protection Act 2018, Schedule 1, Part 3"
        " (paragraphs 30 to 35 read).",
    "https://www.legislation.gov.uk/ukpga/2018/12/schedules/2022-11-30":
        "Read through the search tool on 6 December 2026 for the guided lawful-basis helper"
        " (content/lawful_basis_helper.yaml): Data Protection Act 2018, Schedule 1, paragraphs 1"
        " and 2 (revised text as at 30 November 2022).",
    'https://www.legislation.gov.uk/ukpga/2014/23/part/1/crossheading/safeguarding-adults-at-'
    'risk-of-abuse-or-neglect':
        'Care Act 2014, sections 42 to 45 on legislation.gov.uk; sections 42 and 43 read there '
        '(the page says it is up to date to 21 November 2024), checked 6 December 2026; section '
        "45's wording was read in a mirror of this text, so its sources give this address without "
        "a checked date. Sources of topics/care-act-update, topics/duties-to-disclose and "
        'lawful_bases.yaml.',
    'https://www.legislation.gov.uk/ukpga/2015/9/part/5/crossheading/female-genital-mutilation/'
    'enacted':
        'Serious Crime Act 2015, Part 5, FGM cross-heading as enacted on legislation.gov.uk; '
        'section 74 inserts section 5B of the FGM Act 2003 (read 6 December 2026).',
    'https://www.college.police.uk/app/major-investigation-and-public-protection/female-genital-'
    'mutilation':
        'College of Policing APP on FGM: the duty to report commenced on 31 October 2015 (read 6 '
        'December 2026).',
    'https://www.legislation.gov.uk/ukpga/1989/41/section/47':
        'Children Act 1989, section 47 on legislation.gov.uk (subsections (1) to (4) read 6 '
        'December 2026).',
    'https://www.gov.uk/government/publications/circular-0042026-crime-and-policing-act-2026/'
    'circular-0042026-crime-and-policing-act-2026-accessible':
        'Home Office Circular 004/2026 on GOV.UK: Royal Assent 29 April 2026, first commencement '
        '29 June 2026 (read 6 December 2026).',
    'https://www.gov.uk/government/publications/crime-and-policing-bill-2025-delegated-powers-'
    'supplementary-memoranda/delegated-powers-memorandum-13-february-2026':
        "Home Office delegated powers memorandum on GOV.UK: the Bill's duty to report child "
        'sexual abuse (read 6 December 2026).',
    'https://www.legislation.gov.uk/uksi/2026/386/body/made':
        'SI 2026/386 (DUAA consequential amendments for the Information Commission) as made, '
        'regulation 1 (read 6 December 2026).',
    'https://www.legislation.gov.uk/id/uksi/2025/904/regulation/2/c':
        'SI 2025/904 (DUAA Commencement No. 1), regulation 2: this address shows the whole of '
        'regulation 2, paragraphs (a) onwards, including (r): section 117 except (4)(a) from 20 '
        'August 2025 (read 6 December 2026).',
    'https://www.legislation.gov.uk/uksi/2026/82/regulation/2/made':
        'SI 2026/82 (DUAA Commencement No. 6), regulation 2, provisions in force 5 February 2026: '
        'read at this address on 30 November 2026; on 6 December 2026 re-read only in a mirror '
        '(crimeline.co.uk); regulation 2(c) (section 70) re-read at this address on 7 December '
        '2026 (three-organisations).',
    'https://www.ukcgc.uk/manual/sharing':
        'UK Caldicott Guardian Council manual, information sharing and disclosure: the seventh '
        "principle's history (read 6 December 2026).",
    'https://www.themdu.com/guidance-and-advice/latest-updates-and-advice/the-caldicott-'
    'principles-the-proposed-updates-explained':
        "Medical Defence Union: lists the December 2020 Caldicott principles, principle 7's "
        'wording (read 6 December 2026).',
    'https://www.leedsscp.org.uk/news/working-together-safeguard-children-2026-whats-changed':
        "Leeds Safeguarding Children Partnership's report of the DfE's Working Together 2026 "
        "summary of changes (read 6 December 2026); a third party's page, cited as such.",
    'https://www.gov.uk/government/publications/mandatory-reporting-of-female-genital-mutilation-'
    'procedural-information/mandatory-reporting-of-female-genital-mutilation-procedural-'
    'information-accessible-version':
        'Home Office, Mandatory reporting of FGM: procedural information (accessible version, '
        'updated 22 January 2020), section 1.2: the duty covers regulated health and social care '
        'professionals (regulators overseen by the Professional Standards Authority), teachers and '
        'social care workers in Wales (read 6 December 2026). Sources of topics/duties-to-disclose '
        'and lawful_bases.yaml.',
    'https://www.gov.uk/government/news/why-caldicott-principles-and-caldicott-guardians-are-'
    'still-relevant-in-2020':
        "National Data Guardian's news story on GOV.UK (8 December 2020): the consultation "
        'response contains a revised set of 8 Caldicott Principles (read 6 December 2026).',
    'https://www.bma.org.uk/advice-and-support/ethics/safeguarding/adults-at-risk-'
    'confidentiality-and-disclosure-of-information':
        'BMA, Adults at risk, confidentiality and disclosure of information (updated 28 June '
        '2024): key messages on adults with capacity, coercion and sharing without consent '
        '(read 6 December 2026).',
    'https://www.legislation.gov.uk/cy/ukpga/2026/21/section/4/enacted/data.htm':
        "Children's Wellbeing and Schools Act 2026, section 4 as enacted (inserting Children Act "
        '2004 s16LA): read 6 December 2026. Source of topics/children-2026-update.',
    'https://www.legislation.gov.uk/ukpga/2026/21/section/78/enacted':
        "Children's Wellbeing and Schools Act 2026, section 78 (commencement) as enacted: read 6 "
        'December 2026. Source of topics/children-2026-update.',
    'https://www.legislation.gov.uk/ukpga/2026/21/section/4/data.akn':
        "Children's Wellbeing and Schools Act 2026, section 4, revised version valid from 1 June "
        '2026: only its metadata was read (6 December 2026), so its source has no checked date.',
    'http://www.legislation.gov.uk/cy/ukpga/2005/9/notes/division/6/1/2':
        'Mental Capacity Act 2005, Explanatory Notes on section 2, paragraphs 21 to 23 (capacity '
        'is decision- and time-specific): read through the search tool on 6 December 2026 (quiz '
        'sources).',
    'https://cy.ico.org.uk/for-organisations/guide-to-data-protection/guide-to-the-general-data-'
    'protection-regulation-gdpr/special-category-data/what-are-the-substantial-public-interest-'
    'conditions/':
        'ICO, What are the substantial public interest conditions? (Schedule 1 paragraphs 6 to 28, '
        'paragraph 18 safeguarding; the basis for Article 9(2)(g)): read 6 and 7 December 2026 '
        '(quiz sources).',
    'https://ico.org.uk/for-organisations/guide-to-data-protection/guide-to-the-general-data-'
    'protection-regulation-gdpr/special-category-data/what-are-the-rules-on-special-category-data/':
        'ICO, What are the rules on special category data? (the ten Article 9 conditions; DPA 2018 '
        'section 10 and Schedule 1): read 6 December 2026 (quiz sources).',
    'https://ico.org.uk/for-organisations/recognised-legitimate-interest-guidance/when-can-we-use-'
    'recognised-legitimate-interest':
        "ICO, When can we use recognised legitimate interest? ('If you're a public authority, you "
        "can't rely on recognised legitimate interest to perform your tasks or functions'): read 6 "
        'December 2026 (quiz sources).',
    'https://legislation.gov.uk/ukpga/2014/23/part/1/crossheading/safeguarding-adults-at-risk-of-'
    'abuse-or-neglect':
        'Care Act 2014, cross heading Safeguarding adults at risk of abuse or neglect (up to '
        'date to 21 November 2024): sections 42 and 43 read 6 December 2026 (quiz sources).',
    'https://legislation.gov.uk/ukpga/2014/23/section/44/2018-04-11/data.akn':
        'Care Act 2014, section 44, point-in-time version of 11 April 2018: subsections (1) to (4) '
        'read 6 December 2026 (quiz sources).',
    'https://ico.org.uk/about-the-ico/our-information/safeguards-policy/policy-document-our-'
    'processing-of-special-categories-of-personal-data-and-criminal-offence-data':
        "ICO, its own policy document for special category and criminal offence data: its list of "
        "the special categories in UK GDPR Article 9 (among them data concerning health), and "
        "'Some of the Schedule 1 conditions ... require us to have an Appropriate Policy "
        "Document': read through the search tool on 7 December 2026 (refusal-others-at-risk).",
    'https://cy.ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-'
    'sharing-a-code-of-practice/about-this-code':
        'ICO, Data sharing: a code of practice, About this code (laid before Parliament 18 May '
        '2021, issued 14 September 2021, in force 5 October 2021): read through the search tool '
        'on 7 December 2026 (ico-ten-steps).',
    'https://cy.ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-'
    'sharing-a-code-of-practice/executive-summary':
        "ICO, Data sharing: a code of practice, Executive summary ('it is good practice to have a "
        "data sharing agreement'; 'You can share data in an emergency, as is necessary and "
        "proportionate'): read through the search tool on 7 December 2026 (ico-ten-steps).",
    'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/a-10-step-'
    'guide-to-sharing-information-to-safeguard-children':
        'ICO, A 10 step guide to sharing information to safeguard children (published 14 '
        'September 2023; its introduction read): read through the search tool on 7 December 2026 '
        '(ico-ten-steps). The pack names the guide without an address.',
}
