"""Fill inspector_ja.ts from the glossaries below (run after lupdate adds new strings).

The whole refresh is one command from the repository root (it runs this script after lupdate
and compiles the .qm after it):
    python build/compile_resources.py --update
then ``pytest tests/ui/test_translations.py`` names every string still without Japanese. This
script alone (``python resources/translations/fill_ja.py``) fills the .ts in place.

Translators may equally edit the .ts in pyside6-linguist; this script only fills entries that
are still unfinished, so hand edits are kept. ``JA`` holds the window's strings, ``CORE`` the
messages of the examination core (context "core": ``{name}`` placeholders stay as they are);
status of residence names come from ``domain.statuses`` (their official Japanese names).
Terms follow the Immigration Control and Refugee Recognition Act as DOMAIN.md cites it
(上陸許可, 在留資格, 在留期間, 特別審理官への引渡し, 紛失・盗難旅券 ...).
"""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

JA = {
    "Pre-arrival (API) screening": "事前旅客情報（API）照合", "Pre-arrival": "事前照合",
    "Ready to save (Ctrl+S); it goes to the supervisor:": "保存できます (Ctrl+S)。監督者の確認に回ります:",
    "Sent to the supervisor (%d flag(s)).": "監督者の確認に回しました（要確認事項 %d 件）。",
    # issue 13: departures, the landing record, details, seals
    "Vessel or flight": "船舶・航空機の便", "Cruise ship": "クルーズ船", "Residence card": "在留カード",
    "Re-entry permit": "再入国許可", "Permit valid until": "許可の有効期限", "Designation": "指定内容",
    "Date of departure": "出国年月日", "Landing record (departure)": "上陸記録（出国審査）",
    "Decision flagged for the supervisor": "監督者の確認が必要な判定", "Designated cruise ship": "指定クルーズ船",
    "Departure confirmation": "出国確認", "Japanese national (departure confirmation)": "日本人（出国の確認）",
    "Landing record": "上陸記録", "Decision flag": "判定の要確認事項", "Departure": "出国",
    "Japanese national leaving": "日本人の出国", "YYYY-MM-DD": "YYYY-MM-DD", "required": "必須",
    "Departures: no face or fingerprints are taken.": "出国審査では顔写真・指紋は取得しません。",
    "Details": "詳細", "No details to record for this decision.": "この判定で記録する詳細はありません。",
    "until %s": "%s まで", "Looking for the landing record…": "上陸記録を検索しています…",
    "The departure confirmation slip is ready to print (Ctrl+P).": "出国確認票を印刷できます (Ctrl+P)。",
    "The seal is ready to print (Ctrl+P).": "証印を印刷できます (Ctrl+P)。",
    "DEPARTURES": "出国審査", "ARRIVALS": "入国審査",
    "%s switches between arrivals and departures (between travellers)": "%s で入国審査と出国審査を切り替えます（旅客の合間に）",
    "Finish this traveller (Save or Next) before changing between arrivals and departures.":
        "入国審査と出国審査を切り替える前に、この旅客の審査を終えてください（保存または次へ）。",
    "Landing record found in this booth's records": "このブースの記録で上陸記録が見つかりました",
    "Landing record found at the hub": "ハブで上陸記録が見つかりました", "Landing record found": "上陸記録が見つかりました",
    "No landing record found: type the last day from the landing seal in the passport (Details)":
        "上陸記録が見つかりません: 旅券の上陸許可証印の在留期限を入力してください（詳細）",
    "Japanese national: no landing record to look for": "日本人: 検索する上陸記録はありません",
    "Read the passport: the landing record is looked for by itself.": "旅券を読み取ると、上陸記録を自動で検索します。",
    " (from the landing seal)": "（上陸許可証印による）",
    "OVERSTAY: %d day(s) beyond the authorised stay": "超過滞在: 在留期間を %d 日経過",
    "Stay not verified: no record and no seal date": "在留未確認: 記録も証印の日付もありません",
    "Within the authorised stay": "在留期間内", "Landed on": "上陸年月日", "Granted": "許可内容",
    "Authorised until": "在留期限", "Days stayed": "在留日数",
    "Switch between arrivals and departures": "入国審査と出国審査を切り替え",
    "Examination — DEPARTURES": "審査 — 出国審査", "Examination — ARRIVALS": "審査 — 入国審査",
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
    "OPEN HIT — no landing until a supervisor clears it": "未解除の該当あり — 統括審査官の解除まで上陸不可",
    "OVERRIDE": "判断変更", "Official activities": "「公用」の活動を行う者", "Offline": "オフライン", "Online": "オンライン",
    "Open hit: a supervisor must clear it before landing permission.": "未解除の該当: 上陸許可の前に統括審査官の解除が必要です。",
    "PASS": "適合", "Password": "パスワード", "Password is wrong.": "パスワードが違います。", "Period of stay": "在留期間",
    "Place the finger on the scanner…": "指をスキャナーに置いてください…", "Port": "港",
    "Port-of-call landing (shore pass)": "寄港地上陸の許可", "Port: %s · Booth: %s": "港: %s · ブース: %s",
    "Print seal (Ctrl+P)": "証印を印刷 (Ctrl+P)", "Print the seal or the departure slip": "証印または出国確認票を印刷",
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
    "(no photo at the booth)": "（ブースに写真なし）",
    "line": "行", "expected": "正しくは", "score": "スコア", "record": "記録", "quality": "品質",
    "OPEN": "未解除", "Supervisor": "統括審査官", "Administrator": "管理者", ", ": "、",
    "Document (check digits, expiry)": "旅券（チェックディジット・有効期限）", "Fingerprint captured": "指紋を取得しました",
    "Biometric exception": "個人識別情報の提供不能（例外）", "Override": "判断変更",
    "Override reason": "判断変更の理由", "only where a rule allows it; goes to the supervisor":
        "規則が認める場合のみ。統括審査官の確認対象になります", "Sign in first.": "先にログインしてください。",
    "%n refused by the hub": "%n 件がハブに拒否されました",
    # short check and decision titles for narrow columns (widgets/common.flag_title, decision_short)
    "Document check": "旅券の確認", "Lost/stolen document": "紛失・盗難旅券", "Name watchlist": "要注意人物（氏名）",
    "Face capture": "顔写真の取得", "Fingerprint capture": "指紋の取得", "Referral": "引渡し", "Special landing": "上陸特別許可",
    "Shore pass": "寄港地上陸", "Cruise landing": "船舶観光上陸", "Distress landing": "遭難による上陸",
    "Temporary refuge": "一時庇護上陸", "Returning resident": "再入国", "Japanese national": "日本人",
    "Next traveller": "次の旅客", "Border Inspector cannot start": "上陸審査端末を起動できません",
    # capture panel
    "E&xemption:": "免除(&X):", "Looking for a face — look at the camera": "顔を探しています — カメラを見てください",
    "Quality OK — hold still, capturing": "品質良好 — 動かないでください、撮影中", "Adjusting: ": "調整中: ",
    "Face captured — checking it against the watchlist…": "顔写真を取得 — 要注意人物リストと照合中…",
    "Camera: %s — trying again": "カメラ: %s — 再試行中", "Camera on — looking for a face…": "カメラ起動 — 顔を探しています…",
    "not captured: ": "未取得: ", "Fingerprint scanner: starting…": "指紋スキャナー: 起動中…",
    "Fingerprints captured: %d, not captured: %d": "指紋採取: %d 指、未取得: %d 指",
    "The fingerprint capture failed": "指紋を採取できませんでした",
    # checks panel
    "quality %d of 100": "品質 %d/100", "similarity %d of 100, a hit from %d": "類似度 %d/100、%d 以上で該当",
    "watchlist record: %s": "リストの記録: %s",
    "Left: this traveller.\nRight: the watchlist's enrolment image, record %s (%s).":
        "左: この旅客。\n右: リストの登録画像、記録 %s（%s）。",
    # decision panel
    "S&tatus of residence": "在留資格(&T)", "&Period of stay": "在留期間(&P)", "Referral &reasons": "引渡しの理由(&R)",
    "Special landing deta&ils": "特例上陸の詳細(&I)", "&Override reason": "判断変更の理由(&O)",
    "Saved. The decision is recorded and the fields are locked: a saved record is not changed here. Next traveller: Ctrl+N":
        "保存しました。判定は記録済みで入力欄はロックされています（保存済みの記録はここで変更できません）。次の旅客: Ctrl+N",
    "Waiting for a document: put the passport on the reader.": "旅券待ち: 旅券を読取機に置いてください。",
    "… and %d more (hover to read all)": "… ほか %d 件（ポインターで全文表示）",
    "Checking the decision…": "判定を確認中…", "Ready to save (Ctrl+S)": "保存できます (Ctrl+S)",
    "Saved as record %s.": "記録 %s で保存しました。",
    "The landing permission seal is ready to print (Ctrl+P).": "上陸許可の証印を印刷できます (Ctrl+P)。",
    # examination screen and its view model
    "Go to the status of residence (type-ahead: English, 日本語, kana, romaji)":
        "在留資格へ移動（入力で絞込み: 英語、日本語、かな、ローマ字）",
    "Read the document first: scan the passport, then the camera starts.":
        "先に旅券を読み込んでください。旅券を読み取るとカメラが起動します。",
    "Camera: %s": "カメラ: %s",
    "Read the document first: scan the passport, then capture the fingerprints.":
        "先に旅券を読み込んでください。旅券を読み取ってから指紋を採取します。",
    # status bar roles
    "inspector": "入国審査官", "supervisor": "統括審査官", "administrator": "管理者",
    # lock screen
    "Locked after 1 minute without activity": "1分間操作がなかったためロックしました",
    "Locked after %d minutes without activity": "%d 分間操作がなかったためロックしました",
    "Locked by %s": "%s がロック", "%s (at %s)": "%s（%s）", "Session locked": "画面ロック中",
    "The traveller's data is hidden while the session is locked. Enter your password to return to the same examination, "
    "or sign out so that another user can sign in.":
        "ロック中は旅客の情報を表示しません。パスワードを入力すると同じ審査に戻ります。別のユーザーがログインする場合はログアウトしてください。",
    "Sign out (another user)": "ログアウト（別のユーザー）",
    # main window
    "Dismiss (Esc)": "閉じる (Esc)", "Dismiss the message": "メッセージを閉じる", "Show the list of shortcuts": "ショートカット一覧を表示",
    "Face and fingerprint matching could not start: %s": "顔・指紋の照合を開始できませんでした: %s",
    "Sync with the hub could not start: %s": "ハブとの同期を開始できませんでした: %s",
    "%s, booth %s": "%s、ブース %s", "Border Inspector": "上陸審査端末",
    "This traveller has %d open hit(s) and no saved decision.": "この旅客には未解除の該当が %d 件あり、判定が保存されていません。",
    "No decision is saved for this traveller yet.": "この旅客の判定はまだ保存されていません。",
    "Leave this traveller?": "審査を中断しますか？",
    "If you leave, the examination stays recorded without a decision.": "中断すると、審査は判定なしで記録されたままになります。",
    "Stay with this traveller": "この旅客の審査を続ける", "Close the window": "ウィンドウを閉じる",
    # MRZ panel
    "Document (MRZ) — Ctrl+Enter reads": "旅券（MRZ）— Ctrl+Enter で読込", "all %d check digits": "チェックディジット全 %d 個正常",
    "line %s: %s/%s characters": "%s 行目: %s/%s 文字",
    # supervisor form
    "Show:": "表示:", "Examinations of this booth with a flag no supervisor has reviewed yet":
        "このブースの審査で、統括審査官が未確認の要確認事項があるもの",
    "Open (Alt+O)": "未確認 (Alt+O)",
    "Examinations whose flags you reviewed, newest first, to look back at or correct":
        "自分が確認した審査（新しい順）。見直し・訂正用",
    "Reviewed by me (Alt+M)": "自分が確認済み (Alt+M)",
    "Open flags of every booth of this port, from the hub": "この港の全ブースの未確認の要確認事項（ハブから取得）",
    "All booths of the port (Alt+P)": "港の全ブース (Alt+P)", "Flagged examinations": "要確認の審査", "Time": "時刻",
    "Flags (Enter from the list; Up/Down to choose)": "要確認事項（一覧から Enter、↑↓ で選択）",
    "Live capture at the booth": "ブースで取得した画像", "Watchlist enrolment": "リストの登録画像", "Review": "確認",
    "Review history (who, when)": "審査履歴（誰が・いつ）",
    # supervisor screen
    "This booth has no hub to ask, so the other booths cannot be shown: this booth's open flags only.":
        "このブースにはハブがないため他のブースは表示できません。このブースの未確認分のみ表示します。",
    "Your signing key is not open on this booth (sign in again), so the other booths cannot be shown: this booth's open flags only.":
        "このブースで署名鍵が開かれていないため（再ログインしてください）、他のブースは表示できません。このブースの未確認分のみ表示します。",
    "The hub cannot be reached, so the other booths cannot be shown: this booth's open flags only. It is asked again every few seconds.":
        "ハブに接続できないため他のブースは表示できません。このブースの未確認分のみ表示します。数秒ごとに再接続します。",
    "The hub did not accept you as a supervisor of this port, so the other booths cannot be shown: this booth's open flags only.":
        "ハブがこの港の統括審査官として認証しなかったため、他のブースは表示できません。このブースの未確認分のみ表示します。",
    "Every booth of the port, from the hub.": "港の全ブース（ハブから取得）。",
    "Examinations whose flags you reviewed, newest first.": "自分が確認した審査（新しい順）。",
    "This booth's flags that no supervisor has reviewed yet.": "このブースの、統括審査官が未確認の要確認事項。",
    "(at its booth)": "（ブースにあり）", "The traveller's data stays at booth %s.": "旅客の情報はブース %s にあります。",
    "(name not read)": "（氏名未読込）", "none yet": "まだなし", "The inspector has not decided yet.": "入国審査官はまだ判定していません。",
    "reviewed": "確認済み", "override": "判断変更", "correction": "訂正", "Reasons: %s": "理由: %s", "Note: %s": "備考: %s",
    "Loading the examination…": "審査を読込中…", "No examination selected: the list is empty.": "審査が選択されていません（一覧が空です）。",
    "Recorded at booth %s: the traveller's data stays there, your review reaches it through the hub.":
        "ブース %s で記録: 旅客の情報はそのブースにあり、確認結果はハブ経由で届きます。",
    "Examined by %s at booth %s, %s": "審査: %s（ブース %s、%s）", "Inspector's decision: %s": "入国審査官の判定: %s",
    "Inspector's decision: none recorded yet.": "入国審査官の判定: まだ記録なし。",
    "%s · %s · %s: %s · “%s”": "%s · %s · %s: %s · 「%s」", "List record: %s": "リストの記録: %s",
    "Reviewed: %s by %s, %s": "確認: %s（%s、%s）", "Loading…": "読込中…",
    "No live capture recorded.": "取得画像の記録なし。", "No enrolment image at the booth.": "ブースに登録画像なし。",
    "Your own examination: another supervisor must review it.": "ご自身の審査です: 別の統括審査官が確認してください。",
    "Wait a moment: the examination is still loading.": "お待ちください: 審査を読込中です。",
    "Choose the flag to review.": "確認する要確認事項を選んでください。", "Change a recorded review?": "記録済みの確認を変更しますか？",
    "This flag already has a review:\n%s, %s by %s, %s.\nReason: “%s”": "この要確認事項は確認済みです:\n%s、%s（%s、%s）\n理由:「%s」",
    "Record a new review, %s, after it? Both stay in the history.": "その後に新しい確認（%s）を記録しますか？ 両方とも履歴に残ります。",
    "Keep the recorded review": "記録済みの確認を維持", "Record the new review": "新しい確認を記録",
    "The recorded review is unchanged.": "記録済みの確認は変更していません。",
    # supervisor view model
    "The list could not be read": "一覧を読み込めませんでした", "The examination could not be opened": "審査を開けませんでした",
    "The pictures could not be read": "画像を読み込めませんでした",
    "The examination shown is not the one selected yet: wait for it, then review.":
        "表示中の審査は選択したものではありません。表示されてから確認してください。",
    "Review not sent to the hub": "確認結果をハブに未送信", "Review not recorded": "確認結果を記録できません",

    # earlier encounters (checks panel)
    "FLAG": "要確認", "Earlier encounters (face and fingers)": "過去の審査記録（顔・指紋）", "Earlier encounter": "過去の審査記録",
    "no decision recorded": "判定の記録なし", "fingers": "指紋", "face": "顔", "face and fingers": "顔と指紋",
    "Left: this traveller.\nRight: the earlier encounter that matched (%s); only its templates are kept, not its images.":
        "左: この旅客。\n右: 一致した過去の審査記録（%s）。保存されているのは特徴量のみで、画像は保存されていません。",

    # bio-cart at the booth
    "from the bio-cart %s, taken %d min before": "バイオカート %s で %d 分前に取得",
    "Bio-cart capture not used: %s": "バイオカートの取得データは使用しません: %s",
    "from the bio-cart": "バイオカートで取得",
    # pre-arrival manifests (supervisors, F4)
    "The manifest folder could not be watched: %s": "乗客名簿フォルダを監視できません: %s",
    "Pre-arrival manifests": "到着前の乗客名簿", "Flight / ship": "便名・船名", "Scheduled arrival": "到着予定",
    "From → to": "出発地 → 到着地", "People": "人数", "Flagged": "要確認", "Not checked": "未照合", "Name": "氏名",
    "Document": "旅券", "Nationality": "国籍", "Reasons": "理由", "FLAGGED": "要確認", "NOT CHECKED": "未照合",
    "CLEAN": "該当なし", "crew": "乗員", "passengers": "乗客",
    "%1 %2 → %3, arriving %4: %5 %6, %7 flagged, %8 not checked": "%1 %2 → %3、%4 到着予定: %6 %5 名、要確認 %7 名、未照合 %8 名",
    "No manifest selected": "乗客名簿が選択されていません", "Reading the manifest…": "乗客名簿を読み込み中…",
    " (crew)": "（乗員）", "Import manifest file": "乗客名簿ファイルの取り込み",
    "PAXLST files (*.edi *.txt *.paxlst *.api);;All files (*)": "PAXLST ファイル (*.edi *.txt *.paxlst *.api);;すべてのファイル (*)",
    "Reading %s…": "%s を読み込み中…", "%1 refused, nothing imported: %2": "%1 は受け付けられません。何も取り込んでいません: %2",
    "%s was imported before: nothing added": "%s は取り込み済みです。追加はありません",
    "%1 imported: %2, %3 people, %4 flagged": "%1 を取り込みました: %2、%3 名、要確認 %4 名",
    "The manifests could not be read": "乗客名簿の一覧を読み込めません", "The manifest could not be read": "乗客名簿を読み込めません",
    "The manifest file could not be imported": "乗客名簿ファイルを取り込めません",
    "Read a PAXLST file (a USB stick from the ship's agent), screen everyone on it and keep the result":
        "PAXLST ファイル（船舶代理店の USB メモリなど）を読み込み、記載された全員を照合して結果を保存します",
    "Import manifest file… (Ctrl+O)": "乗客名簿ファイルの取り込み…（Ctrl+O）",
    "People on the manifest, flagged first": "乗客名簿の記載者（要確認を先頭に表示）",

    # issue 16: the passport's chip
    "Passport chip": "旅券のICチップ", "chip photo": "ICチップの顔写真",
    "%s similarity %d\nmatch from %d": "%s 類似度 %d\n%d 以上で一致",
    "Chip: reading…": "ICチップ: 読み取り中…",
    "Chip: FAILED, cleared by a supervisor — %s": "ICチップ: 不合格（監督者が確認済み） — %s",
    "Chip: FAILED — %s": "ICチップ: 不合格 — %s",
    "Chip: not verified — %s": "ICチップ: 未確認 — %s",
    # the chip's one line when its reasons do not fit: which parts failed
    "Chip failed: %s": "ICチップ不合格: %s", "Chip failed, cleared: %s": "ICチップ不合格（確認済み）: %s",
    "DG1": "DG1", "passive auth.": "受動認証", "clone check": "複製検査", "photo": "顔写真",
    "Chip: genuine, and its photo matches the live face": "ICチップ: 真正、顔写真は本人の顔と一致",
    "Chip: genuine — its photo is compared when the face is captured": "ICチップ: 真正 — 顔写真は顔の撮影後に照合します",
    "Chip: %s (%d%%)": "ICチップ: %s（%d%%）",
    "Left: this traveller.\nRight: the photo in the passport's chip.": "左: この旅客。\n右: 旅券のICチップの顔写真。",
    "Read the document first: scan the passport, then its chip is read.":
        "先に旅券を読み取ってください。その後にICチップを読み取ります。",
    "Read the passport's chip (again)": "旅券のICチップを（再）読み取り",

}

