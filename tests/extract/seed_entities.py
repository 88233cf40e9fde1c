"""Hand-built entity lists for the seed articles, as the entity stage should find them (persons and orgs)."""

PUTIN = ("Q7747", "PERSON", "Vladimir Putin", ["فلاديمير بوتين", "بوتين", "ولادیمیر پوتین", "پوتین"])
LUKA = (
    "Q42418",
    "PERSON",
    "Alexander Lukashenko",
    ["ألكسندر لوكاشينكو", "لوكاشينكو", "ألكسندر لوكاشنكو", "لوكاشنكو", "آلکساندر لوکاشنکو", "لوکاشنکو"],
)
SHOIGU = ("Q315514", "PERSON", "Sergei Shoigu", ["سيرغي شويغو", "شويغو"])
KHRENIN = ("Q4397916", "PERSON", "Viktor Khrenin", ["فيكتور خرينين", "خرينين"])
REVENKO = ("Q-revenko", "PERSON", "Valery Revenko", ["فاليري ريفينكو", "ريفينكو"])
VOLF = ("Q-volfovich", "PERSON", "Alexander Volfovich", ["ألكسندر فولفوفيتش", "فولفوفيتش"])
PESKOV = ("Q4376014", "PERSON", "Dmitry Peskov", ["دميتري بيسكوف", "بيسكوف"])
MACRON = ("Q3052772", "PERSON", "Emmanuel Macron", ["إيمانويل ماكرون", "ماكرون"])
KREMLIN = ("Q-kremlin", "ORG", "Kremlin", ["الكرملين", "کرملین", "للكرملين"])
NATO = ("Q7184", "ORG", "NATO", ["الناتو", "ناتو"])
SPUTNIK = ("org:sputnik", "ORG", "Sputnik", ["خبرگزاری اسپوتنیک", "سبوتنيك", "اسپوتنیک"])
FARS = ("org:fars", "ORG", "Fars News Agency", ["خبرگزاری فارس"])
TASS = ("org:tass", "ORG", "TASS", ["تاس"])
TWITTER = ("org:twitter", "ORG", "Twitter", ["تويتر"])
RT = ("org:rt-arabic", "ORG", "RT Arabic", ["RT عربية"])
EU = ("Q458", "ORG", "European Union", ["الاتحاد الأوروبي"])
UNION = ("Q-union-state", "ORG", "Union State", ["دولت اتحادیه"])
MOD_RU = ("Q-mod-ru", "ORG", "Russian Ministry of Defence", ["وزارة الدفاع الروسية"])

SEED_ENTITIES = {
    "000_4c2eb34c51f5e7fe": [PUTIN, LUKA, FARS, SPUTNIK, NATO, KREMLIN, UNION],
    "001_008f0bbb976f5b92": [PUTIN, LUKA, TASS, SPUTNIK, EU],
    "002_9022c90057377cdd": [PUTIN, LUKA, MACRON, NATO, SPUTNIK, RT],
    "003_260b10cfabfba221": [PUTIN, LUKA, SHOIGU, KHRENIN, REVENKO, VOLF, TWITTER, EU],
    "004_cf6fa2405558f434": [PUTIN, LUKA, PESKOV, KREMLIN, MOD_RU],
}
