// Loads the shipped rules configuration and requirement table from resources/requirements/, applies the
// local override of the rules configuration (settings key 'rules.config'), and keeps every requirement
// table version that was ever loaded in the database, so a case can say which version judged it.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';
import { z } from 'zod';
import { holidaysSchema, type Holiday } from '../../shared/api/methods-settings';
import { requirementTableSchema, type RequirementTable } from '../../shared/requirements/schema';
import { mergeRulesConfig, rulesConfigOverrideSchema, rulesConfigSchema, type RulesConfig } from '../../shared/rules/config';
import type { BackendContext } from '../context';
import { resourcesDir } from '../paths';

export const RULES_CONFIG_SETTING = 'rules.config';

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('internal', `Cannot read ${file}: ${(err as Error).message}`, { file });
  }
}

const requirementsFile = (): string => path.join(resourcesDir(), 'requirements', 'requirements.json');
const rulesFile = (): string => path.join(resourcesDir(), 'requirements', 'rules-config.json');

/** The rule parameters as shipped, before any local override. */
export const shippedRulesConfig = (ctx: BackendContext): RulesConfig => ctx.service('rulesConfigBase', () => rulesConfigSchema.parse(readJson(rulesFile())));

export function loadRulesConfig(ctx: BackendContext): RulesConfig {
  const base = shippedRulesConfig(ctx);
  const row = ctx.db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck().get(RULES_CONFIG_SETTING) as string | undefined;
  if (!row) return base;
  const override = rulesConfigOverrideSchema.safeParse(JSON.parse(row));
  if (!override.success) throw new AppError('invalid_input', `Settings '${RULES_CONFIG_SETTING}' is not a valid rules override`, {});
  try {
    return mergeRulesConfig(base, override.data);
  } catch (err) {
    throw new AppError('invalid_input', `Settings '${RULES_CONFIG_SETTING}': ${(err as Error).message}`, {});
  }
}

/** Loads the shipped table into the database if this version is new, and returns the active table. */
export function activeRequirementTable(ctx: BackendContext): RequirementTable {
  return ctx.service('requirementTable', () => {
    const shipped = requirementTableSchema.parse(readJson(requirementsFile()));
    ctx.db
      .prepare(`INSERT INTO requirement_tables(version, effective_from, loaded_at, source, content) VALUES (?, ?, ?, ?, ?) ON CONFLICT(version) DO NOTHING`)
      .run(shipped.version, shipped.effectiveFrom, new Date().toISOString(), 'resources/requirements/requirements.json', JSON.stringify(shipped));
    const row = ctx.db.prepare(`SELECT content FROM requirement_tables ORDER BY effective_from DESC, loaded_at DESC LIMIT 1`).pluck().get() as string;
    return requirementTableSchema.parse(JSON.parse(row));
  });
}

export function requirementVersions(ctx: BackendContext): { version: string; effectiveFrom: string; loadedAt: string }[] {
  activeRequirementTable(ctx);
  return ctx.db
    .prepare(`SELECT version, effective_from AS effectiveFrom, loaded_at AS loadedAt FROM requirement_tables ORDER BY effective_from DESC`)
    .all() as { version: string; effectiveFrom: string; loadedAt: string }[];
}

export const HOLIDAYS_SETTING = 'holidays';
const holidaysFile = (): string => path.join(resourcesDir(), 'requirements', 'holidays.json');
const shippedHolidaysSchema = z.object({ version: z.string(), note: z.string().optional(), days: holidaysSchema });

/** The public holidays as shipped. */
export const shippedHolidays = (ctx: BackendContext): Holiday[] =>
  ctx.service('holidaysBase', () => shippedHolidaysSchema.parse(readJson(holidaysFile())).days);

/** The public holidays in force: an administrator's list (settings key 'holidays'), else the shipped one. */
export function activeHolidays(ctx: BackendContext): { days: Holiday[]; edited: boolean } {
  const row = ctx.db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck().get(HOLIDAYS_SETTING) as string | undefined;
  const edited = row ? holidaysSchema.safeParse(JSON.parse(row)) : null;
  return edited?.success ? { days: edited.data, edited: true } : { days: shippedHolidays(ctx), edited: false };
}

/** The dates of the public holidays in force. */
export const holidayDates = (ctx: BackendContext): string[] => activeHolidays(ctx).days.map((h) => h.date);
