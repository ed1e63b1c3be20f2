/**
 * What discovery found in an asset's files beside what the register says the asset holds: the special categories and
 * criminal offence data the detectors point to (UK GDPR Arts 9 and 10), and personal data in an asset the register
 * says holds none.
 */
import type { PiiType } from '../pii/types.ts';

/** The register's special category for each of the detectors' Art 9 types; Art 10 is criminal offence data. */
export const SPECIAL_CATEGORY_OF: Partial<Record<PiiType, string>> = {
  ART9_HEALTH: 'Health',
  ART9_ETHNICITY: 'Racial or ethnic origin',
  ART9_RELIGION: 'Religious or philosophical beliefs',
  ART9_SEXUALITY: 'Sex life or sexual orientation',
  ART9_TRADE_UNION: 'Trade union membership',
  ART9_BIOMETRIC: 'Biometric data',
};

/** One type as found: how many files hold it. */
export interface FoundType {
  type: PiiType;
  files: number;
}

export interface RegisterEntry {
  personalData: boolean;
  specialCategories: readonly string[];
  criminalOffenceData: boolean;
}

const files = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'file holds' : 'files hold'}`;

/** Each way what was found goes beyond what the register says, as a sentence for the asset's page. */
export function registerDifferences(entry: RegisterEntry, found: readonly FoundType[]): string[] {
  const differences: string[] = [];
  const withAny = found.reduce((most, f) => Math.max(most, f.files), 0);
  if (!entry.personalData && withAny > 0)
    differences.push(`The register says it holds no personal data; at least ${files(withAny)} some`);
  const special = new Map<string, number>();
  for (const f of found) {
    const category = SPECIAL_CATEGORY_OF[f.type];
    if (category) special.set(category, (special.get(category) ?? 0) + f.files);
  }
  for (const [category, count] of special)
    if (!entry.specialCategories.includes(category))
      differences.push(
        `The register says no ${category.toLowerCase()} data; ${files(count)} ${category.toLowerCase()} indicators`,
      );
  const criminal = found.find((f) => f.type === 'ART10_CRIMINAL');
  if (criminal && !entry.criminalOffenceData)
    differences.push(
      `The register says no criminal offence data; ${files(criminal.files)} criminal offence indicators`,
    );
  return differences;
}
