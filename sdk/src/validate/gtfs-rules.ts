// The GTFS Schedule rule pack: which files a feed must have, their required columns and the type
// of each field the validator checks. Notice codes are MobilityData's (https://gtfs-validator.mobilitydata.org/rules.html).

/** The MobilityData notice codes `validateGtfs` reports. */
export type GtfsNoticeCode =
  | 'missing_required_file'
  | 'missing_required_column'
  | 'missing_required_field'
  | 'empty_file'
  | 'unknown_file'
  | 'duplicated_column'
  | 'csv_parsing_failed'
  | 'invalid_row_length'
  | 'invalid_time'
  | 'invalid_date'
  | 'invalid_color'
  | 'invalid_url'
  | 'invalid_email'
  | 'invalid_timezone'
  | 'invalid_currency'
  | 'invalid_integer'
  | 'invalid_float'
  | 'number_out_of_range'
  | 'duplicate_key'
  | 'foreign_key_violation'
  | 'route_both_short_and_long_name_missing'
  | 'decreasing_or_equal_stop_time_distance'
  | 'stop_time_with_arrival_before_previous_departure_time'
  | 'stop_time_with_departure_before_arrival_time'
  | 'stop_time_with_only_arrival_or_departure_time'
  | 'stop_time_timepoint_without_times'
  | 'unusable_trip'
  | 'missing_trip_edge'
  | 'service_never_active'
  | 'expired_calendar'

/** Where each notice code is explained: `${GTFS_RULES_URL}#${code}-rule`. */
export const GTFS_RULES_URL = 'https://gtfs-validator.mobilitydata.org/rules.html'

export type FieldType =
  | 'text'
  | 'url'
  | 'email'
  | 'timezone'
  | 'color'
  | 'date'
  | 'time'
  | 'currency'
  | { int: [number, number?] }
  | { float: [number, number?] }
  | { enum: number[]; label?: string }

export interface FileSpec {
  /** Columns the file must have (`missing_required_column`); their values must not be empty (`missing_required_field`) unless listed in `emptyOk`. */
  required: string[]
  emptyOk?: string[]
  /** Fields whose values are checked by type; any other column is read as text. */
  fields: Record<string, FieldType>
  /** A primary key checked for `duplicate_key` while the file is read (kept as a set of strings). */
  key?: string[]
}

const lat: FieldType = { float: [-90, 90] }
const lon: FieldType = { float: [-180, 180] }
const nonNegInt: FieldType = { int: [0] }
const nonNegFloat: FieldType = { float: [0] }
const bool01: FieldType = { enum: [0, 1] }
const access012: FieldType = { enum: [0, 1, 2] }
const pickup: FieldType = { enum: [0, 1, 2, 3] }
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)
/** The basic route types, and the extended (Hierarchical Vehicle Type) ones consumers accept. */
const ROUTE_TYPES = [0, 1, 2, 3, 4, 5, 6, 7, 11, 12, ...range(100, 117), ...range(200, 209), ...range(400, 405), ...range(700, 716), 800, ...range(900, 906), 1000, 1100, 1200, ...range(1300, 1307), 1400, ...range(1500, 1507), ...range(1700, 1702)]
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
export { DAYS }

