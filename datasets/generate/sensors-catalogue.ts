/**
 * The catalogue of the synthetic Thane sensor grid: the places (SensorThings Things with their
 * Locations), the sensor models, the observed properties and their units, and which Datastreams each
 * kind of Thing carries at which interval. Plus the per-site model parameters the generator uses
 * (baselines, gains, capacities); those stay here and are not written out, except the few that are
 * real properties of a place (a flood gauge's warning level, a panel's capacity).
 *
 * Place names are real Thane places; coordinates are approximate (to a few hundred metres) and every
 * one lies inside THANE_BOUNDARY and inside its ward's circle (the test checks both).
 */

export type Kind =
  | 'air-quality'
  | 'lake-water'
  | 'flood-gauge'
  | 'traffic'
  | 'streetlight-feeder'
  | 'smart-meter'
  | 'rooftop-solar'
  | 'ev-charger'

/** Thing kinds in catalogue order, with their station-code prefix and the minimum count. */
export const KINDS: readonly { kind: Kind; prefix: string; min: number; label: string }[] = [
  { kind: 'air-quality', prefix: 'AQ', min: 8, label: 'air quality monitoring station' },
  { kind: 'lake-water', prefix: 'LK', min: 10, label: 'lake water quality buoy' },
  { kind: 'flood-gauge', prefix: 'FG', min: 8, label: 'flood gauge' },
  { kind: 'traffic', prefix: 'TR', min: 10, label: 'traffic counting camera' },
  { kind: 'streetlight-feeder', prefix: 'SL', min: 6, label: 'streetlight feeder' },
  { kind: 'smart-meter', prefix: 'SM', min: 6, label: 'smart electricity meter' },
  { kind: 'rooftop-solar', prefix: 'PV', min: 6, label: 'rooftop solar plant' },
  { kind: 'ev-charger', prefix: 'EV', min: 6, label: 'public EV charger' },
]

// ---------------------------------------------------------------------------------------------
// Units: the display symbol in `symbol`, the UCUM code in each Datastream's properties as `ucum`
// (`definition` points at the UCUM specification, as the SensorThings examples do).

export interface Unit {
  name: string
  symbol: string
  definition: string
  /** The UCUM (case-sensitive) code, written to Datastream properties as `ucum`. */
  ucum: string
}

const UCUM = 'http://unitsofmeasure.org/ucum.html'
export const UNITS = {
  ugm3: { name: 'microgram per cubic metre', symbol: 'µg/m³', definition: `${UCUM}#para-30`, ucum: 'ug/m3' },
  mgm3: { name: 'milligram per cubic metre', symbol: 'mg/m³', definition: `${UCUM}#para-30`, ucum: 'mg/m3' },
  ph: { name: 'pH', symbol: 'pH', definition: `${UCUM}#para-30`, ucum: '[pH]' },
  mgl: { name: 'milligram per litre', symbol: 'mg/L', definition: `${UCUM}#para-30`, ucum: 'mg/L' },
  ntu: { name: 'nephelometric turbidity unit', symbol: 'NTU', definition: 'https://en.wikipedia.org/wiki/Nephelometric_turbidity_unit', ucum: '{NTU}' },
  cel: { name: 'degree Celsius', symbol: '°C', definition: `${UCUM}#para-30`, ucum: 'Cel' },
  uscm: { name: 'microsiemens per centimetre', symbol: 'µS/cm', definition: `${UCUM}#para-30`, ucum: 'uS/cm' },
  m: { name: 'metre', symbol: 'm', definition: `${UCUM}#para-30`, ucum: 'm' },
  veh: { name: 'vehicles per 15 minutes', symbol: '{veh}', definition: `${UCUM}#para-30`, ucum: '{veh}' },
  kw: { name: 'kilowatt', symbol: 'kW', definition: `${UCUM}#para-30`, ucum: 'kW' },
  kwh: { name: 'kilowatt hour', symbol: 'kWh', definition: `${UCUM}#para-30`, ucum: 'kW.h' },
} as const satisfies Record<string, Unit>

// ---------------------------------------------------------------------------------------------
// Sensors (models) and observed properties

export interface SensorSpec {
  slug: string
  name: string
  description: string
  encodingType: 'text/html' | 'application/pdf'
  properties: Record<string, unknown>
}

