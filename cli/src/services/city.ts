import type { ThaneClient } from '@thanekit/sdk'

export interface CityOptions {
  /** Base URL of a host serving all three APIs; default: the SDK's resolution (env, config file, sandbox). */
  apiUrl?: string | undefined
  apiKey?: string | undefined
}

/** The SDK client for a command, loaded on first use so commands that never call an API never load got. */
export async function cityClient(options: CityOptions): Promise<ThaneClient> {
  const { createClient } = await import('@thanekit/sdk')
  return createClient({
    ...(options.apiUrl ? { baseUrl: options.apiUrl } : {}),
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
  })
}
