"""What the kiosk says, in English and Japanese at once (a queue has no time to pick a language),
with one more language the traveller can add (F2). Plain data, no Qt: the kiosk shows both
columns side by side, so these are not Qt translations of one another.
"""
from __future__ import annotations

#: The languages shown: the first two always, then the chosen extra one.
ALWAYS = ("en", "ja")
EXTRA = ("zh", "ko", "es", "fr")
LANGUAGE_NAMES = {"zh": "中文", "ko": "한국어", "es": "Español", "fr": "Français"}

TEXT: dict[str, dict[str, str]] = {
    "title": {"en": "Fingerprints and photo before your examination", "ja": "審査の前に指紋と顔写真を",
              "zh": "审查前采集指纹和照片", "ko": "심사 전 지문과 얼굴 사진", "es": "Huellas y foto antes del control",
              "fr": "Empreintes et photo avant le contrôle"},
    "passport": {"en": "Place your passport, photo page down, on the reader.",
                 "ja": "パスポートの顔写真のページを下にして読取機に置いてください。",
                 "zh": "请将护照照片页朝下放在读取器上。", "ko": "여권 사진 면을 아래로 하여 판독기에 올려 주세요.",
                 "es": "Coloque el pasaporte, página de la foto hacia abajo, en el lector.",
                 "fr": "Posez votre passeport, page photo vers le bas, sur le lecteur."},
    "passport_again": {"en": "The passport could not be read. Please place it on the reader again.",
                       "ja": "パスポートを読み取れませんでした。もう一度置いてください。",
                       "zh": "无法读取护照，请重新放置。", "ko": "여권을 읽을 수 없습니다. 다시 올려 주세요.",
                       "es": "No se pudo leer el pasaporte. Colóquelo de nuevo.",
                       "fr": "Le passeport n'a pas pu être lu. Reposez-le sur le lecteur."},
    "face": {"en": "Look at the camera. Remove hat and glasses.",
             "ja": "カメラを見てください。帽子と眼鏡を外してください。",
             "zh": "请看摄像头，摘下帽子和眼镜。", "ko": "카메라를 보세요. 모자와 안경을 벗어 주세요.",
             "es": "Mire a la cámara. Quítese el sombrero y las gafas.",
             "fr": "Regardez la caméra. Retirez chapeau et lunettes."},
    "fingers": {"en": "Place the finger shown on the scanner.", "ja": "表示された指をスキャナーに置いてください。",
                "zh": "请将所示手指放在扫描仪上。", "ko": "표시된 손가락을 스캐너에 올려 주세요.",
                "es": "Coloque el dedo indicado en el escáner.", "fr": "Posez le doigt indiqué sur le scanner."},
    "saving": {"en": "Please wait…", "ja": "お待ちください…", "zh": "请稍候…", "ko": "잠시 기다려 주세요…",
               "es": "Espere, por favor…", "fr": "Veuillez patienter…"},
    "done": {"en": "Done. Thank you! Please go to the inspection booth when called.",
             "ja": "完了しました。ありがとうございました。呼ばれたら審査ブースへお進みください。",
             "zh": "完成，谢谢！叫到您时请前往审查台。", "ko": "완료되었습니다. 감사합니다! 호출되면 심사대로 가 주세요.",
             "es": "Listo. ¡Gracias! Pase a la cabina cuando le llamen.",
             "fr": "Terminé. Merci ! Rendez-vous au guichet lorsqu'on vous appelle."},
    "trouble": {"en": "This step could not be completed. The inspector will take it at the booth.",
                "ja": "この手順は完了できませんでした。審査ブースで審査官が行います。",
                "zh": "此步骤未能完成，审查官将在审查台进行。", "ko": "이 단계를 완료하지 못했습니다. 심사대에서 심사관이 진행합니다.",
                "es": "Este paso no se pudo completar. Se hará en la cabina.",
                "fr": "Cette étape n'a pas abouti. L'agent la fera au guichet."},
    "continue": {"en": "Continue", "ja": "次へ", "zh": "继续", "ko": "계속", "es": "Continuar", "fr": "Continuer"},
    "start_over": {"en": "Start over", "ja": "最初から", "zh": "重新开始", "ko": "처음부터", "es": "Empezar de nuevo",
                   "fr": "Recommencer"},
}

FINGERS: dict[str, dict[str, str]] = {
    f"{hand} {finger}": names
    for hand, fingers in {
        "Left": {"IndexFinger": ("LEFT index finger", "左手の人差し指", "左手食指", "왼손 검지"),
                 "MiddleFinger": ("LEFT middle finger", "左手の中指", "左手中指", "왼손 중지"),
                 "RingFinger": ("LEFT ring finger", "左手の薬指", "左手无名指", "왼손 약지"),
                 "LittleFinger": ("LEFT little finger", "左手の小指", "左手小指", "왼손 새끼손가락"),
                 "Thumb": ("LEFT thumb", "左手の親指", "左手拇指", "왼손 엄지")},
        "Right": {"IndexFinger": ("RIGHT index finger", "右手の人差し指", "右手食指", "오른손 검지"),
                  "MiddleFinger": ("RIGHT middle finger", "右手の中指", "右手中指", "오른손 중지"),
                  "RingFinger": ("RIGHT ring finger", "右手の薬指", "右手无名指", "오른손 약지"),
                  "LittleFinger": ("RIGHT little finger", "右手の小指", "右手小指", "오른손 새끼손가락"),
                  "Thumb": ("RIGHT thumb", "右手の親指", "右手拇指", "오른손 엄지")},
    }.items()
    for finger, names in ((f, dict(zip(("en", "ja", "zh", "ko"), n))) for f, n in fingers.items())
}


def say(key: str, extra: str | None = None) -> list[str]:
    """The text of ``key`` in English, Japanese and (when it has one) the extra language."""
    texts = TEXT[key]
    return [texts[lang] for lang in (*ALWAYS, *([extra] if extra else [])) if lang in texts]


def finger(position: str, extra: str | None = None) -> list[str]:
    """"Place your … on the scanner" for one SBI finger position, in the same languages."""
    names = FINGERS.get(position, {})
    lines = {"en": f"Place your {names.get('en', position)} on the scanner.",
             "ja": f"{names.get('ja', position)}をスキャナーに置いてください。",
             "zh": f"请将{names['zh']}放在扫描仪上。" if "zh" in names else None,
             "ko": f"{names['ko']}을(를) 스캐너에 올려 주세요." if "ko" in names else None}
    return [lines[lang] for lang in (*ALWAYS, *([extra] if extra else [])) if lines.get(lang)]
