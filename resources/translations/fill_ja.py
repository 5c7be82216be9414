"""Fill inspector_ja.ts from the glossary below (run after pyside6-lupdate adds new strings).

Translators may equally edit the .ts in pyside6-linguist; this script only fills entries that
are still unfinished, so hand edits are kept.
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

JA = {
    "&Demo": "デモ(&D)", "&Examination": "審査(&E)", "&Help": "ヘルプ(&H)", "&Session": "セッション(&S)",
    "&View": "表示(&V)",
    "A reason is required for every review.": "審査結果には必ず理由を入力してください。",
    "Action": "操作",
    "Administrator tools are on the command line: inspector-app --help": "管理者機能はコマンドラインにあります: inspector-app --help",
    "Biographic watchlist": "要注意人物リスト（身分事項）", "Biometric exemption": "個人識別情報の提供免除",
    "Biometrics": "個人識別情報（顔・指紋）", "Booth": "ブース",
    "Border Inspector — %s, booth %s": "上陸審査端末 — %s、ブース %s",
    "Border Inspector — sign in": "上陸審査端末 — ログイン",
    "CLEARED": "解除", "CONFIRMED HIT": "該当確定", "Camera (F5)": "カメラ (F5)", "Camera: ": "カメラ: ",
    "Camera: %s · Fingerprint: %s": "カメラ: %s · 指紋: %s", "Capture (F6)": "撮影 (F6)",
    "Capture fingerprints": "指紋を採取", "Capture fingerprints (F8)": "指紋採取 (F8)",
    "Capture the face now": "今すぐ顔を撮影", "Checks": "照合結果", "Choose confirm or clear.": "確定か解除を選んでください。",
    "Credentials are checked on this workstation (works offline). Ctrl+J switches English / 日本語.":
        "認証はこの端末で行います（オフライン可）。Ctrl+J で English / 日本語 を切替。",
    "Crew landing": "乗員上陸の許可", "Cruise-ship tourist landing": "船舶観光上陸の許可",
    "DOCUMENT PROBLEM — see checks": "旅券に問題あり — 照合結果を確認", "Date of birth": "生年月日",
    "Date of landing": "上陸年月日", "Decision": "判定", "Designated by ordinance": "法務省令で定める者",
    "Diplomat activities": "「外交」の活動を行う者", "Document (MRZ) — scan or type, Ctrl+Enter to read":
        "旅券（MRZ）— 読取または入力、Ctrl+Enter で読込", "Document check digits": "旅券のチェックディジット",
    "Document expiry": "旅券の有効期限", "Document no.": "旅券番号", "EXCEPTION": "例外", "EXEMPT": "免除",
    "Emergency landing": "緊急上陸の許可", "Enter your user name and password.": "ユーザー名とパスワードを入力してください。",
    "Examination": "審査", "Examination screen": "審査画面", "Exemption:": "免除:", "Expiry": "有効期限",
    "FAIL": "不適合", "Face captured": "顔写真を取得しました", "Face captured below quality: ": "品質基準未満で取得: ",
    "Face quality": "顔写真の品質", "Face watchlist": "要注意人物リスト（顔）", "Finger": "指",
    "Finger exception": "指紋採取の例外", "Fingerprint watchlist": "要注意人物リスト（指紋）",
    "Fingerprints captured: %d, exceptions: %d": "指紋採取: %d 指、例外: %d",
    "Finish this traveller (Save or Next) before reading another document.":
        "次の旅券を読む前に、この旅客の審査を終えてください（保存または次へ）。",
    "Flagged examinations (live)": "要確認の審査（自動更新）", "Flags": "要確認事項", "Given names": "名",
    "Go to the MRZ field": "MRZ 欄へ移動", "Go to the checks list (evidence)": "照合結果（証拠）へ移動",
    "Go to the decision": "判定へ移動", "HIT": "該当", "Inspector": "入国審査官",
    "Inspector: %s · Booth: %s": "審査官: %s · ブース: %s",
    "Invited by the head of a national administrative organ": "国の行政機関の長が招へいする者",
    "Issuing state": "発行国", "Japanese national (return confirmation)": "日本人（帰国の確認）",
    "Keyboard shortcuts": "キーボードショートカット", "Keys": "キー", "LANDING PERMISSION": "LANDING PERMISSION",
    "LOW QUALITY": "低品質", "Landing due to distress": "遭難による上陸の許可",
    "Landing for temporary refuge": "一時庇護のための上陸の許可", "Landing permission": "上陸許可",
    "Last day of stay": "在留期限", "Last sync: %s · queued: %s": "最終同期: %s · 未送信: %s",
    "Left: live capture / document. Right: watchlist record %s (%s).": "左: 取得した画像／旅券。右: リストの記録 %s（%s）。",
    "Lists %.1f h old": "リスト更新から %.1f 時間", "Lists %.1f h old — OUT OF DATE": "リスト更新から %.1f 時間 — 期限切れ",
    "Lists: not loaded": "リスト: 未導入", "Lock the session": "画面をロック", "Locked": "ロック中",
    "Looking for a face…": "顔を探しています…", "Lost/stolen documents (SLTD)": "紛失・盗難旅券（SLTD）",
    "NO HITS": "該当なし", "NOT CHECKED: ": "未照合: ", "Nationality / region": "国籍・地域",
    "Next traveller (Ctrl+N)": "次の旅客 (Ctrl+N)", "Next traveller (clears the screen)": "次の旅客（画面を消去）",
    "No face found — look at the camera": "顔が見つかりません — カメラを見てください", "Not signed in": "未ログイン",
    "Nothing to save.": "保存する内容がありません。",
    "OPEN HIT — landing blocked until a supervisor clears it": "未解除の該当あり — 統括審査官の解除まで上陸許可不可",
    "OVERRIDE": "判断変更", "Official activities": "「公用」の活動を行う者", "Offline": "オフライン", "Online": "オンライン",
    "Open hit: a supervisor must clear it before landing permission.": "未解除の該当: 上陸許可の前に統括審査官の解除が必要です。",
    "PASS": "適合", "Password": "パスワード", "Password is wrong.": "パスワードが違います。", "Period of stay": "在留期間",
    "Place the finger on the scanner…": "指をスキャナーに置いてください…", "Port": "港",
    "Port-of-call landing (shore pass)": "寄港地上陸の許可", "Port: %s · Booth: %s": "港: %s · ブース: %s",
    "Print seal (Ctrl+P)": "証印を印刷 (Ctrl+P)", "Print the landing permission seal": "上陸許可の証印を印刷",
    "Quality": "品質", "Quality OK — capturing": "品質良好 — 撮影中", "Quality low: ": "品質不足: ",
    "Read document": "旅券を読込", "Read the document (MRZ)": "旅券（MRZ）を読込", "Read the document first.": "先に旅券を読み込んでください。",
    "Ready to save": "保存できます", "Reason (required)": "理由（必須）", "Record": "記録",
    "Record review (Ctrl+R)": "審査結果を記録 (Ctrl+R)", "Referral reasons": "引渡しの理由",
    "Referral to special inquiry officer": "特別審理官への引渡し", "Result": "結果", "Retake (F7)": "撮り直し (F7)",
    "Retake the face": "顔を撮り直す", "Returning resident (re-entry permit)": "再入国（再入国許可）",
    "Review history": "審査履歴", "Review recorded: %s": "記録しました: %s", "Save (Ctrl+S)": "保存 (Ctrl+S)",
    "Save a landing permission first.": "先に上陸許可を保存してください。",
    "Save the decision (then the seal is written)": "判定を保存（その後に証印を作成）",
    "Saved — press Next traveller (Ctrl+N)": "保存済み — 次の旅客へ (Ctrl+N)", "Saved: record %s": "保存しました: 記録 %s",
    "Scan the passport or type the MRZ first.": "旅券を読み取るか MRZ を入力してください。", "Seal: %s": "証印: %s",
    "Select an examination in the queue.": "一覧から審査を選んでください。", "Select the hit to review.": "確認する該当を選んでください。",
    "Session locked after inactivity. Enter your password to continue.": "無操作のためロックしました。続けるにはパスワードを入力してください。",
    "Sex": "性別", "Show this list of shortcuts": "ショートカット一覧を表示", "Sign in": "ログイン", "Sign out": "ログアウト",
    "Special landing details": "特例上陸の詳細", "Special landing permission": "上陸特別許可",
    "Special permanent resident": "特別永住者", "Start the camera": "カメラを起動", "Started": "開始",
    "Status": "在留資格", "Status of residence": "在留資格", "Supervisor screen": "統括審査官画面",
    "Supervisor: confirm / clear the hit": "統括審査官: 該当の確定／解除", "Supervisor: record the review": "統括審査官: 審査結果を記録",
    "Surname": "姓", "Switch language English / 日本語": "言語切替 English / 日本語",
    "This account has no role at this booth.": "このアカウントにはこのブースでの権限がありません。",
    "Transit landing": "通過上陸の許可", "Traveller": "旅客", "Tries": "試行", "Under 16 years of age": "16歳未満",
    "Unlock": "ロック解除", "Until": "在留期限", "User": "ユーザー", "User name or password is wrong.": "ユーザー名またはパスワードが違います。",
    "User: %s": "ユーザー: %s", "WARNING": "注意", "absent": "未接続", "all check digits valid": "チェックディジットはすべて正常",
    "busy": "処理中", "camera off": "カメラ停止中", "captured": "取得済み", "check digit wrong: ": "チェックディジット不一致: ",
    "country": "国", "error": "エラー", "exception: ": "例外: ", "expires ": "有効期限 ",
    "invalid characters at columns %s": "%s 桁目に無効な文字", "live": "撮影中", "never": "未実施", "no image": "画像なし",
    "no last day (unlimited)": "期限なし（無期限）", "no match (list version %s)": "該当なし（リスト版 %s）",
    "none — capture biometrics": "なし — 個人識別情報を取得", "organization": "国際機関", "ready": "準備完了",
    "refugee": "難民", "region": "地域", "stateless": "無国籍", "unknown": "不明", "unlimited": "無期限",
    "— choose —": "— 選択 —", "✔ Clear hit (Alt+2)": "✔ 該当を解除 (Alt+2)", "✖ Confirm hit (Alt+1)": "✖ 該当を確定 (Alt+1)",
    "✖ Your own examination: another supervisor must review it.": "✖ ご自身の審査です: 別の統括審査官が確認してください。",
    "(no photo at the booth)": "（ブースに写真はありません）",
    "line": "行", "expected": "正しくは", "score": "スコア", "record": "記録",
}


def fill(ts_path: Path) -> tuple[int, int]:
    tree = ET.parse(ts_path)
    done = missing = 0
    for msg in tree.iter("message"):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        if tr.get("type") not in ("unfinished", None) or (tr.text and tr.get("type") is None):
            continue
        if src in JA:
            tr.text = JA[src]
            tr.attrib.pop("type", None)
            done += 1
        elif src.startswith("P<"):
            tr.text = src  # MRZ placeholder is the same in every language
            tr.attrib.pop("type", None)
        else:
            missing += 1
            print(f"no Japanese for: {src!r}", file=sys.stderr)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return done, missing


if __name__ == "__main__":
    print(fill(Path(__file__).with_name("inspector_ja.ts")))
