/**
 * The synthetic Thane Municipal Transport (TMT) network: stops and routes.
 *
 * Stop names are real Thane places (junctions, nakas, localities, depots) with their Marathi
 * (Devanagari) names; coordinates are APPROXIMATE, placed by hand along the real corridors and kept
 * inside THANE_BOUNDARY. Route numbers look like TMT's but the routes, their stop lists and every
 * timetable are invented. Stops shared by several routes are listed once and referenced by id.
 */

export interface StopSpec {
  /** The GTFS stop_id: a stable slug, e.g. `thane-station-w-satis`. */
  id: string
  name: string
  /** The Marathi name (translations.txt). */
  nameMr: string
  lat: number
  lon: number
  /** 1 = a station grouping platforms (no stop_times); empty = an ordinary stop. */
  locationType?: 1
  parent?: string
}

const s = (id: string, name: string, nameMr: string, lat: number, lon: number, extra: Partial<StopSpec> = {}): StopSpec => ({
  id,
  name,
  nameMr,
  lat,
  lon,
  ...extra,
})

/** Every stop, in a fixed order (stop_code follows this order). */
export const STOPS: readonly StopSpec[] = [
  // Thane Station (W) and the old city (Naupada, Uthalsar)
  s('thane-station-w', 'Thane Station (W)', 'ठाणे स्थानक (पश्चिम)', 19.1862, 72.9755, { locationType: 1 }),
  s('thane-station-w-satis', 'Thane Station (W) SATIS', 'ठाणे स्थानक (प.) सॅटिस', 19.1866, 72.9758, { parent: 'thane-station-w' }),
  s('thane-station-w-depot', 'Thane Station (W) Depot', 'ठाणे स्थानक (प.) आगार', 19.1858, 72.9748, { parent: 'thane-station-w' }),
  s('gaondevi', 'Gaondevi', 'गावदेवी', 19.1895, 72.9738),
  s('jambli-naka', 'Jambli Naka', 'जांभळी नाका', 19.1912, 72.9748),
  s('mahagiri', 'Mahagiri', 'महागिरी', 19.1898, 72.9702),
  s('kharkar-ali', 'Kharkar Ali', 'खारकर आळी', 19.1928, 72.9712),
  s('talao-pali', 'Talao Pali', 'तलावपाळी', 19.1918, 72.9724),
  s('gokhale-road', 'Gokhale Road', 'गोखले रोड', 19.1935, 72.9736),
  s('ram-maruti-road', 'Ram Maruti Road', 'राम मारुती रोड', 19.1942, 72.9750),
  s('naupada', 'Naupada', 'नौपाडा', 19.1948, 72.9726),
  s('vishnu-nagar', 'Vishnu Nagar', 'विष्णूनगर', 19.1955, 72.9760),
  s('hari-niwas-circle', 'Hari Niwas Circle', 'हरिनिवास सर्कल', 19.1985, 72.9762),
  s('ghantali', 'Ghantali', 'घंटाळी', 19.1962, 72.9700),
  s('tembhi-naka', 'Tembhi Naka', 'टेंभी नाका', 19.1968, 72.9718),
  s('court-naka', 'Court Naka', 'कोर्ट नाका', 19.1976, 72.9738),
  s('civil-hospital', 'Civil Hospital', 'सिव्हिल हॉस्पिटल', 19.1992, 72.9710),
  s('siddheshwar-talao', 'Siddheshwar Talao', 'सिद्धेश्वर तलाव', 19.1995, 72.9688),
  s('uthalsar', 'Uthalsar', 'उथळसर', 19.2005, 72.9672),
  s('khopat-st-depot', 'Khopat ST Depot', 'खोपट एसटी आगार', 19.1982, 72.9650),
  s('panchpakhadi', 'Panchpakhadi', 'पाचपाखाडी', 19.2030, 72.9735),
  s('tmc-headquarters', 'TMC Headquarters', 'ठाणे महानगरपालिका मुख्यालय', 19.2040, 72.9748),
  s('dadoji-konddev-stadium', 'Dadoji Konddev Stadium', 'दादोजी कोंडदेव स्टेडियम', 19.2045, 72.9688),
  s('kolbad', 'Kolbad', 'कोलबाड', 19.2052, 72.9648),
  s('nitin-company', 'Nitin Company', 'नितीन कंपनी', 19.2058, 72.9705),
  s('cadbury-junction', 'Cadbury Junction', 'कॅडबरी जंक्शन', 19.2092, 72.9722),
  s('viviana-mall', 'Viviana Mall', 'विवियाना मॉल', 19.2118, 72.9745),
  s('vrindavan-society', 'Vrindavan Society', 'वृंदावन सोसायटी', 19.2138, 72.9702),
  s('chendani-koliwada', 'Chendani Koliwada', 'चेंदणी कोळीवाडा', 19.1828, 72.9788),
  // Kopri and Thane East
  s('thane-station-e', 'Thane Station (E)', 'ठाणे स्थानक (पूर्व)', 19.1870, 72.9802),
  s('kopri-market', 'Kopri Market', 'कोपरी बाजार', 19.1858, 72.9832),
  s('kopri-police-station', 'Kopri Police Station', 'कोपरी पोलीस ठाणे', 19.1842, 72.9850),
  s('kopri-colony', 'Kopri Colony', 'कोपरी कॉलनी', 19.1826, 72.9862),
  s('kanhaiya-nagar', 'Kanhaiya Nagar', 'कन्हैयानगर', 19.1808, 72.9850),
  s('kopri-gaon', 'Kopri Gaon', 'कोपरी गाव', 19.1800, 72.9826),
  s('anand-nagar-check-naka', 'Anand Nagar Check Naka', 'आनंदनगर चेक नाका', 19.1785, 72.9808),
  s('ashtavinayak-chowk', 'Ashtavinayak Chowk', 'अष्टविनायक चौक', 19.1830, 72.9815),
  // Eastern Express Highway and Teen Hath Naka
  s('teen-hath-naka', 'Teen Hath Naka', 'तीन हात नाका', 19.1962, 72.9602),
  s('eternity-mall', 'Eternity Mall', 'इटर्निटी मॉल', 19.1950, 72.9620),
  s('mental-hospital', 'Mental Hospital', 'मनोरुग्णालय', 19.1988, 72.9632),
  s('louis-wadi', 'Louis Wadi', 'लुईसवाडी', 19.2025, 72.9662),
  s('dnyansadhana-college', 'Dnyansadhana College', 'ज्ञानसाधना महाविद्यालय', 19.1972, 72.9575),
  // Wagle Estate
  s('wagle-police-station', 'Wagle Police Station', 'वागळे पोलीस ठाणे', 19.2005, 72.9568),
  s('road-no-16', 'Road No. 16', 'रोड नं. १६', 19.2035, 72.9555),
  s('wagle-estate-depot', 'Wagle Estate Depot', 'वागळे इस्टेट आगार', 19.2048, 72.9528),
  s('road-no-22', 'Road No. 22', 'रोड नं. २२', 19.2062, 72.9518),
  s('road-no-28', 'Road No. 28', 'रोड नं. २८', 19.2078, 72.9508),
  s('road-no-33', 'Road No. 33', 'रोड नं. ३३', 19.2092, 72.9496),
  s('kisan-nagar', 'Kisan Nagar', 'किसननगर', 19.2068, 72.9548),
  s('kisan-nagar-no-2', 'Kisan Nagar No. 2', 'किसननगर नं. २', 19.2088, 72.9556),
  s('shree-nagar', 'Shree Nagar', 'श्रीनगर', 19.2125, 72.9565),
  s('hanuman-nagar', 'Hanuman Nagar', 'हनुमाननगर', 19.2000, 72.9510),
  s('padwal-nagar', 'Padwal Nagar', 'पडवळनगर', 19.2028, 72.9482),
  s('indira-nagar', 'Indira Nagar', 'इंदिरानगर', 19.2005, 72.9455),
  s('ambika-nagar', 'Ambika Nagar', 'अंबिकानगर', 19.2050, 72.9465),
  s('ram-nagar', 'Ram Nagar', 'रामनगर', 19.2070, 72.9475),
  // Vartak Nagar, Lokmanya Nagar, Savarkar Nagar, Upvan
  s('samta-nagar', 'Samta Nagar', 'समतानगर', 19.2088, 72.9628),
  s('devdaya-nagar', 'Devdaya Nagar', 'देवदयानगर', 19.2110, 72.9602),
  s('vartak-nagar', 'Vartak Nagar', 'वर्तकनगर', 19.2132, 72.9652),
  s('vartak-nagar-police-station', 'Vartak Nagar Police Station', 'वर्तकनगर पोलीस ठाणे', 19.2142, 72.9628),
  s('shastri-nagar', 'Shastri Nagar', 'शास्त्रीनगर', 19.2150, 72.9588),
  s('shivaji-nagar', 'Shivaji Nagar', 'शिवाजीनगर', 19.2108, 72.9480),
  s('lokmanya-nagar-depot', 'Lokmanya Nagar Depot', 'लोकमान्यनगर आगार', 19.2122, 72.9445),
  s('lokmanya-nagar-pada-4', 'Lokmanya Nagar Pada No. 4', 'लोकमान्यनगर पाडा नं. ४', 19.2152, 72.9418),
  s('lokmanya-nagar-market', 'Lokmanya Nagar Market', 'लोकमान्यनगर बाजार', 19.2135, 72.9460),
  s('savarkar-nagar', 'Savarkar Nagar', 'सावरकरनगर', 19.2155, 72.9505),
  s('yashodhan-nagar', 'Yashodhan Nagar', 'यशोधननगर', 19.2185, 72.9525),
  s('upvan', 'Upvan', 'उपवन', 19.2228, 72.9508),
  s('upvan-lake', 'Upvan Lake', 'उपवन तलाव', 19.2255, 72.9485),
  s('gandhi-nagar', 'Gandhi Nagar', 'गांधीनगर', 19.2205, 72.9568),
  s('shivai-nagar', 'Shivai Nagar', 'शिवाईनगर', 19.2192, 72.9628),
  s('pokhran-road-1', 'Pokhran Road No. 1', 'पोखरण रोड नं. १', 19.2162, 72.9692),
  s('vasant-vihar', 'Vasant Vihar', 'वसंत विहार', 19.2232, 72.9642),
  s('pokhran-road-2', 'Pokhran Road No. 2', 'पोखरण रोड नं. २', 19.2245, 72.9598),
  s('hiranandani-meadows', 'Hiranandani Meadows', 'हिरानंदानी मेडोज', 19.2292, 72.9628),
  s('chitalsar', 'Chitalsar', 'चितळसर', 19.2335, 72.9612),
  s('tikuji-ni-wadi', 'Tikuji-ni-Wadi', 'टिकुजीनीवाडी', 19.2372, 72.9610),
  // Majiwada, Balkum, Kolshet, Dhokali
  s('majiwada', 'Majiwada', 'माजिवडा', 19.2235, 72.9790),
  s('golden-dyes-naka', 'Golden Dyes Naka', 'गोल्डन डाईज नाका', 19.2200, 72.9770),
  s('kapurbawdi', 'Kapurbawdi', 'कापूरबावडी', 19.2300, 72.9780),
  s('balkum-naka', 'Balkum Naka', 'बाळकुम नाका', 19.2270, 72.9860),
  s('balkum-fire-station', 'Balkum Fire Station', 'बाळकुम अग्निशमन केंद्र', 19.2285, 72.9838),
  s('balkum-pada', 'Balkum Pada', 'बाळकुम पाडा', 19.2252, 72.9902),
  s('kolshet-road', 'Kolshet Road', 'कोलशेत रोड', 19.2300, 72.9940),
  s('kolshet-industrial-area', 'Kolshet Industrial Area', 'कोलशेत औद्योगिक क्षेत्र', 19.2330, 72.9905),
  s('kolshet-gaon', 'Kolshet Gaon', 'कोलशेत गाव', 19.2365, 72.9962),
  s('dhokali-naka', 'Dhokali Naka', 'ढोकाळी नाका', 19.2340, 72.9800),
  s('dhokali', 'Dhokali', 'ढोकाळी', 19.2362, 72.9835),
  // Ghodbunder Road
  s('manpada', 'Manpada', 'मानपाडा', 19.2410, 72.9720),
  s('mulla-baug-depot', 'Mulla Baug Depot', 'मुल्ला बाग आगार', 19.2448, 72.9655),
  s('dongripada', 'Dongripada', 'डोंगरीपाडा', 19.2460, 72.9708),
  s('brahmand', 'Brahmand', 'ब्रह्मांड', 19.2490, 72.9745),
  s('brahmand-phase-2', 'Brahmand Phase 2', 'ब्रह्मांड फेज २', 19.2510, 72.9775),
  s('patlipada', 'Patlipada', 'पातलीपाडा', 19.2518, 72.9712),
  s('hiranandani-estate', 'Hiranandani Estate', 'हिरानंदानी इस्टेट', 19.2580, 72.9740),
  s('rodas-enclave', 'Rodas Enclave', 'रोडास एन्क्लेव्ह', 19.2618, 72.9768),
  s('waghbil', 'Waghbil', 'वाघबीळ', 19.2565, 72.9690),
  s('anand-nagar-ghodbunder', 'Anand Nagar (Ghodbunder Road)', 'आनंदनगर (घोडबंदर रोड)', 19.2610, 72.9665),
  s('kasarvadavali', 'Kasarvadavali', 'कासारवडवली', 19.2660, 72.9640),
  s('kavesar', 'Kavesar', 'कावेसर', 19.2712, 72.9632),
  s('owale', 'Owale', 'ओवळे', 19.2762, 72.9622),
  s('nagla-bunder', 'Nagla Bunder', 'नागला बंदर', 19.2745, 72.9690),
  s('bhayander-pada', 'Bhayander Pada', 'भाईंदरपाडा', 19.2802, 72.9635),
  s('gaimukh', 'Gaimukh', 'गायमुख', 19.2840, 72.9660),
  s('gaimukh-jetty', 'Gaimukh Jetty', 'गायमुख जेट्टी', 19.2850, 72.9700),
  // Kalwa
  s('saket', 'Saket', 'साकेत', 19.2028, 72.9868),
  s('kalwa-bridge', 'Kalwa Bridge', 'कळवा पूल', 19.1990, 72.9905),
  s('kalwa-naka', 'Kalwa Naka', 'कळवा नाका', 19.1965, 72.9985),
  s('kalwa-station', 'Kalwa Station', 'कळवा स्थानक', 19.1950, 73.0005),
  s('kharegaon', 'Kharegaon', 'खारेगाव', 19.2030, 73.0020),
  s('parsik-nagar', 'Parsik Nagar', 'पारसिकनगर', 19.2072, 72.9978),
  s('bhaskar-nagar', 'Bhaskar Nagar', 'भास्करनगर', 19.2058, 73.0045),
  s('manisha-nagar', 'Manisha Nagar', 'मनीषानगर', 19.2020, 73.0035),
  s('kalwa-hospital', 'Kalwa Hospital', 'कळवा रुग्णालय', 19.2000, 73.0060),
  s('vitawa', 'Vitawa', 'विटावा', 19.1880, 72.9960),
  s('vitawa-subway', 'Vitawa Subway', 'विटावा भुयारी मार्ग', 19.1908, 72.9972),
  // Mumbra and Shil
  s('retibunder', 'Retibunder', 'रेतीबंदर', 19.1815, 73.0175),
  s('mumbra-devi-colony', 'Mumbra Devi Colony', 'मुंब्रादेवी कॉलनी', 19.1805, 73.0200),
  s('mumbra-station', 'Mumbra Station', 'मुंब्रा स्थानक', 19.1785, 73.0215),
  s('mumbra-market', 'Mumbra Market', 'मुंब्रा बाजार', 19.1772, 73.0238),
  s('sanjay-nagar', 'Sanjay Nagar', 'संजयनगर', 19.1748, 73.0242),
  s('amrut-nagar', 'Amrut Nagar', 'अमृतनगर', 19.1760, 73.0270),
  s('almas-colony', 'Almas Colony', 'अल्मास कॉलनी', 19.1700, 73.0300),
  s('shimla-park', 'Shimla Park', 'शिमला पार्क', 19.1675, 73.0318),
  s('kausa', 'Kausa', 'कौसा', 19.1640, 73.0330),
  s('rashid-compound', 'Rashid Compound', 'रशीद कंपाउंड', 19.1580, 73.0362),
  s('shil-phata', 'Shil Phata', 'शीळ फाटा', 19.1522, 73.0420),
  s('daighar', 'Daighar', 'दायघर', 19.1585, 73.0500),
  // Diva
  s('agasan', 'Agasan', 'आगासन', 19.1830, 73.0560),
  s('mhatardi', 'Mhatardi', 'म्हातार्डी', 19.1870, 73.0500),
  s('bedekar-nagar', 'Bedekar Nagar', 'बेडेकरनगर', 19.1900, 73.0460),
  s('diva-station', 'Diva Station', 'दिवा स्थानक', 19.1881, 73.0424),
  s('sabe-gaon', 'Sabe Gaon', 'साबे गाव', 19.1935, 73.0410),
  s('dativali', 'Dativali', 'दातिवली', 19.1955, 73.0520),
  // more Ghodbunder / Vasant Vihar side stops
  s('vijay-nagari', 'Vijay Nagari', 'विजय नगरी', 19.2640, 72.9705),
  s('ovala-naka', 'Ovala Naka', 'ओवळा नाका', 19.2785, 72.9660),
  s('lok-puram', 'Lok Puram', 'लोकपुरम', 19.2265, 72.9668),
  s('siddhachal', 'Siddhachal', 'सिद्धाचल', 19.2212, 72.9660),
  s('gawand-baug', 'Gawand Baug', 'गावंड बाग', 19.2345, 72.9655),
  s('kolshet-junction', 'Kolshet Junction', 'कोलशेत जंक्शन', 19.2318, 72.9870),
  s('manpada-police-station', 'Manpada Police Station', 'मानपाडा पोलीस ठाणे', 19.2395, 72.9688),
  s('kasarvadavali-police-station', 'Kasarvadavali Police Station', 'कासारवडवली पोलीस ठाणे', 19.2685, 72.9625),
  s('waghbil-naka', 'Waghbil Naka', 'वाघबीळ नाका', 19.2585, 72.9660),
  s('shivaji-chowk-kalwa', 'Shivaji Chowk (Kalwa)', 'शिवाजी चौक (कळवा)', 19.1975, 73.0025),
  s('kalwa-market', 'Kalwa Market', 'कळवा बाजार', 19.1958, 73.0030),
  s('sahakar-nagar', 'Sahakar Nagar', 'सहकारनगर', 19.2010, 72.9548),
  s('gandhi-nagar-wagle', 'Gandhi Nagar (Wagle)', 'गांधीनगर (वागळे)', 19.2100, 72.9530),
  s('jai-bhavani-nagar', 'Jai Bhavani Nagar', 'जय भवानीनगर', 19.2120, 72.9590),
  s('rabodi', 'Rabodi', 'राबोडी', 19.2065, 72.9760),
  s('kalwa-khadi', 'Kalwa Khadi', 'कळवा खाडी', 19.2010, 72.9800),
  s('mumbra-bypass', 'Mumbra Bypass', 'मुंब्रा बायपास', 19.1830, 73.0130),
  s('kausa-talao', 'Kausa Talao', 'कौसा तलाव', 19.1615, 73.0345),
  s('shil-gaon', 'Shil Gaon', 'शीळ गाव', 19.1555, 73.0455),
  s('thane-club', 'Thane Club', 'ठाणे क्लब', 19.2180, 72.9650),
  s('bhakti-mandir', 'Bhakti Mandir', 'भक्ती मंदिर', 19.2100, 72.9690),
]

