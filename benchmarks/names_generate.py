"""Generate the cross-script labelled name set (benchmarks/data/names_labelled.json).

    pip install -e .[bench-names]
    python benchmarks/names_generate.py > benchmarks/data/names_labelled.json

Independent of the matcher's rule tables (inspector_app/screening/name_variants.py,
transliterate.py, variant_set.py): every spelling here comes from native-script name data below
put through romanisation libraries or through the published rules of a romanisation system,
written here without looking at ours:

- Korean: Hangul names through korean-romanizer (Revised Romanisation), hangul-romanize (Yale
  "academic"), hangul-names (syllable-wise RR), a McCune-Reischauer rendering (rules of the 1939
  system, breves dropped as the MRZ drops them) and customary passport spellings of surnames and
  syllables (LEE, PARK, CHOI; JOON, YOUNG, SUNG).
- Chinese: Hanzi names through pypinyin's Hanyu Pinyin and Wade-Giles styles (apostrophes and
  umlauts dropped as in the MRZ); given names written joined, spaced or hyphenated.
- Russian: Cyrillic names through iuliia schemas (ICAO Doc 9303, BGN/PCGN, Wikipedia, MVD 310 and
  782 passport systems, GOST 7.79, ALA-LC, scientific, UNGEGN, Telegram, Yandex).
- Japanese: kana names through pykakasi's Hepburn and Kunrei, and the passport rule (long vowels
  not written, or written OH).
- Arabic: articles (al-, el-, sun-letter assimilation ar-/as-/ad-/an-, joined, dropped), ul-/ud-
  compounds (ABD UL RAHMAN, ZIA UL HAQ), bin/ibn/ben/bint and abu/abou, and spelling families of
  given names taken from rigour's Wikidata name groups (a spelling is used only if rigour files it
  under the same Wikidata name as the seed).
- Script: the list holds the name in Hangul, Cyrillic or katakana; the query is MRZ Latin.

Decoys are anchored on a listed person (same surname and birth date unless stated): a different
real given name close in spelling of the same sex (KAZUKO/KAZUYO), of the other sex with the
query's sex flipped (PAUL/PAULA, ALEKSANDR/ALEKSANDRA, IVANOV/IVANOVA), or a different real
surname close in spelling. Identities are split by a hash into "tune" and "heldout"; the matcher
is never tuned on "heldout".
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
import sys
import unicodedata
from importlib.metadata import version

import iuliia
import pykakasi
from hangul_names.transliterator import Transliterator as HnTransliterator
from hangul_romanize import Transliter
from hangul_romanize.rule import academic
from korean_romanizer.romanizer import Romanizer
from pypinyin import Style, lazy_pinyin
from rigour.names import NameTypeTag, analyze_names

SEED = 2026
rng = random.Random(SEED)


def mrz(text: str) -> str:
    """What an MRZ carries: A-Z, apostrophes dropped, hyphens and spaces as separators."""
    t = unicodedata.normalize("NFKD", text.upper().replace("Ё", "E").replace("ё", "E"))
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"['’ʹʼ`]", "", t)
    t = t.replace("Ø", "O").replace("Æ", "AE")
    return re.sub(r"[^A-Z]+", " ", t).strip()


def birth() -> str:
    return f"{rng.randint(1950, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def split_of(key: str) -> str:
    return "heldout" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 else "tune"


# ------------------------------------------------------------------------------- Korean
KO_SURNAMES = {  # Hangul: customary passport spellings (most frequent first)
    "김": ["KIM"], "이": ["LEE", "YI", "RHEE"], "박": ["PARK", "PAK"], "최": ["CHOI"], "정": ["JUNG", "CHUNG"],
    "강": ["KANG"], "조": ["CHO", "JO"], "윤": ["YOON", "YUN"], "장": ["JANG", "CHANG"], "임": ["LIM", "IM"],
    "한": ["HAN"], "오": ["OH"], "서": ["SEO", "SUH"], "신": ["SHIN"], "권": ["KWON"], "황": ["HWANG"],
    "안": ["AHN"], "송": ["SONG"], "류": ["RYU", "YOO"], "전": ["JEON", "JUN"], "홍": ["HONG"], "고": ["KO"],
    "문": ["MOON"], "양": ["YANG"], "손": ["SON", "SOHN"], "배": ["BAE"], "백": ["BAEK", "BAIK"], "허": ["HEO", "HUH"],
    "노": ["NOH", "ROH"], "남": ["NAM"], "심": ["SHIM"], "하": ["HA"], "곽": ["KWAK"], "성": ["SUNG"], "차": ["CHA"],
}
KO_GIVEN = {  # Hangul given names with sex
    "민준": "M", "서준": "M", "도윤": "M", "예준": "M", "시우": "M", "하준": "M", "지호": "M", "주원": "M",
    "지훈": "M", "현우": "M", "준서": "M", "건우": "M", "우진": "M", "성민": "M", "영수": "M", "정호": "M",
    "상철": "M", "동현": "M", "재현": "M", "승민": "M", "준영": "M", "민재": "M", "태현": "M", "성훈": "M",
    "서연": "F", "서윤": "F", "지우": "F", "서현": "F", "민서": "F", "하은": "F", "하윤": "F", "윤서": "F",
    "지유": "F", "지민": "F", "수빈": "F", "은지": "F", "영희": "F", "미영": "F", "지영": "F", "수진": "F",
    "혜진": "F", "은영": "F", "민지": "F", "서영": "F", "지연": "F", "수연": "F", "예은": "F", "유진": "F",
}
KO_CUSTOM = {  # syllable: customary passport spellings (besides RR)
    "준": ["JOON"], "현": ["HYUN"], "영": ["YOUNG"], "성": ["SUNG"], "정": ["JUNG"], "우": ["WOO"], "수": ["SOO"],
    "주": ["JOO"], "연": ["YUN"], "윤": ["YOON"], "서": ["SUH"], "석": ["SUK"], "철": ["CHUL"], "훈": ["HOON"],
    "진": ["JIN"], "은": ["EUN"], "민": ["MIN"], "호": ["HO"], "희": ["HEE"], "혜": ["HYE"], "재": ["JAE"],
}
_MR_INI = ["K", "KK", "N", "T", "TT", "R", "M", "P", "PP", "S", "SS", "", "CH", "TCH", "CH", "K", "T", "P", "H"]
_MR_VOW = ["A", "AE", "YA", "YAE", "O", "E", "YO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WO", "WE", "WI", "YU", "U",
           "UI", "I"]
_MR_FIN = ["", "K", "K", "K", "N", "N", "N", "T", "L", "K", "M", "L", "L", "L", "P", "L", "M", "P", "P", "T", "T", "NG",
           "T", "T", "K", "T", "P", "T"]
_VOICE = {"K": "G", "T": "D", "P": "B", "CH": "J"}


def mccune_reischauer(hangul: str, given: bool) -> str:
    """McCune-Reischauer without breves: initial plain stops voiced after a vowel or a nasal
    inside a given name (KIL-DONG), ㅅ before ㅣ written SH, ㄹ written L at the start of a
    syllable only after ㄹ."""
    out, prev_final = [], None
    for ch in hangul:
        code = ord(ch) - 0xAC00
        ini, vow, fin = code // 588, (code % 588) // 28, code % 28
        c = _MR_INI[ini]
        if ini == 9 and vow in (20, 16):
            c = "SH"
        if given and prev_final is not None and prev_final in ("", "N", "M", "NG", "L") and c in _VOICE:
            c = _VOICE[c]
        if ini == 5 and prev_final is None:
            c = "N" if vow not in (20, 2, 6, 12, 17) else ""
        if ini == 5 and prev_final == "L":
            c = "L"
        out.append(c + _MR_VOW[vow] + _MR_FIN[fin])
        prev_final = _MR_FIN[fin]
    return "".join(out)


_KOR = Romanizer
_HN = HnTransliterator()
_YALE = Transliter(academic)


def korean_forms(sur: str, given: str) -> list[tuple[str, str, str]]:
    """(surname, given names, system) spellings of one Korean name."""
    def rr(t: str) -> str:
        return mrz(_KOR(t).romanize())
    forms = set()
    g_rr = rr(given)
    syll_rr = [rr(s) for s in given]
    for s in [rr(sur)] + KO_SURNAMES[sur]:
        forms.add((s, g_rr, "RR joined"))
        forms.add((s, " ".join(syll_rr), "RR spaced"))
    forms.add((KO_SURNAMES[sur][0], mrz(_HN.romanize("가" + given).split(" ", 1)[1]), "hangul-names"))
    forms.add((mrz(_YALE.translit(sur)), mrz(_YALE.translit(given)), "Yale"))
    forms.add((mccune_reischauer(sur, False), mccune_reischauer(given, True), "McCune-Reischauer"))
    custom = [KO_CUSTOM.get(s, [rr(s)])[0] for s in given]
    forms.add((KO_SURNAMES[sur][0], " ".join(custom), "passport customary"))
    forms.add((KO_SURNAMES[sur][-1], "".join(custom), "passport customary joined"))
    return sorted(forms)


# ------------------------------------------------------------------------------- Chinese
ZH_SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 周 吴 徐 孙 朱 马 胡 郭 林 何 高 罗 郑 梁 谢 宋 唐 许 "
               "邓 冯 韩 曹 曾 彭 萧 蔡 潘 田 董 袁 于 余 叶 蒋 杜 苏 魏 程 吕 丁 沈 任 姚 卢 钟 姜 崔 谭 陆 范 邱 秦 江 石").split()
ZH_GIVEN = {  # given names with sex
    "志强": "M", "建华": "M", "国强": "M", "建国": "M", "俊杰": "M", "晓明": "M", "伟": "M", "军": "M", "勇": "M",
    "杰": "M", "涛": "M", "超": "M", "明": "M", "刚": "M", "平": "M", "辉": "M", "鹏": "M", "浩然": "M", "子轩": "M",
    "宇轩": "M", "振宇": "M", "家豪": "M", "志明": "M", "文斌": "M", "金龙": "M", "世昌": "M", "德华": "M",
    "秀英": "F", "桂英": "F", "秀兰": "F", "玉兰": "F", "桂兰": "F", "丽": "F", "敏": "F", "静": "F", "燕": "F",
    "芳": "F", "娜": "F", "婷": "F", "雪": "F", "慧": "F", "美玲": "F", "淑芬": "F", "雅婷": "F", "欣怡": "F",
    "诗涵": "F", "晓燕": "F", "秋菊": "F", "春梅": "F", "丽华": "F", "翠花": "F", "玉珍": "F", "佳怡": "F",
}


def _wg(text: str) -> list[str]:
    return [mrz(s.replace("v", "u")) for s in lazy_pinyin(text, style=Style.WADEGILES)]


def _py(text: str) -> list[str]:
    return [mrz(s.replace("v", "u")) for s in lazy_pinyin(text)]


def chinese_forms(sur: str, given: str) -> dict[str, list[tuple[str, str]]]:
    out = {}
    for system, f in (("pinyin", _py), ("Wade-Giles", _wg)):
        s, g = f(sur), f(given)
        out[system] = sorted({("".join(s), "".join(g)), ("".join(s), " ".join(g))})
    return out


# ------------------------------------------------------------------------------- Russian
RU_SURNAMES = ("Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков "
               "Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин "
               "Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов "
               "Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв "
               "Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов "
               "Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов "
               "Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов "
               "Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев "
               "Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников "
               "Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин "
               "Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов "
               "Анисимов Ерёмин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров Симонов "
               "Прокофьев Харитонов Князев Цветков Левин Митрофанов Воронов Аксёнов Софронов Мальцев Логинов "
               "Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков Сафонов Плотников Демин Хохлов Фадеев "
               "Молчанов Игнатов Литвинов Ершов Ушаков Дементьев Рябов Мухин Калашников Леонтьев Лобанов "
               "Кузин Корнилов Евдокимов Бородин Платонов Некрасов Балашов Бобров Жданов Блинов Игнатьев "
               "Коротков Муравьёв Крюков Беляков Богомолов Дроздов Лаврентьев Зуев Петухов Ларин Никулин "
               "Серов Терентьев Зотов Устинов Фокин Самойлов Константинов Сахаров Шишкин Самсонов Черкасов "
               "Чистяков Носов Спиридонов Карасёв Авдеев Воронцов Зверев Владимиров Селезнёв Нечаев Кудрин "
               "Седов Фирсов Андрианов Панин Головин Терехов Ульянов Шестаков Агеев Никонов Селиванов Баженов "
               "Гордеев Кожевников Пахомов Зимин Костин Широков Филимонов Ларионов Овсянников Сазонов Суворов "
               "Нефёдов Корнилов Любимов Львов Горбачёв Копылов Лукин Токарев Кулешов Шилов Большаков Панкратов "
               "Родин Шаповалов Покровский Бочаров Никольский Маркин Горелов Агафонов Березин Ермолаев Зубков "
               "Куприянов Трифонов Масленников Круглов Третьяков Колосов Рожков Артамонов Шмелёв Лаптев Лапин "
               "Федосеев Зиновьев Зорин Уткин Столяров Зубов Ткачёв Дорофеев Антипов Завьялов Свиридов Золотарёв "
               "Кулаков Мещеряков Макеев Дьяконов Гуляев Петровский Бондарев Поздняков Панфилов Кочетков Суханов "
               "Рыжов Старостин Калмыков Колесов Золотов Кравцов Субботин Шубин Щукин Лосев Винокуров Лапшин "
               "Парфёнов Исаков Голованов Коровин Розанов Артёмов Козырев Русаков Алёшин Крючков Булгаков "
               "Кошелев Сычёв Синицын Худяков Хрущёв").split()
RU_GIVEN = {
    "Александр": "M", "Сергей": "M", "Дмитрий": "M", "Андрей": "M", "Алексей": "M", "Максим": "M", "Евгений": "M",
    "Иван": "M", "Михаил": "M", "Артём": "M", "Николай": "M", "Юрий": "M", "Владимир": "M", "Игорь": "M",
    "Олег": "M", "Вячеслав": "M", "Григорий": "M", "Фёдор": "M", "Виталий": "M", "Валерий": "M", "Анатолий": "M",
    "Геннадий": "M", "Василий": "M", "Евгения": "F", "Александра": "F", "Юлия": "F", "Наталья": "F", "Татьяна": "F",
    "Ольга": "F", "Елена": "F", "Ирина": "F", "Светлана": "F", "Ксения": "F", "Анастасия": "F", "Мария": "F",
    "Дарья": "F", "Ульяна": "F", "Людмила": "F", "Валерия": "F", "Виталия": "F", "Алёна": "F", "Софья": "F",
    "Любовь": "F", "Яна": "F", "Екатерина": "F", "Юлиана": "F", "Зоя": "F", "Инна": "F", "Нина": "F",
}
RU_SCHEMAS = ["icao_doc_9303", "bgn_pcgn", "wikipedia", "mvd_310", "mvd_782", "gost_779", "ala_lc", "scientific",
              "ungegn_1987", "telegram", "yandex_money", "gost_52535", "bs_2979"]


def ru_fem(surname: str) -> str:
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    if surname.endswith("ский"):
        return surname[:-2] + "ая"
    return surname


def ru_latin(text: str, schema: str, list_side: bool) -> str:
    out = iuliia.schemas.get(schema).translate(text)
    return out.upper().replace("Ё", "E") if list_side else mrz(out)


# ------------------------------------------------------------------------------- Japanese
JA_SURNAMES = ("さとう すずき たかはし たなか いとう わたなべ やまもと なかむら こばやし かとう よしだ やまだ ささき "
               "やまぐち まつもと いのうえ きむら はやし しみず やまざき もり あべ いけだ はしもと やました いしかわ "
               "なかじま まえだ ふじた おがわ ごとう おかだ はせがわ むらかみ こんどう いしい さいとう さかもと えんどう "
               "あおき ふじい にしむら ふくだ おおた みうら ふじわら おかもと まつだ なかがわ なかの はらだ おの "
               "たむら たけうち かねこ わだ なかやま いしだ うえだ もりた はら しばた さかい くどう よこやま みやざき "
               "みやもと うちだ たかぎ あんどう たにぐち おおの まるやま いまい こうの ふじもと むかい ちば つちや "
               "ほんま じんぐうじ しょうじ ちょうの きょうごく りょうけん").split()
JA_GIVEN = {
    "かずこ": "F", "かずよ": "F", "かずみ": "F", "けいこ": "F", "きょうこ": "F", "ともこ": "F", "じゅんこ": "F",
    "ゆうこ": "F", "ようこ": "F", "よしこ": "F", "ひろこ": "F", "まゆみ": "F", "ゆみ": "F", "あけみ": "F",
    "みさき": "F", "ゆい": "F", "はるな": "F", "さくら": "F", "ちか": "F", "ちはる": "F", "しょうこ": "F",
    "りょうこ": "F", "ふみこ": "F", "しずか": "F", "ちづる": "F", "みつこ": "F", "えつこ": "F", "のりこ": "F",
    "かずお": "M", "かずや": "M", "かずき": "M", "けんた": "M", "たくや": "M", "なおき": "M", "まこと": "M",
    "ゆうき": "M", "しょうた": "M", "しょうじ": "M", "こうじ": "M", "こういち": "M", "じゅんいち": "M",
    "ゆういち": "M", "りょうた": "M", "りょうすけ": "M", "しんじ": "M", "しんいち": "M", "つとむ": "M",
    "しげる": "M", "みのる": "M", "まさお": "M", "ひろし": "M", "たかし": "M", "ふみお": "M", "ちゅうじ": "M",
    "じろう": "M", "いちろう": "M", "ゆうと": "M", "ひろと": "M", "しゅんすけ": "M", "きょうすけ": "M",
}
_KAKASI = pykakasi.kakasi()


def _kakasi(kana: str, key: str) -> str:
    return mrz("".join(x[key] for x in _KAKASI.convert(kana)))


def passport_jp(hepburn: str, oh: bool) -> str:
    """Japanese passport Hepburn: long vowels not written (OU/OO -> O, UU -> U), or OH if the
    holder asks; N before B, M, P written M."""
    t = re.sub(r"N(?=[BMP])", "M", hepburn)
    t = re.sub(r"OU|OO", "OH" if oh else "O", t)
    return t.replace("UU", "U")


def japanese_forms(kana: str) -> dict[str, str]:
    hep = _kakasi(kana, "hepburn")
    return {"Hepburn (wapuro)": hep, "Kunrei": _kakasi(kana, "kunrei"), "passport": passport_jp(hep, False),
            "passport OH": passport_jp(hep, True)}


def katakana(hira: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in hira)


# ------------------------------------------------------------------------------- Arabic
AR_GIVEN_SEEDS = {  # seed spelling: sex
    "Muhammad": "M", "Ahmad": "M", "Yusuf": "M", "Umar": "M", "Khalid": "M", "Ibrahim": "M", "Mustafa": "M",
    "Husayn": "M", "Hasan": "M", "Mahmud": "M", "Abdullah": "M", "Yasir": "M", "Usama": "M", "Said": "M",
    "Tariq": "M", "Walid": "M", "Karim": "M", "Jamal": "M", "Faisal": "M", "Nasir": "M", "Rashid": "M",
    "Hamza": "M", "Bilal": "M", "Idris": "M", "Yunus": "M", "Musa": "M", "Isa": "M", "Sulayman": "M",
    "Uthman": "M", "Zayd": "M", "Salim": "M", "Samir": "M", "Adil": "M", "Amin": "M", "Jafar": "M",
    "Fatima": "F", "Aisha": "F", "Khadija": "F", "Maryam": "F", "Zaynab": "F", "Layla": "F", "Nur": "F",
    "Amina": "F", "Salma": "F", "Huda": "F", "Rania": "F", "Samira": "F", "Yasmin": "F", "Hanan": "F",
}
AR_FAMILY = ["Rashid", "Masri", "Tikriti", "Baghdadi", "Hashimi", "Qahtani", "Shammari", "Zahrani", "Ghamdi",
             "Harbi", "Shehri", "Otaibi", "Amri", "Saadi", "Najjar", "Sayyid", "Din", "Nur", "Tamimi",
             "Dosari", "Zubaidi", "Jaburi", "Shami", "Halabi", "Khatib", "Sharif", "Salih", "Nasser", "Tahir"]
SUN = set("TDRZSLN")  # first letters of sun-letter family names (T, TH, D, DH, R, Z, S, SH, S., D., T., Z., L, N)
AR_ALT = [("U", "OU"), ("U", "O"), ("I", "E"), ("I", "EE"), ("A", "E"), ("AY", "EI"), ("AY", "AI"),
          ("S", "SS"), ("M", "MM"), ("H", "HH"), ("Q", "K"), ("J", "G"), ("TH", "T"), ("Y", "I"), ("I", "Y"),
          ("D", "DD"), ("R", "RR"), ("F", "FF"), ("L", "LL"), ("AH", "A"), ("A", "AH"), ("UM", "OM"), ("ER", "IR")]
_rigour_cache: dict[str, frozenset] = {}


def _qids(token: str) -> frozenset:
    if token not in _rigour_cache:
        syms = set()
        for name in analyze_names(NameTypeTag.PER, [token]):
            for span in name.spans:
                if str(span.symbol).startswith("[NAME:") and len(span.parts) == 1:
                    syms.add(str(span.symbol))
        _rigour_cache[token] = frozenset(syms)
    return _rigour_cache[token]


def arabic_family(seed: str) -> list[str]:
    """Spellings of one Arabic name: one or two letter alternations of the seed that rigour's
    name data files under one of the seed's Wikidata names."""
    base = seed.upper()
    cands = {base}
    for _ in range(2):
        nxt = set()
        for c in cands:
            for a, b in AR_ALT:
                for src, dst in ((a, b), (b, a)):
                    i = c.find(src)
                    while i >= 0:
                        nxt.add(c[:i] + dst + c[i + len(src):])
                        i = c.find(src, i + 1)
        cands |= nxt
    q = _qids(base)
    fam = sorted(c for c in cands if c != base and len(c) >= 3 and _qids(c) & q)
    return [base] + fam