#: Messages of the examination core (Qt context "core"). Placeholders ({name}) are kept.
CORE = {
    "flagged before arrival on the manifest of {flight}": "{flight} の乗客名簿で到着前に要確認と判定",
    "screened clean before arrival on the manifest of {flight}": "{flight} の乗客名簿で到着前の照合に該当なし",
    "on the manifest of {flight} but not screened before arrival": "{flight} の乗客名簿に記載あり、ただし到着前の照合は未実施",
    "not on any pre-arrival manifest imported at this booth": "このブースに取り込んだ事前旅客名簿に記載がありません",
    "not screened: {problem}": "照合していません: {problem}",
    "not checked: {why}": "未照合: {why}",
    "a period must be text like 90d, 3m, 1y, 4y3m or unlimited, not {text}":
        "在留期間は 90d、3m、1y、4y3m、unlimited のように入力してください（入力: {text}）",
    "{text} is an empty period": "{text} は長さのない期間です",
    "{text} is not a period: write e.g. 90d, 3m, 1y, 4y3m, 72h, unlimited or activities":
        "{text} は期間ではありません: 90d、3m、1y、4y3m、72h、unlimited、activities のように入力してください",
    "{text}: a period in hours must be 1 to {most} hours": "{text}: 時間単位の期間は 1〜{most} 時間です",
    # periods of stay (notation of the Enforcement Regulation: 90日, 1年, 6月, 4年3月)
    "1 day": "1日", "1 month": "1月", "1 year": "1年", "{n} days": "{n}日", "{n} months": "{n}月",
    "{n} years": "{n}年", "{first} and {rest}": "{first}{rest}", "unlimited": "無期限",
    "the period of the activities": "活動を行う期間", "{first} or {last}": "{first}又は{last}",
    "{first}, {rest}": "{first}、{rest}",
    "a period of less than {period}": "{period}未満の期間",
    "a period designated by the Minister of Justice up to {period}": "法務大臣が個々に指定する期間（{period}以内）",
    # fingers and lists
    "left thumb": "左手親指", "left index finger": "左手人差し指", "left middle finger": "左手中指",
    "left ring finger": "左手薬指", "left little finger": "左手小指", "right thumb": "右手親指",
    "right index finger": "右手人差し指", "right middle finger": "右手中指", "right ring finger": "右手薬指",
    "right little finger": "右手小指", "face": "顔",
    "lost/stolen documents list": "紛失・盗難旅券リスト", "biographic watchlist": "要注意人物リスト（身分事項）",
    "face watchlist": "要注意人物リスト（顔）", "fingerprint watchlist": "要注意人物リスト（指紋）",
    "biometric watchlist": "要注意人物リスト（生体情報）",
    "list not installed": "リスト未導入", "no document number": "旅券番号なし", "no name": "氏名なし",
    "not captured": "未取得", "list damaged": "リスト破損", "not screened": "未照合", "screening error": "照合エラー",
    "{list} ({reason})": "{list}（{reason}）",
    # MRZ fields
    "document number": "旅券番号", "date of birth": "生年月日", "expiry date": "有効期限", "personal number": "個人番号",
    "optional data": "任意記載事項", "composite check digit": "総合チェックディジット",
    # rules (refusals)
    "no document has been read for this examination": "この審査では旅券が読み込まれていません",
    "an MRZ check digit fails": "MRZ のチェックディジットが一致しません",
    "the document's expiry date cannot be read": "旅券の有効期限を読み取れません",
    "the document has expired on the examination date": "旅券は審査日に有効期限が切れています",
    "a watchlist or document hit is open: a supervisor must clear it first":
        "要注意人物リストまたは旅券の該当が未解除です。先に統括審査官の解除が必要です",
    "a screening list was not checked": "照合していないリストがあります",
    "no facial photograph was captured, no exception recorded and no exemption applies":
        "顔写真が取得されておらず、例外の記録も提供免除もありません",
    "fingerprints of both hands were neither captured (index or fallback finger) nor recorded as exceptions, and no exemption applies":
        "両手の指紋（人差し指または代替の指）が取得も例外記録もされておらず、提供免除もありません",
    "the biometric exemption claimed does not fit this traveller or decision": "申告された個人識別情報の提供免除はこの旅客または判定に該当しません",
    "the biometric exemption needs its evidence recorded": "個人識別情報の提供免除には根拠の記録が必要です",
    "unknown decision type": "不明な判定種別", "the landing date is missing": "上陸年月日がありません",
    "choose a status of residence": "在留資格を選んでください", "unknown status of residence": "不明な在留資格",
    "this status of residence cannot be granted at landing": "この在留資格は上陸時に決定できません",
    "choose a period of stay": "在留期間を選んでください", "the period of stay cannot be read": "在留期間を読み取れません",
    "the period of stay is not one the status allows": "この在留資格で認められない在留期間です",
    "details this decision records are missing": "この判定に必要な記録事項がありません",
    "a referral to a special inquiry officer needs at least one reason": "特別審理官への引渡しには理由が1つ以上必要です",
    "this decision grants no status of residence or period of stay": "この判定では在留資格・在留期間を決定しません",
    "the re-entry permit kind is not one of the known kinds": "再入国許可の種類が不明です",
    "the document is not a Japanese one: a Japanese national's return needs one":
        "日本国旅券ではありません。日本人の帰国確認には日本国旅券が必要です",
    "this examination already has a final decision: record a correction instead":
        "この審査には最終判定があります。訂正として記録してください",
    "special landing permission follows a referral of the same examination":
        "上陸特別許可は同じ審査での特別審理官への引渡しの後に限られます",
    "special landing permission must name who granted it: the Minister of Justice or the Commissioner (delegated)":
        "上陸特別許可には許可した者（法務大臣または委任を受けた出入国在留管理庁長官）の記録が必要です",
    "this rule cannot be overridden by an inspector": "この規則は入国審査官が判断変更できません",
    "an override needs a reason": "判断変更には理由が必要です",
    "the decision to correct is not a decision of this examination": "訂正する判定はこの審査の判定ではありません",
    "a correction needs a reason": "訂正には理由が必要です",
    # rules (flags)
    "an inspector overrode a rule": "入国審査官が規則の判断を変更しました",
    "a fingerprint or the face could not be captured (exception recorded)": "指紋または顔を取得できませんでした（例外を記録）",
    "a capture is below the quality threshold": "品質基準に満たない取得があります",
    "a watchlist or document hit was found": "要注意人物リストまたは旅券の該当がありました",
    "the document has expired (a landing that does not require a valid document)":
        "旅券の有効期限が切れています（有効な旅券を要しない上陸）",
    "a saved decision was corrected": "保存済みの判定が訂正されました",
    # rule details
    "{rule}: {detail}": "{rule}: {detail}", "expired {expiry}, examined {date}": "有効期限 {expiry}、審査日 {date}",
    "no finger of the left hand": "左手の指紋なし", "no finger of the right hand": "右手の指紋なし",
    "no finger of the left hand and right hand": "左手・右手の指紋なし", "unknown ground {ground}": "不明な免除事由 {ground}",
    "nationality {code}": "国籍 {code}", "unknown": "不明", "{count} open": "未解除 {count} 件",
    "{finding} — overridden: {reason}": "{finding} — 判断変更: {reason}", "{count} hit(s)": "該当 {count} 件",
    "{count} capture(s)": "{count} 件", "{decision} needs: {details}": "{decision}に必要な事項: {details}",
    # decisions
    "landing permission at port of call (72 hours)": "寄港地上陸の許可（72時間）",
    "landing permission for cruise ship tourists": "船舶観光上陸の許可", "landing permission for transit": "通過上陸の許可",
    "landing permission for crew": "乗員上陸の許可", "emergency landing permission": "緊急上陸の許可",
    "landing permission due to distress": "遭難による上陸の許可", "landing permission for temporary refuge": "一時庇護のための上陸の許可",
    "special landing permission (Art. 12)": "上陸特別許可（第12条）", "a returning resident": "再入国者",
    "{status} cannot be granted at landing": "{status}は上陸時に決定できません",
    "{period} is not a period of stay of {status}": "{period}は{status}の在留期間ではありません",
    "{landing} ({article})": "{landing}（{article}）", "{landing} grants no status of residence": "{landing}では在留資格を決定しません",
    "{landing} allows at most {maximum} ({article}), not {period}": "{landing}の期間は最長{maximum}です（{article}）。{period}は認められません",
    "re-entry permit kind must be one of {kinds}": "再入国許可の種類は次のいずれかです: {kinds}",
    "Japanese nationals receive no status of residence or period of stay": "日本人には在留資格・在留期間を決定しません",
    "{status} cannot be granted at landing (ICRRA Art. 7(1)(ii))": "{status}は上陸時に決定できません（入管法第7条第1項第2号）",
    "{period} is an authorised period of stay for {status}": "{period}は{status}の在留期間として認められています",
    "{period} is not an authorised period of stay for {status}; the table allows {allowed}":
        "{period}は{status}の在留期間として認められていません。認められる期間: {allowed}",
    # exemptions
    "Special permanent resident": "特別永住者", "Under 16 years of age": "16歳未満", "Diplomat activities": "「外交」の活動を行う者",
    "Official activities": "「公用」の活動を行う者",
    "Invited by the head of a national administrative organ": "国の行政機関の長が招へいする者",
    "Designated by ordinance": "法務省令で定める者", "special permanent resident": "特別永住者",
    "aged {age} on {date} (born {birth})": "{date} 時点で {age} 歳（{birth} 生まれ）",
    "activities of the status of residence {status}": "在留資格「{status}」の活動",
    "invited by the head of a national administrative organ": "国の行政機関の長が招へいする者",
    "designated by ordinance: {designation}": "法務省令で定める者: {designation}",
    "special permanent resident certificate number": "特別永住者証明書の番号",
    "the inviting organ and its letter's reference": "招へいした行政機関とその文書番号",
    "the designation (ordinance and item)": "該当する規定（省令と号）",
    "the date of birth is not known in full, so the age cannot be established": "生年月日が完全でないため年齢を確定できません",
    "aged {age} on {date}, not under 16": "{date} 時点で {age} 歳、16歳未満ではありません",
    "only with the status of residence {status}": "在留資格「{status}」の場合に限ります", "record {evidence}": "{evidence}を記録してください",
    "a special permanent resident is recorded as a returning resident": "特別永住者は再入国者として記録します",
    "claimed: {ground}": "申告: {ground}", "{detail} ({evidence})": "{detail}（{evidence}）",
    # the examination
    "only a signed-in inspector can examine travellers": "審査はログインした入国審査官のみ行えます",
    "scan the passport or type the MRZ first": "旅券を読み取るか MRZ を入力してください",
    "finish this traveller (save or next traveller) before reading another document":
        "次の旅券を読む前に、この旅客の審査を終えてください（保存または次の旅客）",
    "this is not a machine readable zone: {problem}": "MRZ（機械読取領域）ではありません: {problem}",
    "read the document first": "先に旅券を読み込んでください",
    "this examination is saved: start the next traveller": "この審査は保存済みです。次の旅客に進んでください",
    "no usable face in the capture: {problem}": "撮影画像に使用できる顔がありません: {problem}",
    "cannot read the photo {path}": "写真 {path} を読み込めません",
    "the fingerprint scanner cannot be used: {problem}": "指紋スキャナーを使用できません: {problem}",
    "looking for the fingerprint scanner": "指紋スキャナーを探しています", "capturing": "採取中",
    "the fingerprint scanner on port {port} was refused, nothing recorded: {problem}":
        "ポート {port} の指紋スキャナーは信頼できないため使用しません（記録なし）: {problem}",
    "no fingerprint scanner answered: check that it is plugged in and its service runs":
        "指紋スキャナーが応答しません。接続とサービスの起動を確認してください",
    "making fingerprint templates": "指紋テンプレートを作成中", "fingerprints captured": "指紋を採取しました",
    "cannot read the fingerprint image {path}: {problem}": "指紋画像 {path} を読み込めません: {problem}",
    "quality {quality} below the threshold": "品質 {quality}（基準未満）",
    "a biometric exception for the {finger} needs a reason": "{finger}の例外には理由が必要です",
    "{finger}: {reason}": "{finger}: {reason}", "exemption withdrawn": "提供免除を取り消しました",
    "unknown exemption {ground}; one of: {known}": "不明な免除事由 {ground}。次のいずれか: {known}",
    "unknown finger position {position}; one of: {known}": "不明な指の位置 {position}。次のいずれか: {known}",
    "check digits valid; expires {date}": "チェックディジット正常、有効期限 {date}",
    # finger capture
    "amputated": "欠損", "bandaged": "包帯", "injured": "負傷", "unreadable": "読取不能", "other reason": "その他の理由",
    "device error": "機器エラー", "no finger of this hand": "この手の指紋なし", "declared by the inspector": "入国審査官が申告",
    "no finger of the left hand could be captured": "左手の指紋を採取できませんでした",
    "no finger of the right hand could be captured": "右手の指紋を採取できませんでした",
    "best quality {quality} < {threshold} after {attempts} attempts": "{attempts} 回試行し最高品質 {quality}（基準 {threshold} 未満）",
    "no usable image after {attempts} attempts ({problem})": "{attempts} 回試行しても使用できる画像なし（{problem}）",
    "{reason} ({detail})": "{reason}（{detail}）",
    # face quality
    "no face found": "顔が見つかりません", "no face found (detections had no plausible landmarks)": "顔が見つかりません（特徴点が不自然）",
    "{count} faces in the frame (need exactly one)": "画面に {count} 人の顔（1人のみにしてください）",
    "face cut off at the image edge": "顔が画像の端で切れています",
    "face too small: inter-eye distance {value} px < {limit}": "顔が小さすぎます: 両目の間隔 {value} px（基準 {limit}）",
    "head tilted: roll {value}° (limit ±{limit}°)": "頭が傾いています: {value}°（許容 ±{limit}°）",
    "head turned: yaw ratio {value} (limit ±{limit})": "顔が横を向いています: {value}（許容 ±{limit}）",
    "blurred: sharpness {value} < {limit}": "ぼやけています: 鮮明度 {value}（基準 {limit}）",
    "too dark: mean {value} < {limit}": "暗すぎます: 明るさ {value}（基準 {limit}）",
    "too bright: mean {value} > {limit}": "明るすぎます: 明るさ {value}（基準 {limit}）",
    "over/under-exposed: {value} of face pixels clipped": "露出不適切: 顔の画素の {value} が白飛び・黒つぶれ",
    # screening
    "no biometric watchlist installed: face/fingerprints not screened": "要注意人物リスト（顔・指紋）未導入: 顔・指紋は照合していません",
    "{list} list refused: {problem}": "{list} リストを使用しません: {problem}",
    "no SLTD list installed: document not checked": "紛失・盗難旅券リスト未導入: 旅券は照合していません",
    "lost": "紛失", "stolen": "盗難", "revoked": "失効", "invalidated": "無効", "stolen blank": "未発給冊子の盗難", "expired": "期限切れ",
    "document {document} is listed as {status}": "旅券 {document} は「{status}」として登録されています",
    "{listed}, reported {date}": "{listed}（{date} 届出）",
    "exact match on issuing state + document type + normalised number (keyed 64-bit hash)":
        "発行国・旅券種別・旅券番号が完全一致（鍵付き64ビットハッシュ）",
    "no biographic watchlist installed: names not screened": "要注意人物リスト（身分事項）未導入: 氏名は照合していません",
    "no screening lists installed on this booth: apply a bundle (inspector-app bundle apply)":
        "このブースには照合リストがありません: リストを導入してください（inspector-app bundle apply）",
    "screening lists are {age} h old (limit {limit} h): update them": "照合リストは {age} 時間前のものです（上限 {limit} 時間）: 更新してください",
    "the installed {list} list is refused: {problem}; apply the lists again (inspector-app bundle apply)":
        "導入済みの {list} リストは使用できません: {problem}。リストを再導入してください（inspector-app bundle apply）",
    "listed: {reason}": "登録理由: {reason}", "landing ban until {date}": "上陸拒否期間 {date} まで",
    "face distance {distance} <= threshold {threshold} ({method})": "顔の距離 {distance}（基準 {threshold} 以下、{method}）",
    "fingerprint score {score} >= threshold {threshold} ({fingers}; {method})": "指紋スコア {score}（基準 {threshold} 以上、{fingers}、{method}）",
    "1:N face index": "顔の1対N照合", "1:N finger index": "指紋の1対N照合",
    # name matching
    "surname": "姓", "given name": "名", "exact": "完全一致", "{role}/{other}": "{role}／{other}",
    "{role} {name}: {rule}": "{role} {name}: {rule}", "{role} {name} ~ {other}: {rule}": "{role} {name} ≒ {other}: {rule}",
    "ICAO transliteration vs diacritics dropped": "ICAO 翻字と記号省略の違い", "sounds alike (Metaphone)": "発音が類似（Metaphone）",
    "spelling differs (Jaro-Winkler {value})": "つづりが異なる（Jaro-Winkler {value}）", "initial": "頭文字",
    "spelling variant": "つづりの異形", "spelling variant of {name}": "{name} のつづりの異形",
    "Wade-Giles/pinyin romanisation": "ウェード式／ピンイン表記", "Hepburn/Kunrei romanisation": "ヘボン式／訓令式表記",
    "Arabic article al- joined or dropped": "アラビア語の冠詞 al- の連結・省略",
    "Arabic vowel spelling variant": "アラビア語の母音表記の揺れ",
    "Cyrillic transliteration variant": "キリル文字の翻字の揺れ",
    "Korean romanisation (RR, McCune-Reischauer, passport spelling)": "韓国語のローマ字表記（文化観光部式、マッキューン＝ライシャワー式、旅券表記）",
    "transliteration fold (UE/U, OE/O, AA/A, double letters)": "翻字の揺れ（UE/U、OE/O、AA/A、重ね字）",
    "compound {role} {name} ~ {other} (written as one/several words)": "複合{role} {name} ≒ {other}（一語／複数語の表記）",
    "no name to compare": "比較する氏名なし", "no name token matches": "一致する氏名の語なし",
    "name order swapped (surname/given names)": "姓と名の順序が逆", "name(s) present on one side only: {names}": "一方のみにある氏名: {names}",
    "only one name matches": "一致は氏名の1語のみ", "name score {score}": "氏名スコア {score}",
    "birth date: not known on one side": "生年月日: 一方が不明",
    "birth date: year differs by one ({date} vs {other})": "生年月日: 年が1年違い（{date} と {other}）",
    "birth date differs ({date} vs {other})": "生年月日が異なる（{date} と {other}）",
    "birth date: year only {year} matches": "生年月日: 年 {year} のみ一致",
    "birth date: year and month {month} match": "生年月日: 年月 {month} が一致",
    "birth date: month of {date} matches the day of {other} (day/month swapped)": "生年月日: {date} の月が {other} の日と一致（日と月が逆）",
    "birth month differs ({date} vs {other})": "生まれ月が異なる（{date} と {other}）",
    "birth date {date} matches exactly": "生年月日 {date} が完全一致",
    "birth date: day and month swapped ({date} vs {other})": "生年月日: 日と月が逆（{date} と {other}）",
    "birth date: same year, day differs ({date} vs {other})": "生年月日: 同じ年で日が異なる（{date} と {other}）",
    "birth date: same year, month differs ({date} vs {other})": "生年月日: 同じ年で月が異なる（{date} と {other}）",
    "birth date: same year only ({date} vs {other})": "生年月日: 年のみ一致（{date} と {other}）",
    "sex differs ({sex} vs {other})": "性別が異なる（{sex} と {other}）",
    "nationality: not known on one side (weight 0.97)": "国籍: 一方が不明（重み 0.97）",
    "nationality {code} matches (weight 1.0)": "国籍 {code} が一致（重み 1.0）",
    "nationality differs ({code} vs {other}, weight 0.90)": "国籍が異なる（{code} と {other}、重み 0.90）",
    # reading the MRZ
    "expected text, got {type}": "文字列が必要です（{type} を受け取りました）", "no MRZ: the input is empty": "MRZ がありません: 入力が空です",
    "not an MRZ: expected 3 lines of 30 (TD1), 2 lines of 36 (TD2, MRV-B) or 2 lines of 44 (TD3, MRV-A) characters; "
    "got {lines} line(s) of {lengths}": "MRZ ではありません: 30文字×3行（TD1）、36文字×2行（TD2、MRV-B）または44文字×2行"
                                        "（TD3、MRV-A）が必要ですが、{lines} 行（{lengths} 文字）です",
    "not an MRZ: {count} characters are outside the MRZ alphabet (A-Z, 0-9, <)":
        "MRZ ではありません: MRZ で使えない文字が {count} 個あります（使えるのは A-Z、0-9、<）",
    "not an MRZ: no ICAO 9303 format has {lines} lines of {length}": "MRZ ではありません: {length} 文字×{lines} 行の ICAO 9303 形式はありません",
    # the store
    "override: {reason}": "判断変更の理由: {reason}", "decision {decision} corrected: {reason}": "判定 {decision} を訂正: {reason}",
    # similarity and the fingerprint scanner
    "face similarity {similarity} of 100 (a hit from {hit_at})": "顔の類似度 {similarity}/100（{hit_at} 以上で該当）",
    "fingerprint similarity {similarity} of 100 (a hit from {hit_at})": "指紋の類似度 {similarity}/100（{hit_at} 以上で該当）",
    "looking for the fingerprint scanner: none answered yet ({waited} of {limit} seconds)":
        "指紋スキャナーを探しています: まだ応答なし（{waited}/{limit} 秒）",
    "no fingerprint scanner answered within {seconds} seconds: check that it is plugged in and that its service is running, then capture again (F8)":
        "{seconds} 秒以内に指紋スキャナーが応答しませんでした。接続とサービスの起動を確認し、もう一度採取してください (F8)",
    "place the {finger} on the scanner": "{finger}をスキャナーに置いてください",
    "place the {finger} on the scanner (try {tries})": "{finger}をスキャナーに置いてください（{tries} 回目）",
    # issue 13: departures, re-entry permits, residence cards, Certificates of Eligibility,
    # special landings, designated cruise ships, landing record look-up
    "1 hour": "1時間", "{n} hours": "{n}時間",
    "LANDING PERMISSION AT PORT OF CALL": "寄港地上陸許可", "LANDING PERMISSION DUE TO DISTRESS": "遭難による上陸許可",
    "LANDING PERMISSION FOR CREW": "乗員上陸許可", "LANDING PERMISSION FOR CRUISE SHIP TOURISTS": "船舶観光上陸許可",
    "LANDING PERMISSION FOR TEMPORARY REFUGE": "一時庇護のための上陸許可", "LANDING PERMISSION FOR TRANSIT": "通過上陸許可",
    "RE-ENTRY (RETURNING RESIDENT)": "再入国", "SPECIAL LANDING PERMISSION": "上陸特別許可",
    "EMERGENCY LANDING PERMISSION": "緊急上陸許可", "DEPARTURE CONFIRMATION": "出国確認",
    "landing permission": "上陸許可", "departure confirmation": "出国確認",
    # directions of a booth
    "an arrivals": "入国", "a departures": "出国", "{direction} booth": "{direction}審査のブース",
    "a booth serves arrivals or departures, not {direction}": "ブースは入国か出国のいずれかを扱います（{direction} は不可）",
    "this decision does not belong to this booth's direction (arrivals or departures)":
        "この判定はこのブースの審査区分（入国／出国）に合いません",
    "finish this traveller (save or next traveller) before changing between arrivals and departures":
        "入国と出国を切り替える前に、この旅客の審査を終えてください（保存または次の旅客）",
    # departures and the landing record
    "a departure grants no status or period": "出国では在留資格・在留期間を決定しません",
    "a Japanese passport: confirm a Japanese national's departure instead": "日本国旅券です。日本人の出国確認として記録してください",
    "the document is not a Japanese one: a Japanese national's return or departure needs one":
        "日本国旅券ではありません。日本人の帰国・出国の確認には日本国旅券が必要です",
    "found at the hub": "ハブの記録にありました", "found in this booth's records": "このブースの記録にありました",
    "no landing record found": "上陸の記録が見つかりません", "no landing record": "上陸の記録なし",
    "this booth's and the hub's records searched": "このブースとハブの記録を検索しました",
    "no hub configured: only this booth's records searched": "ハブが設定されていません: このブースの記録のみ検索しました",
    "hub unreachable: only this booth's records searched": "ハブに接続できません: このブースの記録のみ検索しました",
    "the hub refused the search: only this booth's records searched": "ハブが検索を拒否しました: このブースの記録のみ検索しました",
    "the inspector's key is not unlocked: only this booth's records searched":
        "入国審査官の鍵が開かれていません: このブースの記録のみ検索しました",
    "no landing record was found and no landing seal was read: the stay is not verified":
        "上陸の記録が見つからず、上陸許可の証印も読み取っていません。在留は確認されていません",
    "the traveller stayed beyond the authorised period (ICRRA Art. 24(iv)(b))":
        "在留期間を経過して残留しました（入管法第24条第4号ロ）",
    "{days} day(s) beyond the authorised stay (ended {end})": "在留期間を {days} 日超過（{end} 満了）",
    "{days} day(s) of overstay": "超過滞在 {days} 日",
    "last day on the landing seal (when no record is found)": "上陸許可の証印の在留期限（記録が見つからない場合）",
    "none (leaving for good)": "なし（単純出国）",
    # re-entry permits
    "re-entry permit": "再入国許可", "special re-entry permit": "みなし再入国許可",
    "re-entry permit number": "再入国許可の番号", "re-entry permit valid until": "再入国許可の有効期限",
    "single or multiple": "一回限り／数次", "single": "一回限り", "multiple": "数次",
    "the re-entry permit has expired": "再入国許可の有効期限が切れています",
    "the re-entry permit {number} expired on {date}": "再入国許可 {number} は {date} に有効期限が切れています",
    "a special re-entry permit allows a return within one year of departure (and not after the period of stay)":
        "みなし再入国許可による再入国は出国の日から1年以内（在留期間の満了日まで）に限られます",
    "left Japan on {departed}: a special re-entry permit allows a return until {until}":
        "{departed} に出国: みなし再入国許可による再入国は {until} までです",
    "a special re-entry permit is for a mid-to-long-term resident within the period of stay: not for an overstayer or a short-term visitor":
        "みなし再入国許可は在留期間内の中長期在留者のためのものです。超過滞在者や短期の滞在者は対象外です",
    "the landing record is not a mid-to-long-term resident's: a special re-entry permit needs one":
        "上陸記録が中長期在留者のものではありません。みなし再入国許可には中長期在留者であることが必要です",
    "a returning resident keeps the period of stay already granted: record when it ends instead":
        "再入国者は既に決定された在留期間を引き継ぎます。代わりに在留期間の満了日を記録してください",
    "period of stay ends (YYYY-MM-DD, or unlimited)": "在留期間の満了日（YYYY-MM-DD、無期限は unlimited）",
    "the end of the period of stay": "在留期間の満了日", "the period of stay ended on {date}": "在留期間は {date} に満了しています",
    "the period of stay has ended: the status does not carry over": "在留期間が満了しています。在留資格は引き継がれません",
    "date of departure from Japan": "出国年月日", "the date of departure {date} is after today": "出国年月日 {date} が本日より後です",
    # residence cards
    "residence card": "在留カード", "issued at the port": "港で交付", "to be mailed": "後日郵送",
    "residence card number (AB12345678CD)": "在留カードの番号（AB12345678CD）",
    "a mid-to-long-term resident receives a residence card: record it issued at the port or to be mailed":
        "中長期在留者には在留カードを交付します。港で交付したか後日郵送かを記録してください",
    "the residence card number is missing": "在留カードの番号がありません",
    "the residence card number is not two letters, eight digits, two letters":
        "在留カードの番号が英字2文字・数字8桁・英字2文字の形式ではありません",
    "{number} is not a residence card number: two letters, eight digits, two letters (e.g. AB12345678CD)":
        "{number} は在留カードの番号ではありません: 英字2文字・数字8桁・英字2文字（例: AB12345678CD）",
    "no residence card for this status and period: not a mid-to-long-term resident":
        "この在留資格・在留期間では在留カードを交付しません（中長期在留者ではありません）",
    "no residence card for {status} for {period}: not a mid-to-long-term resident":
        "{status}・{period}では在留カードを交付しません（中長期在留者ではありません）",
    # Certificates of Eligibility
    "Certificate of Eligibility number (if presented)": "在留資格認定証明書の番号（提示された場合）",
    "status on the Certificate of Eligibility": "在留資格認定証明書の在留資格",
    "the Certificate of Eligibility number cannot be read": "在留資格認定証明書の番号を読み取れません",
    "the status on the Certificate of Eligibility is unknown": "在留資格認定証明書の在留資格が不明です",
    "unknown status on the Certificate of Eligibility: {status}": "在留資格認定証明書の在留資格が不明です: {status}",
    "no Certificate of Eligibility for a mid-to-long-term status": "中長期在留者となる在留資格で在留資格認定証明書がありません",
    "the Certificate of Eligibility is for another status": "在留資格認定証明書の在留資格が異なります",
    "certificate {number} for {coe}, granted {status}": "在留資格認定証明書 {number} は{coe}、決定した在留資格は{status}",
    "{number} is not a Certificate of Eligibility number (letters, digits and hyphens, 5 to 24 characters)":
        "{number} は在留資格認定証明書の番号ではありません（英字・数字・ハイフン、5〜24文字）",
    "(empty)": "（空欄）",
    # Designated Activities
    "designation (Designated Activities)": "指定書の内容（特定活動）", "designation as written": "指定書の記載内容",
    "working holiday": "ワーキング・ホリデー", "domestic worker of a diplomat": "外交官等の家事使用人",
    "EPA nurse or certified care worker candidate": "EPA看護師・介護福祉士候補者",
    "future creation individual (J-Find)": "未来創造人材（J-Find）",
    "other (as the designation states)": "その他（指定書に記載のとおり）",
    "Designated Activities needs the designation": "特定活動には指定書の内容が必要です",
    "Designated Activities needs the designation (e.g. working holiday)": "特定活動には指定書の内容が必要です（例: ワーキング・ホリデー）",
    # special landings and their details
    "vessel or flight": "船舶または航空機の便", "onward vessel or flight": "乗り継ぐ船舶または航空機の便",
    "port where the traveller rejoins the vessel or flight": "船舶または航空機に戻る港",
    "port of departure from Japan": "本邦から出国する港", "crew member's document number": "乗員手帳等の番号",
    "grounds (illness, injury)": "事由（疾病・負傷）", "hospital or place of treatment": "病院その他の治療を受ける場所",
    "rescued by": "救護した者", "grounds for refuge": "庇護を求める事由", "place of stay": "滞在場所",
    "a period in hours needs the hour of landing": "時間単位の期間には上陸の時刻が必要です",
    "decision reference": "許可の参照番号", "granted by": "許可した者", "the Minister of Justice": "法務大臣",
    "the Commissioner (delegated)": "出入国在留管理庁長官（委任）", "name of the official who granted it": "許可した者の氏名",
    # designated cruise ships
    "cruise ship (name or IMO number)": "クルーズ船（船名またはIMO番号）",
    "name the cruise ship (name or IMO number) first": "先にクルーズ船（船名またはIMO番号）を入力してください",
    "IMO {imo} fails its check digit: check the number": "IMO番号 {imo} のチェックディジットが一致しません。番号を確認してください",
    "designated by the Commissioner": "長官が指定する船舶", "not a designated cruise ship": "指定されたクルーズ船ではありません",
    "its designation is not in force today": "指定は本日有効ではありません", "not looked up": "未照会",
    "the designated ship list is not installed": "指定船舶の一覧が導入されていません",
    "the designated cruise ship list could not be checked": "指定クルーズ船の一覧を照合できませんでした",
    "the ship is not on the list of cruise ships designated by the Commissioner":
        "出入国在留管理庁長官が指定するクルーズ船の一覧にない船舶です",
    "the installed designated-ship list is refused: {problem}; apply the lists again (inspector-app bundle apply)":
        "導入済みの指定船舶の一覧は使用できません: {problem}。リストを再導入してください（inspector-app bundle apply）",
    "{vessel}: {reason}": "{vessel}: {reason}", "{vessel}: {state}": "{vessel}: {state}",
    # details as typed
    "a detail of the decision cannot be read": "判定の記録事項を読み取れません",
    "{what} is missing": "{what}がありません",
    "{what} must be a date written YYYY-MM-DD, not {value}": "{what}は YYYY-MM-DD 形式の日付で入力してください（入力値: {value}）",
    "{field}: {value} is not one of {choices}": "{field}: {value} は次のいずれでもありません: {choices}",
    # earlier encounters
    "earlier encounter under another identity": "別の身分事項による過去の審査記録",
    "earlier encounter on another document of the same name": "同一氏名の別の旅券による過去の審査記録",
    "every port's encounters, at the hub": "ハブ上の全港の審査記録",
    "every port's encounters, at the hub, after the booth came back online": "ブースの通信回復後、ハブ上の全港の審査記録",
    "face similarity {similarity} of 100": "顔の類似度 {similarity}（100点満点）",
    "fingerprint similarity {similarity} of 100": "指紋の類似度 {similarity}（100点満点）",
    "hub unreachable: only this booth's copy of the port's encounters searched; the hub is searched when it is back":
        "ハブに接続できません: このブースが保持する当該港の審査記録のみ照合。ハブへの照合は接続回復後に実施",
    "no earlier encounter found": "過去の審査記録に該当なし",
    "no hub configured: only this booth's copy of the port's encounters searched":
        "ハブ未設定: このブースが保持する当該港の審査記録のみ照合",
    "none recorded": "記録なし", "searched: {where}": "照合先: {where}",
    "the hub refused the search: only this booth's copy of the port's encounters searched":
        "ハブが照合を拒否: このブースが保持する当該港の審査記録のみ照合",
    "the inspector's key is not unlocked: only this booth's copy of the port's encounters searched":
        "審査官の鍵が未解除: このブースが保持する当該港の審査記録のみ照合",
    "this booth's copy of the port's recent encounters": "このブースが保持する当該港の最近の審査記録",
    "travel history: {count} earlier encounter(s) of this traveller": "渡航履歴: この旅客の過去の審査記録 {count} 件",
    "{date} at {port}: {surname}, {given} ({nationality}, born {birth}), document {document}, decision {decision}":
        "{date} {port}: {surname}, {given}（{nationality}、生年月日 {birth}）、旅券 {document}、判定 {decision}",
    # bio-cart
    "bio-cart capture from {station}": "バイオカート {station} で取得",
    "bio-cart captures are for arrivals": "バイオカートの取得データは入国審査でのみ使用します",
    "no bio-cart capture for this passport": "この旅券のバイオカート取得データはありません",
    "no bio-cart station is configured at this booth": "このブースにはバイオカートが設定されていません",
    "the bio-cart capture expired at {time}: not used": "バイオカートの取得データは {time} に有効期限切れ: 使用しません",
    "the bio-cart capture has no valid capture and expiry times": "バイオカートの取得データに有効な取得時刻・有効期限がありません",
    "the bio-cart capture is dated in the future: check the station's clock": "バイオカートの取得時刻が未来の日時です: 端末の時計を確認してください",
    "the bio-cart capture is not in a format this booth reads": "バイオカートの取得データはこのブースで読めない形式です",
    "the bio-cart capture is not signed by the trusted station: not used": "バイオカートの取得データは信頼された端末の署名がありません: 使用しません",
    "the bio-cart capture is of another passport: not used": "バイオカートの取得データは別の旅券のものです: 使用しません",
    "the bio-cart capture's {item} does not match its signature: not used": "バイオカートの取得データの {item} が署名と一致しません: 使用しません",
    "the bio-cart station did not answer: {problem}": "バイオカートが応答しません: {problem}",
    "the bio-cart station refused this booth: {problem}": "バイオカートがこのブースを拒否しました: {problem}",
    "the bio-cart station's certificate cannot be read: {problem}": "バイオカートの証明書を読めません: {problem}",
    "the bio-cart station's key or certificate is not configured at this booth": "このブースにはバイオカートの鍵または証明書が設定されていません",
    "the station's answer is not a bio-cart capture": "端末の応答はバイオカートの取得データではありません",
    # issue 16: the passport's chip
    "Active Authentication": "アクティブ認証", "Chip Authentication": "チップ認証", "BAC": "BAC",
    "PACE with the CAN": "CANによるPACE", "PACE with the MRZ": "MRZによるPACE",
    "check digits or fillers": "チェックディジットまたは埋め字", "chip not read: {state}": "ICチップ未読取: {state}",
    "chip photo against the live face: similarity {score} of 100, a match from {threshold}":
        "ICチップの顔写真と本人の顔: 類似度 {score}（100 点中、{threshold} 以上で一致）",
    "chip read": "ICチップを読み取りました", "document type": "文書の種類", "given names": "名",
    "issuing state": "発行国", "nationality": "国籍・地域", "sex": "性別", "optional data (line 2)": "任意記載事項（2 行目）",
    "no chip found (the passport has none, or it was not on the reader)":
        "ICチップが見つかりません（旅券にないか、読取機に置かれていません）",
    "no chip reader": "ICチップ読取機がありません",
    "no clone check: the chip offers neither Chip nor Active Authentication":
        "複製の確認なし: ICチップはチップ認証にもアクティブ認証にも対応していません",
    "no face found in the chip's photo: {problem}": "ICチップの顔写真に顔が見つかりません: {problem}",
    "no step ran": "どの手順も実行されていません", "not offered by the chip": "ICチップが対応していません",
    "passive authentication failed at: {step}": "パッシブ認証の失敗箇所: {step}",
    "passive authentication failed at: {step} ({reason})": "パッシブ認証の失敗箇所: {step}（{reason}）",
    "passive authentication passed": "パッシブ認証に合格",
    "read with {access} on {reader} in {seconds} s": "{reader} で {access} により {seconds} 秒で読み取り",
    "reading the passport's chip": "旅券のICチップを読み取っています",
    "the chip could not be read to the end": "ICチップを最後まで読み取れませんでした",
    "the chip failed its clone check (Chip or Active Authentication): a supervisor must clear it first":
        "ICチップが複製の確認（チップ認証またはアクティブ認証）に不合格: 先に監督者の確認が必要です",
    "the chip holds no photo that can be shown": "ICチップに表示できる顔写真がありません",
    "the chip cannot be checked: {problem}": "ICチップを検証できません: {problem}",
    "the chip refused the printed MRZ or the CAN": "ICチップが印字された MRZ または CAN を受け付けませんでした",
    "the chip's DG1 is not a machine readable zone": "ICチップの DG1 は機械読取部（MRZ）ではありません",
    "the chip's MRZ (DG1) differs from the printed one: {fields}": "ICチップの MRZ（DG1）が印字と異なります: {fields}",
    "the chip's MRZ differs from the printed one: a supervisor must clear it first":
        "ICチップの MRZ が印字と異なります: 先に監督者の確認が必要です",
    "the chip's MRZ matches the printed one": "ICチップの MRZ は印字と一致",
    "the chip's data is not proven signed by the issuing state (passive authentication failed): a supervisor must "
    "clear it first": "ICチップのデータに発行国の署名が確認できません（パッシブ認証に不合格）: 先に監督者の確認が必要です",
    "the chip's photo could not be compared": "ICチップの顔写真を照合できませんでした",
    "the chip's photo does not match the live face: a supervisor must clear it first":
        "ICチップの顔写真が本人の顔と一致しません: 先に監督者の確認が必要です",
    "the chip's photo does not match the live face: similarity {score} of 100, a match from {threshold}":
        "ICチップの顔写真が本人の顔と一致しません: 類似度 {score}（100 点中、{threshold} 以上で一致）",
    "the passport's chip was not verified (not read, or its photo not compared)":
        "旅券のICチップが確認されていません（未読取、または顔写真の未照合）",
    "this booth has no chip reader (devices.chip.reader is not set)":
        "このブースにはICチップ読取機がありません（devices.chip.reader が未設定）",
    "{finding}: a supervisor must clear it first": "{finding}: 先に監督者の確認が必要です",
    "{method} failed: the chip may be a copy": "{method} に不合格: ICチップは複製の可能性があります",
    "{method} failed: the chip may be a copy ({reason})": "{method} に不合格: ICチップは複製の可能性があります（{reason}）",
    "{method} not run": "{method} は未実施", "{method} passed": "{method} に合格",
}

