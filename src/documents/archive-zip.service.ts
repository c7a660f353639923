import { createHash } from 'node:crypto';
import { ZipFile } from 'yazl';
import type { Actor } from '../core/roles';
import { Material } from '../content/material.entity';
import { Decision } from '../deliberation/deliberation.entity';
import { MAX_TRAIL_EVENTS } from '../deliberation/archive.service';
import { PROPOSAL_OWNER } from '../proposal/proposal.entity';
import { LegalOpinion } from '../review/opinion.entity';
import { ReviewRequest } from '../review/review-request.entity';
import { OpinionStatus, ReviewSubjectType } from '../review/review.enums';
import { DocumentFormat, safeFileName, type GeneratedFile } from './document-kinds';
import { DocumentsBase, type DocumentsDeps } from './documents-base';
import type { OfficialDocumentService } from './official-documents.service';
import { verificationNote } from './verification-note';

export interface ArchiveZipDeps extends DocumentsDeps {
  official: OfficialDocumentService;
}

export interface ArchiveEntry {
  name: string;
  sizeBytes: number;
  sha256: string;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The decision archive (R-DEC-15) as one ZIP a records office keeps: the JSON record, every
 * document that applies (legal opinions, return notices, the decision document, each as DOCX and
 * PDF), the materials' own bytes, the audit trail with each seal's check and the chain's
 * verification, a manifest with every entry's SHA-256, and a note in Chinese on checking it all
 * independently. Readable by whoever may see the proposal.
 */
export class ArchiveZipService extends DocumentsBase {
  constructor(
    em: DocumentsBase['em'],
    protected override readonly deps: ArchiveZipDeps,
  ) {
    super(em, deps);
  }

  async archive(user: Actor, proposalId: string): Promise<GeneratedFile> {
    const p = await this.deps.proposals.getVisible(user, proposalId);
    const record = await this.deps.archive.archiveOf(p);
    const entries: { name: string; bytes: Buffer }[] = [];
    const add = (name: string, bytes: Buffer) => entries.push({ name, bytes });
    const json = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8');

    add('record.json', json(record));

    // Documents: every issued opinion and return notice of the proposal's reviews, and the decision once signed.
    const reviews = await this.em.find(ReviewRequest, { subjectType: ReviewSubjectType.DECISION, subjectId: p.id }, { orderBy: { requestedAt: 'asc' } });
    const opinions = reviews.length
      ? await this.em.find(LegalOpinion, { review: { $in: reviews.map((r) => r.id) }, status: OpinionStatus.ISSUED }, { orderBy: { issuedAt: 'asc' } })
      : [];
    const both = async (make: (f: DocumentFormat) => Promise<GeneratedFile>) => {
      for (const f of [DocumentFormat.DOCX, DocumentFormat.PDF]) {
        const file = await make(f);
        add(`documents/${file.fileName}`, file.bytes!);
      }
    };
    for (const o of opinions) await both((f) => this.deps.official.legalOpinion(user, o.id, f));
    for (const r of reviews.filter((x) => x.returnReason)) await both((f) => this.deps.official.returnNotice(user, r.id, f));
    const decision = await this.em.findOne(Decision, { proposal: p.id });
    if (decision?.signedOn) await both((f) => this.deps.official.decision(user, decision.id, f));

    // The materials themselves, named by their order, title and file name; their hashes are in the record.
    const materials = await this.em.find(Material, { ownerType: PROPOSAL_OWNER, ownerId: p.id }, { orderBy: { createdAt: 'asc' }, fields: ['id'] });
    let n = 0;
    for (const m of materials) {
      const { material, content } = await this.deps.materials.read(this.em, m.id);
      const name = material.fileName ?? `${material.title}.txt`;
      add(`materials/${String(++n).padStart(3, '0')}-${safeFileName(name)}`, content);
    }

    // The audit trail (with each seal checked) and the verification of the whole chain.
    const trail = record.auditTrail as { hashValid: boolean }[];
    const chain = record.auditChain as { ok: boolean; checkedCount: number; firstBrokenEventId: string | null; reason: string | null; checkpointsChecked: number };
    const verification = {
      valid: chain.ok && trail.every((e) => e.hashValid),
      chain,
      trailEvents: trail.length,
      trailEventsWithValidSeal: trail.filter((e) => e.hashValid).length,
      trailTruncated: trail.length >= MAX_TRAIL_EVENTS,
      verifiedAt: this.deps.clock.now().toISOString(),
    };
    add('audit/trail.json', json(trail));
    add('audit/verification.json', json(verification));
    add('README-核验说明.txt', Buffer.from(verificationNote({ code: p.code, title: p.title, organName: this.organName, verification }), 'utf8'));

    const manifest = {
      format: 'yunhu-review/decision-archive-zip@1',
      proposal: { id: p.id, code: p.code, title: p.title },
      generatedAt: this.deps.clock.now().toISOString(),
      entries: entries.map<ArchiveEntry>((e) => ({ name: e.name, sizeBytes: e.bytes.length, sha256: sha256(e.bytes) })),
    };
    add('manifest.json', json(manifest));

    const zip = new ZipFile();
    const mtime = this.deps.clock.now();
    for (const e of entries) zip.addBuffer(e.bytes, e.name, { mtime });
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    return { fileName: `${safeFileName(`决策档案-${p.code}`)}.zip`, format: DocumentFormat.ZIP, bytes: Buffer.concat(chunks) };
  }
}
