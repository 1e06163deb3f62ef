/**
 * parseKernelProblem: valid documents come back as typed arrays; each rule of model.md
 * section 2 and each structural rule of section 6 is rejected with a ChengzhenError whose
 * issues name the field, the decoded cell, the allowed range and the value received.
 *
 * The base document has regions north and south and maxAge 2, so shapes have these lengths:
 * r,h,s,a 36; r,h,s 12; r,h,a 18; r,s,a 12; r 2; D and E 4. Indices below are
 * `((r*3 + h)*2 + s)*3 + a` and the like.
 */

import { describe, expect, it } from 'vitest';
import { ChengzhenError } from '../../src/errors.js';
import { parseKernelProblem, safeParseKernelProblem } from '../../src/schema/kernelProblem.js';
import type { KernelProblemJSON } from '../../src/io/kernelJson.js';
import { cloneDoc, filled, uniformKernelDoc } from '../helpers/kernelDocs.js';

const base = uniformKernelDoc({ regions: ['north', 'south'], maxAge: 2, years: 2, startYear: 2020 });

/** A copy of the base document changed by `edit`, as a loosely typed value. */
function variant(edit: (doc: Record<string, any>) => void): unknown {
  const doc = cloneDoc(base) as unknown as Record<string, any>;
  edit(doc);
  return doc;
}