export const SENSORS: readonly SensorSpec[] = [
  { slug: 'bam-pm', name: 'Beta attenuation particulate monitor', description: 'Continuous PM2.5 and PM10 monitor (beta-ray attenuation) of a CAAQMS station.', encodingType: 'application/pdf', properties: { principle: 'beta attenuation', standard: 'CPCB CAAQMS' } },
  { slug: 'cld-nox', name: 'Chemiluminescence NOx analyser', description: 'NO/NO2/NOx analyser by chemiluminescence.', encodingType: 'application/pdf', properties: { principle: 'chemiluminescence', standard: 'CPCB CAAQMS' } },
  { slug: 'uvf-so2', name: 'UV fluorescence SO2 analyser', description: 'Sulphur dioxide analyser by pulsed UV fluorescence.', encodingType: 'application/pdf', properties: { principle: 'UV fluorescence', standard: 'CPCB CAAQMS' } },
  { slug: 'ndir-co', name: 'Non-dispersive infrared CO analyser', description: 'Carbon monoxide analyser by gas-filter-correlation NDIR.', encodingType: 'application/pdf', properties: { principle: 'NDIR', standard: 'CPCB CAAQMS' } },
  { slug: 'uvp-o3', name: 'UV photometric ozone analyser', description: 'Ozone analyser by UV absorption at 254 nm.', encodingType: 'application/pdf', properties: { principle: 'UV photometry', standard: 'CPCB CAAQMS' } },
  { slug: 'cld-nh3', name: 'Chemiluminescence NH3 analyser', description: 'Ammonia analyser (NOx analyser with a high-temperature NH3 converter).', encodingType: 'application/pdf', properties: { principle: 'chemiluminescence with converter', standard: 'CPCB CAAQMS' } },
  { slug: 'sonde', name: 'Multiparameter water quality sonde', description: 'Buoy-mounted sonde with pH, optical dissolved oxygen, turbidity, temperature and conductivity probes.', encodingType: 'text/html', properties: { probes: ['pH', 'optical DO', 'turbidity', 'temperature', 'conductivity'], depth_m: 0.5 } },
  { slug: 'radar-level', name: 'Radar water level sensor', description: 'Non-contact radar level sensor on a bridge or nallah wall, reading the water level above gauge zero.', encodingType: 'text/html', properties: { principle: 'pulse radar', resolution_m: 0.01 } },
  { slug: 'video-counter', name: 'Video analytics traffic counter', description: 'Junction camera with on-board vehicle detection and classification (ATCC).', encodingType: 'text/html', properties: { classes: ['two_wheeler', 'car', 'auto_rickshaw', 'bus_truck'] } },
  { slug: 'ccms-meter', name: 'Streetlight CCMS feeder meter', description: 'Energy meter in a centralised control and monitoring system (CCMS) panel of an LED streetlight feeder.', encodingType: 'text/html', properties: { switching: 'astronomical timer with photocell override' } },
  { slug: 'ami-meter', name: 'AMI smart electricity meter', description: 'Three-phase smart meter reporting its cumulative import register every 15 minutes.', encodingType: 'text/html', properties: { standard: 'IS 16444', register: 'active energy import' } },
  { slug: 'pv-inverter', name: 'PV inverter power meter', description: 'AC output power of a grid-tied rooftop solar inverter, 15-minute average.', encodingType: 'text/html', properties: { quantity: 'AC active power' } },
  { slug: 'evse-meter', name: 'EV charger meter (OCPP)', description: 'Power delivered by a public EV charger, 15-minute average of the OCPP meter values.', encodingType: 'text/html', properties: { protocol: 'OCPP 1.6J' } },
]

export type PropertyCode =
  | 'pm25'
  | 'pm10'
  | 'no2'
  | 'so2'
  | 'co'
  | 'o3'
  | 'nh3'
  | 'ph'
  | 'dissolved_oxygen'
  | 'turbidity'
  | 'water_temperature'
  | 'conductivity'
  | 'water_level'
  | 'vehicle_count'
  | 'power'
  | 'energy'

export interface PropertySpec {
  code: PropertyCode
  name: string
  definition: string
  description: string
}

