/**
 * The plain-language note (Chinese) in every decision archive: what the ZIP holds and how a
 * records office or an auditor checks it without trusting this system.
 */
export function verificationNote(a: {
  code: string;
  title: string;
  organName: string;
  verification: { valid: boolean; trailEvents: number; trailEventsWithValidSeal: number; chain: { ok: boolean; checkedCount: number; checkpointsChecked: number }; verifiedAt: string };
}): string {
  const v = a.verification;
  return [
    `决策档案核验说明`,
    ``,
    `事项：${a.code}《${a.title}》`,
    `制作单位：${a.organName}`,
    `生成时间：${v.verifiedAt}`,
    ``,
    `一、档案包含的文件`,
    `  record.json               决策全过程的结构化记录（草案、程序、合法性审查、集体讨论、决定、执行）；`,
    `  documents/                法律意见书、退回补充通知、决定文书，各有 DOCX（可编辑）与 PDF（存档）两种格式；`,
    `  materials/                决策过程中上传的材料原件；`,
    `  audit/trail.json          与本事项有关的审计日志，每条附有封印校验结果（hashValid）；`,
    `  audit/verification.json   生成本档案时对整条审计链的校验结果；`,
    `  manifest.json             以上每个文件的大小与 SHA-256 摘要。`,
    ``,
    `二、生成时的校验结果`,
    `  审计链校验：${v.chain.ok ? '完整有效' : '发现异常'}（共校验 ${v.chain.checkedCount} 条日志，比对检查点 ${v.chain.checkpointsChecked} 个）；`,
    `  本事项日志：${v.trailEvents} 条，其中封印有效 ${v.trailEventsWithValidSeal} 条；`,
    `  总体结论：${v.valid ? '有效（valid）' : '无效（invalid），请联系系统管理员核查'}。`,
    ``,
    `三、如何独立核验`,
    `  1. 文件未被改动：对每个文件计算 SHA-256（Windows：certutil -hashfile 文件名 SHA256；`,
    `     Linux/macOS：sha256sum 文件名），与 manifest.json 中的 sha256 逐一比对，应完全一致。`,
    `     请将 manifest.json 的摘要另行保存（例如打印后归档），日后以此比对。`,
    `  2. 材料与记录一致：materials/ 中每个文件的 SHA-256 应等于 record.json 里 materials 对应条目的`,
    `     contentHash；合法性审查固定的材料（pinnedMaterials）与审查文本（pinnedHash）同理。`,
    `  3. 文书与记录一致：法律意见书中的“审查文本 SHA-256”应等于 record.json 中该意见的`,
    `     reviewedDraftHash；决定文书中的“签发文本 SHA-256”应等于 decision.signedDraftHash。`,
    `  4. 审计日志未被篡改：每条日志的 hash 是以审计密钥（不存放在数据库中，由单位另行保管）对`,
    `     ["hmac-sha256", keyId, prevHash, occurredAt, actorId, actorUsername, action, subjectType,`,
    `     subjectId, before, after] 的规范化 JSON（键按字母排序、无空格）计算的 HMAC-SHA256；`,
    `     持有密钥的核验人员可逐条重算并比对。整条链的连续性（每条的 prevHash 等于前一条的 hash）`,
    `     可在系统所在服务器上运行 npm run cli -- audit-verify --checkpoint <异地保存的检查点文件> 核验，`,
    `     退出码 0 表示完整，2 表示发现断裂。`,
    `  5. 若任何一步不一致，说明档案或系统记录在生成后被改动，应以异地保存的检查点和纸质档案为准。`,
    ``,
  ].join('\r\n');
}