/** The error `parseKernelProblem` throws for `doc`, checked against `safeParseKernelProblem`. */
function rejection(doc: unknown): ChengzhenError {
  const safe = safeParseKernelProblem(doc);
  expect(safe.success).toBe(false);
  let thrown: unknown;
  try {
    parseKernelProblem(doc);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(ChengzhenError);
  const error = thrown as ChengzhenError;
  if (!safe.success) expect(error.issues).toEqual(safe.error.issues);
  return error;
}

describe('parseKernelProblem(json): valid documents', () => {
  it('returns typed arrays, identity D and E when left out, and no n', () => {
    const problem = parseKernelProblem(base);
    expect(problem.regions).toEqual(['north', 'south']);
    expect([problem.maxAge, problem.startYear, problem.years]).toEqual([2, 2020, 2]);
    expect(problem.population).toBeInstanceOf(Float64Array);
    expect(problem.population.length).toBe(36);
    expect(problem.inputs.sx.map((a) => a.length)).toEqual([36]);
    expect(problem.inputs.sb[0].length).toBe(12);
    expect(problem.inputs.fx[0].length).toBe(18);
    expect(problem.inputs.m[0].length).toBe(12);
    expect(problem.inputs.D).toEqual([{ kind: 'identity' }]);
    expect(problem.inputs.E).toEqual([{ kind: 'identity' }]);
    expect(problem.inputs.n).toEqual([]);
  });

  it('keeps a per-year input as one array per step and a constant one as a single array', () => {
    const doc = variant((d) => {
      d.inputs.sx = [filled(36, 0.9), filled(36, 0.8)];
      d.inputs.D = [
        [0.5, 0.5, 0, 1],
        { sparse: { from: [0, 1], to: [0, 1], share: [1, 1] } },
      ];
      d.inputs.n = filled(36, 1);
    });
    const problem = parseKernelProblem(doc);
    expect(problem.inputs.sx.map((a) => a[0])).toEqual([0.9, 0.8]);
    expect(problem.inputs.srb.length).toBe(1);
    expect(problem.inputs.D.map((m) => m.kind)).toEqual(['dense', 'sparse']);
    expect(problem.inputs.n.length).toBe(1);
  });

  it('accepts the edges of every range: sx, sb, m+c, k+q equal to 1, fx and population 0', () => {
    const doc = variant((d) => {
      d.inputs.sx = filled(36, 1);
      d.inputs.sb = filled(12, 0);
      d.inputs.fx = filled(18, 0);
      d.population = filled(36, 0);
      d.inputs.c = [0.25, 1];
      d.inputs.m = [...filled(6, 0.75), ...filled(6, 0)];
      d.inputs.k = filled(12, 0.5);
      d.inputs.q = filled(12, 0.5);
      // rows summing to 1 within 1e-9
      d.inputs.D = [0.5, 0.5 + 5e-10, 0, 1];
    });
    expect(safeParseKernelProblem(doc).success).toBe(true);
  });

  it('accepts numeric arrays given as Float64Array', () => {
    const doc = variant((d) => {
      d.population = new Float64Array(36).fill(3);
      d.inputs.sx = new Float64Array(36).fill(0.5);
      d.inputs.D = new Float64Array([1, 0, 0, 1]);
    });
    const problem = parseKernelProblem(doc);
    expect(problem.population[35]).toBe(3);
    expect(problem.inputs.sx[0][0]).toBe(0.5);
  });

  it('accepts a sparse matrix whose link lists are Float64Arrays', () => {
    // numeric arrays "may be plain arrays or Float64Arrays"; from/to/share of a sparse matrix too
    const doc = variant((d) => {
      d.inputs.D = { sparse: { from: new Float64Array([0, 1]), to: new Float64Array([1, 0]), share: new Float64Array([1, 1]) } };
    });
    const parsed = safeParseKernelProblem(doc);
    expect(parsed.success ? 'parsed' : parsed.error.message).toBe('parsed');
  });
});

describe('parseKernelProblem(json): the ranges of model.md section 2', () => {
  it('rejects sx > 1 at north, migrant, male, age 1 (index 10)', () => {
    const error = rejection(variant((d) => (d.inputs.sx[10] = 1.02)));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "coords": {
            "age": 1,
            "region": "north",
            "sex": "male",
            "status": "migrant",
          },
          "expected": "in [0, 1]",
          "message": "inputs.sx[region=north, status=migrant, sex=male, age=1] must be in [0, 1], received 1.02",
          "path": [
            "inputs",
            "sx",
            10,
          ],
          "received": "1.02",
        },
      ]
    `);
  });

  it('rejects sb < 0 at south, hukou, female (index 10)', () => {
    const error = rejection(variant((d) => (d.inputs.sb[10] = -0.1)));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "coords": {
            "region": "south",
            "sex": "female",
            "status": "hukou",
          },
          "expected": "in [0, 1]",
          "message": "inputs.sb[region=south, status=hukou, sex=female] must be in [0, 1], received -0.1",
          "path": [
            "inputs",
            "sb",
            10,
          ],
          "received": "-0.1",
        },
      ]
    `);
  });

  it('rejects fx < 0 at north, rural, age 2 (index 2)', () => {
    const error = rejection(variant((d) => (d.inputs.fx[2] = -0.5)));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "coords": {
            "age": 2,
            "region": "north",
            "status": "rural",
          },
          "expected": ">= 0",
          "message": "inputs.fx[region=north, status=rural, age=2] must be >= 0, received -0.5",
          "path": [
            "inputs",
            "fx",
            2,
          ],
          "received": "-0.5",
        },
      ]
    `);
  });

  it('rejects srb = 0 at south', () => {
    const error = rejection(variant((d) => (d.inputs.srb[1] = 0)));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "coords": {
            "region": "south",
          },
          "expected": "> 0",
          "message": "inputs.srb[region=south] must be > 0, received 0",
          "path": [
            "inputs",
            "srb",
            1,
          ],
          "received": "0",
        },
      ]
    `);
  });

  it('rejects m + c > 1 at north, female, age 1: 0.6 + 0.5', () => {
    const error = rejection(
      variant((d) => {
        d.inputs.c[0] = 0.5;
        d.inputs.m[1] = 0.6;
      }),
    );
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "constraint",
          "coords": {
            "age": 1,
            "region": "north",
            "sex": "female",
          },
          "expected": "m + c <= 1",
          "message": "inputs.m[region=north, sex=female, age=1] + inputs.c[region=north] must be <= 1, received 0.6 + 0.5 = 1.1",
          "path": [
            "inputs",
            "m",
            1,
          ],
          "received": "1.1",
        },
      ]
    `);
  });

  it('rejects m + c > 1 in the year of a per-year c', () => {
    const error = rejection(
      variant((d) => {
        d.inputs.c = [
          [0, 0],
          [0, 0.99],
        ];
      }),
    );
    // south's m is 0.02 everywhere, so each of its 6 cells breaks the rule in 2021
    expect(error.issues.map((i) => i.path)).toEqual([6, 7, 8, 9, 10, 11].map((x) => ['inputs', 'm', x]));
    expect(error.issues[0]).toMatchInlineSnapshot(`
      {
        "code": "constraint",
        "coords": {
          "age": 0,
          "region": "south",
          "sex": "female",
          "year": 2021,
        },
        "expected": "m + c <= 1",
        "message": "inputs.m[year=2021, region=south, sex=female, age=0] + inputs.c[region=south] must be <= 1, received 0.02 + 0.99 = 1.01",
        "path": [
          "inputs",
          "m",
          6,
        ],
        "received": "1.01",
      }
    `);
  });

  it('rejects k + q > 1 at south, male, age 2: 0.8 + 0.3', () => {
    const error = rejection(
      variant((d) => {
        d.inputs.k[11] = 0.8;
        d.inputs.q[11] = 0.3;
      }),
    );
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "constraint",
          "coords": {
            "age": 2,
            "region": "south",
            "sex": "male",
          },
          "expected": "k + q <= 1",
          "message": "inputs.k[region=south, sex=male, age=2] + inputs.q[region=south, sex=male, age=2] must be <= 1, received 0.8 + 0.3 = 1.1",
          "path": [
            "inputs",
            "k",
            11,
          ],
          "received": "1.1",
        },
      ]
    `);
  });

  it('rejects a D row that sums to 0.9', () => {
    const error = rejection(variant((d) => (d.inputs.D = [0.5, 0.4, 0, 1])));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "row_sum",
          "coords": {
            "from": "north",
          },
          "expected": "a row sum of 1 within 1e-9",
          "message": "inputs.D[from=north]: the row must sum to 1 (within 1e-9), received 0.9",
          "path": [
            "inputs",
            "D",
            0,
          ],
          "received": "0.9",
        },
      ]
    `);
  });

  it('rejects an E row that sums to 1.1', () => {
    const error = rejection(variant((d) => (d.inputs.E = [1, 0, 0.5, 0.6])));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "row_sum",
          "coords": {
            "from": "south",
          },
          "expected": "a row sum of 1 within 1e-9",
          "message": "inputs.E[from=south]: the row must sum to 1 (within 1e-9), received 1.1",
          "path": [
            "inputs",
            "E",
            1,
          ],
          "received": "1.1",
        },
      ]
    `);
  });

  it('rejects a D share outside [0, 1] even when its row sums to 1', () => {
    const error = rejection(variant((d) => (d.inputs.D = [1.5, -0.5, 0, 1])));
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([
      [['inputs', 'D', 0], 'out_of_range'],
      [['inputs', 'D', 1], 'out_of_range'],
    ]);
    expect(error.issues[1].message).toMatchInlineSnapshot(`"inputs.D[from=north, to=south] must be in [0, 1], received -0.5"`);
  });

  it('rejects a negative population at south, migrant, male, age 0 (index 21)', () => {
    const error = rejection(variant((d) => (d.population[21] = -1)));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "coords": {
            "age": 0,
            "region": "south",
            "sex": "male",
            "status": "rural",
          },
          "expected": ">= 0",
          "message": "population[region=south, status=rural, sex=male, age=0] must be >= 0, received -1",
          "path": [
            "population",
            21,
          ],
          "received": "-1",
        },
      ]
    `);
  });

  it('rejects NaN written as a string', () => {
    const error = rejection(variant((d) => (d.inputs.sx[5] = 'NaN')));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "coords": {
            "age": 2,
            "region": "north",
            "sex": "male",
            "status": "rural",
          },
          "expected": "in [0, 1]",
          "message": "inputs.sx[region=north, status=rural, sex=male, age=2] must be a finite number in [0, 1], received "NaN"",
          "path": [
            "inputs",
            "sx",
            5,
          ],
          "received": ""NaN"",
        },
      ]
    `);
  });

  it('rejects NaN in a Float64Array input', () => {
    const sx = new Float64Array(36).fill(0.5);
    sx[7] = NaN;
    const error = rejection(variant((d) => (d.inputs.sx = sx)));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "not_finite",
          "coords": {
            "age": 1,
            "region": "north",
            "sex": "female",
            "status": "migrant",
          },
          "expected": "in [0, 1]",
          "message": "inputs.sx[region=north, status=migrant, sex=female, age=1] must be a finite number in [0, 1], received NaN",
          "path": [
            "inputs",
            "sx",
            7,
          ],
          "received": "NaN",
        },
      ]
    `);
  });

  it('rejects Infinity in the population and in n', () => {
    const error = rejection(
      variant((d) => {
        d.population[0] = Infinity;
        d.inputs.n = filled(36, 0);
        d.inputs.n[35] = -Infinity;
      }),
    );
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "not_finite",
          "coords": {
            "age": 0,
            "region": "north",
            "sex": "female",
            "status": "rural",
          },
          "expected": ">= 0",
          "message": "population[region=north, status=rural, sex=female, age=0] must be a finite number >= 0, received Infinity",
          "path": [
            "population",
            0,
          ],
          "received": "Infinity",
        },
        {
          "code": "not_finite",
          "coords": {
            "age": 2,
            "region": "south",
            "sex": "male",
            "status": "hukou",
          },
          "expected": "a finite number",
          "message": "inputs.n[region=south, status=hukou, sex=male, age=2] must be a finite number, received -Infinity",
          "path": [
            "inputs",
            "n",
            35,
          ],
          "received": "-Infinity",
        },
      ]
    `);
  });

  it('rejects null and other non-numbers inside an array', () => {
    const error = rejection(
      variant((d) => {
        d.inputs.q[0] = null;
        d.inputs.k[1] = '0.1';
      }),
    );
    expect(error.issues.map((i) => [i.path, i.code, i.received])).toEqual([
      [['inputs', 'k', 1], 'invalid_type', '"0.1"'],
      [['inputs', 'q', 0], 'invalid_type', 'null'],
    ]);
  });
});

