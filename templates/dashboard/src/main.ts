// The page: fetches the dev server's /api views (server/api.ts) and draws them. DOM only, no framework.
import { checkGrievance, type AirCard, type DepartureRow, type GaugeView } from './data.js'

const REFRESH_MS = 60_000

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`/api${path}`, init)
  const body = (await res.json()) as T & { error?: string }
  if (!res.ok) throw new Error(body.error ?? `${path} answered ${res.status}`)
  return body
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.textContent = text
  if (className) node.className = className
  return node
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id)
  if (!node) throw new Error(`index.html has no #${id}`)
  return node as T
}

function drawAir(cards: AirCard[]): void {
  byId('air').replaceChildren(
    ...cards.map((card) => {
      const box = el('article', '', 'card')
      box.style.background = card.color
      box.style.color = card.textColor
      box.append(el('h3', card.name), el('p', card.ward, 'ward'), el('p', card.aqi === null ? '–' : String(card.aqi), 'aqi'), el('p', card.category, 'category'))
      box.append(el('p', card.aqi === null ? (card.reason ?? '') : `mostly ${card.dominant.join(', ')}`, 'detail'))
      return box
    }),
  )
}

function drawFloods(gauges: GaugeView[]): void {
  byId('floods').replaceChildren(
    ...gauges.map((g) => {
      const box = el('article', '', `gauge ${g.status.replace(/ /g, '-')}`)
      const bar = el('div', '', 'bar')
      const fill = el('div', '', 'fill')
      fill.style.width = `${g.fillPercent}%`
      const mark = el('div', '', 'threshold')
      mark.style.left = `${Math.min(100, (g.thresholdM / g.dangerM) * 100)}%`
      bar.append(fill, mark)
      const level = g.levelM === null ? 'no reading' : `${g.levelM.toFixed(2)} m`
      box.append(el('h3', g.name), el('p', `${g.waterBody} · ${g.ward}`, 'ward'), bar, el('p', `${level} — ${g.status} (warning ${g.thresholdM} m, danger ${g.dangerM} m)`))
      return box
    }),
  )
}

async function drawDepartures(stop: string): Promise<void> {
  const { stop: found, rows } = await api<{ stop: { name: string; nameMr?: string }; rows: DepartureRow[] }>(`/departures?stop=${encodeURIComponent(stop)}`)
  byId('buses-title').textContent = `Next buses from ${found.name}${found.nameMr ? ` (${found.nameMr})` : ''}`
  const body = byId<HTMLTableElement>('departures').tBodies[0]!
  body.replaceChildren(
    ...(rows.length === 0
      ? [el('tr', 'No more departures today.')]
      : rows.map((r) => {
          const tr = el('tr')
          tr.append(el('td', r.route), el('td', r.headsign), el('td', r.leaves), el('td', r.status))
          return tr
        })),
  )
}

async function setUpGrievanceForm(): Promise<void> {
  const services = await api<{ code: string; name: string }[]>('/services')
  byId<HTMLSelectElement>('service').replaceChildren(el('option', 'Choose…'), ...services.map((s) => Object.assign(el('option', s.name), { value: s.code })))
  byId<HTMLOptionElement>('service').querySelector('option')!.value = ''
  const form = byId<HTMLFormElement>('grievance-form')
  const result = byId('grievance-result')
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const data = new FormData(form)
    const input = { serviceCode: String(data.get('serviceCode') ?? ''), description: String(data.get('description') ?? ''), lat: Number(data.get('lat')), lon: Number(data.get('lon')) }
    const errors = Object.values(checkGrievance(input))
    if (errors.length > 0) {
      result.textContent = errors.join(' ')
      return
    }
    result.textContent = 'Filing…'
    api<{ id: string | null; token: string | null }>('/grievances', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }).then(
      (filed) => {
        result.textContent = filed.id ? `Filed as request ${filed.id}. Thank you!` : `Received; follow it with token ${filed.token ?? '(none)'}.`
        form.reset()
      },
      (err: unknown) => (result.textContent = `Not filed: ${(err as Error).message}`),
    )
  })
}

async function refresh(stop: string): Promise<void> {
  const status = byId('status')
  const results = await Promise.allSettled([api<AirCard[]>('/air').then(drawAir), api<GaugeView[]>('/floods').then(drawFloods), drawDepartures(stop)])
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
  status.textContent = failed.length === 0 ? `Updated ${new Date().toLocaleTimeString()}` : `Some panels failed: ${failed.map((f) => (f.reason as Error).message).join('; ')}`
}

const { defaultStop } = await api<{ defaultStop: string }>('/settings')
let stop = defaultStop
byId<HTMLInputElement>('stop').value = stop
byId<HTMLFormElement>('stop-form').addEventListener('submit', (event) => {
  event.preventDefault()
  stop = byId<HTMLInputElement>('stop').value.trim() || defaultStop
  void refresh(stop)
})
void setUpGrievanceForm().catch((err: unknown) => (byId('grievance-result').textContent = (err as Error).message))
await refresh(stop)
setInterval(() => void refresh(stop), REFRESH_MS)
