<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name />
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="34" />
        <source>LANDING PERMISSION</source>
        <translation>LANDING PERMISSION</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="40" />
        <source>Port</source>
        <translation>港</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="41" />
        <source>Date of landing</source>
        <translation>上陸年月日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="42" />
        <source>Status</source>
        <translation>在留資格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="43" />
        <source>Period of stay</source>
        <translation>在留期間</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="44" />
        <source>Until</source>
        <translation>在留期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="44" />
        <source>unlimited</source>
        <translation>無期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="45" />
        <source>Inspector</source>
        <translation>入国審査官</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="46" />
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="35" />
        <source>PASS</source>
        <translation>適合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="35" />
        <source>HIT</source>
        <translation>該当</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="35" />
        <source>FAIL</source>
        <translation>不適合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="36" />
        <source>EXCEPTION</source>
        <translation>例外</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="36" />
        <source>LOW QUALITY</source>
        <translation>低品質</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="36" />
        <source>OVERRIDE</source>
        <translation>判断変更</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="37" />
        <source>WARNING</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="37" />
        <source>EXEMPT</source>
        <translation>免除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="37" />
        <source>CONFIRMED HIT</source>
        <translation>該当確定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="38" />
        <source>CLEARED</source>
        <translation>解除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="44" />
        <source>Document check digits</source>
        <translation>旅券のチェックディジット</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="45" />
        <source>Document expiry</source>
        <translation>旅券の有効期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="46" />
        <source>Lost/stolen documents (SLTD)</source>
        <translation>紛失・盗難旅券（SLTD）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="47" />
        <source>Biographic watchlist</source>
        <translation>要注意人物リスト（身分事項）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="48" />
        <source>Face watchlist</source>
        <translation>要注意人物リスト（顔）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="49" />
        <source>Fingerprint watchlist</source>
        <translation>要注意人物リスト（指紋）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="50" />
        <location filename="../../inspector_app/app/widgets/main_window.py" line="37" />
        <source>Biometric exemption</source>
        <translation>個人識別情報の提供免除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="51" />
        <source>Finger exception</source>
        <translation>指紋採取の例外</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="52" />
        <source>Face quality</source>
        <translation>顔写真の品質</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="58" />
        <source>Landing permission</source>
        <translation>上陸許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="59" />
        <source>Referral to special inquiry officer</source>
        <translation>特別審理官への引渡し</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="60" />
        <source>Special landing permission</source>
        <translation>上陸特別許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="61" />
        <source>Crew landing</source>
        <translation>乗員上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="62" />
        <source>Port-of-call landing (shore pass)</source>
        <translation>寄港地上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="63" />
        <source>Transit landing</source>
        <translation>通過上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="64" />
        <source>Cruise-ship tourist landing</source>
        <translation>船舶観光上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="65" />
        <source>Emergency landing</source>
        <translation>緊急上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="66" />
        <source>Landing due to distress</source>
        <translation>遭難による上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="67" />
        <source>Landing for temporary refuge</source>
        <translation>一時庇護のための上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="68" />
        <source>Returning resident (re-entry permit)</source>
        <translation>再入国（再入国許可）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="69" />
        <source>Japanese national (return confirmation)</source>
        <translation>日本人（帰国の確認）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="75" />
        <source>Special permanent resident</source>
        <translation>特別永住者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="76" />
        <source>Under 16 years of age</source>
        <translation>16歳未満</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="77" />
        <source>Diplomat activities</source>
        <translation>「外交」の活動を行う者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="78" />
        <source>Official activities</source>
        <translation>「公用」の活動を行う者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="79" />
        <source>Invited by the head of a national administrative organ</source>
        <translation>国の行政機関の長が招へいする者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="80" />
        <source>Designated by ordinance</source>
        <translation>法務省令で定める者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="27" />
        <source>Show this list of shortcuts</source>
        <translation>ショートカット一覧を表示</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="28" />
        <source>Switch language English / 日本語</source>
        <translation>言語切替 English / 日本語</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="29" />
        <source>Examination screen</source>
        <translation>審査画面</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="30" />
        <source>Supervisor screen</source>
        <translation>統括審査官画面</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="31" />
        <source>Go to the MRZ field</source>
        <translation>MRZ 欄へ移動</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="32" />
        <source>Read the document (MRZ)</source>
        <translation>旅券（MRZ）を読込</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="33" />
        <source>Start the camera</source>
        <translation>カメラを起動</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="34" />
        <source>Capture the face now</source>
        <translation>今すぐ顔を撮影</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="35" />
        <source>Retake the face</source>
        <translation>顔を撮り直す</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="36" />
        <source>Capture fingerprints</source>
        <translation>指紋を採取</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="38" />
        <source>Go to the checks list (evidence)</source>
        <translation>照合結果（証拠）へ移動</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="39" />
        <source>Go to the decision</source>
        <translation>判定へ移動</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="40" />
        <source>Save the decision (then the seal is written)</source>
        <translation>判定を保存（その後に証印を作成）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="41" />
        <source>Print the landing permission seal</source>
        <translation>上陸許可の証印を印刷</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="42" />
        <source>Next traveller (clears the screen)</source>
        <translation>次の旅客（画面を消去）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="43" />
        <source>Supervisor: confirm / clear the hit</source>
        <translation>統括審査官: 該当の確定／解除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="44" />
        <source>Supervisor: record the review</source>
        <translation>統括審査官: 審査結果を記録</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="45" />
        <source>Lock the session</source>
        <translation>画面をロック</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="46" />
        <source>Sign out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="308" />
        <source>&amp;Demo</source>
        <translation>デモ(&amp;D)</translation>
    </message>
