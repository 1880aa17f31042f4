import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadGtfs, type GtfsFeed } from '../src/index.js'

// The bundled synthetic TMT feed (datasets/transit/gtfs), loaded the way any agency's folder is.
const FOLDER = join(import.meta.dirname, '..', '..', 'datasets', 'transit', 'gtfs')

let feed: GtfsFeed
beforeAll(async () => {
  feed = await loadGtfs(FOLDER)
})

describe('the bundled Thane feed', () => {
  it('loadGtfs: loads and indexes the bundled TMT feed in Asia/Kolkata', () => {
    expect(feed.timezone).toBe('Asia/Kolkata')
    expect(feed.counts.stopTimes).toBeGreaterThan(10_000)
    expect(feed.routes().length).toBeGreaterThan(5)
  })

  it('searchStops and stopsNear: Thane Station by its English and Marathi names and by position', () => {
    const [station] = feed.searchStops('thane station')
    expect(station?.name).toMatch(/^Thane Station/)
    expect(station?.nameMr).toBeTruthy()
    expect(feed.searchStops(station!.nameMr!).map((s) => s.stopId)).toContain(station!.stopId)
    expect(feed.stopsNear({ lat: station!.lat, lon: station!.lon }, 300)[0]?.distanceMetres).toBe(0)
  })

  it('departures: a Tuesday morning at Thane Station gives the next buses in order', () => {
    const at = new Date('2026-07-14T09:00+05:30')
    const [station] = feed.searchStops('thane station')
    const ds = feed.departures(station!.stopId, { at, limit: 10 })
    expect(ds).toHaveLength(10)
    expect(ds.every((d) => d.scheduled >= at && d.serviceDate === '20260714')).toBe(true)
    expect(ds.map((d) => d.scheduled.getTime())).toEqual(ds.map((d) => d.scheduled.getTime()).sort((a, b) => a - b))
  })
})
