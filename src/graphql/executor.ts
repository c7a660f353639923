import {
  astFromValue,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  printSchema,
  typeFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';

interface Compiled {
  query: CompiledQuery | ExecutionResult;
  operation: OperationDefinitionNode | undefined;
  /** The variables that may hold a required value with a default (below), with their types. */
  defaulted: { name: string; type: GraphQLInputType; value: unknown }[];
}

/**
 * Executes operations with graphql-jit: each parsed document (Apollo keeps one per query text in
 * its bounded document store) is compiled once into plain JavaScript that walks its selection, and
 * run with the request's context and variables. graphql-js's `execute` interprets the selection
 * again for every field of every row (≈ 2,500 fields on the nested proposal page).
 *
 * What a client sees does not change (test/unit/executor.test.ts compares both on the same schema):
 * - variables are checked by graphql-js first: its errors, with the variable's definition as their
 *   node, are what Apollo and our error formatter translate;
 * - graphql-jit 0.8 refuses a required variable or input field with a default that the client left
 *   out (the specification lets it be omitted): such values are filled in before it sees them;
 * - the operation is the one the client named (Apollo passes the name it resolved, none when it did
 *   not find it);
 * - every error is handed on as a graphql-js `GraphQLError` with its path, locations and original error.
 */
export function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const compile = (document: DocumentNode, operationName: string | null): Compiled => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    let c = byOperation.get(key);
    if (!c) {
      const operation = getOperationAST(document, operationName) ?? undefined;
      const defaulted: Compiled['defaulted'] = [];
      for (const v of operation?.variableDefinitions ?? []) {
        const type = typeFromAST(schema, v.type) as GraphQLInputType | undefined;
        if (!type) continue;
        const value = v.defaultValue && isNonNullType(type) ? valueFromASTUntyped(v.defaultValue) : undefined;
        if (value !== undefined || holdsRequiredDefaults(type)) defaulted.push({ name: v.variable.name.value, type, value });
      }
      c = { query: compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true }), operation, defaulted };
      byOperation.set(key, c);
    }
    return c;
  };

  return async (rc) => {
    const { query, operation, defaulted } = compile(rc.document, rc.request.operationName ?? null);
    if (!isCompiledQuery(query)) return { errors: query.errors?.map(asGraphQLError) };
    let variables = rc.request.variables ?? {};
    if (operation?.variableDefinitions?.length) {
      const checked = getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 50 });
      if (checked.errors) return { errors: checked.errors };
      for (const d of defaulted) {
        const given = variables[d.name];
        const filled = given === undefined ? d.value : withRequiredDefaults(d.type, given);
        if (filled !== given) variables = { ...variables, [d.name]: filled };
      }
    }
    const result = await query.query(undefined, rc.context, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
}

const requiredDefaults = new WeakMap<GraphQLInputObjectType, boolean>();
const externalDefaults = new WeakMap<GraphQLInputField, unknown>();

/** Whether a value of this type may contain an input field that is required and has a default. */
function holdsRequiredDefaults(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return false;
  let known = requiredDefaults.get(named);
  if (known === undefined) {
    requiredDefaults.set(named, false); // a type that contains itself
    known = Object.values(named.getFields()).some((f) => (isNonNullType(f.type) && f.defaultValue !== undefined) || holdsRequiredDefaults(f.type));
    requiredDefaults.set(named, known);
  }
  return known;
}

/** A client's value with every required input field it left out set to the field's default, as a client would write it. */
function withRequiredDefaults(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined || !holdsRequiredDefaults(type)) return value;
  const t = getNullableType(type);
  if (isListType(t)) {
    const item = t.ofType as GraphQLInputType;
    return Array.isArray(value) ? value.map((v) => withRequiredDefaults(item, v)) : withRequiredDefaults(item, value);
  }
  if (!isInputObjectType(t) || typeof value !== 'object' || Array.isArray(value)) return value;
  let out = value as Record<string, unknown>;
  for (const f of Object.values(t.getFields())) {
    const given = out[f.name];
    let filled = given;
    if (given === undefined) {
      if (isNonNullType(f.type) && f.defaultValue !== undefined) filled = externalDefault(f);
    } else filled = withRequiredDefaults(f.type, given);
    if (filled !== given) out = { ...out, [f.name]: filled };
  }
  return out;
}

function externalDefault(f: GraphQLInputField): unknown {
  if (!externalDefaults.has(f)) {
    const ast = astFromValue(f.defaultValue, f.type);
    externalDefaults.set(f, ast ? valueFromASTUntyped(ast) : undefined);
  }
  return externalDefaults.get(f);
}

/** graphql-jit's own error objects as graphql-js's (Apollo's error handling reads `extensions` and `nodes` of the class it knows). */
function asGraphQLError(e: GraphQLError): GraphQLError {
  const out = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions });
  if (e.locations) (out as { locations?: GraphQLError['locations'] }).locations = e.locations;
  return out;
}

/** The gateway Apollo Server is given instead of a schema: our own schema, executed by `compiledExecutor`. */
export function compiledSchemaGateway(schema: GraphQLSchema): GatewayInterface {
  const executor = compiledExecutor(schema);
  let sdl: string | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      // only Apollo's schema reporting reads the SDL (not used here): printed when read, not at every start
      callback({
        apiSchema: schema,
        get coreSupergraphSdl() {
          return (sdl ??= printSchema(schema));
        },
      });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}
