import { getMetadataStorage } from 'class-validator';
import { fieldLabel, pathLabel } from './field-labels';

/**
 * class-validator's refusals in Chinese (校验提示): each constraint that failed becomes a sentence
 * naming the field by its Chinese label and the limit it broke; a message written in Chinese on the
 * decorator is kept. No English default text ("title must be longer than…") reaches a user.
 */

export interface ValidationErrorLike {
  property: string;
  target?: object;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

export interface FieldProblem {
  /** The input path, e.g. `holidays.3.name`. */
  field: string;
  /** Its Chinese name. */
  label: string;
  messages: string[];
}

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** The limits a decorator was declared with (e.g. Length(2, 200) → [2, 200]), or []. */
function constraintArgs(target: object | undefined, property: string, name: string): unknown[] {
  if (!target || typeof target !== 'object') return [];
  const metas = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  const m = metas.find((x) => x.propertyName === property && (x.name === name || x.type === name));
  return (m?.constraints as unknown[] | undefined) ?? [];
}

/** One failed constraint of `label`, in Chinese. */
export function constraintMessage(label: string, name: string, args: unknown[], each = false): string {
  const [a, b] = args;
  const subject = each ? `${label}的每一项` : label;
  switch (name) {
    case 'isLength':
      if (typeof b === 'number') return `${subject}应为 ${a}–${b} 个字符`;
      return `${subject}至少应有 ${a} 个字符`;
    case 'minLength':
      return `${subject}至少应有 ${a} 个字符`;
    case 'maxLength':
      return `${subject}不能超过 ${a} 个字符`;
    case 'min':
      return `${subject}不能小于 ${a}`;
    case 'max':
      return `${subject}不能大于 ${a}`;
    case 'isInt':
      return `${subject}应为整数`;
    case 'isPositive':
      return `${subject}应为正数`;
    case 'isUuid':
    case 'isUUID':
      return `${subject}格式无效（应为 UUID）`;
    case 'isEnum':
    case 'isIn':
      return `${subject}的取值不在可选范围内`;
    case 'isBoolean':
      return `${subject}应为是或否（布尔值）`;
    case 'isString':
      return `${subject}应为文本`;
    case 'isNumber':
      return `${subject}应为数字`;
    case 'isNotEmpty':
    case 'isDefined':
      return `${subject}不能为空`;
    case 'matches':
      return `${subject}的格式不符合要求（不能为空白或包含不允许的字符）`;
    case 'arrayMaxSize':
      return `${label}最多 ${a} 项`;
    case 'arrayMinSize':
      return `${label}至少应有 ${a} 项`;
    case 'arrayNotEmpty':
      return `${label}不能为空`;
    case 'arrayUnique':
      return `${label}中有重复项`;
    case 'isArray':
      return `${label}应为列表`;
    case 'nestedValidation':
      return `${label}应为对象或列表`;
    case 'whitelistValidation':
      return `不接受字段 ${label}`;
    default:
      return `${subject}的取值不符合要求`;
  }
}

/** Every field that failed, with its Chinese label and Chinese messages (nested inputs flattened). */
export function translateValidation(errors: ValidationErrorLike[], prefix = '', parentType?: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const typeName = e.target?.constructor?.name ?? parentType;
    const isIndex = /^\d+$/.test(e.property);
    const label = isIndex ? `${pathLabel(prefix, parentType)}第 ${Number(e.property) + 1} 项` : (fieldLabel(typeName, e.property) ?? pathLabel(field, typeName));
    if (e.constraints) {
      const messages = Object.entries(e.constraints).map(([name, text]) => {
        if (HAS_CHINESE.test(text)) return text;
        const meta = constraintArgs(e.target, e.property, name);
        return constraintMessage(label, name, meta, /^each value in /.test(text));
      });
      out.push({ field, label, messages });
    }
    if (e.children?.length) out.push(...translateValidation(e.children, field, typeName));
  }
  return out;
}

/** graphql-js's refusal of a value that does not fit its type (variable coercion), in Chinese; null when not one. */
export function translateCoercion(message: string, variableType?: string): string | null {
  // A field of the variable's own input type is labelled as that type names it (e.g. UpdateDepartmentInput.kind: 部门类别).
  const label = (variable: string, path?: string) => {
    const parts = (path ?? variable).split('.');
    if (variableType && parts.length === 2) return fieldLabel(variableType, parts[1]!) ?? pathLabel(parts[1]!);
    return pathLabel(path ?? variable);
  };
  let m = /^Variable "\$(\w+)" of required type "[^"]+" was not provided\.?$/s.exec(message);
  if (m) return `缺少${label(m[1]!)}（必填）`;
  m = /^Variable "\$(\w+)" of non-null type "[^"]+" must not be null\.?$/s.exec(message);
  if (m) return `${label(m[1]!)}不能为空`;
  // The message quotes the value, which can be huge: split by position, never by a backtracking regex.
  m = /^Variable "\$(\w+)" got invalid value /.exec(message.slice(0, 200));
  if (!m) return null;
  const variable = m[1]!;
  const cut = message.lastIndexOf('; ');
  if (cut < 0) return null;
  const head = message.slice(0, cut);
  const detail = message.slice(cut + 2, cut + 2 + 500);
  const at = head.lastIndexOf(' at "');
  const path = at >= 0 && head.endsWith('"') && /^[\w.]+$/.test(head.slice(at + 5, -1)) ? head.slice(at + 5, -1) : undefined;
  const what = label(variable, path);
  let d: RegExpExecArray | null;
  if ((d = /^Field "(\w+)" of required type "[^"]+" was not provided\.?$/.exec(detail))) return `缺少${(path ? undefined : variableType && fieldLabel(variableType, d[1]!)) || pathLabel(d[1]!)}（必填）`;
  if ((d = /^Field "(\w+)" is not defined by type "[^"]+"/.exec(detail))) return `不接受字段 ${d[1]}：请删去它`;
  if (/^Expected value of non-null type/.test(detail)) return `${what}不能为空`;
  if (/^Expected type "[^"]+" to be an object\.?$/.test(detail)) return `${what}应为对象（{ … }）`;
  if (/^Int cannot represent non 32-bit/.test(detail)) return `${what}超出整数范围`;
  if (/^Int cannot represent/.test(detail)) return `${what}应为整数`;
  if (/^Float cannot represent/.test(detail)) return `${what}应为数字`;
  if (/^String cannot represent/.test(detail)) return `${what}应为文本`;
  if (/^Boolean cannot represent/.test(detail)) return `${what}应为是或否（布尔值）`;
  if (/^ID cannot represent/.test(detail)) return `${what}应为编号（文本）`;
  if (/^Value ".*" does not exist in "\w+" enum/s.test(detail) || /^Enum "\w+" cannot represent/.test(detail)) return `${what}的取值不在可选范围内`;
  if (/LocalDate/.test(detail)) return `${what}不是有效日期（YYYY-MM-DD）`;
  if (/DateTime/.test(detail)) return `${what}不是有效时间（ISO 8601，如 2026-03-05T10:00:00+08:00）`;
  if (/JSON/.test(detail)) return `${what}应为 JSON 值`;
  return `${what}的取值格式不正确`;
}
