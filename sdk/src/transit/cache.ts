import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ApiError, NetworkError, TimeoutError } from '../errors.js'
import type { HttpClient } from '../http/client.js'

/** What is kept beside the cached zip. */
interface CacheMeta {
  url: string
  etag?: string
  lastModified?: string
  fetchedAt: string
}

/** Where a download came from: the network (`200`), a revalidated cache (`304`) or the cache after a failure. */
export type FeedOrigin = 'network' | 'not-modified' | 'cache-offline'

/** The folder of one URL's cache: `<cacheDir>/gtfs/<sha256 of the URL, 16 hex>/`. */
export function feedCacheDir(cacheDir: string, url: string): string {
  return join(cacheDir, 'gtfs', createHash('sha256').update(url).digest('hex').slice(0, 16))
}

/**
 * Downloads the static feed, revalidating a cached copy with If-None-Match / If-Modified-Since.
 * A 304 uses the cache; a network failure, a timeout or a 5xx with a cached copy uses it too.
 * A new download is cached only by `save()`, which the caller runs once the feed has loaded, so a
 * broken feed never replaces a good copy. Failing to write the cache is not an error.
 */
export async function downloadFeed(http: HttpClient, url: string, cacheDir: string): Promise<{ bytes: Uint8Array; origin: FeedOrigin; save: () => Promise<void> }> {
  const dir = feedCacheDir(cacheDir, url)
  const zipPath = join(dir, 'feed.zip')
  const metaPath = join(dir, 'meta.json')
  let meta: CacheMeta | undefined
  let cached: Uint8Array | undefined
  try {
    meta = JSON.parse(await readFile(metaPath, 'utf8')) as CacheMeta
    cached = new Uint8Array(await readFile(zipPath))
  } catch {
    meta = undefined
    cached = undefined
  }
  const headers: Record<string, string> = {}
  if (cached && meta?.etag) headers['if-none-match'] = meta.etag
  if (cached && meta?.lastModified) headers['if-modified-since'] = meta.lastModified

  let response
  try {
    response = await http.get(url, { responseType: 'buffer', headers })
  } catch (err) {
    const offline = err instanceof NetworkError || err instanceof TimeoutError || (err instanceof ApiError && err.status >= 500)
    if (cached && offline) return { bytes: cached, origin: 'cache-offline', save: async () => {} }
    throw err
  }
  if (response.status === 304 && cached) return { bytes: cached, origin: 'not-modified', save: async () => {} }

  const bytes = response.body
  const header = (name: string) => {
    const v = response.headers[name]
    return Array.isArray(v) ? v[0] : v
  }
  const next: CacheMeta = { url, fetchedAt: new Date().toISOString() }
  const etag = header('etag')
  const lastModified = header('last-modified')
  if (etag) next.etag = etag
  if (lastModified) next.lastModified = lastModified
  const save = async () => {
    try {
      await mkdir(dir, { recursive: true })
      // Write then rename, so a reader never sees half a zip.
      const tmp = `${zipPath}.${process.pid}.tmp`
      await writeFile(tmp, bytes)
      await rename(tmp, zipPath)
      await writeFile(metaPath, JSON.stringify(next, null, 2))
    } catch {
      // A read-only or full cache folder only costs the next run a download.
    }
  }
  return { bytes, origin: 'network', save }
}
