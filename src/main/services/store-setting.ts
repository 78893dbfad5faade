// Settings → "Basis data cabang": which store this desk works on, and the administrator's choice for
// its next start (src/main/db/store-setting.ts keeps it). Saving is audited in the store in use, with
// the addresses as shown (never a password).
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { StoreSetting } from '../../shared/api/methods-settings';
import type { Caller } from '../auth/caller';
import type { BackendContext } from '../context';
import { checkedAddress } from '../db/database';
import { parsePgUrl, PgDb, type PgTarget } from '../db/postgres';
import { probeStore, savedStoreAddress, saveStoreAddress, withPassword, type StoreProbe } from '../db/store-setting';

/** What names one store: the server, database, user and schema (not the password or other options). */
function storeKey(t: PgTarget): string {
  const u = new URL(t.url);
  return `${u.username}@${u.host}${u.pathname}#${t.schema}`;
}

function embeddedCases(ctx: BackendContext): number | null {
  if (ctx.dialect === 'sqlite') return ctx.db.prepare(`SELECT count(*) FROM cases`).pluck().get() as number;
  if (!fs.existsSync(ctx.databaseFile)) return null;
  const db = new Database(ctx.databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT count(*) FROM cases`).pluck().get() as number;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

export function storeSetting(ctx: BackendContext): StoreSetting {
  const saved = savedStoreAddress(ctx.home);
  const current = ctx.db instanceof PgDb ? ctx.db : null;
  // The start's own choice wins over Settings, so saving there changes nothing until it is removed.
  const onSaved = saved === null ? current === null : current !== null && storeKey(parsePgUrl(saved)) === storeKey(current.target);
  const restartNeeded = ctx.storeChoice !== 'environment' && !onSaved;
  return {
    current: { kind: ctx.dialect, shown: ctx.storeLabel },
    chosenBy: ctx.storeChoice,
    saved: saved === null ? null : parsePgUrl(saved).shown,
    restartNeeded,
    embeddedCases: embeddedCases(ctx),
  };
}

export function setStore(
  ctx: BackendContext,
  caller: Caller,
  input: { address: string | null; password?: string | undefined },
): StoreSetting & { found: StoreProbe | null } {
  const before = savedStoreAddress(ctx.home);
  const next = input.address === null ? null : withPassword(checkedAddress(input.address), input.password, before);
  const found = next === null ? null : probeStore(next);
  saveStoreAddress(ctx.home, next);
  ctx.db.transaction(() =>
    ctx.audit(caller, 'settings.store', {
      old: before === null ? null : parsePgUrl(before).shown,
      new: next === null ? null : parsePgUrl(next).shown,
    }),
  )();
  return { ...storeSetting(ctx), found };
}
