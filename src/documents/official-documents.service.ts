import { AuditEvent } from '../audit/audit-event.entity';
import { TextVersion } from '../content/text-version.entity';
import { PROPOSAL_OWNER } from '../proposal/proposal.entity';
import { ForbiddenError } from '../core/errors';
import type { Actor } from '../core/roles';
import { findOrThrow } from '../db/find';
import { AgendaItem, Decision, Meeting } from '../deliberation/deliberation.entity';
import { DecisionDirectory, DirectoryAdjustment, DirectoryItem } from '../directory/directory.entity';
import { DirectoryStatus } from '../directory/directory.enums';
import { Filing, FilingMaterial, NORMATIVE_OWNER, NormativeDocument } from '../normative/normative.entity';
import { DocumentState, FILING_AUTHORITY, FilingVerdict } from '../normative/normative.enums';
import { filingDueOn } from '../normative/normative.rules';
import { canSeeNormativeWork } from '../normative/normative.visibility';
import { LegalOpinion, OpinionAspect, OpinionFinding } from '../review/opinion.entity';
import { ReviewRequest } from '../review/review-request.entity';
import { OpinionStatus, FINDING_ASPECT_LABELS, ReviewSubjectType } from '../review/review.enums';
import { canSeeOpinion, canSeeReview } from '../review/review.visibility';
import { DecisionStatus } from '../deliberation/deliberation.enums';
import { decisionDocument, directoryDocument, filingReportDocument, type DecisionData } from './decision-documents';
import type { DocumentFormat, GeneratedFile } from './document-kinds';
import { DocumentsBase, notAvailable } from './documents-base';
import { legalOpinionDocument, opinionTitle, returnNoticeDocument, type ReviewData } from './review-documents';

/** The statuses in which a decision has been signed off. */
const SIGNED: readonly DecisionStatus[] = [DecisionStatus.SIGNED, DecisionStatus.PUBLISHED, DecisionStatus.SUSPENDED];

/**
 * The official documents of single records (DOCX and PDF): each is read with exactly the access
 * rule of its record — the opinion's (canSeeOpinion), the review's, the proposal's, the normative
 * document's working papers — and refused (FORBIDDEN) otherwise, before anything is generated.
 */
export class OfficialDocumentService extends DocumentsBase {
  private async reviewData(r: ReviewRequest): Promise<ReviewData> {
    const pinned = await this.em.findOne(TextVersion, { id: r.pinnedVersion.id }, { fields: ['number'] });
    return {
      organName: this.organName,
      code: r.code,
      subjectType: r.subjectType,
      subjectTitle: r.subjectTitle,
      departmentName: await this.departmentName(r.department.id),
      requestedOn: r.requestedAt.toISOString().slice(0, 10),
      acceptedOn: r.acceptedOn ?? null,
      pinnedHash: r.pinnedHash,
      pinnedVersionNumber: pinned?.number ?? null,
      pinnedMaterials: r.pinnedMaterials.map((m) => ({ title: m.title, kind: m.kind, contentHash: m.contentHash })),
    };
  }

  /** 法律意见书 of an issued opinion, with its aspects and findings. */
  async legalOpinion(user: Actor, opinionId: string, format: DocumentFormat): Promise<GeneratedFile> {
    const o = await findOrThrow(this.em, LegalOpinion, opinionId, '法律意见书');
    const r = await findOrThrow(this.em, ReviewRequest, o.review.id, '合法性审查');
    if (!canSeeOpinion(user, r, o)) throw new ForbiddenError('您只能下载本部门事项的法律意见书');
    if (o.status !== OpinionStatus.ISSUED) throw notAvailable('该法律意见书尚未出具，出具后方可下载');
    const labels = new Map(this.deps.reviews.aspectsOf(r.subjectType).map((a) => [a.aspect as string, a.label]));
    const label = (a: string) => labels.get(a) ?? FINDING_ASPECT_LABELS[a as keyof typeof FINDING_ASPECT_LABELS] ?? a;
    const aspects = await this.em.find(OpinionAspect, { opinion: o.id }, { orderBy: { seq: 'asc' } });
    const findings = await this.em.find(OpinionFinding, { opinion: o.id }, { orderBy: { seq: 'asc' } });
    const supersedes = o.supersedes ? await this.em.findOne(LegalOpinion, { id: o.supersedes.id }, { fields: ['number'] }) : null;
    const doc = legalOpinionDocument(await this.reviewData(r), {
      number: o.number,
      conclusion: o.conclusion,
      text: o.text,
      issuedOn: o.issuedAt ? o.issuedAt.toISOString().slice(0, 10) : null,
      reviewedDraftHash: o.reviewedDraftHash,
      supersedesNumber: supersedes?.number ?? null,
      superseded: o.superseded,
      advisorName: await this.userName(o.signedBy?.id ?? o.author.id),
      aspects: aspects.map((a) => ({ aspect: a.aspect, aspectLabel: label(a.aspect), conclusion: a.conclusion, note: a.note ?? null })),
      findings: findings.map((f) => ({
        seq: f.seq,
        aspectLabel: label(f.aspect),
        mustFix: f.mustFix,
        text: f.text,
        lawName: f.lawName,
        article: f.article,
        response: f.response ?? null,
        responseReason: f.responseReason ?? null,
      })),
    });
    return this.render(doc, `${opinionTitle(r.subjectType)}-${r.code}-${o.number}`, format);
  }