const EIONET = 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant'
export const PROPERTIES: readonly PropertySpec[] = [
  { code: 'pm25', name: 'PM2.5', definition: `${EIONET}/6001`, description: 'Mass concentration of particulate matter of 2.5 µm or less in aerodynamic diameter.' },
  { code: 'pm10', name: 'PM10', definition: `${EIONET}/5`, description: 'Mass concentration of particulate matter of 10 µm or less in aerodynamic diameter.' },
  { code: 'no2', name: 'NO2', definition: `${EIONET}/8`, description: 'Mass concentration of nitrogen dioxide.' },
  { code: 'so2', name: 'SO2', definition: `${EIONET}/1`, description: 'Mass concentration of sulphur dioxide.' },
  { code: 'co', name: 'CO', definition: `${EIONET}/10`, description: 'Mass concentration of carbon monoxide (in mg/m³, as CPCB reports it).' },
  { code: 'o3', name: 'O3', definition: `${EIONET}/7`, description: 'Mass concentration of ozone.' },
  { code: 'nh3', name: 'NH3', definition: `${EIONET}/35`, description: 'Mass concentration of ammonia.' },
  { code: 'ph', name: 'pH', definition: 'https://en.wikipedia.org/wiki/PH', description: 'Acidity or alkalinity of the lake water.' },
  { code: 'dissolved_oxygen', name: 'Dissolved oxygen', definition: 'https://en.wikipedia.org/wiki/Oxygen_saturation', description: 'Concentration of oxygen dissolved in the lake water.' },
  { code: 'turbidity', name: 'Turbidity', definition: 'https://en.wikipedia.org/wiki/Turbidity', description: 'Cloudiness of the water from suspended particles (nephelometric).' },
  { code: 'water_temperature', name: 'Water temperature', definition: 'https://en.wikipedia.org/wiki/Water_temperature', description: 'Temperature of the lake water half a metre below the surface.' },
  { code: 'conductivity', name: 'Electrical conductivity', definition: 'https://en.wikipedia.org/wiki/Electrical_resistivity_and_conductivity', description: 'Specific conductance of the water at 25 °C, a proxy for dissolved salts.' },
  { code: 'water_level', name: 'Water level', definition: 'https://en.wikipedia.org/wiki/Stage_(hydrology)', description: 'Height of the water surface above the gauge zero.' },
  { code: 'vehicle_count', name: 'Vehicle count', definition: 'https://en.wikipedia.org/wiki/Traffic_count', description: 'Number of vehicles of one class crossing the counting line in the interval.' },
  { code: 'power', name: 'Active power', definition: 'https://en.wikipedia.org/wiki/Electric_power', description: 'Mean active electric power over the interval.' },
  { code: 'energy', name: 'Active energy (cumulative)', definition: 'https://en.wikipedia.org/wiki/Kilowatt-hour', description: 'Cumulative active energy register of an electricity meter.' },
]

export const VEHICLE_CLASSES = ['two_wheeler', 'car', 'auto_rickshaw', 'bus_truck'] as const
export type VehicleClass = (typeof VEHICLE_CLASSES)[number]
const VEHICLE_LABEL: Record<VehicleClass, string> = {
  two_wheeler: 'two-wheelers',
  car: 'cars',
  auto_rickshaw: 'auto-rickshaws',
  bus_truck: 'buses and trucks',
}

/** One Datastream template of a kind of Thing. */
export interface StreamSpec {
  /** Unique within the Thing: the property code, or `vehicle_count:car` for traffic. */
  key: string
  property: PropertyCode
  sensor: string
  unit: Unit
  interval: number
  count: boolean
  decimals: number
  label: string
  extra: Record<string, unknown>
}

const stream = (property: PropertyCode, sensor: string, unit: Unit, interval: number, decimals: number, label: string, extra: Record<string, unknown> = {}): StreamSpec => ({
  key: property,
  property,
  sensor,
  unit,
  interval,
  count: false,
  decimals,
  label,
  extra,
})

export const STREAMS: Record<Kind, readonly StreamSpec[]> = {
  'air-quality': [
    stream('pm25', 'bam-pm', UNITS.ugm3, 15, 1, 'PM2.5', { pollutant: 'pm25' }),
    stream('pm10', 'bam-pm', UNITS.ugm3, 15, 1, 'PM10', { pollutant: 'pm10' }),
    stream('no2', 'cld-nox', UNITS.ugm3, 15, 1, 'NO2', { pollutant: 'no2' }),
    stream('so2', 'uvf-so2', UNITS.ugm3, 15, 1, 'SO2', { pollutant: 'so2' }),
    stream('co', 'ndir-co', UNITS.mgm3, 15, 2, 'CO', { pollutant: 'co' }),
    stream('o3', 'uvp-o3', UNITS.ugm3, 15, 1, 'O3', { pollutant: 'o3' }),
    stream('nh3', 'cld-nh3', UNITS.ugm3, 15, 1, 'NH3', { pollutant: 'nh3' }),
  ],
  'lake-water': [
    stream('ph', 'sonde', UNITS.ph, 60, 2, 'pH'),
    stream('dissolved_oxygen', 'sonde', UNITS.mgl, 60, 2, 'dissolved oxygen'),
    stream('turbidity', 'sonde', UNITS.ntu, 60, 1, 'turbidity'),
    stream('water_temperature', 'sonde', UNITS.cel, 60, 1, 'water temperature'),
    stream('conductivity', 'sonde', UNITS.uscm, 60, 0, 'conductivity'),
  ],
  'flood-gauge': [stream('water_level', 'radar-level', UNITS.m, 5, 2, 'water level')],
  traffic: VEHICLE_CLASSES.map((c) => ({
    ...stream('vehicle_count', 'video-counter', UNITS.veh, 15, 0, `${VEHICLE_LABEL[c]} count`, { vehicle_class: c }),
    key: `vehicle_count:${c}`,
    count: true,
  })),
  'streetlight-feeder': [stream('power', 'ccms-meter', UNITS.kw, 15, 2, 'feeder load')],
  'smart-meter': [stream('energy', 'ami-meter', UNITS.kwh, 15, 2, 'energy register', { cumulative: true })],
  'rooftop-solar': [stream('power', 'pv-inverter', UNITS.kw, 15, 2, 'PV output')],
  'ev-charger': [stream('power', 'evse-meter', UNITS.kw, 15, 2, 'charging power')],
}

