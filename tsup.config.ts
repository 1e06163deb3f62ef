import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

/** Points `mathjs/number` at src/node/mathjsOnDemand.ts (the simulation worker's bundle). */
const mathjsOnDemand = {
  name: 'mathjs-on-demand',
  setup(build: { onResolve: (options: { filter: RegExp }, callback: () => { path: string }) => void }) {
    build.onResolve({ filter: /^mathjs\/number$/ }, () => ({ path: fileURLToPath(new URL('./src/node/mathjsOnDemand.ts', import.meta.url)) }));
  },
};

export default defineConfig([
  {
    // the core: no Node built-ins, runs in browsers, Deno notebooks and Observable
    entry: { index: 'src/index.ts', kernel: 'src/kernel/index.ts', presets: 'src/presets/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
  },
  {
    // reports load Vega, which is ESM only (top-level await): an ESM-only subpath
    entry: { report: 'src/report/index.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    entry: { node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { node: 'src/node/index.ts' } },
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    shims: true,
  },
  {
    // the simulation worker in one file with its dependencies, minified, with mathjs loaded
    // only when a formula is parsed (mathjsOnDemand.ts): what a new worker thread loads before
    // its first draw is about a third of the library's size
    entry: { simulateWorker: 'src/node/simulateWorker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    minify: true,
    noExternal: [/.*/],
    esbuildPlugins: [mathjsOnDemand],
  },
  {
    // mathjs's number-only build in one file, for the simulation worker to load on demand
    entry: { mathjsNumber: 'src/node/mathjsNumber.ts' },
    format: ['cjs'],
    target: 'node20',
    platform: 'node',
    minify: true,
    noExternal: [/.*/],
  },
  {
    // the queue worker's chunk thread in one file with its dependencies: a worker thread
    // starts in about 0.3 s rather than 1.5 s (mathjs loaded as one file, not as a thousand
    // modules)
    entry: { queueThread: 'src/node/queue/chunkThread.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    noExternal: [/.*/],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    // optional: loaded only by runs on a queue (simulate --queue, worker)
    external: ['bullmq', 'ioredis'],
  },
]);