  /** The notice of a review returned for supplement: what is missing (R-LR-2). */
  async returnNotice(user: Actor, reviewId: string, format: DocumentFormat): Promise<GeneratedFile> {
    const r = await findOrThrow(this.em, ReviewRequest, reviewId, '合法性审查');
    if (!canSeeReview(user, r)) throw new ForbiddenError('您只能下载本部门事项的退回通知');
    if (!r.returnReason) throw notAvailable('该审查未被退回补充，没有退回通知');
    // The latest return: returnedOn while returned, else the date of the last "return" in the audit trail.
    const last = await this.em.findOne(AuditEvent, { subjectType: 'ReviewRequest', subjectId: r.id, action: 'return' }, { orderBy: { id: 'desc' } });
    const doc = returnNoticeDocument(await this.reviewData(r), {
      reason: r.returnReason,
      returnedOn: r.returnedOn ?? (last ? last.occurredAt.toISOString().slice(0, 10) : null),
      advisorName: await this.userName(last?.actorId ?? r.assignedTo?.id),
    });
    return this.render(doc, `退回补充通知-${r.code}`, format);
  }

  /** The decision document once signed off (R-DEC-13). */
  async decision(user: Actor, decisionId: string, format: DocumentFormat): Promise<GeneratedFile> {
    const d = await findOrThrow(this.em, Decision, decisionId, '决定');
    const p = await this.deps.proposals.getVisible(user, d.proposal.id);
    if (!SIGNED.includes(d.status) || !d.signedOn) throw notAvailable('该决定尚未签发，签发后方可下载决定文书');
    const number = d.signedDraftNumber ?? d.amendedDraftNumber ?? d.approvedDraftNumber;
    const text = await this.em.findOne(TextVersion, { ownerType: PROPOSAL_OWNER, ownerId: p.id, number }, { populate: ['text'] });
    const item = await this.em.findOne(AgendaItem, { id: d.agendaItem.id });
    const meeting = item ? await this.em.findOne(Meeting, { id: item.meeting.id }) : null;
    const inForce = await this.deps.reviews.opinionInForce(this.em, ReviewSubjectType.DECISION, p.id);
    const review = inForce ? await this.em.findOne(ReviewRequest, { id: inForce.opinion.review.id }, { fields: ['code'] }) : null;
    const data: DecisionData = {
      organName: this.organName,
      proposal: { code: p.code, title: p.title, departmentName: await this.departmentName(p.sponsorDepartment.id) },
      documentNumber: d.documentNumber ?? null,
      signedOn: d.signedOn,
      signerName: await this.userName(d.signedBy?.id),
      signedDraftNumber: number,
      signedDraftHash: d.signedDraftHash ?? text?.contentHash ?? null,
      text: text?.text ?? '',
      meeting: meeting ? { title: meeting.title, heldOn: meeting.heldOn, body: meeting.body } : null,
      opinion: inForce && review ? { code: review.code, conclusion: inForce.opinion.conclusion, issuedOn: inForce.opinion.issuedAt?.toISOString().slice(0, 10) ?? null } : null,
      publishedOn: d.publishedOn ?? null,
      publicationChannel: d.publicationChannel ?? null,
      executingDepartmentName: d.executingDepartment ? await this.departmentName(d.executingDepartment.id) : null,
    };
    return this.render(decisionDocument(data), `决定-${d.documentNumber ?? p.code}`, format);
  }

