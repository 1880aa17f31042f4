/**
 * Words people use for each Open311 service in Marathi and Hindi (Devanagari). The city's service
 * list gives English and romanised keywords (`khadda`, `kachra`); these add the native script.
 * Entries are stems, matched anywhere in a word, so `खड्ड` finds खड्डा, खड्डे and खड्ड्यात.
 * Add words here as you see real complaints; codes missing from the city's list are ignored.
 */
export const DEVANAGARI_KEYWORDS: Record<string, { mr: string[]; hi: string[] }> = {
  POTHOLE: { mr: ['खड्ड'], hi: ['गड्ढ', 'गड्ड'] },
  ROAD_DAMAGE: { mr: ['पदपथ', 'फूटपाथ', 'पेव्हर', 'रस्ता खराब', 'दुभाजक'], hi: ['फुटपाथ', 'सड़क टूट', 'डिवाइडर'] },
  GARBAGE: { mr: ['कचरा', 'कचऱ्या', 'घंटागाडी', 'कचराकुंडी'], hi: ['कूड़ा', 'कूड़े', 'कचरा', 'कूड़ेदान'] },
  BULK_WASTE: { mr: ['राडारोडा', 'डेब्रिज', 'जुने फर्निचर', 'गाद्या'], hi: ['मलबा', 'पुराना फर्नीचर', 'गद्दे'] },
  WATER_SUPPLY: { mr: ['पाणीपुरवठा', 'पाणी येत नाही', 'नळ', 'पाइपलाइन', 'गढूळ पाणी'], hi: ['पानी नहीं', 'पानी की आपूर्ति', 'नल', 'पाइपलाइन', 'गंदा पानी'] },
  DRAINAGE: { mr: ['गटार', 'नाला', 'नाल्या', 'मलनिस्सारण', 'चेंबर', 'मॅनहोल'], hi: ['नाली', 'गटर', 'सीवर', 'नाला', 'मैनहोल'] },
  WATERLOGGING: { mr: ['पाणी साचल', 'पाणी भरल', 'पूर'], hi: ['जलभराव', 'पानी भर', 'बाढ़'] },
  STREETLIGHT: { mr: ['पथदिव', 'दिवाबत्ती', 'दिवा बंद', 'खांब'], hi: ['स्ट्रीट लाइट', 'बत्ती', 'खंभ', 'लाइट बंद'] },
  MOSQUITO: { mr: ['डास', 'डेंग्यू', 'मलेरिया', 'धूरफवारणी'], hi: ['मच्छर', 'डेंगू', 'मलेरिया', 'फॉगिंग'] },
  ENCROACHMENT: { mr: ['अतिक्रमण', 'फेरीवाल'], hi: ['अतिक्रमण', 'फेरीवाल', 'ठेले'] },
  TREE_FALL: { mr: ['झाड पडल', 'झाड कोसळल', 'फांदी'], hi: ['पेड़ गिर', 'डाल टूट'] },
  TREE_TRIMMING: { mr: ['छाटणी', 'फांद्या'], hi: ['छंटाई', 'टहनि'] },
  STRAY_DOGS: { mr: ['भटक्या कुत्र', 'भटकी कुत्र', 'कुत्रा चावल', 'कुत्र'], hi: ['आवारा कुत्त', 'कुत्ते ने काट', 'कुत्त'] },
  NOISE: { mr: ['आवाज', 'ध्वनिप्रदूषण', 'लाऊडस्पीकर', 'भोंगा'], hi: ['शोर', 'ध्वनि प्रदूषण', 'लाउडस्पीकर'] },
  ILLEGAL_HOARDING: { mr: ['होर्डिंग', 'बॅनर', 'फलक'], hi: ['होर्डिंग', 'बैनर', 'पोस्टर'] },
  PUBLIC_TOILET: { mr: ['शौचालय', 'स्वच्छतागृह', 'मुतारी'], hi: ['शौचालय', 'टॉयलेट'] },
}

/** Common words that tell Marathi from Hindi (both are written in Devanagari). */
export const LANGUAGE_MARKERS = {
  mr: ['आहे', 'आहेत', 'नाही', 'आणि', 'मध्ये', 'झाले', 'झाला', 'आमच्या', 'आमचा', 'येथे', 'च्या', 'ळ'],
  hi: ['है', 'हैं', 'नहीं', 'और', 'में', 'हमारे', 'हमारा', 'यहाँ', 'रहा', 'रही', 'का ', 'की ', 'के '],
} as const
