/** Escaping of text placed in HTML, so that text from a scenario can never become markup. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes `&`, `<`, `>`, `"` and `'`: safe in element content and in quoted attributes.
 *
 * @example
 * escapeHtml('<script>alert("1")</script>')
 * // => '&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
