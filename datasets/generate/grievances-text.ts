/**
 * Complaint wording for the synthetic grievances, in English, Marathi and Hindi (Devanagari).
 *
 * Each service has a pool of sentence templates per language; a description is one template filled
 * with the request's place and small details, sometimes with a greeting, a closing sentence or a
 * second line. Templates never contain people's names, phone numbers or e-mail addresses.
 */
import type { Random } from './random.ts'

export type Lang = 'en' | 'mr' | 'hi'
export const LANGS: readonly Lang[] = ['en', 'mr', 'hi']

/** The details a template can use. */
export interface TextVars {
  /** English place phrase: "near Gokhale Road signal". */
  at: string
  /** English locality: "Naupada". */
  loc: string
  /** Locality in Devanagari: "नौपाडा". */
  locD: string
  /** Generic place phrases in Marathi and Hindi: "बस स्टॉपजवळ", "बस स्टॉप के पास". */
  atMr: string
  atHi: string
  days: number
  hours: number
  weeks: number
  n: number
  depth: number
  count: number
  loads: number
  floor: number
  pole: string
}

/** Conditions that unlock extra templates. */
export type Tag = 'monsoon' | 'summer' | 'storm' | 'ganesh' | 'navratri' | 'diwali' | 'newyear' | 'holi'

type T = (v: TextVars) => string
/** A template and the kind of problem it describes (keys of the service's closure notes; '*' = any). */
interface Tpl {
  kind: string
  text: T
}
const k = (kind: string, text: T): Tpl => ({ kind, text })
interface Pool {
  en: Tpl[]
  mr: Tpl[]
  hi: Tpl[]
}
interface ServiceText extends Pool {
  /** Templates used (and preferred) only when one of the tags applies. */
  extra?: (Partial<Pool> & { when: readonly Tag[] })[]
}

export const PLACE_PREPOSITIONS = ['near', 'near', 'opposite', 'next to', 'behind', 'at'] as const
export const PLACES_MR = ['बस स्टॉपजवळ', 'सिग्नलजवळ', 'शाळेसमोर', 'मंदिराजवळ', 'बाजाराजवळ', 'मुख्य रस्त्यावर', 'आमच्या गल्लीत', 'सोसायटीच्या गेटसमोर', 'रिक्षा स्टँडजवळ']
export const PLACES_HI = ['बस स्टॉप के पास', 'सिग्नल के पास', 'स्कूल के सामने', 'मंदिर के पास', 'बाज़ार के पास', 'मेन रोड पर', 'हमारी गली में', 'सोसाइटी के गेट के सामने', 'रिक्शा स्टैंड के पास']

