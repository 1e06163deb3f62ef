/**
 * Scaling of simulations on a Redis queue from one worker process to two (docs/distributed.md):
 * a national simulation with many draws, a county-size one (2,950 regions, each with a
 * province's 2020 census age structure at county size, rural-to-urban movers going to their
 * own prefecture's hub, their province's hub and three national hubs), and the county preset
 * (china-counties-2024-2028: 2,987 census units, pooled moves). `--only TEXT` keeps the
 * problems whose name contains TEXT (say `--only china-counties`). Each worker process
 * runs one chunk at a time (`chengzhen worker --concurrency 1`); the submitter is this
 * process. Also timed: the same simulation in this process, one thread (`simulate`), and the
 * check that the queue's bands equal the local ones byte for byte.
 *
 * Needs redis-server (started here on a free loopback port and stopped) and the build
 * (npm run build: the workers are dist/cli.js).
 *
 * Usage: npx tsx bench/queue.ts [--national-draws 2000] [--county-draws 16] [--workers 1,2]
 *   [--national-chunk 100] [--county-chunk 2] [--no-local] [--only TEXT]
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { simulateOnQueue } from '../src/node/queue/simulate.js';
import { getPreset } from '../src/presets/index.js';
import type { ScenarioInput } from '../src/schema/scenario.js';
import { simulate, type SimulateOptions } from '../src/solve/simulate.js';
import { CENSUS_2020_PROVINCES } from '../seeds/census2020/provinces.js';
import { startRedis } from '../test/queue/redisServer.js';
import { mulberry32 } from './problems.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/**
 * 2,950 county-size regions: region r takes the age structure of province r mod 31, about
 * 480,000 residents (1.41 billion in all), urbanisation 35-85 %; ten counties to a prefecture
 * whose first county is its hub, the first county of each province its hub, three national hubs.
 */
export function countyScenario(regions = 2950): ScenarioInput {
  const next = mulberry32(2950);
  const provinces = CENSUS_2020_PROVINCES.filter((p) => p.code !== 0).map((p) => p.nameEn);
  const ids = Array.from({ length: regions }, (_, r) => `c${r}`);
  const province = (r: number) => r % provinces.length;
  const provinceHub = (r: number) => province(r);
  const prefectureHub = (r: number) => r - (Math.floor(r / provinces.length) % 10) * provinces.length;
  const nationalHubs = [0, 1, 2];
  const base: Record<string, unknown> = {};
  const destinations: Record<string, Record<string, number>> = {};
  ids.forEach((id, r) => {
    const urban = 0.35 + 0.5 * next();
    base[id] = { population: { census2020: provinces[province(r)], scaleToTotal: Math.round(1.41e9 / regions) }, residentUrbanisationRate: urban, hukouUrbanisationRate: urban * (0.55 + 0.2 * next()) };
    const shares = new Map<number, number>();
    const add = (to: number, share: number) => shares.set(to, (shares.get(to) ?? 0) + share);
    add(r, 0.4);
    add(prefectureHub(r), 0.3);
    add(provinceHub(r), 0.2);
    nationalHubs.forEach((h) => add(h, 0.1 / nationalHubs.length));
    destinations[id] = Object.fromEntries([...shares].map(([to, share]) => [ids[to], share]));
  });
  return {
    name: 'County-size benchmark (synthetic)',
    baseYear: 2020,
    endYear: 2030,
    regions: ids.map((id) => ({ id, nameEn: id, nameZh: id })),
    base,
    migration: { ruralToUrbanRate: 0.018, returnRate: 0.004, destinations },
    hukou: { conversionRate: 0.05 },
  } as ScenarioInput;
}

interface Problem {
  name: string;
  scenario: ScenarioInput;
  options: Omit<SimulateOptions, 'onProgress'>;
  chunkSize: number;
}

