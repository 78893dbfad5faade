// Every contract method must say who may call it. The type of `defineMethods` already requires `allow`;
// this check also holds at run time (a table assembled by hand, a cast), and the contract test runs it.
import { PRINCIPALS } from './roles';

/** Only these methods may be called without signing in. */
export const PUBLIC_METHODS = ['auth.status', 'auth.setup', 'auth.signIn', 'auth.signOut'] as const;

/** Problems with the methods' access declarations: none means every method declares valid callers. */
export function accessProblems(table: Record<string, object>): string[] {
  const problems: string[] = [];
  for (const [name, def] of Object.entries(table)) {
    const allow = (def as { allow?: unknown }).allow;
    if (!Array.isArray(allow) || allow.length === 0) {
      problems.push(`${name}: declares no callers (allow)`);
      continue;
    }
    for (const p of allow) if (!(PRINCIPALS as readonly unknown[]).includes(p)) problems.push(`${name}: unknown caller ${String(p)}`);
    if (allow.includes('anyone') && !(PUBLIC_METHODS as readonly string[]).includes(name)) problems.push(`${name}: open to anyone but not a sign-in method`);
  }
  return problems;
}