const TEXTS: Record<string, ServiceText> = {
  POTHOLE: {
    en: [
      k('*', (v) => `Big pothole ${v.at}, ${v.loc}. Two-wheelers are skidding, especially at night.`),
      k('*', (v) => `There are ${v.n} potholes on the road ${v.at}. When it rains they fill with water and you cannot see how deep they are.`),
      k('*', (v) => `Deep pothole in the middle of the road ${v.at}, about ${v.depth} cm deep. An auto-rickshaw broke its axle here yesterday.`),
      k('*', (v) => `The pothole ${v.at} has come back within ${v.weeks} weeks of the last patch work. Please do a proper repair, not just gravel and soil.`),
      k('*', (v) => `Road in ${v.loc} is full of potholes. Buses crawl and the traffic backs up till the signal every morning.`),
      k('*', (v) => `Pothole right next to the speed breaker ${v.at}. Very dangerous for senior citizens and school children crossing here.`),
    ],
    mr: [
      k('*', (v) => `${v.locD} परिसरात ${v.atMr} रस्त्यावर मोठा खड्डा पडला आहे. रात्री दुचाकी घसरतात.`),
      k('*', (v) => `${v.locD} ${v.atMr} रस्त्यावर ${v.n} खड्डे आहेत. पाऊस पडल्यावर खड्डे दिसत नाहीत, अपघाताचा धोका आहे.`),
      k('*', (v) => `${v.locD} मध्ये ${v.atMr} सुमारे ${v.depth} सेंमी खोल खड्डा आहे. काल एका रिक्षाचे नुकसान झाले.`),
      k('*', (v) => `मागच्या महिन्यात भरलेला खड्डा पुन्हा उखडला आहे (${v.locD}, ${v.atMr}). कायमस्वरूपी दुरुस्ती करावी.`),
    ],
    hi: [
      k('*', (v) => `${v.locD} में ${v.atHi} सड़क पर बड़ा गड्ढा है। रात को बाइक फिसल रही हैं।`),
      k('*', (v) => `${v.locD} ${v.atHi} करीब ${v.depth} सेमी गहरा गड्ढा है, कल एक रिक्शा का एक्सल टूट गया।`),
      k('*', (v) => `बारिश के बाद ${v.locD} की सड़क पूरी गड्ढों से भरी है। रोज़ ट्रैफिक जाम रहता है।`),
    ],
  },
  ROAD_DAMAGE: {
    en: [
      k('footpath', (v) => `Footpath tiles are broken ${v.at}, ${v.loc}. People have to walk on the road with the traffic.`),
      k('trench', (v) => `The road was dug up for cable work ${v.at} ${v.days} days ago and never restored. Loose soil and stones everywhere.`),
      k('paver', (v) => `Paver blocks have sunk ${v.at}; there is a dip of about ${v.depth} cm near the drain and bikes are falling.`),
      k('divider', (v) => `Road divider damaged ${v.at}, iron rods are sticking out.`),
      k('footpath', (v) => `Footpath ${v.at} in ${v.loc} is broken in many places. A senior citizen tripped and fell last week.`),
    ],
    mr: [
      k('footpath', (v) => `${v.locD} ${v.atMr} पदपथावरील लाद्या तुटल्या आहेत. लोकांना रस्त्यावरून चालावे लागते.`),
      k('trench', (v) => `केबलच्या कामासाठी ${v.days} दिवसांपूर्वी रस्ता खोदला, पण अजून बुजवलेला नाही. (${v.locD})`),
      k('paver', (v) => `${v.locD} ${v.atMr} पेव्हर ब्लॉक खचले आहेत, दुचाकी घसरतात.`),
    ],
    hi: [
      k('footpath', (v) => `${v.locD} ${v.atHi} फुटपाथ की टाइलें टूटी हैं। लोगों को सड़क पर चलना पड़ता है।`),
      k('trench', (v) => `केबल के काम के लिए ${v.days} दिन पहले सड़क खोदी गई, अब तक भरी नहीं गई। (${v.locD})`),
    ],
  },
  GARBAGE: {
    en: [
      k('uncollected', (v) => `Garbage not collected for ${v.days} days ${v.at}, ${v.loc}. Stray dogs are spreading it all over the road.`),
      k('uncollected', (v) => `The ghanta gadi has not come to our lane in ${v.loc} for ${v.days} days. Wet and dry waste is piling up.`),
      k('bin', (v) => `Overflowing garbage bin ${v.at}. Bad smell, flies, and it is right next to a school.`),
      k('dumping', (v) => `Garbage is dumped on the open plot ${v.at}. Someone burns it in the evening and the smoke comes into our homes.`),
      k('timing', (v) => `The collection vehicle comes at odd times, sometimes at 11 am, sometimes not at all. Residents of ${v.loc} cannot keep waste outside all day.`),
      k('dead_animal', (v) => `Dead animal lying ${v.at} since morning. Please remove it, the smell is unbearable.`),
    ],
    mr: [
      k('uncollected', (v) => `${v.locD} परिसरात ${v.days} दिवसांपासून कचरा उचललेला नाही. भटकी कुत्री कचरा रस्त्यावर पसरवत आहेत.`),
      k('uncollected', (v) => `आमच्या गल्लीत ${v.days} दिवस घंटागाडी आलेली नाही. ओला व सुका कचरा साचला आहे. (${v.locD})`),
      k('bin', (v) => `${v.atMr} कचराकुंडी भरून वाहत आहे, खूप दुर्गंधी येते. (${v.locD})`),
      k('dumping', (v) => `${v.locD} मधील मोकळ्या भूखंडावर कचरा टाकला जातो आणि संध्याकाळी जाळला जातो. धुरामुळे त्रास होतो.`),
    ],
    hi: [
      k('uncollected', (v) => `${v.locD} में ${v.days} दिन से कचरा नहीं उठाया गया है। आवारा कुत्ते कचरा सड़क पर फैला रहे हैं।`),
      k('uncollected', (v) => `हमारी गली में ${v.days} दिन से घंटागाड़ी नहीं आई। बहुत बदबू आ रही है। (${v.locD})`),
      k('bin', (v) => `${v.atHi} कचरा पेटी भरकर बह रही है, मक्खियाँ और बदबू। (${v.locD})`),
    ],
    extra: [
      {
        when: ['ganesh', 'navratri'],
        en: [
          k('festival', (v) => `After the immersion procession the road ${v.at} is covered with flowers, plastic and thermocol. Please clean it.`),
          k('festival', (v) => `Nirmalya and festival waste dumped near the lake side in ${v.loc}. The nirmalya kalash is full.`),
        ],
        mr: [k('festival', (v) => `विसर्जन मिरवणुकीनंतर ${v.locD} ${v.atMr} रस्त्यावर फुले, प्लास्टिक आणि थर्माकोल पडले आहे. कृपया साफसफाई करावी.`)],
        hi: [k('festival', (v) => `विसर्जन के बाद ${v.locD} ${v.atHi} सड़क पर फूल, प्लास्टिक और थर्माकोल पड़ा है। सफ़ाई करवाइए।`)],
      },
      {
        when: ['diwali', 'holi', 'newyear'],
        en: [k('festival', (v) => `Firecracker and festival waste lying all over ${v.at} since the festival. Nobody has swept the road.`)],
        mr: [k('festival', (v) => `सणानंतर ${v.locD} ${v.atMr} फटाक्यांचा कचरा तसाच पडून आहे.`)],
        hi: [k('festival', (v) => `त्योहार के बाद से ${v.locD} ${v.atHi} पटाखों का कचरा पड़ा है।`)],
      },
    ],
  },
  BULK_WASTE: {
    en: [
      k('furniture', (v) => `Need pickup of old furniture and mattresses from ${v.at}, ${v.loc}. About ${v.count} items.`),
      k('debris', (v) => `Construction debris left on the roadside ${v.at} after building repair work. Around ${v.loads} tractor loads.`),
      k('garden', (v) => `Please send a vehicle for garden waste (cut branches and leaves) lying outside our society gate ${v.at}.`),
      k('ewaste', (v) => `Old fridge, a broken sofa and some e-waste to be picked up from our building in ${v.loc}.`),
    ],
    mr: [
      k('furniture', (v) => `जुने फर्निचर आणि गाद्या उचलण्यासाठी गाडी पाठवावी. सुमारे ${v.count} वस्तू आहेत. (${v.locD})`),
      k('debris', (v) => `${v.locD} ${v.atMr} इमारत दुरुस्तीचे डेब्रिज रस्त्याच्या कडेला टाकले आहे.`),
    ],
    hi: [
      k('furniture', (v) => `पुराना फर्नीचर और गद्दे उठाने के लिए गाड़ी भेजें। लगभग ${v.count} सामान हैं। (${v.locD})`),
      k('debris', (v) => `${v.locD} ${v.atHi} मलबा सड़क किनारे डाला गया है।`),
    ],
    extra: [
      {
        when: ['diwali'],
        en: [k('furniture', (v) => `Society cleaning before Diwali: we have a heap of old wood, broken cupboards and e-waste to be picked up (${v.loc}).`)],
        mr: [k('furniture', (v) => `दिवाळीपूर्वी सोसायटीची साफसफाई केली आहे. जुने लाकूड, तुटलेली कपाटे आणि ई-कचरा उचलावा. (${v.locD})`)],
      },
    ],
  },
  WATER_SUPPLY: {
    en: [
      k('no_water', (v) => `No water supply in our building ${v.at} for ${v.days} days. We are buying tanker water every day.`),
      k('low_pressure', (v) => `Very low water pressure in ${v.loc}. Water does not reach floor ${v.floor} and above; people there fill buckets from the ground floor.`),
      k('contaminated', (v) => `Water from the tap is muddy and smells bad ${v.at}. Children in the building are falling sick.`),
      k('leakage', (v) => `Pipeline leaking ${v.at}. Clean water has been flowing on the road for ${v.hours} hours.`),
      k('timing', (v) => `Water timing changed without any notice. It used to come at 6 am, now it comes at odd hours for 20 minutes only. (${v.loc})`),
    ],
    mr: [
      k('no_water', (v) => `${v.locD} परिसरात ${v.days} दिवसांपासून पाणी आलेले नाही. टँकर मागवावा लागत आहे.`),
      k('low_pressure', (v) => `पाण्याचा दाब खूप कमी आहे, वरच्या मजल्यांवर पाणी पोहोचत नाही. (${v.locD})`),
      k('contaminated', (v) => `नळाला गढूळ आणि वास येणारे पाणी येत आहे. लहान मुले आजारी पडत आहेत. (${v.locD})`),
      k('leakage', (v) => `${v.atMr} जलवाहिनी फुटली असून ${v.hours} तासांपासून पाणी वाया जात आहे. (${v.locD})`),
      k('timing', (v) => `पाणी येण्याची वेळ सूचना न देता बदलली आहे. कधी सकाळी, कधी रात्री फक्त 20 मिनिटे पाणी येते. (${v.locD})`),
    ],
    hi: [
      k('no_water', (v) => `${v.locD} में ${v.days} दिन से पानी नहीं आया। टैंकर मंगवाना पड़ रहा है।`),
      k('low_pressure', (v) => `पानी का प्रेशर बहुत कम है, ऊपर की मंज़िल तक पानी नहीं पहुँचता। (${v.locD})`),
      k('contaminated', (v) => `नल से गंदा और बदबूदार पानी आ रहा है। बच्चे बीमार हो रहे हैं। (${v.locD})`),
      k('leakage', (v) => `${v.atHi} पाइपलाइन लीक है, ${v.hours} घंटे से पानी बह रहा है। (${v.locD})`),
    ],
    extra: [
      {
        when: ['summer'],
        en: [
          k('no_water', (v) => `It is very hot and we get water only once in two days ${v.at}, ${v.loc}. Please increase the supply or send a tanker.`),
          k('no_water', (v) => `Summer water cut is understandable, but our area in ${v.loc} has had no water even on the supply days this week.`),
        ],
        mr: [k('no_water', (v) => `उन्हाळ्यात ${v.locD} मध्ये दोन दिवसांतून एकदाच पाणी येते, तेही कमी दाबाने. टँकर पाठवावा.`)],
        hi: [k('no_water', (v) => `इतनी गर्मी में ${v.locD} में दो दिन में एक बार पानी आता है। टैंकर भेजिए।`)],
      },
    ],
  },
  DRAINAGE: {
    en: [
      k('blocked', (v) => `Drain blocked ${v.at}, dirty water overflowing onto the road.`),
      k('sewer', (v) => `Sewage line choked in our lane in ${v.loc}. Black water has been coming out of the chamber for ${v.days} days.`),
      k('manhole', (v) => `Manhole cover missing ${v.at}. Someone could fall in, especially at night. Please cover it urgently.`),
      k('nala', (v) => `The nala near ${v.loc} is full of plastic and silt. If it is not cleaned the area will flood in the next heavy rain.`),
      k('silt', (v) => `Drain cleaning was done but the silt was left on the roadside ${v.at}. Now it is going back into the drain.`),
    ],
    mr: [
      k('blocked', (v) => `${v.locD} ${v.atMr} गटार तुंबले आहे, घाण पाणी रस्त्यावर वाहत आहे.`),
      k('sewer', (v) => `आमच्या गल्लीतील ड्रेनेज लाईन ${v.days} दिवसांपासून चोकअप आहे. चेंबरमधून काळे पाणी बाहेर येत आहे. (${v.locD})`),
      k('manhole', (v) => `${v.atMr} मॅनहोलचे झाकण गायब आहे. रात्री कोणी पडू शकते. तातडीने झाकण बसवावे. (${v.locD})`),
      k('nala', (v) => `${v.locD} जवळील नाला प्लास्टिक आणि गाळाने भरला आहे. नालेसफाई करावी.`),
    ],
    hi: [
      k('blocked', (v) => `${v.locD} ${v.atHi} गटर जाम है, गंदा पानी सड़क पर बह रहा है।`),
      k('manhole', (v) => `${v.atHi} मैनहोल का ढक्कन गायब है। रात में कोई गिर सकता है। (${v.locD})`),
      k('sewer', (v) => `हमारी गली की ड्रेनेज लाइन ${v.days} दिन से चोक है। (${v.locD})`),
    ],
  },
  WATERLOGGING: {
    en: [
      k('*', (v) => `Knee-deep water ${v.at} after today's rain. Vehicles are stuck and people are wading through.`),
      k('*', (v) => `About ${v.depth} cm of water standing ${v.at}, ${v.loc}. Pedestrians cannot cross.`),
      k('*', (v) => `Rain water is entering ground-floor houses in ${v.loc}. The drain outlet is blocked.`),
      k('*', (v) => `Every time it rains the road ${v.at} becomes a lake. Please put a pump or clear the drain.`),
      k('*', (v) => `The subway ${v.at} is flooded, water up to the waist. Police have stopped traffic.`),
    ],
    mr: [
      k('*', (v) => `आजच्या पावसानंतर ${v.locD} ${v.atMr} गुडघाभर पाणी साचले आहे. वाहने अडकली आहेत.`),
      k('*', (v) => `${v.locD} येथे सुमारे ${v.depth} सेंमी पाणी साचले आहे, पादचाऱ्यांना जाता येत नाही.`),
      k('*', (v) => `पावसाचे पाणी तळमजल्यावरील घरांत शिरत आहे. गटाराचे तोंड बंद आहे. (${v.locD})`),
    ],
    hi: [
      k('*', (v) => `आज की बारिश के बाद ${v.locD} ${v.atHi} घुटनों तक पानी भर गया है। गाड़ियाँ फँसी हैं।`),
      k('*', (v) => `बारिश का पानी ग्राउंड फ्लोर के घरों में घुस रहा है। (${v.locD})`),
    ],
  },
  STREETLIGHT: {
    en: [
      k('off', (v) => `Streetlight not working ${v.at} for ${v.days} days. The lane is completely dark and unsafe for women.`),
      k('flicker', (v) => `Streetlight on pole ${v.pole} ${v.at} flickers all night.`),
      k('off', (v) => `${v.n} streetlights in a row are off on the road ${v.at}, ${v.loc}.`),
      k('day', (v) => `Streetlight stays on during the day ${v.at}. Waste of electricity.`),
      k('wire', (v) => `Electric wire hanging loose from the streetlight pole ${v.at}. Dangerous in the rain.`),
    ],
    mr: [
      k('off', (v) => `${v.locD} ${v.atMr} पथदिवा ${v.days} दिवसांपासून बंद आहे. गल्लीत पूर्ण अंधार असतो.`),
      k('flicker', (v) => `पोल क्र. ${v.pole} वरील दिवा रात्रभर लुकलुकत आहे. (${v.locD})`),
      k('day', (v) => `${v.locD} ${v.atMr} दिवसाही पथदिवे सुरू असतात. विजेचा अपव्यय होत आहे.`),
    ],
    hi: [
      k('off', (v) => `${v.locD} ${v.atHi} स्ट्रीट लाइट ${v.days} दिन से बंद है। पूरी गली में अँधेरा रहता है।`),
      k('flicker', (v) => `पोल नंबर ${v.pole} की लाइट पूरी रात झपकती रहती है। (${v.locD})`),
    ],
  },
  MOSQUITO: {
    en: [
      k('*', (v) => `Stagnant water on the open plot ${v.at}, lots of mosquitoes. Two people in our building have dengue.`),
      k('construction', (v) => `The construction site ${v.at} has water collected in the basement; mosquitoes are breeding. Please spray and act against the builder.`),
      k('fogging', (v) => `Please arrange fogging in ${v.loc}. The mosquito menace is very bad in the evenings.`),
      k('*', (v) => `Old tyres and plastic drums full of rain water lying ${v.at}.`),
    ],
    mr: [
      k('*', (v) => `${v.locD} ${v.atMr} मोकळ्या जागेत पाणी साचले असून डासांची पैदास होत आहे. धूरफवारणी करावी.`),
      k('construction', (v) => `बांधकामाच्या ठिकाणी तळघरात पाणी साचले आहे, डास वाढले आहेत. (${v.locD})`),
      k('fogging', (v) => `आमच्या इमारतीत डेंग्यूचे रुग्ण आढळले आहेत. परिसरात तातडीने फवारणी करावी. (${v.locD})`),
    ],
    hi: [
      k('*', (v) => `${v.locD} ${v.atHi} खाली प्लॉट में पानी जमा है, बहुत मच्छर हैं। फॉगिंग करवाइए।`),
      k('fogging', (v) => `हमारी बिल्डिंग में डेंगू के मरीज़ मिले हैं। तुरंत दवा का छिड़काव करें। (${v.locD})`),
    ],
  },
  ENCROACHMENT: {
    en: [
      k('hawkers', (v) => `Hawkers have occupied the entire footpath ${v.at}. No space to walk.`),
      k('sheds', (v) => `Shop owners have extended their sheds onto the footpath ${v.at}, ${v.loc}.`),
      k('vehicles', (v) => `Abandoned vehicles and tempos parked for weeks ${v.at}; the road is half its width now.`),
      k('stall', (v) => `An unauthorised stall came up overnight ${v.at}, blocking the bus stop.`),
    ],
    mr: [
      k('hawkers', (v) => `${v.locD} ${v.atMr} फेरीवाल्यांनी संपूर्ण पदपथ व्यापला आहे. चालायला जागा नाही.`),
      k('sheds', (v) => `दुकानदारांनी पदपथावर शेड वाढवले आहेत. (${v.locD})`),
    ],
    hi: [
      k('hawkers', (v) => `${v.locD} ${v.atHi} फेरीवालों ने पूरा फुटपाथ घेर लिया है। चलने की जगह नहीं है।`),
      k('sheds', (v) => `दुकानदारों ने फुटपाथ पर शेड बढ़ा लिए हैं। (${v.locD})`),
    ],
  },
  TREE_FALL: {
    en: [
      k('fallen', (v) => `A big tree has fallen across the road ${v.at}. Traffic is completely blocked.`),
      k('branch', (v) => `Tree branch broken and hanging over the road ${v.at}. It can fall on vehicles any time.`),
      k('leaning', (v) => `A gulmohar tree is leaning dangerously towards our building in ${v.loc}.`),
      k('fallen', (v) => `Tree fell on parked cars ${v.at} during the night. Road blocked, please send a team.`),
    ],
    mr: [
      k('fallen', (v) => `${v.locD} ${v.atMr} मोठे झाड रस्त्यावर पडले आहे. वाहतूक पूर्ण बंद आहे.`),
      k('branch', (v) => `झाडाची मोठी फांदी तुटून लटकत आहे, कधीही पडू शकते. (${v.locD})`),
      k('leaning', (v) => `आमच्या इमारतीकडे झाड धोकादायकरीत्या झुकले आहे. (${v.locD})`),
    ],
    hi: [
      k('fallen', (v) => `${v.locD} ${v.atHi} बड़ा पेड़ सड़क पर गिर गया है। रास्ता पूरा बंद है।`),
      k('branch', (v) => `पेड़ की बड़ी डाल टूटकर लटक रही है, कभी भी गिर सकती है। (${v.locD})`),
    ],
    extra: [
      {
        when: ['storm'],
        en: [k('fallen', (v) => `Strong wind and heavy rain; a tree has come down ${v.at} and is resting on the power lines.`)],
        mr: [k('fallen', (v) => `वादळी पावसात ${v.locD} ${v.atMr} झाड विजेच्या तारांवर पडले आहे.`)],
        hi: [k('fallen', (v) => `तेज़ आँधी-बारिश में ${v.locD} ${v.atHi} पेड़ बिजली के तारों पर गिर गया है।`)],
      },
    ],
  },
  TREE_TRIMMING: {
    en: [
      k('*', (v) => `Tree branches are touching the electric wires ${v.at}. Please trim them before the monsoon.`),
      k('*', (v) => `Branches are covering the streetlight ${v.at}, so the road stays dark. Requesting trimming.`),
      k('*', (v) => `Overgrown tree in our society compound in ${v.loc}; branches are entering the flats on floor ${v.floor}. Requesting inspection and trimming.`),
    ],
    mr: [
      k('*', (v) => `झाडाच्या फांद्या विजेच्या तारांना लागत आहेत. पावसाळ्यापूर्वी छाटणी करावी. (${v.locD})`),
      k('*', (v) => `${v.locD} ${v.atMr} फांद्यांमुळे पथदिव्याचा प्रकाश रस्त्यावर पडत नाही. छाटणी करावी.`),
    ],
    hi: [k('*', (v) => `पेड़ की डालियाँ बिजली के तारों को छू रही हैं। मानसून से पहले छँटाई करें। (${v.locD})`)],
  },
  STRAY_DOGS: {
    en: [
      k('*', (v) => `A pack of ${v.n} stray dogs ${v.at} chases two-wheelers and children.`),
      k('*', (v) => `A stray dog bit a child in ${v.loc} yesterday. Please catch and vaccinate the dogs here.`),
      k('*', (v) => `Dogs barking and fighting the whole night ${v.at}. Please arrange sterilisation.`),
      k('injured', (v) => `Injured stray dog lying ${v.at}, cannot walk. Needs treatment.`),
    ],
    mr: [
      k('*', (v) => `${v.locD} ${v.atMr} ${v.n} भटक्या कुत्र्यांची टोळी दुचाकीस्वार आणि मुलांच्या मागे धावते.`),
      k('*', (v) => `काल ${v.locD} मध्ये भटक्या कुत्र्याने एका मुलाला चावा घेतला. कुत्र्यांचे लसीकरण व निर्बीजीकरण करावे.`),
    ],
    hi: [
      k('*', (v) => `${v.locD} ${v.atHi} ${v.n} आवारा कुत्तों का झुंड बाइक वालों और बच्चों के पीछे भागता है।`),
      k('*', (v) => `कल ${v.locD} में एक आवारा कुत्ते ने बच्चे को काट लिया। कुत्तों का टीकाकरण करवाइए।`),
    ],
  },
  NOISE: {
    en: [
      k('*', (v) => `Loudspeakers playing till past midnight ${v.at}. Senior citizens and students cannot sleep.`),
      k('construction', (v) => `Construction with heavy machinery going on at night ${v.at}, ${v.loc}.`),
      k('*', (v) => `The DJ at a hall ${v.at} is extremely loud; our windows are shaking.`),
      k('generator', (v) => `A shop's generator ${v.at} runs the whole day, very noisy and smoky.`),
    ],
    mr: [
      k('*', (v) => `${v.locD} ${v.atMr} मध्यरात्रीनंतरही लाऊडस्पीकर मोठ्याने वाजत आहेत. ज्येष्ठ नागरिकांना झोप येत नाही.`),
      k('construction', (v) => `रात्री उशिरापर्यंत बांधकामाचे काम मशीनने सुरू असते. (${v.locD})`),
    ],
    hi: [
      k('*', (v) => `${v.locD} ${v.atHi} आधी रात के बाद भी लाउडस्पीकर बज रहे हैं। बुज़ुर्ग सो नहीं पा रहे।`),
      k('construction', (v) => `रात को देर तक मशीनों से कंस्ट्रक्शन का काम चलता है। (${v.locD})`),
    ],
    extra: [
      {
        when: ['ganesh', 'navratri', 'diwali', 'newyear', 'holi'],
        en: [
          k('*', (v) => `Festival is fine, but the DJ ${v.at} is still going at 1 am, far above the permitted limit.`),
          k('firecrackers', (v) => `Very loud firecrackers being burst late at night ${v.at}, ${v.loc}.`),
        ],
        mr: [k('*', (v) => `उत्सव ठीक आहे, पण ${v.locD} ${v.atMr} रात्री एक वाजेपर्यंत डीजे सुरू आहे.`)],
        hi: [k('*', (v) => `त्योहार ठीक है, पर ${v.locD} ${v.atHi} रात एक बजे तक डीजे बज रहा है।`)],
      },
    ],
  },
  ILLEGAL_HOARDING: {
    en: [
      k('*', (v) => `Illegal banner tied to the streetlight pole ${v.at}. It blocks the view of the signal.`),
      k('hoarding', (v) => `Huge hoarding on the building ${v.at} looks unsafe; its frame is rusted. Is it permitted?`),
      k('*', (v) => `Banners saying "Hardik Shubhechha" put up all over ${v.loc}, still there ${v.days} days after the event.`),
      k('*', (v) => `Flex banners covering the road sign ${v.at}.`),
    ],
    mr: [
      k('*', (v) => `${v.locD} ${v.atMr} विजेच्या खांबाला अनधिकृत बॅनर बांधले आहेत. सिग्नल दिसत नाही.`),
      k('*', (v) => `कार्यक्रम संपून ${v.days} दिवस झाले तरी ${v.locD} मधील "हार्दिक शुभेच्छा" बॅनर अजून काढलेले नाहीत.`),
    ],
    hi: [k('*', (v) => `${v.locD} ${v.atHi} बिजली के खंभे पर अवैध बैनर लगे हैं। सिग्नल दिखाई नहीं देता।`)],
  },
  PUBLIC_TOILET: {
    en: [
      k('*', (v) => `Public toilet ${v.at} is very dirty, no water for flushing.`),
      k('locked', (v) => `The public toilet ${v.at} is kept locked during the day.`),
      k('broken', (v) => `Toilet block ${v.at} has broken doors and no lights. Women cannot use it after dark.`),
      k('septic', (v) => `The septic tank of the public toilet in ${v.loc} is overflowing onto the road.`),
    ],
    mr: [
      k('*', (v) => `${v.locD} ${v.atMr} सार्वजनिक शौचालय अतिशय अस्वच्छ आहे, पाणी नाही.`),
      k('broken', (v) => `सार्वजनिक शौचालयाचे दरवाजे तुटले आहेत आणि दिवे नाहीत. महिलांना रात्री वापरता येत नाही. (${v.locD})`),
    ],
    hi: [
      k('*', (v) => `${v.locD} ${v.atHi} सार्वजनिक शौचालय बहुत गंदा है, पानी नहीं है।`),
      k('broken', (v) => `शौचालय के दरवाज़े टूटे हैं और लाइट नहीं है। (${v.locD})`),
    ],
  },
}