def article_forms(family: str) -> list[tuple[str, str]]:
    f = family.upper()
    forms = [("AL-" + f, "al- hyphen"), ("AL " + f, "al spaced"), ("AL" + f, "al joined"), ("EL-" + f, "el-"),
             ("EL" + f, "el joined"), (f, "article dropped")]
    if f[0] in SUN:
        lead = f[:2] if f[:2] in ("SH", "TH", "DH") else f[0]
        forms += [("A" + lead + "-" + f, "sun-letter assimilation"), ("A" + lead + f, "sun-letter joined")]
    return forms


def particle_forms(father: str, kind: str) -> list[tuple[str, str]]:
    f = father.upper()
    if kind == "bin":
        return [("BIN " + f, "bin"), ("IBN " + f, "ibn"), ("BEN " + f, "ben"), ("BIN" + f, "bin joined"),
                ("B " + f, "b."), (f, "bin dropped")]
    if kind == "bint":
        return [("BINT " + f, "bint"), ("BENT " + f, "bent"), ("BINTI " + f, "binti")]
    return [("ABU " + f, "abu"), ("ABOU " + f, "abou"), ("ABU" + f, "abu joined"), ("ABO " + f, "abo"),
            ("ABOU" + f, "abou joined")]


UL_NAMES = [("ABD", "RAHMAN"), ("ABD", "AZIZ"), ("ABD", "KARIM"), ("ABD", "MALIK"), ("ABD", "QADIR"),
            ("ABD", "HAMID"), ("ABD", "LATIF"), ("ABD", "RAHIM"), ("ABD", "SALAM"), ("ABD", "JABBAR"),
            ("ZIA", "HAQ"), ("INAM", "HAQ"), ("NUR", "DIN"), ("SALAH", "DIN"), ("NASR", "DIN"), ("ZAIN", "ABIDIN"),
            ("SAIF", "ISLAM"), ("SHAMS", "DIN"), ("IZZ", "DIN"), ("KAMAL", "DIN")]


