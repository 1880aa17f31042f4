import stringWidth from 'string-width'
import { msg } from '../messages/index.js'
import type { DemoDeparture, DemoResult, DemoStepData, DemoValidation } from '../services/demo.js'
import { cityTime } from '../services/dates.js'

const m = msg.demo

/** Colours a text in a hex colour (the AQI category's); the identity where colour is not wanted. */
export type Paint = (hex: string, text: string) => string

/** The lines a finished step shows, the same on the ink screen and in piped text. */
export function stepLines(done: DemoStepData, paint: Paint): string[] {
  switch (done.step) {
    case 'sandbox':
      return [m.sandboxLine(done.data.url, done.data.clock.now, done.data.clock.mode)]
    case 'air': {
      const width = Math.max(0, ...done.data.map((s) => stringWidth(s.name)))
      return done.data.map((s) => {
        const name = s.name + ' '.repeat(width - stringWidth(s.name))
        if (s.aqi === null) return `${name}  ${m.noAqi(s.reason ?? '')}`
        const value = String(s.aqi).padStart(3)
        return `${name}  ${s.color ? paint(s.color, `${value}  ${s.category ?? ''}`) : `${value}  ${s.category ?? ''}`}`
      })
    }
    case 'buses':
      if (done.data.departures.length === 0) return [`${done.data.stop.name}: ${m.noDepartures}`]
      return [`${done.data.stop.name} (${done.data.stop.id})`, ...done.data.departures.map((d) => `  ${m.departure(cityTime(d.expected ?? d.scheduled).slice(11), d.route, d.headsign, delayText(d))}`)]
    case 'grievance':
      return [m.grievanceLine(done.data.id, done.data.status, done.data.service), m.grievanceRead(cityTime(done.data.requested ?? undefined), done.data.address ?? '')]
    case 'validate':
      return [...validationLines(m.cleanLabel, done.data.clean), ...validationLines(m.brokenLabel, done.data.broken)]
  }
}

function delayText(d: DemoDeparture): string {
  if (d.cancelled) return m.cancelled
  if (!d.realtime || d.delaySeconds === null) return m.scheduledOnly
  const minutes = Math.round(d.delaySeconds / 60)
  if (minutes === 0) return m.onTime
  return minutes > 0 ? m.late(minutes) : m.early(-minutes)
}

function validationLines(label: string, v: DemoValidation): string[] {
  return [m.validationLine(label, v.file, v.valid, v.rows, v.errors, v.warnings), ...v.problems.map((p) => m.problemLine(p.code, p.count, p.example))]
}

/** "What to try next", as lines. */
export function nextLines(next: DemoResult['next']): string[] {
  const width = Math.max(0, ...next.map((n) => stringWidth(n.command)))
  return [`${m.nextTitle}:`, ...next.map((n) => `  ${n.command}${' '.repeat(width - stringWidth(n.command))}  ${n.why}`)]
}
