// `?` anywhere outside a text field lists every keyboard shortcut; Escape or the button closes it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const SHORTCUTS = [
  ['Alt+1 … Alt+9', 'screens'],
  ['Alt+N', 'newCase'],
  ['Alt+M', 'needsMe'],
  ['Alt+J', 'nextNeeding'],
  ['Enter', 'confirmNext'],
  ['Esc', 'revert'],
  ['F8 / Shift+F8', 'nextFlag'],
  ['Alt+Z', 'undo'],
  ['Alt+O', 'addFiles'],
  ['Alt+X', 'extractAgain'],
  ['Alt+K', 'checkAgain'],
  ['Alt+S', 'toDecision'],
  ['Alt+= / Alt+− / Ctrl+wheel', 'zoom'],
  ['Alt+W / Alt+P', 'fit'],
  ['Alt+R / Alt+Shift+R', 'rotate'],
  ['Alt+PgDn / Alt+PgUp', 'pages'],
  ['click / Shift+click', 'word'],
  ['↑ ↓ Enter', 'pick'],
  ['?', 'help'],
] as const;

/** Whether a key went to a text field (where letters and Ctrl+Z are the field's own). */
export const typing = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function ShortcutsHelp(): React.JSX.Element | null {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === '?' && !typing(e.target)) {
        e.preventDefault();
        setOpen(true);
      } else if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="dialog-backdrop">
      <div className="dialog panel" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts">
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <table className="grid">
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={what}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{t(`shortcuts.${what}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="actions">
          <button ref={close} type="button" onClick={() => setOpen(false)}>
            {t('shortcuts.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