def ul_forms(a: str, b: str) -> list[tuple[str, str]]:
    art = "U" + b[0] if b[0] in SUN and a == "ABD" else "UL"
    a2 = {"ABD": ["ABD", "ABDUL", "ABDEL", "ABDOUL"]}.get(a, [a])
    out = [(f"{a} {art} {b}", "ul spaced"), (f"{a}-{art}-{b}", "ul hyphens"), (f"{a}{art.lower().upper()}{b}", "ul joined"),
           (f"{a} AL {b}", "al"), (f"{a} EL {b}", "el"), (f"{a}{'UD' if b == 'DIN' else 'UL'} {b}", "ul attached")]
    if a == "ABD":
        out += [(f"{x} {b}", "abdul/abdel") for x in a2[1:]] + [(f"{a2[1]}{b}", "abdul joined"),
                                                                    (f"ABDER{b}" if b[0] == "R" else f"ABDEL{b}", "abder/abdel joined")]
    return out


# ------------------------------------------------------------------------------- assembly
ENTRY_COLUMNS = ["subject_id", "surname", "given_names", "birth_date", "sex", "nationality", "family", "listed_as", "split"]
QUERY_COLUMNS = ["surname", "given_names", "birth_date", "sex", "nationality", "expected", "family", "kind", "detail", "split"]
entries: list[dict] = []
queries: list[dict] = []


