import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitDestinationWeights } from '../../../src/model/counties/destinationWeights.js';

describe('fitDestinationWeights', () => {
  it('one pool: the weights are the wanted arrivals over the pool (hand-computed)', () => {
    // 3 regions send 100, 50, 50 movers to one pool of 200; targets +50, -25, -25: arrivals 150, 25, 25
    const fit = fitDestinationWeights([{ group: Int32Array.from([0, 0, 0]), share: [1, 1, 1], prior: [1, 1, 1] }], [100, 50, 50], [50, -25, -25]);
    expect(Array.from(fit.weight[0], (w) => Number(w.toFixed(12)))).toEqual([0.75, 0.125, 0.125]);
    expect(fit.relativeError).toBeLessThan(1e-12);
    expect(fit.priorRelativeError).toBeCloseTo((Math.abs(66.667 - 100 - 50) + 2 * Math.abs(66.667 - 50 + 25)) / 100, 3);
  });

  it('a group whose prior is all 0 starts from equal weights', () => {
    const fit = fitDestinationWeights([{ group: Int32Array.from([0, 0, 1]), share: [1, 1, 1], prior: [0, 0, 5] }], [10, 10, 10], [0, 0, 0], { iterations: 0 });
    expect(Array.from(fit.weight[0])).toEqual([0.5, 0.5, 1]);
  });

  it('keeps every group\'s weights summing to 1, conserves movers (net sums to 0), and never fits worse than the prior', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true })), { minLength: 3, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (regions, local) => {
          const group = Int32Array.from(regions, (r) => r[0]);
          const movers = regions.map((r) => r[1]);
          const prior = regions.map((r) => r[2]);
          const raw = regions.map((r) => r[3] * r[1]);
          const mean = raw.reduce((s, v) => s + v, 0) / raw.length;
          const target = raw.map((v) => v - mean);
          const fit = fitDestinationWeights(
            [
              { group, share: new Array(regions.length).fill(local), prior },
              { group: new Int32Array(regions.length), share: new Array(regions.length).fill(1 - local), prior },
            ],
            movers,
            target,
          );
          for (const [l, g] of [[0, group], [1, new Int32Array(regions.length)]] as const) {
            const sums = new Map<number, number>();
            g.forEach((k, r) => sums.set(k, (sums.get(k) ?? 0) + fit.weight[l][r]));
            for (const s of sums.values()) expect(s).toBeCloseTo(1, 12);
          }
          const net = Array.from(fit.net).reduce((s, v) => s + v, 0);
          expect(Math.abs(net)).toBeLessThan(1e-9 * movers.reduce((s, v) => s + v, 0));
          expect(fit.relativeError).toBeLessThanOrEqual(fit.priorRelativeError + 1e-9);
        },
      ),
      { numRuns: 100, seed: 15 },
    );
  });

  it('refuses arrays of the wrong length and negative priors', () => {
    expect(() => fitDestinationWeights([{ group: Int32Array.from([0]), share: [1, 1], prior: [1, 1] }], [1, 1], [0, 0])).toThrow('levels[0] must have one group, share and prior per region (2)');
    expect(() => fitDestinationWeights([{ group: Int32Array.from([0, 0]), share: [1, 1], prior: [1, -1] }], [1, 1], [0, 0])).toThrow('levels[0].prior[1] must be finite and >= 0, received -1');
  });
});
