/**
 * Dense moves (model.md section 3 step 4) in WebAssembly SIMD: the same sums as the
 * JavaScript path of {@link addMovesInto}, in the same order and without fused multiply-adds,
 * so the two give identical bits; two ages per instruction make it about three times faster
 * for a few dozen regions. Where WebAssembly or its SIMD is missing, {@link addDenseMovesWasm}
 * returns `false` and the caller takes the JavaScript path.
 *
 * The function is `dense` of the kernel's module ({@link KERNEL_WASM}, assembled from
 * bench/wasm/kernel.wat), which src/kernel/stepWasm.ts shares: one module, compiled once.
 */

import { KERNEL_WASM } from './kernelWasm.js';

/** Largest linear memory the module may grow to, in bytes (beyond it, JavaScript does the work). */
const MAX_BYTES = 512 * 2 ** 20;
const PAGE_BYTES = 65536;

type DenseFunction = (values: number, movers: number, target: number, regions: number, block: number, stride: number, buffer: number) => void;

/** Numbers of room the module's `dense` needs for `regions` regions (its list of origins: 68 bytes a region). */
function listRoom(regions: number): number {
  return regions * 9;
}

interface DenseMovesModule {
  memory: WebAssembly.Memory;
  dense: DenseFunction;
  /** A view of the whole memory, renewed when the memory grows. */
  view: Float64Array;
  /** A view of the population's copy, kept while its size and the memory stay the same. */
  population: Float64Array;
}

/** The compiled module (its memory is imported: each instance has its own), or null where it cannot run. */
let compiled: WebAssembly.Module | null | undefined;
let loaded: DenseMovesModule | null | undefined;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The kernel's WebAssembly module ({@link KERNEL_WASM}), compiled once; null where WebAssembly
 * or its SIMD is missing, or the host forbids compiling it.
 */
export function compileKernelWasm(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  try {
    if (typeof WebAssembly !== 'object' || WebAssembly === null) return null;
    const bytes = decodeBase64(KERNEL_WASM);
    if (!WebAssembly.validate(bytes)) return null; // no SIMD here
    compiled = new WebAssembly.Module(bytes);
  } catch {
    compiled = null; // a host that forbids compiling WebAssembly
  }
  return compiled;
}

/**
 * Takes `module` (the kernel module another thread compiled, posted to this one) as this
 * thread's compiled module, unless one is compiled here already: a worker thread then runs
 * the code the calling thread's engine has already compiled and optimised rather than
 * compiling it again.
 */
export function useKernelWasm(module: WebAssembly.Module): void {
  if (compiled === undefined) compiled = module;
}

/** An instance of the module on `memory`, or null where WebAssembly cannot run. */
function instantiate(memory: WebAssembly.Memory): DenseFunction | null {
  const module = compileKernelWasm();
  if (module === null) return null;
  try {
    return new WebAssembly.Instance(module, { env: { memory } }).exports.dense as DenseFunction;
  } catch {
    return null;
  }
}

function load(): DenseMovesModule | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  // the memory only once the module is known to run here (WebAssembly may be missing)
  if (compileKernelWasm() === null) return null;
  try {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const dense = instantiate(memory);
    if (dense !== null) loaded = { memory, dense, view: new Float64Array(memory.buffer), population: new Float64Array(0) };
  } catch {
    loaded = null;
  }
  return loaded;
}

/**
 * Makes room in linear memory for `T` numbers (shares and movers) followed by the population
 * (`cells` numbers) and the room `dense` needs for `regions` regions, growing it when needed
 * and keeping `mod.population` a view of its place. `false` when that needs more than
 * {@link MAX_BYTES}.
 */
function reserve(mod: DenseMovesModule, T: number, cells: number, regions: number): boolean {
  const bytes = (T + cells + listRoom(regions)) * 8;
  if (bytes > MAX_BYTES) return false;
  if (bytes > mod.memory.buffer.byteLength) {
    mod.memory.grow(Math.ceil((bytes - mod.memory.buffer.byteLength) / PAGE_BYTES));
    mod.view = new Float64Array(mod.memory.buffer);
  }
  if (mod.population.buffer !== mod.memory.buffer || mod.population.byteOffset !== T * 8 || mod.population.length !== cells) {
    mod.population = new Float64Array(mod.memory.buffer, T * 8, cells);
  }
  return true;
}

/**
 * Whether the WebAssembly SIMD path can run here.
 *
 * @example
 * denseMovesWasmAvailable()
 * // => true (on Node 20 and current browsers)
 */
export function denseMovesWasmAvailable(): boolean {
  return compileKernelWasm() !== null && load() !== null;
}

/**
 * Adds dense moves `population[j][status] += sum_i values[i][j] * movers[i]`, origins in
 * ascending order for every destination; four destinations skip an origin whose four shares
 * are all zero, a destination of the last (fewer than four) skips an origin whose share is
 * zero, exactly as the JavaScript path does.
 *
 * @returns `false`, having done nothing, when WebAssembly SIMD is not available or the
 *   problem needs more than 512 MiB of linear memory.
 */