# each decision in words (domain.decisions.DECISION_NAMES): the window's titles, now core messages
CORE.update({k: JA[k] for k in (
    "Landing permission", "Referral to special inquiry officer", "Special landing permission", "Crew landing",
    "Port-of-call landing (shore pass)", "Transit landing", "Cruise-ship tourist landing", "Emergency landing",
    "Landing due to distress", "Landing for temporary refuge", "Returning resident (re-entry permit)",
    "Japanese national (return confirmation)", "Departure confirmation", "Japanese national (departure confirmation)")})

#: The demo travellers' titles (inspector_app/app/demo_data/travellers.csv; Qt context "Demo").
DEMO = {
    "Clean traveller: no hits, lands as Temporary Visitor": "問題のない旅客: 該当なし、短期滞在で上陸",
    "Passport reported lost (SLTD hit)": "紛失届のある旅券（紛失・盗難旅券リストに該当）",
    "Biographic watchlist hit (name spelled differently on the list)": "要注意人物リスト（身分事項）に該当（リスト上のつづりが異なる）",
    "Face and fingerprint match a watchlisted subject under another name": "顔と指紋が別名で登録された要注意人物と一致",
    "Under 16: exempt from biometrics": "16歳未満: 個人識別情報の提供免除",
    "Traveller from Taiwan (a region, not a country)": "台湾からの旅客（国ではなく地域）",
    "Clean traveller's passport with an altered chip (name changed after signing)":
        "問題のない旅客の旅券、ICチップが改ざんされたもの（署名後に氏名を変更）",
}


