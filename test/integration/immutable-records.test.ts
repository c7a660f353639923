import { randomUUID } from 'node:crypto';
import { AddDirectoryItemDocument, AdjustDirectoryDocument, AdjustmentKind, CreateDirectoryDocument, DecisionCategory } from '../__generated__/graphql';
import { publishedDirectory, signIn } from '../support/fixtures';
import { expectOk, startHarness, type Harness } from '../support/harness';

/**
 * Every record the rule book calls immutable is guarded by the database itself, for whoever
 * connects (here: the superuser, who is not bound by grants): signed decisions (number, approved
 * version and hash), published directory items (only the adjustment-tracked status and current
 * quarter change), adjustments, meeting members once the minutes are final, corrections — and no
 * TRUNCATE of any of them.
 */

const IMMUTABLE_TABLES = [
  'agenda_item',
  'audit_event',
  'body_headship',
  'body_membership',
  'calendar_year_version',
  'decision',
  'decision_amendment',
  'decision_directory',
  'directory_adjustment',
  'directory_item',
  'legal_opinion',
  'material',
  'meeting',
  'meeting_correction',
  'meeting_member',
  'member_position',
  'opinion_finding',
  'text_version',
];

const REFUSED = /immutable|append-only/;

describe('immutability triggers', () => {
  let h: Harness;
  let published: { directoryId: string; items: string[] };
  let draftItemId: string;
  let adjustmentId: string;
  let meetingId: string;
  let memberId: string;
  let signedId: string;
  let approvedId: string;
  let correctionId: string;
  let uid: Record<string, string>;

  beforeAll(async () => {
    h = await startHarness();
    const { tokens, dept } = await signIn(h, ['director', 'drafter', 'admin']);
    uid = Object.fromEntries((await h.sql<{ id: string; username: string }>(`select id, username from app_user`)).map((u) => [u.username, u.id]));

    published = await publishedDirectory(h, tokens.director!, dept.JJFZ!, ['事项一', '事项二']);
    adjustmentId = expectOk(
      await h.gql(
        AdjustDirectoryDocument,
        { input: { directoryId: published.directoryId, itemId: published.items[1]!, kind: AdjustmentKind.Reschedule, toQuarter: 3, reason: '工作安排调整' } },
        { token: tokens.director! },
      ),
    ).adjustDirectory.adjustment.id;
    const draft = expectOk(await h.gql(CreateDirectoryDocument, { input: { year: 2027, title: '2027年度目录' } }, { token: tokens.director! })).createDirectory.directory;
    draftItemId = expectOk(
      await h.gql(
        AddDirectoryItemDocument,
        {
          input: {
            directoryId: draft.id,
            title: '草稿事项',
            category: DecisionCategory.PublicPolicy,
            sponsorDepartmentId: dept.JJFZ!,
            legalBasis: '依据',
            plannedQuarter: 1,
            reason: '理由',
          },
        },
        { token: tokens.director! },
      ),
    ).addDirectoryItem.item.id;

    // A meeting with two members, two approved proposals, one decision signed, then finalised.
    const now = new Date().toISOString();
    meetingId = randomUUID();
    memberId = randomUUID();
    await h.sql(
      `insert into meeting (id, title, body, standing_body_id, held_on, head_id, chair_id, status, version, created_at)
       values (?, '主任办公会', 'DIRECTORS_OFFICE', (select id from standing_body where kind = 'DIRECTORS_OFFICE'), '2026-03-05', ?, ?, 'OPEN', 1, ?)`,
      [meetingId, uid.director!, uid.director!, now],
    );
    await h.sql(`insert into meeting_member (id, meeting_id, user_id, seq, role, title, present) values (?, ?, ?, 1, 'HEAD', '主任', true), (?, ?, ?, 2, 'MEMBER', '委员', true)`, [
      randomUUID(),
      meetingId,
      uid.director!,
      memberId,
      meetingId,
      uid.admin!,
    ]);
    const decisions: string[] = [];
    for (const i of [1, 2]) {
      const pid = randomUUID();
      const draftVersion = randomUUID();
      const item = randomUUID();
      const hash = `${i}`.padStart(64, 'a');
      await h.sql(
        `insert into decision_proposal (id, code, year, title, source, sponsor_department_id, created_by_id, problem, legal_basis, preliminary_plan, necessity, feasibility,
           affects_public_interest, specialised, stability_risk, touches_market_entities, views_differ_widely, added_procedures, state, current_draft_number, version, created_at, updated_at)
         values (?, ?, 2026, ?, 'DEPARTMENT', ?, ?, 'p', 'l', 'pl', 'n', 'f', false, false, false, false, false, '{}', 'APPROVED', 1, 1, ?, ?)`,
        [pid, `JC-2026-${800 + i}`, `决定${i}`, dept.JJFZ!, uid.drafter!, now, now],
      );
      await h.sql(`insert into text_version (id, owner_type, owner_id, number, text, change_note, author_id, content_hash, created_at) values (?, 'PROPOSAL', ?, 1, 't', 'n', ?, ?, ?)`, [
        draftVersion,
        pid,
        uid.drafter!,
        hash,
        now,
      ]);
      await h.sql(`insert into agenda_item (id, meeting_id, proposal_id, seq, draft_version_id, draft_hash, head_decision, version) values (?, ?, ?, ?, ?, ?, 'APPROVE', 1)`, [
        item,
        meetingId,
        pid,
        i,
        draftVersion,
        hash,
      ]);
      const id = randomUUID();
      await h.sql(`insert into decision (id, proposal_id, agenda_item_id, approved_draft_number, approved_draft_hash, status, version) values (?, ?, ?, 1, ?, 'APPROVED', 1)`, [
        id,
        pid,
        item,
        hash,
      ]);
      decisions.push(id);
    }
    [signedId, approvedId] = decisions as [string, string];
    await h.sql(`update decision set status = 'SIGNED', signed_by_id = ?, signed_on = '2026-03-05', document_number = '云湖街决〔2026〕900号', version = 2 where id = ?`, [
      uid.director!,
      signedId,
    ]);
    await h.sql(`update meeting set status = 'FINALISED', minutes = '纪要', finalised_at = ?, version = 2 where id = ?`, [now, meetingId]);
    correctionId = randomUUID();
    await h.sql(`insert into meeting_correction (id, meeting_id, text, recorded_by, recorded_at) values (?, ?, '更正', 'director', ?)`, [correctionId, meetingId, now]);
  });
  afterAll(() => h.close());

  it('a signed decision keeps its number, signature and approved version; the rest of its life goes on', async () => {
    await expect(h.superSql(`update decision set document_number = '云湖街决〔2026〕901号' where id = $1`, [signedId])).rejects.toThrow(REFUSED);
    await expect(h.superSql(`update decision set document_number = null where id = $1`, [signedId])).rejects.toThrow(REFUSED);
    await expect(h.superSql(`update decision set signed_on = '2026-01-01' where id = $1`, [signedId])).rejects.toThrow(REFUSED);
    await expect(h.superSql(`update decision set signed_by_id = $2 where id = $1`, [signedId, uid.admin])).rejects.toThrow(REFUSED);
    await expect(h.superSql(`update decision set approved_draft_hash = $2 where id = $1`, [signedId, 'b'.repeat(64)])).rejects.toThrow(REFUSED);
    await expect(h.superSql(`update decision set approved_draft_number = 2 where id = $1`, [signedId])).rejects.toThrow(REFUSED);
    await expect(h.superSql(`delete from decision where id = $1`, [signedId])).rejects.toThrow(REFUSED);
    await h.superSql(`update decision set party_reported_on = '2026-03-06', published_on = '2026-03-10', publication_channel = '网站', status = 'PUBLISHED' where id = $1`, [signedId]);
  });

  it('an approved decision never changes its approved version, and is signed once', async () => {
    await expect(h.superSql(`update decision set approved_draft_hash = $2 where id = $1`, [approvedId, 'c'.repeat(64)])).rejects.toThrow(REFUSED);
    await expect(h.superSql(`update decision set agenda_item_id = (select agenda_item_id from decision where id = $2) where id = $1`, [approvedId, signedId])).rejects.toThrow(
      /immutable|duplicate/,
    );
    await h.superSql(`update decision set status = 'SIGNED', signed_by_id = $2, signed_on = '2026-03-06', document_number = '云湖街决〔2026〕902号' where id = $1`, [
      approvedId,
      uid.director,
    ]);
    await expect(h.superSql(`update decision set document_number = '云湖街决〔2026〕903号' where id = $1`, [approvedId])).rejects.toThrow(REFUSED);
  });

  it('a published directory item changes only its status and current quarter (by adjustment), and is never deleted', async () => {
    const item = published.items[0]!;
    for (const change of [`title = '改名'`, `planned_quarter = 4`, `legal_basis = '另一依据'`, `reason = 'x'`, `category = 'IMPORTANT_PLAN'`, `seq = 99`, `added_by_adjustment = true`]) {
      await expect(h.superSql(`update directory_item set ${change} where id = $1`, [item])).rejects.toThrow(REFUSED);
    }
    await expect(h.superSql(`delete from directory_item where id = $1`, [item])).rejects.toThrow(REFUSED);
    await h.superSql(`update directory_item set status = 'WITHDRAWN', current_quarter = 4, version = version + 1 where id = $1`, [item]);
    // a draft directory's items are still edited in place
    await h.superSql(`update directory_item set title = '草稿事项（改）' where id = $1`, [draftItemId]);
    await h.superSql(`delete from directory_item where id = $1`, [draftItemId]);
  });

  it('directory adjustments and meeting corrections are append-only', async () => {
    await expect(h.superSql(`update directory_adjustment set reason = 'x' where id = $1`, [adjustmentId])).rejects.toThrow(REFUSED);
    await expect(h.superSql(`delete from directory_adjustment where id = $1`, [adjustmentId])).rejects.toThrow(REFUSED);
    await expect(h.superSql(`update meeting_correction set text = 'x' where id = $1`, [correctionId])).rejects.toThrow(REFUSED);
    await expect(h.superSql(`delete from meeting_correction where id = $1`, [correctionId])).rejects.toThrow(REFUSED);
  });

  it('the members of a finalised meeting are fixed', async () => {
    await expect(h.superSql(`update meeting_member set present = false where id = $1`, [memberId])).rejects.toThrow(REFUSED);
    await expect(h.superSql(`delete from meeting_member where id = $1`, [memberId])).rejects.toThrow(REFUSED);
    await expect(
      h.superSql(`insert into meeting_member (id, meeting_id, user_id, seq, role, title, present) values ($1, $2, $3, 3, 'MEMBER', '委员', true)`, [randomUUID(), meetingId, uid.drafter]),
    ).rejects.toThrow(
      REFUSED,
    );
  });

  it('refuses TRUNCATE of every immutable record, also with CASCADE', async () => {
    const guarded = await h.superSql<{ relname: string }>(
      `select distinct c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where not t.tgisinternal and t.tgenabled <> 'D' and (t.tgtype & 32) <> 0 order by 1`,
    );
    expect(IMMUTABLE_TABLES.filter((t) => !guarded.map((g) => g.relname).includes(t))).toEqual([]);
    for (const t of IMMUTABLE_TABLES) await expect(h.superSql(`truncate ${t} cascade`)).rejects.toThrow(REFUSED);
    const [count] = await h.superSql<{ n: string }>(`select count(*) as n from decision`);
    expect(Number(count!.n)).toBe(2);
  });
});
