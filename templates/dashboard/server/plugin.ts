import { createClient } from '@thanekit/sdk'
import type { Plugin } from 'vite'
import { createApiMiddleware } from './api.js'

/** Serves /api (server/api.ts) from `vite` and `vite preview`, with a client built from `env`. */
export function thaneApi(env: Record<string, string>): Plugin {
  const middleware = () =>
    createApiMiddleware(createClient({ env: { ...process.env, ...env } }), { defaultStop: env.THANE_STOP || 'Thane Station' })
  return {
    name: 'thane-api',
    configureServer: (server) => void server.middlewares.use('/api', middleware()),
    configurePreviewServer: (server) => void server.middlewares.use('/api', middleware()),
  }
}