def add_entry(family: str, surname: str, given: str, sex: str, nat: str, listed_as: str = "") -> dict:
    sid = f"L{len(entries):05d}"
    e = {"subject_id": sid, "surname": surname, "given_names": given, "birth_date": birth(), "sex": sex,
         "nationality": nat, "family": family, "listed_as": listed_as, "split": split_of(f"{family}|{surname}|{given}")}
    entries.append(e)
    return e


def add_query(e: dict, family: str, kind: str, surname: str, given: str, expected: bool, sex: str | None = None,
              birth_date: str | None = None, detail: str = "") -> None:
    queries.append({"surname": mrz(surname), "given_names": mrz(given), "birth_date": birth_date or e["birth_date"],
                    "sex": sex or e["sex"], "nationality": e["nationality"], "expected": e["subject_id"] if expected else None,
                    "family": family, "kind": kind, "detail": detail, "split": e["split"]})


def closest(name: str, pool: list[str], key) -> str | None:
    """The pool name whose romanised form is nearest to ``name``'s (a different real name)."""
    from rapidfuzz.distance import Levenshtein
    k = key(name)
    best = sorted((Levenshtein.distance(k, key(p)), p) for p in pool if p != name and key(p) != k)
    return best[0][1] if best else None


def gen_korean(n_ident: int) -> None:
    surs, givs = list(KO_SURNAMES), list(KO_GIVEN)
    seen = set()
    while len(seen) < n_ident:
        s, g = rng.choice(surs), rng.choice(givs)
        if (s, g) in seen:
            continue
        seen.add((s, g))
        forms = korean_forms(s, g)
        script = rng.random() < 0.25
        fam = "script" if script else "korean"
        ls, lg = (s, g) if script else (KO_SURNAMES[s][0], mrz(_KOR(g).romanize()))
        e = add_entry(fam, ls, lg, KO_GIVEN[g], "KOR", "Hangul" if script else "RR")
        for fs, fg, system in rng.sample(forms, min(3, len(forms))):
            if (fs, fg) != (ls, lg):
                add_query(e, fam, "variant", fs, fg, True, detail=system)
        rr = lambda t: mrz(_KOR(t).romanize())  # noqa: E731
        same = [x for x in givs if KO_GIVEN[x] == KO_GIVEN[g]]
        other = [x for x in givs if KO_GIVEN[x] != KO_GIVEN[g]]
        near = closest(g, same, rr)
        if near:
            add_query(e, fam, "decoy", KO_SURNAMES[s][0], rr(near), False, detail=f"near name {rr(g)}/{rr(near)}")
        near_x = closest(g, other, rr)
        if near_x:
            add_query(e, fam, "decoy", KO_SURNAMES[s][0], rr(near_x), False, sex="F" if KO_GIVEN[g] == "M" else "M",
                      detail=f"other sex {rr(g)}/{rr(near_x)}")
        near_s = closest(s, surs, lambda t: KO_SURNAMES[t][0])
        add_query(e, fam, "decoy", KO_SURNAMES[near_s][0], rr(g), False, detail=f"other surname {KO_SURNAMES[near_s][0]}")


