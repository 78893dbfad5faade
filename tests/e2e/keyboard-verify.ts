// Verifying a case's fields by keyboard alone, as an officer at the desk would: "only what needs me"
// (Alt+M, which lands on the first field that needs the officer), Enter to keep a value as read and move
// on, typing only where a field is empty. Counts every key pressed and character typed, and the time from
// each Enter to the next field being focused. Shared by the end-to-end test and `npm run bench -- ui`.
import { expect, type Page } from '@playwright/test';

export interface KeyboardRun {
  /** Fields left for the officer (list tables, or empty with nothing to type). */
  skipped: number;
  /** Keys pressed, each typed character counted as one key. */
  keys: number;
  /** Characters an officer would type to key every field by hand (all text inputs and list cells). */
  charsByHand: number;
  /** Milliseconds from an Enter to the next field taking focus. */
  enterToFocus: number[];
}

/** Installs the Enter-to-focus clock in the page (once per page). */
async function clock(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __enterAt?: number; __lat?: number[] };
    if (w.__lat) return;
    w.__lat = [];
    window.addEventListener('keydown', (e) => e.key === 'Enter' && (w.__enterAt = performance.now()), true);
    window.addEventListener('focusin', () => {
      if (w.__enterAt === undefined) return;
      w.__lat!.push(performance.now() - w.__enterAt);
      w.__enterAt = undefined;
    });
  });
}

/** All the characters of the case's field values as shown (what typing them by hand would take). */
export function charsByHand(page: Page): Promise<number> {
  return page.evaluate(() => {
    const panel = document.querySelector('[data-testid="fields-panel"]');
    if (!panel) return 0;
    let n = 0;
    for (const el of panel.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input:not([type=checkbox]), .list-editor select')) n += el.value.length;
    // Program codes: each ticked one would be typed (3 letters and a separator).
    n += panel.querySelectorAll('.programs-editor input[type=checkbox]:checked').length * 4;
    return n;
  });
}

/**
 * Verifies every field that needs the officer on the open case screen. `valueFor(field)` gives the text
 * to type for a field left empty (the officer reads it off the page); null means none.
 */
export async function verifyByKeyboard(page: Page, valueFor: (field: string) => string | null): Promise<KeyboardRun> {
  await clock(page);
  const fields = page.getByTestId('fields-panel');
  const needing = fields.locator('.field-row[data-needs="true"]');
  let keys = 0;
  const press = async (key: string): Promise<void> => {
    keys++;
    await page.keyboard.press(key);
  };
  // Every field shown (the desk may remember "only what needs me" from the last case), and counted
  // before any value changes; then "only what needs me".
  const needsMe = fields.locator('input[name=needs-me]');
  if (await needsMe.isChecked()) {
    await page.keyboard.press('Alt+M');
    await expect(needsMe).not.toBeChecked();
  }
  const byHand = await charsByHand(page);
  await press('Alt+M');
  await expect(needsMe).toBeChecked();
  // Lists (a family card's members) are keyed in their own table editor: left for the officer's mouse or
  // Tab, and not counted as verified here.
  const skipped = new Set<string>();
  for (let guard = 0; guard < 300; guard++) {
    const open = await needing.evaluateAll((rows) =>
      rows.map(
        (r) => `${r.closest('[data-document-id]')?.getAttribute('data-document-id')}:${r.getAttribute('data-field')}:${r.classList.contains('field-list')}`,
      ),
    );
    if (open.every((k) => skipped.has(k))) break;
    const focusedRow = page.locator('[data-testid="fields-panel"] .field-row[data-needs="true"]:has(:focus)');
    if ((await focusedRow.count()) === 0) {
      await press('Alt+J');
      await expect(focusedRow).toHaveCount(1);
    }
    const key = await focusedRow.evaluate(
      (r) => `${r.closest('[data-document-id]')?.getAttribute('data-document-id')}:${r.getAttribute('data-field')}:${r.classList.contains('field-list')}`,
    );
    const field = key.split(':')[1]!;
    if (key.endsWith(':true')) {
      skipped.add(key);
      await press('Alt+J');
      continue;
    }
    const input = focusedRow.locator('input:focus');
    const value = (await input.getAttribute('type')) === 'checkbox' ? 'ticks' : await input.inputValue();
    const text = value === '' ? valueFor(field) : null;
    if (value === '' && !text) {
      skipped.add(key);
      await press('Alt+J');
      continue;
    }
    if (text) {
      await page.keyboard.type(text);
      keys += text.length;
    }
    const before = await needing.count();
    await press('Enter');
    // Kept (or confirmed as read): it leaves "what needs me", and focus is already on the next one.
    await expect(needing).toHaveCount(before - 1, { timeout: 15_000 });
  }
  const enterToFocus = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.splice(0));
  return { keys, skipped: skipped.size, charsByHand: byHand, enterToFocus };
}