// ---------------------------------------------------------------------------------------------
// Sites

export interface Site {
  kind: Kind
  /** Station code, unique: "AQ-01". */
  code: string
  /** The place's name: "Teen Hath Naka". */
  place: string
  ward: string
  lat: number
  lon: number
  /** One sentence about the site (goes into the Thing's description). */
  about: string
  /** Public properties written into the Thing's properties after kind, ward and station_code. */
  props: Record<string, unknown>
  /** Generator parameters (not written). */
  model: Record<string, number>
}

const site = (kind: Kind, code: string, place: string, ward: string, lat: number, lon: number, about: string, props: Record<string, unknown>, model: Record<string, number> = {}): Site => ({
  kind,
  code,
  place,
  ward,
  lat,
  lon,
  about,
  props,
  model,
})

const NK = 'Naupada-Kopri'
const UT = 'Uthalsar'
const WE = 'Wagle Estate'
const LS = 'Lokmanya Nagar-Savarkar Nagar'
const VN = 'Vartak Nagar'
const MM = 'Majiwada-Manpada'
const KL = 'Kalwa'
const MB = 'Mumbra'
const DV = 'Diva'

/**
 * Air quality model: `pm` the PM2.5 baseline (µg/m³), `traffic` how much road traffic drives PM, NO2
 * and CO (0..1.6), `so2` the SO2 baseline, `nh3` the NH3 baseline, `coarse` the PM10/PM2.5 ratio.
 */