def gen_chinese(n_ident: int) -> None:
    seen = set()
    givs = list(ZH_GIVEN)
    while len(seen) < n_ident:
        s, g = rng.choice(ZH_SURNAMES), rng.choice(givs)
        if (s, g) in seen:
            continue
        seen.add((s, g))
        forms = chinese_forms(s, g)
        list_sys = rng.choice(["pinyin", "Wade-Giles"])
        q_sys = "Wade-Giles" if list_sys == "pinyin" else "pinyin"
        ls, lg = forms[list_sys][0]
        e = add_entry("chinese", ls, lg, ZH_GIVEN[g], rng.choice(["CHN", "TWN", "HKG"]), list_sys)
        for fs, fg in forms[q_sys]:
            add_query(e, "chinese", "variant", fs, fg, True, detail=f"{list_sys} -> {q_sys}")
        key = lambda t: "".join(_py(t))  # noqa: E731
        same = [x for x in givs if ZH_GIVEN[x] == ZH_GIVEN[g]]
        other = [x for x in givs if ZH_GIVEN[x] != ZH_GIVEN[g]]
        for pool, sex, what in ((same, None, "near name"), (other, "F" if ZH_GIVEN[g] == "M" else "M", "other sex")):
            near = closest(g, pool, key)
            if near:
                fs, fg = chinese_forms(s, near)[list_sys][0]
                add_query(e, "chinese", "decoy", fs, fg, False, sex=sex, detail=f"{what} {key(g)}/{key(near)}")
        near_s = closest(s, ZH_SURNAMES, key)
        fs, fg = chinese_forms(near_s, g)[q_sys][0]
        add_query(e, "chinese", "decoy", fs, fg, False, detail=f"other surname {key(s)}/{key(near_s)}")


