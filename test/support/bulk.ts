/** Bulk data for statement-count tests and the benchmark (set-based SQL, no imports). */

/** Inserts `count` released documents needing filing, a third filed, some overdue (set-based, fast). */
export async function insertReleasedDocuments(
  sql: (query: string, params?: unknown[]) => Promise<unknown>,
  from: number,
  count: number,
): Promise<void> {
  await sql(
    `with u as (select id, department_id from app_user where username = 'drafter')
     insert into normative_document (id, title, issuer, sponsor_department_id, created_by_id, state, current_version_number, affects_businesses_or_public,
       touches_market_entities, confirmed_verdict, red_flag_count, published_on, valid_until, version, created_at)
     select gen_random_uuid(), '文件' || g, 'STREET_OFFICE', u.department_id, u.id, 'RELEASED', 1, true, false,
            case when g % 7 = 0 then 'NOT_REQUIRED' else 'FILING_REQUIRED' end, g % 3,
            date '2026-01-01' + (g % 90), date '2030-01-01' + (g % 2000), 1, now()
       from generate_series(?::int, ?::int) g, u`,
    [from, from + count - 1],
  );
  await sql(
    `insert into filing (id, document_id, authority, filed_on, materials, status, version)
     select gen_random_uuid(), d.id, '区人民政府（经区司法局）', d.published_on + 20, '["FILING_REPORT","OFFICIAL_TEXT"]', 'FILED', 1
       from normative_document d
      where d.confirmed_verdict = 'FILING_REQUIRED' and not exists (select 1 from filing f where f.document_id = d.id)
        and (substring(d.title from 3)::int % 3) = 0 and (substring(d.title from 3)::int) between ? and ?`,
    [from, from + count - 1],
  );
}
