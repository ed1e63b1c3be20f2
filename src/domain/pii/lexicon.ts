/**
 * Word lists the detectors use: common first names and surnames in the UK (a compact gazetteer; ONS baby names and
 * common surnames), street words for addresses, and the phrases that point to special category data under UK GDPR
 * Art 9 and criminal offence data under Art 10. Shipped with the code: nothing is downloaded.
 */
export const FIRST_NAMES = new Set(
  (
    'aaliyah aaron abdul abigail adam adrian aidan aisha alan albert alex alexander alexandra alfie alice alison amanda amber amelia amir amy ' +
    'andrea andrew angela anna anne anthony archie arthur ashley austin ava barbara barry ben benjamin beth bethany bill bob brandon brenda brian ' +
    'callum cameron carl carol caroline catherine charles charlie charlotte chloe chris christina christine christopher claire clare colin connor craig ' +
    'daisy daniel david dawn dean deborah declan denise dennis derek diana diane dominic donna dorothy douglas dylan edward eileen eleanor elizabeth ella ' +
    'ellie emily emma eric ethan eva evie ewan farah fatima fiona florence frances frank freddie freya gareth gary gavin george georgia gemma gillian ' +
    'gordon grace graham hannah harriet harry harvey hassan hayley heather helen henry holly hugo ian imogen isaac isabella isla jack jacob jade jake ' +
    'james jamie jane janet jasmine jason jayden jean jennifer jessica joan joanne joe john jonathan jordan joseph joshua joy joyce judith julia julie ' +
    'justin karen kate katherine kathleen katie kayleigh keith kelly kenneth kevin kieran kim kirsty laura lauren layla leah lee leo leon lewis liam lily ' +
    'linda lisa logan louis louise lucas lucy luke lydia maisie malcolm margaret maria marie mark martin mary matilda matthew maureen max megan melanie ' +
    'mia michael michelle mohammed molly muhammad nathan neil niamh nicholas nicola nigel noah norman oliver olivia omar oscar owen pamela patricia patrick ' +
    'paul paula pauline peter philip phoebe poppy priya rachel rebecca reece rhys richard riley robert robin rose rosie ross ruby ryan sabrina sally ' +
    'samantha samuel sandra sara sarah scott sean shane sharon sheila shirley sienna simon sophia sophie stacey stephanie stephen steven stuart susan ' +
    'suzanne teresa thomas tim timothy toby tom tony tracey tracy trevor tyler valerie vanessa victoria vincent wayne william yasmin yusuf zachary zara zoe'
  ).split(' '),
);

export const SURNAMES = new Set(
  (
    'adams ahmed ali allen anderson armstrong atkinson bailey baker ball barker barnes begum bell bennett brown butler campbell carter chapman clark ' +
    'clarke cole collins cook cooper cox davies davis dixon edwards ellis evans fisher fletcher foster fox gibson gill graham grant gray green griffiths ' +
    'hall harris harrison hart hill holmes hughes hunt hussain jackson james jenkins johnson johnston jones kaur kelly kennedy khan king knight lee lewis ' +
    'lloyd marshall martin mason matthews miller mills mitchell moore morgan morris murphy murray owen palmer parker patel pearson phillips powell price ' +
    'reid reynolds richards richardson roberts robertson robinson rogers rose ross russell scott shah shaw simpson singh smith stevens stewart taylor ' +
    'thomas thompson thomson turner walker walsh ward watson webb white wilkinson williams wilson wood wright young'
  ).split(' '),
);

/** Words that look like names but usually are not. */
export const NOT_NAMES = new Set(
  'may will june april august mark grace rose joy bill dawn hope faith sunny'.split(' '),
);

export const STREET_WORDS =
  'Road|Street|Avenue|Lane|Close|Drive|Way|Court|Crescent|Place|Gardens|Terrace|Grove|Hill|Park|Square|Row|Walk|View|Rise|Mews|Green|Parade|Wharf|Yard';

/**
 * Whole words or phrases (a plural "s" allowed); one ending in "*" is a stem ("pregnan*": pregnant, pregnancy), so
 * that "roma" is not found in "romantic" nor "gay" in "Gaynor".
 */
export const SPECIAL_CATEGORY_PHRASES: Record<string, string[]> = {
  ART9_HEALTH: [
    'diagnosed with',
    'diagnosis',
    'mental health',
    'depression',
    'anxiety',
    'diabetes',
    'cancer',
    'hiv',
    'dementia',
    'autism',
    'adhd',
    'disability',
    'medication',
    'prescribed',
    'hospital admission',
    'pregnan*',
    'sick note',
    'fit note',
    'occupational health',
    'gp surgery',
    'learning disability',
    'self-harm',
    'substance misuse',
  ],
  ART9_ETHNICITY: [
    'ethnic origin',
    'ethnicity',
    'racial',
    'black british',
    'white british',
    'asian british',
    'mixed race',
    'gypsy',
    'roma',
    'irish traveller',
  ],
  ART9_RELIGION: [
    'religion',
    'religious belief',
    'muslim',
    'christian',
    'jewish',
    'hindu',
    'sikh',
    'buddhist',
    'atheist',
    'mosque',
    'synagogue',
    'church of england',
  ],
  ART9_SEXUALITY: [
    'sexual orientation',
    'gay',
    'lesbian',
    'bisexual',
    'heterosexual',
    'sex life',
    'transgender',
  ],
  ART9_TRADE_UNION: [
    'trade union',
    'union member',
    'unison',
    'unite the union',
    'gmb union',
    'union representative',
    'shop steward',
  ],
  ART9_BIOMETRIC: [
    'fingerprint',
    'facial recognition',
    'biometric',
    'iris scan',
    'dna sample',
    'genetic test',
  ],
  ART10_CRIMINAL: [
    'criminal record',
    'convicted of',
    'conviction',
    'caution for',
    'arrested',
    'offence',
    'dbs check',
    'probation',
    'custodial sentence',
    'prison',
    'youth offending',
  ],
};
