/** Exit codes of every `thane` command. Scripts and CI depend on them; never change a value. */
export const ExitCode = {
  /** Everything went as asked. */
  Ok: 0,
  /** The command ran, and the check it made found problems (invalid data, a failed exercise, a failed doctor check). */
  CheckFailed: 1,
  /** Bad usage or input that cannot be read: unknown flag or command, unreadable file, a port in use, a server that cannot be reached. */
  Usage: 2,
  /** The user stopped the command (Ctrl-C at a prompt), as shells report SIGINT. */
  Interrupted: 130,
  /** A bug in Thane Kit itself (sysexits' EX_SOFTWARE). */
  Internal: 70,
} as const

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]