function startWorkers(url: string, count: number): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ChildProcess>((resolve, reject) => {
          const child = spawn(process.execPath, [CLI, 'worker', '--queue', url, '--concurrency', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
          let log = '';
          child.stderr?.on('data', (d: Buffer) => {
            log += d.toString();
            if (log.includes('waiting for chunks')) resolve(child);
          });
          child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${log}`)));
        }),
    ),
  );
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve) => {
          if (w.exitCode !== null) return resolve(null);
          w.once('exit', resolve);
          w.kill('SIGTERM');
        }),
    ),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'national-draws': { type: 'string', default: '2000' },
      'county-draws': { type: 'string', default: '16' },
      'national-chunk': { type: 'string', default: '100' },
      'county-chunk': { type: 'string', default: '2' },
      workers: { type: 'string', default: '1,2' },
      'no-local': { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const redis = await startRedis();
  if (redis === null) throw new Error('redis-server is not installed (apt-get install redis-server)');
  const uncertain = {
    'migration.ruralToUrbanRate': { distribution: 'normal', mean: 0.0194, sd: 0.003, min: 0, max: 0.2 },
    'hukou.conversionRate': { distribution: 'uniform', min: 0.03, max: 0.08 },
  } as const;
  const problems: Problem[] = [
    {
      name: `national-2024-2028-trend, ${values['national-draws']} draws`,
      scenario: getPreset('national-2024-2028-trend').scenario as ScenarioInput,
      options: { draws: Number(values['national-draws']), seed: 1, uncertain },
      chunkSize: Number(values['national-chunk']),
    },
    {
      name: `2,950 county-size regions, ${values['county-draws']} draws (bands for the nation)`,
      scenario: countyScenario(),
      options: { draws: Number(values['county-draws']), seed: 1, uncertain, regions: ['all'] },
      chunkSize: Number(values['county-chunk']),
    },
    {
      name: `china-counties-2024-2028, ${values['county-draws']} draws (bands for the nation)`,
      scenario: getPreset('china-counties-2024-2028').scenario as ScenarioInput,
      options: { draws: Number(values['county-draws']), seed: 1, uncertain, regions: ['all'] },
      chunkSize: Number(values['county-chunk']),
    },
  ].filter((p) => !values.only || p.name.includes(values.only));
  const counts = values.workers.split(',').map(Number);
  const rows: string[] = [];
  console.error(`machine: ${cpus().length} x ${cpus()[0]?.model}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  try {
    for (const problem of problems) {
      let local: string | null = null;
      if (!values['no-local']) {
        const t = performance.now();
        local = JSON.stringify(simulate(problem.scenario, problem.options).bands);
        const s = (performance.now() - t) / 1000;
        rows.push(`| ${problem.name} | local, one thread | - | ${s.toFixed(1)} | - |`);
        console.error(`${problem.name}: local ${s.toFixed(1)} s`);
      }
      let one = 0;
      for (const count of counts) {
        const workers = await startWorkers(redis.url, count);
        try {
          const t = performance.now();
          const result = await simulateOnQueue(problem.scenario, problem.options, { url: redis.url, chunkSize: problem.chunkSize });
          const s = (performance.now() - t) / 1000;
          if (count === counts[0]) one = s;
          const same = local === null ? 'not checked' : JSON.stringify(result.bands) === local ? 'identical' : 'DIFFERENT';
          rows.push(`| ${problem.name} | ${count} worker ${count === 1 ? 'process' : 'processes'} | ${problem.chunkSize} | ${s.toFixed(1)} | ${(one / s).toFixed(2)}x, ${same} |`);
          console.error(`${problem.name}: ${count} workers ${s.toFixed(1)} s (${same})`);
        } finally {
          await stopWorkers(workers);
        }
      }
    }
  } finally {
    await redis.stop();
  }
  console.log('| problem | run | chunk | seconds | speed-up over 1 worker, bands vs local |');
  console.log('|---|---|---:|---:|---|');
  for (const row of rows) console.log(row);
  console.log(`\nmachine: ${cpus().length} x ${cpus()[0]?.model}; load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
