// The demo's accounts, one of each role, and how a terminal shows them (printed once, when created).
import type { Role } from '../../shared/api/roles';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

/** The demo accounts as a terminal shows them: printed once, when they are created. */
export function describeAccounts(accounts: DemoAccount[]): string {
  if (accounts.length === 0) return '';
  return [
    'Demo accounts (shown once; an administrator can reset them, or run "claimdesk users reset-password NAME"):',
    ...accounts.map((a) => `    ${a.role.padEnd(10)} user name: ${a.username.padEnd(12)} password: ${a.password}`),
  ].join('\n');
}
