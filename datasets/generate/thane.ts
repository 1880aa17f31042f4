/**
 * Thane geography for the synthetic datasets: the city's nine ward committees (prabhag samitis),
 * real locality and landmark names, PIN codes, and a rough city boundary.
 *
 * Everything here is APPROXIMATE: centres and locality points were placed by hand to within a few
 * hundred metres, ward areas are circles rather than the real ward boundaries, and the relative
 * population weights are rounded estimates, not census figures. Good enough to put a complaint in
 * the right part of town on a map; not a GIS layer.
 */

import { THANE_BOUNDARY, boundingBox, insidePolygon, type LatLon } from '../../sdk/src/validate/rules/area.ts'

/** A latitude/longitude pair in WGS84 degrees, written [lat, lon]. */
export type { LatLon }

export interface Locality {
  /** The name as written in addresses: "Naupada", "Vasant Vihar". */
  name: string
  /** The same name in Devanagari (Marathi spelling), used in Marathi and Hindi complaint text. */
  nameDeva: string
  lat: number
  lon: number
  /** Its India Post PIN code (all Thane city codes are 4006xx). */
  pin: string
  /** Public places people name when they describe where a problem is. */
  landmarks: readonly string[]
}

export interface Ward {
  /** A stable slug: "naupada-kopri". */
  id: string
  /** The ward committee's name as TMC writes it in English: "Naupada-Kopri". */
  name: string
  nameDeva: string
  /** Two letters, used in made-up asset numbers such as streetlight pole numbers. */
  abbr: string
  /** Approximate centre and a radius that covers the ward's built-up localities. */
  lat: number
  lon: number
  radiusKm: number
  /** Relative population weight (rounded estimate; the nine add up to 100). */
  weight: number
  localities: readonly Locality[]
}

const loc = (name: string, nameDeva: string, lat: number, lon: number, pin: string, landmarks: string[]): Locality => ({
  name,
  nameDeva,
  lat,
  lon,
  pin,
  landmarks,
})

