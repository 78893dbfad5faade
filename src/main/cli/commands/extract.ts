import type { Command } from 'commander';

// Filled in by the issue that delivers this command.
export function registerExtract(_program: Command): void {}
