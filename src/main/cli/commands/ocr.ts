import type { Command } from 'commander';

// Filled in by the issue that delivers this command.
export function registerOcr(_program: Command): void {}