  /** The published decision directory of a year (every signed-in user reads directories). */
  async directory(_user: Actor, directoryId: string, format: DocumentFormat): Promise<GeneratedFile> {
    const d = await findOrThrow(this.em, DecisionDirectory, directoryId, '决策事项目录');
    if (d.status !== DirectoryStatus.PUBLISHED) throw notAvailable('该目录尚未公布，公布后方可下载');
    const items = await this.em.find(DirectoryItem, { directory: d.id }, { orderBy: { seq: 'asc' } });
    const adjustments = await this.em.find(DirectoryAdjustment, { directory: d.id }, { orderBy: { recordedAt: 'asc' } });
    const names = new Map<string, string>();
    for (const id of new Set(items.map((i) => i.sponsorDepartment.id))) names.set(id, await this.departmentName(id));
    const doc = directoryDocument({
      organName: this.organName,
      year: d.year,
      title: d.title,
      status: d.status,
      partyApprovedAt: d.partyApprovedAt ?? null,
      partyApprovalReference: d.partyApprovalReference ?? null,
      publishedOn: d.publishedAt ? d.publishedAt.toISOString().slice(0, 10) : null,
      items: items.map((i) => ({
        seq: i.seq,
        title: i.title,
        category: i.category,
        departmentName: names.get(i.sponsorDepartment.id) ?? '',
        legalBasis: i.legalBasis,
        currentQuarter: i.currentQuarter,
        status: i.status,
      })),
      adjustments: adjustments.map((a) => ({
        kind: a.kind,
        itemTitle: items.find((i) => i.id === a.item.id)?.title ?? '',
        reason: a.reason,
        recordedOn: a.recordedAt.toISOString().slice(0, 10),
      })),
    });
    return this.render(doc, `${d.year}年度重大行政决策事项目录`, format);
  }

  /** 备案报告 of a released document that must be filed, with its material list (working papers: R-ND-6/7). */
  async filingReport(user: Actor, documentId: string, format: DocumentFormat): Promise<GeneratedFile> {
    const d = await findOrThrow(this.em, NormativeDocument, documentId, '规范性文件');
    if (!canSeeNormativeWork(user, d)) throw new ForbiddenError('备案材料只对起草部门与备案、审查人员开放');
    if (d.state === DocumentState.DRAFTING || d.confirmedVerdict !== FilingVerdict.FILING_REQUIRED) {
      throw notAvailable('该文件尚未公布或无需报备，没有备案报告');
    }
    const materials = await this.em.find(FilingMaterial, { document: d.id }, { orderBy: { kind: 'asc' } });
    const filing = await this.em.findOne(Filing, { document: d.id });
    const official = await this.em.findOne(TextVersion, { ownerType: NORMATIVE_OWNER, ownerId: d.id, number: d.currentVersionNumber }, { fields: ['contentHash'] });
    const rules = this.deps.config.rules;
    const doc = filingReportDocument(
      {
        organName: this.organName,
        title: d.title,
        registrationNumber: d.registrationNumber ?? null,
        issuer: d.issuer,
        jointIssuers: d.jointIssuers ?? null,
        departmentName: await this.departmentName(d.sponsorDepartment.id),
        filingAuthority: FILING_AUTHORITY[d.issuer],
        publishedOn: d.publishedOn ?? null,
        publicationChannel: d.publicationChannel ?? null,
        effectiveOn: d.effectiveOn ?? null,
        validUntil: d.validUntil ?? null,
        filingDueOn: d.publishedOn ? filingDueOn(d.publishedOn, rules) : null,
        filedOn: filing?.filedOn ?? null,
        officialTextHash: official?.contentHash ?? null,
        materials: materials.map((m) => ({ kind: m.kind, contentHash: m.contentHash })),
        requiredMaterialKinds: rules.normative.filingMaterials,
      },
      this.today,
    );
    return this.render(doc, `备案报告-${d.registrationNumber ?? d.title}`, format);
  }
}
