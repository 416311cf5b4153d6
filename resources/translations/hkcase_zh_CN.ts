<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityTab</name>
    <message>
        <source>Every change to this case, its client and its documents, newest first.</source>
        <translation>此个案、其客户及文件的每项更改，最新的排先。</translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation>尚未有任何更改记录。</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Reference</source>
        <extracomment>Keyed by ``services.cases.listing.DeadlineFilter`` values (a ``StrEnum``).</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>顾问</translation>
    </message>
    <message>
        <source>Limit of stay</source>
        <translation>逗留期限</translation>
    </message>
    <message>
        <source>Window opens</source>
        <translation>申请期开始</translation>
    </message>
    <message>
        <source>no case yet</source>
        <translation>尚无个案</translation>
    </message>
    <message>
        <source>{client}: a client without a case. Double-click or press Enter to open the client.</source>
        <translation>{client}：未有个案的客户。双击或按 Enter 打开客户。</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Acti&amp;vity</source>
        <translation>活动记录(&amp;V)</translation>
    </message>
    <message>
        <source>Fi&amp;ling</source>
        <translation>递交申请(&amp;L)</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>出生日期 {date}</translation>
    </message>
    <message>
        <source>passport {number}</source>
        <translation>护照 {number}</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>{name} (inactive)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <source>submitted on</source>
        <translation>递交日期</translation>
    </message>
    <message>
        <source>decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>contract ends</source>
        <translation>合约终止日期</translation>
    </message>
    <message>
        <source>Not saved — {field}: {reason}</source>
        <translation>未保存 — {field}：{reason}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>&amp;Stage</source>
        <translation>阶段(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Outcome (ImmD)</source>
        <translation>结果（入境处）(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;ImmD file reference</source>
        <translation>入境处文件编号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Employer / sponsor</source>
        <translation>雇主／保证人(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Consultant</source>
        <translation>顾问(&amp;C)</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开立日期</translation>
    </message>
    <message>
        <source>Su&amp;bmitted on</source>
        <translation>递交日期(&amp;B)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Decided on</source>
        <translation>决定日期(&amp;D)</translation>
    </message>
    <message>
        <source>Contract &amp;ends</source>
        <translation>合约终止日期(&amp;E)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>E&amp;ligibility</source>
        <translation>资格(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;tay</source>
        <translation>逗留(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;hecklist</source>
        <translation>清单(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ChecklistItemDialog</name>
    <message>
        <source>Checklist item: {item}</source>
        <translation>清单项目：{item}</translation>
    </message>
    <message>
        <source>Delete file…</source>
        <translation>删除文件…</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} 字节</translation>
    </message>
    <message>
        <source>expires {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <source>Not saved — {reason}</source>
        <translation>未保存 — {reason}</translation>
    </message>
    <message>
        <source>File details saved.</source>
        <translation>已保存文件资料。</translation>
    </message>
    <message>
        <source>Not deleted — {reason}</source>
        <translation>未删除 — {reason}</translation>
    </message>
    <message>
        <source>Not saved — {field}: {reason}</source>
        <translation>未保存 — {field}：{reason}</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>清单项目</translation>
    </message>
    <message>
        <source>&amp;Title (English)</source>
        <translation>英文名称(&amp;T)</translation>
    </message>
    <message>
        <source>Title 中文</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>&amp;Form number</source>
        <translation>表格编号(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;State</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Required</source>
        <translation>必须(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Files (newest first)</source>
        <translation>文件（最新的排先）</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名称</translation>
    </message>
    <message>
        <source>Expires YYYY-MM-DD</source>
        <translation>到期日 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Save &amp;file details</source>
        <translation>保存文件资料(&amp;F)</translation>
    </message>
    <message>
        <source>Delete fi&amp;le…</source>
        <translation>删除文件(&amp;L)…</translation>
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
        <translation>状态</translation>
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
        <translation>必须</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>附加文件…</translation>
    </message>
    <message>
        <source>Delete item…</source>
        <translation>删除项目…</translation>
    </message>
    <message>
        <source>{done} of {total} items accepted or not applicable. Drop files on an item to attach them. † based on practice, not ImmD's published list.</source>
        <translation>{total} 项中有 {done} 项已接纳或不适用。把文件拖放到项目上即可附加。† 根据实务经验，并非入境处公布的清单。</translation>
    </message>
    <message>
        <source>No checklist yet: create it from the scheme's template.</source>
        <translation>尚未有清单：请按计划范本建立。</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Select the checklist item first.</source>
        <translation>请先选择清单项目。</translation>
    </message>
    <message>
        <source>Attached, with notes</source>
        <translation>已附加，附注如下</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>附加</translation>
    </message>
    <message>
        <source>Attach to “{item}”</source>
        <translation>附加到“{item}”</translation>
    </message>
    <message>
        <source>Set &amp;state</source>
        <translation>设置状态(&amp;S)</translation>
    </message>
    <message>
        <source>A&amp;ttach file…</source>
        <translation>附加文件(&amp;T)…</translation>
    </message>
    <message>
        <source>O&amp;pen file</source>
        <translation>打开文件(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>详情(&amp;D)…</translation>
    </message>
    <message>
        <source>Edit the item and its files (right-click for more; Delete removes the item)</source>
        <translation>编辑项目及其文件（按右键查看更多；Delete 键删除项目）</translation>
    </message>
    <message>
        <source>Add an item for this case (English title)</source>
        <translation>为此个案加入项目（英文名称）</translation>
    </message>
    <message>
        <source>Add &amp;item</source>
        <translation>加入项目(&amp;I)</translation>
    </message>
    <message>
        <source>Create from &amp;template</source>
        <translation>按范本建立(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人资料</translation>
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
        <translation>性别(&amp;S)</translation>
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
        <translation>国籍(&amp;N)</translation>
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
        <translation>香港身份证(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Mainland ID</source>
        <translation>内地身份证(&amp;M)</translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation>电子邮件(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Travel document</source>
        <translation>旅行证件</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>类别(&amp;T)</translation>
    </message>
    <message>
        <source>N&amp;umber</source>
        <translation>号码(&amp;U)</translation>
    </message>
    <message>
        <source>Issued &amp;by</source>
        <translation>签发国家／地区(&amp;B)</translation>
    </message>
    <message>
        <source>I&amp;ssued</source>
        <translation>签发日期(&amp;S)</translation>
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
        <translation>证件(&amp;D)</translation>
    </message>
    <message>
        <source>Pick a document to edit it in the Travel document box, then Save.</source>
        <translation>选择证件后在“旅行证件”栏内编辑，然后保存。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>新增证件</translation>
    </message>
    <message>
        <source>Ed&amp;ucation</source>
        <translation>学历(&amp;U)</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>院校</translation>
    </message>
    <message>
        <source>Awarded YYYY-MM-DD</source>
        <translation>颁授日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Full-time</source>
        <translation>全日制</translation>
    </message>
    <message>
        <source>Add qualification</source>
        <translation>加入学历</translation>
    </message>
    <message>
        <source>&amp;Work</source>
        <translation>工作(&amp;W)</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>雇主</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>From YYYY-MM-DD</source>
        <translation>由 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>To (empty: current job)</source>
        <translation>至（留空：现职）</translation>
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
        <translation>寻找现有客户…</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>移除关系</translation>
    </message>
    <message>
        <source>New dependant…</source>
        <translation>新增受养人…</translation>
    </message>
    <message>
        <source>Add as dependant</source>
        <translation>加为受养人</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
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
        <translation>（无）</translation>
    </message>
    <message>
        <source>Delete client…</source>
        <translation>删除客户…</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>New travel document</source>
        <translation>新旅行证件</translation>
    </message>
    <message>
        <source>choose the sex</source>
        <translation>请选择性别</translation>
    </message>
    <message>
        <source>choose the residence</source>
        <translation>请选择居住地</translation>
    </message>
    <message>
        <source>{client} (born {date}) is already on file: {reason}.</source>
        <translation>{client}（出生日期 {date}）已有记录：{reason}。</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>Open the existing client</source>
        <translation>打开现有客户</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Check the date of birth</source>
        <translation>请核对出生日期</translation>
    </message>
    <message>
        <source>Not saved — {field}: {reason}</source>
        <translation>未保存 — {field}：{reason}</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>Saved. Add education, work and family, or close.</source>
        <translation>已保存。可加入学历、工作及家庭资料，或关闭。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Client not saved</source>
        <translation>客户未保存</translation>
    </message>
    <message>
        <source>Not saved — {reason}</source>
        <translation>未保存 — {reason}</translation>
    </message>
    <message>
        <source>Cannot reload — {reason}</source>
        <translation>无法重新加载 — {reason}</translation>
    </message>
    <message>
        <source>Reloaded: these are the saved values. Make your change again if it is still needed.</source>
        <translation>已重新加载：以下是已保存的资料。如仍需要，请再作修改。</translation>
    </message>
    <message>
        <source>Not deleted — {reason}</source>
        <translation>未删除 — {reason}</translation>
    </message>
</context>
<context>
    <name>ClientHistory</name>
    <message>
        <source>Add qualification</source>
        <translation>加入学历</translation>
    </message>
    <message>
        <source>Add job</source>
        <translation>加入工作</translation>
    </message>
    <message>
        <source>Add as dependant</source>
        <translation>加为受养人</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Save the client first</source>
        <translation>请先保存客户</translation>
    </message>
    <message>
        <source>expires {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <source>Save qualification</source>
        <translation>保存学历</translation>
    </message>
    <message>
        <source>Save job</source>
        <translation>保存工作</translation>
    </message>
    <message>
        <source>Save relation</source>
        <translation>保存关系</translation>
    </message>
    <message>
        <source>Not saved — {reason}</source>
        <translation>未保存 — {reason}</translation>
    </message>
    <message>
        <source>give the date the job started</source>
        <translation>请填写入职日期</translation>
    </message>
    <message>
        <source>give the income as a number</source>
        <translation>请以数字填写收入</translation>
    </message>
    <message>
        <source>{name} · born {date}</source>
        <translation>{name} · 出生日期 {date}</translation>
    </message>
    <message>
        <source>Find and pick the dependant in the list first.</source>
        <translation>请先在清单中找出并选择受养人。</translation>
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
        <translation>对方的</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>&amp;Reload (show theirs)</source>
        <translation>重新加载（显示对方的）(&amp;R)</translation>
    </message>
    <message>
        <source>Review the &amp;differences…</source>
        <translation>查看差异(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>保留我的(&amp;K)</translation>
    </message>
    <message>
        <source>Keep &amp;editing</source>
        <translation>继续编辑(&amp;E)</translation>
    </message>
    <message>
        <source>The saved record cannot be read: {reason}</source>
        <translation>无法读取已保存的记录：{reason}</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>其他人</translation>
    </message>
    <message>
        <source>Theirs ({who})</source>
        <translation>对方的（{who}）</translation>
    </message>
    <message>
        <source>{count} field differs. Keep mine saves every value on the right over {who}'s; Reload shows theirs and drops yours.</source>
        <translation>有 {count} 个字段不同。“保留我的”会以右边的资料覆盖 {who} 的资料；“重新加载”会显示对方的资料并舍弃你的修改。</translation>
    </message>
    <message>
        <source>{count} fields differ. Keep mine saves every value on the right over {who}'s; Reload shows theirs and drops yours.</source>
        <translation>有 {count} 个字段不同。“保留我的”会以右边的资料覆盖 {who} 的资料；“重新加载”会显示对方的资料并舍弃你的修改。</translation>
    </message>
    <message>
        <source>{who} saved the same values as yours: Reload loses nothing.</source>
        <translation>{who} 保存的资料与你的相同：重新加载不会失去任何资料。</translation>
    </message>
</context>
<context>
    <name>ConsultantsDialog</name>
    <message>
        <source>Consultants</source>
        <translation>顾问</translation>
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
        <translation>此电脑尚未设置顾问名字（文件 ▸ 设置）：更改会以电脑的登入名称记录。</translation>
    </message>
    <message>
        <source>You are {name} (File ▸ Settings): changes are recorded under this name, and “My cases” shows your cases.</source>
        <translation>你是 {name}（文件 ▸ 设置）：更改会以此名字记录，“我的个案”会显示你的个案。</translation>
    </message>
    <message>
        <source>You are {name} (File ▸ Settings), not on this list yet: add yourself for “My cases” to work.</source>
        <translation>你是 {name}（文件 ▸ 设置），但尚未在此名单上：请加入自己，“我的个案”才能运作。</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>重新启用(&amp;R)</translation>
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
        <translation>请先在名单中选择顾问。</translation>
    </message>
    <message>
        <source>Not renamed — {reason}</source>
        <translation>未改名 — {reason}</translation>
    </message>
    <message>
        <source>Renamed {name}: their cases show the new name.</source>
        <translation>已为 {name} 改名：其个案会显示新名字。</translation>
    </message>
    <message>
        <source>Not changed — {reason}</source>
        <translation>未有更改 — {reason}</translation>
    </message>
    <message>
        <source>{name} is active again.</source>
        <translation>{name} 已重新启用。</translation>
    </message>
    <message>
        <source>{name} is inactive: off the pickers and filters; their {count} case keep the name.</source>
        <translation>{name} 已停用：不会出现在选单及筛选中；其 {count} 宗个案保留此名字。</translation>
    </message>
    <message>
        <source>{name} is inactive: off the pickers and filters; their {count} cases keep the name.</source>
        <translation>{name} 已停用：不会出现在选单及筛选中；其 {count} 宗个案保留此名字。</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>个案</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
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
        <translation>正在加载总览…</translation>
    </message>
    <message>
        <source>… {count} more: double-click to show more</source>
        <translation>… 尚有 {count} 项：双击显示更多</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>&amp;My cases only</source>
        <extracomment>"What" never narrower than this; the columns hidden first when the view is narrow.</extracomment>
        <translation>只显示我的个案(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;nooze…</source>
        <translation>延后(&amp;N)…</translation>
    </message>
    <message>
        <source>Snooze the selected reminder (never past its deadline)</source>
        <translation>延后所选提醒（不会超过其期限）</translation>
    </message>
    <message>
        <source>Mark d&amp;one</source>
        <translation>标记为已完成(&amp;O)</translation>
    </message>
    <message>
        <source> — refreshing…</source>
        <translation> — 正在更新…</translation>
    </message>
    <message>
        <source>Only cases of {name}</source>
        <translation>只显示 {name} 的个案</translation>
    </message>
    <message>
        <source>Set your name in Settings to the name of a consultant to see only your cases</source>
        <translation>在“设置”中把你的名字设为其中一位顾问的名字，即可只看你的个案</translation>
    </message>
    <message>
        <source>Verdicts changed</source>
        <translation>评估结果有变</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>The dashboard could not be loaded: {reason}</source>
        <translation>无法加载总览：{reason}</translation>
    </message>
    <message>
        <source>{title}: {count}</source>
        <translation>{title}：{count}</translation>
    </message>
    <message>
        <source>my cases</source>
        <translation>我的个案</translation>
    </message>
    <message>
        <source>all cases</source>
        <translation>所有个案</translation>
    </message>
    <message>
        <source>{title}: {note}</source>
        <translation>{title}：{note}</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>延后提醒</translation>
    </message>
    <message>
        <source>Select a row with an open reminder.</source>
        <translation>请选择有未处理提醒的一行。</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记为已完成</translation>
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
        <translation>{field}：{formats}；按 Alt+Down 打开日历</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>选择日期</translation>
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
        <translation>请在 ↳ 下回答未确定的准则，然后保存。</translation>
    </message>
    <message>
        <source>Cannot assess: {reason}</source>
        <translation>无法评估：{reason}</translation>
    </message>
    <message>
        <source> (category {category})</source>
        <translation>（类别 {category}）</translation>
    </message>
    <message>
        <source> — {score} points, pass mark {pass_mark}</source>
        <translation> — {score} 分，及格分数 {pass_mark}</translation>
    </message>
    <message>
        <source> — {score} criteria met, pass mark {pass_mark}</source>
        <translation> — 符合 {score} 项准则，及格要求 {pass_mark}</translation>
    </message>
    <message>
        <source>Initial stay on approval: {months} months</source>
        <translation>获批后首次逗留期：{months} 个月</translation>
    </message>
    <message>
        <source>Rules {rules} in force from {date} · sources: {sources}</source>
        <translation>规则 {rules} 由 {date} 起生效 · 资料来源：{sources}</translation>
    </message>
    <message>
        <source>From {date}: {criterion} — {effect}</source>
        <translation>由 {date} 起：{criterion} — {effect}</translation>
    </message>
    <message>
        <source>&lt;i&gt;ImmD decides every application.&lt;/i&gt;</source>
        <translation>&lt;i&gt;所有申请均由入境处决定。&lt;/i&gt;</translation>
    </message>
    <message>
        <source> · review</source>
        <translation> · 须覆核</translation>
    </message>
    <message>
        <source>Is {institution} on the TTPS list as {listed}?</source>
        <translation>{institution} 是否以 {listed} 列于“高端人才通行证计划”名单？</translation>
    </message>
    <message>
        <source>Is {institution} on the TTPS list?</source>
        <translation>{institution} 是否列于“高端人才通行证计划”名单？</translation>
    </message>
    <message>
        <source>Yes, it is on the list</source>
        <translation>是，列于名单</translation>
    </message>
    <message>
        <source>No, it is not on the list</source>
        <translation>否，不在名单内</translation>
    </message>
    <message>
        <source>Asked once: the answer is kept with the education record ({version}).</source>
        <translation>只问一次：答案会与学历记录一并保存（{version}）。</translation>
    </message>
    <message>
        <source>Kept with the case facts.</source>
        <translation>与个案资料一并保存。</translation>
    </message>
    <message>
        <source>Kept with the case as the consultant's override.</source>
        <translation>作为顾问覆写与个案一并保存。</translation>
    </message>
    <message>
        <source>Settles: {criterion}</source>
        <translation>用以确定：{criterion}</translation>
    </message>
    <message>
        <source>Not saved — {field}: {reason}</source>
        <translation>未保存 — {field}：{reason}</translation>
    </message>
    <message>
        <source>Nothing entered.</source>
        <translation>未有输入任何资料。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>No change.</source>
        <translation>没有更改。</translation>
    </message>
    <message>
        <source>Override not accepted</source>
        <translation>覆写不获接纳</translation>
    </message>
    <message>
        <source>Not saved — {reason}</source>
        <translation>未保存 — {reason}</translation>
    </message>
    <message>
        <source>Check not kept</source>
        <translation>评估未有保存</translation>
    </message>
    <message>
        <source>&amp;Run check and keep it</source>
        <translation>进行评估并保存(&amp;R)</translation>
    </message>
    <message>
        <source>Keep this assessment with the case (Kept checks)</source>
        <translation>把此评估与个案一并保存（已保存的评估）</translation>
    </message>
    <message>
        <source>Cri&amp;teria</source>
        <translation>准则(&amp;T)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状况</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>准则</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Save &amp;answers</source>
        <translation>保存答案(&amp;A)</translation>
    </message>
    <message>
        <source>Keep the answers typed under the open criteria</source>
        <translation>保存在未确定准则下输入的答案</translation>
    </message>
    <message>
        <source>Case &amp;facts</source>
        <translation>个案资料(&amp;F)</translation>
    </message>
    <message>
        <source>Save case &amp;facts</source>
        <translation>保存个案资料(&amp;F)</translation>
    </message>
    <message>
        <source>All facts &amp;&amp; &amp;sources</source>
        <translation>所有资料及来源(&amp;S)</translation>
    </message>
    <message>
        <source>Double-click an override to set or clear it; it is kept with the case.</source>
        <translation>双击覆写栏以设置或清除覆写；覆写会与个案一并保存。</translation>
    </message>
    <message>
        <source>Double-click the override column to set or clear a consultant's override; it is kept with the case</source>
        <translation>双击覆写栏以设置或清除顾问覆写；覆写会与个案一并保存</translation>
    </message>
    <message>
        <source>&amp;Kept checks</source>
        <translation>已保存的评估(&amp;K)</translation>
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
        <translation>申请人身在香港</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy {field}</source>
        <translation>复制{field}</translation>
    </message>
    <message>
        <source>Save the filing sheet</source>
        <translation>保存申请资料表</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Filing sheet saved</source>
        <translation>已保存申请资料表</translation>
    </message>
    <message>
        <source>{file} ({pages} pages)</source>
        <translation>{file}（{pages} 页）</translation>
    </message>
    <message>
        <source>Prepare upload set</source>
        <translation>准备上传文件</translation>
    </message>
    <message>
        <source>Open a case first.</source>
        <translation>请先打开个案。</translation>
    </message>
    <message>
        <source>Prepare upload set: new folder</source>
        <translation>准备上传文件：新文件夹</translation>
    </message>
    <message>
        <source>Folders (*)</source>
        <translation>文件夹 (*)</translation>
    </message>
    <message>
        <source>{files} files for {case} in {folder} (see index.pdf).</source>
        <translation>{case} 的 {files} 个文件已存于 {folder}（见 index.pdf）。</translation>
    </message>
    <message>
        <source>Not included:</source>
        <translation>未有包括：</translation>
    </message>
    <message>
        <source>Upload set ready</source>
        <translation>上传文件已准备好</translation>
    </message>
    <message>
        <source>Prepare &amp;upload set…</source>
        <translation>准备上传文件(&amp;U)…</translation>
    </message>
    <message>
        <source>Applicant in &amp;Hong Kong (extension)</source>
        <translation>申请人身在香港（延期）(&amp;H)</translation>
    </message>
    <message>
        <source>The client confirmed being in Hong Kong (needed to apply, pay and collect the e-Visa for an extension); kept with the case as "Applying from: Hong Kong"</source>
        <translation>客户已确认身在香港（延期须在港申请、缴费及领取电子签证）；以“申请地点：香港”与个案一并保存</translation>
    </message>
    <message>
        <source>Language of the checks and the data sheet</source>
        <translation>检查项目及资料表的语言</translation>
    </message>
    <message>
        <source>Copy &amp;all in order</source>
        <translation>按次序全部复制(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save for the client…</source>
        <translation>保存给客户(&amp;S)…</translation>
    </message>
    <message>
        <source>The sheet as a PDF for the client to check and sign</source>
        <translation>把资料表保存为 PDF，供客户核对及签署</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Spreadsheets (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)</source>
        <translation>电子表格 (*.csv *.xlsx);;CSV 文件 (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <extracomment>(label, encoding passed to the import) for the encoding choice.</extracomment>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <extracomment>Keyed by the stages of ``services.imports.progress`` (READING … INDEXING).</extracomment>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <source>Writing the clients…</source>
        <translation>正在写入客户资料…</translation>
    </message>
    <message>
        <source>Updating the search index…</source>
        <translation>正在更新搜索索引…</translation>
    </message>
    <message>
        <source>Import clients from {file}</source>
        <translation>从 {file} 导入客户</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Something went wrong while reading the file; nothing was imported. The details are in the log (Help ▸ About shows where).</source>
        <translation>读取文件时出错，未有导入任何资料。详情见日志文件（“帮助 ▸ 关于”显示其位置）。</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was imported. The details are in the log (Help ▸ About shows where).</source>
        <translation>出错了，未有导入任何资料。详情见日志文件（“帮助 ▸ 关于”显示其位置）。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{count} new client</source>
        <translation>{count} 位新客户</translation>
    </message>
    <message>
        <source>{count} new clients</source>
        <translation>{count} 位新客户</translation>
    </message>
    <message>
        <source>{count} update of existing clients</source>
        <translation>更新 {count} 位现有客户</translation>
    </message>
    <message>
        <source>{count} updates of existing clients</source>
        <translation>更新 {count} 位现有客户</translation>
    </message>
    <message>
        <source>{count} row rejected</source>
        <translation>{count} 行不获接纳</translation>
    </message>
    <message>
        <source>{count} rows rejected</source>
        <translation>{count} 行不获接纳</translation>
    </message>
    <message>
        <source>(not imported; correct them in the file and import it again)</source>
        <translation>（未有导入；请在文件中更正后再导入）</translation>
    </message>
    <message>
        <source>Columns not imported (not recognised): {columns}</source>
        <translation>未有导入的栏（无法识别）：{columns}</translation>
    </message>
    <message>
        <source>This file cannot be imported: {reason}</source>
        <translation>此文件无法导入：{reason}</translation>
    </message>
    <message>
        <source>Import {count} row</source>
        <translation>导入 {count} 行</translation>
    </message>
    <message>
        <source>Import {count} rows</source>
        <translation>导入 {count} 行</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>{new} new clients and {updated} updated; {cases} cases opened and {stays} stays recorded.</source>
        <translation>新增 {new} 位客户、更新 {updated} 位；开立 {cases} 宗个案，记录 {stays} 项逗留。</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>未有导入任何资料：{reason}</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>已取消导入：未有导入任何资料。</translation>
    </message>
    <message>
        <source>Import clients from a spreadsheet</source>
        <translation>从电子表格导入客户</translation>
    </message>
    <message>
        <source>&amp;Import clients…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <source>Add or update clients from a CSV or Excel file, with a preview</source>
        <translation>从 CSV 或 Excel 文件新增或更新客户，并先预览</translation>
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
        <translation>总览(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>个案(&amp;C)</translation>
    </message>
    <message>
        <source>Names, 中文姓名, passport, HKID, ImmD or case ref. (Ctrl+F)</source>
        <translation>英文姓名、中文姓名、护照、香港身份证、入境处或个案编号 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search English and Chinese names, passport, HKID and Mainland ID numbers, ImmD file and case references (Ctrl+F)</source>
        <translation>搜索英文及中文姓名、护照、香港身份证及内地身份证号码、入境处文件及个案编号 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Select a case on the left, or press Ctrl+N for a new case.</source>
        <translation>请在左边选择个案，或按 Ctrl+N 开立新个案。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>C&amp;ase</source>
        <translation>个案(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新个案(&amp;N)…</translation>
    </message>
    <message>
        <source>New c&amp;lient…</source>
        <translation>新客户(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Edit client…</source>
        <translation>编辑客户(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>E&amp;xport document pack…</source>
        <translation>导出文件套(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Print document pack…</source>
        <translation>打印文件套(&amp;P)…</translation>
    </message>
    <message>
        <source>Save checklist for the client (English / 中文)…</source>
        <translation>保存给客户的清单（English／中文）…</translation>
    </message>
    <message>
        <source>Print &amp;checklist for the client…</source>
        <translation>打印给客户的清单(&amp;C)…</translation>
    </message>
    <message>
        <source>Extension reminder &amp;letter…</source>
        <translation>延期提示信(&amp;L)…</translation>
    </message>
    <message>
        <source>Export packs for all &amp;selected cases…</source>
        <translation>导出所有已选个案的文件套(&amp;S)…</translation>
    </message>
    <message>
        <source>Save checklists for all selected cases…</source>
        <translation>保存所有已选个案的清单…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>回收站(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Delete case…</source>
        <translation>删除个案(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete c&amp;lient…</source>
        <translation>删除客户(&amp;L)…</translation>
    </message>
    <message>
        <source>Keyboard &amp;shortcuts</source>
        <translation>键盘快捷键(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About hkcase</source>
        <translation>关于 hkcase(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Consultants…</source>
        <translation>顾问(&amp;C)…</translation>
    </message>
    <message>
        <source>Add, rename or deactivate the firm's consultants</source>
        <translation>加入、改名或停用公司的顾问</translation>
    </message>
    <message>
        <source>Loading the dashboard…</source>
        <translation>正在加载总览…</translation>
    </message>
    <message>
        <source>Loading the case list…</source>
        <translation>正在加载个案清单…</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Database: {location} · schema {revision}</source>
        <translation>数据库：{location} · 结构版本 {revision}</translation>
    </message>
    <message>
        <source>All schemes</source>
        <translation>所有计划</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>所有阶段</translation>
    </message>
    <message>
        <source>All consultants</source>
        <translation>所有顾问</translation>
    </message>
    <message>
        <source>My cases ({name})</source>
        <translation>我的个案（{name}）</translation>
    </message>
    <message>
        <source> — type one more character to search</source>
        <translation> — 再输入一个字即可搜索</translation>
    </message>
    <message>
        <source> · {count} client without a case</source>
        <translation> · {count} 位未有个案的客户</translation>
    </message>
    <message>
        <source> · {count} clients without a case</source>
        <translation> · {count} 位未有个案的客户</translation>
    </message>
    <message>
        <source>{count} case</source>
        <translation>{count} 宗个案</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>{count} 宗个案</translation>
    </message>
    <message>
        <source>{client} has no case yet: press Enter or double-click to open the client.</source>
        <translation>{client} 尚未有个案：按 Enter 或双击打开客户。</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>Select a case first.</source>
        <translation>请先选择个案。</translation>
    </message>
    <message>
        <source>Deleted the client. Edit ▸ Undo (Ctrl+Z) brings them back.</source>
        <translation>已删除客户。“编辑 ▸ 撤销”(Ctrl+Z) 可还原。</translation>
    </message>
    <message>
        <source>No case</source>
        <translation>未有个案</translation>
    </message>
    <message>
        <source>Document pack</source>
        <translation>文件套</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Checklist 文件清單</source>
        <translation>文件清单 Checklist</translation>
    </message>
    <message>
        <source>Extension letter</source>
        <translation>延期提示信</translation>
    </message>
    <message>
        <source>Checklist for the client</source>
        <translation>给客户的清单</translation>
    </message>
    <message>
        <source>Which language?</source>
        <translation>用哪种语言？</translation>
    </message>
    <message>
        <source>Export packs</source>
        <translation>导出文件套</translation>
    </message>
    <message>
        <source>Select cases in the list first.</source>
        <translation>请先在清单中选择个案。</translation>
    </message>
    <message>
        <source>Data: {data}&lt;br&gt;Log: {log}&lt;br&gt;</source>
        <translation>资料：{data}&lt;br&gt;日志文件：{log}&lt;br&gt;</translation>
    </message>
    <message>
        <source>About hkcase</source>
        <translation>关于 hkcase</translation>
    </message>
    <message>
        <source>Case tracker for Hong Kong talent-visa consultants.</source>
        <translation>为香港人才签证顾问而设的个案管理工具。</translation>
    </message>
    <message>
        <source>ImmD decides every application.</source>
        <translation>所有申请均由入境处决定。</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>{name} · born {date} · {nationality}</source>
        <translation>{name} · 出生日期 {date} · {nationality}</translation>
    </message>
    <message>
        <source>Suggested: {schemes}</source>
        <translation>建议：{schemes}</translation>
    </message>
    <message>
        <source>Pick a client first (or create one).</source>
        <translation>请先选择客户（或新增客户）。</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新个案</translation>
    </message>
    <message>
        <source>&lt;b&gt;1. Client&lt;/b&gt; — pick an existing client or create one</source>
        <translation>&lt;b&gt;1. 客户&lt;/b&gt; — 选择现有客户或新增客户</translation>
    </message>
    <message>
        <source>Name, 中文姓名, passport…</source>
        <translation>英文姓名、中文姓名、护照…</translation>
    </message>
    <message>
        <source>New c&amp;lient…</source>
        <translation>新客户(&amp;L)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;2. Scheme&lt;/b&gt; — suggestions come from a quick eligibility check</source>
        <translation>&lt;b&gt;2. 计划&lt;/b&gt; — 建议来自快速资格评估</translation>
    </message>
    <message>
        <source>&amp;Scheme</source>
        <translation>计划(&amp;S)</translation>
    </message>
    <message>
        <source>Application &amp;type</source>
        <translation>申请类别(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Consultant</source>
        <translation>顾问(&amp;C)</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Not saved — {reason}</source>
        <translation>未保存 — {reason}</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Edit note…</source>
        <translation>编辑备注…</translation>
    </message>
    <message>
        <source>Delete note…</source>
        <translation>删除备注…</translation>
    </message>
    <message>
        <source>Note not added</source>
        <translation>未有加入备注</translation>
    </message>
    <message>
        <source>Note not deleted</source>
        <translation>未有删除备注</translation>
    </message>
    <message>
        <source>Double-click a note to correct it; Delete removes it (undo with Ctrl+Z)</source>
        <translation>双击备注即可更正；Delete 键删除（按 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Write a note…</source>
        <translation>写下备注…</translation>
    </message>
    <message>
        <source>&amp;Add note</source>
        <translation>加入备注(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Open</source>
        <extracomment>Checks a passphrase: None if it opens the folder, else what to tell the user.</extracomment>
        <translation>打开</translation>
    </message>
    <message>
        <source>Type the passphrase of this data folder, or press Cancel to quit.</source>
        <translation>请输入此文件夹的密码短语，或按“取消”结束。</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>New client</source>
        <translation>新客户</translation>
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
        <translation>结果</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不获接纳</translation>
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
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Your name (consultant)</source>
        <translation>你的名字（顾问）(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Reminder lead times (days before the limit)</source>
        <translation>提醒提前日数（期限前多少日）(&amp;R)</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>A new language shows after hkcase is restarted.</source>
        <translation>重新启动 hkcase 后才会显示新语言。</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Search the case list</source>
        <extracomment>Keys that belong to widgets rather than menu actions.</extracomment>
        <translation>搜索个案清单</translation>
    </message>
    <message>
        <source>Save the case overview</source>
        <translation>保存个案概览</translation>
    </message>
    <message>
        <source>Throw away unsaved overview edits</source>
        <translation>舍弃未保存的概览修改</translation>
    </message>
    <message>
        <source>Open the calendar of a date field (dates: DD/MM/YYYY or YYYY-MM-DD)</source>
        <translation>打开日期栏的日历（日期格式：DD/MM/YYYY 或 YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Enter / double-click</source>
        <translation>Enter／双击</translation>
    </message>
    <message>
        <source>Open the case of a dashboard row, or show more rows</source>
        <translation>打开总览中该行的个案，或显示更多行</translation>
    </message>
    <message>
        <source>Snooze the selected dashboard reminder (never past its deadline)</source>
        <translation>延后总览中所选的提醒（不会超过其期限）</translation>
    </message>
    <message>
        <source>Mark the selected dashboard reminder done</source>
        <translation>把总览中所选的提醒标记为已完成</translation>
    </message>
    <message>
        <source>Dashboard: my cases only</source>
        <translation>总览：只显示我的个案</translation>
    </message>
    <message>
        <source>Delete the selected record (asks first)</source>
        <translation>删除所选记录（会先询问）</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
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
        <translation>逗留期限（按签证所印）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Condition of stay</source>
        <translation>逗留条件(&amp;C)</translation>
    </message>
    <message>
        <source>Stay {number}</source>
        <translation>逗留 {number}</translation>
    </message>
    <message>
        <source>Check the limit of stay</source>
        <translation>请核对逗留期限</translation>
    </message>
    <message>
        <source>Not saved — {field}: {reason}</source>
        <translation>未保存 — {field}：{reason}</translation>
    </message>
    <message>
        <source>Not saved: correct the date, or Save again.</source>
        <translation>未保存：请更正日期，或再按“保存”。</translation>
    </message>
    <message>
        <source>Not saved — {reason}</source>
        <translation>未保存 — {reason}</translation>
    </message>
    <message>
        <source>Cannot reload — {reason}</source>
        <translation>无法重新加载 — {reason}</translation>
    </message>
    <message>
        <source>Reloaded: these are the saved values. Make your change again if it is still needed.</source>
        <translation>已重新加载：以下是已保存的资料。如仍需要，请再作修改。</translation>
    </message>
</context>
<context>
    <name>StaysTab</name>
    <message>
        <source>estimated from the scheme's pattern; the printed date wins</source>
        <translation>按计划的惯常模式估算；以所印日期为准</translation>
    </message>
    <message>
        <source>{holiday} — last working day {date}</source>
        <translation>{holiday} — 最后工作日 {date}</translation>
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
        <translation>申请期开始</translation>
    </message>
    <message>
        <source>Holiday / last working day</source>
        <translation>假期／最后工作日</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Edit stay…</source>
        <translation>编辑逗留…</translation>
    </message>
    <message>
        <source>Delete stay…</source>
        <translation>删除逗留…</translation>
    </message>
    <message>
        <source>Limit of stay {limit} (as printed). Extension window ({rule}) opens {opens}.</source>
        <translation>逗留期限 {limit}（按所印）。延期申请期（{rule}）于 {opens} 开始。</translation>
    </message>
    <message>
        <source> The limit falls on a general holiday ({holiday}); last working day {date}.</source>
        <translation> 期限适逢公众假期（{holiday}）；最后工作日为 {date}。</translation>
    </message>
    <message>
        <source>No limit of stay recorded yet.</source>
        <translation>尚未记录逗留期限。</translation>
    </message>
    <message>
        <source>give the grant date and the limit of stay as printed</source>
        <translation>请按签证所印填写批出日期及逗留期限</translation>
    </message>
    <message>
        <source>Check the limit of stay</source>
        <translation>请核对逗留期限</translation>
    </message>
    <message>
        <source>Stay not recorded</source>
        <translation>未有记录逗留</translation>
    </message>
    <message>
        <source>record stay ending {date}</source>
        <translation>记录于{date}届满的逗留期限</translation>
    </message>
    <message>
        <source>Stay not deleted</source>
        <translation>未有删除逗留</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Reminder not changed</source>
        <translation>提醒未有更改</translation>
    </message>
    <message>
        <source>Double-click to correct a stay; Delete removes it (undo with Ctrl+Z)</source>
        <translation>双击即可更正逗留；Delete 键删除（按 Ctrl+Z 撤销）</translation>
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
        <translation>记录逗留(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;nooze…</source>
        <translation>延后(&amp;N)…</translation>
    </message>
    <message>
        <source>Mark d&amp;one</source>
        <translation>标记为已完成(&amp;O)</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Deleted</source>
        <translation>删除日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>删除者</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>With it</source>
        <translation>一并删除</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>未有还原</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Delete {item} for good? This cannot be undone.</source>
        <translation>永久删除{item}？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未有删除</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Deleted records, newest first. Restoring puts a record back with everything that went with it; deleting for good cannot be undone.</source>
        <translation>已删除的记录，最新的排先。还原会把记录连同一并删除的项目放回；永久删除则无法撤销。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete for good…</source>
        <translation>永久删除(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>WindowRecords</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Edit client…</source>
        <translation>编辑客户…</translation>
    </message>
    <message>
        <source>Delete case…</source>
        <translation>删除个案…</translation>
    </message>
    <message>
        <source>Delete client…</source>
        <translation>删除客户…</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>撤销{action}(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Select a case first.</source>
        <translation>请先选择个案。</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未有删除</translation>
    </message>
    <message>
        <source>Deleted {record}. Edit ▸ Undo (Ctrl+Z) brings it back.</source>
        <translation>已删除{record}。“编辑 ▸ 撤销”(Ctrl+Z) 可还原。</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <source>Not undone.</source>
        <translation>未有撤销。</translation>
    </message>
    <message>
        <source>Undone: {action}.</source>
        <translation>已撤销：{action}。</translation>
    </message>
    <message>
        <source>Restored {records}.</source>
        <translation>已还原{records}。</translation>
    </message>
</context>
<context>
    <name>consultants</name>
    <message>
        <source>{count} case</source>
        <translation>{count} 宗个案</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>{count} 宗个案</translation>
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
        <translation>hkcase 遇到意外的错误</translation>
    </message>
    <message>
        <source>Your data is safe: nothing half-written was kept. The details are in
{file}</source>
        <translation>你的资料安全：未有保留任何写了一半的资料。详情见
{file}</translation>
    </message>
</context>
<context>
    <name>eligibility</name>
    <message>
        <source>none recorded</source>
        <translation>未有记录</translation>
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
        <translation>资料</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Override (double-click)</source>
        <translation>覆写（双击）</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>Restore the newest good backup, {backup}? The damaged file is kept in the backups folder.</source>
        <translation>还原最新的完好备份 {backup}？损坏的文件会保留在备份文件夹中。</translation>
    </message>
    <message>
        <source>The hkcase database is damaged</source>
        <translation>hkcase 数据库已损坏</translation>
    </message>
    <message>
        <source>Checking the database (the first start today)…</source>
        <extracomment>``app.exec()`` status asking for a new start (a backup was restored over a damaged file).</extracomment>
        <translation>正在检查数据库（今天首次启动）…</translation>
    </message>
    <message>
        <source>hkcase cannot start</source>
        <translation>hkcase 无法启动</translation>
    </message>
    <message>
        <source>hkcase could not start because of an unexpected error; nothing half-written was kept.</source>
        <translation>hkcase 因意外错误未能启动；没有保留任何写了一半的资料。</translation>
    </message>
    <message>
        <source>The details, with no client data, are in {file}</source>
        <translation>详情（不含客户资料）载于 {file}</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>Done ({pages} pages), with notes:</source>
        <translation>完成（{pages} 页），附注：</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save checklists</source>
        <translation>保存清单</translation>
    </message>
    <message>
        <source>Save packs</source>
        <translation>保存文件套</translation>
    </message>
    <message>
        <source>Save checklists into folder</source>
        <translation>把清单保存到文件夹</translation>
    </message>
    <message>
        <source>Save packs into folder</source>
        <translation>把文件套保存到文件夹</translation>
    </message>
    <message>
        <source>Writing checklists…</source>
        <translation>正在写入清单…</translation>
    </message>
    <message>
        <source>Writing packs…</source>
        <translation>正在写入文件套…</translation>
    </message>
    <message>
        <source>{count} checklists written to {folder}.</source>
        <translation>已把 {count} 份清单写入 {folder}。</translation>
    </message>
    <message>
        <source>{count} packs written to {folder}.</source>
        <translation>已把 {count} 套文件写入 {folder}。</translation>
    </message>
    <message>
        <source>The checklists could not be written ({reason}). Files already written are kept.</source>
        <translation>无法写入清单（{reason}）。已写入的文件会保留。</translation>
    </message>
    <message>
        <source>The packs could not be written ({reason}). Files already written are kept.</source>
        <translation>无法写入文件套（{reason}）。已写入的文件会保留。</translation>
    </message>
    <message>
        <source>Not written:</source>
        <translation>未有写入：</translation>
    </message>
</context>
<context>
    <name>record_actions</name>
    <message>
        <source>{questions}

Save it as typed?</source>
        <translation>{questions}

照输入内容保存？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>snooze</name>
    <message>
        <source>Snooze</source>
        <translation>延后提醒</translation>
    </message>
    <message>
        <source>This reminder cannot be snoozed.</source>
        <translation>此提醒不能延后。</translation>
    </message>
    <message>
        <source>{reminder}: snooze until…</source>
        <translation>{reminder}：延后至…</translation>
    </message>
    <message>
        <source> (at the latest {date})</source>
        <translation>（最迟 {date}）</translation>
    </message>
</context>
</TS>