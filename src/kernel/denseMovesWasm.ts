/**
 * Dense moves (model.md section 3 step 4) in WebAssembly SIMD: the same sums as the
 * JavaScript path of {@link addMovesInto}, in the same order and without fused multiply-adds,
 * so the two give identical bits; two ages per instruction make it about three times faster
 * for a few dozen regions. Where WebAssembly or its SIMD is missing, {@link addDenseMovesWasm}
 * returns `false` and the caller takes the JavaScript path.
 *
 * The module is assembled from bench/wasm/denseMoves.wat (`wat2wasm` of the WebAssembly
 * Binary Toolkit); {@link DENSE_MOVES_WASM} holds its bytes in base64.
 */

/** The assembled module bench/wasm/denseMoves.wat, base64. */
export const DENSE_MOVES_WASM =
  'AGFzbQEAAAABCgFgBn9/f39/fwADAgEABQMBAAEHEgIGbWVtb3J5AgAFZGVuc2UAAAqQCQGNCQMLfwR8DnsgA0EDdCEPIARBA3QhEEEAIQYCQANAIAZBBGogA0oNAUEAIQcCQANAIAdBBGogBEoNASACIAYgBWxqIAdBA3RqIQsgCyAFaiEMIAwgBWohDSANIAVqIQ4gC/0AAwAhGyAL/QADECEcIAz9AAMAIR0gDP0AAxAhHiAN/QADACEfIA39AAMQISAgDv0AAwAhISAO/QADECEiIAAgBkEDdGohCSABIAdBA3RqIQogAyEIA0AgCSsDACERIAkrAwghEiAJKwMQIRMgCSsDGCEUIBFEAAAAAAAAAABhIBJEAAAAAAAAAABhcSATRAAAAAAAAAAAYSAURAAAAAAAAAAAYXFxRQRAIAr9AAMAIRkgCv0AAxAhGiAR/RQhFSAS/RQhFiAT/RQhFyAU/RQhGCAbIBUgGf3yAf3wASEbIBwgFSAa/fIB/fABIRwgHSAWIBn98gH98AEhHSAeIBYgGv3yAf3wASEeIB8gFyAZ/fIB/fABIR8gICAXIBr98gH98AEhICAhIBggGf3yAf3wASEhICIgGCAa/fIB/fABISILIAkgD2ohCSAKIBBqIQogCEEBayEIIAgNAAsgCyAb/QsDACALIBz9CwMQIAwgHf0LAwAgDCAe/QsDECANIB/9CwMAIA0gIP0LAxAgDiAh/QsDACAOICL9CwMQIAdBBGohBwwACwsgByAESARAIAIgBiAFbGogB0EDdGohCyALIAVqIQwgDCAFaiENIA0gBWohDiAL/QADACEbIAz9AAMAIR0gDf0AAwAhHyAO/QADACEhIAAgBkEDdGohCSABIAdBA3RqIQogAyEIA0AgCSsDACERIAkrAwghEiAJKwMQIRMgCSsDGCEUIBFEAAAAAAAAAABhIBJEAAAAAAAAAABhcSATRAAAAAAAAAAAYSAURAAAAAAAAAAAYXFxRQRAIAr9AAMAIRkgGyAR/RQgGf3yAf3wASEbIB0gEv0UIBn98gH98AEhHSAfIBP9FCAZ/fIB/fABIR8gISAU/RQgGf3yAf3wASEhCyAJIA9qIQkgCiAQaiEKIAhBAWshCCAIDQALIAsgG/0LAwAgDCAd/QsDACANIB/9CwMAIA4gIf0LAwALIAZBBGohBgwACwsCQANAIAYgA04NAUEAIQcCQANAIAcgBE4NASACIAYgBWxqIAdBA3RqIQsgACAGQQN0aiEJIAEgB0EDdGohCiADIQggB0EEaiAETARAIAv9AAMAIRsgC/0AAxAhHANAIAkrAwAhESARRAAAAAAAAAAAYgRAIBH9FCEVIBsgFSAK/QADAP3yAf3wASEbIBwgFSAK/QADEP3yAf3wASEcCyAJIA9qIQkgCiAQaiEKIAhBAWshCCAIDQALIAsgG/0LAwAgCyAc/QsDECAHQQRqIQcFIAv9AAMAIRsDQCAJKwMAIREgEUQAAAAAAAAAAGIEQCAbIBH9FCAK/QADAP3yAf3wASEbCyAJIA9qIQkgCiAQaiEKIAhBAWshCCAIDQALIAsgG/0LAwAgB0ECaiEHCwwACwsgBkEBaiEGDAALCws=';

/** Largest linear memory the module may grow to, in bytes (beyond it, JavaScript does the work). */
const MAX_BYTES = 512 * 2 ** 20;
const PAGE_BYTES = 65536;

interface DenseMovesModule {
  memory: WebAssembly.Memory;
  dense: (values: number, movers: number, target: number, regions: number, block: number, stride: number) => void;
  /** A view of the whole memory, renewed when the memory grows. */
  view: Float64Array;
  /** A view of the population's copy, kept while its size and the memory stay the same. */
  population: Float64Array;
}

let loaded: DenseMovesModule | null | undefined;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function load(): DenseMovesModule | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  try {
    if (typeof WebAssembly !== 'object') return null;
    const bytes = decodeBase64(DENSE_MOVES_WASM);
    if (!WebAssembly.validate(bytes)) return null; // no SIMD here
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    const memory = instance.exports.memory as WebAssembly.Memory;
    const dense = instance.exports.dense as DenseMovesModule['dense'];
    loaded = { memory, dense, view: new Float64Array(memory.buffer), population: new Float64Array(0) };
  } catch {
    loaded = null; // a host that forbids compiling WebAssembly
  }
  return loaded;
}

/**
 * Makes room in linear memory for `T` numbers (shares and movers) followed by the population
 * (`cells` numbers), growing it when needed and keeping `mod.population` a view of its place.
 * `false` when that needs more than {@link MAX_BYTES}.
 */
function reserve(mod: DenseMovesModule, T: number, cells: number): boolean {
  const bytes = (T + cells) * 8;
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
  return load() !== null;
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
  if (!reserve(mod, T, cells)) return false;
  mod.view.set(values, W);
  mod.view.set(movers, M);
  mod.population.set(population);
  mod.dense(W * 8, M * 8, (T + statusOffset) * 8, regions, block, regionStride * 8);
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
  if (!reserve(mod, T, cells)) return false;
  const view = mod.view;
  view.set(valuesD, WD);
  view.set(valuesE, WE);
  view.set(movers, MD);
  view.set(returners, ME);
  mod.population.set(population);
  mod.dense(WD * 8, MD * 8, (T + block) * 8, regions, block, regionStride * 8);
  mod.dense(WE * 8, ME * 8, T * 8, regions, block, regionStride * 8);
  population.set(mod.population);
  return true;
}
