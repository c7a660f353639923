/**
 * The benchmark's data set, built set-based in SQL at the volumes of issue #12: a published
 * directory of 200 items, 2,000 proposals (two drafts each, consultation, risk assessment, a
 * legality review: 1,800 with an issued opinion and two findings, 200 open in the advisor's
 * queue), 100 finalised meetings deliberating 200 of them, and 100,000 normative documents
 * (released, a third filed, some overdue: the filing-flags volume). Ids are derived from the row
 * number (md5), so every foreign key is known without reading anything back.
 */
import type { Client } from 'pg';
import { insertReleasedDocuments } from '../test/support/bulk';

export const VOLUMES = { directoryItems: 200, proposals: 2_000, openReviews: 200, meetings: 100, documents: 100_000 };

/** A deterministic uuid for row `n` of `kind`. */
const uuid = (kind: string, n: string) => `md5('${kind}' || ${n})::uuid`;

/** About 1,500 characters of draft text: long text columns exist, and only a selection should fetch them. */
const LONG_TEXT = `repeat('第一条 为了规范本街道重大行政决策程序，提高决策质量和效率，根据有关法律法规，结合本街道实际，制定本办法。', 30)`;

export async function buildDataset(sql: Client, year: number): Promise<void> {
  const v = VOLUMES;
  const one = async (q: string) => (await sql.query<{ id: string }>(q)).rows[0]!.id;
  const drafter = await one(`select id from app_user where username = 'drafter'`);
  const advisor = await one(`select id from app_user where username = 'advisor'`);
  const director = await one(`select id from app_user where username = 'director'`);
  const departments = (await sql.query<{ id: string }>(`select id from department order by code`)).rows.map((r) => r.id);
  const deptArray = `array[${departments.map((d) => `'${d}'::uuid`).join(',')}]`;
  const dept = (n: string) => `(${deptArray})[1 + (${n}) % ${departments.length}]`;

  await sql.query('begin');
  await sql.query(`set local session_replication_role = replica`);
  await sql.query(
    `insert into decision_directory (id, year, title, status, party_approved_at, published_at, version, created_at, updated_at)
     values (${uuid('dir', "''")}, ${year + 1}, '${year + 1}年度重大行政决策事项目录（基准数据）', 'PUBLISHED', '${year}-01-05', '${year}-01-08', 1, now(), now())`,
  );
  await sql.query(
    `insert into directory_item (id, directory_id, seq, title, category, sponsor_department_id, legal_basis, planned_quarter, reason, status, current_quarter, added_by_adjustment, version, created_at)
     select ${uuid('item', 'g')}, ${uuid('dir', "''")}, g, '基准事项' || g, 'PUBLIC_POLICY', ${dept('g')}, '《重大行政决策程序暂行条例》第三条', 1 + g % 4, '涉及群众切身利益', 'ACTIVE', 1 + g % 4, false, 1, now()
       from generate_series(1, ${v.directoryItems}) g`,
  );
  await sql.query(
    `insert into decision_proposal (id, code, year, title, source, sponsor_department_id, created_by_id, problem, legal_basis, preliminary_plan, necessity, feasibility,
       affects_public_interest, specialised, stability_risk, touches_market_entities, views_differ_widely, added_procedures, state, directory_item_id, current_draft_number, version, created_at, updated_at)
     select ${uuid('p', 'g')}, 'BJ-${year + 1}-' || lpad(g::text, 4, '0'), ${year + 1}, '基准决策建议' || g, 'DEPARTMENT', ${dept('g')}, '${drafter}',
            ${LONG_TEXT}, '《重大行政决策程序暂行条例》', ${LONG_TEXT}, '必要', '可行', true, false, true, false, false, '{HEARING}',
            'LEGALITY_REVIEWED', case when g <= ${v.directoryItems} then ${uuid('item', 'g')} end, 2, 1, now() - g * interval '1 minute', now()
       from generate_series(1, ${v.proposals}) g`,
  );
  await sql.query(
    `insert into text_version (id, owner_type, owner_id, number, text, change_note, author_id, content_hash, created_at)
     select ${uuid('tv', "g || '-' || n")}, 'PROPOSAL', ${uuid('p', 'g')}, n, ${LONG_TEXT} || n, '第' || n || '稿', '${drafter}', repeat(md5(g || '-' || n), 2), now()
       from generate_series(1, ${v.proposals}) g, generate_series(1, 2) n`,
  );
  await sql.query(
    `insert into public_consultation (id, proposal_id, starts_on, ends_on, channel, version)
     select ${uuid('pc', 'g')}, ${uuid('p', 'g')}, date '${year}-03-01', date '${year}-04-01', '街道门户网站', 1 from generate_series(1, ${v.proposals}) g`,
  );
  await sql.query(
    `insert into risk_assessment (id, proposal_id, round, risk_points, measures, contingency_plan, level, assessor, assessed_on)
     select ${uuid('ra', 'g')}, ${uuid('p', 'g')}, 1, '风险点', '防范措施', '处置预案', 'LOW', '评估组', date '${year}-04-10' from generate_series(1, ${v.proposals}) g`,
  );
  const closed = v.proposals - v.openReviews;
  await sql.query(
    `insert into review_request (id, code, subject_type, subject_title, pinned_materials, department_id, status, requested_by_id, requested_at,
       assigned_to_id, accepted_on, due_on, due_sort_key, opinion_issued_on, version, subject_id, pinned_version_id, pinned_hash)
     select ${uuid('rr', 'g')}, 'BR-${year + 1}-' || lpad(g::text, 4, '0'), 'DECISION', '基准决策建议' || g, '[]', ${dept('g')},
            case when g <= ${closed} then 'OPINION_ISSUED' else 'ACCEPTED' end, '${drafter}', now() - g * interval '1 minute',
            '${advisor}', date '${year}-05-01', date '${year}-05-01' + (g % 60), to_char(date '${year}-05-01' + (g % 60), 'YYYY-MM-DD'),
            case when g <= ${closed} then date '${year}-05-10' end, 1, ${uuid('p', 'g')}, ${uuid('tv', "g || '-2'")}, repeat(md5(g || '-2'), 2)
       from generate_series(1, ${v.proposals}) g`,
  );
  await sql.query(
    `insert into legal_opinion (id, review_id, number, status, conclusion, text, reviewed_draft_hash, author_id, signed_by_id, issued_at, superseded, version, reviewed_version_id)
     select ${uuid('op', 'g')}, ${uuid('rr', 'g')}, 1, 'ISSUED', 'LAWFUL_WITH_AMENDMENTS', ${LONG_TEXT}, repeat(md5(g || '-2'), 2), '${advisor}', '${advisor}',
            now() - g * interval '1 minute', false, 1, ${uuid('tv', "g || '-2'")}
       from generate_series(1, ${closed}) g`,
  );
  await sql.query(
    `insert into opinion_finding (id, opinion_id, seq, aspect, must_fix, text, law_name, article)
     select ${uuid('of', "g || '-' || n")}, ${uuid('op', 'g')}, n, case n when 1 then 'CONTENT' else 'PROCEDURE' end, n = 1,
            '第' || n || '条意见：表述应与上位法一致', '《中华人民共和国行政许可法》', '第' || (10 + n) || '条'
       from generate_series(1, ${closed}) g, generate_series(1, 2) n`,
  );
  await sql.query(
    `insert into meeting (id, title, body, standing_body_id, head_id, held_on, chair_id, status, minutes, finalised_at, version, created_at)
     select ${uuid('m', 'g')}, '主任办公会（基准）第' || g || '次', 'DIRECTORS_OFFICE', (select id from standing_body where kind = 'DIRECTORS_OFFICE'), '${director}',
            date '${year}-06-01' + g, '${director}', 'FINALISED', '会议纪要', now(), 1, now()
       from generate_series(1, ${v.meetings}) g`,
  );
  await sql.query(
    `insert into agenda_item (id, meeting_id, proposal_id, seq, draft_version_id, draft_hash, version)
     select ${uuid('ai', 'g')}, ${uuid('m', `1 + (g - 1) / ${v.directoryItems / v.meetings}`)}, ${uuid('p', 'g')}, 1 + (g - 1) % ${v.directoryItems / v.meetings},
            ${uuid('tv', "g || '-2'")}, repeat(md5(g || '-2'), 2), 1
       from generate_series(1, ${v.directoryItems}) g`,
  );
  await insertReleasedDocuments((q, params) => sql.query(toDollar(q), params as unknown[]), 1, v.documents);
  await sql.query('commit');
  await sql.query('vacuum analyze');
}

/** The shared bulk helper writes `?` placeholders (the ORM's style); pg wants `$n`. */
function toDollar(q: string): string {
  let i = 0;
  return q.replace(/\?/g, () => `$${++i}`);
}
