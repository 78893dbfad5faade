// F8 jumps to the next open flag (Shift+F8 to the one before), in the order the flags panel lists them:
// to the field it is about when that field is on screen (focusing it shows its evidence), otherwise to the
// flag itself, with its evidence shown on the page.
import { useRef } from 'react';
import { NEXT_FLAG, useHotkey } from './hotkeys';
import { useQuery } from './api-context';
import type { Evidence } from './components/FieldsPanel';
import { sortFlags } from './components/FlagsPanel';

export function useNextFlagKey(caseId: number | null, onShow: (e: Evidence) => void): void {
  const checks = useQuery('checks.get', caseId ? { caseId } : null);
  const docs = useQuery('extraction.list', caseId ? { caseId } : null);
  const at = useRef(-1);
  useHotkey(NEXT_FLAG, (e) => {
    const listed = sortFlags(checks.data?.flags ?? []);
    const open = listed.map((f, i) => ({ f, i })).filter(({ f }) => f.severity !== 'info' && !f.dismissal);
    if (!open.length) return;
    at.current = (((at.current + (e.shiftKey ? -1 : 1)) % open.length) + open.length) % open.length;
    const { f, i } = open[at.current]!;
    const doc = f.evidence.document;
    const input = doc?.documentId && doc.field ? document.getElementById(`f-${doc.documentId}-${doc.field}`) : null;
    if (input) {
      input.focus({ preventScroll: true });
      input.scrollIntoView({ block: 'center' });
      return;
    }
    const item = document.querySelectorAll<HTMLElement>('[data-testid="flags-panel"] .flag')[i];
    item?.focus({ preventScroll: true });
    item?.scrollIntoView({ block: 'center' });
    const fileId = docs.data?.documents.find((d) => String(d.id) === doc?.documentId)?.fileId;
    if (doc?.page !== undefined && fileId !== undefined) {
      onShow({ page: { fileId, page: doc.page }, bbox: doc.bbox ?? null, ...(doc.documentId ? { documentId: Number(doc.documentId) } : {}) });
    }
  });
}
