// The back end's shared state for one data folder: database, events, clock, long-lived services.
// Who is calling is not state: every call carries its caller (src/main/auth/caller.ts).
import crypto from 'node:crypto';
import path from 'node:path';
import { appendAudit } from './audit/chain';
import { actorOf, type Caller } from './auth/caller';
import { checkedAddress, DATABASE_FILE, dialectOf, openDatabase, openPostgres, type Db, type Dialect, type OpenOptions } from './db/database';
import { chooseStore, type StoreChoice } from './db/store-setting';
import { eventSchemas, type AppEvent } from '../shared/api/events';
import { PgDb } from './db/postgres';
import { EventBus } from './events';

export type Transport = 'electron' | 'browser' | 'cli';

export interface ContextOptions extends OpenOptions {
  home: string;
  transport: Transport;
  /** The time, injectable so tests can pass an idle timeout or a lockout without waiting. */
  clock?: () => Date;
  /** A branch's PostgreSQL (postgres://…); without it, CLAIMDESK_DATABASE, else the address saved in
   * Settings (store.json in the data folder), else the data folder's SQLite file. */
  database?: string;
}

export class BackendContext {
  readonly db: Db;
  readonly events = new EventBus();
  /** The SQLite file of the data folder (used only when the store is not on PostgreSQL). */
  readonly databaseFile: string;
  readonly dialect: Dialect;
  /** What chose the store: the start's option or environment, Settings, or nothing (the embedded file). */
  readonly storeChoice: StoreChoice;
  private readonly services = new Map<string, unknown>();
  private readonly disposers: (() => Promise<void> | void)[] = [];

  constructor(readonly options: ContextOptions) {
    this.databaseFile = path.join(options.home, DATABASE_FILE);
    const choice = chooseStore(options.database, process.env, options.home);
    this.storeChoice = choice.by;
    const address = choice.address === null ? null : checkedAddress(choice.address);
    this.db = address ? openPostgres(address) : openDatabase(this.databaseFile, options);
    this.dialect = dialectOf(this.db);
    if (this.db instanceof PgDb) this.shareEvents(this.db);
  }

  /** On a shared store, what changes on one desk reaches the screens of every other desk (LISTEN/NOTIFY). */
  private shareEvents(db: PgDb): void {
    const from = crypto.randomUUID();
    db.listen((payload) => {
      let message: { from?: string; event?: AppEvent };
      try {
        message = JSON.parse(payload) as typeof message;
      } catch {
        return;
      }
      const event = message.event;
      if (message.from === from || !event || !(event.name in eventSchemas)) return;
      const parsed = eventSchemas[event.name].safeParse(event.payload);
      if (parsed.success) this.events.deliver({ name: event.name, payload: parsed.data } as AppEvent);
    });
    this.events.relay = (event) => {
      try {
        db.notify(JSON.stringify({ from, event }));
      } catch {
        // Other desks miss one screen refresh; the change itself is saved.
      }
    };
  }

  /** Where the cases are kept, as people are shown it: the SQLite file, or the server's address without its password. */
  get storeLabel(): string {
    return this.db instanceof PgDb ? this.db.target.shown : this.databaseFile;
  }

  get home(): string {
    return this.options.home;
  }

  now(): Date {
    return this.options.clock?.() ?? new Date();
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

  /** Appends to the hash-chained audit trail; call it inside the transaction that makes the change. */
  audit(caller: Caller, action: string, detail: unknown, caseId: number | null = null): void {
    appendAudit(this.db, { at: this.now().toISOString(), ...actorOf(caller), action, caseId, detail });
  }

  async close(): Promise<void> {
    for (const dispose of this.disposers.reverse()) await dispose();
    this.disposers.length = 0;
    this.services.clear();
    this.db.close();
  }
}