describe('parseKernelProblem(json): shapes and structure (model.md section 6)', () => {
  it('rejects an array of the wrong length', () => {
    const error = rejection(variant((d) => d.inputs.sx.pop()));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "wrong_length",
          "expected": "36 numbers",
          "message": "inputs.sx must have 36 numbers (2 regions x 3 statuses x 2 sexes x 3 ages), received 35",
          "path": [
            "inputs",
            "sx",
          ],
          "received": "35",
        },
      ]
    `);
  });

  it('rejects a per-year list without one entry per step', () => {
    const error = rejection(variant((d) => (d.inputs.fx = [filled(18, 0), filled(18, 0), filled(18, 0)])));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "wrong_length",
          "expected": "2 entries",
          "message": "inputs.fx is given per year and must have one entry per step (2), received 3",
          "path": [
            "inputs",
            "fx",
          ],
          "received": "3",
        },
      ]
    `);
  });

  it('rejects a per-year list shorter than the number of steps', () => {
    const error = rejection(
      variant((d) => {
        d.years = 3;
        d.inputs.k = [filled(12, 0), filled(12, 0)];
      }),
    );
    expect(error.issues.map((i) => [i.path, i.code, i.expected, i.received])).toEqual([[['inputs', 'k'], 'wrong_length', '3 entries', '2']]);
  });

  it('rejects a wrong length inside a per-year list, naming the step', () => {
    const error = rejection(variant((d) => (d.inputs.srb = [[1.05, 1.05], [1.05]])));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "wrong_length",
          "expected": "2 numbers",
          "message": "inputs.srb[1] must have 2 numbers (2 regions), received 1",
          "path": [
            "inputs",
            "srb",
            1,
          ],
          "received": "1",
        },
      ]
    `);
  });

  it('rejects duplicate region ids', () => {
    const error = rejection(variant((d) => (d.dims.regions = ['north', 'north'])));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate",
          "message": "dims.regions[1] repeats the region id "north"",
          "path": [
            "dims",
            "regions",
            1,
          ],
          "received": "north",
        },
      ]
    `);
  });

  it('rejects unknown keys at the top and inside inputs', () => {
    const error = rejection(
      variant((d) => {
        d.extra = 1;
        d.inputs.N = [];
      }),
    );
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_key",
          "expected": "no such field",
          "message": "inputs.N is not a known field",
          "path": [
            "inputs",
            "N",
          ],
          "received": "N",
        },
        {
          "code": "unknown_key",
          "expected": "no such field",
          "message": "extra is not a known field",
          "path": [
            "extra",
          ],
          "received": "extra",
        },
      ]
    `);
  });

  it('rejects missing required inputs and a missing population', () => {
    const error = rejection(
      variant((d) => {
        delete d.inputs.fx;
        delete d.population;
      }),
    );
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "message": "population is required",
          "path": [
            "population",
          ],
          "received": "nothing",
        },
        {
          "code": "invalid_type",
          "message": "inputs.fx is required",
          "path": [
            "inputs",
            "fx",
          ],
          "received": "nothing",
        },
      ]
    `);
  });

  it('rejects a wrong format tag', () => {
    const error = rejection(variant((d) => (d.format = 'chengzhen-kernel/2')));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "expected": ""chengzhen-kernel/1"",
          "message": "format must be "chengzhen-kernel/1", received "chengzhen-kernel/2"",
          "path": [
            "format",
          ],
          "received": ""chengzhen-kernel/2"",
        },
      ]
    `);
  });

  it('names the first missing field of a bare document (the documented examples)', () => {
    const parsed = safeParseKernelProblem({ format: 'chengzhen-kernel/1' });
    expect(parsed.success ? parsed.data : parsed.error.issues[0].message).toBe('dims is required');
    expect(rejection({}).issues[0].path).toEqual(['format']);
  });

  it('rejects a document that is not an object', () => {
    expect(rejection(null).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "expected": "an object",
          "message": "(root) must be an object, received null",
          "path": [],
          "received": "null",
        },
      ]
    `);
    expect(rejection([]).issues[0].path).toEqual([]);
  });

  it('rejects dims, startYear and years out of range', () => {
    const error = rejection(
      variant((d) => {
        d.dims.maxAge = 0;
        d.dims.regions = [];
        d.startYear = 2020.5;
        d.years = 0;
      }),
    );
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "expected": "an array of >= 1 items",
          "message": "dims.regions must be an array of >= 1 items, received 0 items",
          "path": [
            "dims",
            "regions",
          ],
          "received": "0 items",
        },
        {
          "code": "out_of_range",
          "expected": ">= 1",
          "message": "dims.maxAge must be >= 1, received 0",
          "path": [
            "dims",
            "maxAge",
          ],
          "received": "0",
        },
        {
          "code": "invalid_type",
          "expected": "an integer",
          "message": "startYear must be an integer, received 2020.5",
          "path": [
            "startYear",
          ],
          "received": "2020.5",
        },
        {
          "code": "out_of_range",
          "expected": ">= 1",
          "message": "years must be >= 1, received 0",
          "path": [
            "years",
          ],
          "received": "0",
        },
      ]
    `);
  });

  it('rejects an input that is not an array', () => {
    const error = rejection(variant((d) => (d.inputs.c = 0.01)));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "inputs.c must be an array of numbers, received 0.01",
          "path": [
            "inputs",
            "c",
          ],
          "received": "0.01",
        },
      ]
    `);
  });

  it('lists at most 100 issues and says how many more the message leaves out', () => {
    const error = rejection(variant((d) => (d.population = filled(36, -1))));
    expect(error.issues.length).toBe(36);
    // 36 + 36 + 18 + 12 bad cells: the list stops at 100
    const many = rejection(
      variant((d) => {
        d.population = filled(36, -1);
        d.inputs.sx = filled(36, 2);
        d.inputs.fx = filled(18, -1);
        d.inputs.m = filled(12, 7);
      }),
    );
    expect(many.issues.length).toBe(100);
    const lines = many.message.split('\n');
    expect(lines.length).toBe(21);
    expect(lines[20]).toBe('... and 80 more issues');
  });
});