export function addDenseMovesWasm(
  values: Float64Array,
  movers: Float64Array,
  population: Float64Array,
  statusOffset: number,
  regions: number,
  block: number,
  regionStride: number,
): boolean {
  const mod = load();
  if (mod === null) return false;
  // linear memory: the shares, the movers, then the whole population (copied with memcpy,
  // both ways, which is faster than gathering one status of every region)
  const W = 0;
  const M = regions * regions;
  const T = M + regions * block;
  const cells = population.length;
  if (!reserve(mod, T, cells, regions)) return false;
  mod.view.set(values, W);
  mod.view.set(movers, M);
  mod.population.set(population);
  mod.dense(W * 8, M * 8, (T + statusOffset) * 8, regions, block, regionStride * 8, (T + cells) * 8);
  population.set(mod.population);
  return true;
}

/**
 * Both dense products of a step in one pass through linear memory: rural-to-urban movers
 * through `D` into the migrants (status 1) and returners through `E` into the rural (status 0).
 * The population is copied in and out once rather than once per matrix; the sums are those of
 * two calls of {@link addDenseMovesWasm} (the two products write different statuses), so the
 * bits are the same.
 *
 * @returns `false`, having done nothing, when WebAssembly SIMD is not available or the
 *   problem needs more than 512 MiB of linear memory.
 */
export function addDenseMovesPairWasm(
  valuesD: Float64Array,
  movers: Float64Array,
  valuesE: Float64Array,
  returners: Float64Array,
  population: Float64Array,
  regions: number,
  block: number,
  regionStride: number,
): boolean {
  const mod = load();
  if (mod === null) return false;
  const WD = 0;
  const WE = regions * regions;
  const MD = 2 * regions * regions;
  const ME = MD + regions * block;
  const T = ME + regions * block;
  const cells = population.length;
  if (!reserve(mod, T, cells, regions)) return false;
  const view = mod.view;
  view.set(valuesD, WD);
  view.set(valuesE, WE);
  view.set(movers, MD);
  view.set(returners, ME);
  mod.population.set(population);
  mod.dense(WD * 8, MD * 8, (T + block) * 8, regions, block, regionStride * 8, (T + cells) * 8);
  mod.dense(WE * 8, ME * 8, T * 8, regions, block, regionStride * 8, (T + cells) * 8);
  population.set(mod.population);
  return true;
}

/**
 * A run's populations, movers and matrices held in WebAssembly memory of their own, so that
 * the dense products of a step read and write them in place: no copy of the population in and
 * out, nor of the movers ({@link addDenseMovesPairWasm} copies them every step). The memory
 * is sized once and never grows, so the views stay valid.
 */
export interface DenseMovesArena {
  regions: number;
  block: number;
  /** Two populations of `cells` numbers, the run's current and next. */
  populations: [Float64Array, Float64Array];
  /** Rural-to-urban movers and returners by origin, layout r,s,a: the step's scratch. */
  movers: Float64Array;
  returners: Float64Array;
  /** Room for `D` and `E`, copied in each step (they may change from step to step). */
  valuesD: Float64Array;
  valuesE: Float64Array;
  /** Room for the list of origins `dense` makes. */
  list: Float64Array;
  dense: DenseFunction;
}

/**
 * Allocates an arena for `regions` regions, `block = 2*(A+1)` ages by sex and populations of
 * `cells` numbers; null where WebAssembly SIMD is missing or it would need more than 512 MiB.
 *
 * @example
 * createDenseMovesArena(4, 202, 4 * 606)?.populations[0].length
 * // => 2424
 */
export function createDenseMovesArena(regions: number, block: number, cells: number): DenseMovesArena | null {
  if (compileKernelWasm() === null) return null;
  const numbers = 2 * regions * regions + 2 * regions * block + 2 * cells + listRoom(regions);
  const bytes = numbers * 8;
  if (bytes > MAX_BYTES) return null;
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE_BYTES)) });
  const dense = instantiate(memory);
  if (dense === null) return null;
  let at = 0;
  const take = (count: number) => {
    const view = new Float64Array(memory.buffer, at * 8, count);
    at += count;
    return view;
  };
  const valuesD = take(regions * regions);
  const valuesE = take(regions * regions);
  const movers = take(regions * block);
  const returners = take(regions * block);
  const populations: [Float64Array, Float64Array] = [take(cells), take(cells)];
  const list = take(listRoom(regions));
  return { regions, block, populations, movers, returners, valuesD, valuesE, list, dense };
}

/**
 * Both dense products of a step on an arena, in place: `movers` through `D` into the
 * migrants and `returners` through `E` into the rural of `population`, which must be one of
 * the arena's populations (and the movers its own). The same calls of the same module as
 * {@link addDenseMovesPairWasm}, so the same bits.
 *
 * @returns `false`, having done nothing, when `population` is not one of the arena's.
 */
export function addDenseMovesPairInArena(arena: DenseMovesArena, valuesD: Float64Array, valuesE: Float64Array, population: Float64Array, regionStride: number): boolean {
  if (population !== arena.populations[0] && population !== arena.populations[1]) return false;
  const { regions, block } = arena;
  arena.valuesD.set(valuesD);
  arena.valuesE.set(valuesE);
  const target = population.byteOffset;
  const list = arena.list.byteOffset;
  arena.dense(arena.valuesD.byteOffset, arena.movers.byteOffset, target + block * 8, regions, block, regionStride * 8, list);
  arena.dense(arena.valuesE.byteOffset, arena.returners.byteOffset, target, regions, block, regionStride * 8, list);
  return true;
}
