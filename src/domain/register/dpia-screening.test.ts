import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ARTICLE_35_3,
  ICO_LIST,
  screenForDpia,
  WP248_CRITERIA,
  type ScreeningAnswers,
  type ScreeningOutcome,
} from './dpia-screening.ts';

const none: ScreeningAnswers = { article35: [], ico: [], wp248: [] };
const screen = (answers: Partial<ScreeningAnswers>) => screenForDpia({ ...none, ...answers });
const RANK: Record<ScreeningOutcome, number> = { 'not-needed': 0, recommended: 1, required: 2 };

const answersArbitrary = fc.record({
  article35: fc.subarray(ARTICLE_35_3.map((q) => q.id)),
  ico: fc.subarray(ICO_LIST.map((q) => q.id)),
  wp248: fc.subarray(WP248_CRITERIA.map((q) => q.id)),
});

describe('DPIA screening', () => {
  it('asks the three Art 35(3) cases, the ICO’s ten kinds and the nine WP248 criteria', () => {
    assert.equal(ARTICLE_35_3.length, 3);
    assert.equal(ICO_LIST.length, 10);
    assert.equal(WP248_CRITERIA.length, 9);
    assert.deepEqual(
      ICO_LIST.filter((k) => k.needsCriterion).map((k) => k.id),
      ['innovative-technology', 'biometrics', 'genetic', 'invisible-processing', 'tracking'],
      'the kinds the ICO lists "in combination with any of the criteria from the European guidelines"',
    );
  });

  it('needs a DPIA for every Art 35(3) case on its own', () => {
    for (const q of ARTICLE_35_3) {
      const result = screen({ article35: [q.id] });
      assert.equal(result.outcome, 'required', q.id);
      assert.match(result.reasons[0]!, new RegExp(`^UK GDPR Art 35\\(3\\)\\([abc]\\) always needs a DPIA$`));
    }
  });

  it('needs one for an ICO kind on its own, or a combination kind with any criterion', () => {
    assert.equal(screen({ ico: ['data-matching'] }).outcome, 'required');
    assert.equal(screen({ ico: ['physical-harm'] }).outcome, 'required');
    const cctvWithAi = screen({ ico: ['innovative-technology'], wp248: ['systematic-monitoring'] });
    assert.equal(cctvWithAi.outcome, 'required');
    assert.deepEqual(cctvWithAi.reasons, [
      'ICO list: innovative technology, with WP248 criterion 3, is on the ICO’s list of high-risk processing',
    ]);
  });

  it('recommends one for a combination kind answered without a criterion, and says what is missing', () => {
    const result = screen({ ico: ['biometrics'] });
    assert.equal(result.outcome, 'recommended');
    assert.deepEqual(result.reasons, [
      'ICO list: biometric data needs a DPIA together with any WP248 criterion; none was answered yes',
    ]);
  });

  it('needs one for two WP248 criteria, recommends one for a single criterion, and not for none', () => {
    const two = screen({ wp248: ['large-scale', 'vulnerable-subjects'] });
    assert.equal(two.outcome, 'required');
    assert.deepEqual(two.reasons, [
      '2 of the nine WP248 criteria apply (WP248 criterion 5, WP248 criterion 7): two or more need a DPIA',
    ]);
    const one = screen({ wp248: ['sensitive-data'] });
    assert.equal(one.outcome, 'recommended');
    assert.match(one.reasons[0]!, /^One WP248 criterion applies \(WP248 criterion 4\)/);
    const nothing = screen({});
    assert.equal(nothing.outcome, 'not-needed');
    assert.match(nothing.reasons[0]!, /screen again if the processing changes/);
  });

  it('counts a repeated answer once and ignores ids it does not know', () => {
    const result = screenForDpia({
      article35: [],
      ico: ['not-a-kind' as never],
      wp248: ['large-scale', 'large-scale'],
    });
    assert.equal(result.outcome, 'recommended');
  });

  it('never lowers its outcome when another answer becomes yes', () => {
    fc.assert(
      fc.property(answersArbitrary, answersArbitrary, (a, extra) => {
        const more = {
          article35: [...new Set([...a.article35, ...extra.article35])],
          ico: [...new Set([...a.ico, ...extra.ico])],
          wp248: [...new Set([...a.wp248, ...extra.wp248])],
        };
        return RANK[screenForDpia(more).outcome] >= RANK[screenForDpia(a).outcome];
      }),
    );
  });

  it('always gives a reason, and names every case, kind and criterion that made a DPIA required', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const { outcome, reasons } = screenForDpia(answers);
        assert.ok(reasons.length >= 1);
        if (outcome !== 'required') return;
        const text = reasons.join(' ');
        for (const id of answers.article35)
          assert.ok(text.includes(ARTICLE_35_3.find((q) => q.id === id)!.source));
        if (answers.wp248.length >= 2)
          for (const id of answers.wp248)
            assert.ok(text.includes(WP248_CRITERIA.find((q) => q.id === id)!.source));
      }),
    );
  });

  it('matches the rule as DOMAIN.md writes it, for every answer', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const criteria = answers.wp248.length;
        const icoKind = ICO_LIST.some(
          (k) => answers.ico.includes(k.id) && (!k.needsCriterion || criteria >= 1),
        );
        const expected: ScreeningOutcome =
          answers.article35.length > 0 || icoKind || criteria >= 2
            ? 'required'
            : criteria === 1 || answers.ico.length > 0
              ? 'recommended'
              : 'not-needed';
        assert.equal(screenForDpia(answers).outcome, expected);
      }),
    );
  });
});
