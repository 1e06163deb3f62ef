/** What crosses Redis comes back bit for bit; Redis URLs are read strictly; chunks tile the items. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { decode, encode } from '../../src/node/queue/codec.js';
import { parseRedisUrl } from '../../src/node/queue/connection.js';
import { JOB_KINDS } from '../../src/node/queue/kinds.js';
import { chunkRanges } from '../../src/node/queue/submit.js';

const bits = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

describe('encode(value) and decode(text)', () => {
  it('return every double bit for bit, -0, infinities and NaN included', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (values) => {
        const a = Float64Array.from(values);
        const back = decode(encode({ a, n: values })) as { a: Float64Array; n: number[] };
        expect(back.a).toBeInstanceOf(Float64Array);
        expect(bits(back.a)).toEqual(bits(a));
        expect(back.n.map((x) => Object.is(x, -0) ? '-0' : String(x))).toEqual(values.map((x) => (Object.is(x, -0) ? '-0' : String(x))));
      }),
    );
  });

  it('keeps the types of typed arrays and nested plain data', () => {
    const value = { chunk: { from: 3, to: 5, leverValues: [new Float64Array([0.1, 0.2])], counts: new Int32Array([-1, 7]) }, name: 'x', list: [null, true, 'y'] };
    const back = decode(encode(value)) as typeof value;
    expect(back.chunk.counts).toBeInstanceOf(Int32Array);
    expect(Array.from(back.chunk.counts)).toEqual([-1, 7]);
    expect(Array.from(back.chunk.leverValues[0])).toEqual([0.1, 0.2]);
    expect(back.name).toBe('x');
    expect(back.list).toEqual([null, true, 'y']);
  });

  it('reads a view of part of a buffer, not the whole buffer', () => {
    const whole = new Float64Array([1, 2, 3, 4]);
    const back = decode(encode(whole.subarray(1, 3))) as Float64Array;
    expect(Array.from(back)).toEqual([2, 3]);
  });
});

describe('parseRedisUrl(text)', () => {
  it('reads host, port, database and credentials (port 6379 and database 0 by default)', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6380')).toEqual({ host: '127.0.0.1', port: 6380, db: 0 });
    expect(parseRedisUrl('redis://queue.example.org')).toEqual({ host: 'queue.example.org', port: 6379, db: 0 });
    expect(parseRedisUrl('redis://:s%40cret@10.0.0.5:7000/3')).toEqual({ host: '10.0.0.5', port: 7000, db: 3, password: 's@cret' });
    expect(parseRedisUrl('redis://[::1]:6379')).toEqual({ host: '::1', port: 6379, db: 0 });
  });

  it.each([
    ['http://127.0.0.1:6379', 'the scheme must be redis:, not http:'],
    ['127.0.0.1:6379', 'not a URL'],
    ['redis://127.0.0.1:6379/x', 'the database must be a whole number'],
    ['not a url', 'not a URL'],
  ])('rejects %s, saying why', (text, why) => {
    expect(() => parseRedisUrl(text)).toThrow(ChengzhenError);
    expect(() => parseRedisUrl(text)).toThrow(why);
  });
});

describe('chunkRanges(total, size)', () => {
  it('tiles [0, total) in order, every chunk of the size but the last', () => {
    expect(chunkRanges(10, 4)).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(chunkRanges(3, 100)).toEqual([[0, 3]]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 700 }), (total, size) => {
        const ranges = chunkRanges(total, size);
        expect(ranges.length).toBe(Math.ceil(total / size));
        ranges.forEach(([from, to], i) => {
          expect(from).toBe(i * size);
          expect(to - from).toBe(i === ranges.length - 1 ? total - from : size);
        });
      }),
    );
  });
});

describe('JOB_KINDS', () => {
  it('runs simulations', () => {
    expect(Object.keys(JOB_KINDS)).toContain('simulate');
  });
});
