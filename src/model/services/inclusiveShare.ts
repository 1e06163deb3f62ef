/**
 * 学前教育普惠率, the inclusive share of kindergarten enrolment: children in inclusive (普惠性)
 * kindergartens over children in all kindergartens, from the places of both kinds and the
 * children aged 3-5 by status.
 *
 * Who takes which place is not in the data, so the share is a range between two allocations
 * of the same children to the same places:
 * - `high` (fill-first, every child with the same access): the children fill the inclusive
 *   places first (they cost families less), `min(inclusive, enrolled) / enrolled`;
 * - `low` (migrant children last): local children (rural and urban hukou) fill the inclusive
 *   places first, and migrant children (urban residents without local hukou) are placed in the
 *   other kindergartens while these have room, taking inclusive places only after them. This is
 *   the access gap 国发〔2024〕17号 sets out to close (加快将随迁子女纳入流入地普惠性学前教育保障范围).
 *
 * Children are enrolled up to the places there are (`enrolled = min(children, inclusive +
 * other)`); when places are short, local children are enrolled first. With no migrant child
 * both ends are the same.
 *
 * Spreading the children over the places in proportion to capacity is not used: it gives
 * `inclusive / (inclusive + other)` whatever the children, so the population would never enter
 * the verdict, and a stock of other places set to the children the standard leaves to them
 * would meet the standard by construction.
 */

/** The two ends of the inclusive share of enrolment. */
export interface InclusiveShareRange {
  /** Migrant children last: locals fill inclusive places first, migrants other places first. */
  low: number;
  /** Fill-first: every child fills inclusive places first. */
  high: number;
  /** Children enrolled: min(children, inclusive + other places). */
  enrolled: number;
}

/**
 * The inclusive share of kindergarten enrolment, as a low and a high end (see the module
 * text), or null when no child is enrolled (no child, or no place).
 *
 * @example
 * inclusiveShareRange(90, 30, 80, 20)   // 100 children, 90 inclusive and 30 other places
 * // => { low: 0.8, high: 0.9, enrolled: 100 }
 */
export function inclusiveShareRange(inclusive: number, other: number, local: number, migrant: number): InclusiveShareRange | null {
  const places = inclusive + other;
  const enrolled = Math.min(local + migrant, places);
  if (!(enrolled > 0)) return null;
  const high = Math.min(inclusive, enrolled) / enrolled;
  const locals = Math.min(local, places);
  const migrants = enrolled - locals;
  const localsInclusive = Math.min(inclusive, locals);
  const otherLeft = other - (locals - localsInclusive);
  const migrantsInclusive = migrants - Math.min(migrants, otherLeft);
  const low = Math.min(high, (localsInclusive + migrantsInclusive) / enrolled);
  return { low, high, enrolled };
}
