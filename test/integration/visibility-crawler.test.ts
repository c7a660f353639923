import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLInterfaceType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { CreateAdministrativeCaseDocument, CreateDisputeMediationDocument, CreateLegalConsultationDocument, CreatePublicityEventDocument, AdministrativeCaseKind, AdministrativeCaseStage, DisputeType, MediationOutcome, PublicityForm } from '../__generated__/graphql';
import { expectOk, startHarness, type GqlError, type Harness } from '../support/harness';
import { buildWorld, WORLD_USERS, type World } from '../support/world';

/**
 * The visibility crawler (issue #10, finding 1). From the introspected schema it asks every root
 * query — with the ids of the seeded objects for id arguments — as every demo user, and walks every
 * object-typed field reachable from it to a bounded depth (connections through their nodes), asking
 * `__typename` and `id` everywhere. No guarded object (proposal, review, opinion, material, text
 * version, contract, normative document in drafting, a document's earlier versions and filing
 * materials, enforcement case with its evidence, officers and procedure record) of one department may appear for the drafter
 * of another, while the cross-department roles reach every one of them — so the walk is known to
 * pass through every edge that leads to them.
 */

/** Object levels below a root field. */
const MAX_DEPTH = 6;
/** How often one type may appear on one path (a proposal's decision's proposal, a proposal it amends). */
const MAX_REPEATS = 2;
/** Separates the type from the field in the aliases of an interface's fragments. */
const ALIAS = '__as__';

type Guarded = Map<string, { type: string; department: string }>;

interface Seen {
  type: string;
  id: string;
  path: string;
}

const CROSS_DEPARTMENT = ['advisor', 'filing', 'director', 'admin'];