const GREETINGS: Record<Lang, readonly string[]> = {
  en: ['Sir,', 'Respected sir/madam,', 'Dear TMC,', 'Hello,'],
  mr: ['नमस्कार,', 'महोदय,'],
  hi: ['नमस्ते,', 'महोदय,'],
}

const CLOSINGS: Record<Lang, readonly string[]> = {
  en: [
    'Please take action urgently.',
    'I complained earlier also but there has been no action so far.',
    'Kindly look into it.',
    'Please resolve at the earliest.',
    'Residents are suffering a lot.',
    'Request an immediate inspection.',
    'Thank you.',
    'This is the third time I am complaining.',
    'Last time the complaint was closed as "resolved" but nothing was done.',
    'The ward office staff said "not our department", so I am raising it here.',
  ],
  mr: [
    'कृपया तातडीने कारवाई करावी.',
    'याआधीही तक्रार केली होती, पण काहीच झाले नाही.',
    'कृपया लक्ष द्यावे.',
    'रहिवाशांना खूप त्रास होत आहे.',
    'लवकरात लवकर दुरुस्ती करावी.',
    'मागच्या वेळी तक्रार "सोडवली" म्हणून बंद केली, पण काम झाले नाही.',
    'धन्यवाद.',
  ],
  hi: [
    'कृपया जल्दी कार्रवाई करें।',
    'पहले भी शिकायत की थी, कोई कार्रवाई नहीं हुई।',
    'कृपया ध्यान दें।',
    'लोगों को बहुत परेशानी हो रही है।',
    'पिछली बार शिकायत "हल" बताकर बंद कर दी गई, पर काम नहीं हुआ।',
    'धन्यवाद।',
  ],
}

