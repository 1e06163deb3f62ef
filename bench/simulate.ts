/**
 * Monte Carlo on threads: the same simulation on 1 thread, 2 threads and the default thread
 * count, from the build (worker threads run dist/simulateWorker.js; the bench runs the build
 * first when dist/ is older than src/).
 * Reports wall time (the median and the fastest run of each thread count), the CPU time of the whole process (every thread), CPU per draw, the
 * load average when each run started, the threads that drew (the default decides from how busy
 * other work keeps the cores), and each goal's figure.
 *
 * Usage: npx tsx bench/simulate.ts [--preset national-2024-2028] [--draws 10000] [--threads 1,2,default] [--rounds 3] [--regions N] [--new-threads | --fresh-processes [--node-flags=...]]
 *   (also: npm run bench -- --simulate)
 *   --regions N   a synthetic scenario of N regions (provinces' census ages, scaled to 1.41
 *                 billion, 2023-2035), kept for all regions together, instead of the
 *                 national preset (one region, 2023-2035)
 *   --preset NAME  another preset (say china-counties-2024-2028, with --draws 100)
 *   --new-threads  stop the kept worker threads before every run (new worker threads beside a
 *                 warm calling thread), instead of keeping them from run to run
 *   --fresh-processes  every run in a new `node` process that loads the library from dist/
 *                 and runs one simulation: the first simulation of a process, calling
 *                 thread and workers cold (wall and CPU from inside that process, after
 *                 its imports)
 *   --node-flags=...  with --fresh-processes, flags for those processes (say
 *                 --node-flags=--single-threaded: V8 without its background compiler and GC threads)
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const DIST = fileURLToPath(new URL('../dist/node.js', import.meta.url));
const PRESETS = fileURLToPath(new URL('../dist/presets.js', import.meta.url));
const SRC = fileURLToPath(new URL('../src', import.meta.url));

interface Row {
  threads: string;
  /** The threads the run used (the default's choice). */
  used: number;
  draws: number;
  wallMs: number;
  cpuMs: number;
  load: number;
}

/** A scenario of `regions` regions built like bench/pooled.ts sizes (no moves between regions). */
function syntheticScenario(regions: number): Record<string, unknown> {
  const provinces = ['Henan', 'Guangdong', 'Zhejiang', 'Sichuan', 'Shandong', 'Hebei', 'Hunan', 'Anhui', 'Hubei', 'Jiangsu'];
  const ids = Array.from({ length: regions }, (_, r) => `r${r}`);
  const base: Record<string, unknown> = {};
  ids.forEach((id, r) => {
    const resident = 0.45 + 0.4 * ((r * 7919) % 101) / 100;
    base[id] = {
      population: { census2020: provinces[r % provinces.length], scaleToTotal: Math.round(1.41e9 / regions) },
      residentUrbanisationRate: resident,
      hukouUrbanisationRate: resident * 0.7,
    };
  });
  return {
    name: `Synthetic ${regions} regions`,
    baseYear: 2023,
    endYear: 2035,
    regions: ids.map((id) => ({ id, nameEn: id, nameZh: id })),
    base,
    migration: { ruralToUrbanRate: 0.02, returnRate: 0.004 },
    hukou: { conversionRate: 0.03 },
  };
}

/**
 * One simulation in a new `node` process (with `flags`) loading the library from dist/: its
 * wall and CPU time (all threads) from the call to the result, the threads that drew, and its
 * bands as JSON.
 */
