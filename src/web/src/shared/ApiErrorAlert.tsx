import { Alert } from 'antd';
import { apiErrors } from './errors';
import { RuleLink } from './RuleLink';

/**
 * Shows an error exactly as the API gave it: its Chinese message, then every violated rule with its
 * id (a link to the rule), title and message, or every field problem. Nothing is summarised away.
 */
export function ApiErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const errors = apiErrors(error);
  if (errors.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? '操作未成功'}
      description={
        <div data-testid="api-errors">
          {errors.map((e, i) => (
            <div key={i}>
              {e.violations.length === 0 && <p style={{ margin: 0 }}>{e.message}</p>}
              {e.violations.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label="未满足的规则">
                  {e.violations.map((v, j) => (
                    <li key={j} data-rule={v.rule}>
                      <RuleLink id={v.rule} title={v.title} />：{v.message}
                    </li>
                  ))}
                </ul>
              )}
              {e.fields.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label="需要修改的字段">
                  {e.fields.map((f, j) => (
                    <li key={j}>
                      {f.label}：{f.messages.join('；')}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      }
    />
  );
}