/** The rule pack by file name. */
export const GTFS_FILES: Record<string, FileSpec> = {
  'agency.txt': {
    required: ['agency_name', 'agency_url', 'agency_timezone'],
    fields: { agency_url: 'url', agency_timezone: 'timezone', agency_fare_url: 'url', agency_email: 'email' },
    key: ['agency_id'],
  },
  'stops.txt': {
    required: ['stop_id'],
    fields: { stop_lat: lat, stop_lon: lon, location_type: { enum: [0, 1, 2, 3, 4] }, wheelchair_boarding: access012, stop_url: 'url', stop_timezone: 'timezone' },
    key: ['stop_id'],
  },
  'routes.txt': {
    required: ['route_id', 'route_type'],
    fields: {
      route_type: { enum: ROUTE_TYPES, label: '0 to 7, 11, 12 (3 is bus), or an extended type from 100 to 1702' },
      route_url: 'url',
      route_color: 'color',
      route_text_color: 'color',
      route_sort_order: nonNegInt,
      continuous_pickup: pickup,
      continuous_drop_off: pickup,
    },
    key: ['route_id'],
  },
  'trips.txt': {
    required: ['route_id', 'service_id', 'trip_id'],
    fields: { direction_id: bool01, wheelchair_accessible: access012, bikes_allowed: access012, cars_allowed: access012 },
    key: ['trip_id'],
  },
  'stop_times.txt': {
    required: ['trip_id', 'stop_sequence'],
    fields: {
      arrival_time: 'time',
      departure_time: 'time',
      stop_sequence: nonNegInt,
      pickup_type: pickup,
      drop_off_type: pickup,
      continuous_pickup: pickup,
      continuous_drop_off: pickup,
      shape_dist_traveled: nonNegFloat,
      timepoint: bool01,
    },
    // (trip_id, stop_sequence) is checked along each trip, without a set of every row.
  },
  'calendar.txt': {
    required: ['service_id', ...DAYS, 'start_date', 'end_date'],
    fields: { ...Object.fromEntries(DAYS.map((d) => [d, bool01])), start_date: 'date', end_date: 'date' },
    key: ['service_id'],
  },
  'calendar_dates.txt': {
    required: ['service_id', 'date', 'exception_type'],
    fields: { date: 'date', exception_type: { enum: [1, 2] } },
    key: ['service_id', 'date'],
  },
  'shapes.txt': {
    required: ['shape_id', 'shape_pt_lat', 'shape_pt_lon', 'shape_pt_sequence'],
    fields: { shape_pt_lat: lat, shape_pt_lon: lon, shape_pt_sequence: nonNegInt, shape_dist_traveled: nonNegFloat },
  },
  'frequencies.txt': {
    required: ['trip_id', 'start_time', 'end_time', 'headway_secs'],
    fields: { start_time: 'time', end_time: 'time', headway_secs: { int: [1] }, exact_times: bool01 },
    key: ['trip_id', 'start_time'],
  },
  'fare_attributes.txt': {
    required: ['fare_id', 'price', 'currency_type', 'payment_method', 'transfers'],
    emptyOk: ['transfers'],
    fields: { price: nonNegFloat, currency_type: 'currency', payment_method: bool01, transfers: { enum: [0, 1, 2] }, transfer_duration: nonNegInt },
    key: ['fare_id'],
  },
  'fare_rules.txt': { required: ['fare_id'], fields: {} },
  'feed_info.txt': {
    required: ['feed_publisher_name', 'feed_publisher_url', 'feed_lang'],
    fields: { feed_publisher_url: 'url', feed_start_date: 'date', feed_end_date: 'date', feed_contact_email: 'email', feed_contact_url: 'url' },
  },
  'translations.txt': { required: ['table_name', 'field_name', 'language', 'translation'], fields: {} },
  'transfers.txt': { required: ['transfer_type'], fields: { transfer_type: { enum: [0, 1, 2, 3, 4, 5] }, min_transfer_time: nonNegInt } },
  'levels.txt': { required: ['level_id', 'level_index'], fields: { level_index: { float: [-Infinity] } }, key: ['level_id'] },
  'pathways.txt': {
    required: ['pathway_id', 'from_stop_id', 'to_stop_id', 'pathway_mode', 'is_bidirectional'],
    fields: { pathway_mode: { enum: [1, 2, 3, 4, 5, 6, 7] }, is_bidirectional: bool01 },
    key: ['pathway_id'],
  },
  'attributions.txt': { required: ['organization_name'], fields: { attribution_url: 'url', attribution_email: 'email' } },
}

/** Files of the GTFS reference that this rule pack does not check in detail but does not call unknown. */
export const OTHER_GTFS_FILES = new Set([
  'timeframes.txt',
  'rider_categories.txt',
  'fare_media.txt',
  'fare_products.txt',
  'fare_leg_rules.txt',
  'fare_leg_join_rules.txt',
  'fare_transfer_rules.txt',
  'areas.txt',
  'stop_areas.txt',
  'networks.txt',
  'route_networks.txt',
  'location_groups.txt',
  'location_group_stops.txt',
  'locations.geojson',
  'booking_rules.txt',
])

export const REQUIRED_FILES = ['agency.txt', 'stops.txt', 'routes.txt', 'trips.txt', 'stop_times.txt']
