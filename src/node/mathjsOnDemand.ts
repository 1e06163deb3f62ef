/**
 * `mathjs/number` as the simulation worker's bundle sees it: loaded the first time a formula is
 * parsed or a value described, not when the worker starts. The worker's draws rarely parse a
 * formula (the calling thread parsed the scenario), and loading mathjs is most of the time a
 * new worker thread spends before its first draw. The build points the worker's imports of
 * `mathjs/number` here (tsup.config.ts) and bundles mathjs on its own (dist/mathjsNumber.cjs).
 */

import { createRequire } from 'node:module';

type MathJs = typeof import('mathjs/number');
type Instance = ReturnType<MathJs['create']>;

let loaded: MathJs | null = null;

/** mathjs's number-only build, loaded once. */
function mathjs(): MathJs {
  loaded ??= createRequire(import.meta.url)('./mathjsNumber.cjs') as MathJs;
  return loaded;
}

/** Stands for mathjs's `all` factories: {@link create} takes them from mathjs when it loads. */
export const all = {} as MathJs['all'];

/** An instance of mathjs (`create(all)`) made on first use: each property is read from it then. */
export function create(_factories: MathJs['all']): Instance {
  let instance: Instance | null = null;
  const real = (): Instance => {
    instance ??= mathjs().create(mathjs().all);
    return instance;
  };
  return new Proxy({} as Instance, {
    get(_target, key) {
      const value = Reflect.get(real(), key) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real()) : value;
    },
  });
}