describe('visibility crawler: no guarded object of another department through any field', () => {
  let h: Harness;
  let w: World;
  let schema: GraphQLSchema;
  let guarded: Guarded;
  /** The type of every id given to node(id). */
  let typeOf: Map<string, string>;
  const seenBy: Record<string, Seen[]> = {};
  const errorsBy: Record<string, { field: string; error: GqlError }[]> = {};
  const requestsBy: Record<string, number> = {};

  /** Every guarded object with the department it belongs to, straight from the database. */
  async function guardedObjects(): Promise<Guarded> {
    const rows = await h.sql<{ type: string; id: string; department: string }>(`
      select 'DecisionProposal' as type, id, sponsor_department_id as department from decision_proposal
      union all select 'ReviewRequest', id, department_id from review_request
      union all select 'LegalOpinion', o.id, r.department_id from legal_opinion o join review_request r on r.id = o.review_id
      union all select 'Contract', id, department_id from contract
      union all select 'NormativeDocument', id, sponsor_department_id from normative_document where state = 'DRAFTING'
      union all select 'TextVersion', v.id, coalesce(p.sponsor_department_id, c.department_id, d.sponsor_department_id, e.department_id) from text_version v
        left join decision_proposal p on v.owner_type = 'PROPOSAL' and p.id = v.owner_id
        left join contract c on v.owner_type = 'CONTRACT' and c.id = v.owner_id
        left join normative_document d on v.owner_type = 'NORMATIVE_DOCUMENT' and d.id = v.owner_id
        left join enforcement_case e on v.owner_type = 'ENFORCEMENT_CASE' and e.id = v.owner_id
        where d.id is null or d.state = 'DRAFTING' or v.number <> d.current_version_number
      union all select 'FilingMaterial', fm.id, d.sponsor_department_id from filing_material fm join normative_document d on d.id = fm.document_id
      union all select 'Material', m.id, coalesce(p.sponsor_department_id, c.department_id) from material m
        left join decision_proposal p on m.owner_type = 'PROPOSAL' and p.id = m.owner_id
        left join contract c on m.owner_type = 'CONTRACT' and c.id = m.owner_id
      union all select 'EnforcementCase', id, department_id from enforcement_case
      union all select 'EnforcementEvidence', x.id, c.department_id from enforcement_evidence x join enforcement_case c on c.id = x.case_id
      union all select 'EnforcementOfficer', x.id, c.department_id from enforcement_officer x join enforcement_case c on c.id = x.case_id
      union all select 'EnforcementProcedureRecord', x.id, c.department_id from enforcement_procedure_record x join enforcement_case c on c.id = x.case_id
      union all select 'LegalConsultation', id, department_id from legal_consultation
      union all select 'DisputeMediation', id, department_id from dispute_mediation
      union all select 'AdministrativeCase', id, department_id from administrative_case
      union all select 'PublicityEvent', id, department_id from publicity_event`);
    return new Map(rows.map((r) => [r.id, { type: r.type, department: r.department }]));
  }

  // ------------------------------------------------------------------ arguments

  /** Candidate ids for an ID argument, by its name and the type the field returns. */
  function idsFor(argName: string, returnType: string): string[] {
    const ids = (type: string) => [...guarded].filter(([, g]) => g.type === type).map(([id]) => id);
    const byType: Record<string, string[]> = {
      DecisionProposal: ids('DecisionProposal'),
      ReviewRequest: ids('ReviewRequest'),
      Contract: ids('Contract'),
      EnforcementCase: ids('EnforcementCase'),
      LegalConsultation: ids('LegalConsultation'),
      DisputeMediation: ids('DisputeMediation'),
      AdministrativeCase: ids('AdministrativeCase'),
      PublicityEvent: ids('PublicityEvent'),
      NormativeDocument: [w.jjfz.draftDocumentId, w.jjfz.releasedDocumentId],
      Meeting: [w.meetingId],
      DecisionDirectory: [w.directoryId],
      Department: [w.dept.JJFZ!],
      User: [w.uid.drafter!],
      // every seeded object that is a Node (filing materials are not)
      Node: [...guarded.keys(), w.meetingId, w.jjfz.decisionId, w.directoryId, w.jjfz.releasedDocumentId].filter((id) =>
        schema.getPossibleTypes(schema.getType('Node') as GraphQLInterfaceType).some((t) => t.name === typeOf.get(id)),
      ),
    };
    if (argName === 'id') return byType[returnType] ?? [];
    if (argName === 'proposalId' || argName === 'subjectId') return byType.DecisionProposal!;
    if (argName === 'documentId') return byType.NormativeDocument!;
    return [...guarded.keys()];
  }

  /** A sensible literal for a required non-ID argument. */
  function literal(name: string, type: GraphQLInputType): string {
    const named = getNamedType(type) as GraphQLNamedType;
    if (isEnumType(named)) return named.getValues()[0]!.name;
    if (isInputObjectType(named)) {
      const fields = Object.values(named.getFields()).filter((f) => isNonNullType(f.type));
      return `{ ${fields.map((f) => `${f.name}: ${literal(f.name, f.type)}`).join(', ')} }`;
    }
    switch (named.name) {
      case 'Int':
        return name === 'year' ? '2026' : name === 'to' ? '2' : '1';
      case 'Float':
        return '1';
      case 'Boolean':
        return 'false';
      case 'LocalDate':
        return name === 'from' ? '"2026-01-01"' : name === 'to' ? '"2026-12-31"' : '"2026-03-05"';
      case 'String':
        return name === 'id' ? '"R-DEC-8"' : '"x"';
      default:
        return '"x"';
    }
  }

  /** The first ID-typed leaf of an argument (possibly inside an input object), as a path of names. */
  function idLeaf(arg: { name: string; type: GraphQLInputType }): string[] | null {
    const named = getNamedType(arg.type);
    if (isScalarType(named) && named.name === 'ID' && isNonNullType(arg.type)) return [arg.name];
    if (isInputObjectType(named) && isNonNullType(arg.type)) {
      for (const f of Object.values(named.getFields())) {
        const inner = idLeaf(f);
        if (inner) return [arg.name, ...inner];
      }
    }
    return null;
  }

  /** One argument list per candidate id of the field's ID argument (a single list when it has none). */
  function argumentVariants(args: readonly GraphQLArgument[], returnType: string): { args: string; id: string | null }[] {
    const required = args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    const leafArg = required.map((a) => ({ a, path: idLeaf(a) })).find((x) => x.path);
    const render = (id: string | null) => {
      const parts = required.map((a) => {
        if (!leafArg || a !== leafArg.a || id === null) return `${a.name}: ${literal(a.name, a.type)}`;
        const path = leafArg.path!;
        if (path.length === 1) return `${a.name}: "${id}"`;
        // an id inside an input object: the other required fields get sensible values
        const named = getNamedType(a.type) as ReturnType<typeof getNamedType>;
        const fields = Object.values((named as { getFields(): Record<string, { name: string; type: GraphQLInputType }> }).getFields()).filter((f) => isNonNullType(f.type));
        return `${a.name}: { ${fields.map((f) => `${f.name}: ${f.name === path[1] ? `"${id}"` : literal(f.name, f.type)}`).join(', ')} }`;
      });
      return parts.length ? `(${parts.join(', ')})` : '';
    };
    if (!leafArg) return [{ args: render(null), id: null }];
    return idsFor(leafArg.path![leafArg.path!.length - 1]!, returnType).map((id) => ({ args: render(id), id }));
  }

  // ------------------------------------------------------------------ selections

  const isConnection = (t: GraphQLNamedType): t is GraphQLObjectType => isObjectType(t) && t.name.endsWith('Connection') && 'nodes' in t.getFields();

  /** `__typename`, `id` and every object-typed field, to MAX_DEPTH levels, each type at most MAX_REPEATS times per path. */
  function selection(type: GraphQLObjectType | GraphQLInterfaceType, depth: number, path: string[]): string {
    const concrete = isInterfaceType(type) ? schema.getPossibleTypes(type) : [type];
    const parts = ['__typename'];
    if ('id' in type.getFields()) parts.push('id');
    for (const t of concrete) {
      const inner: string[] = [];
      for (const f of Object.values(t.getFields())) {
        const named = getNamedType(f.type);
        if (!isObjectType(named) && !isInterfaceType(named)) continue;
        if (depth >= MAX_DEPTH) continue;
        const target = isConnection(named) ? (getNamedType(named.getFields().nodes!.type) as GraphQLObjectType) : named;
        if (path.filter((p) => p === target.name).length >= MAX_REPEATS) continue;
        const args = argumentVariants(f.args, target.name)[0]?.args ?? '';
        const sub = selection(target, depth + 1, [...path, target.name]);
        // inside an interface's fragments, fields of one name may differ in type from one object to another: alias them apart
        const name = isInterfaceType(type) ? `${t.name}${ALIAS}${f.name}: ${f.name}` : f.name;
        inner.push(isConnection(named) ? `${name}${args} { nodes { ${sub} } }` : `${name}${args} { ${sub} }`);
      }
      if (inner.length === 0) continue;
      parts.push(isInterfaceType(type) ? `... on ${t.name} { ${inner.join(' ')} }` : inner.join(' '));
    }
    return parts.join(' ');
  }

  /** Every root query field, each with its argument variants, as complete documents. */
  function rootQueries(): { field: string; query: string }[] {
    const out: { field: string; query: string }[] = [];
    for (const f of Object.values(schema.getQueryType()!.getFields())) {
      const named = getNamedType(f.type);
      if (!isObjectType(named) && !isInterfaceType(named)) continue;
      const target = isConnection(named) ? (getNamedType(named.getFields().nodes!.type) as GraphQLObjectType) : named;
      for (const { args, id } of argumentVariants(f.args, target.name)) {
        // node(id): the object is of one known type, so only that type's fields are walked
        const known = isInterfaceType(target) && id ? (schema.getType(typeOf.get(id)!) as GraphQLObjectType) : null;
        const sub = known ? `__typename id ... on ${known.name} { ${selection(known, 1, [known.name])} }` : selection(target, 1, [target.name]);
        out.push({ field: f.name, query: `query Crawl { ${f.name}${args} { ${isConnection(named) ? `nodes { ${sub} }` : sub} } }` });
      }
    }
    return out;
  }

  /** Every object with a type name and an id in a response, with where it was found. */
  function collect(value: unknown, path: string, out: Seen[]): void {
    if (Array.isArray(value)) {
      value.forEach((v, i) => collect(v, `${path}[${i}]`, out));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if (typeof o.__typename === 'string' && typeof o.id === 'string') out.push({ type: o.__typename, id: o.id, path });
    for (const [key, v] of Object.entries(o)) {
      if (key === '__typename' || key === 'id') continue;
      const k = key.includes(ALIAS) ? key.split(ALIAS)[1]! : key;
      collect(v, path ? `${path}.${k}` : k, out);
    }
  }

  beforeAll(async () => {
    h = await startHarness({
      env: { GRAPHQL_MAX_DEPTH: '100', GRAPHQL_MAX_TOKENS: '100000', GRAPHQL_MAX_COST: '1000000000', GRAPHQL_MAX_ALIASES: '1000' },
    });
    w = await buildWorld(h);
    // One entry of each register (R-AR-2) for each department.
    for (const [user, n] of [['drafter', 1], ['drafter2', 2]] as const) {
      const token = w.tokens[user]!;
      expectOk(await h.gql(CreateLegalConsultationDocument, { input: { consultedOn: '2026-03-01', requester: '居民', topic: `咨询${n}`, answer: '解答', advisor: '王律师' } }, { token }));
      expectOk(await h.gql(CreateDisputeMediationDocument, { input: { receivedOn: '2026-03-01', parties: `甲与乙${n}`, disputeType: DisputeType.Family, summary: '纠纷', outcome: MediationOutcome.InProgress } }, { token }));
      expectOk(await h.gql(CreateAdministrativeCaseDocument, { input: { caseNumber: `案号${n}`, kind: AdministrativeCaseKind.Litigation, party: '原告', cause: '案由', stage: AdministrativeCaseStage.Accepted, openedOn: '2026-03-01' } }, { token }));
      expectOk(await h.gql(CreatePublicityEventDocument, { input: { heldOn: '2026-03-01', topic: `普法${n}`, form: PublicityForm.Lecture, audienceSize: 10 } }, { token }));
    }
    guarded = await guardedObjects();
    typeOf = new Map([...guarded].map(([id, g]) => [id, g.type]));
    for (const [id, type] of [
      [w.meetingId, 'Meeting'],
      [w.jjfz.decisionId, 'Decision'],
      [w.directoryId, 'DecisionDirectory'],
      [w.jjfz.releasedDocumentId, 'NormativeDocument'],
    ] as const)
      typeOf.set(id, type);
    const intro = await h.post({ query: getIntrospectionQuery() }, { authorization: `Bearer ${w.tokens.admin}` });
    schema = buildClientSchema((intro.json as { data: IntrospectionQuery }).data);

    const queries = rootQueries();
    // the users crawl side by side, each one request at a time
    await Promise.all(
      WORLD_USERS.map(async (user) => {
        seenBy[user] = [];
        errorsBy[user] = [];
        requestsBy[user] = 0;
        for (const q of queries) {
          const res = await h.post({ query: q.query }, { authorization: `Bearer ${w.tokens[user]}` });
          requestsBy[user] += 1;
          const body = res.json as { data?: unknown; errors?: GqlError[] };
          if (res.status >= 500 || (!body.data && !body.errors)) throw new Error(`${q.field} as ${user}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
          for (const error of body.errors ?? []) errorsBy[user]!.push({ field: q.field, error });
          collect(body.data, '', seenBy[user]!);
        }
      }),
    );
  }, 600_000);
  afterAll(() => h.close());

  const guardedOf = (department: string) => [...guarded].filter(([, g]) => g.department === department).map(([id, g]) => ({ id, type: g.type }));
  const leaks = (user: string, department: string) =>
    seenBy[user]!.filter((s) => guarded.get(s.id)?.department === department).map((s) => `${s.type} ${s.id} at ${s.path}`);
  const unseen = (user: string, department: string) => {
    const ids = new Set(seenBy[user]!.map((s) => s.id));
    return guardedOf(department).filter((g) => !ids.has(g.id));
  };

  it('seeds every guarded type for both departments and walks every root query', () => {
    for (const code of ['JJFZ', 'CGZF']) {
      const types = new Set(guardedOf(w.dept[code]!).map((g) => g.type));
      const registers = ['AdministrativeCase', 'DisputeMediation', 'LegalConsultation', 'PublicityEvent'];
      expect([...types].sort()).toEqual(
        (code === 'JJFZ'
          ? ['Contract', 'DecisionProposal', 'FilingMaterial', 'LegalOpinion', 'Material', 'NormativeDocument', 'ReviewRequest', 'TextVersion', ...registers]
          : [
              ...registers,
              'DecisionProposal',
              'EnforcementCase',
              'EnforcementEvidence',
              'EnforcementOfficer',
              'EnforcementProcedureRecord',
              'LegalOpinion',
              'Material',
              'ReviewRequest',
              'TextVersion',
            ]
        ).sort(),
      );
    }
    const queries = rootQueries();
    for (const user of WORLD_USERS) expect(requestsBy[user]).toBe(queries.length);
    const roots = new Set(queries.map((q) => q.field));
    for (const f of [
      'meeting',
      'meetings',
      'proposal',
      'proposals',
      'review',
      'reviews',
      'contract',
      'contracts',
      'normativeDocument',
      'normativeDocuments',
      'node',
      'endedNormativeDocuments',
      'draftDiff',
      'enforcementCase',
      'enforcementCases',
      'legalConsultations',
      'disputeMediations',
      'administrativeCases',
      'publicityEvents',
    ])
      expect(roots).toContain(f);
  });

  it('shows the drafter of CGZF no guarded object of JJFZ, through any field', () => {
    expect(leaks('drafter2', w.dept.JJFZ!)).toEqual([]);
  });

  it('shows the drafter of JJFZ no guarded object of CGZF, through any field', () => {
    expect(leaks('drafter', w.dept.CGZF!)).toEqual([]);
  });

  it('lets each drafter reach every guarded object of their own department', () => {
    expect(unseen('drafter', w.dept.JJFZ!)).toEqual([]);
    expect(unseen('drafter2', w.dept.CGZF!)).toEqual([]);
  });

  it('lets every cross-department role reach every guarded object of both departments (the walk reaches them)', () => {
    for (const user of CROSS_DEPARTMENT) {
      expect({ user, unseen: [...unseen(user, w.dept.JJFZ!), ...unseen(user, w.dept.CGZF!)] }).toEqual({ user, unseen: [] });
    }
  });

  it('shows a released document and its released text to another department’s drafter', () => {
    const ids = new Set(seenBy.drafter2!.map((s) => s.id));
    expect(ids).toContain(w.jjfz.releasedDocumentId);
  });

  it('reaches the edges the issue names, as a cross-department role', () => {
    const paths = seenBy.director!.map((s) => s.path.replace(/\[\d+\]/g, ''));
    for (const edge of [
      'meeting.agenda.nodes.proposal',
      'meetings.nodes.agenda.nodes.proposal',
      'proposal.decision.proposal',
      'proposal.decision.normativeDocument',
      'review.proposal',
      'review.contract',
      'review.normativeDocument',
      'review.enforcementCase',
      'enforcementCase.evidence.nodes',
      'enforcementCase.officers',
      'enforcementCase.procedure',
      'enforcementCase.proposedDecision',
      'review.opinions',
      'review.pinnedVersion',
      'contract.drafts.nodes',
      'contract.materials.nodes',
      'contracts.nodes.reviewRequests',
      'normativeDocuments.nodes.versions.nodes',
      'normativeDocuments.nodes.originatingProposal',
      'node.proposal',
    ])
      expect(paths).toContain(edge);
  });

  it('sends only valid queries, and gets no internal error back', () => {
    for (const user of WORLD_USERS) {
      const bad = errorsBy[user]!.filter((e) => e.error.extensions?.code === 'INTERNAL_SERVER_ERROR' || e.error.extensions?.reason === 'GRAPHQL_VALIDATION_FAILED');
      expect(bad.map((e) => `${user} ${e.field}: ${e.error.message}`)).toEqual([]);
    }
  });
});
