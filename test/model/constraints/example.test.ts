/**
 * examples/scenarios/shanghai-builder-beds.json: Shanghai with a 2000s-pace inflow against the
 * builder beds of the end of 2023. The beds bind every year; with the plan's 24,000 beds a
 * year (沪府发〔2024〕12号 二(五)) they never do.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { project } from '../../../src/model/project.js';
import type { ScenarioInput } from '../../../src/schema/scenario.js';

const example = JSON.parse(readFileSync(new URL('../../../examples/scenarios/shanghai-builder-beds.json', import.meta.url), 'utf8')) as ScenarioInput & { constraints: { housing: { capacity: Record<string, unknown> } } };

describe('the Shanghai builder beds example', () => {
  it('holds back arrivals in every year when no beds are added', () => {
    const p = project(example);
    expect(p.indicator('housing.binds').values).toEqual([0, 1, 1, 1, 1, 1]);
    const held = p.indicator('housing.heldBack').values;
    for (const v of held.slice(1)) expect(v).toBeGreaterThan(100_000);
    // every person held back is a person fewer in Shanghai than without the limit
    const free = project({ ...example, constraints: undefined });
    const sum = held.reduce((a, b) => a + b, 0);
    expect(free.indicator('population').values.at(-1)! - p.indicator('population').values.at(-1)!).toBeGreaterThan(0.9 * sum);
  });

  it('does not bind with the plan\'s 24,000 beds a year', () => {
    const withBeds = { ...example, constraints: { housing: { ...example.constraints.housing, capacity: { ...example.constraints.housing.capacity, additionsPerYear: 24_000 } } } };
    expect(project(withBeds).indicator('housing.binds').values.every((v) => v === 0)).toBe(true);
  });
});
