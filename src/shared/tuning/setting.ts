// The form of a tuned number: its value and what it was measured on (see index.ts).

export interface Setting {
  value: number;
  measuredOn: string;
}

export const TUNING: Record<string, Record<string, Setting>> = {};

export function section<T extends Record<string, Setting>>(name: string, table: T): { readonly [K in keyof T]: number } {
  TUNING[name] = table;
  return Object.fromEntries(Object.entries(table).map(([k, s]) => [k, s.value])) as { [K in keyof T]: number };
}

export const DEVSET = 'dev set (npm run bench -- devset)';
