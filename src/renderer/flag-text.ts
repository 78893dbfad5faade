// A finding in the reader's language, from its rule and the parameters the rule found: dates as
// dd-mm-yyyy, documents, statuses and genders by their labels, and a name mismatch with why the names
// differ in words. A flag stored before parameters were kept shows its stored sentence (dates turned).
import type { TFunction } from 'i18next';
import i18next from 'i18next';
import type { Flag } from '../shared/domain/claims';
import { decodeNik, pad2 } from '../shared/rules/nik';
import { dmy, dmyInText, missingLabel } from './format';

type Lang = 'id' | 'en';
type Params = Record<string, string | number>;

/** A parameter in the reader's language: the English twin (`docEn`) where the rule wrote one. */
function resolved(p: Params, lang: Lang): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(p)) {
    if (k.endsWith('En')) continue;
    const chosen = lang === 'en' && p[`${k}En`] !== undefined ? p[`${k}En`]! : v;
    out[k] = typeof chosen === 'string' ? dmyInText(chosen) : chosen;
  }
  return out;
}

interface NameDetails {
  score?: unknown;
  differences?: unknown;
}

/** Why two names differ, in words, with how alike they are. */
export function nameWhy(t: TFunction, details: NameDetails | undefined): string {
  const diffs = Array.isArray(details?.differences) ? (details.differences as ({ code?: unknown } & Params)[]) : [];
  const known = diffs.filter((d) => typeof d.code === 'string' && i18next.exists(`rules.name.${d.code}`));
  // Parts missing from the other name are said once, together: “BUDI”, “SANTOSO” …
  const missing = known.filter((d) => d.code === 'part_missing').map((d) => `“${String(d.part)}”`);
  const said = [
    ...(missing.length ? [t('rules.name.part_missing', { parts: missing.join(', ') })] : []),
    ...known.filter((d) => d.code !== 'part_missing').map((d) => t(`rules.name.${String(d.code)}`, { ...d, code: undefined })),
  ];
  const score = typeof details?.score === 'number' ? details.score : null;
  return [
    said.length ? said.join('; ') : t('rules.name.spelling'),
    ...(score !== null ? [t('rules.name.similarity', { pct: Math.round(score * 100) })] : []),
  ].join('; ');
}

/** What a NIK says of its holder (birth date, gender), in words. */
function nikEncodes(t: TFunction, nik: unknown): string {
  const d = typeof nik === 'string' ? decodeNik(nik) : null;
  if (!d) return t('rules.nikInvalid');
  return t('rules.nikEncodes', { date: `${pad2(d.day)}-${pad2(d.month)}-..${pad2(d.yy)}`, gender: t(`rules.gender.${d.gender}`) });
}

/** What is printed beside a NIK ("1988-06-05, L"), in words. */
const printed = (t: TFunction, text: unknown): string =>
  String(text ?? '')
    .split(', ')
    .map((part) => (part === 'L' || part === 'P' ? t(`rules.gender.${part}`) : dmyInText(part)))
    .join(', ');

/** Membership not active at the incident: why, from what the rule recorded. */
function inactiveWhy(t: TFunction, flag: Flag): string {
  const d = flag.evidence.details ?? {};
  const incident = typeof d.incidentDate === 'string' ? d.incidentDate : '';
  const why: string[] = [];
  if (typeof d.membershipStart === 'string' && incident && incident < d.membershipStart) why.push(t('rules.why.notStarted', { date: dmy(d.membershipStart) }));
  if (typeof d.coveredThrough === 'string' && incident && incident > d.coveredThrough) {
    const month = flag.evidence.record?.value;
    why.push(t('rules.why.lapsed', { month: typeof month === 'string' ? dmyInText(month) : '–', until: dmy(d.coveredThrough) }));
  }
  return why.join('; ');
}

/** The finding's sentence in the reader's language. */
export function flagText(t: TFunction, lang: Lang, flag: Flag): string {
  const rule = flag.rule;
  // A rule that could not be judged: which check, and what it lacks, by their labels.
  if (flag.severity === 'info' && flag.evidence.missing?.length) {
    return t('rules.missing', { title: t(`rules.title.${rule}`), what: flag.evidence.missing.map((m) => missingLabel(t, m)).join(', ') });
  }
  if (!flag.params || !i18next.exists(`rules.text.${rule}`)) return dmyInText(flag.message[lang]);
  const p = resolved(flag.params, lang);
  const docType = flag.params.docType ?? flag.evidence.document?.documentType;
  const details = flag.evidence.details ?? {};
  const words: Params = {
    ...p,
    ...(typeof docType === 'string' && i18next.exists(`rules.doc.${docType}`) ? { doc: t(`rules.doc.${docType}`) } : {}),
    ...(typeof p.status === 'string' ? { status: t(`status.${p.status}`, { defaultValue: '–' }) } : {}),
    ...(p.file && p.page !== undefined ? { page: `${p.page} (${p.file})` } : {}),
  };
  switch (rule) {
    case 'identity.nik_mismatch':
      return t(details.check === 'participant_not_on_kk' ? 'rules.text.identity.not_on_kk' : 'rules.text.identity.nik_mismatch', words);
    case 'identity.name_mismatch':
      return t('rules.text.identity.name_mismatch', { ...words, why: nameWhy(t, details) });
    case 'identity.nik_dob_inconsistent':
      return t('rules.text.identity.nik_dob_inconsistent', { ...words, encoded: nikEncodes(t, flag.params.nik), printed: printed(t, flag.params.printed) });
    case 'identity.kpj_mismatch':
      return t(details.otherMembershipOfSamePerson === true ? 'rules.text.identity.kpj_own' : 'rules.text.identity.kpj_mismatch', words);
    case 'bank.holder_name_mismatch':
      return t(flag.params.death ? 'rules.text.bank.holder_name_mismatch_heirs' : 'rules.text.bank.holder_name_mismatch', words);
    case 'membership.inactive_at_incident':
      return t('rules.text.membership.inactive_at_incident', { ...words, why: inactiveWhy(t, flag) || p.why });
    default:
      return t(`rules.text.${rule}`, words);
  }
}
