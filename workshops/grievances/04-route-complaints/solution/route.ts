// Routes a complaint to a service code by keywords, in Marathi, Hindi and English.
import { fileURLToPath } from 'node:url'
import { readCsv } from './csv.ts'

/**
 * Keywords of each service, in the three languages. Earlier services win a tie, so the more
 * specific ones (a pothole, a fallen tree) come before the broad ones (road, tree).
 */
export const KEYWORDS: Record<string, string[]> = {
  POTHOLE: ['pothole', 'खड्डा', 'खड्डे', 'गड्ढा', 'गड्ढे', 'गड्ढों'],
  TREE_FALL: ['tree fell', 'fallen tree', 'tree has', 'leaning', 'branch', 'uprooted', 'come down', 'झाड', 'फांदी तुटून', 'वृक्ष', 'पेड़', 'गिर गया', 'डाल टूट'],
  TREE_TRIMMING: ['trimming', 'pruning', 'overgrown', 'branches', 'छाटणी', 'फांद्यांमुळे', 'फांद्या', 'छँटाई', 'डालियाँ', 'डालियों'],
  ROAD_DAMAGE: ['paver', 'tiles', 'divider', 'trench', 'dug up', 'road surface', 'broken footpath', 'tripped', 'पेव्हर', 'लाद्या', 'दुभाजक', 'खोदला', 'खोदलेला', 'खचले', 'खोदी', 'टाइलें', 'डिवाइडर', 'पेवर'],
  BULK_WASTE: ['debris', 'furniture', 'mattress', 'e-waste', 'sofa', 'fridge', 'old wood', 'garden waste', 'cut branches', 'डेब्रिज', 'ई-कचरा', 'फर्निचर', 'गाद्या', 'मलबा', 'फर्नीचर', 'गद्दे'],
  GARBAGE: ['garbage', 'waste', 'not collected', 'collection vehicle', 'ghanta gadi', 'bin', 'dumped', 'burning', 'dead animal', 'smell', 'कचरा', 'घंटागाडी', 'कचराकुंडी', 'कूड़ा', 'कचरे', 'घंटागाड़ी', 'कूड़े', 'सफ़ाई', 'थर्माकोल', 'प्लास्टिक'],
  WATERLOGGING: ['waterlogging', 'waterlogged', 'becomes a lake', 'rain water', 'rainwater', 'flooded', 'subway', 'water standing', 'cm of water', 'साचले', 'पावसाचे पाणी', 'भरले', 'जलभराव', 'बारिश का पानी', 'पानी भर'],
  WATER_SUPPLY: ['water supply', 'no water', 'water timing', 'water pressure', 'water does not', 'pipeline', 'tanker', 'water cut', 'पाणी येत', 'पाणी येते', 'जलवाहिनी', 'टँकर', 'पाणीपुरवठा', 'दाबाने', 'पाण्याचा दाब', 'पाणी पोहोचत', 'पानी नहीं आया', 'टैंकर', 'पाइपलाइन', 'नल से', 'बदबूदार पानी', 'पानी की सप्लाई'],
  DRAINAGE: ['drain', 'sewer', 'gutter', 'manhole', 'nala', 'chamber', 'silt', 'overflowing', 'ड्रेनेज', 'गटार', 'मॅनहोल', 'नाला', 'नाल्या', 'चेंबर', 'मैनहोल', 'नाली', 'गटर', 'सीवर', 'बह रहा'],
  ILLEGAL_HOARDING: ['hoarding', 'banner', 'poster', 'flex', 'signal', 'blocks the view', 'बॅनर', 'होर्डिंग', 'फलक', 'बैनर', 'पोस्टर', 'सिग्नल'],
  STREETLIGHT: ['streetlight', 'street light', 'pole', 'flickering', 'electricity', 'during the day', 'पथदिवे', 'पथदिवा', 'दिवा', 'पोल', 'स्ट्रीट लाइट', 'खंभे', 'लाइट'],
  MOSQUITO: ['mosquito', 'fogging', 'dengue', 'malaria', 'stagnant', 'breeding', 'tyres', 'drums', 'डास', 'डेंग्यू', 'फवारणी', 'मच्छर', 'डेंगू', 'छिड़काव', 'फॉगिंग'],
  ENCROACHMENT: ['encroach', 'hawkers', 'stall', 'sheds', 'abandoned vehicle', 'occupied', 'फेरीवाल', 'अतिक्रमण', 'शेड', 'टपरी', 'फेरीवालों', 'ठेले', 'बेवारस'],
  STRAY_DOGS: ['stray dog', 'dog bite', 'कुत्र', 'कुत्ते', 'कुत्तों'],
  NOISE: ['noise', 'noisy', 'loudspeaker', 'dj', 'firecrackers', 'loud', 'machinery', 'generator', 'लाऊडस्पीकर', 'डीजे', 'आवाज', 'फटाके', 'बांधकामाचे', 'लाउडस्पीकर', 'शोर', 'पटाखे'],
  PUBLIC_TOILET: ['toilet', 'washroom', 'urinal', 'शौचालय', 'स्वच्छतागृह', 'मुतारी'],
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