def gen_russian(n_ident: int) -> None:
    seen = set()
    givs = list(RU_GIVEN)
    while len(seen) < n_ident:
        s, g = rng.choice(RU_SURNAMES), rng.choice(givs)
        if (s, g) in seen:
            continue
        seen.add((s, g))
        sex = RU_GIVEN[g]
        sur = ru_fem(s) if sex == "F" else s
        script = rng.random() < 0.25
        fam = "script" if script else "slavic"
        list_schema = rng.choice(["bgn_pcgn", "wikipedia", "ala_lc", "scientific", "gost_779", "ungegn_1987"])
        ls, lg = (sur, g) if script else (ru_latin(sur, list_schema, True), ru_latin(g, list_schema, True))
        e = add_entry(fam, ls, lg, sex, rng.choice(["RUS", "RUS", "BLR", "KAZ"]), "Cyrillic" if script else list_schema)
        for schema in rng.sample([x for x in RU_SCHEMAS if x != list_schema], 3):
            add_query(e, fam, "variant", ru_latin(sur, schema, False), ru_latin(g, schema, False), True,
                      detail=f"{list_schema} -> {schema}")
        key = lambda t: ru_latin(t, "icao_doc_9303", False)  # noqa: E731
        same = [x for x in givs if RU_GIVEN[x] == sex]
        near = closest(g, same, key)
        if near:
            add_query(e, fam, "decoy", key(sur), key(near), False, detail=f"near name {key(g)}/{key(near)}")
        # the other-sex counterpart: ALEKSANDR/ALEKSANDRA, EVGENII/EVGENIIA, IVANOV/IVANOVA
        other = [x for x in givs if RU_GIVEN[x] != sex]
        near_x = closest(g, other, key)
        x_sur = ru_fem(s) if sex == "M" else s
        add_query(e, fam, "decoy", key(x_sur), key(near_x), False, sex="F" if sex == "M" else "M",
                  detail=f"other sex {key(sur)} {key(g)}/{key(x_sur)} {key(near_x)}")
        near_s = closest(s, RU_SURNAMES, key)
        add_query(e, fam, "decoy", key(ru_fem(near_s) if sex == "F" else near_s), key(g), False,
                  detail=f"other surname {key(s)}/{key(near_s)}")


