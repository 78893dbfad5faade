// An audit entry's detail in the reader's words: field names, document types, decisions, reason codes,
// rules and settings by their labels, never the stored keys or English back-end text. Details are read
// defensively: old rows and unknown actions still show, as "label: value" pairs.
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../shared/api/methods-audit';
import type { ApiError } from '../shared/api/result';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { dmy, dmyInText, missingLabel, useDateTimeFormat } from './format';
import { errorText } from './i18n/index';

type Lang = 'id' | 'en';
type Detail = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const shortHash = (v: unknown): string => str(v).slice(0, 12);

export interface AuditWords {
  t: TFunction;
  lang: Lang;
  /** Formats an ISO instant as the screen shows times. */
  when: (iso: string) => string;
}

/** A label from the translation files, or a word for "unknown": never the stored key itself. */
const known = (w: AuditWords, key: string, opts?: Record<string, unknown>): string => (i18next.exists(key) ? w.t(key, opts) : w.t('audit.d.unknown'));

/** What a rule checks, in words. */
export const ruleTitle = (w: AuditWords, rule: unknown): string => known(w, `rules.title.${str(rule)}`);

/** Who acted: an account's name as it is; the system's own actors ("system:demo") as the system. */
export const actorName = (t: TFunction, actor: string): string => (actor.startsWith('system:') ? `${t('roles.system')} ${actor.slice(7)}`.trim() : actor);

/** A role by its label (an unknown one as "unknown"). */
export const roleName = (t: TFunction, r: string): string => (i18next.exists(`roles.${r}`) ? t(`roles.${r}`) : t('audit.d.unknown'));

/** What a call or recorded action did, in words ("menghubungkan peserta", "melihat daftar pengguna"). */
export function actionName(t: TFunction, action: string): string {
  if (i18next.exists(`actions.log.${action}`) && typeof i18next.t(`actions.log.${action}`) === 'string') return t(`actions.log.${action}`);
  if (i18next.exists(`methods.${action}`) && typeof i18next.t(`methods.${action}`) === 'string') return t(`methods.${action}`);
  return t('methods.other');
}

/** A stored value as the officer would read it: lists by their length, nothing as a dash. */
function value(w: AuditWords, v: unknown): string {
  if (v === null || v === undefined || v === '') return w.t('audit.d.empty');
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? v.join(', ') : w.t('extraction.listEntries', { count: v.length });
  if (typeof v === 'boolean') return w.t(v ? 'audit.d.yes' : 'audit.d.no');
  if (typeof v === 'object') {
    return Object.entries(v as Detail)
      .filter(([, x]) => x !== null && x !== undefined && x !== '')
      .map(([k, x]) => `${known(w, `fields.${k}`)}: ${value(w, x)}`)
      .join(', ');
  }
  return dmyInText(String(v));
}

const quoted = (s: unknown): string => `“${str(s)}”`;
const field = (w: AuditWords, key: unknown): string => known(w, `fields.${str(key)}`);
const docType = (w: AuditWords, type: unknown): string => known(w, `docTypes.${str(type)}`);
const role = (w: AuditWords, r: unknown): string => known(w, `roles.${str(r)}`);
const status = (w: AuditWords, s: unknown): string => known(w, `status.${str(s)}`);
const change = (w: AuditWords, label: string, from: string, to: string): string => w.t('audit.d.change', { field: label, old: from, new: to });
const fact = (w: AuditWords, v: unknown): string => (v === undefined || v === null ? w.t('audit.d.unknown') : value(w, v));

/** Only the keys whose value changed, in both versions' order. */
function changedKeys(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Detail;
  const a = (after ?? {}) as Detail;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null));
}

