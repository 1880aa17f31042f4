/**
 * The problems deliberately injected into the sensor data: outages (gaps), stuck sensors, spikes and
 * a smart-meter reset. Written to faults.json as the ground truth an analyst should find.
 *
 * Times are IST wall-clock readings at the stream's own interval; `from` and `to` are the first and
 * last affected reading, both included. A gap's readings are missing; a stuck run repeats the last
 * good reading (the one just before `from`); a spike is one reading (`from` = `to`) replaced by
 * `value`; a meter reset is the first reading of the new register (`from` = `to`), lower than the one
 * before it.
 */
export type FaultKind = 'stuck' | 'spike' | 'gap' | 'meter-reset'

export interface FaultPlan {
  kind: FaultKind
  /** Station code of the Thing. */
  station: string
  /** Stream key within the Thing (`pm25`, `vehicle_count:car`), or '*' for every stream of the Thing. */
  stream: string
  /** `YYYY-MM-DDTHH:MM` IST. */
  from: string
  to: string
  note: string
  /** The spike's reading. */
  value?: number
}

export const FAULTS: readonly FaultPlan[] = [
  // Outages
  { kind: 'gap', station: 'AQ-04', stream: '*', from: '2026-07-09T02:00', to: '2026-07-09T15:45', note: 'Power cut at the Kalwa station: every analyser offline for 14 hours.' },
  { kind: 'gap', station: 'LK-07', stream: '*', from: '2026-07-20T00:00', to: '2026-07-20T23:00', note: 'Kausa Talao buoy battery flat: no readings for a whole day.' },
  { kind: 'gap', station: 'FG-05', stream: 'water_level', from: '2026-07-16T10:00', to: '2026-07-16T14:55', note: 'Wagle Estate nallah gauge lost its mobile link for 5 hours.' },
  { kind: 'gap', station: 'TR-06', stream: '*', from: '2026-07-24T06:00', to: '2026-07-24T11:45', note: 'Louiswadi camera down for maintenance through the morning peak.' },
  { kind: 'gap', station: 'EV-03', stream: 'power', from: '2026-07-12T00:00', to: '2026-07-12T23:45', note: 'Charger lost its OCPP connection to the back office for a day.' },
  { kind: 'gap', station: 'SM-04', stream: 'energy', from: '2026-07-10T13:00', to: '2026-07-10T15:45', note: 'Smart meter readings not collected for 3 hours (head-end outage).' },
  { kind: 'gap', station: 'SL-05', stream: 'power', from: '2026-07-29T00:00', to: '2026-07-29T05:45', note: 'CCMS panel modem offline overnight.' },
  { kind: 'gap', station: 'PV-06', stream: 'power', from: '2026-07-03T08:00', to: '2026-07-04T17:45', note: 'Inverter logger offline for a day and a half.' },
  // Stuck sensors
  { kind: 'stuck', station: 'AQ-06', stream: 'so2', from: '2026-07-18T08:00', to: '2026-07-18T20:00', note: 'SO2 analyser froze: the same value repeated for 12 hours.' },
  { kind: 'stuck', station: 'LK-02', stream: 'ph', from: '2026-07-05T00:00', to: '2026-07-06T12:00', note: 'pH probe fouled: a flat line for a day and a half.' },
  { kind: 'stuck', station: 'FG-03', stream: 'water_level', from: '2026-07-27T00:00', to: '2026-07-27T09:00', note: 'Level sensor froze: no tide visible for 9 hours.' },
  { kind: 'stuck', station: 'TR-03', stream: 'vehicle_count:car', from: '2026-07-22T14:00', to: '2026-07-22T18:00', note: 'Camera image frozen: the car count repeated for 4 hours.' },
  // Spikes
  { kind: 'spike', station: 'AQ-01', stream: 'pm25', from: '2026-07-11T03:15', to: '2026-07-11T03:15', value: 985, note: 'One impossible PM2.5 reading (filter tape change).' },
  { kind: 'spike', station: 'AQ-05', stream: 'co', from: '2026-07-25T13:30', to: '2026-07-25T13:30', value: 48.5, note: 'One CO reading during the analyser zero/span check.' },
  { kind: 'spike', station: 'LK-01', stream: 'turbidity', from: '2026-07-08T11:00', to: '2026-07-08T11:00', value: 999.9, note: 'Turbidity at the probe limit: debris on the optical window.' },
  { kind: 'spike', station: 'FG-07', stream: 'water_level', from: '2026-07-14T22:05', to: '2026-07-14T22:05', value: -1, note: 'Radar echo lost: one reading of -1.00 m.' },
  { kind: 'spike', station: 'PV-02', stream: 'power', from: '2026-07-19T12:30', to: '2026-07-19T12:30', value: 163.4, note: 'Inverter reported three times its 50 kW capacity.' },
  // Meter reset
  { kind: 'meter-reset', station: 'SM-03', stream: 'energy', from: '2026-07-17T11:45', to: '2026-07-17T11:45', note: 'Meter replaced: the new register starts from zero.' },
]