const PHOTO_NOTE: Record<Lang, string> = { en: 'Photo attached.', mr: 'फोटो जोडला आहे.', hi: 'फोटो संलग्न है।' }

const DEVANAGARI_DIGITS = '०१२३४५६७८९'
const toDevanagariDigits = (s: string): string => s.replace(/[0-9]/g, (d) => DEVANAGARI_DIGITS[Number(d)] as string)

/** Whether the service has any text at all (every service in the catalogue must). */
export function hasText(code: string): boolean {
  return code in TEXTS
}

/** A description and the kind of problem it is about. */
export interface Description {
  text: string
  kind: string
}

/**
 * One complaint description. Draws only from `rng`, so the caller gives it a stream of its own.
 * Templates unlocked by `tags` are preferred (3 to 1) when there are any.
 */
export function describe(rng: Random, code: string, lang: Lang, vars: TextVars, tags: readonly Tag[], hasPhoto: boolean): Description {
  const text = TEXTS[code]
  if (!text) throw new Error(`bug: no complaint text for service ${code}`)
  const special: Tpl[] = []
  for (const extra of text.extra ?? []) {
    if (extra.when.some((t) => tags.includes(t))) special.push(...(extra[lang] ?? []))
  }
  const pool = special.length > 0 && rng.bool(0.75) ? special : text[lang]
  const template = rng.pick(pool)
  let body = template.text(vars)
  if (rng.bool(0.07)) body = `${rng.pick(GREETINGS[lang])}${rng.bool(0.5) ? '\n' : ' '}${body}`
  const extras: string[] = []
  // Closings that quote someone are rarer than plain ones.
  if (rng.bool(0.5)) extras.push(rng.weighted(CLOSINGS[lang].map((c) => [c, c.includes('"') ? 0.25 : 1] as const)))
  if (hasPhoto && rng.bool(0.4)) extras.push(PHOTO_NOTE[lang])
  let out = body
  for (const extra of extras) {
    const r = rng.next()
    out += r < 0.18 ? '\n' : r < 0.23 ? '\n\n' : ' '
    out += extra
  }
  if (lang === 'mr' && rng.bool(0.35)) out = toDevanagariDigits(out)
  return { text: out, kind: template.kind }
}

/** Every kind a service's templates use (so a test can check each has closure notes or a '*'). */
export function kindsOf(code: string): string[] {
  const text = TEXTS[code]
  if (!text) return []
  const all = [...text.en, ...text.mr, ...text.hi, ...(text.extra ?? []).flatMap((x) => [...(x.en ?? []), ...(x.mr ?? []), ...(x.hi ?? [])])]
  return [...new Set(all.map((t) => t.kind))]
}
