// The back end's shared state for one data folder: database, events, operator, long-lived services.
import path from 'node:path';
import type { Operator } from '../shared/api/roles';
import { operatorSchema } from '../shared/api/roles';
import { DATABASE_FILE, openDatabase, type Db, type OpenOptions } from './db/database';
import { EventBus } from './events';

export type Transport = 'electron' | 'browser' | 'cli';

export interface ContextOptions extends OpenOptions {
  home: string;
  transport: Transport;
}

export class BackendContext {
  readonly db: Db;
  readonly events = new EventBus();
  readonly databaseFile: string;
  private readonly services = new Map<string, unknown>();
  private readonly disposers: (() => Promise<void> | void)[] = [];

  constructor(readonly options: ContextOptions) {
    this.databaseFile = path.join(options.home, DATABASE_FILE);
    this.db = openDatabase(this.databaseFile, options);
  }

  get home(): string {
    return this.options.home;
  }

  /** A long-lived service (OCR pool, …) created once on first use and disposed on close. */
  service<T>(key: string, create: () => T, dispose?: (value: T) => Promise<void> | void): T {
    if (!this.services.has(key)) {
      const value = create();
      this.services.set(key, value);
      if (dispose) this.disposers.push(() => dispose(value));
    }
    return this.services.get(key) as T;
  }

  operator(): Operator {
    const row = this.db.prepare(`SELECT value FROM settings WHERE key = 'operator'`).get() as
      | { value: string }
      | undefined;
    const parsed = row ? operatorSchema.safeParse(JSON.parse(row.value)) : undefined;
    return parsed?.success ? parsed.data : { name: 'petugas', role: 'officer' };
  }

  setOperator(op: Operator): void {
    this.db
      .prepare(`INSERT INTO settings(key, value) VALUES ('operator', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
      .run(JSON.stringify(op));
  }

  audit(action: string, detail: unknown, caseId: number | null = null): void {
    const op = this.operator();
    this.db
      .prepare(`INSERT INTO audit_log(at, actor, role, action, case_id, detail) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(new Date().toISOString(), op.name, op.role, action, caseId, JSON.stringify(detail ?? null));
  }

  async close(): Promise<void> {
    for (const dispose of this.disposers.reverse()) await dispose();
    this.disposers.length = 0;
    this.services.clear();
    this.db.close();
  }
}
