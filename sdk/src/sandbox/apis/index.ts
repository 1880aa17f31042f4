import type { SandboxApi } from '../types.js'

/** The APIs the sandbox serves, in the order `GET /` lists them. Each standard's module appends itself here. */
export const sandboxApis: readonly SandboxApi[] = []
