// The `claimdesk` command line: every command takes --home and --json (docs/contract.md §6).
//
// Commands are loaded when called: only the module of the command being run is imported (with what it
// needs), so `claimdesk --help` loads none and `claimdesk info` loads no OCR, image or PDF code. The
// others are listed by name and summary for the help.
import { Command, CommanderError } from 'commander';
import { CliExit, EXIT, EXIT_CODES_HELP, failWith } from './output';

interface CommandEntry {
  name: string;
  summary: string;
  /** Adds the command's arguments, options, subcommands and action to the command made from this entry. */
  load: () => Promise<{ register: (cmd: Command) => void }>;
}

const COMMANDS: CommandEntry[] = [
  { name: 'info', summary: 'show version, data folder, database schema and OCR languages', load: () => import('./commands/info') },
  { name: 'demo', summary: 'seed an empty data folder with synthetic participants and sample claim cases', load: () => import('./commands/demo') },
  {
    name: 'ocr',
    summary: 'read scanned documents offline (PDF, JPEG, PNG, TIFF) and print each page’s words, boxes and quality',
    load: () => import('./commands/ocr'),
  },
  {
    name: 'extract',
    summary: 'read files (PDF, JPEG, PNG, TIFF), classify their pages and extract the contract fields',
    load: () => import('./commands/extract'),
  },
  { name: 'participants', summary: 'participant records', load: () => import('./commands/participants') },
  {
    name: 'verify',
    summary: 'open a case, read and extract its files, cross-check them and print flags and checklist',
    load: () => import('./commands/verify'),
  },
  {
    name: 'serve',
    summary: 'start browser mode (http://127.0.0.1 with a per-start token) or, with TLS, a branch server for desks on the network',
    load: () => import('./commands/serve'),
  },
  { name: 'users', summary: 'accounts (the command line acts as the local system operator)', load: () => import('./commands/users') },
  { name: 'audit', summary: 'the audit trail', load: () => import('./commands/audit') },
  {
    name: 'backup',
    summary: 'back up the data folder (database and documents, with SHA-256s), safe while the app runs',
    load: () => import('./commands/backup'),
  },
  {
    name: 'restore',
    summary: 'restore a backup into the data folder after checking it; the folder it replaces is kept aside',
    load: () => import('./commands/restore'),
  },
  {
    name: 'migrate-store',
    summary: "copy the data folder's embedded database and documents into an empty PostgreSQL store, verified before it commits",
    load: () => import('./commands/migrate-store'),
  },
  { name: 'export', summary: 'data for reporting upward, as CSV (decisions, dashboard tables)', load: () => import('./commands/export') },
];

/** The command named on the line (after the global options), or null for none (`--help`, nothing). */
export function calledCommand(args: string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--home' || a === '--database') i++;
    else if (a === 'help') return args[i + 1] ?? null;
    else if (!a.startsWith('-')) return a;
  }
  return null;
}

/** The program with every command listed; `load` names the command to load fully ('all': every one). */
export async function buildProgram(load: string | null): Promise<Command> {
  const program = new Command('claimdesk')
    .description('ClaimDesk: claim-dossier verification for BPJS Ketenagakerjaan branch officers')
    .option('--home <dir>', 'data folder (default: CLAIMDESK_HOME or the platform data folder)')
    .option('--database <url>', "the branch's PostgreSQL (postgres://…; default: CLAIMDESK_DATABASE, else the data folder's SQLite file)")
    .option('--json', 'print one JSON object instead of text')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    // The store's address travels in the environment, so a back end `serve` starts finds the same store.
    .hook('preAction', (cmd) => {
      const database = cmd.opts<{ database?: string }>().database;
      if (database) process.env.CLAIMDESK_DATABASE = database;
    });
  // A name that is no command loads them all, so commander answers with its usual error and suggestion.
  const all = load === 'all' || (load !== null && !COMMANDS.some((c) => c.name === load));
  for (const entry of COMMANDS) {
    const cmd = program.command(entry.name).description(entry.summary);
    if (all || entry.name === load) (await entry.load()).register(cmd);
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(calledCommand(argv.slice(2)));
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CliExit) return err.exitCode;
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    try {
      failWith(program.opts(), err);
    } catch (exit) {
      if (exit instanceof CliExit) return exit.exitCode;
    }
    return EXIT.internal;
  }
}