def status_names() -> dict[str, str]:
    """Status of residence names: the official Japanese names of the domain catalogue."""
    from inspector_app.domain import statuses

    return {s.name_en: s.name_ja for s in statuses.CATALOGUE}


#: Where one English text needs another Japanese in one context: the check titles of the
#: results list (widgets/common.kind_title, context "") are nouns, not the capture panel's sentences.
BY_CONTEXT = {
    "": {"Face captured": "顔写真の取得", "Fingerprint captured": "指紋の取得"},
}


def glossary(context: str) -> dict[str, str]:
    return {**_glossary(context), **BY_CONTEXT.get(context, {})}


def _glossary(context: str) -> dict[str, str]:
    if context == "core":
        return {**JA, **status_names(), **CORE}
    return {**JA, **DEMO} if context == "Demo" else JA


def placeholders(text: str) -> list[str]:
    """{name} placeholders and %s / %d / %n / %1 arguments, sorted (they must survive translation)."""
    return sorted(re.findall(r"\{\w+\}|%(?:[sdn]|\d)|%\.\d[f]", text))


def _set(tr: ET.Element, text: str) -> None:
    forms = tr.findall("numerusform")
    if forms or tr.get("numerus") == "yes":
        for f in forms or [ET.SubElement(tr, "numerusform")]:
            f.text = text
    else:
        tr.text = text
    tr.attrib.pop("type", None)


def fill(ts_path: Path) -> tuple[int, int]:
    tree = ET.parse(ts_path)
    done = missing = 0
    for ctx in tree.iter("context"):
        context = ctx.findtext("name") or ""
        words = glossary(context)
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            if tr.get("type") != "unfinished" and "".join(tr.itertext()).strip():
                continue
            if src in words:
                if placeholders(words[src]) != placeholders(src):
                    raise SystemExit(f"placeholders differ in the Japanese of {src!r}: {words[src]!r}")
                _set(tr, words[src])
                done += 1
            elif src.startswith("P<"):
                _set(tr, src)  # MRZ placeholder is the same in every language
            else:
                missing += 1
                print(f"no Japanese for [{context}] {src!r}", file=sys.stderr)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return done, missing


if __name__ == "__main__":
    done, missing = fill(Path(__file__).with_name("inspector_ja.ts"))
    print(f"filled {done}, still without Japanese {missing}")
