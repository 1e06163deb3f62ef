/**
 * Names typed on the command line (presets, areas, regions): matched without regard to case
 * when only one name matches so, and a name that matches nothing gets the closest ones offered.
 */

/**
 * The Levenshtein distance between `a` and `b` (insertions, deletions and substitutions),
 * ignoring case.
 *
 * @example
 * editDistance('natinal-2024-2028', 'national-2024-2028')
 * // => 1
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[t.length];
}

/**
 * `name` as one of `names`: itself when it is one, else the only name equal to it but for case,
 * else undefined (no match, or several that differ only by case).
 *
 * @example
 * matchName('china', ['China', 'Shanghai'])
 * // => 'China'
 */
export function matchName(name: string, names: readonly string[]): string | undefined {
  if (names.includes(name)) return name;
  const folded = names.filter((n) => n.toLowerCase() === name.toLowerCase());
  return folded.length === 1 ? folded[0] : undefined;
}

/**
 * Up to three of `names` closest to `name` by edit distance, the closest first, among those
 * within a third of the name's length (at least 2 edits); names that start with or contain
 * `name` count as close too.
 *
 * @example
 * closestNames('zhejiang', ['zhejiang-2023', 'zhejiang-2023-trend', 'shanghai-2024-2028'])
 * // => ['zhejiang-2023', 'zhejiang-2023-trend']
 */
export function closestNames(name: string, names: readonly string[]): string[] {
  const lower = name.toLowerCase();
  const room = Math.max(2, Math.floor(name.length / 3));
  return names
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate), contains: lower.length >= 3 && candidate.toLowerCase().includes(lower) }))
    .filter((c) => c.contains || c.distance <= room)
    .sort((x, y) => x.distance - y.distance || (x.candidate < y.candidate ? -1 : 1))
    .slice(0, 3)
    .map((c) => c.candidate);
}

/**
 * `; did you mean A or B?` for the closest names, or '' when none is close.
 *
 * @example
 * didYouMean('shangai-2024-2028', ['shanghai-2024-2028', 'zhejiang-2023'])
 * // => '; did you mean shanghai-2024-2028?'
 */
export function didYouMean(name: string, names: readonly string[]): string {
  const close = closestNames(name, names);
  if (close.length === 0) return '';
  return `; did you mean ${close.length === 1 ? close[0] : `${close.slice(0, -1).join(', ')} or ${close.at(-1)}`}?`;
}
