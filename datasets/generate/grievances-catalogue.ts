/**
 * The TMC service catalogue behind the synthetic grievances: the Open311 service list
 * (services.csv), the service definitions (service-definitions.json), and what the generator needs
 * to make requests for each service look real (yearly volume, seasonal profile, SLA behaviour,
 * closure and progress notes).
 *
 * Department names follow TMC's usual English names; the SLA days are plausible targets made up for
 * the sample data, not TMC's published citizen charter.
 */

export type ServiceType = 'realtime' | 'batch' | 'blackbox'

/** One row of services.csv plus the generator's knobs for it. */
export interface Service {
  service_code: string
  service_name: string
  description: string
  type: ServiceType
  keywords: readonly string[]
  group: string
  agency: string
  sla_days: number
  /** How many of the ~5,000 requests are this service, before rounding. */
  share: number
  /** Relative volume by calendar month, January first (1 = an ordinary month). */
  months: readonly number[]
  /** Emergency services are acknowledged around the clock; others in office hours. */
  emergency: boolean
  /** Median of (days to close / sla_days) and its spread; higher = more SLA breaches. */
  closeMedian: number
  closeSigma: number
  /**
   * Notes written when a request is closed as done, by the kind of problem its description is about
   * (see grievances-text.ts); '*' is the fallback for kinds without notes of their own.
   */
  closed: Readonly<Record<string, readonly string[]>>
  /** Service-specific reasons to reject (added to the common ones). */
  rejected: readonly string[]
  /** Progress notes for open, acknowledged requests (added to the common ones). */
  progress: readonly string[]
  /** Share of requests with a photo (media_url). */
  photo: number
}

/** The Open311 attribute shape, exactly as GeoReport v2 defines it. */
export interface Attribute {
  variable: boolean
  code: string
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist'
  required: boolean
  datatype_description: string | null
  order: number
  description: string
  values: { key: string; name: string }[]
}

export interface ServiceDefinition {
  service_code: string
  attributes: Attribute[]
}

const flat = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]

