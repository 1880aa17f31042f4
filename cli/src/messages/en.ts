// Every user-facing string of the CLI, in English. A translation is another file of the same shape
// (`Messages`), picked in ./index.ts; command code only ever reads `msg.…`.
export const en = {
  flags: {
    debug: 'Show the full error with its stack trace when something goes wrong.',
    json: 'Print the result as JSON.',
  },
  errors: {
    prefix: 'Error',
    seeHelp: (command: string) => `See "thane ${command} --help".`,
    bug: (message: string) =>
      `unexpected error: ${message}. This is a bug in Thane Kit; please report it with the output of the same command run with --debug.`,
    unknownCommand: (typed: string, suggestion: string | undefined) =>
      `"${typed}" is not a thane command.` +
      (suggestion ? ` Did you mean "thane ${suggestion}"?` : '') +
      ' Run "thane --help" to see every command.',
    apiUnreachable: (url: string) => `${url} cannot be reached; start the sandbox with "thane sandbox" or check THANE_API_URL`,
  },
  help: {
    summary: 'Show help for thane or for one of its commands.',
    command: 'The command to show help for, e.g. "sandbox".',
    examples: ['<%= config.bin %> help', '<%= config.bin %> help sandbox'],
  },
  doctor: {
    summary: 'Check that this machine is ready for Thane Kit.',
    description:
      'Checks the Node.js version, that the configuration resolves, that the sandbox port is free or a Thane sandbox answers there, and that the cache folder is writable. Exits 1 when a check fails.',
    examples: ['<%= config.bin %> doctor', '<%= config.bin %> doctor --json'],
    port: 'Sandbox port to check.',
    columns: { check: 'check', status: 'status', detail: 'detail' },
    status: { ok: 'ok', warn: 'warn', fail: 'FAIL' },
    checks: {
      node: 'Node.js',
      config: 'configuration',
      port: 'sandbox port',
      cache: 'cache folder',
    },
    nodeOk: (version: string, required: string) => `${version} (needs ${required} or newer)`,
    nodeOld: (version: string, required: string) => `${version} is older than ${required}; install Node.js 24 LTS`,
    configOk: (baseUrl: string, source: string, file: string | undefined) =>
      `API at ${baseUrl} (from ${source}${file ? `; config file ${file}` : ''})`,
    portFree: (hostPort: string) => `${hostPort} is free for "thane sandbox"`,
    portSandbox: (url: string, version: string) => `a Thane sandbox ${version} answers at ${url}`,
    portBusy: (hostPort: string) => `${hostPort} is used by something that is not a Thane sandbox; stop it or run "thane sandbox --port <another>"`,
    cacheOk: (dir: string) => `${dir} is writable`,
    cacheFail: (dir: string, reason: string) => `${dir} is not writable (${reason}); set THANE_CACHE_DIR to a folder you own`,
    summaryOk: 'Everything is ready.',
    summaryFail: (n: number) => `${n} check${n === 1 ? '' : 's'} failed.`,
  },
  sandbox: {
    summary: 'Run the local city API (sensors, transit, grievances) on this machine.',
    description:
      'Serves the bundled Thane sample data through the open standards the SDK speaks, on loopback by default, until Ctrl-C. The clock is live unless --clock fixes it, so workshops and tests see the same city every time.',
    examples: [
      '<%= config.bin %> sandbox',
      '<%= config.bin %> sandbox --port 0',
      '<%= config.bin %> sandbox --clock 2026-07-14T09:00+05:30 --db :memory:',
    ],
    port: 'Port to listen on (0 picks a free one).',
    host: 'Address to listen on. Keep the default loopback unless others on your network must reach it.',
    clock: 'Fix the sandbox clock at this instant (ISO 8601 with offset, e.g. 2026-07-14T09:00+05:30). Default: live.',
    db: 'SQLite file where the sandbox keeps what it stores; ":memory:" keeps nothing. Default: sandbox.sqlite in the Thane data folder ($THANE_DATA_DIR, else $XDG_DATA_HOME/thane, else ~/.local/share/thane).',
    listening: (url: string) => `Thane sandbox listening on ${url}`,
    clockLine: (mode: string, now: string) => `clock: ${mode}, now ${now}`,
    dbLine: (path: string) => `database: ${path}`,
    stopHint: 'Press Ctrl-C to stop.',
    stopping: (signal: string) => `${signal} received; closing the sandbox.`,
    stopped: 'Sandbox stopped.',
  },
} as const

/** The shape every translation of the catalogue must have. */
export type Messages = typeof en
