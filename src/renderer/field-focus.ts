// Where focus goes after the officer settles a field: on to the next one that still needs them.

/** Moves the focus to the first input of the next field that needs the officer after `from` (in screen
 * order; the first when `from` is null), if any; `wrap` goes round to the first after the last. */
export function focusNextNeeding(from: HTMLElement | null, wrap = false): void {
  const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="fields-panel"] .field-row[data-needs="true"]')];
  const next = from ? rows.find((row) => !row.contains(from) && from.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING) : rows[0];
  (next ?? (wrap ? rows.find((row) => !from || !row.contains(from)) : undefined))?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
}