function settingChanges(w: AuditWords, d: Detail): string[] {
  const setting = str(d.setting).split('.')[0] ?? '';
  const head = known(w, `audit.d.settings.${setting}`);
  if (setting === 'auth') {
    return [head, ...changedKeys(d.old, d.new).map((k) => change(w, known(w, `policy.${k}`), value(w, (d.old as Detail)[k]), value(w, (d.new as Detail)[k])))];
  }
  if (setting === 'review') {
    const before = ((d.old as Detail | undefined)?.autoApprove ?? {}) as Detail;
    const after = ((d.new as Detail | undefined)?.autoApprove ?? {}) as Detail;
    return [head, ...changedKeys(before, after).map((c) => change(w, w.t('audit.d.autoApproveOf', { claimType: c }), value(w, before[c]), value(w, after[c])))];
  }
  if (setting === 'holidays') {
    // Which days were added and which removed, as dd-mm-yyyy and name.
    const days = (v: unknown): Map<string, string> =>
      new Map((Array.isArray(v) ? (v as { date?: unknown; name?: unknown }[]) : []).map((h) => [str(h.date), str(h.name)]));
    const [before, after] = [days(d.old), days(d.new)];
    const shown = (date: string, name: string): string => `${dmy(date)} ${name}`;
    const added = [...after].filter(([date]) => !before.has(date)).map(([date, name]) => shown(date, name));
    const removed = [...before].filter(([date]) => !after.has(date)).map(([date, name]) => shown(date, name));
    return [
      head,
      added.length ? w.t('audit.d.holidaysAdded', { days: added.join(', ') }) : '',
      removed.length ? w.t('audit.d.holidaysRemoved', { days: removed.join(', ') }) : '',
    ];
  }
  const next = (d.new ?? {}) as { params?: Record<string, { value?: unknown }>; severities?: Record<string, unknown> };
  const params = Object.entries(next.params ?? {}).map(([k, p]) => `${known(w, `ruleParams.${k}`)} = ${value(w, p.value)}`);
  const severities = Object.entries(next.severities ?? {}).map(([r, s]) => `${ruleTitle(w, r)}: ${known(w, `flags.severity.${str(s)}`)}`);
  const parts = [...params, ...severities];
  return [head, ...(parts.length ? parts : [w.t('audit.d.rulesReset')])];
}