/** The nine ward committees of Thane Municipal Corporation, in TMC's usual order. */
export const WARDS: readonly Ward[] = [
  {
    id: 'naupada-kopri',
    name: 'Naupada-Kopri',
    nameDeva: 'नौपाडा-कोपरी',
    abbr: 'NK',
    lat: 19.1885,
    lon: 72.9765,
    radiusKm: 1.6,
    weight: 10,
    localities: [
      loc('Naupada', 'नौपाडा', 19.1932, 72.9722, '400602', ['Gokhale Road signal', 'Ram Maruti Road', 'Hari Niwas Circle', 'Naupada police station']),
      loc('Talao Pali', 'तलावपाळी', 19.1912, 72.9712, '400601', ['Masunda Lake', 'Gadkari Rangayatan', 'Talao Pali promenade']),
      loc('Thane Station (West)', 'ठाणे स्टेशन', 19.1863, 72.9752, '400601', ['Station Road', 'SATIS bridge', 'Jambli Naka market']),
      loc('Vishnu Nagar', 'विष्णूनगर', 19.1953, 72.9758, '400602', ['Vishnu Nagar main road', 'the municipal school']),
      loc('Ghantali', 'घंटाळी', 19.1962, 72.9702, '400602', ['Ghantali Devi temple', 'Ghantali road']),
      loc('Kopri', 'कोपरी', 19.1858, 72.9832, '400603', ['Thane East station', 'Kopri market', 'Kopri bridge']),
      loc('Chendani Koliwada', 'चेंदणी कोळीवाडा', 19.1828, 72.9788, '400601', ['Chendani bunder', 'the Koliwada jetty']),
      loc('Anand Nagar (Kopri)', 'आनंदनगर', 19.1788, 72.9828, '400603', ['Anand Nagar check naka', 'Eastern Express Highway service road']),
    ],
  },
  {
    id: 'uthalsar',
    name: 'Uthalsar',
    nameDeva: 'उथळसर',
    abbr: 'UT',
    lat: 19.2005,
    lon: 72.9685,
    radiusKm: 1.3,
    weight: 9,
    localities: [
      loc('Uthalsar', 'उथळसर', 19.2005, 72.969, '400601', ['Uthalsar naka', 'Uthalsar ward office']),
      loc('Khopat', 'खोपट', 19.1982, 72.965, '400601', ['Khopat ST depot', 'Khopat signal']),
      loc('Tembhi Naka', 'टेंभी नाका', 19.1968, 72.9715, '400601', ['Tembhi Naka junction', 'the Tembhi Naka market lane']),
      loc('Court Naka', 'कोर्ट नाका', 19.1976, 72.9738, '400601', ['the District Court', 'Court Naka junction']),
      loc('Panchpakhadi', 'पाचपाखाडी', 19.2032, 72.9735, '400602', ['TMC headquarters', 'Nitin Company junction']),
      loc('Kolbad', 'कोलबाड', 19.2048, 72.9645, '400601', ['Kolbad road', 'the Kolbad garden']),
      loc('Civil Hospital area', 'सिव्हिल हॉस्पिटल परिसर', 19.1992, 72.9708, '400601', ['Thane Civil Hospital', 'the hospital bus stop']),
    ],
  },
  {
    id: 'wagle-estate',
    name: 'Wagle Estate',
    nameDeva: 'वागळे इस्टेट',
    abbr: 'WE',
    lat: 19.206,
    lon: 72.952,
    radiusKm: 1.5,
    weight: 10,
    localities: [
      loc('Wagle Estate', 'वागळे इस्टेट', 19.2035, 72.9555, '400604', ['Road No. 16', 'Road No. 22', 'Road No. 28', 'Wagle police station']),
      loc('Kisan Nagar', 'किसननगर', 19.2068, 72.9545, '400604', ['Kisan Nagar No. 2', 'Kisan Nagar bus stop']),
      loc('Shree Nagar', 'श्रीनगर', 19.2125, 72.9565, '400604', ['Shree Nagar bus stop', 'Shree Nagar market']),
      loc('Padwal Nagar', 'पडवळनगर', 19.2028, 72.9482, '400604', ['Padwal Nagar road', 'the public well']),
      loc('Indira Nagar', 'इंदिरानगर', 19.2005, 72.9455, '400604', ['Indira Nagar naka', 'the hill-side steps']),
      loc('Road No. 33 area', 'रोड नं. ३३ परिसर', 19.2092, 72.9498, '400604', ['Road No. 33', 'the MIDC water tank']),
    ],
  },
  {
    id: 'lokmanya-savarkar',
    name: 'Lokmanya Nagar-Savarkar Nagar',
    nameDeva: 'लोकमान्यनगर-सावरकरनगर',
    abbr: 'LS',
    lat: 19.2172,
    lon: 72.9495,
    radiusKm: 1.6,
    weight: 12,
    localities: [
      loc('Lokmanya Nagar', 'लोकमान्यनगर', 19.2122, 72.9445, '400606', ['Lokmanya Nagar bus depot', 'Pada No. 4', 'Lokmanya Nagar market']),
      loc('Savarkar Nagar', 'सावरकरनगर', 19.2155, 72.9505, '400606', ['Savarkar Nagar bus stop', 'the TMC school']),
      loc('Yashodhan Nagar', 'यशोधननगर', 19.2185, 72.9525, '400606', ['Yashodhan Nagar bus stop', 'the Yashodhan Nagar garden']),
      loc('Upvan', 'उपवन', 19.2228, 72.9508, '400606', ['Upvan Lake', 'Upvan bus stop']),
      loc('Shivaji Nagar', 'शिवाजीनगर', 19.2105, 72.9482, '400606', ['Shivaji Nagar naka', 'the community hall']),
      loc('Gandhi Nagar', 'गांधीनगर', 19.2205, 72.9568, '400606', ['Pokhran Road No. 2', 'Gandhi Nagar bus stop']),
    ],
  },
  {
    id: 'vartak-nagar',
    name: 'Vartak Nagar',
    nameDeva: 'वर्तकनगर',
    abbr: 'VN',
    lat: 19.2152,
    lon: 72.9662,
    radiusKm: 1.5,
    weight: 9,
    localities: [
      loc('Vartak Nagar', 'वर्तकनगर', 19.2132, 72.9652, '400606', ['Vartak Nagar naka', 'Vartak Nagar police station']),
      loc('Pokhran Road No. 1', 'पोखरण रोड नं. १', 19.2162, 72.9692, '400606', ['Pokhran Road No. 1', 'Cadbury junction']),
      loc('Vasant Vihar', 'वसंत विहार', 19.2232, 72.9642, '400610', ['Vasant Vihar bus stop', 'Vasant Vihar main gate']),
      loc('Devdaya Nagar', 'देवदयानगर', 19.211, 72.9602, '400606', ['Devdaya Nagar road', 'the Devdaya Nagar temple']),
      loc('Shivai Nagar', 'शिवाईनगर', 19.2192, 72.9628, '400606', ['Shivai Nagar junction', 'Shivai Nagar bus stop']),
      loc('Samta Nagar', 'समतानगर', 19.2088, 72.9625, '400606', ['Samta Nagar garden', 'Samta Nagar road']),
    ],
  },
  {
    id: 'majiwada-manpada',
    name: 'Majiwada-Manpada',
    nameDeva: 'माजिवडा-मानपाडा',
    abbr: 'MM',
    lat: 19.247,
    lon: 72.974,
    radiusKm: 3.4,
    weight: 15,
    localities: [
      loc('Majiwada', 'माजिवडा', 19.2235, 72.979, '400601', ['Majiwada junction', 'the Majiwada flyover']),
      loc('Balkum', 'बाळकुम', 19.227, 72.986, '400608', ['Balkum naka', 'Balkum pada']),
      loc('Kolshet', 'कोलशेत', 19.23, 72.994, '400607', ['Kolshet road', 'the Kolshet industrial area']),
      loc('Dhokali', 'ढोकाळी', 19.234, 72.98, '400607', ['Dhokali naka', 'Dhokali road']),
      loc('Manpada', 'मानपाडा', 19.241, 72.972, '400610', ['Manpada bus stop', 'Tikuji-ni-wadi road']),
      loc('Hiranandani Estate', 'हिरानंदानी इस्टेट', 19.258, 72.972, '400607', ['Hiranandani Estate main road', 'Patlipada bus stop']),
      loc('Brahmand', 'ब्रह्मांड', 19.249, 72.968, '400607', ['Brahmand signal', 'Brahmand phase 2 gate']),
      loc('Waghbil', 'वाघबीळ', 19.253, 72.97, '400615', ['Waghbil naka', 'the Waghbil bus stop']),
      loc('Kasarvadavali', 'कासारवडवली', 19.266, 72.964, '400615', ['Kasarvadavali bus stop', 'Ghodbunder Road service road']),
      loc('Anand Nagar (Ghodbunder Road)', 'आनंदनगर (घोडबंदर रोड)', 19.256, 72.965, '400615', ['Anand Nagar bus stop', 'the Ghodbunder Road flyover']),
    ],
  },
  {
    id: 'kalwa',
    name: 'Kalwa',
    nameDeva: 'कळवा',
    abbr: 'KL',
    lat: 19.1975,
    lon: 73.0,
    radiusKm: 1.6,
    weight: 12,
    localities: [
      loc('Kalwa Naka', 'कळवा नाका', 19.1965, 72.9985, '400605', ['Kalwa Naka', 'the Kalwa bridge']),
      loc('Kalwa Station', 'कळवा स्टेशन', 19.195, 73.0005, '400605', ['Kalwa station road', 'the station subway']),
      loc('Kharegaon', 'खारेगाव', 19.1995, 72.995, '400605', ['Kharegaon toll naka', 'the Kharegaon railway gate']),
      loc('Parsik Nagar', 'पारसिकनगर', 19.207, 72.9975, '400605', ['Parsik Nagar main road', 'the Parsik Nagar bus stop']),
      loc('Vitawa', 'विटावा', 19.188, 72.996, '400605', ['Vitawa subway', 'Vitawa naka']),
      loc('Manisha Nagar', 'मनीषानगर', 19.202, 73.0035, '400605', ['Manisha Nagar gate', 'the Manisha Nagar market']),
      loc('Kalwa Hospital area', 'कळवा हॉस्पिटल परिसर', 19.2, 73.006, '400605', ['Chhatrapati Shivaji Maharaj Hospital', 'the hospital gate']),
    ],
  },
  {
    id: 'mumbra',
    name: 'Mumbra',
    nameDeva: 'मुंब्रा',
    abbr: 'MB',
    lat: 19.1725,
    lon: 73.0265,
    radiusKm: 1.9,
    weight: 14,
    localities: [
      loc('Mumbra Station', 'मुंब्रा स्टेशन', 19.1785, 73.0215, '400612', ['Mumbra station road', 'Mumbra market']),
      loc('Amrut Nagar', 'अमृतनगर', 19.176, 73.027, '400612', ['Amrut Nagar naka', 'the Amrut Nagar bus stop']),
      loc('Retibunder', 'रेतीबंदर', 19.1815, 73.0175, '400612', ['Retibunder road', 'the Mumbra bypass']),
      loc('Kausa', 'कौसा', 19.164, 73.033, '400612', ['Kausa market', 'Kausa road']),
      loc('Almas Colony', 'अल्मास कॉलनी', 19.17, 73.03, '400612', ['Almas Colony road', 'the Almas Colony garden']),
      loc('Sanjay Nagar', 'संजयनगर', 19.1745, 73.024, '400612', ['Sanjay Nagar naka', 'the Mumbra Devi temple steps']),
    ],
  },
  {
    id: 'diva',
    name: 'Diva',
    nameDeva: 'दिवा',
    abbr: 'DV',
    lat: 19.1885,
    lon: 73.048,
    radiusKm: 1.4,
    weight: 9,
    localities: [
      loc('Diva Station', 'दिवा स्टेशन', 19.1881, 73.0424, '400612', ['Diva station (East)', 'the Diva railway crossing']),
      loc('Sabe Gaon', 'साबे गाव', 19.1935, 73.041, '400612', ['Sabe village road', 'the Sabe gaon temple']),
      loc('Dativali', 'दातिवली', 19.1955, 73.052, '400612', ['Dativali lake', 'Dativali road']),
      loc('Agasan', 'आगासन', 19.183, 73.056, '400612', ['Agasan village', 'Diva-Agasan road']),
      loc('Mhatardi', 'म्हातार्डी', 19.187, 73.05, '400612', ['Mhatardi road', 'the Mhatardi school']),
      loc('Bedekar Nagar', 'बेडेकरनगर', 19.19, 73.046, '400612', ['Bedekar Nagar', 'Diva-Shil road']),
    ],
  },
]

/** A ward by its id or its name; throws on an unknown one. */
export function wardByName(nameOrId: string): Ward {
  const w = WARDS.find((x) => x.id === nameOrId || x.name === nameOrId)
  if (!w) throw new Error(`unknown Thane ward: ${nameOrId}`)
  return w
}

/** The PIN codes used in a ward, in first-seen order. */
export function wardPins(ward: Ward): string[] {
  return [...new Set(ward.localities.map((l) => l.pin))]
}

/**
 * The city boundary and point-in-polygon live in the SDK (the validator's `inside-area` rule checks
 * coordinates against the same polygon), imported here by relative path: one source of truth.
 */
export { THANE_BOUNDARY, insidePolygon }

/** The bounding box of THANE_BOUNDARY. */
export const THANE_BBOX = boundingBox(THANE_BOUNDARY)

/** Whether a point lies inside THANE_BOUNDARY. */
export function insideThane(lat: number, lon: number): boolean {
  return insidePolygon(THANE_BOUNDARY, lat, lon)
}

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)))
}

/** Whether a point lies inside a ward's (circular, approximate) area. */
export function insideWard(ward: Ward, lat: number, lon: number): boolean {
  return distanceKm(ward.lat, ward.lon, lat, lon) <= ward.radiusKm
}
