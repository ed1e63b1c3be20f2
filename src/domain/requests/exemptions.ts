/**
 * Exemptions and exceptions as pick-list data, from the statutes (research/requests.md §1.5, §3):
 * FOIA 2000 Part II (ss.21–44; s.2(3) lists the absolute ones), EIR 2004 regs 12–13, and DPA 2018 Schedules 2–4 for
 * subject access requests.
 */
export type Regime = 'foia' | 'eir' | 'dpa';

export interface Exemption {
  code: string;
  regime: Regime;
  title: string;
  /** Absolute exemptions need no public interest test; qualified ones (and every EIR exception) do. */
  absolute: boolean;
}

const foia = (code: string, title: string, absolute: boolean): Exemption => ({
  code,
  regime: 'foia',
  title,
  absolute,
});
const eir = (code: string, title: string): Exemption => ({ code, regime: 'eir', title, absolute: false });
const dpa = (code: string, title: string): Exemption => ({ code, regime: 'dpa', title, absolute: true });

export const EXEMPTIONS: readonly Exemption[] = [
  foia('s21', 's.21 Information accessible by other means', true),
  foia('s22', 's.22 Intended for future publication', false),
  foia('s22A', 's.22A Research intended for future publication', false),
  foia('s23', 's.23 Security bodies', true),
  foia('s24', 's.24 National security', false),
  foia('s26', 's.26 Defence', false),
  foia('s27', 's.27 International relations', false),
  foia('s28', 's.28 Relations within the United Kingdom', false),
  foia('s29', 's.29 The economy', false),
  foia('s30', 's.30 Investigations and proceedings', false),
  foia('s31', 's.31 Law enforcement', false),
  foia('s32', 's.32 Court records', true),
  foia('s33', 's.33 Audit functions', false),
  foia('s34', 's.34 Parliamentary privilege', true),
  foia('s36', 's.36 Prejudice to effective conduct of public affairs', false),
  foia('s37', 's.37 Communications with His Majesty and honours', false),
  foia('s38', 's.38 Health and safety', false),
  foia('s39', 's.39 Environmental information', false),
  foia('s40(1)', 's.40(1) Personal information of the requester', true),
  foia('s40(2)', 's.40(2) Personal information of others', true),
  foia('s41', 's.41 Information provided in confidence', true),
  foia('s42', 's.42 Legal professional privilege', false),
  foia('s43(1)', 's.43(1) Trade secrets', false),
  foia('s43(2)', 's.43(2) Commercial interests', false),
  foia('s44', 's.44 Prohibitions on disclosure', true),
  eir('12(4)(a)', 'reg 12(4)(a) Information not held'),
  eir('12(4)(b)', 'reg 12(4)(b) Manifestly unreasonable'),
  eir('12(4)(c)', 'reg 12(4)(c) Request too general'),
  eir('12(4)(d)', 'reg 12(4)(d) Material in the course of completion'),
  eir('12(4)(e)', 'reg 12(4)(e) Internal communications'),
  eir('12(5)(a)', 'reg 12(5)(a) International relations, defence, national security or public safety'),
  eir('12(5)(b)', 'reg 12(5)(b) Course of justice'),
  eir('12(5)(c)', 'reg 12(5)(c) Intellectual property rights'),
  eir('12(5)(d)', 'reg 12(5)(d) Confidentiality of proceedings'),
  eir('12(5)(e)', 'reg 12(5)(e) Commercial confidentiality'),
  eir('12(5)(f)', 'reg 12(5)(f) Interests of the person who provided the information'),
  eir('12(5)(g)', 'reg 12(5)(g) Protection of the environment'),
  { code: 'reg13', regime: 'eir', title: 'reg 13 Personal data', absolute: true },
  dpa('sch2-p2', 'Sch 2 para 2 Crime and taxation'),
  dpa('sch2-p5', 'Sch 2 para 5 Disclosure required by law or for legal proceedings'),
  dpa('sch2-p7', 'Sch 2 para 7 Functions designed to protect the public'),
  dpa('sch2-p16', 'Sch 2 para 16 Protection of the rights of others (third-party data)'),
  dpa('sch2-p19', 'Sch 2 para 19 Legal professional privilege'),
  dpa('sch2-p22', 'Sch 2 para 22 Management forecasts'),
  dpa('sch2-p23', 'Sch 2 para 23 Negotiations'),
  dpa('sch2-p24', 'Sch 2 para 24 Confidential references'),
  dpa('sch3-health', 'Sch 3 Pt 2 Health data: serious harm'),
  dpa('sch3-social-work', 'Sch 3 Pt 3 Social work data: serious harm'),
  dpa('sch3-education', 'Sch 3 Pt 4 Education data: serious harm'),
  dpa('sch4', 'Sch 4 Disclosure prohibited or restricted by another enactment'),
];

const byCode = new Map(EXEMPTIONS.map((e) => [e.code, e]));

export function findExemption(code: string): Exemption | undefined {
  return byCode.get(code);
}

export function exemptionsFor(regime: Regime): Exemption[] {
  return EXEMPTIONS.filter((e) => e.regime === regime);
}
