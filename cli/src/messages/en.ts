// Every user-facing string of the CLI, in English. A translation is another file of the same shape
// (`Messages`), picked in ./index.ts; command code only ever reads `msg.…`.
export const en = {
  flags: {
    debug: 'Show the full error with its stack trace when something goes wrong.',
    json: 'Print the result as JSON.',
    apiUrl: 'Base URL of the city APIs (all three at the sandbox paths). Default: the config file, else the sandbox at http://127.0.0.1:4100.',
    apiKey: 'API key for requests that need one (filing a grievance). The sandbox prints its development key when it starts.',
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
    interrupted: 'stopped; nothing was sent',
    missingFlag: (flag: string) => `missing ${flag}: pass it as a flag (thane asks for it only on a terminal)`,
  },
  grievances: {
    services: {
      summary: 'List the grievance service types the city accepts.',
      description: 'The Open311 service list: each service code with its name, group and whether it asks extra questions (a service definition).',
      examples: ['<%= config.bin %> grievances services', '<%= config.bin %> grievances services --json'],
      columns: { code: 'code', name: 'name', group: 'group', type: 'type', questions: 'questions' },
      questions: (has: boolean) => (has ? 'yes' : ''),
    },
    show: {
      summary: 'Show one grievance with its status and notes.',
      description: 'Reads one Open311 service request by its id.',
      examples: ['<%= config.bin %> grievances show 100234', '<%= config.bin %> grievances show 100234 --json'],
      id: 'The service request id.',
      labels: {
        id: 'id',
        status: 'status',
        service: 'service',
        ward: 'ward',
        requested: 'requested',
        updated: 'updated',
        expected: 'expected',
        agency: 'agency',
        address: 'address',
        location: 'location',
        notes: 'status notes',
        notice: 'notice',
        description: 'description',
        media: 'media',
      },
    },
    list: {
      summary: 'List grievances, newest first, with filters.',
      description:
        'Queries Open311 service requests. Without --from/--to the server applies the standard window: the most recent 90 days. Dates are days in Thane time (2026-07-01) or ISO 8601 date-times with a zone.',
      examples: [
        '<%= config.bin %> grievances list --status open',
        '<%= config.bin %> grievances list --service POTHOLE --service DRAINAGE --from 2026-07-01 --to 2026-07-14',
        '<%= config.bin %> grievances list --ward Kalwa --limit 100 --json',
      ],
      status: 'Only open or only closed requests.',
      service: 'Only these service codes (repeat the flag for several).',
      from: 'Requested on or after this day or date-time.',
      to: 'Requested on or before this day or date-time.',
      ward: 'Only this ward committee (a sandbox extension), e.g. Naupada-Kopri.',
      limit: 'Show at most this many.',
      columns: { id: 'id', status: 'status', service: 'service', ward: 'ward', requested: 'requested', address: 'address' },
      none: 'No grievances match.',
      count: (shown: number, limit: number) => `${shown} shown${shown === limit ? ` (the first ${limit}; raise --limit for more)` : ''}.`,
    },
    submit: {
      summary: 'File a grievance.',
      description:
        'Files an Open311 service request: a service code, a location (--lat and --lon, or --address, or --address-id), a description and the answers the service asks for (--attribute code=value). On a terminal, thane asks for what is missing; elsewhere every value comes from flags.',
      examples: [
        '<%= config.bin %> grievances submit --service POTHOLE --lat 19.1890 --lon 72.9710 --description "Deep pothole near the bus stop" --attribute depth_cm=15',
        '<%= config.bin %> grievances submit --service WATER_SUPPLY --address "Gokhale Road, Naupada, Thane" --attribute problem=low_pressure --json',
      ],
      service: 'Service code (see "thane grievances services").',
      lat: 'Latitude (WGS84), with --lon.',
      lon: 'Longitude (WGS84), with --lat.',
      address: 'A street address or landmark, instead of --lat/--lon.',
      addressId: 'An address id of the city, instead of --lat/--lon.',
      descriptionFlag: 'What is wrong, in any language (at most 4,000 characters).',
      attribute: 'An answer to a question of the service, as code=value (repeat for several; repeat a code for a multi-value list).',
      email: 'Your e-mail, if the city may contact you.',
      phone: 'Your phone number, if the city may contact you.',
      firstName: 'Your first name.',
      lastName: 'Your last name.',
      mediaUrl: 'URL of a photo of the problem.',
      idempotencyKey: 'A unique key for this submission: sending it again never files a second grievance, so it is safe to retry.',
      askService: 'Which service?',
      askAddress: 'Where is it? (street, landmark, area)',
      askDescription: 'Describe the problem:',
      askAttribute: (question: string) => question,
      filed: (id: string) => `Filed grievance ${id}. Follow it with "thane grievances show ${id}".`,
      queued: (token: string) => `The city queued your grievance with token ${token}; its id comes later.`,
      notice: (text: string) => `Notice from the city: ${text}`,
    },
    badDate: (flag: string, value: string) =>
      `--${flag} "${value}" is not a date; use a day such as 2026-07-01 or a date-time with its zone such as 2026-07-01T09:00+05:30`,
    badAttribute: (pair: string) => `--attribute "${pair}" is not code=value; write it like --attribute depth_cm=15`,
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
    apiKey: 'The only API key the sandbox accepts for filing grievances. Default: its development key, printed at start.',
    listening: (url: string) => `Thane sandbox listening on ${url}`,
    devKeyLine: (key: string) => `api key: ${key} (the development key; set your own with --api-key or THANE_API_KEY)`,
    ownKeyLine: 'api key: the one you gave (--api-key or THANE_API_KEY)',
    clockLine: (mode: string, now: string) => `clock: ${mode}, now ${now}`,
    dbLine: (path: string) => `database: ${path}`,
    stopHint: 'Press Ctrl-C to stop.',
    stopping: (signal: string) => `${signal} received; closing the sandbox.`,
    stopped: 'Sandbox stopped.',
  },
} as const

/** The shape every translation of the catalogue must have. */
export type Messages = typeof en
