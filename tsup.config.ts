import { defineConfig } from 'tsup';

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
    // the simulation worker and the queue worker's chunk thread, each in one file with its
    // dependencies: a worker thread starts in about 0.3 s rather than 1.5 s (mathjs loaded as
    // one file, not as a thousand modules)
    entry: { simulateWorker: 'src/node/simulateWorker.ts', queueThread: 'src/node/queue/chunkThread.ts' },
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