def gen_japanese(n_ident: int) -> None:
    seen = set()
    givs = list(JA_GIVEN)
    while len(seen) < n_ident:
        s, g = rng.choice(JA_SURNAMES), rng.choice(givs)
        if (s, g) in seen:
            continue
        seen.add((s, g))
        fs, fg = japanese_forms(s), japanese_forms(g)
        script = rng.random() < 0.2
        fam = "script" if script else "japanese"
        list_sys = rng.choice(list(fs))
        ls, lg = (katakana(s), katakana(g)) if script else (fs[list_sys], fg[list_sys])
        e = add_entry(fam, ls, lg, JA_GIVEN[g], "JPN", "katakana" if script else list_sys)
        pairs = {(fs[k], fg[k], k) for k in fs if k != list_sys} | {(fs["Kunrei"], fg["passport"], "mixed")}
        for qs, qg, k in rng.sample(sorted(pairs), 3):
            if (qs, qg) != (ls, lg):
                add_query(e, fam, "variant", qs, qg, True, detail=f"{list_sys} -> {k}")
        key = lambda t: japanese_forms(t)["Hepburn (wapuro)"]  # noqa: E731
        same = [x for x in givs if JA_GIVEN[x] == JA_GIVEN[g]]
        other = [x for x in givs if JA_GIVEN[x] != JA_GIVEN[g]]
        for pool, sex, what in ((same, None, "near name"), (other, "F" if JA_GIVEN[g] == "M" else "M", "other sex")):
            near = closest(g, pool, key)
            if near:
                add_query(e, fam, "decoy", japanese_forms(s)["passport"], japanese_forms(near)["passport"], False, sex=sex,
                          detail=f"{what} {key(g)}/{key(near)}")
        near_s = closest(s, JA_SURNAMES, key)
        add_query(e, fam, "decoy", japanese_forms(near_s)["passport"], fg["passport"], False,
                  detail=f"other surname {key(s)}/{key(near_s)}")


