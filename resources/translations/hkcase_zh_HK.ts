<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_HK">
<context>
    <name>ActivityTab</name>
    <message>
        <source>Every change to this case, its client and its documents, newest first.</source>
        <translation>此個案、其客戶及文件的每項更改，最新的排先。</translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation>尚未有任何更改紀錄。</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Reference</source>
        <extracomment>Keyed by ``services.cases.listing.DeadlineFilter`` values (a ``StrEnum``).</extracomment>
        <translation>編號</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>計劃</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>顧問</translation>
    </message>
    <message>
        <source>Limit of stay</source>
        <translation>逗留期限</translation>
    </message>
    <message>
        <source>Window opens</source>
        <translation>申請期開始</translation>
    </message>
    <message>
        <source>no case yet</source>
        <translation>尚無個案</translation>
    </message>
    <message>
        <source>{client}: a client without a case. Double-click or press Enter to open the client.</source>
        <translation>{client}：未有個案的客戶。按兩下或按 Enter 開啟客戶。</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Acti&amp;vity</source>
        <translation>活動紀錄(&amp;V)</translation>
    </message>
    <message>
        <source>Fi&amp;ling</source>
        <translation>遞交申請(&amp;L)</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>出生日期 {date}</translation>
    </message>
    <message>
        <source>passport {number}</source>
        <translation>護照 {number}</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>{name} (inactive)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <source>submitted on</source>
        <translation>遞交日期</translation>
    </message>
    <message>
        <source>decided on</source>
        <translation>決定日期</translation>
    </message>
    <message>
        <source>contract ends</source>
        <translation>合約終止日期</translation>
    </message>
    <message>
        <source>Not saved — {field}: {reason}</source>
        <translation>未儲存 — {field}：{reason}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概覽(&amp;O)</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>計劃</translation>
    </message>
    <message>
        <source>&amp;Stage</source>
        <translation>階段(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Outcome (ImmD)</source>
        <translation>結果（入境處）(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;ImmD file reference</source>
        <translation>入境處檔案編號(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Employer / sponsor</source>
        <translation>僱主／保證人(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Consultant</source>
        <translation>顧問(&amp;C)</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>開立日期</translation>
    </message>
    <message>
        <source>Su&amp;bmitted on</source>
        <translation>遞交日期(&amp;B)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Decided on</source>
        <translation>決定日期(&amp;D)</translation>
    </message>
    <message>
        <source>Contract &amp;ends</source>
        <translation>合約終止日期(&amp;E)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>E&amp;ligibility</source>
        <translation>資格(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;tay</source>
        <translation>逗留(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;hecklist</source>
        <translation>清單(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>備註(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ChecklistItemDialog</name>
    <message>
        <source>Checklist item: {item}</source>
        <translation>清單項目：{item}</translation>
    </message>
    <message>
        <source>Delete file…</source>
        <translation>刪除檔案…</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} 位元組</translation>
    </message>
    <message>
        <source>expires {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <source>Not saved — {reason}</source>
        <translation>未儲存 — {reason}</translation>
    </message>
    <message>
        <source>File details saved.</source>
        <translation>已儲存檔案資料。</translation>
    </message>
    <message>
        <source>Not deleted — {reason}</source>
        <translation>未刪除 — {reason}</translation>
    </message>
    <message>
        <source>Not saved — {field}: {reason}</source>
        <translation>未儲存 — {field}：{reason}</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>清單項目</translation>
    </message>
    <message>
        <source>&amp;Title (English)</source>
        <translation>英文名稱(&amp;T)</translation>
    </message>
    <message>
        <source>Title 中文</source>
        <translation>中文名稱</translation>
    </message>
    <message>
        <source>&amp;Form number</source>
        <translation>表格編號(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;State</source>
        <translation>狀態(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Required</source>
        <translation>必須(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>備註(&amp;N)</translation>
    </message>
    <message>
        <source>Files (newest first)</source>
        <translation>檔案（最新的排先）</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>檔案名稱</translation>
    </message>
    <message>
        <source>Expires YYYY-MM-DD</source>
        <translation>到期日 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Save &amp;file details</source>
        <translation>儲存檔案資料(&amp;F)</translation>
    </message>
    <message>
        <source>Delete fi&amp;le…</source>
        <translation>刪除檔案(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>文件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Req.</source>
        <translation>必須</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>詳情…</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>開啟檔案</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>附加檔案…</translation>
    </message>
    <message>
        <source>Delete item…</source>
        <translation>刪除項目…</translation>
    </message>
    <message>
        <source>{done} of {total} items accepted or not applicable. Drop files on an item to attach them. † based on practice, not ImmD's published list.</source>
        <translation>{total} 項中有 {done} 項已接納或不適用。把檔案拖放到項目上即可附加。† 根據實務經驗，並非入境處公布的清單。</translation>
    </message>
    <message>
        <source>No checklist yet: create it from the scheme's template.</source>
        <translation>尚未有清單：請按計劃範本建立。</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清單</translation>
    </message>
    <message>
        <source>Select the checklist item first.</source>
        <translation>請先選擇清單項目。</translation>
    </message>
    <message>
        <source>Attached, with notes</source>
        <translation>已附加，附註如下</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>附加</translation>
    </message>
    <message>
        <source>Attach to “{item}”</source>
        <translation>附加到「{item}」</translation>
    </message>
    <message>
        <source>Set &amp;state</source>
        <translation>設定狀態(&amp;S)</translation>
    </message>
    <message>
        <source>A&amp;ttach file…</source>
        <translation>附加檔案(&amp;T)…</translation>
    </message>
    <message>
        <source>O&amp;pen file</source>
        <translation>開啟檔案(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>詳情(&amp;D)…</translation>
    </message>
    <message>
        <source>Edit the item and its files (right-click for more; Delete removes the item)</source>
        <translation>編輯項目及其檔案（按右鍵查看更多；Delete 鍵刪除項目）</translation>
    </message>
    <message>
        <source>Add an item for this case (English title)</source>
        <translation>為此個案加入項目（英文名稱）</translation>
    </message>
    <message>
        <source>Add &amp;item</source>
        <translation>加入項目(&amp;I)</translation>
    </message>
    <message>
        <source>Create from &amp;template</source>
        <translation>按範本建立(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>Client</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>個人資料</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>姓(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Given names</source>
        <translation>名(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Chinese name 中文姓名</source>
        <translation>中文姓名(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>性別(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>出生日期(&amp;D)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Nationality</source>
        <translation>國籍(&amp;N)</translation>
    </message>
    <message>
        <source>e.g. CN, GB, India</source>
        <translation>例如 CN、GB、India</translation>
    </message>
    <message>
        <source>&amp;Residence</source>
        <translation>居住地(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;HKID</source>
        <translation>香港身份證(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Mainland ID</source>
        <translation>內地身份證(&amp;M)</translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation>電郵(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>電話(&amp;P)</translation>
    </message>
    <message>
        <source>Travel document</source>
        <translation>旅行證件</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>類別(&amp;T)</translation>
    </message>
    <message>
        <source>N&amp;umber</source>
        <translation>號碼(&amp;U)</translation>
    </message>
    <message>
        <source>Issued &amp;by</source>
        <translation>簽發國家／地區(&amp;B)</translation>
    </message>
    <message>
        <source>I&amp;ssued</source>
        <translation>簽發日期(&amp;S)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>YYYY-MM-DD（可不填）</translation>
    </message>
    <message>
        <source>E&amp;xpires</source>
        <translation>到期日(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>證件(&amp;D)</translation>
    </message>
    <message>
        <source>Pick a document to edit it in the Travel document box, then Save.</source>
        <translation>選擇證件後在「旅行證件」欄內編輯，然後儲存。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>新增證件</translation>
    </message>
    <message>
        <source>Ed&amp;ucation</source>
        <translation>學歷(&amp;U)</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>院校</translation>
    </message>
    <message>
        <source>Awarded YYYY-MM-DD</source>
        <translation>頒授日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Full-time</source>
        <translation>全日制</translation>
    </message>
    <message>
        <source>Add qualification</source>
        <translation>加入學歷</translation>
    </message>
    <message>
        <source>&amp;Work</source>
        <translation>工作(&amp;W)</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>僱主</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>職位</translation>
    </message>
    <message>
        <source>From YYYY-MM-DD</source>
        <translation>由 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>To (empty: current job)</source>
        <translation>至（留空：現職）</translation>
    </message>
    <message>
        <source>Annual income HK$</source>
        <translation>年收入（港元）</translation>
    </message>
    <message>
        <source>Add job</source>
        <translation>加入工作</translation>
    </message>
    <message>
        <source>&amp;Family</source>
        <translation>家庭(&amp;F)</translation>
    </message>
    <message>
        <source>Find an existing client…</source>
        <translation>尋找現有客戶…</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>移除關係</translation>
    </message>
    <message>
        <source>New dependant…</source>
        <translation>新增受養人…</translation>
    </message>
    <message>
        <source>Add as dependant</source>
        <translation>加為受養人</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（請選擇）</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>未指明</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Delete client…</source>
        <translation>刪除客戶…</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新客戶</translation>
    </message>
    <message>
        <source>New travel document</source>
        <translation>新旅行證件</translation>
    </message>
    <message>
        <source>choose the sex</source>
        <translation>請選擇性別</translation>
    </message>
    <message>
        <source>choose the residence</source>
        <translation>請選擇居住地</translation>
    </message>
    <message>
        <source>{client} (born {date}) is already on file: {reason}.</source>
        <translation>{client}（出生日期 {date}）已有紀錄：{reason}。</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重複</translation>
    </message>
    <message>
        <source>Open the existing client</source>
        <translation>開啟現有客戶</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然儲存</translation>
    </message>
    <message>
        <source>Check the date of birth</source>
        <translation>請核對出生日期</translation>
    </message>
    <message>
        <source>Not saved — {field}: {reason}</source>
        <translation>未儲存 — {field}：{reason}</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>編輯客戶</translation>
    </message>
    <message>
        <source>Saved. Add education, work and family, or close.</source>
        <translation>已儲存。可加入學歷、工作及家庭資料，或關閉。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Client not saved</source>
        <translation>客戶未儲存</translation>
    </message>
    <message>
        <source>Not saved — {reason}</source>
        <translation>未儲存 — {reason}</translation>
    </message>
    <message>
        <source>Cannot reload — {reason}</source>
        <translation>無法重新載入 — {reason}</translation>
    </message>
    <message>
        <source>Reloaded: these are the saved values. Make your change again if it is still needed.</source>
        <translation>已重新載入：以下是已儲存的資料。如仍需要，請再作修改。</translation>
    </message>
    <message>
        <source>Not deleted — {reason}</source>
        <translation>未刪除 — {reason}</translation>
    </message>
</context>
<context>
    <name>ClientHistory</name>
    <message>
        <source>Add qualification</source>
        <translation>加入學歷</translation>
    </message>
    <message>
        <source>Add job</source>
        <translation>加入工作</translation>
    </message>
    <message>
        <source>Add as dependant</source>
        <translation>加為受養人</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Save the client first</source>
        <translation>請先儲存客戶</translation>
    </message>
    <message>
        <source>expires {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <source>Save qualification</source>
        <translation>儲存學歷</translation>
    </message>
    <message>
        <source>Save job</source>
        <translation>儲存工作</translation>
    </message>
    <message>
        <source>Save relation</source>
        <translation>儲存關係</translation>
    </message>
    <message>
        <source>Not saved — {reason}</source>
        <translation>未儲存 — {reason}</translation>
    </message>
    <message>
        <source>give the date the job started</source>
        <translation>請填寫入職日期</translation>
    </message>
    <message>
        <source>give the income as a number</source>
        <translation>請以數字填寫收入</translation>
    </message>
    <message>
        <source>{name} · born {date}</source>
        <translation>{name} · 出生日期 {date}</translation>
    </message>
    <message>
        <source>Find and pick the dependant in the list first.</source>
        <translation>請先在清單中找出並選擇受養人。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by a colleague</source>
        <translation>同事已作更改</translation>
    </message>
    <message>
        <source>Theirs</source>
        <extracomment>The differences once shown; Keep mine saves at ``review.version``.</extracomment>
        <translation>對方的</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>&amp;Reload (show theirs)</source>
        <translation>重新載入（顯示對方的）(&amp;R)</translation>
    </message>
    <message>
        <source>Review the &amp;differences…</source>
        <translation>查看差異(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>保留我的(&amp;K)</translation>
    </message>
    <message>
        <source>Keep &amp;editing</source>
        <translation>繼續編輯(&amp;E)</translation>
    </message>
    <message>
        <source>The saved record cannot be read: {reason}</source>
        <translation>無法讀取已儲存的紀錄：{reason}</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>其他人</translation>
    </message>
    <message>
        <source>Theirs ({who})</source>
        <translation>對方的（{who}）</translation>
    </message>
    <message>
        <source>{count} field differs. Keep mine saves every value on the right over {who}'s; Reload shows theirs and drops yours.</source>
        <translation>有 {count} 個欄位不同。「保留我的」會以右邊的資料覆蓋 {who} 的資料；「重新載入」會顯示對方的資料並捨棄你的修改。</translation>
    </message>
    <message>
        <source>{count} fields differ. Keep mine saves every value on the right over {who}'s; Reload shows theirs and drops yours.</source>
        <translation>有 {count} 個欄位不同。「保留我的」會以右邊的資料覆蓋 {who} 的資料；「重新載入」會顯示對方的資料並捨棄你的修改。</translation>
    </message>
    <message>
        <source>{who} saved the same values as yours: Reload loses nothing.</source>
        <translation>{who} 儲存的資料與你的相同：重新載入不會失去任何資料。</translation>
    </message>
</context>
<context>
    <name>ConsultantsDialog</name>
    <message>
        <source>Consultants</source>
        <translation>顧問</translation>
    </message>
    <message>
        <source>Name, e.g. Ben Lau</source>
        <translation>姓名，例如 Ben Lau</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>加入(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>改名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>This desktop has no consultant name yet (File ▸ Settings): changes are recorded under the computer's login name.</source>
        <translation>此電腦尚未設定顧問名字（檔案 ▸ 設定）：更改會以電腦的登入名稱記錄。</translation>
    </message>
    <message>
        <source>You are {name} (File ▸ Settings): changes are recorded under this name, and “My cases” shows your cases.</source>
        <translation>你是 {name}（檔案 ▸ 設定）：更改會以此名字記錄，「我的個案」會顯示你的個案。</translation>
    </message>
    <message>
        <source>You are {name} (File ▸ Settings), not on this list yet: add yourself for “My cases” to work.</source>
        <translation>你是 {name}（檔案 ▸ 設定），但尚未在此名單上：請加入自己，「我的個案」才能運作。</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>重新啟用(&amp;R)</translation>
    </message>
    <message>
        <source>Not added — {reason}</source>
        <translation>未加入 — {reason}</translation>
    </message>
    <message>
        <source>Added {name}.</source>
        <translation>已加入 {name}。</translation>
    </message>
    <message>
        <source>Choose a consultant in the list first.</source>
        <translation>請先在名單中選擇顧問。</translation>
    </message>
    <message>
        <source>Not renamed — {reason}</source>
        <translation>未改名 — {reason}</translation>
    </message>
    <message>
        <source>Renamed {name}: their cases show the new name.</source>
        <translation>已為 {name} 改名：其個案會顯示新名字。</translation>
    </message>
    <message>
        <source>Not changed — {reason}</source>
        <translation>未有更改 — {reason}</translation>
    </message>
    <message>
        <source>{name} is active again.</source>
        <translation>{name} 已重新啟用。</translation>
    </message>
    <message>
        <source>{name} is inactive: off the pickers and filters; their {count} case keep the name.</source>
        <translation>{name} 已停用：不會出現在選單及篩選中；其 {count} 宗個案保留此名字。</translation>
    </message>
    <message>
        <source>{name} is inactive: off the pickers and filters; their {count} cases keep the name.</source>
        <translation>{name} 已停用：不會出現在選單及篩選中；其 {count} 宗個案保留此名字。</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>Client</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>個案</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事項</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Limit of stay</source>
        <translation>逗留期限</translation>
    </message>
    <message>
        <source>Loading the dashboard…</source>
        <translation>正在載入總覽…</translation>
    </message>
    <message>
        <source>… {count} more: double-click to show more</source>
        <translation>… 尚有 {count} 項：按兩下顯示更多</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>&amp;My cases only</source>
        <extracomment>"What" never narrower than this; the columns hidden first when the view is narrow.</extracomment>
        <translation>只顯示我的個案(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;nooze…</source>
        <translation>延後(&amp;N)…</translation>
    </message>
    <message>
        <source>Snooze the selected reminder (never past its deadline)</source>
        <translation>延後所選提醒（不會超過其期限）</translation>
    </message>
    <message>
        <source>Mark d&amp;one</source>
        <translation>標示為已完成(&amp;O)</translation>
    </message>
    <message>
        <source> — refreshing…</source>
        <translation> — 正在更新…</translation>
    </message>
    <message>
        <source>Only cases of {name}</source>
        <translation>只顯示 {name} 的個案</translation>
    </message>
    <message>
        <source>Set your name in Settings to the name of a consultant to see only your cases</source>
        <translation>在「設定」中把你的名字設為其中一位顧問的名字，即可只看你的個案</translation>
    </message>
    <message>
        <source>Verdicts changed</source>
        <translation>評估結果有變</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在檢查…</translation>
    </message>
    <message>
        <source>The dashboard could not be loaded: {reason}</source>
        <translation>無法載入總覽：{reason}</translation>
    </message>
    <message>
        <source>{title}: {count}</source>
        <translation>{title}：{count}</translation>
    </message>
    <message>
        <source>my cases</source>
        <translation>我的個案</translation>
    </message>
    <message>
        <source>all cases</source>
        <translation>所有個案</translation>
    </message>
    <message>
        <source>{title}: {note}</source>
        <translation>{title}：{note}</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>延後提醒</translation>
    </message>
    <message>
        <source>Select a row with an open reminder.</source>
        <translation>請選擇有未處理提醒的一行。</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>標示為已完成</translation>
    </message>
    <message>
        <source>Reminder not changed</source>
        <translation>提醒未有更改</translation>
    </message>
</context>
<context>
    <name>DateEntry</name>
    <message>
        <source>{field}: {formats}; Alt+Down opens a calendar</source>
        <translation>{field}：{formats}；按 Alt+Down 開啟月曆</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>選擇日期</translation>
    </message>
</context>
<context>
    <name>EligibilityTab</name>
    <message>
        <source>✓ met</source>
        <translation>✓ 符合</translation>
    </message>
    <message>
        <source>✗ not met</source>
        <translation>✗ 不符合</translation>
    </message>
    <message>
        <source>? unknown</source>
        <translation>? 未知</translation>
    </message>
    <message>
        <source>Answer the open criteria under ↳, then save.</source>
        <translation>請在 ↳ 下回答未確定的準則，然後儲存。</translation>
    </message>
    <message>
        <source>Cannot assess: {reason}</source>
        <translation>無法評估：{reason}</translation>
    </message>
    <message>
        <source> (category {category})</source>
        <translation>（類別 {category}）</translation>
    </message>
    <message>
        <source> — {score} points, pass mark {pass_mark}</source>
        <translation> — {score} 分，及格分數 {pass_mark}</translation>
    </message>
    <message>
        <source> — {score} criteria met, pass mark {pass_mark}</source>
        <translation> — 符合 {score} 項準則，及格要求 {pass_mark}</translation>
    </message>
    <message>
        <source>Initial stay on approval: {months} months</source>
        <translation>獲批後首次逗留期：{months} 個月</translation>
    </message>
    <message>
        <source>Rules {rules} in force from {date} · sources: {sources}</source>
        <translation>規則 {rules} 由 {date} 起生效 · 資料來源：{sources}</translation>
    </message>
    <message>
        <source>From {date}: {criterion} — {effect}</source>
        <translation>由 {date} 起：{criterion} — {effect}</translation>
    </message>
    <message>
        <source>&lt;i&gt;ImmD decides every application.&lt;/i&gt;</source>
        <translation>&lt;i&gt;所有申請均由入境處決定。&lt;/i&gt;</translation>
    </message>
    <message>
        <source> · review</source>
        <translation> · 須覆核</translation>
    </message>
    <message>
        <source>Is {institution} on the TTPS list as {listed}?</source>
        <translation>{institution} 是否以 {listed} 列於「高端人才通行證計劃」名單？</translation>
    </message>
    <message>
        <source>Is {institution} on the TTPS list?</source>
        <translation>{institution} 是否列於「高端人才通行證計劃」名單？</translation>
    </message>
    <message>
        <source>Yes, it is on the list</source>
        <translation>是，列於名單</translation>
    </message>
    <message>
        <source>No, it is not on the list</source>
        <translation>否，不在名單內</translation>
    </message>
    <message>
        <source>Asked once: the answer is kept with the education record ({version}).</source>
        <translation>只問一次：答案會與學歷紀錄一併保存（{version}）。</translation>
    </message>
    <message>
        <source>Kept with the case facts.</source>
        <translation>與個案資料一併保存。</translation>
    </message>
    <message>
        <source>Kept with the case as the consultant's override.</source>
        <translation>作為顧問覆寫與個案一併保存。</translation>
    </message>
    <message>
        <source>Settles: {criterion}</source>
        <translation>用以確定：{criterion}</translation>
    </message>
    <message>
        <source>Not saved — {field}: {reason}</source>
        <translation>未儲存 — {field}：{reason}</translation>
    </message>
    <message>
        <source>Nothing entered.</source>
        <translation>未有輸入任何資料。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <source>No change.</source>
        <translation>沒有更改。</translation>
    </message>
    <message>
        <source>Override not accepted</source>
        <translation>覆寫不獲接納</translation>
    </message>
    <message>
        <source>Not saved — {reason}</source>
        <translation>未儲存 — {reason}</translation>
    </message>
    <message>
        <source>Check not kept</source>
        <translation>評估未有保存</translation>
    </message>
    <message>
        <source>&amp;Run check and keep it</source>
        <translation>進行評估並保存(&amp;R)</translation>
    </message>
    <message>
        <source>Keep this assessment with the case (Kept checks)</source>
        <translation>把此評估與個案一併保存（已保存的評估）</translation>
    </message>
    <message>
        <source>Cri&amp;teria</source>
        <translation>準則(&amp;T)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀況</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>準則</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Save &amp;answers</source>
        <translation>儲存答案(&amp;A)</translation>
    </message>
    <message>
        <source>Keep the answers typed under the open criteria</source>
        <translation>保存在未確定準則下輸入的答案</translation>
    </message>
    <message>
        <source>Case &amp;facts</source>
        <translation>個案資料(&amp;F)</translation>
    </message>
    <message>
        <source>Save case &amp;facts</source>
        <translation>儲存個案資料(&amp;F)</translation>
    </message>
    <message>
        <source>All facts &amp;&amp; &amp;sources</source>
        <translation>所有資料及來源(&amp;S)</translation>
    </message>
    <message>
        <source>Double-click an override to set or clear it; it is kept with the case.</source>
        <translation>按兩下覆寫欄以設定或清除覆寫；覆寫會與個案一併保存。</translation>
    </message>
    <message>
        <source>Double-click the override column to set or clear a consultant's override; it is kept with the case</source>
        <translation>按兩下覆寫欄以設定或清除顧問覆寫；覆寫會與個案一併保存</translation>
    </message>
    <message>
        <source>&amp;Kept checks</source>
        <translation>已保存的評估(&amp;K)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{field}: {reason}</source>
        <extracomment>The interface languages besides English, as ``.qm`` files name them. Qt's own strings (standard buttons, file dialogs): Qt ships Traditional as zh_TW. The language installed now (``install_translators``), and the labels' code for it.</extracomment>
        <translation>{field}：{reason}</translation>
    </message>
</context>
<context>
    <name>FactInput</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>e.g. English, Chinese</source>
        <translation>例如 English, Chinese</translation>
    </message>
</context>
<context>
    <name>FilingTab</name>
    <message>
        <source>Applicant in Hong Kong</source>
        <extracomment>The mark of each ``domain.filing.checks.CheckStatus`` (keyed by its value). The languages of the sheet (``domain.checklists.Lang`` values) and their names.</extracomment>
        <translation>申請人身在香港</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copy {field}</source>
        <translation>複製{field}</translation>
    </message>
    <message>
        <source>Save the filing sheet</source>
        <translation>儲存申請資料表</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <source>Filing sheet saved</source>
        <translation>已儲存申請資料表</translation>
    </message>
    <message>
        <source>{file} ({pages} pages)</source>
        <translation>{file}（{pages} 頁）</translation>
    </message>
    <message>
        <source>Prepare upload set</source>
        <translation>準備上載文件</translation>
    </message>
    <message>
        <source>Open a case first.</source>
        <translation>請先開啟個案。</translation>
    </message>
    <message>
        <source>Prepare upload set: new folder</source>
        <translation>準備上載文件：新資料夾</translation>
    </message>
    <message>
        <source>Folders (*)</source>
        <translation>資料夾 (*)</translation>
    </message>
    <message>
        <source>{files} files for {case} in {folder} (see index.pdf).</source>
        <translation>{case} 的 {files} 個檔案已存於 {folder}（見 index.pdf）。</translation>
    </message>
    <message>
        <source>Not included:</source>
        <translation>未有包括：</translation>
    </message>
    <message>
        <source>Upload set ready</source>
        <translation>上載文件已準備好</translation>
    </message>
    <message>
        <source>Prepare &amp;upload set…</source>
        <translation>準備上載文件(&amp;U)…</translation>
    </message>
    <message>
        <source>Applicant in &amp;Hong Kong (extension)</source>
        <translation>申請人身在香港（延期）(&amp;H)</translation>
    </message>
    <message>
        <source>The client confirmed being in Hong Kong (needed to apply, pay and collect the e-Visa for an extension); kept with the case as "Applying from: Hong Kong"</source>
        <translation>客戶已確認身在香港（延期須在港申請、繳費及領取電子簽證）；以「申請地點：香港」與個案一併保存</translation>
    </message>
    <message>
        <source>Language of the checks and the data sheet</source>
        <translation>檢查項目及資料表的語言</translation>
    </message>
    <message>
        <source>Copy &amp;all in order</source>
        <translation>按次序全部複製(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save for the client…</source>
        <translation>儲存給客戶(&amp;S)…</translation>
    </message>
    <message>
        <source>The sheet as a PDF for the client to check and sign</source>
        <translation>把資料表儲存為 PDF，供客戶核對及簽署</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>內容</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Spreadsheets (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)</source>
        <translation>試算表 (*.csv *.xlsx);;CSV 檔案 (*.csv);;Excel 活頁簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <extracomment>(label, encoding passed to the import) for the encoding choice.</extracomment>
        <translation>自動偵測</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <extracomment>Keyed by the stages of ``services.imports.progress`` (READING … INDEXING).</extracomment>
        <translation>正在讀取檔案…</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在檢查各行…</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在備份資料庫…</translation>
    </message>
    <message>
        <source>Writing the clients…</source>
        <translation>正在寫入客戶資料…</translation>
    </message>
    <message>
        <source>Updating the search index…</source>
        <translation>正在更新搜尋索引…</translation>
    </message>
    <message>
        <source>Import clients from {file}</source>
        <translation>從 {file} 匯入客戶</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>編碼：</translation>
    </message>
    <message>
        <source>Something went wrong while reading the file; nothing was imported. The details are in the log (Help ▸ About shows where).</source>
        <translation>讀取檔案時出錯，未有匯入任何資料。詳情見記錄檔（「說明 ▸ 關於」顯示其位置）。</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was imported. The details are in the log (Help ▸ About shows where).</source>
        <translation>出錯了，未有匯入任何資料。詳情見記錄檔（「說明 ▸ 關於」顯示其位置）。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>匯入失敗</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>{count} new client</source>
        <translation>{count} 位新客戶</translation>
    </message>
    <message>
        <source>{count} new clients</source>
        <translation>{count} 位新客戶</translation>
    </message>
    <message>
        <source>{count} update of existing clients</source>
        <translation>更新 {count} 位現有客戶</translation>
    </message>
    <message>
        <source>{count} updates of existing clients</source>
        <translation>更新 {count} 位現有客戶</translation>
    </message>
    <message>
        <source>{count} row rejected</source>
        <translation>{count} 行不獲接納</translation>
    </message>
    <message>
        <source>{count} rows rejected</source>
        <translation>{count} 行不獲接納</translation>
    </message>
    <message>
        <source>(not imported; correct them in the file and import it again)</source>
        <translation>（未有匯入；請在檔案中更正後再匯入）</translation>
    </message>
    <message>
        <source>Columns not imported (not recognised): {columns}</source>
        <translation>未有匯入的欄（無法識別）：{columns}</translation>
    </message>
    <message>
        <source>This file cannot be imported: {reason}</source>
        <translation>此檔案無法匯入：{reason}</translation>
    </message>
    <message>
        <source>Import {count} row</source>
        <translation>匯入 {count} 行</translation>
    </message>
    <message>
        <source>Import {count} rows</source>
        <translation>匯入 {count} 行</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>匯入完成</translation>
    </message>
    <message>
        <source>{new} new clients and {updated} updated; {cases} cases opened and {stays} stays recorded.</source>
        <translation>新增 {new} 位客戶、更新 {updated} 位；開立 {cases} 宗個案，記錄 {stays} 項逗留。</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>未有匯入任何資料：{reason}</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>已取消匯入：未有匯入任何資料。</translation>
    </message>
    <message>
        <source>Import clients from a spreadsheet</source>
        <translation>從試算表匯入客戶</translation>
    </message>
    <message>
        <source>&amp;Import clients…</source>
        <translation>匯入客戶(&amp;I)…</translation>
    </message>
    <message>
        <source>Add or update clients from a CSV or Excel file, with a preview</source>
        <translation>從 CSV 或 Excel 檔案新增或更新客戶，並先預覽</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>hkcase</source>
        <translation>hkcase</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>總覽(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>個案(&amp;C)</translation>
    </message>
    <message>
        <source>Names, 中文姓名, passport, HKID, ImmD or case ref. (Ctrl+F)</source>
        <translation>英文姓名、中文姓名、護照、香港身份證、入境處或個案編號 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search English and Chinese names, passport, HKID and Mainland ID numbers, ImmD file and case references (Ctrl+F)</source>
        <translation>搜尋英文及中文姓名、護照、香港身份證及內地身份證號碼、入境處檔案及個案編號 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Select a case on the left, or press Ctrl+N for a new case.</source>
        <translation>請在左邊選擇個案，或按 Ctrl+N 開立新個案。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>C&amp;ase</source>
        <translation>個案(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具列</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新個案(&amp;N)…</translation>
    </message>
    <message>
        <source>New c&amp;lient…</source>
        <translation>新客戶(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Edit client…</source>
        <translation>編輯客戶(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>E&amp;xport document pack…</source>
        <translation>匯出文件套(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Print document pack…</source>
        <translation>列印文件套(&amp;P)…</translation>
    </message>
    <message>
        <source>Save checklist for the client (English / 中文)…</source>
        <translation>儲存給客戶的清單（English／中文）…</translation>
    </message>
    <message>
        <source>Print &amp;checklist for the client…</source>
        <translation>列印給客戶的清單(&amp;C)…</translation>
    </message>
    <message>
        <source>Extension reminder &amp;letter…</source>
        <translation>延期提示信(&amp;L)…</translation>
    </message>
    <message>
        <source>Export packs for all &amp;selected cases…</source>
        <translation>匯出所有已選個案的文件套(&amp;S)…</translation>
    </message>
    <message>
        <source>Save checklists for all selected cases…</source>
        <translation>儲存所有已選個案的清單…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>回收筒(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Delete case…</source>
        <translation>刪除個案(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete c&amp;lient…</source>
        <translation>刪除客戶(&amp;L)…</translation>
    </message>
    <message>
        <source>Keyboard &amp;shortcuts</source>
        <translation>鍵盤快速鍵(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About hkcase</source>
        <translation>關於 hkcase(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Consultants…</source>
        <translation>顧問(&amp;C)…</translation>
    </message>
    <message>
        <source>Add, rename or deactivate the firm's consultants</source>
        <translation>加入、改名或停用公司的顧問</translation>
    </message>
    <message>
        <source>Loading the dashboard…</source>
        <translation>正在載入總覽…</translation>
    </message>
    <message>
        <source>Loading the case list…</source>
        <translation>正在載入個案清單…</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在開啟資料庫…</translation>
    </message>
    <message>
        <source>Database: {location} · schema {revision}</source>
        <translation>資料庫：{location} · 結構版本 {revision}</translation>
    </message>
    <message>
        <source>All schemes</source>
        <translation>所有計劃</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>所有階段</translation>
    </message>
    <message>
        <source>All consultants</source>
        <translation>所有顧問</translation>
    </message>
    <message>
        <source>My cases ({name})</source>
        <translation>我的個案（{name}）</translation>
    </message>
    <message>
        <source> — type one more character to search</source>
        <translation> — 再輸入一個字即可搜尋</translation>
    </message>
    <message>
        <source> · {count} client without a case</source>
        <translation> · {count} 位未有個案的客戶</translation>
    </message>
    <message>
        <source> · {count} clients without a case</source>
        <translation> · {count} 位未有個案的客戶</translation>
    </message>
    <message>
        <source>{count} case</source>
        <translation>{count} 宗個案</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>{count} 宗個案</translation>
    </message>
    <message>
        <source>{client} has no case yet: press Enter or double-click to open the client.</source>
        <translation>{client} 尚未有個案：按 Enter 或按兩下開啟客戶。</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>編輯客戶</translation>
    </message>
    <message>
        <source>Select a case first.</source>
        <translation>請先選擇個案。</translation>
    </message>
    <message>
        <source>Deleted the client. Edit ▸ Undo (Ctrl+Z) brings them back.</source>
        <translation>已刪除客戶。「編輯 ▸ 復原」(Ctrl+Z) 可還原。</translation>
    </message>
    <message>
        <source>No case</source>
        <translation>未有個案</translation>
    </message>
    <message>
        <source>Document pack</source>
        <translation>文件套</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清單</translation>
    </message>
    <message>
        <source>Checklist 文件清單</source>
        <translation>文件清單 Checklist</translation>
    </message>
    <message>
        <source>Extension letter</source>
        <translation>延期提示信</translation>
    </message>
    <message>
        <source>Checklist for the client</source>
        <translation>給客戶的清單</translation>
    </message>
    <message>
        <source>Which language?</source>
        <translation>用哪種語言？</translation>
    </message>
    <message>
        <source>Export packs</source>
        <translation>匯出文件套</translation>
    </message>
    <message>
        <source>Select cases in the list first.</source>
        <translation>請先在清單中選擇個案。</translation>
    </message>
    <message>
        <source>Data: {data}&lt;br&gt;Log: {log}&lt;br&gt;</source>
        <translation>資料：{data}&lt;br&gt;記錄檔：{log}&lt;br&gt;</translation>
    </message>
    <message>
        <source>About hkcase</source>
        <translation>關於 hkcase</translation>
    </message>
    <message>
        <source>Case tracker for Hong Kong talent-visa consultants.</source>
        <translation>為香港人才簽證顧問而設的個案管理工具。</translation>
    </message>
    <message>
        <source>ImmD decides every application.</source>
        <translation>所有申請均由入境處決定。</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>(nobody)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>{name} · born {date} · {nationality}</source>
        <translation>{name} · 出生日期 {date} · {nationality}</translation>
    </message>
    <message>
        <source>Suggested: {schemes}</source>
        <translation>建議：{schemes}</translation>
    </message>
    <message>
        <source>Pick a client first (or create one).</source>
        <translation>請先選擇客戶（或新增客戶）。</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新個案</translation>
    </message>
    <message>
        <source>&lt;b&gt;1. Client&lt;/b&gt; — pick an existing client or create one</source>
        <translation>&lt;b&gt;1. 客戶&lt;/b&gt; — 選擇現有客戶或新增客戶</translation>
    </message>
    <message>
        <source>Name, 中文姓名, passport…</source>
        <translation>英文姓名、中文姓名、護照…</translation>
    </message>
    <message>
        <source>New c&amp;lient…</source>
        <translation>新客戶(&amp;L)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;2. Scheme&lt;/b&gt; — suggestions come from a quick eligibility check</source>
        <translation>&lt;b&gt;2. 計劃&lt;/b&gt; — 建議來自快速資格評估</translation>
    </message>
    <message>
        <source>&amp;Scheme</source>
        <translation>計劃(&amp;S)</translation>
    </message>
    <message>
        <source>Application &amp;type</source>
        <translation>申請類別(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Consultant</source>
        <translation>顧問(&amp;C)</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Not saved — {reason}</source>
        <translation>未儲存 — {reason}</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Edit note…</source>
        <translation>編輯備註…</translation>
    </message>
    <message>
        <source>Delete note…</source>
        <translation>刪除備註…</translation>
    </message>
    <message>
        <source>Note not added</source>
        <translation>未有加入備註</translation>
    </message>
    <message>
        <source>Note not deleted</source>
        <translation>未有刪除備註</translation>
    </message>
    <message>
        <source>Double-click a note to correct it; Delete removes it (undo with Ctrl+Z)</source>
        <translation>按兩下備註即可更正；Delete 鍵刪除（按 Ctrl+Z 復原）</translation>
    </message>
    <message>
        <source>Write a note…</source>
        <translation>寫下備註…</translation>
    </message>
    <message>
        <source>&amp;Add note</source>
        <translation>加入備註(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Open</source>
        <extracomment>Checks a passphrase: None if it opens the folder, else what to tell the user.</extracomment>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Type the passphrase of this data folder, or press Cancel to quit.</source>
        <translation>請輸入此資料夾的密碼短語，或按「取消」結束。</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>New client</source>
        <translation>新客戶</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不獲接納</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>no</source>
        <extracomment>How a yes/no value reads in a cell (translated when shown).</extracomment>
        <translation>否</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message>
        <source>hkcase: deadlines</source>
        <translation>hkcase：期限</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>As the system ({language})</source>
        <extracomment>Each language named in itself, so it can be found whatever the interface shows now.</extracomment>
        <translation>跟隨系統（{language}）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>&amp;Your name (consultant)</source>
        <translation>你的名字（顧問）(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Reminder lead times (days before the limit)</source>
        <translation>提醒提前日數（期限前多少日）(&amp;R)</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>介面語言(&amp;L)</translation>
    </message>
    <message>
        <source>A new language shows after hkcase is restarted.</source>
        <translation>重新啟動 hkcase 後才會顯示新語言。</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>記錄檔</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Search the case list</source>
        <extracomment>Keys that belong to widgets rather than menu actions.</extracomment>
        <translation>搜尋個案清單</translation>
    </message>
    <message>
        <source>Save the case overview</source>
        <translation>儲存個案概覽</translation>
    </message>
    <message>
        <source>Throw away unsaved overview edits</source>
        <translation>捨棄未儲存的概覽修改</translation>
    </message>
    <message>
        <source>Open the calendar of a date field (dates: DD/MM/YYYY or YYYY-MM-DD)</source>
        <translation>開啟日期欄的月曆（日期格式：DD/MM/YYYY 或 YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Enter / double-click</source>
        <translation>Enter／按兩下</translation>
    </message>
    <message>
        <source>Open the case of a dashboard row, or show more rows</source>
        <translation>開啟總覽中該行的個案，或顯示更多行</translation>
    </message>
    <message>
        <source>Snooze the selected dashboard reminder (never past its deadline)</source>
        <translation>延後總覽中所選的提醒（不會超過其期限）</translation>
    </message>
    <message>
        <source>Mark the selected dashboard reminder done</source>
        <translation>把總覽中所選的提醒標示為已完成</translation>
    </message>
    <message>
        <source>Dashboard: my cases only</source>
        <translation>總覽：只顯示我的個案</translation>
    </message>
    <message>
        <source>Delete the selected record (asks first)</source>
        <translation>刪除所選紀錄（會先詢問）</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
</context>
<context>
    <name>StayDialog</name>
    <message>
        <source>Stay</source>
        <translation>逗留</translation>
    </message>
    <message>
        <source>&amp;Stay number (0 = first)</source>
        <translation>逗留次序(&amp;S)（0 = 首次）</translation>
    </message>
    <message>
        <source>&amp;Granted on</source>
        <translation>批出日期(&amp;G)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Entry date</source>
        <translation>入境日期(&amp;E)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>&amp;Limit of stay (as printed)</source>
        <translation>逗留期限（按簽證所印）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Condition of stay</source>
        <translation>逗留條件(&amp;C)</translation>
    </message>
    <message>
        <source>Stay {number}</source>
        <translation>逗留 {number}</translation>
    </message>
    <message>
        <source>Check the limit of stay</source>
        <translation>請核對逗留期限</translation>
    </message>
    <message>
        <source>Not saved — {field}: {reason}</source>
        <translation>未儲存 — {field}：{reason}</translation>
    </message>
    <message>
        <source>Not saved: correct the date, or Save again.</source>
        <translation>未儲存：請更正日期，或再按「儲存」。</translation>
    </message>
    <message>
        <source>Not saved — {reason}</source>
        <translation>未儲存 — {reason}</translation>
    </message>
    <message>
        <source>Cannot reload — {reason}</source>
        <translation>無法重新載入 — {reason}</translation>
    </message>
    <message>
        <source>Reloaded: these are the saved values. Make your change again if it is still needed.</source>
        <translation>已重新載入：以下是已儲存的資料。如仍需要，請再作修改。</translation>
    </message>
</context>
<context>
    <name>StaysTab</name>
    <message>
        <source>estimated from the scheme's pattern; the printed date wins</source>
        <translation>按計劃的慣常模式估算；以所印日期為準</translation>
    </message>
    <message>
        <source>{holiday} — last working day {date}</source>
        <translation>{holiday} — 最後工作日 {date}</translation>
    </message>
    <message>
        <source> until {date}</source>
        <translation> 至 {date}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>次序</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>批出日期</translation>
    </message>
    <message>
        <source>Limit (printed)</source>
        <translation>期限（所印）</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估算</translation>
    </message>
    <message>
        <source>Window opens</source>
        <translation>申請期開始</translation>
    </message>
    <message>
        <source>Holiday / last working day</source>
        <translation>假期／最後工作日</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Edit stay…</source>
        <translation>編輯逗留…</translation>
    </message>
    <message>
        <source>Delete stay…</source>
        <translation>刪除逗留…</translation>
    </message>
    <message>
        <source>Limit of stay {limit} (as printed). Extension window ({rule}) opens {opens}.</source>
        <translation>逗留期限 {limit}（按所印）。延期申請期（{rule}）於 {opens} 開始。</translation>
    </message>
    <message>
        <source> The limit falls on a general holiday ({holiday}); last working day {date}.</source>
        <translation> 期限適逢公眾假期（{holiday}）；最後工作日為 {date}。</translation>
    </message>
    <message>
        <source>No limit of stay recorded yet.</source>
        <translation>尚未記錄逗留期限。</translation>
    </message>
    <message>
        <source>give the grant date and the limit of stay as printed</source>
        <translation>請按簽證所印填寫批出日期及逗留期限</translation>
    </message>
    <message>
        <source>Check the limit of stay</source>
        <translation>請核對逗留期限</translation>
    </message>
    <message>
        <source>Stay not recorded</source>
        <translation>未有記錄逗留</translation>
    </message>
    <message>
        <source>record stay ending {date}</source>
        <translation>記錄於{date}屆滿的逗留期限</translation>
    </message>
    <message>
        <source>Stay not deleted</source>
        <translation>未有刪除逗留</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新載入</translation>
    </message>
    <message>
        <source>Reminder not changed</source>
        <translation>提醒未有更改</translation>
    </message>
    <message>
        <source>Double-click to correct a stay; Delete removes it (undo with Ctrl+Z)</source>
        <translation>按兩下即可更正逗留；Delete 鍵刪除（按 Ctrl+Z 復原）</translation>
    </message>
    <message>
        <source>Granted on YYYY-MM-DD</source>
        <translation>批出日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Entry date (optional)</source>
        <translation>入境日期（可不填）</translation>
    </message>
    <message>
        <source>Limit of stay as printed</source>
        <translation>按所印的逗留期限</translation>
    </message>
    <message>
        <source>&amp;Record stay</source>
        <translation>記錄逗留(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;nooze…</source>
        <translation>延後(&amp;N)…</translation>
    </message>
    <message>
        <source>Mark d&amp;one</source>
        <translation>標示為已完成(&amp;O)</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Deleted</source>
        <translation>刪除日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>刪除者</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事項</translation>
    </message>
    <message>
        <source>With it</source>
        <translation>一併刪除</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>未有還原</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>永久刪除</translation>
    </message>
    <message>
        <source>Delete {item} for good? This cannot be undone.</source>
        <translation>永久刪除{item}？此操作無法復原。</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未有刪除</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收筒</translation>
    </message>
    <message>
        <source>Deleted records, newest first. Restoring puts a record back with everything that went with it; deleting for good cannot be undone.</source>
        <translation>已刪除的紀錄，最新的排先。還原會把紀錄連同一併刪除的項目放回；永久刪除則無法復原。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>還原(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete for good…</source>
        <translation>永久刪除(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>WindowRecords</name>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Edit client…</source>
        <translation>編輯客戶…</translation>
    </message>
    <message>
        <source>Delete case…</source>
        <translation>刪除個案…</translation>
    </message>
    <message>
        <source>Delete client…</source>
        <translation>刪除客戶…</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>復原{action}(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Select a case first.</source>
        <translation>請先選擇個案。</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未有刪除</translation>
    </message>
    <message>
        <source>Deleted {record}. Edit ▸ Undo (Ctrl+Z) brings it back.</source>
        <translation>已刪除{record}。「編輯 ▸ 復原」(Ctrl+Z) 可還原。</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>無法復原</translation>
    </message>
    <message>
        <source>Not undone.</source>
        <translation>未有復原。</translation>
    </message>
    <message>
        <source>Undone: {action}.</source>
        <translation>已復原：{action}。</translation>
    </message>
    <message>
        <source>Restored {records}.</source>
        <translation>已還原{records}。</translation>
    </message>
</context>
<context>
    <name>consultants</name>
    <message>
        <source>{count} case</source>
        <translation>{count} 宗個案</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>{count} 宗個案</translation>
    </message>
    <message>
        <source>{name} (inactive) · {cases}</source>
        <translation>{name}（已停用）· {cases}</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>hkcase hit an unexpected error</source>
        <translation>hkcase 遇到預期以外的錯誤</translation>
    </message>
    <message>
        <source>Your data is safe: nothing half-written was kept. The details are in
{file}</source>
        <translation>你的資料安全：未有保留任何寫了一半的資料。詳情見
{file}</translation>
    </message>
</context>
<context>
    <name>eligibility</name>
    <message>
        <source>none recorded</source>
        <translation>未有記錄</translation>
    </message>
    <message>
        <source>Needs: {facts}</source>
        <translation>需要：{facts}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>資料</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>內容</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Override (double-click)</source>
        <translation>覆寫（按兩下）</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>Restore the newest good backup, {backup}? The damaged file is kept in the backups folder.</source>
        <translation>還原最新的完好備份 {backup}？損壞的檔案會保留在備份資料夾中。</translation>
    </message>
    <message>
        <source>The hkcase database is damaged</source>
        <translation>hkcase 資料庫已損壞</translation>
    </message>
    <message>
        <source>Checking the database (the first start today)…</source>
        <extracomment>``app.exec()`` status asking for a new start (a backup was restored over a damaged file).</extracomment>
        <translation>正在檢查資料庫（今天首次啟動）…</translation>
    </message>
    <message>
        <source>hkcase cannot start</source>
        <translation>hkcase 無法啟動</translation>
    </message>
    <message>
        <source>hkcase could not start because of an unexpected error; nothing half-written was kept.</source>
        <translation>hkcase 因意外錯誤未能啟動；沒有保留任何寫了一半的資料。</translation>
    </message>
    <message>
        <source>The details, with no client data, are in {file}</source>
        <translation>詳情（不含客戶資料）載於 {file}</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>Done ({pages} pages), with notes:</source>
        <translation>完成（{pages} 頁），附註：</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save checklists</source>
        <translation>儲存清單</translation>
    </message>
    <message>
        <source>Save packs</source>
        <translation>儲存文件套</translation>
    </message>
    <message>
        <source>Save checklists into folder</source>
        <translation>把清單儲存到資料夾</translation>
    </message>
    <message>
        <source>Save packs into folder</source>
        <translation>把文件套儲存到資料夾</translation>
    </message>
    <message>
        <source>Writing checklists…</source>
        <translation>正在寫入清單…</translation>
    </message>
    <message>
        <source>Writing packs…</source>
        <translation>正在寫入文件套…</translation>
    </message>
    <message>
        <source>{count} checklists written to {folder}.</source>
        <translation>已把 {count} 份清單寫入 {folder}。</translation>
    </message>
    <message>
        <source>{count} packs written to {folder}.</source>
        <translation>已把 {count} 套文件寫入 {folder}。</translation>
    </message>
    <message>
        <source>The checklists could not be written ({reason}). Files already written are kept.</source>
        <translation>無法寫入清單（{reason}）。已寫入的檔案會保留。</translation>
    </message>
    <message>
        <source>The packs could not be written ({reason}). Files already written are kept.</source>
        <translation>無法寫入文件套（{reason}）。已寫入的檔案會保留。</translation>
    </message>
    <message>
        <source>Not written:</source>
        <translation>未有寫入：</translation>
    </message>
</context>
<context>
    <name>record_actions</name>
    <message>
        <source>{questions}

Save it as typed?</source>
        <translation>{questions}

照輸入內容儲存？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>snooze</name>
    <message>
        <source>Snooze</source>
        <translation>延後提醒</translation>
    </message>
    <message>
        <source>This reminder cannot be snoozed.</source>
        <translation>此提醒不能延後。</translation>
    </message>
    <message>
        <source>{reminder}: snooze until…</source>
        <translation>{reminder}：延後至…</translation>
    </message>
    <message>
        <source> (at the latest {date})</source>
        <translation>（最遲 {date}）</translation>
    </message>
</context>
</TS>