// The `claimdesk` command line: every command takes --home and --json (docs/contract.md §6).
import { Command, CommanderError } from 'commander';
import { registerAudit } from './commands/audit';
import { registerDemo } from './commands/demo';
import { registerExtract } from './commands/extract';
import { registerInfo } from './commands/info';
import { registerOcr } from './commands/ocr';
import { registerParticipants } from './commands/participants';
import { registerServe } from './commands/serve';
import { registerUsers } from './commands/users';
import { registerVerify } from './commands/verify';
import { CliExit, failWith } from './output';

export function buildProgram(): Command {
  const program = new Command('claimdesk')
    .description('ClaimDesk: claim-dossier verification for BPJS Ketenagakerjaan branch officers')
    .option('--home <dir>', 'data folder (default: CLAIMDESK_HOME or the platform data folder)')
    .option('--json', 'print one JSON object instead of text')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of [registerInfo, registerDemo, registerOcr, registerExtract, registerParticipants, registerVerify, registerServe, registerUsers, registerAudit]) {
    register(program);
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CliExit) return err.exitCode;
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    try {
      failWith(program.opts(), err);
    } catch (exit) {
      if (exit instanceof CliExit) return exit.exitCode;
    }
    return 1;
  }
}