def gen_arabic(n_ident: int) -> None:
    fams = {seed: arabic_family(seed) for seed in AR_GIVEN_SEEDS}
    fam_of_family = {f: arabic_family(f) for f in AR_FAMILY}
    givs = list(AR_GIVEN_SEEDS)
    for i in range(n_ident):
        kind = ["articles", "particles", "spelling", "ul"][i % 4]
        g = rng.choice(givs)
        sex = AR_GIVEN_SEEDS[g]
        gspell = fams[g]
        nat = rng.choice(["SAU", "IRQ", "EGY", "SYR", "JOR", "YEM", "PAK", "SDN"])
        if kind == "articles":
            f = rng.choice(AR_FAMILY)
            forms = article_forms(f)
            e = add_entry("arabic_articles", forms[0][0], gspell[0], sex, nat, "al- hyphen")
            for fs, what in rng.sample(forms[1:], 3):
                add_query(e, "arabic_articles", "variant", fs, rng.choice(gspell), True, detail=what)
            other = closest(f, AR_FAMILY, str.upper)
            add_query(e, "arabic_articles", "decoy", "AL " + other.upper(), gspell[0], False, detail=f"other family al-{other}")
        elif kind == "particles":
            father = rng.choice([x for x in givs if AR_GIVEN_SEEDS[x] == "M" and x != g])
            f = rng.choice(AR_FAMILY)
            pk = "bint" if sex == "F" and rng.random() < 0.7 else ("abu" if rng.random() < 0.3 else "bin")
            forms = particle_forms(father, pk)
            e = add_entry("arabic_particles", f"{forms[0][0]} AL {f.upper()}" if rng.random() < 0.5 else forms[0][0],
                          gspell[0], sex, nat, forms[0][1])
            sur_tail = e["surname"][len(forms[0][0]):]
            for fs, what in rng.sample(forms[1:], min(3, len(forms) - 1)):
                add_query(e, "arabic_particles", "variant", fs + sur_tail, rng.choice(gspell), True, detail=what)
            other_father = closest(father, [x for x in givs if AR_GIVEN_SEEDS[x] == "M"], str.upper)
            add_query(e, "arabic_particles", "decoy", particle_forms(other_father, pk)[0][0] + sur_tail, gspell[0], False,
                      detail=f"other father {father}/{other_father}")
        elif kind == "spelling":
            f = rng.choice(AR_FAMILY)
            fspell = fam_of_family[f]
            e = add_entry("arabic_spelling", fspell[0], gspell[0], sex, nat, "seed spelling")
            alts = [(a, b) for a in fspell for b in gspell if (a, b) != (fspell[0], gspell[0])]
            for fs, fg in rng.sample(alts, min(3, len(alts))):
                add_query(e, "arabic_spelling", "variant", fs, fg, True, detail=f"{fs} {fg}")
            same = [x for x in givs if AR_GIVEN_SEEDS[x] == sex]
            near = closest(g, same, str.upper)
            add_query(e, "arabic_spelling", "decoy", fspell[0], near.upper(), False, detail=f"near name {g}/{near}")
            other = [x for x in givs if AR_GIVEN_SEEDS[x] != sex]
            near_x = closest(g, other, str.upper)
            add_query(e, "arabic_spelling", "decoy", fspell[0], near_x.upper(), False, sex="F" if sex == "M" else "M",
                      detail=f"other sex {g}/{near_x}")
        else:
            a, b = rng.choice(UL_NAMES)
            forms = ul_forms(a, b)
            f = rng.choice(AR_FAMILY).upper()
            e = add_entry("arabic_articles", f, forms[0][0], "M", nat, forms[0][1])
            for fg, what in rng.sample(forms[1:], 3):
                add_query(e, "arabic_articles", "variant", f, fg, True, detail=what)
            a2, b2 = rng.choice([x for x in UL_NAMES if x[1] != b and x[0] == a] or [x for x in UL_NAMES if x != (a, b)])
            add_query(e, "arabic_articles", "decoy", f, ul_forms(a2, b2)[0][0], False, detail=f"other name {a2} UL {b2}")


def main() -> int:
    gen_korean(110)
    gen_chinese(110)
    gen_russian(110)
    gen_japanese(100)
    gen_arabic(160)
    # drop duplicate queries (the same spelling drawn twice for one entry)
    seen, uniq = set(), []
    for q in queries:
        k = (q["surname"], q["given_names"], q["sex"], q["expected"], q["birth_date"])
        if k not in seen:
            seen.add(k)
            uniq.append(q)
    libs = ["korean-romanizer", "hangul-romanize", "hangul-names", "pypinyin", "iuliia", "pykakasi", "rigour"]
    out = {
        "provenance": {
            "generator": "benchmarks/names_generate.py", "seed": SEED,
            "generated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "libraries": {lib: version(lib) for lib in libs},
            "note": __doc__.strip().split("\n\n", 2)[2],
        },
        "entry_columns": ENTRY_COLUMNS,
        "entries": [[e[c] for c in ENTRY_COLUMNS] for e in entries],
        "query_columns": QUERY_COLUMNS,
        "queries": [[q[c] for c in QUERY_COLUMNS] for q in uniq],
    }
    # one row a line: small, and a regenerated file diffs row by row
    head = json.dumps({k: v for k, v in out.items() if k not in ("entries", "queries")}, ensure_ascii=False, indent=1)
    parts = [head[:-2] + ","]
    for key in ("entries", "queries"):
        rows = ",\n".join(json.dumps(r, ensure_ascii=False) for r in out[key])
        parts.append(f' "{key}": [\n{rows}\n]' + ("," if key == "entries" else ""))
    text = "\n".join(parts) + "\n}"
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