function describe(w: AuditWords, action: string, d: Detail): string[] {
  const { t } = w;
  switch (action) {
    case 'cases.create':
      return [
        known(w, `claimTypes.${str(d.claimType)}`),
        d.kpj ? `KPJ ${str(d.kpj)}` : '',
        d.incidentDate ? t('audit.d.incidentDate', { date: dmy(str(d.incidentDate)) }) : '',
        d.notes ? quoted(d.notes) : '',
      ];
    case 'cases.setParticipant':
      return [`KPJ ${str(d.kpj)}`, d.previousKpj ? t('audit.d.previously', { value: `KPJ ${str(d.previousKpj)}` }) : ''];
    case 'cases.submit': {
      const r = (d.routing ?? {}) as Detail;
      const unjudged = Array.isArray(r.unjudged) ? (r.unjudged as unknown[]).map((m) => missingLabel(t, str(m))) : [];
      return [
        d.note ? quoted(d.note) : '',
        r.to ? t('audit.d.routedTo', { status: status(w, r.to) }) : '',
        r.to ? t('audit.d.flagCounts', { blockers: num(r.blockers), warnings: num(r.warnings) }) : '',
        num(r.dismissed) ? t('audit.d.dismissed', { count: num(r.dismissed) }) : '',
        unjudged.length ? t('audit.d.unjudged', { values: unjudged.join(', ') }) : '',
      ];
    }
    case 'cases.autoApprove':
      return [t('audit.d.autoApprove', { claimType: str(d.claimType), who: str(d.submittedBy) })];
    case 'cases.decide':
      return [
        known(w, `review.kinds.${str(d.decision)}`),
        d.reasonCode ? known(w, `review.reasons.${str(d.reasonCode)}`) : '',
        quoted(d.note),
        Array.isArray(d.items) && d.items.length ? t('audit.d.items', { items: d.items.map(str).join('; ') }) : '',
        num(d.acknowledgedBlockers) ? t('audit.d.acknowledged', { count: num(d.acknowledgedBlockers) }) : '',
      ];
    case 'cases.reopen':
      return [t('audit.d.reopenFrom', { status: status(w, d.from) }), quoted(d.reason)];
    case 'flags.dismiss':
      return [ruleTitle(w, d.rule), d.field ? field(w, d.field) : '', quoted(d.reason)];
    case 'extraction.setField': {
      const old = (d.old ?? null) as Detail | null;
      return [
        docType(w, d.documentType),
        change(w, field(w, d.key), value(w, old?.value), value(w, d.new)),
        d.why ? known(w, `audit.d.why.${str(d.why)}`) : '',
        d.note ? quoted(d.note) : '',
      ];
    }
    case 'extraction.setType':
      return [change(w, t('review.typeField'), docType(w, d.oldType), docType(w, d.newType))];
    case 'documents.add':
      return [
        t('audit.d.file', { name: str(d.name), pages: num(d.pages), kb: Math.max(1, Math.round(num(d.size) / 1024)), sha: shortHash(d.sha256) }),
        d.duplicate ? t('audit.d.duplicate') : '',
      ];
    case 'documents.rejected':
      return (Array.isArray(d.rejected) ? (d.rejected as Detail[]) : []).map((r) =>
        errorText({
          code: (str(r.code) || 'bad_file') as ApiError['code'],
          message: str(r.reason),
          params: { file: str(r.name), ...(r.reason ? { reason: str(r.reason) } : {}) },
        }),
      );
    case 'letters.create':
      return [t('audit.d.letter', { count: num(d.missing), lang: d.lang === 'en' ? 'English' : 'Bahasa Indonesia' })];
    case 'documents.cancelOcr':
      return [t('audit.d.cancelledPages', { count: Array.isArray(d.cancelledPages) ? d.cancelledPages.length : num(d.cancelledPages) })];
    case 'checks.facts':
      return changedKeys(d.old, d.new).map((k) => change(w, missingLabel(t, k), fact(w, (d.old as Detail)[k]), fact(w, (d.new as Detail)[k])));
    case 'auth.signIn':
      return [known(w, `settings.transports.${str(d.transport)}`)];
    case 'auth.signInFailed':
      return [t('audit.d.account', { username: str(d.username) }), known(w, `audit.d.failed.${str(d.reason)}`)];
    case 'auth.signOut':
      return [known(w, `audit.d.signOut.${str(d.reason)}`)];
    case 'auth.sessionEnded':
      return [known(w, `audit.d.ended.${str(d.reason)}`)];
    case 'auth.locked':
      return [
        t('audit.d.account', { username: str(d.username) }),
        t('audit.d.lockedUntil', { count: num(d.failures), until: d.until ? w.when(str(d.until)) : '–' }),
      ];
    case 'auth.changePassword':
    case 'users.resetPassword':
      return [t('audit.d.account', { username: str(d.username) })];
    case 'auth.setup':
    case 'users.create':
      return [t('audit.d.account', { username: str(d.username) }), str(d.displayName), role(w, d.role)];
    case 'users.update': {
      const c = (d.changes ?? {}) as Record<string, { old?: unknown; new?: unknown }>;
      return [
        t('audit.d.account', { username: str(d.username) }),
        c.role ? change(w, t('users.role'), role(w, c.role.old), role(w, c.role.new)) : '',
        c.displayName ? change(w, t('auth.displayName'), str(c.displayName.old), str(c.displayName.new)) : '',
        c.disabled ? t(c.disabled.new ? 'audit.d.disabled' : 'audit.d.enabled') : '',
        c.locked ? t('audit.d.unlocked') : '',
      ];
    }
    case 'settings.update':
      return settingChanges(w, d);
    case 'participants.import':
      return [
        t('audit.d.import', {
          file: str(d.fileName),
          rows: num(d.rowsRead),
          inserted: num(d.inserted),
          updated: num(d.updated),
          unchanged: num(d.unchanged),
          rejected: num(d.rejected),
          sha: shortHash(d.sha256),
        }),
      ];
    case 'participants.importFailed':
      return [str(d.fileName), t('auditMore.importFailed')];
    case 'participants.importInterrupted':
      return [str(d.fileName), t('audit.d.importInterrupted')];
    case 'refused':
      return [
        actionName(t, str(d.method)),
        // A short label where there is one, else the refusal's own sentence.
        t(`actions.refusedWhy.${str(d.reason)}`, { defaultValue: t(`errors.why.${str(d.reason)}`, { defaultValue: t('actions.refusedWhy.other') }) }),
      ];
    case 'settings.store':
      return [t('audit.d.storeChange', { old: d.old == null ? t('store.embedded') : str(d.old), new: d.new == null ? t('store.embedded') : str(d.new) })];
    case 'store.migrate': {
      const tables = (d.tables ?? {}) as Record<string, unknown>;
      const rows = Object.values(tables).reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0);
      return [t('audit.d.migrate', { from: str(d.from), cases: num(tables.cases), rows, originals: num(d.originals) })];
    }
    case 'backup.create':
      return [t('audit.d.backup', { folder: str(d.folder), cases: num(d.cases), count: num(d.files) })];
    case 'backup.restore':
      return [t('audit.d.restore', { from: str(d.from), count: num(d.files), intact: t(d.auditIntact ? 'audit.d.intact' : 'audit.d.broken') })];
    default: {
      // An action this screen has no sentence for: how much it recorded, never its keys.
      const count = Object.entries(d).filter(([k, v]) => k !== 'caseId' && v !== null && v !== undefined).length;
      return count ? [t('auditMore.otherDetail', { count })] : [];
    }
  }
}

/** The entry's detail as one line of text in the reader's language. */
export function auditText(w: AuditWords, entry: Pick<AuditEntry, 'action' | 'detail'>): string {
  const d = entry.detail;
  if (d === null || typeof d !== 'object' || Array.isArray(d)) return '';
  return describe(w, entry.action, d as Detail)
    .filter((s) => s.trim() !== '')
    .join(' · ');
}

/** The words of the screen's current language. */
export function useAuditWords(): AuditWords {
  const { t, i18n } = useTranslation();
  const fmt = useDateTimeFormat();
  return { t, lang: i18n.language === 'en' ? 'en' : 'id', when: (iso) => fmt.format(new Date(iso)) };
}
