import { describe, expect, expectTypeOf, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import type { ScorecardRow as ModelScorecardRow } from '../../src/model/scorecard.js';
import type { QuantileBand as SimulatedBand } from '../../src/solve/simulate.js';
import { checkReportInput, scorecardSource, type QuantileBand, type ReportInput, type ScorecardRow } from '../../src/report/reportInput.js';
import { scorecardResult, scorecardTally } from '../../src/report/scorecardResult.js';
import { reportNotes } from '../../src/report/reportNotes.js';
import { fullInput, SCORECARD, zhejiangProjection } from './fixtures.js';

function issues(input: ReportInput) {
  try {
    checkReportInput(input);
  } catch (error) {
    if (error instanceof ChengzhenError) return error.issues;
    throw error;
  }
  return [];
}

describe('checkReportInput(input)', () => {
  it('accepts a projection alone and a full input', () => {
    expect(issues({ projection: zhejiangProjection() })).toEqual([]);
    expect(issues(fullInput())).toEqual([]);
  });

  it('lists every bad number, year and region at once', () => {
    const projection = zhejiangProjection();
    const found = issues({
      projection,
      targets: [{ indicator: 'residentUrbanisationRate', year: 2025.5, value: Number.NaN, label: 't', region: 'shanghai' }],
      scorecard: [{ ...SCORECARD[0], target: Number.POSITIVE_INFINITY, margin: Number.NaN }],
      bands: [
        { indicator: 'population', region: 'all', year: 2030, q05: 1, q25: 2, q50: 3, q75: 5, q95: 4 },
        { indicator: 'population', region: 'zj', year: 2030, q05: Number.NaN, q25: 2, q50: 3, q75: 4, q95: 5 },
      ],
    });
    expect(found.map((i) => i.message)).toEqual([
      'targets[0].year must be a whole year, received 2025.5',
      'targets[0].value must be a finite number, received NaN',
      'targets[0].region must be a region of the projection (zj, all), received "shanghai"',
      'scorecard[0].target must be a finite number, received Infinity',
      'scorecard[0].margin must be a finite number, received NaN',
      'bands[0].q95 must be >= q75 (5), received 4',
      'bands[1].q05 must be a finite number, received NaN',
    ]);
    expect(found[5]).toEqual({ code: 'constraint', path: ['bands', 0, 'q95'], message: 'bands[0].q95 must be >= q75 (5), received 4', expected: '>= 5', received: '4' });
  });
});

describe('scorecardResult(row) and scorecardTally(rows)', () => {
  it('reads met, missed and not judged', () => {
    expect(SCORECARD.map(scorecardResult)).toEqual(['met', 'missed', 'not judged']);
    expect(scorecardResult({})).toBe('not judged');
    expect(scorecardTally(SCORECARD)).toBe('1 of 3 targets met, 1 missed, 1 not judged');
    expect(scorecardTally([{ met: true }])).toBe('1 of 1 target met, 0 missed, 0 not judged');
  });
});

describe('reportNotes(input)', () => {
  it('has units, the hukou approximation and services, plus scorecard and uncertainty notes when given', () => {
    const plain = reportNotes({ projection: zhejiangProjection() });
    expect(plain).toHaveLength(3);
    expect(plain[1]).toBe('Hukou urbanisation rate of residents (常住人口中城镇户籍人口比重): hukou / population: residents with local urban hukou over residents. Not the official 户籍人口城镇化率, whose denominator is the registered (hukou) population wherever it lives: that is registeredHukouUrbanisationRate.');
    expect(reportNotes(fullInput())).toHaveLength(5);
  });
});

describe('ScorecardRow', () => {
  it('takes the rows of the model\'s scorecard as they are', () => {
    expectTypeOf<ModelScorecardRow>().toExtend<ScorecardRow>();
  });

  it('scorecardSource(row) is the source, or the document and clause', () => {
    expect(scorecardSource({ source: 'Plan, art. 2', document: 'ignored' })).toBe('Plan, art. 2');
    expect(scorecardSource({ document: 'Zhejiang 14th FYP', clause: 'ch. 3' })).toBe('Zhejiang 14th FYP, ch. 3');
    expect(scorecardSource({ document: 'Zhejiang 14th FYP', clause: '' })).toBe('Zhejiang 14th FYP');
  });

  it('accepts null for what could not be projected', () => {
    const row: ScorecardRow = { id: 'x', description: 'd', labelZh: 'z', indicator: null, year: 2025, target: 1, projected: null, met: null, margin: null, unit: 'places', document: 'doc', clause: 'c', status: 'not projected' };
    expect(issues({ projection: zhejiangProjection(), scorecard: [row] })).toEqual([]);
  });
});

describe('QuantileBand', () => {
  it('takes the bands of a simulation as they are', () => {
    expectTypeOf<SimulatedBand>().toExtend<QuantileBand>();
  });
});
