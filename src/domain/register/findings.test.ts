import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { registerDifferences } from './findings.ts';

const entry = { personalData: true, specialCategories: ['Health'], criminalOffenceData: false };

describe('what discovery found beside what the register says', () => {
  it('says nothing where the register already names what was found', () => {
    assert.deepEqual(
      registerDifferences(entry, [
        { type: 'ART9_HEALTH', files: 1204 },
        { type: 'EMAIL', files: 90 },
      ]),
      [],
    );
  });
  it('names each special category and criminal offence data the register does not, with how many files', () => {
    assert.deepEqual(
      registerDifferences({ ...entry, specialCategories: [] }, [
        { type: 'ART9_HEALTH', files: 1204 },
        { type: 'ART10_CRIMINAL', files: 1 },
      ]),
      [
        'The register says no health data; 1,204 files hold health indicators',
        'The register says no criminal offence data; 1 file holds criminal offence indicators',
      ],
    );
  });
  it('flags personal data in an asset recorded as holding none', () => {
    assert.deepEqual(
      registerDifferences({ ...entry, personalData: false }, [{ type: 'UK_NINO', files: 3 }]),
      ['The register says it holds no personal data; at least 3 files hold some'],
    );
  });
});
