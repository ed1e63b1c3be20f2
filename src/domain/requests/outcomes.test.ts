import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  COST_LIMIT_HOURS,
  OUTCOMES_BY_REGIME,
  outcomeName,
  outcomeProblems,
  parsePounds,
} from './outcomes.ts';
import { EXEMPTIONS, exemptionsFor, findExemption } from './exemptions.ts';

describe('request outcomes', () => {
  it('reads a fee as people write it', () => {
    for (const [text, pounds] of [
      ['25', 25],
      ['25.00', 25],
      ['£25', 25],
      [' £ 25.5 ', 25.5],
      ['£1,250.50', 1250.5],
    ] as const)
      assert.equal(parsePounds(text), pounds, text);
    for (const text of ['', '£', '-5', '25.005', '1,25', 'twenty', '25p', '1e3', 'Infinity'])
      assert.equal(parsePounds(text), undefined, text);
  });

  it('sets the council cost limit at 18 hours (£450 at £25)', () => {
    assert.equal(COST_LIMIT_HOURS, 18);
    assert.deepEqual(
      outcomeProblems({ regime: 'foia', outcome: 'cost-limit', exemptions: [], costEstimateHours: 19 }),
      {},
    );
    assert.match(
      outcomeProblems({ regime: 'foia', outcome: 'cost-limit', exemptions: [], costEstimateHours: 18 })
        .costEstimateHours!,
      /exceed 18/,
    );
    assert.ok(outcomeProblems({ regime: 'foia', outcome: 'cost-limit', exemptions: [] }).costEstimateHours);
  });

  it('never allows s.12 or s.14 on an EIR request', () => {
    for (const outcome of ['cost-limit', 'vexatious', 'repeated'] as const) {
      assert.ok(outcomeProblems({ regime: 'eir', outcome, exemptions: [], costEstimateHours: 40 }).outcome);
    }
  });

  it('needs exemptions for a refusal, from the right regime', () => {
    assert.ok(outcomeProblems({ regime: 'foia', outcome: 'refused', exemptions: [] }).exemptions);
    assert.match(
      outcomeProblems({ regime: 'foia', outcome: 'refused', exemptions: ['12(5)(e)'] }).exemptions!,
      /Not a FOIA exemption/,
    );
    assert.match(
      outcomeProblems({ regime: 'eir', outcome: 'refused', exemptions: ['s43(2)'], publicInterest: 'x' })
        .exemptions!,
      /Not a EIR/,
    );
    assert.match(
      outcomeProblems({ regime: 'foia', outcome: 'refused', exemptions: ['s99'] }).exemptions!,
      /s99/,
    );
  });

  it('offers each law only the outcomes it allows', () => {
    for (const outcome of ['cost-limit', 'vexatious', 'repeated', 'ncnd'] as const)
      assert.match(
        outcomeProblems({ regime: 'dpa', outcome, exemptions: [], costEstimateHours: 40 }).outcome!,
        /data-protection rights request has no/,
      );
    assert.deepEqual(OUTCOMES_BY_REGIME.dpa, ['granted', 'part-granted', 'refused', 'not-held']);
    assert.equal(outcomeName('not-held', 'dpa'), 'No personal data held');
    assert.deepEqual(
      outcomeProblems({ regime: 'dpa', outcome: 'refused', exemptions: [] }),
      {},
      'manifestly unfounded or excessive (Art 12(5)(b)) needs no exemption',
    );
    assert.deepEqual(
      outcomeProblems({ regime: 'dpa', outcome: 'part-granted', exemptions: ['sch2-p16'] }),
      {},
    );
  });

  it('refuses a contradictory outcome', () => {
    assert.match(
      outcomeProblems({ regime: 'foia', outcome: 'granted', exemptions: ['s43(2)'], publicInterest: 'x' })
        .exemptions!,
      /relies on no exemption/,
    );
    assert.match(
      outcomeProblems({ regime: 'foia', outcome: 'granted', exemptions: [], publicInterest: 'Balanced.' })
        .publicInterest!,
      /only for a qualified exemption/,
    );
    assert.match(
      outcomeProblems({ regime: 'foia', outcome: 'cost-limit', exemptions: [], costEstimateHours: -5 })
        .costEstimateHours!,
      /from 0/,
    );
    assert.match(
      outcomeProblems({ regime: 'foia', outcome: 'granted', exemptions: [], costEstimateHours: 3 })
        .costEstimateHours!,
      /only for a refusal under the cost limit/,
    );
    assert.match(
      outcomeProblems({
        regime: 'dpa',
        outcome: 'part-granted',
        exemptions: ['sch2-p16'],
        publicInterest: 'x',
      }).publicInterest!,
      /no public interest test/,
    );
    assert.ok(outcomeProblems({ regime: 'foia', outcome: 'not-held', exemptions: ['s40(2)'] }).exemptions);
  });

  it('needs public interest reasoning for qualified exemptions but not absolute ones', () => {
    assert.deepEqual(outcomeProblems({ regime: 'foia', outcome: 'refused', exemptions: ['s40(2)'] }), {});
    assert.ok(outcomeProblems({ regime: 'foia', outcome: 'refused', exemptions: ['s43(2)'] }).publicInterest);
    assert.deepEqual(
      outcomeProblems({
        regime: 'foia',
        outcome: 'part-granted',
        exemptions: ['s43(2)', 's40(2)'],
        publicInterest: 'Balance favours withholding prices.',
      }),
      {},
    );
    assert.ok(
      outcomeProblems({ regime: 'eir', outcome: 'refused', exemptions: ['12(5)(e)'] }).publicInterest,
      'every EIR exception is qualified',
    );
  });

  it('keeps the seed lists consistent', () => {
    assert.equal(new Set(EXEMPTIONS.map((e) => e.code)).size, EXEMPTIONS.length);
    assert.ok(exemptionsFor('eir').every((e) => e.code.startsWith('12') || e.code === 'reg13'));
    assert.equal(findExemption('s41')!.absolute, true);
    assert.equal(findExemption('s43(2)')!.absolute, false);
    assert.ok(exemptionsFor('dpa').length >= 10);
  });
});