function inFreshProcess(preset: string, regions: number | null, options: Record<string, unknown>, threads: string, flags: string[]): { wallMs: number; cpuMs: number; used: number; bands: string } {
  const script = `
    const { simulateParallel } = await import(${JSON.stringify(DIST)});
    const { getPreset } = await import(${JSON.stringify(PRESETS)});
    const scenario = ${regions === null ? `getPreset(${JSON.stringify(preset)}).scenario` : JSON.stringify(syntheticScenario(regions))};
    let used = 0;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await simulateParallel(scenario, { ...${JSON.stringify(options)}, ${threads === 'default' ? '' : `threads: ${Number(threads)},`} onThreads: (n) => { used = n; } });
    const spent = process.cpuUsage(cpu);
    process.stdout.write(JSON.stringify({ wallMs: performance.now() - started, cpuMs: (spent.user + spent.system) / 1000, used, bands: JSON.stringify(result.bands) }));
    process.exit(0);`;
  const file = join(mkdtempSync(join(tmpdir(), 'chengzhen-bench-')), 'run.mjs');
  writeFileSync(file, script);
  const ran = spawnSync(process.execPath, [...flags, file], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NODE_OPTIONS: '' } });
  rmSync(dirname(file), { recursive: true, force: true });
  if (ran.status !== 0) throw new Error(`the simulation in a new process failed: ${ran.stderr}`);
  return JSON.parse(ran.stdout) as { wallMs: number; cpuMs: number; used: number; bands: string };
}