</context>
<context>
    <name>CapturePanel</name>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="306" />
        <source>Biometrics</source>
        <translation>個人識別情報（顔・指紋）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="307" />
        <source>Camera (F5)</source>
        <translation>カメラ (F5)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="308" />
        <source>Capture (F6)</source>
        <translation>撮影 (F6)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="309" />
        <source>Retake (F7)</source>
        <translation>撮り直し (F7)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="310" />
        <source>Capture fingerprints (F8)</source>
        <translation>指紋採取 (F8)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="311" />
        <source>Exemption:</source>
        <translation>免除:</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="312" />
        <source>Finger</source>
        <translation>指</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="312" />
        <source>Quality</source>
        <translation>品質</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="312" />
        <source>Tries</source>
        <translation>試行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="312" />
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="316" />
        <source>none — capture biometrics</source>
        <translation>なし — 個人識別情報を取得</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="327" />
        <source>No face found — look at the camera</source>
        <translation>顔が見つかりません — カメラを見てください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="329" />
        <source>Quality OK — capturing</source>
        <translation>品質良好 — 撮影中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="331" />
        <source>Quality low: </source>
        <translation>品質不足: </translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="338" />
        <source>camera off</source>
        <translation>カメラ停止中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="346" />
        <source>Face captured</source>
        <translation>顔写真を取得しました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="348" />
        <source>Face captured below quality: </source>
        <translation>品質基準未満で取得: </translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="351" />
        <source>Camera: </source>
        <translation>カメラ: </translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="353" />
        <source>Looking for a face…</source>
        <translation>顔を探しています…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="362" />
        <source>exception: </source>
        <translation>例外: </translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="362" />
        <source>captured</source>
        <translation>取得済み</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="368" />
        <source>Place the finger on the scanner…</source>
        <translation>指をスキャナーに置いてください…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="371" />
        <source>Fingerprints captured: %d, exceptions: %d</source>
        <translation>指紋採取: %d 指、例外: %d</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="176" />
        <source>Checks</source>
        <translation>照合結果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="202" />
        <source>OPEN HIT — landing blocked until a supervisor clears it</source>
        <translation>未解除の該当あり — 統括審査官の解除まで上陸許可不可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="204" />
        <source>DOCUMENT PROBLEM — see checks</source>
        <translation>旅券に問題あり — 照合結果を確認</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="206" />
        <source>NO HITS</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="234" />
        <source>(no photo at the booth)</source>
        <translation>（ブースに写真はありません）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="236" />
        <source>no image</source>
        <translation>画像なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="241" />
        <source>Left: live capture / document. Right: watchlist record %s (%s).</source>
        <translation>左: 取得した画像／旅券。右: リストの記録 %s（%s）。</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="472" />
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="473" />
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="474" />
        <source>Status of residence</source>
        <translation>在留資格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="475" />
        <source>Period of stay</source>
        <translation>在留期間</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="476" />
        <source>Last day of stay</source>
        <translation>在留期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="477" />
        <source>Referral reasons</source>
        <translation>引渡しの理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="478" />
        <source>Special landing details</source>
        <translation>特例上陸の詳細</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="479" />
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="480" />
        <source>Print seal (Ctrl+P)</source>
        <translation>証印を印刷 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="481" />
        <source>Next traveller (Ctrl+N)</source>
        <translation>次の旅客 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="503" />
        <source>— choose —</source>
        <translation>— 選択 —</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="538" />
        <source>no last day (unlimited)</source>
        <translation>期限なし（無期限）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="543" />
        <source>Saved — press Next traveller (Ctrl+N)</source>
        <translation>保存済み — 次の旅客へ (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="547" />
        <source>Ready to save</source>
        <translation>保存できます</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="552" />
        <source>Saved: record %s</source>
        <translation>保存しました: 記録 %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="554" />
        <source>Seal: %s</source>
        <translation>証印: %s</translation>
    </message>
</context>
<context>
    <name>ExaminationViewModel</name>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="118" />
        <source>Scan the passport or type the MRZ first.</source>
        <translation>旅券を読み取るか MRZ を入力してください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="121" />
        <source>Finish this traveller (Save or Next) before reading another document.</source>
        <translation>次の旅券を読む前に、この旅客の審査を終えてください（保存または次へ）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="148" />
        <source>all check digits valid</source>
        <translation>チェックディジットはすべて正常</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="149" />
        <source>check digit wrong: </source>
        <translation>チェックディジット不一致: </translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="156" />
        <source>expires </source>
        <translation>有効期限 </translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="181" />
        <source>NOT CHECKED: </source>
        <translation>未照合: </translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="184" />
        <source>no match (list version %s)</source>
        <translation>該当なし（リスト版 %s）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="407" />
        <source>Read the document first.</source>
        <translation>先に旅券を読み込んでください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="410" />
        <source>Open hit: a supervisor must clear it before landing permission.</source>
        <translation>未解除の該当: 上陸許可の前に統括審査官の解除が必要です。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="430" />
        <source>Nothing to save.</source>
        <translation>保存する内容がありません。</translation>
    </message>
</context>
<context>
    <name>InspectorStatusBar</name>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="37" />
        <source>ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="37" />
        <source>busy</source>
        <translation>処理中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="37" />
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="38" />
        <source>absent</source>
        <translation>未接続</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="38" />
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="38" />
        <source>live</source>
        <translation>撮影中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="41" />
        <source>Camera: %s · Fingerprint: %s</source>
        <translation>カメラ: %s · 指紋: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="43" />
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="45" />
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="46" />
        <source>never</source>
        <translation>未実施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="49" />
        <source>Last sync: %s · queued: %s</source>
        <translation>最終同期: %s · 未送信: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="52" />
        <source>Lists: not loaded</source>
        <translation>リスト: 未導入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="54" />
        <source>Lists %.1f h old — OUT OF DATE</source>
        <translation>リスト更新から %.1f 時間 — 期限切れ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="56" />
        <source>Lists %.1f h old</source>
        <translation>リスト更新から %.1f 時間</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="58" />
        <source>User: %s</source>
        <translation>ユーザー: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="58" />
        <source>Not signed in</source>
        <translation>未ログイン</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="94" />
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="95" />
        <source>Session locked after inactivity. Enter your password to continue.</source>
        <translation>無操作のためロックしました。続けるにはパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="101" />
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="103" />
        <source>Sign out</source>
        <translation>ログアウト</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="65" />
        <source>Border Inspector — sign in</source>
        <translation>上陸審査端末 — ログイン</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="66" />
        <source>Port: %s · Booth: %s</source>
        <translation>港: %s · ブース: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="67" />
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="68" />
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="69" />
        <source>Sign in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="70" />
        <source>Credentials are checked on this workstation (works offline). Ctrl+J switches English / 日本語.</source>
        <translation>認証はこの端末で行います（オフライン可）。Ctrl+J で English / 日本語 を切替。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="167" />
        <source>Border Inspector — %s, booth %s</source>
        <translation>上陸審査端末 — %s、ブース %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="168" />
        <source>&amp;Session</source>
        <translation>セッション(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="169" />
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="170" />
        <source>&amp;Examination</source>
        <translation>審査(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="171" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="178" />
        <source>Administrator tools are on the command line: inspector-app --help</source>
        <translation>管理者機能はコマンドラインにあります: inspector-app --help</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="281" />
        <source>Save a landing permission first.</source>
        <translation>先に上陸許可を保存してください。</translation>
    </message>
</context>
<context>
    <name>MrzPanel</name>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="59" />
        <source>Document (MRZ) — scan or type, Ctrl+Enter to read</source>
        <translation>旅券（MRZ）— 読取または入力、Ctrl+Enter で読込</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="60" />
        <source>Read document</source>
        <translation>旅券を読込</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="61" />
        <source>P&lt;JPNSAMPLE&lt;&lt;HANAKO&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;
...</source>
        <translation>P&lt;JPNSAMPLE&lt;&lt;HANAKO&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;
...</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="85" />
        <source>invalid characters at columns %s</source>
        <translation>%s 桁目に無効な文字</translation>
    </message>
</context>
<context>
    <name>SessionViewModel</name>
    <message>
        <location filename="../../inspector_app/app/viewmodels/session.py" line="30" />
        <source>Enter your user name and password.</source>
        <translation>ユーザー名とパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/session.py" line="38" />
        <source>User name or password is wrong.</source>
        <translation>ユーザー名またはパスワードが違います。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/session.py" line="45" />
        <source>This account has no role at this booth.</source>
        <translation>このアカウントにはこのブースでの権限がありません。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/session.py" line="83" />
        <source>Password is wrong.</source>
        <translation>パスワードが違います。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="53" />
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="57" />
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="57" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>SupervisorScreen</name>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="98" />
        <source>Flagged examinations (live)</source>
        <translation>要確認の審査（自動更新）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="99" />
        <source>Examination</source>
        <translation>審査</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="100" />
        <source>Started</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="100" />
        <source>Traveller</source>
        <translation>旅客</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="100" />
        <source>Booth</source>
        <translation>ブース</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="101" />
        <source>Inspector</source>
        <translation>入国審査官</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="101" />
        <source>Flags</source>
        <translation>要確認事項</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="103" />
        <source>✖ Confirm hit (Alt+1)</source>
        <translation>✖ 該当を確定 (Alt+1)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="104" />
        <source>✔ Clear hit (Alt+2)</source>
        <translation>✔ 該当を解除 (Alt+2)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="107" />
        <source>Reason (required)</source>
        <translation>理由（必須）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="108" />
        <source>Record review (Ctrl+R)</source>
        <translation>審査結果を記録 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="110" />
        <source>Review history</source>
        <translation>審査履歴</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="149" />
        <source>Select an examination in the queue.</source>
        <translation>一覧から審査を選んでください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="153" />
        <source>Inspector: %s · Booth: %s</source>
        <translation>審査官: %s · ブース: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="156" />
        <source>✖ Your own examination: another supervisor must review it.</source>
        <translation>✖ ご自身の審査です: 別の統括審査官が確認してください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="191" />
        <source>(no photo at the booth)</source>
        <translation>（ブースに写真はありません）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="193" />
        <source>no image</source>
        <translation>画像なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="201" />
        <source>Select the hit to review.</source>
        <translation>確認する該当を選んでください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="208" />
        <source>Review recorded: %s</source>
        <translation>記録しました: %s</translation>
    </message>
</context>
<context>
    <name>SupervisorViewModel</name>
    <message>
        <location filename="../../inspector_app/app/viewmodels/supervisor.py" line="68" />
        <source>Choose confirm or clear.</source>
        <translation>確定か解除を選んでください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/supervisor.py" line="71" />
        <source>A reason is required for every review.</source>
        <translation>審査結果には必ず理由を入力してください。</translation>
    </message>
</context>
<context>
    <name>TravellerPanel</name>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="112" />
        <source>Traveller</source>
        <translation>旅客</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="114" />
        <source>Surname</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="114" />
        <source>Given names</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="115" />
        <source>Document no.</source>
        <translation>旅券番号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="115" />
        <source>Issuing state</source>
        <translation>発行国</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="116" />
        <source>Nationality / region</source>
        <translation>国籍・地域</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="116" />
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="117" />
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="117" />
        <source>Expiry</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="130" />
        <source>region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="130" />
        <source>country</source>
        <translation>国</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="131" />
        <source>stateless</source>
        <translation>無国籍</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="131" />
        <source>refugee</source>
        <translation>難民</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="132" />
        <source>organization</source>
        <translation>国際機関</translation>
    </message>
</context>
</TS>