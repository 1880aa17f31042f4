import { createHash } from 'node:crypto'
import { zipSync } from 'fflate'
import type { GtfsFeed } from './load.js'

export interface StaticZip {
  bytes: Uint8Array
  /** Strong ETag: the SHA-256 of the bytes (quoted). */
  etag: string
  /** Whole seconds; the feed's own date (see `GtfsFeed.published`) at 00:00 UTC. */
  lastModified: Date
}

/**
 * The feed folder as a GTFS zip, byte for byte the same on every start and machine: files at the
 * root in name order, deflate level 9, each stamped with the feed's date. fflate writes DOS times
 * from the local fields of a Date, so the stamp is built from local fields too: the same
 * 00:00 of that date whatever the machine's zone.
 */
export function buildStaticZip(feed: GtfsFeed): StaticZip {
  let zip = built.get(feed)
  if (!zip) built.set(feed, (zip = build(feed)))
  return zip
}

// The feed object is itself cached per unchanged folder: sandboxes started by one process share the zip.
const built = new WeakMap<GtfsFeed, StaticZip>()

function build(feed: GtfsFeed): StaticZip {
  const p = feed.published
  const [y, m, d] = [Number(p.slice(0, 4)), Number(p.slice(4, 6)), Number(p.slice(6, 8))]
  const mtime = new Date(y, m - 1, d, 0, 0, 0)
  const entries: Record<string, [Uint8Array, { level: 9; mtime: Date }]> = {}
  for (const [name, bytes] of [...feed.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) entries[name] = [bytes, { level: 9, mtime }]
  const bytes = zipSync(entries)
  const etag = `"${createHash('sha256').update(bytes).digest('base64url')}"`
  return { bytes, etag, lastModified: new Date(Date.UTC(y, m - 1, d)) }
}

/** RFC 9110 §13.1.2: does an If-None-Match list match (weak comparison, as for GET/HEAD)? */
export function noneMatchHits(header: string, etag: string): boolean {
  if (header.trim() === '*') return true
  const opaque = etag.replace(/^W\//, '')
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === opaque)
}
