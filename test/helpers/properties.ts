/**
 * How many runs a property test makes: all of them in `npm test`, a tenth (at least 10) in the
 * fast loop (`npm run test:fast` sets CHENGZHEN_FAST_PROPERTIES=1), so that the loop stays quick
 * and every property still runs in full before a change lands.
 */
export function propertyRuns(full: number): number {
  return process.env.CHENGZHEN_FAST_PROPERTIES === '1' ? Math.max(10, Math.ceil(full / 10)) : full;
}
