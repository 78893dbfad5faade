// Numbered migrations, applied in order inside one transaction each and tracked by PRAGMA user_version.
// Append only: never edit a migration that has shipped.
import { migration001 } from './001-foundation';
import { migration002 } from './002-documents';
import { migration003 } from './003-records';
import { migration004 } from './004-extraction';
import { migration005 } from './005-document-regions';
import { migration006 } from './006-accounts-audit';
import { migration007 } from './007-import-undo';
import { migration008 } from './008-flag-params';
import { migration009 } from './009-record-comparisons';
import { migration010 } from './010-case-letters';
import { migration011 } from './011-dashboard';
import type { SqliteDb } from '../database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A step SQL cannot do (hashing), run after `sql` in the same transaction. */
  run?: (db: SqliteDb) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
