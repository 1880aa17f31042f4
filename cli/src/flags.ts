import { Flags } from '@oclif/core'
import { msg } from './messages/index.js'

/** Where the city's APIs are and the key to use: every command that talks to them spreads these. */
export const apiFlags = {
  'api-url': Flags.string({ description: msg.flags.apiUrl, env: 'THANE_API_URL', helpGroup: 'API' }),
  'api-key': Flags.string({ description: msg.flags.apiKey, env: 'THANE_API_KEY', helpGroup: 'API' }),
}