export const SERVICES: readonly Service[] = [
  {
    service_code: 'POTHOLE',
    service_name: 'Pothole on road',
    description: 'A pothole or a broken patch on a TMC road.',
    type: 'realtime',
    keywords: ['pothole', 'khadda', 'road', 'crater'],
    group: 'roads',
    agency: 'Public Works Department',
    sla_days: 3,
    share: 620,
    months: [0.6, 0.5, 0.5, 0.5, 0.6, 1.6, 2.8, 2.6, 2.0, 1.2, 0.8, 0.7],
    emergency: false,
    closeMedian: 0.5,
    closeSigma: 0.6,
    closed: {
      '*': [
        'Pothole filled with cold mix; road restored',
        'Pothole patched with hot-mix asphalt',
        'Stretch resurfaced by the road contractor',
        'Temporary patch done; included in the post-monsoon resurfacing list',
      ],
    },
    rejected: ['Rejected: road maintained by MMRDA; forwarded to the agency'],
    progress: ['Work order issued to the road contractor', 'Awaiting dry weather for repair'],
    photo: 0.16,
  },
  {
    service_code: 'ROAD_DAMAGE',
    service_name: 'Damaged road or footpath',
    description: 'Broken footpath, sunken paver blocks, an unrestored trench or a damaged divider.',
    type: 'realtime',
    keywords: ['footpath', 'paver blocks', 'trench', 'divider', 'road'],
    group: 'roads',
    agency: 'Public Works Department',
    sla_days: 7,
    share: 220,
    months: [0.8, 0.8, 0.8, 0.8, 0.9, 1.2, 1.5, 1.5, 1.3, 1.0, 0.8, 0.8],
    emergency: false,
    closeMedian: 0.5,
    closeSigma: 0.6,
    closed: {
      footpath: ['Footpath tiles relaid', 'Broken footpath section rebuilt'],
      trench: ['Trench restored by the utility contractor', 'Trench filled and road surface restored'],
      paver: ['Paver blocks relaid and levelled'],
      divider: ['Divider repaired and painted', 'Exposed rods cut; divider repaired'],
      '*': ['Damaged section repaired'],
    },
    rejected: ['Rejected: road maintained by MMRDA; forwarded to the agency'],
    progress: ['Utility company asked to restore the trench'],
    photo: 0.12,
  },
  {
    service_code: 'GARBAGE',
    service_name: 'Garbage not collected',
    description: 'Household waste not collected, an overflowing bin, dumping or burning of garbage.',
    type: 'realtime',
    keywords: ['garbage', 'kachra', 'waste', 'ghanta gadi', 'bin', 'dumping'],
    group: 'sanitation',
    agency: 'Solid Waste Management Department',
    sla_days: 1,
    share: 880,
    months: [1, 1, 1, 1, 1, 1.05, 1.1, 1.1, 1.05, 1, 1, 1],
    emergency: false,
    closeMedian: 0.4,
    closeSigma: 0.5,
    closed: {
      uncollected: ['Garbage lifted; area sanitised', 'Waste collected; ghanta gadi route revised'],
      bin: ['Bin cleared and washed', 'Garbage lifted; area sanitised'],
      dumping: ['Dumping spot cleared; warning board put up', 'Spot cleared; burning stopped and area sanitised'],
      timing: ['Collection timing fixed and told to the society', 'Waste collected; ghanta gadi route revised'],
      dead_animal: ['Carcass removed and area disinfected'],
      festival: ['Road swept and festival waste lifted', 'Garbage lifted; area sanitised'],
      '*': ['Garbage lifted; area sanitised'],
    },
    rejected: [],
    progress: ['Sanitary inspector informed; vehicle to be sent'],
    photo: 0.14,
  },
  {
    service_code: 'BULK_WASTE',
    service_name: 'Bulk waste or debris pickup',
    description: 'Pickup of old furniture, mattresses, e-waste, garden waste or construction debris. Scheduled in batches: a token is returned.',
    type: 'batch',
    keywords: ['bulk waste', 'debris', 'furniture', 'e-waste', 'malba', 'pickup'],
    group: 'sanitation',
    agency: 'Solid Waste Management Department',
    sla_days: 5,
    share: 140,
    months: [0.9, 0.9, 1.2, 1.2, 1.0, 0.8, 0.6, 0.7, 0.9, 1.6, 1.2, 1.0],
    emergency: false,
    closeMedian: 0.5,
    closeSigma: 0.55,
    closed: {
      furniture: ['Bulk waste picked up', 'Old furniture and mattresses collected'],
      debris: ['Debris removed; contractor fined as per rules', 'Construction debris lifted'],
      garden: ['Garden waste picked up'],
      ewaste: ['Items collected; e-waste sent to an authorised recycler'],
      '*': ['Bulk waste picked up'],
    },
    rejected: ['Rejected: construction debris from a private site; owner to arrange disposal'],
    progress: ['Pickup scheduled with the next ward round'],
    photo: 0.1,
  },
  {
    service_code: 'WATER_SUPPLY',
    service_name: 'Water supply problem',
    description: 'No water, low pressure, dirty water, a leaking pipeline or irregular supply timing.',
    type: 'realtime',
    keywords: ['water', 'paani', 'pressure', 'leakage', 'contaminated', 'tanker'],
    group: 'water',
    agency: 'Water Supply Department',
    sla_days: 2,
    share: 640,
    months: [0.8, 0.9, 1.3, 2.2, 2.6, 1.3, 0.6, 0.6, 0.6, 0.8, 0.8, 0.8],
    emergency: false,
    closeMedian: 0.45,
    closeSigma: 0.55,
    closed: {
      no_water: ['Valve adjusted; supply restored', 'Tanker sent; main line repaired'],
      low_pressure: ['Valve adjusted; pressure restored', 'Air lock cleared; pressure normal'],
      contaminated: ['Line flushed; water sample found fit for drinking', 'Leaking joint near the drain replaced; water sample fit'],
      leakage: ['Leak repaired and line pressure checked', 'Burst pipeline repaired'],
      timing: ['Supply timing restored as per schedule'],
      '*': ['Valve adjusted; supply restored'],
    },
    rejected: ['Rejected: internal plumbing of the building; society to repair'],
    progress: ['Line inspection done; repair scheduled', 'Tanker arranged until the line is repaired'],
    photo: 0.07,
  },
  {
    service_code: 'DRAINAGE',
    service_name: 'Blocked drain or sewer overflow',
    description: 'A choked gutter or sewer, an overflowing chamber, a missing manhole cover or a silted nala.',
    type: 'realtime',
    keywords: ['drain', 'gutter', 'sewer', 'manhole', 'nala', 'overflow'],
    group: 'drainage',
    agency: 'Drainage Department',
    sla_days: 2,
    share: 430,
    months: [0.35, 0.3, 0.3, 0.35, 0.7, 2.6, 3.2, 2.8, 2.0, 0.8, 0.4, 0.35],
    emergency: true,
    closeMedian: 0.5,
    closeSigma: 0.6,
    closed: {
      blocked: ['Drain cleaned and desilted', 'Blockage removed; flow restored'],
      sewer: ['Sewer line jetted; flow restored', 'Chamber cleaned; sewer line jetted'],
      manhole: ['New manhole cover fixed'],
      nala: ['Nala cleaned; silt removed from the site'],
      silt: ['Silt lifted from the roadside'],
      '*': ['Drain cleaned and desilted'],
    },
    rejected: [],
    progress: ['Jetting machine requested', 'Desilting gang assigned'],
    photo: 0.12,
  },
  {
    service_code: 'WATERLOGGING',
    service_name: 'Waterlogging',
    description: 'Rain water standing on a road, in a subway or entering homes.',
    type: 'realtime',
    keywords: ['waterlogging', 'flooding', 'rain', 'subway', 'paani bharla'],
    group: 'drainage',
    agency: 'Disaster Management Cell',
    sla_days: 1,
    share: 260,
    months: [0.02, 0.02, 0.02, 0.03, 0.15, 3.0, 4.5, 3.5, 2.2, 0.3, 0.03, 0.02],
    emergency: true,
    closeMedian: 0.35,
    closeSigma: 0.6,
    closed: { '*': ['Water pumped out; outlet cleared', 'Water receded; drain inlet cleaned', 'Blocked culvert cleared'] },
    rejected: [],
    progress: ['Dewatering pump deployed'],
    photo: 0.15,
  },
  {
    service_code: 'STREETLIGHT',
    service_name: 'Streetlight not working',
    description: 'A streetlight that is off, flickering, on during the day, or a damaged pole or loose wire.',
    type: 'realtime',
    keywords: ['streetlight', 'light', 'pole', 'dark', 'divabatti'],
    group: 'electrical',
    agency: 'Electrical Department',
    sla_days: 3,
    share: 400,
    months: [0.9, 0.9, 0.9, 0.9, 1.0, 1.3, 1.4, 1.3, 1.2, 1.0, 1.0, 1.0],
    emergency: false,
    closeMedian: 0.45,
    closeSigma: 0.55,
    closed: {
      off: ['Faulty lamp replaced with LED', 'Cable fault repaired; light working'],
      flicker: ['Faulty driver replaced; light steady'],
      day: ['Timer reset; light now off during the day'],
      wire: ['Loose wire secured and junction box closed'],
      '*': ['Faulty lamp replaced with LED'],
    },
    rejected: ['Rejected: light belongs to a private society'],
    progress: ['Lineman assigned', 'Underground cable fault being traced'],
    photo: 0.06,
  },
  {
    service_code: 'MOSQUITO',
    service_name: 'Mosquito breeding',
    description: 'Stagnant water or containers where mosquitoes breed; requests for fogging.',
    type: 'realtime',
    keywords: ['mosquito', 'dengue', 'malaria', 'fogging', 'stagnant water'],
    group: 'health',
    agency: 'Health Department',
    sla_days: 3,
    share: 240,
    months: [0.4, 0.35, 0.4, 0.45, 0.6, 1.6, 2.4, 2.6, 2.4, 1.6, 0.8, 0.5],
    emergency: false,
    closeMedian: 0.45,
    closeSigma: 0.55,
    closed: {
      construction: ['Notice served to the builder; basement pumped and sprayed'],
      fogging: ['Fogging done in the area'],
      '*': ['Fogging and anti-larval spraying done', 'Breeding spots removed; owner given notice', 'Larvicide applied; area under watch'],
    },
    rejected: [],
    progress: ['Malaria control team to visit'],
    photo: 0.08,
  },
  {
    service_code: 'ENCROACHMENT',
    service_name: 'Encroachment on road or footpath',
    description: 'Hawkers, stalls, extended sheds or abandoned vehicles occupying a road or footpath.',
    type: 'realtime',
    keywords: ['encroachment', 'hawkers', 'footpath', 'stall', 'atikraman'],
    group: 'encroachment',
    agency: 'Anti-Encroachment Department',
    sla_days: 7,
    share: 280,
    months: flat,
    emergency: false,
    closeMedian: 0.65,
    closeSigma: 0.7,
    closed: {
      hawkers: ['Hawkers cleared; material seized', 'Encroachment removed in the ward drive'],
      sheds: ['Notice served; sheds removed'],
      vehicles: ['Abandoned vehicles towed with traffic police'],
      stall: ['Unauthorised stall removed'],
      '*': ['Encroachment removed in the ward drive'],
    },
    rejected: ['Rejected: licensed hawking zone'],
    progress: ['Included in the next anti-encroachment drive', 'Joint drive with traffic police planned'],
    photo: 0.12,
  },
  {
    service_code: 'TREE_FALL',
    service_name: 'Fallen or dangerous tree',
    description: 'A fallen tree, a broken branch hanging over a road, or a tree leaning dangerously.',
    type: 'realtime',
    keywords: ['tree fall', 'fallen tree', 'branch', 'storm', 'zaad'],
    group: 'trees',
    agency: 'Tree Authority (Garden Department)',
    sla_days: 1,
    share: 150,
    months: [0.1, 0.1, 0.15, 0.2, 0.8, 4.0, 4.0, 2.6, 2.0, 0.6, 0.15, 0.1],
    emergency: true,
    closeMedian: 0.45,
    closeSigma: 0.6,
    closed: {
      fallen: ['Fallen tree cut and removed; road cleared'],
      branch: ['Hanging branch removed'],
      leaning: ['Leaning tree inspected and pruned for safety'],
      '*': ['Fallen tree cut and removed; road cleared'],
    },
    rejected: [],
    progress: ['Disaster response team on the way'],
    photo: 0.18,
  },
  {
    service_code: 'TREE_TRIMMING',
    service_name: 'Tree trimming request',
    description: 'Trimming of branches touching wires, blocking lights or overhanging buildings. Inspected and scheduled in batches: a token is returned.',
    type: 'batch',
    keywords: ['tree trimming', 'pruning', 'branches', 'wires'],
    group: 'trees',
    agency: 'Tree Authority (Garden Department)',
    sla_days: 15,
    share: 110,
    months: [0.6, 0.8, 1.2, 2.0, 3.0, 1.2, 0.4, 0.4, 0.5, 0.7, 0.6, 0.6],
    emergency: false,
    closeMedian: 0.55,
    closeSigma: 0.6,
    closed: { '*': ['Branches trimmed after inspection', 'Branches clear of the power lines trimmed', 'Inspected: healthy tree; light pruning only'] },
    rejected: ['Rejected: heavy pruning of a healthy tree is not permitted'],
    progress: ['Tree Authority inspection scheduled'],
    photo: 0.08,
  },
  {
    service_code: 'STRAY_DOGS',
    service_name: 'Stray dog menace',
    description: 'Aggressive or injured stray dogs; requests for sterilisation and vaccination.',
    type: 'realtime',
    keywords: ['stray dogs', 'dog bite', 'sterilisation', 'rabies'],
    group: 'animals',
    agency: 'Veterinary Department',
    sla_days: 5,
    share: 260,
    months: flat,
    emergency: false,
    closeMedian: 0.6,
    closeSigma: 0.65,
    closed: {
      injured: ['Injured dog taken to the animal shelter'],
      '*': ['Dogs caught for sterilisation and vaccination; released after recovery', 'Anti-rabies vaccination drive held in the area'],
    },
    rejected: [],
    progress: ['Dog van scheduled for the area'],
    photo: 0.05,
  },
  {
    service_code: 'NOISE',
    service_name: 'Noise nuisance',
    description: 'Loudspeakers, night-time construction, generators or other loud noise.',
    type: 'realtime',
    keywords: ['noise', 'loudspeaker', 'DJ', 'construction at night', 'firecrackers'],
    group: 'environment',
    agency: 'Environment Department',
    sla_days: 2,
    share: 170,
    months: flat,
    emergency: false,
    closeMedian: 0.4,
    closeSigma: 0.55,
    closed: {
      construction: ['Notice served to the site for night work'],
      generator: ['Shop told to switch to a silent generator'],
      firecrackers: ['Police patrol informed; late-night bursting stopped'],
      '*': ['Police informed; loudspeaker stopped', 'Organisers warned; sound levels checked'],
    },
    rejected: ['Rejected: within permitted hours; no action required'],
    progress: ['Environment officer to check sound levels'],
    photo: 0.02,
  },
  {
    service_code: 'ILLEGAL_HOARDING',
    service_name: 'Illegal hoarding or banner',
    description: 'An unauthorised banner, poster or hoarding, or one that looks unsafe.',
    type: 'realtime',
    keywords: ['hoarding', 'banner', 'poster', 'flex'],
    group: 'advertisement',
    agency: 'Advertisement Department',
    sla_days: 5,
    share: 110,
    months: [1.1, 0.8, 1.0, 0.8, 0.8, 0.7, 0.7, 1.0, 1.0, 1.0, 0.9, 0.9],
    emergency: false,
    closeMedian: 0.5,
    closeSigma: 0.6,
    closed: {
      hoarding: ['Hoarding removed; case filed', 'Checked: licensed hoarding with a valid structural certificate'],
      '*': ['Illegal banners removed'],
    },
    rejected: [],
    progress: ['Licence records being checked'],
    photo: 0.14,
  },
  {
    service_code: 'PUBLIC_TOILET',
    service_name: 'Public toilet problem',
    description: 'A public toilet that is dirty, locked, without water or lights, or overflowing.',
    type: 'realtime',
    keywords: ['public toilet', 'sauchalay', 'washroom', 'cleanliness'],
    group: 'sanitation',
    agency: 'Solid Waste Management Department',
    sla_days: 2,
    share: 90,
    months: [1, 1, 1, 1, 1, 1.2, 1.2, 1.2, 1.1, 1, 1, 1],
    emergency: false,
    closeMedian: 0.45,
    closeSigma: 0.55,
    closed: {
      locked: ['Caretaker told to keep the toilet open; checked'],
      broken: ['Doors and lights repaired'],
      septic: ['Septic tank emptied and cleaned'],
      '*': ['Toilet cleaned; water supply restored'],
    },
    rejected: [],
    progress: ['Caretaker agency told to clean daily'],
    photo: 0.08,
  },
]

