import path from 'node:path';
import ts from 'typescript';
import { getNamedType, isEnumType, isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { getSchema } from '../../src/graphql/schema';
import { argumentLabel, fieldLabel } from '../../src/graphql/field-labels';
import { confirmationViolations } from '../../src/normative/assessment.rules';
import { FilingVerdict } from '../../src/normative/normative.enums';

/**
 * Issue #11, item 11: messages in Chinese throughout. Enum values never appear raw inside a
 * message (their Chinese labels do), every enum value and every input field of the schema has a
 * Chinese label (validation messages name the field with it).
 */

const ROOT = path.resolve(__dirname, '../..');
/** CJK ideographs and full-width punctuation: a template literal holding any is a message for people. */
const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const IDEOGRAPH = /[\u4e00-\u9fff]/;

function sourceProgram(): ts.Program {
  const configFile = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  const roots = parsed.fileNames.filter((f) => f.startsWith(path.join(ROOT, 'src') + path.sep));
  return ts.createProgram(roots, { ...parsed.options, noEmit: true });
}

function isEnumValued(t: ts.Type): boolean {
  if (t.flags & ts.TypeFlags.EnumLike) return true;
  if (t.isUnion()) return t.types.every((m) => (m.flags & ts.TypeFlags.EnumLike) !== 0 || (m.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !== 0) && t.types.some((m) => (m.flags & ts.TypeFlags.EnumLike) !== 0);
  return false;
}

describe('messages in Chinese throughout', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await getSchema();
  });

  it('never interpolates a raw enum value into a Chinese message (use the enum’s label map)', () => {
    const program = sourceProgram();
    const checker = program.getTypeChecker();
    const found: string[] = [];
    for (const sf of program.getSourceFiles()) {
      if (!sf.fileName.startsWith(path.join(ROOT, 'src'))) continue;
      const visit = (node: ts.Node): void => {
        if (ts.isTemplateExpression(node)) {
          const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('');
          if (CHINESE.test(text)) {
            for (const span of node.templateSpans) {
              if (isEnumValued(checker.getTypeAtLocation(span.expression))) {
                const { line } = sf.getLineAndCharacterOfPosition(span.expression.getStart(sf));
                found.push(`${path.relative(ROOT, sf.fileName)}:${line + 1} \${${span.expression.getText(sf)}}`);
              }
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(found).toEqual([]);
  });

  it('names the verdicts of an overridden filing assessment by their labels (R-ND-2)', () => {
    const [v] = confirmationViolations({ assessedVerdict: FilingVerdict.FILING_REQUIRED, confirmedVerdict: FilingVerdict.NOT_REQUIRED, reason: null });
    expect(v!.message).not.toMatch(/FILING_REQUIRED|NOT_REQUIRED/);
    expect(v!.message).toMatch(/应当报备.*无需报备/);
  });

  it('gives every enum value of the schema a Chinese label', () => {
    const missing: string[] = [];
    for (const t of Object.values(schema.getTypeMap())) {
      if (t.name.startsWith('__') || !isEnumType(t)) continue;
      for (const v of t.getValues()) if (!IDEOGRAPH.test(v.description ?? '')) missing.push(`${t.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('gives every input field and every argument of the schema a Chinese label (src/graphql/field-labels.ts)', () => {
    const missing: string[] = [];
    for (const t of Object.values(schema.getTypeMap())) {
      if (t.name.startsWith('__')) continue;
      if (isInputObjectType(t)) {
        for (const f of Object.values(t.getFields())) {
          const label = fieldLabel(t.name, f.name);
          if (!label || !IDEOGRAPH.test(label)) missing.push(`${t.name}.${f.name}`);
        }
      }
      if (isObjectType(t)) {
        for (const f of Object.values(t.getFields())) {
          for (const a of f.args) {
            // An input object argument is labelled through its fields; its own label names it as a whole.
            const label = argumentLabel(t.name, f.name, a.name);
            if (!label || !IDEOGRAPH.test(label)) missing.push(`${t.name}.${f.name}(${a.name}: ${getNamedType(a.type).name})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
