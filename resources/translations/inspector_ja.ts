<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name />
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="27" />
        <source>Vessel or flight</source>
        <translation>船舶・航空機の便</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="27" />
        <location filename="../../inspector_app/app/widgets/common.py" line="135" />
        <source>Cruise ship</source>
        <translation>クルーズ船</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="28" />
        <source>Residence card</source>
        <translation>在留カード</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="28" />
        <source>Re-entry permit</source>
        <translation>再入国許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="29" />
        <source>Permit valid until</source>
        <translation>許可の有効期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="29" />
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="30" />
        <source>Designation</source>
        <translation>指定内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="38" />
        <source>Port</source>
        <translation>港</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="39" />
        <source>Date of landing</source>
        <translation>上陸年月日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="39" />
        <source>Date of departure</source>
        <translation>出国年月日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="41" />
        <source>Status</source>
        <translation>在留資格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="43" />
        <source>Period of stay</source>
        <translation>在留期間</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="45" />
        <location filename="../../inspector_app/app/seal_render.py" line="47" />
        <source>Until</source>
        <translation>在留期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="47" />
        <source>unlimited</source>
        <translation>無期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="49" />
        <location filename="../../inspector_app/app/widgets/common.py" line="53" />
        <source>Inspector</source>
        <translation>入国審査官</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/seal_render.py" line="49" />
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="44" />
        <source>PASS</source>
        <translation>適合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="44" />
        <source>HIT</source>
        <translation>該当</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="44" />
        <source>FAIL</source>
        <translation>不適合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="45" />
        <source>EXCEPTION</source>
        <translation>例外</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="45" />
        <source>LOW QUALITY</source>
        <translation>低品質</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="45" />
        <source>OVERRIDE</source>
        <translation>判断変更</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="46" />
        <source>WARNING</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="46" />
        <source>EXEMPT</source>
        <translation>免除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="46" />
        <source>CONFIRMED HIT</source>
        <translation>該当確定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="47" />
        <source>CLEARED</source>
        <translation>解除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="92" />
        <source>Lost/stolen documents (SLTD)</source>
        <translation>紛失・盗難旅券（SLTD）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="93" />
        <source>Biographic watchlist</source>
        <translation>要注意人物リスト（身分事項）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="94" />
        <location filename="../../inspector_app/app/widgets/common.py" line="126" />
        <source>Face watchlist</source>
        <translation>要注意人物リスト（顔）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="95" />
        <location filename="../../inspector_app/app/widgets/common.py" line="127" />
        <source>Fingerprint watchlist</source>
        <translation>要注意人物リスト（指紋）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="99" />
        <location filename="../../inspector_app/app/widgets/common.py" line="131" />
        <source>Biometric exemption</source>
        <translation>個人識別情報の提供免除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="47" />
        <source>OPEN</source>
        <translation>未解除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="47" />
        <source>FLAG</source>
        <translation>要確認</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="53" />
        <source>Supervisor</source>
        <translation>統括審査官</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="54" />
        <source>Administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="58" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="91" />
        <source>Document (check digits, expiry)</source>
        <translation>旅券（チェックディジット・有効期限）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="96" />
        <source>Face captured</source>
        <translation>顔写真の取得</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="97" />
        <source>Fingerprint captured</source>
        <translation>指紋の取得</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="98" />
        <location filename="../../inspector_app/app/widgets/common.py" line="130" />
        <source>Biometric exception</source>
        <translation>個人識別情報の提供不能（例外）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="100" />
        <location filename="../../inspector_app/app/widgets/common.py" line="132" />
        <source>Override</source>
        <translation>判断変更</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="101" />
        <source>Landing record (departure)</source>
        <translation>上陸記録（出国審査）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="102" />
        <source>Decision flagged for the supervisor</source>
        <translation>監督者の確認が必要な判定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="103" />
        <source>Designated cruise ship</source>
        <translation>指定クルーズ船</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="104" />
        <source>Pre-arrival (API) screening</source>
        <translation>事前旅客情報（API）照合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="105" />
        <source>Earlier encounters (face and fingers)</source>
        <translation>過去の審査記録（顔・指紋）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="106" />
        <source>Passport chip</source>
        <translation>旅券のICチップ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="144" />
        <source>Landing permission</source>
        <translation>上陸許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="147" />
        <source>Crew landing</source>
        <translation>乗員上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="149" />
        <source>Transit landing</source>
        <translation>通過上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="151" />
        <source>Emergency landing</source>
        <translation>緊急上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="123" />
        <source>Document check</source>
        <translation>旅券の確認</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="124" />
        <source>Lost/stolen document</source>
        <translation>紛失・盗難旅券</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="125" />
        <source>Name watchlist</source>
        <translation>要注意人物（氏名）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="128" />
        <source>Face capture</source>
        <translation>顔写真の取得</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="129" />
        <source>Fingerprint capture</source>
        <translation>指紋の取得</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="133" />
        <source>Landing record</source>
        <translation>上陸記録</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="134" />
        <source>Decision flag</source>
        <translation>判定の要確認事項</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="136" />
        <source>Pre-arrival</source>
        <translation>事前照合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="137" />
        <source>Earlier encounter</source>
        <translation>過去の審査記録</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="145" />
        <source>Referral</source>
        <translation>引渡し</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="146" />
        <source>Special landing</source>
        <translation>上陸特別許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="148" />
        <source>Shore pass</source>
        <translation>寄港地上陸</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="150" />
        <source>Cruise landing</source>
        <translation>船舶観光上陸</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="152" />
        <source>Distress landing</source>
        <translation>遭難による上陸</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="153" />
        <source>Temporary refuge</source>
        <translation>一時庇護上陸</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="154" />
        <source>Returning resident</source>
        <translation>再入国</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="155" />
        <source>Japanese national</source>
        <translation>日本人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="156" />
        <source>Departure</source>
        <translation>出国</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/common.py" line="157" />
        <source>Japanese national leaving</source>
        <translation>日本人の出国</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="516" />
        <location filename="../../inspector_app/app/widgets/main_window.py" line="544" />
        <source>&amp;Demo</source>
        <translation>デモ(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="535" />
        <source>Next traveller</source>
        <translation>次の旅客</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_details.py" line="76" />
        <source>— choose —</source>
        <translation>— 選択 —</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_details.py" line="83" />
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_details.py" line="87" />
        <source>required</source>
        <translation>必須</translation>
    </message>
</context>
<context>
    <name>CapturePanel</name>
    <message>
        <location filename="../../ui/exam_capture.ui" line="6" />
        <source>Biometrics</source>
        <translation>個人識別情報（顔・指紋）</translation>
    </message>
    <message>
        <location filename="../../ui/exam_capture.ui" line="99" />
        <source>Camera (F5)</source>
        <translation>カメラ (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/exam_capture.ui" line="106" />
        <source>Capture (F6)</source>
        <translation>撮影 (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/exam_capture.ui" line="113" />
        <source>Retake (F7)</source>
        <translation>撮り直し (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/exam_capture.ui" line="132" />
        <source>Capture fingerprints (F8)</source>
        <translation>指紋採取 (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/exam_capture.ui" line="199" />
        <source>E&amp;xemption:</source>
        <translation>免除(&amp;X):</translation>
    </message>
    <message>
        <location filename="../../ui/exam_capture.ui" line="174" />
        <source>Finger</source>
        <translation>指</translation>
    </message>
    <message>
        <location filename="../../ui/exam_capture.ui" line="179" />
        <source>Quality</source>
        <translation>品質</translation>
    </message>
    <message>
        <location filename="../../ui/exam_capture.ui" line="184" />
        <source>Tries</source>
        <translation>試行</translation>
    </message>
    <message>
        <location filename="../../ui/exam_capture.ui" line="189" />
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="332" />
        <source>none — capture biometrics</source>
        <translation>なし — 個人識別情報を取得</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="344" />
        <source>Looking for a face — look at the camera</source>
        <translation>顔を探しています — カメラを見てください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="346" />
        <source>Quality OK — hold still, capturing</source>
        <translation>品質良好 — 動かないでください、撮影中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="348" />
        <source>Adjusting: </source>
        <translation>調整中: </translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="354" />
        <source>Departures: no face or fingerprints are taken.</source>
        <translation>出国審査では顔写真・指紋は取得しません。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="357" />
        <source>camera off</source>
        <translation>カメラ停止中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="364" />
        <source>Face captured</source>
        <translation>顔写真を取得しました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="366" />
        <source>Face captured below quality: </source>
        <translation>品質基準未満で取得: </translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="369" />
        <source>Face captured — checking it against the watchlist…</source>
        <translation>顔写真を取得 — 要注意人物リストと照合中…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="371" />
        <source>Camera: </source>
        <translation>カメラ: </translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="374" />
        <source>Camera: %s — trying again</source>
        <translation>カメラ: %s — 再試行中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="376" />
        <source>Camera on — looking for a face…</source>
        <translation>カメラ起動 — 顔を探しています…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="385" />
        <source>not captured: </source>
        <translation>未取得: </translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="386" />
        <source>from the bio-cart</source>
        <translation>バイオカートで取得</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="394" />
        <source>Fingerprint scanner: starting…</source>
        <translation>指紋スキャナー: 起動中…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="397" />
        <source>Fingerprints captured: %d, not captured: %d</source>
        <translation>指紋採取: %d 指、未取得: %d 指</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="401" />
        <source>The fingerprint capture failed</source>
        <translation>指紋を採取できませんでした</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="413" />
        <source>chip photo</source>
        <translation>ICチップの顔写真</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="419" />
        <source>%s similarity %d
match from %d</source>
        <translation>%s 類似度 %d
%d 以上で一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="428" />
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="500" />
        <source>Chip: reading…</source>
        <translation>ICチップ: 読み取り中…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="468" />
        <source>Chip: FAILED, cleared by a supervisor — %s</source>
        <translation>ICチップ: 不合格（監督者が確認済み） — %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="469" />
        <source>Chip: FAILED — %s</source>
        <translation>ICチップ: 不合格 — %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="471" />
        <source>Chip: not verified — %s</source>
        <translation>ICチップ: 未確認 — %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="474" />
        <source>Chip: genuine, and its photo matches the live face</source>
        <translation>ICチップ: 真正、顔写真は本人の顔と一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="475" />
        <source>Chip: genuine — its photo is compared when the face is captured</source>
        <translation>ICチップ: 真正 — 顔写真は顔の撮影後に照合します</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="480" />
        <source>DG1</source>
        <translation>DG1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="481" />
        <source>passive auth.</source>
        <translation>受動認証</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="482" />
        <source>clone check</source>
        <translation>複製検査</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="483" />
        <source>photo</source>
        <translation>顔写真</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="489" />
        <source>Chip failed, cleared: %s</source>
        <translation>ICチップ不合格（確認済み）: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="490" />
        <source>Chip failed: %s</source>
        <translation>ICチップ不合格: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="499" />
        <source>Chip: %s (%d%%)</source>
        <translation>ICチップ: %s（%d%%）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="386" />
        <source>captured</source>
        <translation>取得済み</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../ui/exam_checks.ui" line="6" />
        <source>Checks</source>
        <translation>照合結果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="194" />
        <source>quality %d of 100</source>
        <translation>品質 %d/100</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="197" />
        <source>similarity %d of 100, a hit from %d</source>
        <translation>類似度 %d/100、%d 以上で該当</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="199" />
        <source>from the bio-cart %s, taken %d min before</source>
        <translation>バイオカート %s で %d 分前に取得</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="202" />
        <source>watchlist record: %s</source>
        <translation>リストの記録: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="220" />
        <source>OPEN HIT — no landing until a supervisor clears it</source>
        <translation>未解除の該当あり — 統括審査官の解除まで上陸不可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="222" />
        <source>DOCUMENT PROBLEM — see checks</source>
        <translation>旅券に問題あり — 照合結果を確認</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="224" />
        <source>NO HITS</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="263" />
        <source>no decision recorded</source>
        <translation>判定の記録なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="265" />
        <source>Left: this traveller.
Right: the earlier encounter that matched (%s); only its templates are kept, not its images.</source>
        <translation>左: この旅客。
右: 一致した過去の審査記録（%s）。保存されているのは特徴量のみで、画像は保存されていません。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="267" />
        <source>fingers</source>
        <translation>指紋</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="267" />
        <source>face</source>
        <translation>顔</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="268" />
        <source>face and fingers</source>
        <translation>顔と指紋</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="270" />
        <source>Left: this traveller.
Right: the photo in the passport's chip.</source>
        <translation>左: この旅客。
右: 旅券のICチップの顔写真。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="273" />
        <source>Left: this traveller.
Right: the watchlist's enrolment image, record %s (%s).</source>
        <translation>左: この旅客。
右: リストの登録画像、記録 %s（%s）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="251" />
        <source>no image</source>
        <translation>画像なし</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../ui/exam_decision.ui" line="6" />
        <location filename="../../ui/exam_decision.ui" line="17" />
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../ui/exam_decision.ui" line="92" />
        <source>Last day of stay</source>
        <translation>在留期限</translation>
    </message>
    <message>
        <location filename="../../ui/exam_decision.ui" line="37" />
        <source>S&amp;tatus of residence</source>
        <translation>在留資格(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/exam_decision.ui" line="66" />
        <source>&amp;Period of stay</source>
        <translation>在留期間(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/exam_decision.ui" line="134" />
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../ui/exam_decision.ui" line="169" />
        <source>No details to record for this decision.</source>
        <translation>この判定で記録する詳細はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/exam_decision.ui" line="202" />
        <source>Referral &amp;reasons</source>
        <translation>引渡しの理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/exam_decision.ui" line="235" />
        <source>&amp;Override reason</source>
        <translation>判断変更の理由(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/exam_decision.ui" line="245" />
        <source>only where a rule allows it; goes to the supervisor</source>
        <translation>規則が認める場合のみ。統括審査官の確認対象になります</translation>
    </message>
    <message>
        <location filename="../../ui/exam_decision.ui" line="266" />
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/exam_decision.ui" line="273" />
        <source>Print seal (Ctrl+P)</source>
        <translation>証印を印刷 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/exam_decision.ui" line="280" />
        <source>Next traveller (Ctrl+N)</source>
        <translation>次の旅客 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="716" />
        <source>— choose —</source>
        <extracomment>The statuses inspectors grant most, first (the rest keep the catalogue's order). Temporary Visitor is most of a port's landings.</extracomment>
        <translation>— 選択 —</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="773" />
        <source>until %s</source>
        <translation>%s まで</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="777" />
        <source>no last day (unlimited)</source>
        <translation>期限なし（無期限）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="791" />
        <source>Saved. The decision is recorded and the fields are locked: a saved record is not changed here. Next traveller: Ctrl+N</source>
        <translation>保存しました。判定は記録済みで入力欄はロックされています（保存済みの記録はここで変更できません）。次の旅客: Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="794" />
        <source>Waiting for a document: put the passport on the reader.</source>
        <translation>旅券待ち: 旅券を読取機に置いてください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="796" />
        <source>Looking for the landing record…</source>
        <translation>上陸記録を検索しています…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="802" />
        <source>… and %d more (hover to read all)</source>
        <translation>… ほか %d 件（ポインターで全文表示）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="805" />
        <source>Checking the decision…</source>
        <translation>判定を確認中…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="809" />
        <source>Ready to save (Ctrl+S); it goes to the supervisor:</source>
        <translation>保存できます (Ctrl+S)。監督者の確認に回ります:</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="812" />
        <source>Ready to save (Ctrl+S)</source>
        <translation>保存できます (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="838" />
        <source>Saved as record %s.</source>
        <translation>記録 %s で保存しました。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="840" />
        <source>The departure confirmation slip is ready to print (Ctrl+P).</source>
        <translation>出国確認票を印刷できます (Ctrl+P)。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="842" />
        <source>The seal is ready to print (Ctrl+P).</source>
        <translation>証印を印刷できます (Ctrl+P)。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="845" />
        <source>Sent to the supervisor (%d flag(s)).</source>
        <translation>監督者の確認に回しました（要確認事項 %d 件）。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="520" />
        <source>Clean traveller: no hits, lands as Temporary Visitor</source>
        <translation>問題のない旅客: 該当なし、短期滞在で上陸</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="521" />
        <source>Passport reported lost (SLTD hit)</source>
        <translation>紛失届のある旅券（紛失・盗難旅券リストに該当）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="522" />
        <source>Biographic watchlist hit (name spelled differently on the list)</source>
        <translation>要注意人物リスト（身分事項）に該当（リスト上のつづりが異なる）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="523" />
        <source>Face and fingerprint match a watchlisted subject under another name</source>
        <translation>顔と指紋が別名で登録された要注意人物と一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="524" />
        <source>Under 16: exempt from biometrics</source>
        <translation>16歳未満: 個人識別情報の提供免除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="525" />
        <source>Traveller from Taiwan (a region, not a country)</source>
        <translation>台湾からの旅客（国ではなく地域）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="526" />
        <source>Clean traveller's passport with an altered chip (name changed after signing)</source>
        <translation>問題のない旅客の旅券、ICチップが改ざんされたもの（署名後に氏名を変更）</translation>
    </message>
</context>
<context>
    <name>ExamScreen</name>
    <message>
        <location filename="../../inspector_app/app/widgets/exam.py" line="63" />
        <source>Go to the status of residence (type-ahead: English, 日本語, kana, romaji)</source>
        <extracomment>Shortcuts of this screen (the window's own are in main_window.shortcut_table). The window's action that switches the booth between arrivals and departures (ui/main_window.ui).</extracomment>
        <translation>在留資格へ移動（入力で絞込み: 英語、日本語、かな、ローマ字）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam.py" line="74" />
        <source>DEPARTURES</source>
        <translation>出国審査</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam.py" line="74" />
        <source>ARRIVALS</source>
        <translation>入国審査</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam.py" line="75" />
        <source>%s switches between arrivals and departures (between travellers)</source>
        <translation>%s で入国審査と出国審査を切り替えます（旅客の合間に）</translation>
    </message>
</context>
<context>
    <name>ExaminationViewModel</name>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="95" />
        <source>Finish this traveller (Save or Next) before changing between arrivals and departures.</source>
        <extracomment>The decision a traveller's screen starts with, by booth direction and by Japanese document. Units an inspector types after a number in the period field ("10 days", "10日", "72h").</extracomment>
        <translation>入国審査と出国審査を切り替える前に、この旅客の審査を終えてください（保存または次へ）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="287" />
        <source>Scan the passport or type the MRZ first.</source>
        <translation>旅券を読み取るか MRZ を入力してください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="290" />
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="291" />
        <source>Finish this traveller (Save or Next) before reading another document.</source>
        <translation>次の旅券を読む前に、この旅客の審査を終えてください（保存または次へ）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="294" />
        <source>Sign in first.</source>
        <translation>先にログインしてください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="333" />
        <source>Bio-cart capture not used: %s</source>
        <translation>バイオカートの取得データは使用しません: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="358" />
        <source>Read the document first: scan the passport, then the camera starts.</source>
        <translation>先に旅券を読み込んでください。旅券を読み取るとカメラが起動します。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="380" />
        <source>Camera: %s</source>
        <translation>カメラ: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="387" />
        <source>Camera: %s — trying again</source>
        <translation>カメラ: %s — 再試行中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="415" />
        <source>Read the document first: scan the passport, then capture the fingerprints.</source>
        <translation>先に旅券を読み込んでください。旅券を読み取ってから指紋を採取します。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="427" />
        <source>Read the document first: scan the passport, then its chip is read.</source>
        <translation>先に旅券を読み取ってください。その後にICチップを読み取ります。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/examination.py" line="624" />
        <source>Nothing to save.</source>
        <translation>保存する内容がありません。</translation>
    </message>
</context>
<context>
    <name>InspectorStatusBar</name>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="40" />
        <source>ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="40" />
        <source>busy</source>
        <translation>処理中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="40" />
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="41" />
        <source>absent</source>
        <translation>未接続</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="41" />
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="41" />
        <source>live</source>
        <translation>撮影中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="52" />
        <source>Camera: %s · Fingerprint: %s</source>
        <translation>カメラ: %s · 指紋: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="54" />
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="56" />
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="57" />
        <source>never</source>
        <translation>未実施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="60" />
        <source>Last sync: %s · queued: %s</source>
        <translation>最終同期: %s · 未送信: %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="62" />
        <source>%n refused by the hub</source>
        <translation>
            <numerusform>%n 件がハブに拒否されました</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="67" />
        <source>Lists: not loaded</source>
        <translation>リスト: 未導入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="69" />
        <source>Lists %.1f h old — OUT OF DATE</source>
        <translation>リスト更新から %.1f 時間 — 期限切れ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="71" />
        <source>Lists %.1f h old</source>
        <translation>リスト更新から %.1f 時間</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="73" />
        <source>inspector</source>
        <translation>入国審査官</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="73" />
        <source>supervisor</source>
        <translation>統括審査官</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="74" />
        <source>administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="77" />
        <source>User: %s</source>
        <translation>ユーザー: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/status_bar.py" line="77" />
        <source>Not signed in</source>
        <translation>未ログイン</translation>
    </message>
</context>
<context>
    <name>LandingPanel</name>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_landing.py" line="48" />
        <source>Looking for the landing record…</source>
        <translation>上陸記録を検索しています…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_landing.py" line="50" />
        <source>Landing record found in this booth's records</source>
        <translation>このブースの記録で上陸記録が見つかりました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_landing.py" line="51" />
        <source>Landing record found at the hub</source>
        <translation>ハブで上陸記録が見つかりました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_landing.py" line="52" />
        <source>Landing record found</source>
        <translation>上陸記録が見つかりました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_landing.py" line="55" />
        <source>No landing record found: type the last day from the landing seal in the passport (Details)</source>
        <translation>上陸記録が見つかりません: 旅券の上陸許可証印の在留期限を入力してください（詳細）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_landing.py" line="58" />
        <source>Japanese national: no landing record to look for</source>
        <translation>日本人: 検索する上陸記録はありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_landing.py" line="60" />
        <source>Read the passport: the landing record is looked for by itself.</source>
        <translation>旅券を読み取ると、上陸記録を自動で検索します。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_landing.py" line="81" />
        <source> (from the landing seal)</source>
        <translation>（上陸許可証印による）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_landing.py" line="84" />
        <source>no last day (unlimited)</source>
        <translation>期限なし（無期限）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_landing.py" line="93" />
        <source>OVERSTAY: %d day(s) beyond the authorised stay</source>
        <translation>超過滞在: 在留期間を %d 日経過</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_landing.py" line="95" />
        <source>Stay not verified: no record and no seal date</source>
        <translation>在留未確認: 記録も証印の日付もありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_landing.py" line="97" />
        <source>Within the authorised stay</source>
        <translation>在留期間内</translation>
    </message>
    <message>
        <location filename="../../ui/exam_landing.ui" line="6" />
        <source>Landing record</source>
        <translation>上陸記録</translation>
    </message>
    <message>
        <location filename="../../ui/exam_landing.ui" line="21" />
        <source>Landed on</source>
        <translation>上陸年月日</translation>
    </message>
    <message>
        <location filename="../../ui/exam_landing.ui" line="35" />
        <source>Granted</source>
        <translation>許可内容</translation>
    </message>
    <message>
        <location filename="../../ui/exam_landing.ui" line="49" />
        <source>Period of stay</source>
        <translation>在留期間</translation>
    </message>
    <message>
        <location filename="../../ui/exam_landing.ui" line="63" />
        <source>Authorised until</source>
        <translation>在留期限</translation>
    </message>
    <message>
        <location filename="../../ui/exam_landing.ui" line="77" />
        <source>Port</source>
        <translation>港</translation>
    </message>
    <message>
        <location filename="../../ui/exam_landing.ui" line="91" />
        <source>Days stayed</source>
        <translation>在留日数</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="99" />
        <source>Locked after 1 minute without activity</source>
        <translation>1分間操作がなかったためロックしました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="100" />
        <source>Locked after %d minutes without activity</source>
        <translation>%d 分間操作がなかったためロックしました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="102" />
        <source>Locked by %s</source>
        <translation>%s がロック</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="103" />
        <source>%s (at %s)</source>
        <translation>%s（%s）</translation>
    </message>
    <message>
        <location filename="../../ui/lock.ui" line="35" />
        <source>Session locked</source>
        <translation>画面ロック中</translation>
    </message>
    <message>
        <location filename="../../ui/lock.ui" line="49" />
        <source>The traveller's data is hidden while the session is locked. Enter your password to return to the same examination, or sign out so that another user can sign in.</source>
        <translation>ロック中は旅客の情報を表示しません。パスワードを入力すると同じ審査に戻ります。別のユーザーがログインする場合はログアウトしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/lock.ui" line="57" />
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <location filename="../../ui/lock.ui" line="67" />
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../ui/lock.ui" line="84" />
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <location filename="../../ui/lock.ui" line="91" />
        <source>Sign out (another user)</source>
        <translation>ログアウト（別のユーザー）</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/login.ui" line="27" />
        <source>Border Inspector — sign in</source>
        <translation>上陸審査端末 — ログイン</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/login.py" line="42" />
        <source>Port: %s · Booth: %s</source>
        <translation>港: %s · ブース: %s</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="47" />
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="58" />
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="73" />
        <source>Sign in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="85" />
        <source>Credentials are checked on this workstation (works offline). Ctrl+J switches English / 日本語.</source>
        <translation>認証はこの端末で行います（オフライン可）。Ctrl+J で English / 日本語 を切替。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.ui" line="39" />
        <source>Dismiss (Esc)</source>
        <translation>閉じる (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="52" />
        <source>&amp;Session</source>
        <translation>セッション(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="57" />
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="66" />
        <source>&amp;Examination</source>
        <translation>審査(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="84" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="93" />
        <source>Lock the session</source>
        <translation>画面をロック</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="104" />
        <source>Examination screen</source>
        <translation>審査画面</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="109" />
        <source>Supervisor screen</source>
        <translation>統括審査官画面</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="119" />
        <source>Switch language English / 日本語</source>
        <translation>言語切替 English / 日本語</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="124" />
        <source>Dismiss the message</source>
        <translation>メッセージを閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="129" />
        <source>Go to the MRZ field</source>
        <translation>MRZ 欄へ移動</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="134" />
        <source>Read the document (MRZ)</source>
        <translation>旅券（MRZ）を読込</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="139" />
        <source>Start the camera</source>
        <translation>カメラを起動</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="144" />
        <source>Capture the face now</source>
        <translation>今すぐ顔を撮影</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="149" />
        <source>Retake the face</source>
        <translation>顔を撮り直す</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="154" />
        <source>Capture fingerprints</source>
        <translation>指紋を採取</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="159" />
        <source>Read the passport's chip (again)</source>
        <translation>旅券のICチップを（再）読み取り</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="164" />
        <source>Biometric exemption</source>
        <translation>個人識別情報の提供免除</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="169" />
        <source>Go to the checks list (evidence)</source>
        <translation>照合結果（証拠）へ移動</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="174" />
        <source>Go to the decision</source>
        <translation>判定へ移動</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="179" />
        <source>Save the decision (then the seal is written)</source>
        <translation>判定を保存（その後に証印を作成）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="184" />
        <source>Print the seal or the departure slip</source>
        <translation>証印または出国確認票を印刷</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="189" />
        <source>Next traveller (clears the screen)</source>
        <translation>次の旅客（画面を消去）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="194" />
        <source>Switch between arrivals and departures</source>
        <translation>入国審査と出国審査を切り替え</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="199" />
        <source>Show the list of shortcuts</source>
        <translation>ショートカット一覧を表示</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="167" />
        <source>Face and fingerprint matching could not start: %s</source>
        <translation>顔・指紋の照合を開始できませんでした: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="171" />
        <source>Sync with the hub could not start: %s</source>
        <translation>ハブとの同期を開始できませんでした: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="175" />
        <source>The manifest folder could not be watched: %s</source>
        <translation>乗客名簿フォルダを監視できません: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="211" />
        <source>Administrator tools are on the command line: inspector-app --help</source>
        <translation>管理者機能はコマンドラインにあります: inspector-app --help</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="216" />
        <source>Examination — DEPARTURES</source>
        <translation>審査 — 出国審査</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="217" />
        <source>Examination — ARRIVALS</source>
        <translation>審査 — 入国審査</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="218" />
        <source>Sign in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="219" />
        <source>Supervisor</source>
        <translation>統括審査官</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="219" />
        <location filename="../../ui/main_window.ui" line="114" />
        <source>Pre-arrival manifests</source>
        <translation>到着前の乗客名簿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="220" />
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="221" />
        <source>%s, booth %s</source>
        <translation>%s、ブース %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="222" />
        <location filename="../../ui/main_window.ui" line="5" />
        <source>Border Inspector</source>
        <translation>上陸審査端末</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="245" />
        <source>This traveller has %d open hit(s) and no saved decision.</source>
        <translation>この旅客には未解除の該当が %d 件あり、判定が保存されていません。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="246" />
        <source>No decision is saved for this traveller yet.</source>
        <translation>この旅客の判定はまだ保存されていません。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="247" />
        <source>Leave this traveller?</source>
        <translation>審査を中断しますか？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="249" />
        <source>If you leave, the examination stays recorded without a decision.</source>
        <translation>中断すると、審査は判定なしで記録されたままになります。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="250" />
        <source>Stay with this traveller</source>
        <translation>この旅客の審査を続ける</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="279" />
        <source>Next traveller</source>
        <translation>次の旅客</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="282" />
        <location filename="../../ui/main_window.ui" line="99" />
        <source>Sign out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="458" />
        <source>Save a landing permission first.</source>
        <translation>先に上陸許可を保存してください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="496" />
        <source>Close the window</source>
        <translation>ウィンドウを閉じる</translation>
    </message>
</context>
<context>
    <name>ManifestScreen</name>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="68" />
        <source>Flight / ship</source>
        <extracomment>the share of the width for the list and the people (1366×768: about 560/780) a person's screening state: the badge it is shown with</extracomment>
        <translation>便名・船名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="68" />
        <source>Scheduled arrival</source>
        <translation>到着予定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="69" />
        <source>From → to</source>
        <translation>出発地 → 到着地</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="69" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="69" />
        <source>Flagged</source>
        <translation>要確認</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="70" />
        <source>Not checked</source>
        <translation>未照合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="71" />
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="71" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="71" />
        <source>Document</source>
        <translation>旅券</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="72" />
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="72" />
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="77" />
        <source>FLAGGED</source>
        <translation>要確認</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="77" />
        <source>NOT CHECKED</source>
        <translation>未照合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="78" />
        <source>CLEAN</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="102" />
        <location filename="../../inspector_app/app/widgets/manifests.py" line="132" />
        <source>crew</source>
        <translation>乗員</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="102" />
        <location filename="../../inspector_app/app/widgets/manifests.py" line="132" />
        <source>passengers</source>
        <translation>乗客</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="133" />
        <source>%1 %2 → %3, arriving %4: %5 %6, %7 flagged, %8 not checked</source>
        <translation>%1 %2 → %3、%4 到着予定: %6 %5 名、要確認 %7 名、未照合 %8 名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="142" />
        <source>No manifest selected</source>
        <translation>乗客名簿が選択されていません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="143" />
        <source>Reading the manifest…</source>
        <translation>乗客名簿を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="150" />
        <source> (crew)</source>
        <translation>（乗員）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="168" />
        <source>Import manifest file</source>
        <translation>乗客名簿ファイルの取り込み</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="169" />
        <source>PAXLST files (*.edi *.txt *.paxlst *.api);;All files (*)</source>
        <translation>PAXLST ファイル (*.edi *.txt *.paxlst *.api);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="171" />
        <source>Reading %s…</source>
        <translation>%s を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="179" />
        <source>%1 refused, nothing imported: %2</source>
        <translation>%1 は受け付けられません。何も取り込んでいません: %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="181" />
        <source>%s was imported before: nothing added</source>
        <translation>%s は取り込み済みです。追加はありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/manifests.py" line="185" />
        <source>%1 imported: %2, %3 people, %4 flagged</source>
        <translation>%1 を取り込みました: %2、%3 名、要確認 %4 名</translation>
    </message>
</context>
<context>
    <name>ManifestViewModel</name>
    <message>
        <location filename="../../inspector_app/app/viewmodels/manifests.py" line="64" />
        <source>The manifests could not be read</source>
        <extracomment>``Backend.import_manifest``'s answer: imported, duplicate or refused (with the reason)</extracomment>
        <translation>乗客名簿の一覧を読み込めません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/manifests.py" line="82" />
        <source>The manifest could not be read</source>
        <translation>乗客名簿を読み込めません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/manifests.py" line="105" />
        <source>The manifest file could not be imported</source>
        <translation>乗客名簿ファイルを取り込めません</translation>
    </message>
</context>
<context>
    <name>ManifestsForm</name>
    <message>
        <location filename="../../ui/manifests.ui" line="31" />
        <source>Read a PAXLST file (a USB stick from the ship's agent), screen everyone on it and keep the result</source>
        <translation>PAXLST ファイル（船舶代理店の USB メモリなど）を読み込み、記載された全員を照合して結果を保存します</translation>
    </message>
    <message>
        <location filename="../../ui/manifests.ui" line="34" />
        <source>Import manifest file… (Ctrl+O)</source>
        <translation>乗客名簿ファイルの取り込み…（Ctrl+O）</translation>
    </message>
    <message>
        <location filename="../../ui/manifests.ui" line="66" />
        <source>Pre-arrival manifests</source>
        <translation>到着前の乗客名簿</translation>
    </message>
    <message>
        <location filename="../../ui/manifests.ui" line="110" />
        <source>People on the manifest, flagged first</source>
        <translation>乗客名簿の記載者（要確認を先頭に表示）</translation>
    </message>
</context>
<context>
    <name>MrzPanel</name>
    <message>
        <location filename="../../ui/exam_mrz.ui" line="6" />
        <source>Document (MRZ) — Ctrl+Enter reads</source>
        <translation>旅券（MRZ）— Ctrl+Enter で読込</translation>
    </message>
    <message>
        <location filename="../../ui/exam_mrz.ui" line="47" />
        <source>Read document</source>
        <translation>旅券を読込</translation>
    </message>
    <message>
        <location filename="../../ui/exam_mrz.ui" line="30" />
        <source>P&lt;JPNSAMPLE&lt;&lt;HANAKO&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;
...</source>
        <translation>P&lt;JPNSAMPLE&lt;&lt;HANAKO&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;
...</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="114" />
        <source>expected</source>
        <translation>正しくは</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="123" />
        <source>all %d check digits</source>
        <translation>チェックディジット全 %d 個正常</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="124" />
        <source>line %s: %s/%s characters</source>
        <translation>%s 行目: %s/%s 文字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/exam_panels.py" line="130" />
        <source>invalid characters at columns %s</source>
        <translation>%s 桁目に無効な文字</translation>
    </message>
</context>
<context>
    <name>SessionViewModel</name>
    <message>
        <location filename="../../inspector_app/app/viewmodels/session.py" line="34" />
        <source>Enter your user name and password.</source>
        <translation>ユーザー名とパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/session.py" line="42" />
        <source>User name or password is wrong.</source>
        <translation>ユーザー名またはパスワードが違います。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/session.py" line="49" />
        <source>This account has no role at this booth.</source>
        <translation>このアカウントにはこのブースでの権限がありません。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/session.py" line="90" />
        <source>Password is wrong.</source>
        <translation>パスワードが違います。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="68" />
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="72" />
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/main_window.py" line="72" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>SupervisorForm</name>
    <message>
        <location filename="../../ui/supervisor.ui" line="31" />
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="38" />
        <source>Examinations of this booth with a flag no supervisor has reviewed yet</source>
        <translation>このブースの審査で、統括審査官が未確認の要確認事項があるもの</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="41" />
        <source>Open (Alt+O)</source>
        <translation>未確認 (Alt+O)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="51" />
        <source>Examinations whose flags you reviewed, newest first, to look back at or correct</source>
        <translation>自分が確認した審査（新しい順）。見直し・訂正用</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="54" />
        <source>Reviewed by me (Alt+M)</source>
        <translation>自分が確認済み (Alt+M)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="61" />
        <source>Open flags of every booth of this port, from the hub</source>
        <translation>この港の全ブースの未確認の要確認事項（ハブから取得）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="64" />
        <source>All booths of the port (Alt+P)</source>
        <translation>港の全ブース (Alt+P)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="93" />
        <source>Flagged examinations</source>
        <translation>要確認の審査</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="133" />
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="138" />
        <source>Traveller</source>
        <translation>旅客</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="143" />
        <source>Booth</source>
        <translation>ブース</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="148" />
        <source>Inspector</source>
        <translation>入国審査官</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="153" />
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="158" />
        <source>Flags</source>
        <translation>要確認事項</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="167" />
        <source>Examination</source>
        <translation>審査</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="190" />
        <source>Flags (Enter from the list; Up/Down to choose)</source>
        <translation>要確認事項（一覧から Enter、↑↓ で選択）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="227" />
        <source>Live capture at the booth</source>
        <translation>ブースで取得した画像</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="263" />
        <source>Watchlist enrolment</source>
        <translation>リストの登録画像</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="308" />
        <source>Review</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="316" />
        <source>✖ Confirm hit (Alt+1)</source>
        <translation>✖ 該当を確定 (Alt+1)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="323" />
        <source>✔ Clear hit (Alt+2)</source>
        <translation>✔ 該当を解除 (Alt+2)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="341" />
        <source>Reason (required)</source>
        <translation>理由（必須）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="348" />
        <source>Record review (Ctrl+R)</source>
        <translation>審査結果を記録 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.ui" line="362" />
        <source>Review history (who, when)</source>
        <translation>審査履歴（誰が・いつ）</translation>
    </message>
</context>
<context>
    <name>SupervisorScreen</name>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="162" />
        <source>This booth has no hub to ask, so the other booths cannot be shown: this booth's open flags only.</source>
        <extracomment>queue columns: each but the last fits its contents up to a limit (longer text is cut with "…" and shown whole in its tooltip and in the detail); the last, flags, takes the rest the share of the width for the list, the examination and the review (1366×768: 700/380/270)</extracomment>
        <translation>このブースにはハブがないため他のブースは表示できません。このブースの未確認分のみ表示します。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="164" />
        <source>Your signing key is not open on this booth (sign in again), so the other booths cannot be shown: this booth's open flags only.</source>
        <translation>このブースで署名鍵が開かれていないため（再ログインしてください）、他のブースは表示できません。このブースの未確認分のみ表示します。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="166" />
        <source>The hub cannot be reached, so the other booths cannot be shown: this booth's open flags only. It is asked again every few seconds.</source>
        <translation>ハブに接続できないため他のブースは表示できません。このブースの未確認分のみ表示します。数秒ごとに再接続します。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="168" />
        <source>The hub did not accept you as a supervisor of this port, so the other booths cannot be shown: this booth's open flags only.</source>
        <translation>ハブがこの港の統括審査官として認証しなかったため、他のブースは表示できません。このブースの未確認分のみ表示します。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="174" />
        <source>Every booth of the port, from the hub.</source>
        <translation>港の全ブース（ハブから取得）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="176" />
        <source>Examinations whose flags you reviewed, newest first.</source>
        <translation>自分が確認した審査（新しい順）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="178" />
        <source>This booth's flags that no supervisor has reviewed yet.</source>
        <translation>このブースの、統括審査官が未確認の要確認事項。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="188" />
        <source>(at its booth)</source>
        <translation>（ブースにあり）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="188" />
        <source>The traveller's data stays at booth %s.</source>
        <translation>旅客の情報はブース %s にあります。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="190" />
        <source>(name not read)</source>
        <translation>（氏名未読込）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="197" />
        <source>none yet</source>
        <translation>まだなし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="197" />
        <source>The inspector has not decided yet.</source>
        <translation>入国審査官はまだ判定していません。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="202" />
        <source>reviewed</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="261" />
        <source>override</source>
        <translation>判断変更</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="261" />
        <source>correction</source>
        <translation>訂正</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="266" />
        <source>Reasons: %s</source>
        <translation>理由: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="268" />
        <source>Note: %s</source>
        <translation>備考: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="281" />
        <source>Loading the examination…</source>
        <translation>審査を読込中…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="282" />
        <source>No examination selected: the list is empty.</source>
        <translation>審査が選択されていません（一覧が空です）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="293" />
        <source>Recorded at booth %s: the traveller's data stays there, your review reaches it through the hub.</source>
        <translation>ブース %s で記録: 旅客の情報はそのブースにあり、確認結果はハブ経由で届きます。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="298" />
        <source>Examined by %s at booth %s, %s</source>
        <translation>審査: %s（ブース %s、%s）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="302" />
        <source>✖ Your own examination: another supervisor must review it.</source>
        <translation>✖ ご自身の審査です: 別の統括審査官が確認してください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="305" />
        <source>Inspector's decision: %s</source>
        <translation>入国審査官の判定: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="306" />
        <source>Inspector's decision: none recorded yet.</source>
        <translation>入国審査官の判定: まだ記録なし。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="329" />
        <source>%s · %s · %s: %s · “%s”</source>
        <translation>%s · %s · %s: %s · 「%s」</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="338" />
        <source>List record: %s</source>
        <translation>リストの記録: %s</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="344" />
        <source>Reviewed: %s by %s, %s</source>
        <translation>確認: %s（%s、%s）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="375" />
        <source>Loading…</source>
        <translation>読込中…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="382" />
        <source>No live capture recorded.</source>
        <translation>取得画像の記録なし。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="384" />
        <source>No enrolment image at the booth.</source>
        <translation>ブースに登録画像なし。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="406" />
        <source>Your own examination: another supervisor must review it.</source>
        <translation>ご自身の審査です: 別の統括審査官が確認してください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="408" />
        <source>Wait a moment: the examination is still loading.</source>
        <translation>お待ちください: 審査を読込中です。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="412" />
        <source>Choose the flag to review.</source>
        <translation>確認する要確認事項を選んでください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="423" />
        <source>Change a recorded review?</source>
        <translation>記録済みの確認を変更しますか？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="424" />
        <source>This flag already has a review:
%s, %s by %s, %s.
Reason: “%s”</source>
        <translation>この要確認事項は確認済みです:
%s、%s（%s、%s）
理由:「%s」</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="429" />
        <source>Record a new review, %s, after it? Both stay in the history.</source>
        <translation>その後に新しい確認（%s）を記録しますか？ 両方とも履歴に残ります。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="431" />
        <source>Keep the recorded review</source>
        <translation>記録済みの確認を維持</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="432" />
        <source>Record the new review</source>
        <translation>新しい確認を記録</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="442" />
        <source>The recorded review is unchanged.</source>
        <translation>記録済みの確認は変更していません。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/widgets/supervisor.py" line="453" />
        <source>Review recorded: %s</source>
        <translation>記録しました: %s</translation>
    </message>
</context>
<context>
    <name>SupervisorViewModel</name>
    <message>
        <location filename="../../inspector_app/app/viewmodels/supervisor.py" line="109" />
        <source>The list could not be read</source>
        <extracomment>check-result outcomes a supervisor reviews (hit, override, exception, low quality) ``open``: flags nobody reviewed yet at this booth; ``mine``: examinations whose flags the signed-in supervisor reviewed (their own work, to look back at or correct); ``port``: every booth of the port, from the hub's port queue (this booth's alone when the hub cannot be read). (filter, problem): problem is "" or why the port's queue is not shown (no_hub, no_key, unreachable, refused), and then the list is this booth's own {"check_result_id", "live": [bytes], "enrolment": bytes | None}</extracomment>
        <translation>一覧を読み込めませんでした</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/supervisor.py" line="161" />
        <location filename="../../inspector_app/app/viewmodels/supervisor.py" line="165" />
        <source>The examination could not be opened</source>
        <translation>審査を開けませんでした</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/supervisor.py" line="224" />
        <source>The pictures could not be read</source>
        <translation>画像を読み込めませんでした</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/supervisor.py" line="230" />
        <source>Choose confirm or clear.</source>
        <translation>確定か解除を選んでください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/supervisor.py" line="233" />
        <source>A reason is required for every review.</source>
        <translation>審査結果には必ず理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/supervisor.py" line="236" />
        <source>The examination shown is not the one selected yet: wait for it, then review.</source>
        <translation>表示中の審査は選択したものではありません。表示されてから確認してください。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/supervisor.py" line="264" />
        <source>Review not sent to the hub</source>
        <translation>確認結果をハブに未送信</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/viewmodels/supervisor.py" line="268" />
        <source>Review not recorded</source>
        <translation>確認結果を記録できません</translation>
    </message>
</context>
<context>
    <name>TravellerPanel</name>
    <message>
        <location filename="../../ui/exam_traveller.ui" line="6" />
        <source>Traveller</source>
        <translation>旅客</translation>
    </message>
    <message>
        <location filename="../../ui/exam_traveller.ui" line="12" />
        <source>Surname</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../ui/exam_traveller.ui" line="32" />
        <source>Given names</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../ui/exam_traveller.ui" line="52" />
        <source>Document no.</source>
        <translation>旅券番号</translation>
    </message>
    <message>
        <location filename="../../ui/exam_traveller.ui" line="72" />
        <source>Issuing state</source>
        <translation>発行国</translation>
    </message>
    <message>
        <location filename="../../ui/exam_traveller.ui" line="92" />
        <source>Nationality / region</source>
        <translation>国籍・地域</translation>
    </message>
    <message>
        <location filename="../../ui/exam_traveller.ui" line="112" />
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../ui/exam_traveller.ui" line="132" />
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../ui/exam_traveller.ui" line="152" />
        <source>Expiry</source>
        <translation>有効期限</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="9" />
        <source>1 day</source>
        <translation>1日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="11" />
        <source>1 month</source>
        <translation>1月</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="12" />
        <source>1 year</source>
        <translation>1年</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="13" />
        <source>1:N face index</source>
        <translation>顔の1対N照合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="14" />
        <source>1:N finger index</source>
        <translation>指紋の1対N照合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="15" />
        <source>Active Authentication</source>
        <translation>アクティブ認証</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="16" />
        <source>Arabic article al- joined or dropped</source>
        <translation>アラビア語の冠詞 al- の連結・省略</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="17" />
        <source>Arabic vowel spelling variant</source>
        <translation>アラビア語の母音表記の揺れ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="18" />
        <source>Artist</source>
        <translation>芸術</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="19" />
        <source>BAC</source>
        <translation>BAC</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="20" />
        <source>Business Manager</source>
        <translation>経営・管理</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="22" />
        <source>Chip Authentication</source>
        <translation>チップ認証</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="23" />
        <source>Crew landing</source>
        <translation>乗員上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="24" />
        <source>Cruise-ship tourist landing</source>
        <translation>船舶観光上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="25" />
        <source>Cultural Activities</source>
        <translation>文化活動</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="26" />
        <source>Cyrillic transliteration variant</source>
        <translation>キリル文字の翻字の揺れ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="28" />
        <source>Departure confirmation</source>
        <translation>出国確認</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="29" />
        <source>Dependent</source>
        <translation>家族滞在</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="30" />
        <source>Designated Activities</source>
        <translation>特定活動</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="33" />
        <source>Designated by ordinance</source>
        <translation>法務省令で定める者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="34" />
        <source>Diplomat</source>
        <translation>外交</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="35" />
        <source>Diplomat activities</source>
        <translation>「外交」の活動を行う者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="38" />
        <source>Emergency landing</source>
        <translation>緊急上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="39" />
        <source>Engineer/Specialist in Humanities/International Services</source>
        <translation>技術・人文知識・国際業務</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="40" />
        <source>Entertainer</source>
        <translation>興行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="41" />
        <source>Hepburn/Kunrei romanisation</source>
        <translation>ヘボン式／訓令式表記</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="45" />
        <source>Highly-Skilled Professional (ii)</source>
        <translation>高度専門職2号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="46" />
        <source>ICAO transliteration vs diacritics dropped</source>
        <translation>ICAO 翻字と記号省略の違い</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="47" />
        <source>IMO {imo} fails its check digit: check the number</source>
        <translation>IMO番号 {imo} のチェックディジットが一致しません。番号を確認してください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="48" />
        <source>Instructor</source>
        <translation>教育</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="49" />
        <source>Intra-company Transferee</source>
        <translation>企業内転勤</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="50" />
        <source>Invited by the head of a national administrative organ</source>
        <translation>国の行政機関の長が招へいする者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="51" />
        <source>Japanese national (departure confirmation)</source>
        <translation>日本人（出国の確認）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="52" />
        <source>Japanese national (return confirmation)</source>
        <translation>日本人（帰国の確認）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="53" />
        <source>Japanese nationals receive no status of residence or period of stay</source>
        <translation>日本人には在留資格・在留期間を決定しません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="54" />
        <source>Journalist</source>
        <translation>報道</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="55" />
        <source>Korean romanisation (RR, McCune-Reischauer, passport spelling)</source>
        <translation>韓国語のローマ字表記（文化観光部式、マッキューン＝ライシャワー式、旅券表記）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="56" />
        <source>LANDING PERMISSION</source>
        <translation>LANDING PERMISSION</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="57" />
        <source>LANDING PERMISSION AT PORT OF CALL</source>
        <translation>寄港地上陸許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="58" />
        <source>LANDING PERMISSION DUE TO DISTRESS</source>
        <translation>遭難による上陸許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="59" />
        <source>LANDING PERMISSION FOR CREW</source>
        <translation>乗員上陸許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="60" />
        <source>LANDING PERMISSION FOR CRUISE SHIP TOURISTS</source>
        <translation>船舶観光上陸許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="61" />
        <source>LANDING PERMISSION FOR TEMPORARY REFUGE</source>
        <translation>一時庇護のための上陸許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="62" />
        <source>LANDING PERMISSION FOR TRANSIT</source>
        <translation>通過上陸許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="63" />
        <source>Landing due to distress</source>
        <translation>遭難による上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="64" />
        <source>Landing for temporary refuge</source>
        <translation>一時庇護のための上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="65" />
        <source>Landing permission</source>
        <translation>上陸許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="66" />
        <source>Legal/Accounting Services</source>
        <translation>法律・会計業務</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="67" />
        <source>Long-Term Resident</source>
        <translation>定住者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="68" />
        <source>Medical Services</source>
        <translation>医療</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="69" />
        <source>Nursing Care</source>
        <translation>介護</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="70" />
        <source>Official</source>
        <translation>公用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="71" />
        <source>Official activities</source>
        <translation>「公用」の活動を行う者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="72" />
        <source>PACE with the CAN</source>
        <translation>CANによるPACE</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="73" />
        <source>PACE with the MRZ</source>
        <translation>MRZによるPACE</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="74" />
        <source>Permanent Resident</source>
        <translation>永住者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="75" />
        <source>Port-of-call landing (shore pass)</source>
        <translation>寄港地上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="76" />
        <source>Professor</source>
        <translation>教授</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="77" />
        <source>RE-ENTRY (RETURNING RESIDENT)</source>
        <translation>再入国</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="78" />
        <source>Referral to special inquiry officer</source>
        <translation>特別審理官への引渡し</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="79" />
        <source>Religious Activities</source>
        <translation>宗教</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="80" />
        <source>Researcher</source>
        <translation>研究</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="81" />
        <source>Returning resident (re-entry permit)</source>
        <translation>再入国（再入国許可）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="82" />
        <source>SPECIAL LANDING PERMISSION</source>
        <translation>上陸特別許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="83" />
        <source>Skilled Labor</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="84" />
        <source>Special landing permission</source>
        <translation>上陸特別許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="85" />
        <source>Special permanent resident</source>
        <translation>特別永住者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="86" />
        <source>Specified Skilled Worker (i)</source>
        <translation>特定技能1号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="87" />
        <source>Specified Skilled Worker (ii)</source>
        <translation>特定技能2号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="88" />
        <source>Spouse or Child of Japanese National</source>
        <translation>日本人の配偶者等</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="89" />
        <source>Spouse or Child of Permanent Resident</source>
        <translation>永住者の配偶者等</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="90" />
        <source>Student</source>
        <translation>留学</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="91" />
        <source>Technical Intern Training (i)(a)</source>
        <translation>技能実習1号イ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="92" />
        <source>Technical Intern Training (i)(b)</source>
        <translation>技能実習1号ロ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="93" />
        <source>Technical Intern Training (ii)(a)</source>
        <translation>技能実習2号イ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="94" />
        <source>Technical Intern Training (ii)(b)</source>
        <translation>技能実習2号ロ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="95" />
        <source>Technical Intern Training (iii)(a)</source>
        <translation>技能実習3号イ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="96" />
        <source>Technical Intern Training (iii)(b)</source>
        <translation>技能実習3号ロ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="97" />
        <source>Temporary Visitor</source>
        <translation>短期滞在</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="98" />
        <source>Trainee</source>
        <translation>研修</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="99" />
        <source>Transit landing</source>
        <translation>通過上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="100" />
        <source>Under 16 years of age</source>
        <translation>16歳未満</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="101" />
        <source>Wade-Giles/pinyin romanisation</source>
        <translation>ウェード式／ピンイン表記</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="102" />
        <source>a Japanese passport: confirm a Japanese national's departure instead</source>
        <translation>日本国旅券です。日本人の出国確認として記録してください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="103" />
        <source>a biometric exception for the {finger} needs a reason</source>
        <translation>{finger}の例外には理由が必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="104" />
        <source>a booth serves arrivals or departures, not {direction}</source>
        <translation>ブースは入国か出国のいずれかを扱います（{direction} は不可）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="105" />
        <source>a capture is below the quality threshold</source>
        <translation>品質基準に満たない取得があります</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="106" />
        <source>a correction needs a reason</source>
        <translation>訂正には理由が必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="107" />
        <source>a departure grants no status or period</source>
        <translation>出国では在留資格・在留期間を決定しません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="108" />
        <source>a departures</source>
        <translation>出国</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="109" />
        <source>a detail of the decision cannot be read</source>
        <translation>判定の記録事項を読み取れません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="110" />
        <source>a fingerprint or the face could not be captured (exception recorded)</source>
        <translation>指紋または顔を取得できませんでした（例外を記録）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="111" />
        <source>a mid-to-long-term resident receives a residence card: record it issued at the port or to be mailed</source>
        <translation>中長期在留者には在留カードを交付します。港で交付したか後日郵送かを記録してください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="112" />
        <source>a period designated by the Minister of Justice up to {period}</source>
        <translation>法務大臣が個々に指定する期間（{period}以内）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="113" />
        <source>a period in hours needs the hour of landing</source>
        <translation>時間単位の期間には上陸の時刻が必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="114" />
        <source>a period must be text like 90d, 3m, 1y, 4y3m or unlimited, not {text}</source>
        <translation>在留期間は 90d、3m、1y、4y3m、unlimited のように入力してください（入力: {text}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="115" />
        <source>a period of less than {period}</source>
        <translation>{period}未満の期間</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="116" />
        <source>a referral to a special inquiry officer needs at least one reason</source>
        <translation>特別審理官への引渡しには理由が1つ以上必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="117" />
        <source>a returning resident</source>
        <translation>再入国者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="118" />
        <source>a returning resident keeps the period of stay already granted: record when it ends instead</source>
        <translation>再入国者は既に決定された在留期間を引き継ぎます。代わりに在留期間の満了日を記録してください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="119" />
        <source>a saved decision was corrected</source>
        <translation>保存済みの判定が訂正されました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="120" />
        <source>a screening list was not checked</source>
        <translation>照合していないリストがあります</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="121" />
        <source>a special permanent resident is recorded as a returning resident</source>
        <translation>特別永住者は再入国者として記録します</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="122" />
        <source>a special re-entry permit allows a return within one year of departure (and not after the period of stay)</source>
        <translation>みなし再入国許可による再入国は出国の日から1年以内（在留期間の満了日まで）に限られます</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="124" />
        <source>a watchlist or document hit is open: a supervisor must clear it first</source>
        <translation>要注意人物リストまたは旅券の該当が未解除です。先に統括審査官の解除が必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="125" />
        <source>a watchlist or document hit was found</source>
        <translation>要注意人物リストまたは旅券の該当がありました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="126" />
        <source>activities of the status of residence {status}</source>
        <translation>在留資格「{status}」の活動</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="127" />
        <source>aged {age} on {date} (born {birth})</source>
        <translation>{date} 時点で {age} 歳（{birth} 生まれ）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="128" />
        <source>aged {age} on {date}, not under 16</source>
        <translation>{date} 時点で {age} 歳、16歳未満ではありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="129" />
        <source>amputated</source>
        <translation>欠損</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="130" />
        <source>an MRZ check digit fails</source>
        <translation>MRZ のチェックディジットが一致しません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="131" />
        <source>an arrivals</source>
        <translation>入国</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="132" />
        <source>an inspector overrode a rule</source>
        <translation>入国審査官が規則の判断を変更しました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="133" />
        <source>an override needs a reason</source>
        <translation>判断変更には理由が必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="134" />
        <source>bandaged</source>
        <translation>包帯</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="135" />
        <source>best quality {quality} &lt; {threshold} after {attempts} attempts</source>
        <translation>{attempts} 回試行し最高品質 {quality}（基準 {threshold} 未満）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="136" />
        <source>bio-cart capture from {station}</source>
        <translation>バイオカート {station} で取得</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="137" />
        <source>bio-cart captures are for arrivals</source>
        <translation>バイオカートの取得データは入国審査でのみ使用します</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="138" />
        <source>biographic watchlist</source>
        <translation>要注意人物リスト（身分事項）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="139" />
        <source>biometric watchlist</source>
        <translation>要注意人物リスト（生体情報）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="140" />
        <source>birth date differs ({date} vs {other})</source>
        <translation>生年月日が異なる（{date} と {other}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="141" />
        <source>birth date {date} matches exactly</source>
        <translation>生年月日 {date} が完全一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="142" />
        <source>birth date: day and month swapped ({date} vs {other})</source>
        <translation>生年月日: 日と月が逆（{date} と {other}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="143" />
        <source>birth date: month of {date} matches the day of {other} (day/month swapped)</source>
        <translation>生年月日: {date} の月が {other} の日と一致（日と月が逆）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="144" />
        <source>birth date: not known on one side</source>
        <translation>生年月日: 一方が不明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="145" />
        <source>birth date: same year only ({date} vs {other})</source>
        <translation>生年月日: 年のみ一致（{date} と {other}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="146" />
        <source>birth date: same year, day differs ({date} vs {other})</source>
        <translation>生年月日: 同じ年で日が異なる（{date} と {other}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="147" />
        <source>birth date: same year, month differs ({date} vs {other})</source>
        <translation>生年月日: 同じ年で月が異なる（{date} と {other}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="148" />
        <source>birth date: year and month {month} match</source>
        <translation>生年月日: 年月 {month} が一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="149" />
        <source>birth date: year differs by one ({date} vs {other})</source>
        <translation>生年月日: 年が1年違い（{date} と {other}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="150" />
        <source>birth date: year only {year} matches</source>
        <translation>生年月日: 年 {year} のみ一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="151" />
        <source>birth month differs ({date} vs {other})</source>
        <translation>生まれ月が異なる（{date} と {other}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="152" />
        <source>blurred: sharpness {value} &lt; {limit}</source>
        <translation>ぼやけています: 鮮明度 {value}（基準 {limit}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="153" />
        <source>cannot read the fingerprint image {path}: {problem}</source>
        <translation>指紋画像 {path} を読み込めません: {problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="154" />
        <source>cannot read the photo {path}</source>
        <translation>写真 {path} を読み込めません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="155" />
        <source>certificate {number} for {coe}, granted {status}</source>
        <translation>在留資格認定証明書 {number} は{coe}、決定した在留資格は{status}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="156" />
        <source>check digits or fillers</source>
        <translation>チェックディジットまたは埋め字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="157" />
        <source>check digits valid; expires {date}</source>
        <translation>チェックディジット正常、有効期限 {date}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="158" />
        <source>chip not read: {state}</source>
        <translation>ICチップ未読取: {state}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="159" />
        <source>chip photo against the live face: similarity {score} of 100, a match from {threshold}</source>
        <translation>ICチップの顔写真と本人の顔: 類似度 {score}（100 点中、{threshold} 以上で一致）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="160" />
        <source>chip read</source>
        <translation>ICチップを読み取りました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="161" />
        <source>choose a period of stay</source>
        <translation>在留期間を選んでください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="162" />
        <source>choose a status of residence</source>
        <translation>在留資格を選んでください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="163" />
        <source>claimed: {ground}</source>
        <translation>申告: {ground}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="164" />
        <source>composite check digit</source>
        <translation>総合チェックディジット</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="165" />
        <source>compound {role} {name} ~ {other} (written as one/several words)</source>
        <translation>複合{role} {name} ≒ {other}（一語／複数語の表記）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="166" />
        <source>crew member's document number</source>
        <translation>乗員手帳等の番号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="167" />
        <source>cruise ship (name or IMO number)</source>
        <translation>クルーズ船（船名またはIMO番号）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="168" />
        <source>date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="169" />
        <source>date of departure from Japan</source>
        <translation>出国年月日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="170" />
        <source>decision reference</source>
        <translation>許可の参照番号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="171" />
        <source>decision {decision} corrected: {reason}</source>
        <translation>判定 {decision} を訂正: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="172" />
        <source>declared by the inspector</source>
        <translation>入国審査官が申告</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="173" />
        <source>departure confirmation</source>
        <translation>出国確認</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="174" />
        <source>designated by ordinance: {designation}</source>
        <translation>法務省令で定める者: {designation}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="175" />
        <source>designated by the Commissioner</source>
        <translation>長官が指定する船舶</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="176" />
        <source>designation (Designated Activities)</source>
        <translation>指定書の内容（特定活動）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="177" />
        <source>designation as written</source>
        <translation>指定書の記載内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="178" />
        <source>details this decision records are missing</source>
        <translation>この判定に必要な記録事項がありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="179" />
        <source>device error</source>
        <translation>機器エラー</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="180" />
        <source>document number</source>
        <translation>旅券番号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="181" />
        <source>document type</source>
        <translation>文書の種類</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="182" />
        <source>document {document} is listed as {status}</source>
        <translation>旅券 {document} は「{status}」として登録されています</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="183" />
        <source>domestic worker of a diplomat</source>
        <translation>外交官等の家事使用人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="184" />
        <source>earlier encounter on another document of the same name</source>
        <translation>同一氏名の別の旅券による過去の審査記録</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="185" />
        <source>earlier encounter under another identity</source>
        <translation>別の身分事項による過去の審査記録</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="186" />
        <source>emergency landing permission</source>
        <translation>緊急上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="187" />
        <source>every port's encounters, at the hub</source>
        <translation>ハブ上の全港の審査記録</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="188" />
        <source>every port's encounters, at the hub, after the booth came back online</source>
        <translation>ブースの通信回復後、ハブ上の全港の審査記録</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="189" />
        <source>exact</source>
        <translation>完全一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="190" />
        <source>exact match on issuing state + document type + normalised number (keyed 64-bit hash)</source>
        <translation>発行国・旅券種別・旅券番号が完全一致（鍵付き64ビットハッシュ）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="191" />
        <source>exemption withdrawn</source>
        <translation>提供免除を取り消しました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="192" />
        <source>expected text, got {type}</source>
        <translation>文字列が必要です（{type} を受け取りました）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="193" />
        <source>expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="194" />
        <source>expired {expiry}, examined {date}</source>
        <translation>有効期限 {expiry}、審査日 {date}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="195" />
        <source>expiry date</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="196" />
        <source>face</source>
        <translation>顔</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="197" />
        <source>face cut off at the image edge</source>
        <translation>顔が画像の端で切れています</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="198" />
        <source>face similarity {similarity} of 100</source>
        <translation>顔の類似度 {similarity}（100点満点）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="200" />
        <source>face too small: inter-eye distance {value} px &lt; {limit}</source>
        <translation>顔が小さすぎます: 両目の間隔 {value} px（基準 {limit}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="201" />
        <source>face watchlist</source>
        <translation>要注意人物リスト（顔）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="202" />
        <source>fingerprint similarity {similarity} of 100</source>
        <translation>指紋の類似度 {similarity}（100点満点）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="204" />
        <source>fingerprint watchlist</source>
        <translation>要注意人物リスト（指紋）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="205" />
        <source>fingerprints captured</source>
        <translation>指紋を採取しました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="206" />
        <source>fingerprints of both hands were neither captured (index or fallback finger) nor recorded as exceptions, and no exemption applies</source>
        <translation>両手の指紋（人差し指または代替の指）が取得も例外記録もされておらず、提供免除もありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="207" />
        <source>finish this traveller (save or next traveller) before changing between arrivals and departures</source>
        <translation>入国と出国を切り替える前に、この旅客の審査を終えてください（保存または次の旅客）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="208" />
        <source>finish this traveller (save or next traveller) before reading another document</source>
        <translation>次の旅券を読む前に、この旅客の審査を終えてください（保存または次の旅客）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="209" />
        <source>flagged before arrival on the manifest of {flight}</source>
        <translation>{flight} の乗客名簿で到着前に要確認と判定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="210" />
        <source>found at the hub</source>
        <translation>ハブの記録にありました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="211" />
        <source>found in this booth's records</source>
        <translation>このブースの記録にありました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="212" />
        <source>future creation individual (J-Find)</source>
        <translation>未来創造人材（J-Find）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="213" />
        <source>given name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="214" />
        <source>given names</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="215" />
        <source>granted by</source>
        <translation>許可した者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="216" />
        <source>grounds (illness, injury)</source>
        <translation>事由（疾病・負傷）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="217" />
        <source>grounds for refuge</source>
        <translation>庇護を求める事由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="218" />
        <source>head tilted: roll {value}° (limit ±{limit}°)</source>
        <translation>頭が傾いています: {value}°（許容 ±{limit}°）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="219" />
        <source>head turned: yaw ratio {value} (limit ±{limit})</source>
        <translation>顔が横を向いています: {value}（許容 ±{limit}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="220" />
        <source>hospital or place of treatment</source>
        <translation>病院その他の治療を受ける場所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="221" />
        <source>hub unreachable: only this booth's copy of the port's encounters searched; the hub is searched when it is back</source>
        <translation>ハブに接続できません: このブースが保持する当該港の審査記録のみ照合。ハブへの照合は接続回復後に実施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="222" />
        <source>hub unreachable: only this booth's records searched</source>
        <translation>ハブに接続できません: このブースの記録のみ検索しました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="223" />
        <source>initial</source>
        <translation>頭文字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="224" />
        <source>injured</source>
        <translation>負傷</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="225" />
        <source>invalidated</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="226" />
        <source>invited by the head of a national administrative organ</source>
        <translation>国の行政機関の長が招へいする者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="227" />
        <source>issued at the port</source>
        <translation>港で交付</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="228" />
        <source>issuing state</source>
        <translation>発行国</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="229" />
        <source>its designation is not in force today</source>
        <translation>指定は本日有効ではありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="230" />
        <source>landing ban until {date}</source>
        <translation>上陸拒否期間 {date} まで</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="231" />
        <source>landing permission</source>
        <translation>上陸許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="232" />
        <source>landing permission at port of call (72 hours)</source>
        <translation>寄港地上陸の許可（72時間）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="233" />
        <source>landing permission due to distress</source>
        <translation>遭難による上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="234" />
        <source>landing permission for crew</source>
        <translation>乗員上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="235" />
        <source>landing permission for cruise ship tourists</source>
        <translation>船舶観光上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="236" />
        <source>landing permission for temporary refuge</source>
        <translation>一時庇護のための上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="237" />
        <source>landing permission for transit</source>
        <translation>通過上陸の許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="238" />
        <source>last day on the landing seal (when no record is found)</source>
        <translation>上陸許可の証印の在留期限（記録が見つからない場合）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="239" />
        <source>left Japan on {departed}: a special re-entry permit allows a return until {until}</source>
        <translation>{departed} に出国: みなし再入国許可による再入国は {until} までです</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="240" />
        <source>left index finger</source>
        <translation>左手人差し指</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="241" />
        <source>left little finger</source>
        <translation>左手小指</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="242" />
        <source>left middle finger</source>
        <translation>左手中指</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="243" />
        <source>left ring finger</source>
        <translation>左手薬指</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="244" />
        <source>left thumb</source>
        <translation>左手親指</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="245" />
        <source>list damaged</source>
        <translation>リスト破損</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="246" />
        <source>list not installed</source>
        <translation>リスト未導入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="247" />
        <source>listed: {reason}</source>
        <translation>登録理由: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="248" />
        <source>looking for the fingerprint scanner</source>
        <translation>指紋スキャナーを探しています</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="250" />
        <source>lost</source>
        <translation>紛失</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="251" />
        <source>lost/stolen documents list</source>
        <translation>紛失・盗難旅券リスト</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="252" />
        <source>making fingerprint templates</source>
        <translation>指紋テンプレートを作成中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="253" />
        <source>multiple</source>
        <translation>数次</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="254" />
        <source>name of the official who granted it</source>
        <translation>許可した者の氏名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="255" />
        <source>name order swapped (surname/given names)</source>
        <translation>姓と名の順序が逆</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="256" />
        <source>name score {score}</source>
        <translation>氏名スコア {score}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="257" />
        <source>name the cruise ship (name or IMO number) first</source>
        <translation>先にクルーズ船（船名またはIMO番号）を入力してください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="258" />
        <source>name(s) present on one side only: {names}</source>
        <translation>一方のみにある氏名: {names}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="259" />
        <source>nationality</source>
        <translation>国籍・地域</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="260" />
        <source>nationality differs ({code} vs {other}, weight 0.90)</source>
        <translation>国籍が異なる（{code} と {other}、重み 0.90）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="261" />
        <source>nationality {code}</source>
        <translation>国籍 {code}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="262" />
        <source>nationality {code} matches (weight 1.0)</source>
        <translation>国籍 {code} が一致（重み 1.0）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="263" />
        <source>nationality: not known on one side (weight 0.97)</source>
        <translation>国籍: 一方が不明（重み 0.97）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="264" />
        <source>no Certificate of Eligibility for a mid-to-long-term status</source>
        <translation>中長期在留者となる在留資格で在留資格認定証明書がありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="265" />
        <source>no MRZ: the input is empty</source>
        <translation>MRZ がありません: 入力が空です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="266" />
        <source>no SLTD list installed: document not checked</source>
        <translation>紛失・盗難旅券リスト未導入: 旅券は照合していません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="267" />
        <source>no bio-cart capture for this passport</source>
        <translation>この旅券のバイオカート取得データはありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="268" />
        <source>no bio-cart station is configured at this booth</source>
        <translation>このブースにはバイオカートが設定されていません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="269" />
        <source>no biographic watchlist installed: names not screened</source>
        <translation>要注意人物リスト（身分事項）未導入: 氏名は照合していません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="270" />
        <source>no biometric watchlist installed: face/fingerprints not screened</source>
        <translation>要注意人物リスト（顔・指紋）未導入: 顔・指紋は照合していません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="271" />
        <source>no chip found (the passport has none, or it was not on the reader)</source>
        <translation>ICチップが見つかりません（旅券にないか、読取機に置かれていません）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="272" />
        <source>no chip reader</source>
        <translation>ICチップ読取機がありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="273" />
        <source>no clone check: the chip offers neither Chip nor Active Authentication</source>
        <translation>複製の確認なし: ICチップはチップ認証にもアクティブ認証にも対応していません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="274" />
        <source>no document has been read for this examination</source>
        <translation>この審査では旅券が読み込まれていません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="275" />
        <source>no document number</source>
        <translation>旅券番号なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="276" />
        <source>no earlier encounter found</source>
        <translation>過去の審査記録に該当なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="277" />
        <source>no face found</source>
        <translation>顔が見つかりません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="278" />
        <source>no face found (detections had no plausible landmarks)</source>
        <translation>顔が見つかりません（特徴点が不自然）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="279" />
        <source>no face found in the chip's photo: {problem}</source>
        <translation>ICチップの顔写真に顔が見つかりません: {problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="280" />
        <source>no facial photograph was captured, no exception recorded and no exemption applies</source>
        <translation>顔写真が取得されておらず、例外の記録も提供免除もありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="281" />
        <source>no finger of the left hand</source>
        <translation>左手の指紋なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="282" />
        <source>no finger of the left hand and right hand</source>
        <translation>左手・右手の指紋なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="283" />
        <source>no finger of the left hand could be captured</source>
        <translation>左手の指紋を採取できませんでした</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="284" />
        <source>no finger of the right hand</source>
        <translation>右手の指紋なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="285" />
        <source>no finger of the right hand could be captured</source>
        <translation>右手の指紋を採取できませんでした</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="286" />
        <source>no finger of this hand</source>
        <translation>この手の指紋なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="288" />
        <source>no hub configured: only this booth's copy of the port's encounters searched</source>
        <translation>ハブ未設定: このブースが保持する当該港の審査記録のみ照合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="299" />
        <source>no step ran</source>
        <translation>どの手順も実行されていません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="303" />
        <source>none recorded</source>
        <translation>記録なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="309" />
        <source>not checked: {why}</source>
        <translation>未照合: {why}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="311" />
        <source>not offered by the chip</source>
        <translation>ICチップが対応していません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="312" />
        <source>not on any pre-arrival manifest imported at this booth</source>
        <translation>このブースに取り込んだ事前旅客名簿に記載がありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="314" />
        <source>not screened: {problem}</source>
        <translation>照合していません: {problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="315" />
        <source>on the manifest of {flight} but not screened before arrival</source>
        <translation>{flight} の乗客名簿に記載あり、ただし到着前の照合は未実施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="321" />
        <source>optional data (line 2)</source>
        <translation>任意記載事項（2 行目）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="326" />
        <source>passive authentication failed at: {step}</source>
        <translation>パッシブ認証の失敗箇所: {step}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="327" />
        <source>passive authentication failed at: {step} ({reason})</source>
        <translation>パッシブ認証の失敗箇所: {step}（{reason}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="328" />
        <source>passive authentication passed</source>
        <translation>パッシブ認証に合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="337" />
        <source>re-entry permit</source>
        <translation>再入国許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="338" />
        <source>re-entry permit number</source>
        <translation>再入国許可の番号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="339" />
        <source>re-entry permit valid until</source>
        <translation>再入国許可の有効期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="341" />
        <source>read with {access} on {reader} in {seconds} s</source>
        <translation>{reader} で {access} により {seconds} 秒で読み取り</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="342" />
        <source>reading the passport's chip</source>
        <translation>旅券のICチップを読み取っています</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="354" />
        <source>screened clean before arrival on the manifest of {flight}</source>
        <translation>{flight} の乗客名簿で到着前の照合に該当なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="357" />
        <source>searched: {where}</source>
        <translation>照合先: {where}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="358" />
        <source>sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="380" />
        <source>the bio-cart capture expired at {time}: not used</source>
        <translation>バイオカートの取得データは {time} に有効期限切れ: 使用しません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="381" />
        <source>the bio-cart capture has no valid capture and expiry times</source>
        <translation>バイオカートの取得データに有効な取得時刻・有効期限がありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="382" />
        <source>the bio-cart capture is dated in the future: check the station's clock</source>
        <translation>バイオカートの取得時刻が未来の日時です: 端末の時計を確認してください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="383" />
        <source>the bio-cart capture is not in a format this booth reads</source>
        <translation>バイオカートの取得データはこのブースで読めない形式です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="384" />
        <source>the bio-cart capture is not signed by the trusted station: not used</source>
        <translation>バイオカートの取得データは信頼された端末の署名がありません: 使用しません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="385" />
        <source>the bio-cart capture is of another passport: not used</source>
        <translation>バイオカートの取得データは別の旅券のものです: 使用しません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="386" />
        <source>the bio-cart capture's {item} does not match its signature: not used</source>
        <translation>バイオカートの取得データの {item} が署名と一致しません: 使用しません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="387" />
        <source>the bio-cart station did not answer: {problem}</source>
        <translation>バイオカートが応答しません: {problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="388" />
        <source>the bio-cart station refused this booth: {problem}</source>
        <translation>バイオカートがこのブースを拒否しました: {problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="389" />
        <source>the bio-cart station's certificate cannot be read: {problem}</source>
        <translation>バイオカートの証明書を読めません: {problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="390" />
        <source>the bio-cart station's key or certificate is not configured at this booth</source>
        <translation>このブースにはバイオカートの鍵または証明書が設定されていません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="393" />
        <source>the chip cannot be checked: {problem}</source>
        <translation>ICチップを検証できません: {problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="394" />
        <source>the chip could not be read to the end</source>
        <translation>ICチップを最後まで読み取れませんでした</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="395" />
        <source>the chip failed its clone check (Chip or Active Authentication): a supervisor must clear it first</source>
        <translation>ICチップが複製の確認（チップ認証またはアクティブ認証）に不合格: 先に監督者の確認が必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="396" />
        <source>the chip holds no photo that can be shown</source>
        <translation>ICチップに表示できる顔写真がありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="397" />
        <source>the chip refused the printed MRZ or the CAN</source>
        <translation>ICチップが印字された MRZ または CAN を受け付けませんでした</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="398" />
        <source>the chip's DG1 is not a machine readable zone</source>
        <translation>ICチップの DG1 は機械読取部（MRZ）ではありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="399" />
        <source>the chip's MRZ (DG1) differs from the printed one: {fields}</source>
        <translation>ICチップの MRZ（DG1）が印字と異なります: {fields}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="400" />
        <source>the chip's MRZ differs from the printed one: a supervisor must clear it first</source>
        <translation>ICチップの MRZ が印字と異なります: 先に監督者の確認が必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="401" />
        <source>the chip's MRZ matches the printed one</source>
        <translation>ICチップの MRZ は印字と一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="402" />
        <source>the chip's data is not proven signed by the issuing state (passive authentication failed): a supervisor must clear it first</source>
        <translation>ICチップのデータに発行国の署名が確認できません（パッシブ認証に不合格）: 先に監督者の確認が必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="403" />
        <source>the chip's photo could not be compared</source>
        <translation>ICチップの顔写真を照合できませんでした</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="404" />
        <source>the chip's photo does not match the live face: a supervisor must clear it first</source>
        <translation>ICチップの顔写真が本人の顔と一致しません: 先に監督者の確認が必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="405" />
        <source>the chip's photo does not match the live face: similarity {score} of 100, a match from {threshold}</source>
        <translation>ICチップの顔写真が本人の顔と一致しません: 類似度 {score}（100 点中、{threshold} 以上で一致）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="414" />
        <source>the document is not a Japanese one: a Japanese national's return or departure needs one</source>
        <translation>日本国旅券ではありません。日本人の帰国・出国の確認には日本国旅券が必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="419" />
        <source>the hub refused the search: only this booth's copy of the port's encounters searched</source>
        <translation>ハブが照合を拒否: このブースが保持する当該港の審査記録のみ照合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="421" />
        <source>the inspector's key is not unlocked: only this booth's copy of the port's encounters searched</source>
        <translation>審査官の鍵が未解除: このブースが保持する当該港の審査記録のみ照合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="428" />
        <source>the passport's chip was not verified (not read, or its photo not compared)</source>
        <translation>旅券のICチップが確認されていません（未読取、または顔写真の未照合）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="434" />
        <source>the re-entry permit has expired</source>
        <translation>再入国許可の有効期限が切れています</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="435" />
        <source>the re-entry permit {number} expired on {date}</source>
        <translation>再入国許可 {number} は {date} に有効期限が切れています</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="436" />
        <source>the residence card number is missing</source>
        <translation>在留カードの番号がありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="437" />
        <source>the residence card number is not two letters, eight digits, two letters</source>
        <translation>在留カードの番号が英字2文字・数字8桁・英字2文字の形式ではありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="438" />
        <source>the ship is not on the list of cruise ships designated by the Commissioner</source>
        <translation>出入国在留管理庁長官が指定するクルーズ船の一覧にない船舶です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="439" />
        <source>the station's answer is not a bio-cart capture</source>
        <translation>端末の応答はバイオカートの取得データではありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="440" />
        <source>the status on the Certificate of Eligibility is unknown</source>
        <translation>在留資格認定証明書の在留資格が不明です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="441" />
        <source>the traveller stayed beyond the authorised period (ICRRA Art. 24(iv)(b))</source>
        <translation>在留期間を経過して残留しました（入管法第24条第4号ロ）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="442" />
        <source>this booth has no chip reader (devices.chip.reader is not set)</source>
        <translation>このブースにはICチップ読取機がありません（devices.chip.reader が未設定）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="443" />
        <source>this booth's and the hub's records searched</source>
        <translation>このブースとハブの記録を検索しました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="444" />
        <source>this booth's copy of the port's recent encounters</source>
        <translation>このブースが保持する当該港の最近の審査記録</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="445" />
        <source>this decision does not belong to this booth's direction (arrivals or departures)</source>
        <translation>この判定はこのブースの審査区分（入国／出国）に合いません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="456" />
        <source>travel history: {count} earlier encounter(s) of this traveller</source>
        <translation>渡航履歴: この旅客の過去の審査記録 {count} 件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="472" />
        <source>{date} at {port}: {surname}, {given} ({nationality}, born {birth}), document {document}, decision {decision}</source>
        <translation>{date} {port}: {surname}, {given}（{nationality}、生年月日 {birth}）、旅券 {document}、判定 {decision}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="480" />
        <source>{finding}: a supervisor must clear it first</source>
        <translation>{finding}: 先に監督者の確認が必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="491" />
        <source>{method} failed: the chip may be a copy</source>
        <translation>{method} に不合格: ICチップは複製の可能性があります</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="492" />
        <source>{method} failed: the chip may be a copy ({reason})</source>
        <translation>{method} に不合格: ICチップは複製の可能性があります（{reason}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="493" />
        <source>{method} not run</source>
        <translation>{method} は未実施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="494" />
        <source>{method} passed</source>
        <translation>{method} に合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="510" />
        <source>{text} is an empty period</source>
        <translation>{text} は長さのない期間です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="511" />
        <source>{text} is not a period: write e.g. 90d, 3m, 1y, 4y3m, 72h, unlimited or activities</source>
        <translation>{text} は期間ではありません: 90d、3m、1y、4y3m、72h、unlimited、activities のように入力してください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="512" />
        <source>{text}: a period in hours must be 1 to {most} hours</source>
        <translation>{text}: 時間単位の期間は 1〜{most} 時間です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="513" />
        <source>{vessel}: {reason}</source>
        <translation>{vessel}: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="514" />
        <source>{vessel}: {state}</source>
        <translation>{vessel}: {state}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="515" />
        <source>{what} is missing</source>
        <translation>{what}がありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="516" />
        <source>{what} must be a date written YYYY-MM-DD, not {value}</source>
        <translation>{what}は YYYY-MM-DD 形式の日付で入力してください（入力値: {value}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="199" />
        <source>face similarity {similarity} of 100 (a hit from {hit_at})</source>
        <translation>顔の類似度 {similarity}/100（{hit_at} 以上で該当）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="8" />
        <source>(empty)</source>
        <translation>（空欄）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="10" />
        <source>1 hour</source>
        <translation>1時間</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="21" />
        <source>Certificate of Eligibility number (if presented)</source>
        <translation>在留資格認定証明書の番号（提示された場合）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="27" />
        <source>DEPARTURE CONFIRMATION</source>
        <translation>出国確認</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="31" />
        <source>Designated Activities needs the designation</source>
        <translation>特定活動には指定書の内容が必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="32" />
        <source>Designated Activities needs the designation (e.g. working holiday)</source>
        <translation>特定活動には指定書の内容が必要です（例: ワーキング・ホリデー）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="36" />
        <source>EMERGENCY LANDING PERMISSION</source>
        <translation>緊急上陸許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="37" />
        <source>EPA nurse or certified care worker candidate</source>
        <translation>EPA看護師・介護福祉士候補者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="42" />
        <source>Highly-Skilled Professional (i)(a)</source>
        <translation>高度専門職1号イ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="43" />
        <source>Highly-Skilled Professional (i)(b)</source>
        <translation>高度専門職1号ロ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="44" />
        <source>Highly-Skilled Professional (i)(c)</source>
        <translation>高度専門職1号ハ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="123" />
        <source>a special re-entry permit is for a mid-to-long-term resident within the period of stay: not for an overstayer or a short-term visitor</source>
        <translation>みなし再入国許可は在留期間内の中長期在留者のためのものです。超過滞在者や短期の滞在者は対象外です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="203" />
        <source>fingerprint similarity {similarity} of 100 (a hit from {hit_at})</source>
        <translation>指紋の類似度 {similarity}/100（{hit_at} 以上で該当）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="249" />
        <source>looking for the fingerprint scanner: none answered yet ({waited} of {limit} seconds)</source>
        <translation>指紋スキャナーを探しています: まだ応答なし（{waited}/{limit} 秒）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="287" />
        <source>no fingerprint scanner answered within {seconds} seconds: check that it is plugged in and that its service is running, then capture again (F8)</source>
        <translation>{seconds} 秒以内に指紋スキャナーが応答しませんでした。接続とサービスの起動を確認し、もう一度採取してください (F8)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="289" />
        <source>no hub configured: only this booth's records searched</source>
        <translation>ハブが設定されていません: このブースの記録のみ検索しました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="290" />
        <source>no landing record</source>
        <translation>上陸の記録なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="291" />
        <source>no landing record found</source>
        <translation>上陸の記録が見つかりません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="292" />
        <source>no landing record was found and no landing seal was read: the stay is not verified</source>
        <translation>上陸の記録が見つからず、上陸許可の証印も読み取っていません。在留は確認されていません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="293" />
        <source>no name</source>
        <translation>氏名なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="294" />
        <source>no name to compare</source>
        <translation>比較する氏名なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="295" />
        <source>no name token matches</source>
        <translation>一致する氏名の語なし</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="296" />
        <source>no residence card for this status and period: not a mid-to-long-term resident</source>
        <translation>この在留資格・在留期間では在留カードを交付しません（中長期在留者ではありません）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="297" />
        <source>no residence card for {status} for {period}: not a mid-to-long-term resident</source>
        <translation>{status}・{period}では在留カードを交付しません（中長期在留者ではありません）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="298" />
        <source>no screening lists installed on this booth: apply a bundle (inspector-app bundle apply)</source>
        <translation>このブースには照合リストがありません: リストを導入してください（inspector-app bundle apply）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="300" />
        <source>no usable face in the capture: {problem}</source>
        <translation>撮影画像に使用できる顔がありません: {problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="301" />
        <source>no usable image after {attempts} attempts ({problem})</source>
        <translation>{attempts} 回試行しても使用できる画像なし（{problem}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="302" />
        <source>none (leaving for good)</source>
        <translation>なし（単純出国）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="304" />
        <source>not a designated cruise ship</source>
        <translation>指定されたクルーズ船ではありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="305" />
        <source>not an MRZ: expected 3 lines of 30 (TD1), 2 lines of 36 (TD2, MRV-B) or 2 lines of 44 (TD3, MRV-A) characters; got {lines} line(s) of {lengths}</source>
        <translation>MRZ ではありません: 30文字×3行（TD1）、36文字×2行（TD2、MRV-B）または44文字×2行（TD3、MRV-A）が必要ですが、{lines} 行（{lengths} 文字）です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="306" />
        <source>not an MRZ: no ICAO 9303 format has {lines} lines of {length}</source>
        <translation>MRZ ではありません: {length} 文字×{lines} 行の ICAO 9303 形式はありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="307" />
        <source>not an MRZ: {count} characters are outside the MRZ alphabet (A-Z, 0-9, &lt;)</source>
        <translation>MRZ ではありません: MRZ で使えない文字が {count} 個あります（使えるのは A-Z、0-9、&lt;）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="308" />
        <source>not captured</source>
        <translation>未取得</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="310" />
        <source>not looked up</source>
        <translation>未照会</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="313" />
        <source>not screened</source>
        <translation>未照合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="316" />
        <source>only a signed-in inspector can examine travellers</source>
        <translation>審査はログインした入国審査官のみ行えます</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="317" />
        <source>only one name matches</source>
        <translation>一致は氏名の1語のみ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="318" />
        <source>only with the status of residence {status}</source>
        <translation>在留資格「{status}」の場合に限ります</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="319" />
        <source>onward vessel or flight</source>
        <translation>乗り継ぐ船舶または航空機の便</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="320" />
        <source>optional data</source>
        <translation>任意記載事項</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="322" />
        <source>other (as the designation states)</source>
        <translation>その他（指定書に記載のとおり）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="323" />
        <source>other reason</source>
        <translation>その他の理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="324" />
        <source>over/under-exposed: {value} of face pixels clipped</source>
        <translation>露出不適切: 顔の画素の {value} が白飛び・黒つぶれ</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="325" />
        <source>override: {reason}</source>
        <translation>判断変更の理由: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="329" />
        <source>period of stay ends (YYYY-MM-DD, or unlimited)</source>
        <translation>在留期間の満了日（YYYY-MM-DD、無期限は unlimited）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="330" />
        <source>personal number</source>
        <translation>個人番号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="331" />
        <source>place of stay</source>
        <translation>滞在場所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="332" />
        <source>place the {finger} on the scanner</source>
        <translation>{finger}をスキャナーに置いてください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="333" />
        <source>place the {finger} on the scanner (try {tries})</source>
        <translation>{finger}をスキャナーに置いてください（{tries} 回目）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="334" />
        <source>port of departure from Japan</source>
        <translation>本邦から出国する港</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="335" />
        <source>port where the traveller rejoins the vessel or flight</source>
        <translation>船舶または航空機に戻る港</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="336" />
        <source>quality {quality} below the threshold</source>
        <translation>品質 {quality}（基準未満）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="340" />
        <source>read the document first</source>
        <translation>先に旅券を読み込んでください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="343" />
        <source>record {evidence}</source>
        <translation>{evidence}を記録してください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="344" />
        <source>rescued by</source>
        <translation>救護した者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="345" />
        <source>residence card</source>
        <translation>在留カード</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="346" />
        <source>residence card number (AB12345678CD)</source>
        <translation>在留カードの番号（AB12345678CD）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="347" />
        <source>revoked</source>
        <translation>失効</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="348" />
        <source>right index finger</source>
        <translation>右手人差し指</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="349" />
        <source>right little finger</source>
        <translation>右手小指</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="350" />
        <source>right middle finger</source>
        <translation>右手中指</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="351" />
        <source>right ring finger</source>
        <translation>右手薬指</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="352" />
        <source>right thumb</source>
        <translation>右手親指</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="353" />
        <source>scan the passport or type the MRZ first</source>
        <translation>旅券を読み取るか MRZ を入力してください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="355" />
        <source>screening error</source>
        <translation>照合エラー</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="356" />
        <source>screening lists are {age} h old (limit {limit} h): update them</source>
        <translation>照合リストは {age} 時間前のものです（上限 {limit} 時間）: 更新してください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="359" />
        <source>sex differs ({sex} vs {other})</source>
        <translation>性別が異なる（{sex} と {other}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="360" />
        <source>single</source>
        <translation>一回限り</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="361" />
        <source>single or multiple</source>
        <translation>一回限り／数次</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="362" />
        <source>sounds alike (Metaphone)</source>
        <translation>発音が類似（Metaphone）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="363" />
        <source>special landing permission (Art. 12)</source>
        <translation>上陸特別許可（第12条）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="364" />
        <source>special landing permission follows a referral of the same examination</source>
        <translation>上陸特別許可は同じ審査での特別審理官への引渡しの後に限られます</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="365" />
        <source>special landing permission must name who granted it: the Minister of Justice or the Commissioner (delegated)</source>
        <translation>上陸特別許可には許可した者（法務大臣または委任を受けた出入国在留管理庁長官）の記録が必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="366" />
        <source>special permanent resident</source>
        <translation>特別永住者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="367" />
        <source>special permanent resident certificate number</source>
        <translation>特別永住者証明書の番号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="368" />
        <source>special re-entry permit</source>
        <translation>みなし再入国許可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="369" />
        <source>spelling differs (Jaro-Winkler {value})</source>
        <translation>つづりが異なる（Jaro-Winkler {value}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="370" />
        <source>spelling variant</source>
        <translation>つづりの異形</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="371" />
        <source>spelling variant of {name}</source>
        <translation>{name} のつづりの異形</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="372" />
        <source>status on the Certificate of Eligibility</source>
        <translation>在留資格認定証明書の在留資格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="373" />
        <source>stolen</source>
        <translation>盗難</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="374" />
        <source>stolen blank</source>
        <translation>未発給冊子の盗難</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="375" />
        <source>surname</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="376" />
        <source>the Certificate of Eligibility is for another status</source>
        <translation>在留資格認定証明書の在留資格が異なります</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="377" />
        <source>the Certificate of Eligibility number cannot be read</source>
        <translation>在留資格認定証明書の番号を読み取れません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="378" />
        <source>the Commissioner (delegated)</source>
        <translation>出入国在留管理庁長官（委任）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="379" />
        <source>the Minister of Justice</source>
        <translation>法務大臣</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="391" />
        <source>the biometric exemption claimed does not fit this traveller or decision</source>
        <translation>申告された個人識別情報の提供免除はこの旅客または判定に該当しません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="392" />
        <source>the biometric exemption needs its evidence recorded</source>
        <translation>個人識別情報の提供免除には根拠の記録が必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="406" />
        <source>the date of birth is not known in full, so the age cannot be established</source>
        <translation>生年月日が完全でないため年齢を確定できません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="407" />
        <source>the date of departure {date} is after today</source>
        <translation>出国年月日 {date} が本日より後です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="408" />
        <source>the decision to correct is not a decision of this examination</source>
        <translation>訂正する判定はこの審査の判定ではありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="409" />
        <source>the designated cruise ship list could not be checked</source>
        <translation>指定クルーズ船の一覧を照合できませんでした</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="410" />
        <source>the designated ship list is not installed</source>
        <translation>指定船舶の一覧が導入されていません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="411" />
        <source>the designation (ordinance and item)</source>
        <translation>該当する規定（省令と号）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="412" />
        <source>the document has expired (a landing that does not require a valid document)</source>
        <translation>旅券の有効期限が切れています（有効な旅券を要しない上陸）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="413" />
        <source>the document has expired on the examination date</source>
        <translation>旅券は審査日に有効期限が切れています</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="415" />
        <source>the document's expiry date cannot be read</source>
        <translation>旅券の有効期限を読み取れません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="416" />
        <source>the end of the period of stay</source>
        <translation>在留期間の満了日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="417" />
        <source>the fingerprint scanner cannot be used: {problem}</source>
        <translation>指紋スキャナーを使用できません: {problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="418" />
        <source>the fingerprint scanner on port {port} was refused, nothing recorded: {problem}</source>
        <translation>ポート {port} の指紋スキャナーは信頼できないため使用しません（記録なし）: {problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="420" />
        <source>the hub refused the search: only this booth's records searched</source>
        <translation>ハブが検索を拒否しました: このブースの記録のみ検索しました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="422" />
        <source>the inspector's key is not unlocked: only this booth's records searched</source>
        <translation>入国審査官の鍵が開かれていません: このブースの記録のみ検索しました</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="423" />
        <source>the installed designated-ship list is refused: {problem}; apply the lists again (inspector-app bundle apply)</source>
        <translation>導入済みの指定船舶の一覧は使用できません: {problem}。リストを再導入してください（inspector-app bundle apply）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="424" />
        <source>the installed {list} list is refused: {problem}; apply the lists again (inspector-app bundle apply)</source>
        <translation>導入済みの {list} リストは使用できません: {problem}。リストを再導入してください（inspector-app bundle apply）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="425" />
        <source>the inviting organ and its letter's reference</source>
        <translation>招へいした行政機関とその文書番号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="426" />
        <source>the landing date is missing</source>
        <translation>上陸年月日がありません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="427" />
        <source>the landing record is not a mid-to-long-term resident's: a special re-entry permit needs one</source>
        <translation>上陸記録が中長期在留者のものではありません。みなし再入国許可には中長期在留者であることが必要です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="429" />
        <source>the period of stay cannot be read</source>
        <translation>在留期間を読み取れません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="430" />
        <source>the period of stay ended on {date}</source>
        <translation>在留期間は {date} に満了しています</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="431" />
        <source>the period of stay has ended: the status does not carry over</source>
        <translation>在留期間が満了しています。在留資格は引き継がれません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="432" />
        <source>the period of stay is not one the status allows</source>
        <translation>この在留資格で認められない在留期間です</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="433" />
        <source>the period of the activities</source>
        <translation>活動を行う期間</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="446" />
        <source>this decision grants no status of residence or period of stay</source>
        <translation>この判定では在留資格・在留期間を決定しません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="447" />
        <source>this examination already has a final decision: record a correction instead</source>
        <translation>この審査には最終判定があります。訂正として記録してください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="448" />
        <source>this examination is saved: start the next traveller</source>
        <translation>この審査は保存済みです。次の旅客に進んでください</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="449" />
        <source>this is not a machine readable zone: {problem}</source>
        <translation>MRZ（機械読取領域）ではありません: {problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="450" />
        <source>this rule cannot be overridden by an inspector</source>
        <translation>この規則は入国審査官が判断変更できません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="451" />
        <source>this status of residence cannot be granted at landing</source>
        <translation>この在留資格は上陸時に決定できません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="452" />
        <source>to be mailed</source>
        <translation>後日郵送</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="453" />
        <source>too bright: mean {value} &gt; {limit}</source>
        <translation>明るすぎます: 明るさ {value}（基準 {limit}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="454" />
        <source>too dark: mean {value} &lt; {limit}</source>
        <translation>暗すぎます: 明るさ {value}（基準 {limit}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="455" />
        <source>transliteration fold (UE/U, OE/O, AA/A, double letters)</source>
        <translation>翻字の揺れ（UE/U、OE/O、AA/A、重ね字）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="457" />
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="458" />
        <source>unknown decision type</source>
        <translation>不明な判定種別</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="459" />
        <source>unknown exemption {ground}; one of: {known}</source>
        <translation>不明な免除事由 {ground}。次のいずれか: {known}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="460" />
        <source>unknown finger position {position}; one of: {known}</source>
        <translation>不明な指の位置 {position}。次のいずれか: {known}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="461" />
        <source>unknown ground {ground}</source>
        <translation>不明な免除事由 {ground}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="462" />
        <source>unknown status of residence</source>
        <translation>不明な在留資格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="463" />
        <source>unknown status on the Certificate of Eligibility: {status}</source>
        <translation>在留資格認定証明書の在留資格が不明です: {status}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="464" />
        <source>unlimited</source>
        <translation>無期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="465" />
        <source>unreadable</source>
        <translation>読取不能</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="466" />
        <source>vessel or flight</source>
        <translation>船舶または航空機の便</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="467" />
        <source>working holiday</source>
        <translation>ワーキング・ホリデー</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="468" />
        <source>{count} capture(s)</source>
        <translation>{count} 件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="469" />
        <source>{count} faces in the frame (need exactly one)</source>
        <translation>画面に {count} 人の顔（1人のみにしてください）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="470" />
        <source>{count} hit(s)</source>
        <translation>該当 {count} 件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="471" />
        <source>{count} open</source>
        <translation>未解除 {count} 件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="473" />
        <source>{days} day(s) beyond the authorised stay (ended {end})</source>
        <translation>在留期間を {days} 日超過（{end} 満了）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="474" />
        <source>{days} day(s) of overstay</source>
        <translation>超過滞在 {days} 日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="475" />
        <source>{decision} needs: {details}</source>
        <translation>{decision}に必要な事項: {details}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="476" />
        <source>{detail} ({evidence})</source>
        <translation>{detail}（{evidence}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="477" />
        <source>{direction} booth</source>
        <translation>{direction}審査のブース</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="478" />
        <source>{field}: {value} is not one of {choices}</source>
        <translation>{field}: {value} は次のいずれでもありません: {choices}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="479" />
        <source>{finding} — overridden: {reason}</source>
        <translation>{finding} — 判断変更: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="481" />
        <source>{finger}: {reason}</source>
        <translation>{finger}: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="482" />
        <source>{first} and {rest}</source>
        <translation>{first}{rest}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="483" />
        <source>{first} or {last}</source>
        <translation>{first}又は{last}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="484" />
        <source>{first}, {rest}</source>
        <translation>{first}、{rest}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="485" />
        <source>{landing} ({article})</source>
        <translation>{landing}（{article}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="486" />
        <source>{landing} allows at most {maximum} ({article}), not {period}</source>
        <translation>{landing}の期間は最長{maximum}です（{article}）。{period}は認められません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="487" />
        <source>{landing} grants no status of residence</source>
        <translation>{landing}では在留資格を決定しません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="488" />
        <source>{listed}, reported {date}</source>
        <translation>{listed}（{date} 届出）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="489" />
        <source>{list} ({reason})</source>
        <translation>{list}（{reason}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="490" />
        <source>{list} list refused: {problem}</source>
        <translation>{list} リストを使用しません: {problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="495" />
        <source>{number} is not a Certificate of Eligibility number (letters, digits and hyphens, 5 to 24 characters)</source>
        <translation>{number} は在留資格認定証明書の番号ではありません（英字・数字・ハイフン、5〜24文字）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="496" />
        <source>{number} is not a residence card number: two letters, eight digits, two letters (e.g. AB12345678CD)</source>
        <translation>{number} は在留カードの番号ではありません: 英字2文字・数字8桁・英字2文字（例: AB12345678CD）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="497" />
        <source>{n} days</source>
        <translation>{n}日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="498" />
        <source>{n} hours</source>
        <translation>{n}時間</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="499" />
        <source>{n} months</source>
        <translation>{n}月</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="500" />
        <source>{n} years</source>
        <translation>{n}年</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="501" />
        <source>{period} is an authorised period of stay for {status}</source>
        <translation>{period}は{status}の在留期間として認められています</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="502" />
        <source>{period} is not an authorised period of stay for {status}; the table allows {allowed}</source>
        <translation>{period}は{status}の在留期間として認められていません。認められる期間: {allowed}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="503" />
        <source>{reason} ({detail})</source>
        <translation>{reason}（{detail}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="504" />
        <source>{role} {name} ~ {other}: {rule}</source>
        <translation>{role} {name} ≒ {other}: {rule}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="505" />
        <source>{role} {name}: {rule}</source>
        <translation>{role} {name}: {rule}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="506" />
        <source>{role}/{other}</source>
        <translation>{role}／{other}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="507" />
        <source>{rule}: {detail}</source>
        <translation>{rule}: {detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="508" />
        <source>{status} cannot be granted at landing</source>
        <translation>{status}は上陸時に決定できません</translation>
    </message>
    <message>
        <location filename="../../inspector_app/app/core_messages.py" line="509" />
        <source>{status} cannot be granted at landing (ICRRA Art. 7(1)(ii))</source>
        <translation>{status}は上陸時に決定できません（入管法第7条第1項第2号）</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <location filename="../../inspector_app/app/launch.py" line="73" />
        <source>Border Inspector cannot start</source>
        <translation>上陸審査端末を起動できません</translation>
    </message>
</context>
</TS>