/** The newest modification time of the files under `dir`, ms. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds the library (tsup) when dist/ is missing or older than a source file, so that the bench runs the code in src/. */
function buildIfStale(): void {
  if (existsSync(DIST) && statSync(DIST).mtimeMs >= newest(SRC)) return;
  process.stderr.write('dist/ is missing or older than src/: building (npx tsup)\n');
  const built = spawnSync('npx', ['tsup'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('the build (npx tsup) failed');
}

export async function runSimulateBench(argv: string[]): Promise<Row[]> {
  const { values } = parseArgs({
    args: argv,
    options: { preset: { type: 'string' }, draws: { type: 'string' }, threads: { type: 'string', default: '1,2,default' }, regions: { type: 'string' }, rounds: { type: 'string', default: '3' }, simulate: { type: 'boolean' }, 'new-threads': { type: 'boolean' }, 'fresh-processes': { type: 'boolean' }, 'node-flags': { type: 'string' } },
    allowPositionals: true,
  });
  buildIfStale();
  const { simulateParallel, closeSimulationThreads } = (await import(DIST)) as typeof import('../src/node/index.js');
  // by default the worker threads a run starts are kept for the next, as in a session of several
  // simulations; --new-threads stops them before every run: each run pays for new threads, as
  // the first simulation of a process does
  const newThreads = values['new-threads'] === true;
  const fresh = values['fresh-processes'] === true;
  const nodeFlags = (values['node-flags'] ?? '').split(' ').filter((flag) => flag !== '');
  const { getPreset } = (await import(PRESETS)) as typeof import('../src/presets/index.js');
  const regions = values.regions === undefined ? null : Number(values.regions);
  const draws = Number(values.draws ?? (regions === null ? 10_000 : 20));
  const presetName = values.preset ?? 'national-2024-2028';
  const scenario = regions === null ? getPreset(presetName as never).scenario : syntheticScenario(regions);
  const uncertain = { 'migration.ruralToUrbanRate': { distribution: 'normal', mean: 0.019, sd: 0.002, min: 0 } } as const;
  const options = { draws, seed: 1, uncertain, ...(regions === null ? {} : { regions: ['all'] }) };
  const rows: Row[] = [];
  let reference: string | null = null;
  const list = (values.threads ?? '1,2,default').split(',');
  const rounds = Number(values.rounds ?? 3);
  const loadAtStart = loadavg();
  // the thread counts interleaved, round after round, so that drift of a shared machine spreads over all
  for (let round = 0; round < rounds; round++) for (const threads of round % 2 === 0 ? list : [...list].reverse()) {
    if (newThreads) await closeSimulationThreads();
    const load = loadavg()[0];
    let row: Row;
    let bands: string;
    if (fresh) {
      const ran = inFreshProcess(presetName, regions, options, threads, nodeFlags);
      row = { threads, used: ran.used, draws, wallMs: ran.wallMs, cpuMs: ran.cpuMs, load };
      bands = ran.bands;
    } else {
      let used = threads === 'default' ? 0 : Number(threads);
      const started = performance.now();
      const cpu = process.cpuUsage();
      const result = await simulateParallel(scenario as never, {
        ...options,
        ...(threads === 'default' ? {} : { threads: Number(threads) }),
        onThreads: (n) => {
          used = n;
        },
      });
      const spent = process.cpuUsage(cpu);
      row = { threads, used, draws, wallMs: performance.now() - started, cpuMs: (spent.user + spent.system) / 1000, load };
      bands = JSON.stringify(result.bands);
    }
    rows.push(row);
    if (reference === null) reference = bands;
    else if (bands !== reference) throw new Error(`threads ${threads}: the bands differ from the first run's`);
    process.stderr.write(`threads ${threads} (${row.used} drawing): ${row.wallMs.toFixed(0)} ms wall, ${row.cpuMs.toFixed(0)} ms CPU (load ${load.toFixed(1)})\n`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = list.map((threads) => {
    const mine = rows.filter((r) => r.threads === threads);
    return { threads, used: [...new Set(mine.map((r) => r.used))].join(' or '), wallMs: median(mine.map((r) => r.wallMs)), fastestMs: Math.min(...mine.map((r) => r.wallMs)), cpuMs: median(mine.map((r) => r.cpuMs)), load: median(mine.map((r) => r.load)), runs: mine.length };
  });
  const one = summary.find((r) => r.threads === '1');
  const what = regions !== null ? `synthetic, ${regions} regions, 2023-2035, kept for all regions together` : presetName === 'national-2024-2028' ? 'national-2024-2028 (1 region, 2023-2035)' : presetName;
  const cores = availableParallelism();
  console.log(`### Simulation: ${draws} draws, ${what}, ${cores} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, median of ${rounds} interleaved rounds, ${newThreads ? 'new worker threads for every run (--new-threads)' : fresh ? `every run in a new process (--fresh-processes${nodeFlags.length > 0 ? `, node ${nodeFlags.join(' ')}` : ''})` : 'worker threads kept from run to run'}\n`);
  console.log(`Load average at the start: ${loadAtStart.map((l) => l.toFixed(2)).join(', ')} (1, 5, 15 minutes); at the end: ${loadavg().map((l) => l.toFixed(2)).join(', ')}.\n`);
  console.log('| threads | drawing | wall (ms) | CPU, all threads (ms) | CPU per draw (ms) | 1 thread / this (wall) | fastest wall (ms) | 1 thread / this (fastest) | load average at start |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of summary) {
    const speedup = one ? (one.wallMs / r.wallMs).toFixed(2) : '-';
    console.log(`| ${r.threads} | ${r.used} | ${r.wallMs.toFixed(0)} | ${r.cpuMs.toFixed(0)} | ${(r.cpuMs / draws).toFixed(3)} | ${speedup} | ${r.fastestMs.toFixed(0)} | ${one ? (one.fastestMs / r.fastestMs).toFixed(2) : '-'} | ${r.load.toFixed(1)} |`);
  }
  console.log('\nEvery run gave the same bands.');
  const two = summary.find((r) => r.threads === '2');
  const def = summary.find((r) => r.threads === 'default');
  if (one && regions === null && presetName === 'national-2024-2028') {
    console.log('\nGoals (10,000 national draws; judged only on a quiet machine, load average well under 1 at the start):\n');
    if (two) console.log(`- two threads at least 1.6x one thread: ${(one.wallMs / two.wallMs).toFixed(2)}x (medians), ${(one.fastestMs / two.fastestMs).toFixed(2)}x (fastest runs, the nearest to a quiet machine)`);
    if (def) console.log(`- the default never slower than one thread: ${(one.wallMs / def.wallMs).toFixed(2)}x (medians), ${(one.fastestMs / def.fastestMs).toFixed(2)}x (fastest runs; ${def.used} thread${def.used === '1' ? '' : 's'})`);
    const best = Math.min(...summary.filter((r) => r.threads !== '1').map((r) => r.wallMs), one.wallMs);
    console.log(`- ${draws} draws in under 2 s on ${cores} cores: ${(best / 1000).toFixed(2)} s at best`);
    if (Math.max(...loadAtStart.slice(0, 1)) > 0.5) console.log(`\nThe load average was ${loadAtStart[0].toFixed(2)} at the start: other work shared the cores, so the thread scaling above cannot be judged.`);
  }
  await closeSimulationThreads();
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runSimulateBench(process.argv.slice(2));
}
