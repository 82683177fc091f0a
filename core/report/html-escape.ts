/**
 * Text from the evidence (claims, log lines, notes, file names) written into HTML: every character that could open
 * markup, close an attribute or start an entity is replaced by its character reference, so `<img src=x onerror=…>`
 * and `</script>` stay text. One linear pass.
 */
const REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `value` as HTML text, safe in element content and in quoted attribute values. */
export function escapeHtml(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (character) => REFERENCES[character]!);
}
