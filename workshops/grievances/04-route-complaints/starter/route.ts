// Routes a complaint to a service code by keywords, in Marathi, Hindi and English.
import { fileURLToPath } from 'node:url'
import { readCsv } from './csv.ts'

/**
 * Keywords of each service. These are the English (and romanised) keywords of services.csv: they
 * route few English complaints and no Marathi or Hindi ones. TODO: add the words people really
 * write, in all three languages (run `node route.ts` to see the accuracy). Earlier services win a
 * tie, so keep the specific ones (a pothole, a fallen tree) before the broad ones.
 */
export const KEYWORDS: Record<string, string[]> = {
  POTHOLE: ['pothole', 'khadda', 'road', 'crater'],
  TREE_FALL: ['tree fall', 'fallen tree', 'branch', 'storm', 'zaad'],
  TREE_TRIMMING: ['tree trimming', 'pruning', 'branches', 'wires'],
  ROAD_DAMAGE: ['footpath', 'paver blocks', 'trench', 'divider', 'road'],
  BULK_WASTE: ['bulk waste', 'debris', 'furniture', 'e-waste', 'malba', 'pickup'],
  GARBAGE: ['garbage', 'kachra', 'waste', 'ghanta gadi', 'bin', 'dumping'],
  WATERLOGGING: ['waterlogging', 'flooding', 'rain', 'subway', 'paani bharla'],
  WATER_SUPPLY: ['water', 'paani', 'pressure', 'leakage', 'contaminated', 'tanker'],
  DRAINAGE: ['drain', 'gutter', 'sewer', 'manhole', 'nala', 'overflow'],
  ILLEGAL_HOARDING: ['hoarding', 'banner', 'poster', 'flex'],
  STREETLIGHT: ['streetlight', 'light', 'pole', 'dark', 'divabatti'],
  MOSQUITO: ['mosquito', 'dengue', 'malaria', 'fogging', 'stagnant water'],
  ENCROACHMENT: ['encroachment', 'hawkers', 'footpath', 'stall', 'atikraman'],
  STRAY_DOGS: ['stray dogs', 'dog bite', 'sterilisation', 'rabies'],
  NOISE: ['noise', 'loudspeaker', 'dj', 'construction at night', 'firecrackers'],
  PUBLIC_TOILET: ['public toilet', 'sauchalay', 'washroom', 'cleanliness'],
}

/** The service code whose keywords appear most often in the text (case-insensitive), or 'UNKNOWN' when none do. */
export function classify(text: string): string {
  const lower = text.toLowerCase()
  let best = 'UNKNOWN'
  let bestHits = 0
  for (const [code, words] of Object.entries(KEYWORDS)) {
    let hits = 0
    for (const word of words) if (lower.includes(word)) hits += 1
    if (hits > bestHits) {
      best = code
      bestHits = hits
    }
  }
  return best
}

// `node route.ts`: the accuracy on the dataset's grievances, per language.
if (import.meta.main) {
  const requests = readCsv(fileURLToPath(new URL('../data/requests.csv', import.meta.url)))
  for (const language of ['en', 'mr', 'hi']) {
    const own = requests.filter((r) => r.description_language === language)
    const right = own.filter((r) => classify(r.description ?? '') === r.service_code).length
    console.log(`${language}: ${right} of ${own.length} routed right (${((100 * right) / own.length).toFixed(1)} %)`)
  }
}
