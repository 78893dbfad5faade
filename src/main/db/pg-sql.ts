// The few differences between the SQL the back end writes (SQLite's) and PostgreSQL's, bridged where a
// statement is prepared: `?` and `@name` parameters become `$n`; an alias in camelCase keeps its case;
// LIKE stays case-insensitive; INSERT OR IGNORE becomes ON CONFLICT DO NOTHING; an INSERT into a table
// with an `id` returns it (SQLite's lastInsertRowid). Anything else that differs is written per store
// where it is used (`db.dialect`), so this stays a list of spellings, not a dialect layer.

export interface PgStatementText {
  text: string;
  /** For `@name` parameters: the name of each `$n`, in order; null when the statement uses `?`. */
  names: string[] | null;
  /** Whether the statement returns the new row's id (an INSERT into a table with one). */
  returnsId: boolean;
}

type Token = { kind: 'word' | 'string' | 'quoted' | 'space' | 'other'; text: string };

function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    let j = i + 1;
    let kind: Token['kind'] = 'other';
    if (c === "'" || c === '"') {
      // A quote inside is doubled ('it''s'); the token ends at the first single closing quote.
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      j++;
      kind = c === "'" ? 'string' : 'quoted';
    } else if (c === '-' && sql[i + 1] === '-') {
      while (j < sql.length && sql[j] !== '\n') j++;
      kind = 'space';
    } else if (/\s/.test(c)) {
      while (j < sql.length && /\s/.test(sql[j]!)) j++;
      kind = 'space';
    } else if (/[A-Za-z_@]/.test(c)) {
      while (j < sql.length && /[A-Za-z0-9_]/.test(sql[j]!)) j++;
      kind = 'word';
    }
    out.push({ kind, text: sql.slice(i, j) });
    i = j;
  }
  return out;
}

/** Rewrites one statement; `idTables` are the tables whose rows have an integer `id`. */
export function toPostgres(sql: string, idTables: ReadonlySet<string>): PgStatementText {
  const tokens = tokenize(sql);
  const words = tokens.filter((t) => t.kind === 'word').map((t) => t.text.toUpperCase());
  const names: string[] = [];
  let positional = 0;
  let orIgnore = false;
  let insertTable: string | null = null;
  const out: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const upper = t.text.toUpperCase();
    const prevWord = (): Token | undefined => {
      for (let n = k - 1; n >= 0; n--) if (tokens[n]!.kind !== 'space') return tokens[n];
      return undefined;
    };
    if (t.kind === 'other' && t.text === '?') {
      out.push(`$${++positional}`);
    } else if (t.kind === 'word' && t.text.startsWith('@')) {
      const name = t.text.slice(1);
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      out.push(`$${index + 1}`);
    } else if (t.kind === 'word' && upper === 'LIKE') {
      out.push('ILIKE');
    } else if (t.kind === 'word' && upper === 'OR' && prevWord()?.text.toUpperCase() === 'INSERT') {
      // INSERT OR IGNORE: the OR and the IGNORE are dropped, the conflict clause added at the end.
      const next = tokens.slice(k + 1).find((x) => x.kind !== 'space');
      if (next?.text.toUpperCase() !== 'IGNORE') throw new Error(`Only INSERT OR IGNORE is supported on PostgreSQL: ${sql}`);
      orIgnore = true;
      k = tokens.indexOf(next, k + 1);
      while (tokens[k + 1]?.kind === 'space') k++;
    } else if (t.kind === 'word' && /[A-Z]/.test(t.text) && /[a-z]/.test(t.text) && prevWord()?.text.toUpperCase() === 'AS') {
      out.push(`"${t.text}"`);
    } else {
      out.push(t.text);
    }
    if (t.kind === 'word' && upper === 'INTO' && insertTable === null && words[0] === 'INSERT') {
      const table = tokens.slice(k + 1).find((x) => x.kind !== 'space');
      insertTable = table ? table.text.replace(/"/g, '').toLowerCase() : null;
    }
  }
  let text = out.join('').trim().replace(/;$/, '');
  const hasReturning = words.includes('RETURNING');
  if (orIgnore) text = hasReturning ? text.replace(/\bRETURNING\b/i, 'ON CONFLICT DO NOTHING RETURNING') : `${text} ON CONFLICT DO NOTHING`;
  const returnsId = words[0] === 'INSERT' && !hasReturning && insertTable !== null && idTables.has(insertTable);
  if (returnsId) text = `${text} RETURNING id`;
  return { text, names: names.length ? names : null, returnsId };
}
