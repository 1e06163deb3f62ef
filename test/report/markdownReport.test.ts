import { describe, expect, it } from 'vitest';
import { project } from '../../src/model/project.js';
import { escapeMarkdown, markdownReport } from '../../src/report/markdownReport.js';
import { fullInput, SCORECARD, ZHEJIANG, zhejiangProjection } from './fixtures.js';

describe('markdownReport(input)', () => {
  const md = markdownReport(fullInput());
  const lines = md.split('\n');

  it('starts with the scenario name and its summary', () => {
    expect(lines.slice(0, 10)).toEqual([
      '# Zhejiang 2020-2030',
      '',
      'chengzhen projection report (城镇化情景预测报告), 2020–2030',
      '',
      '## Summary (概要)',
      '',
      '- Years (年份): 2020 (base, year-end population) to 2030: 10 years projected',
      '- Regions (地区): Zhejiang (浙江) `zj`',
      '- Description (说明): Zhejiang from the 2020 census with steady rural-to-urban migration. Rates are illustrative.',
      '- Sources (来源):',
    ]);
  });

  it('has the scorecard as a table with results and margins', () => {
    const start = lines.indexOf('## Scorecard (目标评估)');
    expect(lines.slice(start + 2, start + 9)).toEqual([
      '1 of 3 targets met, 1 missed, 1 not judged.',
      '',
      '| Target (目标) | Year | Target value | Projected | Margin | Result (结果) | Source (来源) |',
      '| --- | ---: | ---: | ---: | ---: | --- | --- |',
      '| Resident urbanisation rate (常住人口城镇化率) | 2025 | 75.0% | 75.4% | +0.4 pp | Met (达成) | Zhejiang 14th FYP |',
      '| Hukou urbanisation rate (户籍人口城镇化率) | 2025 | 60.0% | 53.1% | -6.9 pp | Missed (未达成) | Zhejiang 14th FYP |',
      '| Childcare places per 1000 residents (每千人口托位数) | 2025 | 4.5 | – | – | Not judged (无法判断) | Zhejiang 14th FYP |',
    ]);
  });

  it('has the key figures of the base and end years', () => {
    expect(md).toContain('| Indicator (指标) | Unit | 2020 | 2030 | Change |');
    expect(md).toContain('| Resident population (常住人口) | persons | 64,567,588 |');
    expect(md).toContain('| Resident urbanisation rate (常住人口城镇化率) | % | 72.2% |');
    expect(md).toContain('| Elderly care beds: capacity (养老床位供给) | beds | 400,000 | 500,000 | +100,000 |');
  });

  it('ends with the notes, numbered', () => {
    const notes = lines.slice(lines.indexOf('## Notes (注释)') + 2).filter((l) => l !== '');
    expect(notes).toHaveLength(5);
    expect(notes[1]).toBe('2. Hukou urbanisation rate of residents (常住人口中城镇户籍人口比重): hukou / population: residents with local urban hukou over residents. Not the official 户籍人口城镇化率, whose denominator is the registered (hukou) population wherever it lives: that is registeredHukouUrbanisationRate.');
    expect(md.endsWith('median.\n')).toBe(true);
  });

  it('has every table row with as many cells as its header', () => {
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    let width = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) width = 0;
      else if (width === 0) width = cells(line);
      else expect(cells(line), line).toBe(width);
    }
  });

  it('escapes markup, pipes and line breaks from the scenario', () => {
    const projection = project({ ...ZHEJIANG, name: '<script>alert(1)</script>', description: 'a|b\nc', sources: [{ document: '**bold** [link](x)' }] });
    const text = markdownReport({ projection, scorecard: [{ ...SCORECARD[0], description: 'x | y', source: '<img src=x>' }] });
    expect(text).not.toMatch(/<script|<img/);
    expect(text.split('\n')[0]).toBe('# &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain('- Description (说明): a\\|b c');
    expect(text).toContain('  - \\*\\*bold\\*\\* \\[link\\](x)');
    expect(text).toContain('| x \\| y (常住人口城镇化率) |');
  });

  it('leaves out the scorecard when not given', () => {
    expect(markdownReport({ projection: zhejiangProjection() })).not.toContain('Scorecard');
  });
});

describe('escapeMarkdown(text)', () => {
  it('escapes entities, emphasis, code, links and pipes and folds line breaks', () => {
    expect(escapeMarkdown('<b>a|b</b>')).toBe('&lt;b&gt;a\\|b&lt;/b&gt;');
    expect(escapeMarkdown('a & b_c *d* `e` [f]\r\n g\\')).toBe('a &amp; b\\_c \\*d\\* \\`e\\` \\[f\\] g\\\\');
  });
});
