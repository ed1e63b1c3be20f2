import type { CourseInput } from '../../src/modules/training/inputs.ts';

/** A mandatory course for everyone, refreshed every year. */
export const courseInput = (over: Partial<CourseInput> = {}): CourseInput => ({
  code: 'DPA-IG',
  title: 'Data protection',
  mandatory: true,
  refreshMonths: 12,
  audienceDirectorateIds: [],
  xapiActivityIds: [],
  ...over,
});