describe('parseKernelProblem(json): sparse D and E', () => {
  const sparse = (from: unknown[], to: unknown[], share: unknown[]) => variant((d) => (d.inputs.D = { sparse: { from, to, share } }));

  it('rejects a region index out of range', () => {
    const error = rejection(sparse([0, 1], [0, 2], [1, 1]));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "coords": {},
          "expected": "a region index in [0, 1]",
          "message": "inputs.D.sparse.to[1] must be a region index in [0, 1], received 2",
          "path": [
            "inputs",
            "D",
            "sparse",
            "to",
            1,
          ],
          "received": "2",
        },
      ]
    `);
  });

  it('rejects a region index that is not an integer', () => {
    const error = rejection(sparse([0, 0.5, 1], [0, 1, 1], [1, 0, 1]));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "expected": "a region index in [0, 1] (a whole number)",
          "message": "inputs.D.sparse.from[1] must be a region index in [0, 1] (a whole number), received 0.5",
          "path": [
            "inputs",
            "D",
            "sparse",
            "from",
            1,
          ],
          "received": "0.5",
        },
      ]
    `);
  });

  it('rejects a link listed twice', () => {
    const error = rejection(sparse([0, 1, 1], [0, 1, 1], [1, 0.5, 0.5]));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate",
          "coords": {
            "from": "south",
            "to": "south",
          },
          "message": "inputs.D[from=south, to=south] is listed more than once",
          "path": [
            "inputs",
            "D",
            "sparse",
            "from",
            2,
          ],
          "received": "a repeated link",
        },
      ]
    `);
  });

  it('rejects a row with no links (its sum is 0)', () => {
    const error = rejection(sparse([0], [1], [1]));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "row_sum",
          "coords": {
            "from": "south",
          },
          "expected": "a row sum of 1 within 1e-9",
          "message": "inputs.D[from=south]: the row must sum to 1 (within 1e-9), received 0",
          "path": [
            "inputs",
            "D",
            1,
          ],
          "received": "0",
        },
      ]
    `);
  });

  it('rejects link lists of different lengths', () => {
    const error = rejection(sparse([0, 1], [0, 1, 1], [1, 1]));
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "wrong_length",
          "expected": "2 numbers",
          "message": "inputs.D.sparse.to must have 2 numbers (as many as inputs.D.sparse.from), received 3",
          "path": [
            "inputs",
            "D",
            "sparse",
            "to",
          ],
          "received": "3",
        },
      ]
    `);
  });

  it('rejects an object that is neither dense nor sparse', () => {
    const error = rejection(variant((d) => (d.inputs.E = { dense: [1, 0, 0, 1] })));
    expect(error.issues[0].path.slice(0, 2)).toEqual(['inputs', 'E']);
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "expected": "a dense, sparse or pooled matrix",
          "message": "inputs.E must be an array of 4 shares, { sparse: { from, to, share } } or { pooled: { levels } }, received an object with keys ["dense"]",
          "path": [
            "inputs",
            "E",
          ],
          "received": "an object with keys dense",
        },
      ]
    `);
  });

  it('rejects a row of a per-year sparse E, naming the year', () => {
    const error = rejection(
      variant(
        (d) =>
          (d.inputs.E = [
            { sparse: { from: [0, 1], to: [0, 1], share: [1, 1] } },
            { sparse: { from: [0, 1], to: [0, 1], share: [1, 0.75] } },
          ]),
      ),
    );
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "row_sum",
          "coords": {
            "from": "south",
            "year": 2021,
          },
          "expected": "a row sum of 1 within 1e-9",
          "message": "inputs.E[1][year=2021, from=south]: the row must sum to 1 (within 1e-9), received 0.75",
          "path": [
            "inputs",
            "E",
            1,
            1,
          ],
          "received": "0.75",
        },
      ]
    `);
  });
});

// the base document itself must be valid, or every rejection above proves nothing
it('parseKernelProblem(base) succeeds', () => {
  const doc: KernelProblemJSON = base;
  expect(safeParseKernelProblem(doc).success).toBe(true);
});