/** Common rejection notes, for any service. */
export const REJECTED_COMMON: readonly string[] = [
  'Rejected: outside TMC limits',
  'Rejected: location is on railway land; forwarded to Central Railway',
  'Rejected: not enough location detail; please re-submit with a landmark',
  'Rejected: inside private property; the housing society is responsible',
]

/** Common progress notes for open requests. */
export const PROGRESS_FRESH: readonly string[] = ['Assigned to the ward office', 'Forwarded to the ward engineer', 'Complaint registered; site visit pending']
export const PROGRESS_LATER: readonly string[] = ['Site inspected; work in progress', 'Material requisitioned; work scheduled', 'Contractor assigned; work to start shortly']
export const PROGRESS_LATE: readonly string[] = [
  'Escalated to the ward officer after the target date passed',
  'Pending with the department; reminder sent',
  'Delayed: awaiting approval from the head office',
]

export function serviceByCode(code: string): Service {
  const s = SERVICES.find((x) => x.service_code === code)
  if (!s) throw new Error(`bug: unknown service code ${code}`)
  return s
}

const v = (key: string, name: string) => ({ key, name })

/** GeoReport v2 service definitions, for every service whose metadata is true. */
export const SERVICE_DEFINITIONS: readonly ServiceDefinition[] = [
  {
    service_code: 'POTHOLE',
    attributes: [
      {
        variable: true,
        code: 'depth_cm',
        datatype: 'number',
        required: false,
        datatype_description: 'Approximate depth in centimetres, a whole number such as 10',
        order: 1,
        description: 'How deep is the pothole, roughly?',
        values: [],
      },
      {
        variable: true,
        code: 'size',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 2,
        description: 'How big is it?',
        values: [v('small', 'Smaller than a dinner plate'), v('medium', 'Up to 1 metre across'), v('large', 'More than 1 metre across'), v('many', 'Several potholes across the road')],
      },
      {
        variable: true,
        code: 'position',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: null,
        order: 3,
        description: 'Where on the road is it?',
        values: [v('carriageway', 'In the middle of the road'), v('edge', 'At the edge of the road'), v('junction', 'At a junction or signal'), v('speed_breaker', 'On or next to a speed breaker')],
      },
    ],
  },
  {
    service_code: 'GARBAGE',
    attributes: [
      {
        variable: true,
        code: 'garbage_kind',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 1,
        description: 'What is the problem?',
        values: [
          v('not_collected', 'Household waste not collected'),
          v('overflowing_bin', 'Overflowing community bin'),
          v('open_dumping', 'Garbage dumped in the open'),
          v('burning', 'Garbage being burnt'),
          v('dead_animal', 'Dead animal to be removed'),
        ],
      },
      {
        variable: true,
        code: 'days_uncollected',
        datatype: 'number',
        required: false,
        datatype_description: 'Number of days, e.g. 3',
        order: 2,
        description: 'For how many days has it not been collected?',
        values: [],
      },
    ],
  },
  {
    service_code: 'BULK_WASTE',
    attributes: [
      {
        variable: false,
        code: 'bulk_info',
        datatype: 'string',
        required: false,
        datatype_description: null,
        order: 1,
        description:
          'Bulk and debris pickups are scheduled in batches: you receive a token, and the ward office fixes a pickup date within 5 days. Construction debris is charged at TMC rates.',
        values: [],
      },
      {
        variable: true,
        code: 'items',
        datatype: 'multivaluelist',
        required: true,
        datatype_description: 'Choose all that apply',
        order: 2,
        description: 'What needs to be picked up?',
        values: [
          v('furniture', 'Old furniture'),
          v('mattresses', 'Mattresses and bedding'),
          v('e_waste', 'E-waste (electronics, batteries)'),
          v('appliances', 'Large appliances'),
          v('garden_waste', 'Garden waste and cut branches'),
          v('construction_debris', 'Construction debris'),
        ],
      },
      {
        variable: true,
        code: 'volume',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 3,
        description: 'About how much is there?',
        values: [v('handcart', 'A handcart load'), v('tempo', 'A tempo load'), v('truck', 'A truck load or more')],
      },
      {
        variable: true,
        code: 'preferred_date',
        datatype: 'datetime',
        required: false,
        datatype_description: 'ISO 8601 date and time, e.g. 2026-03-14T10:00:00+05:30',
        order: 4,
        description: 'Preferred pickup date (the ward office confirms the slot)',
        values: [],
      },
    ],
  },
  {
    service_code: 'WATER_SUPPLY',
    attributes: [
      {
        variable: true,
        code: 'problem',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 1,
        description: 'What is wrong with the water supply?',
        values: [
          v('no_water', 'No water'),
          v('low_pressure', 'Low pressure'),
          v('contaminated', 'Dirty or contaminated water'),
          v('leakage', 'Pipeline leakage'),
          v('irregular_timing', 'Irregular supply timing'),
        ],
      },
      {
        variable: true,
        code: 'since',
        datatype: 'datetime',
        required: false,
        datatype_description: 'ISO 8601 date and time, e.g. 2026-04-20T06:00:00+05:30',
        order: 2,
        description: 'Since when?',
        values: [],
      },
      {
        variable: true,
        code: 'connection_number',
        datatype: 'string',
        required: false,
        datatype_description: 'As printed on the water bill',
        order: 3,
        description: 'Water connection (consumer) number, if you know it',
        values: [],
      },
    ],
  },
  {
    service_code: 'DRAINAGE',
    attributes: [
      {
        variable: true,
        code: 'drain_problem',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 1,
        description: 'What is the problem?',
        values: [
          v('blocked_drain', 'Blocked gutter or drain'),
          v('sewer_overflow', 'Sewer or chamber overflowing'),
          v('manhole_cover', 'Manhole cover missing or broken'),
          v('nala_silt', 'Nala full of silt or plastic'),
        ],
      },
    ],
  },
  {
    service_code: 'WATERLOGGING',
    attributes: [
      {
        variable: true,
        code: 'depth_cm',
        datatype: 'number',
        required: true,
        datatype_description: 'Approximate depth in centimetres (ankle ≈ 10, knee ≈ 45)',
        order: 1,
        description: 'How deep is the water?',
        values: [],
      },
      {
        variable: true,
        code: 'affected',
        datatype: 'multivaluelist',
        required: false,
        datatype_description: 'Choose all that apply',
        order: 2,
        description: 'What is affected?',
        values: [v('road', 'Road or junction'), v('subway', 'Subway or underpass'), v('homes', 'Water entering homes or shops'), v('school_hospital', 'A school or hospital')],
      },
    ],
  },
  {
    service_code: 'STREETLIGHT',
    attributes: [
      {
        variable: true,
        code: 'pole_number',
        datatype: 'string',
        required: false,
        datatype_description: 'Painted on the pole, e.g. SL-VN-0421',
        order: 1,
        description: 'Pole number',
        values: [],
      },
      {
        variable: true,
        code: 'fault',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 2,
        description: 'What is wrong?',
        values: [
          v('not_working', 'Light not working'),
          v('flickering', 'Light flickering'),
          v('on_during_day', 'Light on during the day'),
          v('damaged_pole', 'Pole damaged or leaning'),
          v('loose_wire', 'Loose or hanging wire'),
        ],
      },
      {
        variable: true,
        code: 'lights_out',
        datatype: 'number',
        required: false,
        datatype_description: 'A whole number, e.g. 3',
        order: 3,
        description: 'How many lights in a row are affected?',
        values: [],
      },
    ],
  },
  {
    service_code: 'MOSQUITO',
    attributes: [
      {
        variable: true,
        code: 'breeding_sites',
        datatype: 'multivaluelist',
        required: true,
        datatype_description: 'Choose all that apply',
        order: 1,
        description: 'Where is water collecting?',
        values: [
          v('stagnant_water', 'Stagnant water on an open plot or road'),
          v('open_tank', 'Uncovered water tank or drum'),
          v('construction_site', 'Construction site'),
          v('tyres_containers', 'Old tyres, pots or containers'),
          v('drain', 'Open drain'),
        ],
      },
      {
        variable: true,
        code: 'fever_cases',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: null,
        order: 2,
        description: 'Are there fever cases nearby?',
        values: [v('none', 'None that I know of'), v('dengue', 'Dengue'), v('malaria', 'Malaria'), v('not_sure', 'Fever, not sure which')],
      },
    ],
  },
  {
    service_code: 'TREE_FALL',
    attributes: [
      {
        variable: true,
        code: 'tree_condition',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 1,
        description: 'What has happened?',
        values: [v('fallen', 'Tree has fallen'), v('branch_broken', 'Branch broken or hanging'), v('leaning', 'Tree leaning dangerously')],
      },
      {
        variable: true,
        code: 'blocking',
        datatype: 'multivaluelist',
        required: false,
        datatype_description: 'Choose all that apply',
        order: 2,
        description: 'What is it blocking or touching?',
        values: [v('road', 'Road'), v('footpath', 'Footpath'), v('vehicle', 'A parked vehicle'), v('power_lines', 'Power lines'), v('building', 'A building')],
      },
    ],
  },
  {
    service_code: 'TREE_TRIMMING',
    attributes: [
      {
        variable: false,
        code: 'trimming_info',
        datatype: 'string',
        required: false,
        datatype_description: null,
        order: 1,
        description:
          'Trimming is done only after the Tree Authority inspects the tree. Cutting or heavy pruning of a healthy tree needs permission under the Maharashtra (Urban Areas) Protection and Preservation of Trees Act, 1975.',
        values: [],
      },
      {
        variable: true,
        code: 'reason',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 2,
        description: 'Why does it need trimming?',
        values: [
          v('touching_wires', 'Branches touching electric wires'),
          v('blocking_light', 'Branches covering a streetlight'),
          v('overhanging_building', 'Branches over a building'),
          v('dead_branches', 'Dead or dry branches'),
        ],
      },
      {
        variable: true,
        code: 'private_property',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 3,
        description: 'Is the tree inside a private compound?',
        values: [v('yes', 'Yes'), v('no', 'No, on a public road or open space')],
      },
    ],
  },
  {
    service_code: 'NOISE',
    attributes: [
      {
        variable: true,
        code: 'noise_source',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 1,
        description: 'What is making the noise?',
        values: [
          v('loudspeaker', 'Loudspeaker or DJ'),
          v('construction', 'Construction work'),
          v('generator', 'Generator or machinery'),
          v('firecrackers', 'Firecrackers'),
          v('other', 'Something else'),
        ],
      },
      {
        variable: true,
        code: 'details',
        datatype: 'text',
        required: false,
        datatype_description: 'A few lines; no personal details',
        order: 2,
        description: 'When does it happen and for how long?',
        values: [],
      },
    ],
  },
  {
    service_code: 'PUBLIC_TOILET',
    attributes: [
      {
        variable: true,
        code: 'toilet_problem',
        datatype: 'multivaluelist',
        required: true,
        datatype_description: 'Choose all that apply',
        order: 1,
        description: 'What is wrong?',
        values: [
          v('dirty', 'Dirty'),
          v('no_water', 'No water'),
          v('locked', 'Locked during open hours'),
          v('broken_fixtures', 'Broken doors, taps or fittings'),
          v('no_lights', 'No lights'),
          v('septic_overflow', 'Septic tank overflowing'),
        ],
      },
      {
        variable: true,
        code: 'section',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: null,
        order: 2,
        description: 'Which section?',
        values: [v('men', "Men's"), v('women', "Women's"), v('both', 'Both'), v('accessible', 'Accessible toilet')],
      },
    ],
  },
]

/** Whether a service has a definition (Open311 `metadata`). */
export function hasDefinition(code: string): boolean {
  return SERVICE_DEFINITIONS.some((d) => d.service_code === code)
}