export const SITES: readonly Site[] = [
  site('air-quality', 'AQ-01', 'Teen Hath Naka', NK, 19.1978, 72.9758, 'Roadside station at the Eastern Express Highway and LBS Marg junction.', { setting: 'roadside' }, { pm: 21, traffic: 1.6, so2: 9, nh3: 18, coarse: 2.25 }),
  site('air-quality', 'AQ-02', 'Kopri', NK, 19.1862, 72.9838, 'Residential station near Thane East station and the Kopri bridge.', { setting: 'residential' }, { pm: 15, traffic: 0.9, so2: 8, nh3: 20, coarse: 2.0 }),
  site('air-quality', 'AQ-03', 'Majiwada', MM, 19.2242, 72.9782, 'Roadside station by the Majiwada flyover on the Ghodbunder Road.', { setting: 'roadside' }, { pm: 20, traffic: 1.5, so2: 9, nh3: 17, coarse: 2.3 }),
  site('air-quality', 'AQ-04', 'Kalwa', KL, 19.1988, 73.0018, 'Station near Kalwa Naka and the Kalwa bridge over the creek.', { setting: 'mixed' }, { pm: 16, traffic: 1.0, so2: 10, nh3: 21, coarse: 2.05 }),
  site('air-quality', 'AQ-05', 'Mumbra', MB, 19.1768, 73.0252, 'Station in Amrut Nagar near the Mumbra bypass.', { setting: 'mixed' }, { pm: 17, traffic: 1.1, so2: 9, nh3: 24, coarse: 2.1 }),
  site('air-quality', 'AQ-06', 'Wagle Estate MIDC', WE, 19.2048, 72.9532, 'Industrial-area station in the Wagle Estate MIDC, Road No. 16.', { setting: 'industrial' }, { pm: 18, traffic: 0.9, so2: 19, nh3: 19, coarse: 2.1 }),
  site('air-quality', 'AQ-07', 'Upvan', LS, 19.2212, 72.9518, 'Background station near Upvan Lake at the foot of the Yeoor hills.', { setting: 'background' }, { pm: 11, traffic: 0.5, so2: 6, nh3: 14, coarse: 1.9 }),
  site('air-quality', 'AQ-08', 'Diva', DV, 19.1892, 73.0452, 'Station in Diva, downwind of the old Diva dumping ground.', { setting: 'residential' }, { pm: 16, traffic: 0.7, so2: 8, nh3: 36, coarse: 2.1 }),
  site('air-quality', 'AQ-09', 'Kasarvadavali', MM, 19.2655, 72.9648, 'Roadside station on the Ghodbunder Road at Kasarvadavali.', { setting: 'roadside' }, { pm: 17, traffic: 1.2, so2: 8, nh3: 15, coarse: 2.2 }),

  // Lakes: `ph` base pH, `do` base dissolved oxygen (mg/L), `turb` base turbidity (NTU), `ec` base conductivity (µS/cm), `area` relative catchment
  site('lake-water', 'LK-01', 'Masunda Talao', NK, 19.1915, 72.9718, 'Buoy in Masunda Lake (Talao Pali), the heritage lake by Gadkari Rangayatan.', { lake: 'Masunda Talao' }, { ph: 7.9, do: 6.4, turb: 11, ec: 520, area: 1.0 }),
  site('lake-water', 'LK-02', 'Upvan Lake', LS, 19.2238, 72.9496, 'Buoy in Upvan Lake below the Yeoor hills.', { lake: 'Upvan Talao' }, { ph: 7.6, do: 7.1, turb: 8, ec: 330, area: 1.6 }),
  site('lake-water', 'LK-03', 'Makhmali Talao', UT, 19.2018, 72.9662, 'Buoy in Makhmali Talao near Khopat.', { lake: 'Makhmali Talao' }, { ph: 7.7, do: 5.6, turb: 14, ec: 610, area: 0.8 }),
  site('lake-water', 'LK-04', 'Kachrali Talao', UT, 19.2042, 72.9742, 'Buoy in Kachrali Talao beside the TMC headquarters at Panchpakhadi.', { lake: 'Kachrali Talao' }, { ph: 7.8, do: 5.9, turb: 12, ec: 560, area: 0.7 }),
  site('lake-water', 'LK-05', 'Siddheshwar Talao', UT, 19.1986, 72.9668, 'Buoy in Siddheshwar Talao near Tembhi Naka.', { lake: 'Siddheshwar Talao' }, { ph: 7.5, do: 4.6, turb: 17, ec: 680, area: 0.6 }),
  site('lake-water', 'LK-06', 'Ambe Ghosale Talao', NK, 19.1948, 72.9742, 'Buoy in Ambe Ghosale Talao near Vishnu Nagar.', { lake: 'Ambe Ghosale Talao' }, { ph: 7.7, do: 5.2, turb: 13, ec: 590, area: 0.5 }),
  site('lake-water', 'LK-07', 'Kausa Talao', MB, 19.1652, 73.0318, 'Buoy in Kausa Talao in Mumbra.', { lake: 'Kausa Talao' }, { ph: 7.4, do: 3.8, turb: 19, ec: 720, area: 0.9 }),
  site('lake-water', 'LK-08', 'Haryali Talao', NK, 19.1872, 72.9848, 'Buoy in Haryali Talao in Kopri, Thane East.', { lake: 'Haryali Talao' }, { ph: 7.6, do: 5.0, turb: 15, ec: 640, area: 0.6 }),
  site('lake-water', 'LK-09', 'Kharegaon Talao', KL, 19.1992, 72.9948, 'Buoy in Kharegaon Talao in Kalwa.', { lake: 'Kharegaon Talao' }, { ph: 7.5, do: 4.9, turb: 16, ec: 660, area: 0.8 }),
  site('lake-water', 'LK-10', 'Dativali Talao', DV, 19.1958, 73.0512, 'Buoy in Dativali Talao in Diva.', { lake: 'Dativali Talao' }, { ph: 7.6, do: 5.4, turb: 18, ec: 540, area: 1.2 }),

  // Flood gauges: `base` dry-weather level (m), `tide` tidal amplitude (m, 0 off the creek), `tau` response time (h), `rank` which storm day (1 = worst) just reaches the warning level at high tide
  site('flood-gauge', 'FG-01', 'Kopri bridge (Thane Creek)', NK, 19.1852, 72.9852, 'Gauge on the Kopri bridge over Thane Creek; tidal.', { water_body: 'Thane Creek', threshold_m: 3.8, danger_m: 4.3 }, { base: 1.9, tide: 0.85, tau: 5, rank: 3 }),
  site('flood-gauge', 'FG-02', 'Chendani Koliwada creek', NK, 19.1832, 72.9792, 'Gauge at the Chendani bunder jetty on Thane Creek; tidal.', { water_body: 'Thane Creek', threshold_m: 3.6, danger_m: 4.1 }, { base: 1.8, tide: 0.8, tau: 5, rank: 2 }),
  site('flood-gauge', 'FG-03', 'Kalwa bridge (Thane Creek)', KL, 19.1948, 72.9938, 'Gauge on the Kalwa bridge over Thane Creek; tidal.', { water_body: 'Thane Creek', threshold_m: 3.9, danger_m: 4.4 }, { base: 2.0, tide: 0.8, tau: 6, rank: 3 }),
  site('flood-gauge', 'FG-04', 'Retibunder creek, Mumbra', MB, 19.1822, 73.0162, 'Gauge at Retibunder on the creek below the Mumbra bypass; tidal.', { water_body: 'Thane Creek (Mumbra reach)', threshold_m: 3.7, danger_m: 4.2 }, { base: 1.9, tide: 0.75, tau: 6, rank: 4 }),
  site('flood-gauge', 'FG-05', 'Wagle Estate nallah', WE, 19.2042, 72.9542, 'Gauge on the storm-water nallah along Road No. 16, Wagle Estate.', { water_body: 'Wagle Estate nallah', threshold_m: 2.2, danger_m: 2.6 }, { base: 0.35, tide: 0, tau: 1.5, rank: 3 }),
  site('flood-gauge', 'FG-06', 'Majiwada nallah', MM, 19.2248, 72.9802, 'Gauge on the nallah under the Majiwada flyover.', { water_body: 'Majiwada nallah', threshold_m: 2.0, danger_m: 2.4 }, { base: 0.3, tide: 0, tau: 1.8, rank: 2 }),
  site('flood-gauge', 'FG-07', 'Balkum creek, Kolshet', MM, 19.2292, 72.9882, 'Gauge on the Balkum creek inlet near Kolshet road; tidal.', { water_body: 'Balkum creek', threshold_m: 3.4, danger_m: 3.9 }, { base: 1.7, tide: 0.7, tau: 4, rank: 2 }),
  site('flood-gauge', 'FG-08', 'Diva nallah', DV, 19.1918, 73.0478, 'Gauge on the nallah crossing the Diva-Shil road.', { water_body: 'Diva nallah', threshold_m: 2.3, danger_m: 2.7 }, { base: 0.4, tide: 0, tau: 2.5, rank: 4 }),

  // Traffic: `peak` total vehicles per 15 minutes at the weekday peak, `heavy` share of buses and trucks, `nightTrucks` night truck traffic (0..1)
  site('traffic', 'TR-01', 'Teen Hath Naka', NK, 19.1985, 72.9768, 'Camera at the Eastern Express Highway / LBS Marg junction.', { road: 'Eastern Express Highway x LBS Marg' }, { peak: 1450, heavy: 0.09, nightTrucks: 0.9 }),
  site('traffic', 'TR-02', 'Cadbury Junction', VN, 19.2124, 72.9734, 'Camera at Cadbury Junction, Pokhran Road No. 1 and the Eastern Express Highway.', { road: 'Eastern Express Highway x Pokhran Road No. 1' }, { peak: 1300, heavy: 0.08, nightTrucks: 0.8 }),
  site('traffic', 'TR-03', 'Majiwada Junction', MM, 19.2236, 72.9792, 'Camera under the Majiwada flyover, Ghodbunder Road.', { road: 'Ghodbunder Road x Eastern Express Highway' }, { peak: 1500, heavy: 0.12, nightTrucks: 1.0 }),
  site('traffic', 'TR-04', 'Kapurbawdi Junction', MM, 19.2296, 72.9772, 'Camera at Kapurbawdi junction on the Ghodbunder Road.', { road: 'Ghodbunder Road x Balkum road' }, { peak: 1250, heavy: 0.11, nightTrucks: 1.0 }),
  site('traffic', 'TR-05', 'Nitin Company Junction', UT, 19.2026, 72.9752, 'Camera at Nitin Company junction on the Eastern Express Highway.', { road: 'Eastern Express Highway x Panchpakhadi road' }, { peak: 1200, heavy: 0.08, nightTrucks: 0.8 }),
  site('traffic', 'TR-06', 'Louiswadi', VN, 19.2072, 72.9744, 'Camera at the Louiswadi service road junction.', { road: 'Eastern Express Highway service road, Louiswadi' }, { peak: 700, heavy: 0.05, nightTrucks: 0.3 }),
  site('traffic', 'TR-07', 'Manpada Junction', MM, 19.2412, 72.9722, 'Camera at Manpada on the Ghodbunder Road.', { road: 'Ghodbunder Road x Tikuji-ni-wadi road' }, { peak: 1100, heavy: 0.12, nightTrucks: 1.0 }),
  site('traffic', 'TR-08', 'Kalwa Naka', KL, 19.1966, 72.9988, 'Camera at Kalwa Naka by the Kalwa bridge.', { road: 'Kalwa bridge x Old Mumbai-Pune Road' }, { peak: 950, heavy: 0.07, nightTrucks: 0.5 }),
  site('traffic', 'TR-09', 'Mumbra bypass', MB, 19.1832, 73.0188, 'Camera on the Mumbra bypass at Retibunder.', { road: 'Mumbra bypass' }, { peak: 800, heavy: 0.22, nightTrucks: 1.0 }),
  site('traffic', 'TR-10', 'Anand Nagar check naka', NK, 19.1792, 72.9832, 'Camera at the Anand Nagar check naka on the Eastern Express Highway.', { road: 'Eastern Express Highway, Anand Nagar toll plaza' }, { peak: 1350, heavy: 0.1, nightTrucks: 0.9 }),

  // Streetlight feeders: `load` full LED load (kW), `dim` night dimming factor after midnight
  site('streetlight-feeder', 'SL-01', 'Gokhale Road feeder', NK, 19.1935, 72.9725, 'CCMS panel of the LED streetlights on Gokhale Road and Ram Maruti Road.', { poles: 142 }, { load: 17.5, dim: 0.7 }),
  site('streetlight-feeder', 'SL-02', 'Pokhran Road No. 2 feeder', LS, 19.2205, 72.9565, 'CCMS panel of Pokhran Road No. 2.', { poles: 188 }, { load: 23.1, dim: 0.7 }),
  site('streetlight-feeder', 'SL-03', 'Ghodbunder Road (Manpada) feeder', MM, 19.2425, 72.9712, 'CCMS panel of the Ghodbunder Road lights from Manpada to Brahmand.', { poles: 260 }, { load: 39.0, dim: 1 }),
  site('streetlight-feeder', 'SL-04', 'Wagle Estate Road No. 22 feeder', WE, 19.2065, 72.9512, 'CCMS panel of Road No. 22 and the MIDC roads.', { poles: 120 }, { load: 15.6, dim: 0.6 }),
  site('streetlight-feeder', 'SL-05', 'Kalwa station road feeder', KL, 19.1952, 73.0008, 'CCMS panel of the Kalwa station road.', { poles: 96 }, { load: 11.5, dim: 0.7 }),
  site('streetlight-feeder', 'SL-06', 'Mumbra station road feeder', MB, 19.1788, 73.0222, 'CCMS panel of the Mumbra station road and market.', { poles: 110 }, { load: 13.2, dim: 0.8 }),
  site('streetlight-feeder', 'SL-07', 'Vartak Nagar feeder', VN, 19.2135, 72.9655, 'CCMS panel around Vartak Nagar naka.', { poles: 134 }, { load: 16.1, dim: 0.7 }),
  site('streetlight-feeder', 'SL-08', 'Diva station feeder', DV, 19.1884, 73.0428, 'CCMS panel of the Diva station approach roads.', { poles: 84 }, { load: 10.1, dim: 0.8 }),

  // Smart meters: `profile` 0 office, 1 hospital, 2 residential, 3 school, 4 pumping station, 5 market; `kw` typical load; `start` register at the start (kWh)
  site('smart-meter', 'SM-01', 'TMC headquarters, Panchpakhadi', UT, 19.2034, 72.9738, 'Main incomer of the Thane Municipal Corporation headquarters.', { building: 'office' }, { profile: 0, kw: 310, start: 4_812_330 }),
  site('smart-meter', 'SM-02', 'Kalwa hospital', KL, 19.2002, 73.0058, 'Incomer of the Chhatrapati Shivaji Maharaj Hospital, Kalwa.', { building: 'hospital' }, { profile: 1, kw: 420, start: 9_120_415 }),
  site('smart-meter', 'SM-03', 'Vasant Vihar housing society', VN, 19.2232, 72.9645, 'Common-area and lift meter of a housing society in Vasant Vihar.', { building: 'residential' }, { profile: 2, kw: 38, start: 286_904 }),
  site('smart-meter', 'SM-04', 'TMC school, Savarkar Nagar', LS, 19.2158, 72.9502, 'Meter of a TMC school in Savarkar Nagar.', { building: 'school' }, { profile: 3, kw: 22, start: 118_560 }),
  site('smart-meter', 'SM-05', 'Water pumping station, Kolshet', MM, 19.2302, 72.9932, 'Meter of a water booster pumping station near Kolshet.', { building: 'pumping station' }, { profile: 4, kw: 180, start: 3_406_120 }),
  site('smart-meter', 'SM-06', 'Jambli Naka market', NK, 19.1868, 72.9748, 'Meter of the municipal market building at Jambli Naka.', { building: 'market' }, { profile: 5, kw: 55, start: 702_388 }),
  site('smart-meter', 'SM-07', 'Hiranandani Estate housing society', MM, 19.2582, 72.9718, 'Common-area meter of a housing society in Hiranandani Estate.', { building: 'residential' }, { profile: 2, kw: 64, start: 512_977 }),
  site('smart-meter', 'SM-08', 'Mumbra ward office', MB, 19.1758, 73.0265, 'Meter of the Mumbra ward committee office.', { building: 'office' }, { profile: 0, kw: 45, start: 398_214 }),

  // Rooftop solar: capacity (kW) is a public property
  site('rooftop-solar', 'PV-01', 'TMC headquarters rooftop', UT, 19.2036, 72.9734, 'Rooftop PV plant on the TMC headquarters.', { capacity_kw: 100 }),
  site('rooftop-solar', 'PV-02', 'Thane Civil Hospital rooftop', UT, 19.1994, 72.9706, 'Rooftop PV plant on the Civil Hospital building.', { capacity_kw: 50 }),
  site('rooftop-solar', 'PV-03', 'Gadkari Rangayatan rooftop', NK, 19.1908, 72.9718, 'Rooftop PV plant on the Gadkari Rangayatan auditorium.', { capacity_kw: 40 }),
  site('rooftop-solar', 'PV-04', 'Lokmanya Nagar bus depot rooftop', LS, 19.2124, 72.9442, 'Rooftop PV plant on the TMT Lokmanya Nagar depot workshop.', { capacity_kw: 80 }),
  site('rooftop-solar', 'PV-05', 'Kalwa hospital rooftop', KL, 19.2004, 73.0062, 'Rooftop PV plant on the Kalwa hospital.', { capacity_kw: 75 }),
  site('rooftop-solar', 'PV-06', 'TMC school, Kausa', MB, 19.1645, 73.0328, 'Rooftop PV plant on a TMC school in Kausa.', { capacity_kw: 25 }),
  site('rooftop-solar', 'PV-07', 'Manpada ward office rooftop', MM, 19.2408, 72.9728, 'Rooftop PV plant on the Majiwada-Manpada ward office.', { capacity_kw: 30 }),
  site('rooftop-solar', 'PV-08', 'Diva ward office rooftop', DV, 19.1898, 73.0462, 'Rooftop PV plant on the Diva ward office.', { capacity_kw: 20 }),

  // EV chargers: capacity (kW) is a public property; `use` relative busyness
  site('ev-charger', 'EV-01', 'Thane station (West) charging hub', NK, 19.1868, 72.9758, 'Public DC fast charger at the station-area parking.', { capacity_kw: 60, connector: 'CCS2' }, { use: 1.2 }),
  site('ev-charger', 'EV-02', 'TMC headquarters parking', UT, 19.2030, 72.9742, 'Public DC charger in the TMC headquarters parking.', { capacity_kw: 30, connector: 'CCS2' }, { use: 0.8 }),
  site('ev-charger', 'EV-03', 'Viviana Mall road charging hub', VN, 19.2088, 72.9708, 'Public DC fast charger near the Eastern Express Highway service road.', { capacity_kw: 60, connector: 'CCS2' }, { use: 1.4 }),
  site('ev-charger', 'EV-04', 'Hiranandani Estate charging point', MM, 19.2575, 72.9712, 'Public DC charger on the Hiranandani Estate main road.', { capacity_kw: 30, connector: 'CCS2' }, { use: 1.0 }),
  site('ev-charger', 'EV-05', 'Kapurbawdi TMT depot', MM, 19.2305, 72.9765, 'Public charger at the Kapurbawdi bus depot gate.', { capacity_kw: 60, connector: 'CCS2' }, { use: 0.9 }),
  site('ev-charger', 'EV-06', 'Kalwa station parking', KL, 19.1955, 73.0012, 'Public AC charger at the Kalwa station parking.', { capacity_kw: 7.4, connector: 'Type 2' }, { use: 1.1 }),
  site('ev-charger', 'EV-07', 'Mumbra market parking', MB, 19.1782, 73.0212, 'Public DC charger at the Mumbra market parking.', { capacity_kw: 30, connector: 'CCS2' }, { use: 0.7 }),
  site('ev-charger', 'EV-08', 'Upvan lake parking', LS, 19.2225, 72.9515, 'Public AC charger at the Upvan lake parking.', { capacity_kw: 7.4, connector: 'Type 2' }, { use: 0.6 }),
]