export interface RouteSpec {
  /** route_id and route_short_name (TMT-style number). */
  id: string
  longName: string
  desc: string
  color: string
  textColor: string
  /** Stop ids from the first terminus (direction 0) to the second. */
  stops: readonly string[]
  /** 'explicit' trips; or one template trip per direction and service with frequencies.txt. */
  frequencies?: { exactTimes: 0 | 1 }
  /** A night route: departures only late at night (past midnight). */
  night?: boolean
}

const GHODBUNDER_NORTH = ['manpada', 'dongripada', 'patlipada', 'waghbil', 'anand-nagar-ghodbunder', 'kasarvadavali']

export const ROUTES: readonly RouteSpec[] = [
  {
    id: '1',
    longName: 'Thane Station (W) – Gaimukh',
    desc: 'Along the Eastern Express Highway and Ghodbunder Road via Cadbury Junction, Majiwada and Kapurbawdi.',
    color: 'D32F2F',
    textColor: 'FFFFFF',
    stops: ['thane-station-w-satis', 'jambli-naka', 'court-naka', 'panchpakhadi', 'nitin-company', 'cadbury-junction', 'viviana-mall', 'golden-dyes-naka', 'majiwada', 'kapurbawdi', ...GHODBUNDER_NORTH, 'kavesar', 'owale', 'bhayander-pada', 'gaimukh'],
  },
  {
    id: '24',
    longName: 'Thane Station (W) – Lokmanya Nagar Depot',
    desc: 'Via Tembhi Naka, Uthalsar, Vartak Nagar and Shivaji Nagar.',
    color: '1976D2',
    textColor: 'FFFFFF',
    stops: ['thane-station-w-depot', 'gaondevi', 'jambli-naka', 'tembhi-naka', 'civil-hospital', 'uthalsar', 'kolbad', 'samta-nagar', 'vartak-nagar', 'vartak-nagar-police-station', 'shastri-nagar', 'jai-bhavani-nagar', 'shivaji-nagar', 'lokmanya-nagar-market', 'lokmanya-nagar-depot'],
  },
  {
    id: '46',
    longName: 'Thane Station (W) – Wagle Estate (Road No. 33)',
    desc: 'Via Teen Hath Naka, Road No. 16 and Kisan Nagar.',
    color: '388E3C',
    textColor: 'FFFFFF',
    stops: ['thane-station-w-satis', 'mahagiri', 'kharkar-ali', 'ghantali', 'khopat-st-depot', 'eternity-mall', 'teen-hath-naka', 'dnyansadhana-college', 'wagle-police-station', 'road-no-16', 'kisan-nagar', 'kisan-nagar-no-2', 'wagle-estate-depot', 'road-no-22', 'road-no-28', 'road-no-33'],
  },
  {
    id: '73',
    longName: 'Thane Station (W) – Mumbra Station',
    desc: 'Over the Kalwa creek bridge via Kalwa Naka, Vitawa and Retibunder.',
    color: 'F57C00',
    textColor: '000000',
    stops: ['thane-station-w-depot', 'jambli-naka', 'court-naka', 'kalwa-khadi', 'kalwa-bridge', 'kalwa-naka', 'kalwa-station', 'vitawa-subway', 'vitawa', 'mumbra-bypass', 'retibunder', 'mumbra-devi-colony', 'mumbra-station'],
  },
  {
    id: '61',
    longName: 'Thane Station (W) – Hiranandani Estate',
    desc: 'Via Pokhran Road No. 1, Vasant Vihar, Hiranandani Meadows and Manpada.',
    color: '7B1FA2',
    textColor: 'FFFFFF',
    stops: ['thane-station-w-satis', 'jambli-naka', 'court-naka', 'panchpakhadi', 'dadoji-konddev-stadium', 'bhakti-mandir', 'vrindavan-society', 'pokhran-road-1', 'thane-club', 'vasant-vihar', 'lok-puram', 'hiranandani-meadows', 'gawand-baug', 'manpada-police-station', 'manpada', 'dongripada', 'brahmand', 'brahmand-phase-2', 'hiranandani-estate', 'rodas-enclave'],
    frequencies: { exactTimes: 1 },
  },
  {
    id: '33',
    longName: 'Thane Station (E) – Anand Nagar Check Naka',
    desc: 'Kopri shuttle via Kopri Market, Kopri Colony and Kopri Gaon.',
    color: '00838F',
    textColor: 'FFFFFF',
    stops: ['thane-station-e', 'kopri-market', 'kopri-police-station', 'kopri-colony', 'kanhaiya-nagar', 'kopri-gaon', 'ashtavinayak-chowk', 'anand-nagar-check-naka'],
    frequencies: { exactTimes: 0 },
  },
  {
    id: '5',
    longName: 'Thane Station (W) – Kalwa Hospital',
    desc: 'Via Saket, Kalwa Naka, Parsik Nagar, Kharegaon and Manisha Nagar.',
    color: '5D4037',
    textColor: 'FFFFFF',
    stops: ['thane-station-w-depot', 'jambli-naka', 'tembhi-naka', 'court-naka', 'tmc-headquarters', 'rabodi', 'saket', 'kalwa-naka', 'shivaji-chowk-kalwa', 'parsik-nagar', 'kharegaon', 'bhaskar-nagar', 'manisha-nagar', 'kalwa-hospital'],
  },
  {
    id: '76',
    longName: 'Kalwa Naka – Shil Phata',
    desc: 'Via Kalwa Station, Retibunder, Mumbra Station and Kausa.',
    color: 'C2185B',
    textColor: 'FFFFFF',
    stops: ['kalwa-naka', 'kalwa-market', 'kalwa-station', 'vitawa', 'mumbra-bypass', 'retibunder', 'mumbra-station', 'mumbra-market', 'sanjay-nagar', 'amrut-nagar', 'almas-colony', 'shimla-park', 'kausa', 'kausa-talao', 'rashid-compound', 'shil-phata'],
  },
  {
    id: '14',
    longName: 'Thane Station (W) – Kolshet Gaon',
    desc: 'Via Cadbury Junction, Majiwada, Balkum Naka and Kolshet Road.',
    color: '455A64',
    textColor: 'FFFFFF',
    stops: ['thane-station-w-satis', 'jambli-naka', 'court-naka', 'panchpakhadi', 'nitin-company', 'cadbury-junction', 'viviana-mall', 'majiwada', 'balkum-fire-station', 'balkum-naka', 'balkum-pada', 'kolshet-road', 'kolshet-industrial-area', 'kolshet-gaon'],
  },
  {
    id: '39',
    longName: 'Lokmanya Nagar Depot – Kasarvadavali',
    desc: 'Via Savarkar Nagar, Upvan, Pokhran Road No. 2, Manpada and Ghodbunder Road.',
    color: '0097A7',
    textColor: 'FFFFFF',
    stops: ['lokmanya-nagar-pada-4', 'lokmanya-nagar-depot', 'savarkar-nagar', 'yashodhan-nagar', 'upvan', 'gandhi-nagar', 'pokhran-road-2', 'chitalsar', 'tikuji-ni-wadi', 'mulla-baug-depot', 'manpada', 'dongripada', 'patlipada', 'waghbil', 'waghbil-naka', 'anand-nagar-ghodbunder', 'kasarvadavali', 'kasarvadavali-police-station'],
  },
  {
    id: '55',
    longName: 'Wagle Estate Depot – Brahmand',
    desc: 'Via Kisan Nagar, Shree Nagar, Vartak Nagar, Majiwada, Kapurbawdi and Manpada.',
    color: 'AFB42B',
    textColor: '000000',
    stops: ['wagle-estate-depot', 'kisan-nagar', 'shree-nagar', 'jai-bhavani-nagar', 'devdaya-nagar', 'vartak-nagar', 'shivai-nagar', 'siddhachal', 'majiwada', 'kapurbawdi', 'kolshet-junction', 'dhokali', 'dhokali-naka', 'manpada', 'dongripada', 'brahmand'],
  },
  {
    id: '81',
    longName: 'Mumbra Station – Dativali',
    desc: 'Via Kausa, Shil Phata, Daighar, Agasan and Diva Station.',
    color: '303F9F',
    textColor: 'FFFFFF',
    stops: ['mumbra-station', 'amrut-nagar', 'almas-colony', 'kausa', 'rashid-compound', 'shil-phata', 'shil-gaon', 'daighar', 'agasan', 'mhatardi', 'bedekar-nagar', 'diva-station', 'sabe-gaon', 'dativali'],
  },
  {
    id: '48',
    longName: 'Teen Hath Naka – Indira Nagar',
    desc: 'Wagle Estate hill-side loop stops via Hanuman Nagar, Padwal Nagar, Ambika Nagar and Ram Nagar.',
    color: '689F38',
    textColor: 'FFFFFF',
    stops: ['teen-hath-naka', 'mental-hospital', 'wagle-police-station', 'sahakar-nagar', 'hanuman-nagar', 'padwal-nagar', 'ambika-nagar', 'ram-nagar', 'gandhi-nagar-wagle', 'indira-nagar'],
  },
  {
    id: '28',
    longName: 'Thane Station (W) – Upvan Lake',
    desc: 'Via Naupada, Hari Niwas Circle, Louis Wadi, Vartak Nagar and Savarkar Nagar.',
    color: '00796B',
    textColor: 'FFFFFF',
    stops: ['thane-station-w-satis', 'talao-pali', 'gokhale-road', 'ram-maruti-road', 'naupada', 'vishnu-nagar', 'hari-niwas-circle', 'siddheshwar-talao', 'louis-wadi', 'samta-nagar', 'vartak-nagar', 'shastri-nagar', 'savarkar-nagar', 'yashodhan-nagar', 'upvan', 'upvan-lake'],
  },
  {
    id: '18',
    longName: 'Thane Station (W) – Chendani Koliwada – Kopri',
    desc: 'Thane Station (W) to Kopri over the Kopri bridge via Chendani Koliwada.',
    color: '8D6E63',
    textColor: 'FFFFFF',
    stops: ['thane-station-w-depot', 'chendani-koliwada', 'ashtavinayak-chowk', 'kopri-gaon', 'kanhaiya-nagar', 'kopri-colony', 'kopri-police-station', 'kopri-market', 'thane-station-e'],
  },
  {
    id: 'N1',
    longName: 'Thane Station (W) – Gaimukh (night)',
    desc: 'Night service after the last route 1 bus, along Ghodbunder Road to Gaimukh Jetty.',
    color: '212121',
    textColor: 'FFFFFF',
    stops: ['thane-station-w-satis', 'jambli-naka', 'court-naka', 'cadbury-junction', 'majiwada', 'kapurbawdi', ...GHODBUNDER_NORTH, 'vijay-nagari', 'nagla-bunder', 'ovala-naka', 'gaimukh', 'gaimukh-jetty'],
    night: true,
  },
]
