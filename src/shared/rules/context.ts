// Shared helpers for the rule modules: field access, name matching with the configured thresholds, and
// the one place flags are built, so every flag carries severity, both languages and its evidence.
import type { Comparison, Flag, RuleId, Severity } from '../domain/claims';
import type { DocumentType, ExtractedField, ListEntry } from '../domain/documents';
import { matchNames, type NameMatch } from '../names/index';
import { severityOf, type ParamName, type RulesConfig } from './config';
import type { CaseDocumentInput, CaseInput } from './input';
import { DOC_NAMES, message, missingMessage } from './messages';

type Params = Record<string, string | number>;

export interface FireOptions {
  params: Params;
  /** Overrides the configured severity (e.g. a softer case of the same rule). */
  severity?: Severity;
  doc?: CaseDocumentInput;
  field?: string;
  /** For list fields: the value shown as evidence instead of the whole field. */
  docValue?: unknown;
  record?: { field: string; value: unknown };
  details?: Record<string, unknown>;
}

export class RuleContext {
  readonly flags: Flag[] = [];
  /** Every document value the rules set against the participant record. */
  readonly comparisons: Comparison[] = [];
  private readonly missingSeen = new Set<string>();

  constructor(
    readonly input: CaseInput,
    readonly config: RulesConfig,
  ) {}

  param<N extends ParamName>(name: N): RulesConfig['params'][N]['value'] {
    return this.config.params[name].value;
  }

  names(a: string, b: string): NameMatch {
    return matchNames(a, b, { threshold: this.param('nameMatchThreshold'), tokenThreshold: this.param('nameTokenThreshold') });
  }

  docs(...types: DocumentType[]): CaseDocumentInput[] {
    return this.input.documents.filter((d) => types.includes(d.document.type));
  }

  has(type: DocumentType): boolean {
    return this.input.documents.some((d) => d.document.type === type);
  }

  field(doc: CaseDocumentInput, key: string): ExtractedField | undefined {
    return doc.document.fields[key];
  }

  /** A string field's value, or null when absent or left for keying. */
  str(doc: CaseDocumentInput, key: string): string | null {
    const v = doc.document.fields[key]?.value;
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  }

  num(doc: CaseDocumentInput, key: string): number | null {
    const v = doc.document.fields[key]?.value;
    if (typeof v === 'number') return v;
    return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null;
  }

  list(doc: CaseDocumentInput, key: string): ListEntry[] {
    const v = doc.document.fields[key]?.value;
    return Array.isArray(v) ? v.filter((e): e is ListEntry => typeof e === 'object' && e !== null) : [];
  }

  fire(rule: RuleId, o: FireOptions): void {
    const doc = o.doc;
    const f = doc && o.field ? doc.document.fields[o.field] : undefined;
    const names = doc ? (DOC_NAMES[doc.document.type] ?? { id: doc.document.type, en: doc.document.type }) : undefined;
    const params: Params = { ...(names ? { doc: names.id, docEn: names.en } : {}), ...o.params };
    let severity = o.severity ?? severityOf(this.config, rule, 'warning');
    // A value the reader was unsure of may be the reader's mistake: it asks the officer, it does not block.
    const unsure = f !== undefined && (f.needsKeying === true || f.confidence < this.param('minConfidenceToBlock')) && f.source !== 'officer';
    if (unsure && severity === 'blocker') severity = 'warning';
    this.flags.push({
      rule,
      severity,
      message: message(rule, params),
      params: { ...(doc ? { docType: doc.document.type } : {}), ...o.params },
      evidence: {
        ...(doc
          ? {
              document: {
                documentType: doc.document.type,
                documentId: doc.id,
                ...(o.field ? { field: o.field } : {}),
                value: o.docValue ?? f?.value ?? null,
                ...(f ? { page: f.page, bbox: f.bbox } : doc.document.pages[0] ? { page: doc.document.pages[0] } : {}),
              },
            }
          : {}),
        ...(o.record ? { record: o.record } : {}),
        ...(o.details || unsure ? { details: { ...o.details, ...(unsure ? { lowConfidence: f?.confidence ?? 0 } : {}) } } : {}),
      },
    });
  }

  /** Notes that a document's value was compared with the record's (whether or not a flag fired). */
  compare(doc: CaseDocumentInput, field: string, docValue: string, record: { field: string; value: string | null }, agrees: boolean): void {
    if (record.value === null) return;
    this.comparisons.push({ documentId: doc.id, field, recordField: record.field, recordValue: record.value, same: docValue === record.value, agrees });
  }

  /** The rule could not be judged: an info flag naming what is missing (once per rule and value). */
  missing(rule: RuleId, keys: string[], what: string, whatEn: string, details?: Record<string, unknown>): void {
    const k = `${rule}:${keys.join(',')}`;
    if (this.missingSeen.has(k)) return;
    this.missingSeen.add(k);
    this.flags.push({
      rule,
      severity: 'info',
      message: missingMessage(rule, what, whatEn),
      evidence: { missing: keys, ...(details ? { details } : {}) },
    });
  }
}
