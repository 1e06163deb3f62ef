/**
 * Runs one of the example scenarios: `npm run example` (the default) or
 * `npm run example -- NAME`. `npm run example -- --list` lists them.
 */

const EXAMPLES: Record<string, { file: string; summary: string }> = {
  kernel: { file: './kernel/run-two-regions.ts', summary: 'the projection kernel on a two-region problem' },
};
const DEFAULT_EXAMPLE = 'kernel';

const name = process.argv[2] ?? DEFAULT_EXAMPLE;
if (name === '--list' || !(name in EXAMPLES)) {
  if (name !== '--list') console.error(`unknown example '${name}'\n`);
  console.log('Examples (npm run example -- NAME):');
  for (const [key, { summary }] of Object.entries(EXAMPLES)) console.log(`  ${key.padEnd(12)} ${summary}${key === DEFAULT_EXAMPLE ? ' (default)' : ''}`);
  process.exitCode = name === '--list' ? 0 : 2;
} else {
  await import(EXAMPLES[name].file);
}
