/**
 * Runs one of the example scenarios: `npm run example` (the default) or
 * `npm run example -- NAME`. `npm run example -- --list` lists them.
 */

const EXAMPLES: Record<string, { file: string; summary: string }> = {
  national: { file: './national.ts', summary: "China's 2024 plan: does 70 % hold, what would it take, how sure; writes out/national-report.html" },
  shanghai: { file: './shanghai.ts', summary: "Shanghai's builder beds: demand against capacity, and the beds a year it would take by 2028" },
  shandong: { file: './shandong.ts', summary: "Shandong's school places against migrant children, 2020-2028, and the plan's scorecard" },
  zhejiang: { file: './zhejiang.ts', summary: "Zhejiang's 2023 plan (73.5 %) against the trend and the published 74.2 %, and a hindcast" },
  'two-regions': { file: './two-regions.ts', summary: 'a two-province scenario written from scratch in TypeScript; writes out/two-regions.csv' },
  kernel: { file: './kernel/run-two-regions.ts', summary: 'the projection kernel on a two-region problem' },
};
const DEFAULT_EXAMPLE = 'national';

export {};

const name: string = process.argv[2] ?? DEFAULT_EXAMPLE;
if (name === '--list' || !(name in EXAMPLES)) {
  if (name !== '--list') console.error(`unknown example '${name}'\n`);
  console.log('Examples (npm run example -- NAME):');
  for (const [key, { summary }] of Object.entries(EXAMPLES)) console.log(`  ${key.padEnd(12)} ${summary}${key === DEFAULT_EXAMPLE ? ' (default)' : ''}`);
  process.exitCode = name === '--list' ? 0 : 2;
} else {
  await import(EXAMPLES[name].file);
}
