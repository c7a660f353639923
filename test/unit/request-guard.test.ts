import { checkGraphQLRequest } from '../../src/graphql/request-guard';

describe('the request guard remembers only passes, per limits', () => {
  const query = '{ proposals(first: 5) { nodes { id code title state } } }';

  it('a text that passed under a generous token limit is still refused under a tight one', () => {
    expect(checkGraphQLRequest({ query }, { maxTokens: 1000, maxFieldDuplicates: 50 })).toBeNull();
    expect(checkGraphQLRequest({ query }, { maxTokens: 1000, maxFieldDuplicates: 50 })).toBeNull();
    expect(checkGraphQLRequest({ query }, { maxTokens: 5, maxFieldDuplicates: 50 })?.reason).toBe('TOO_MANY_TOKENS');
  });

  it('a refused text stays refused on every try', () => {
    const bad = '{ me { id id id id } }';
    for (let i = 0; i < 3; i++) expect(checkGraphQLRequest({ query: bad }, { maxTokens: 1000, maxFieldDuplicates: 2 })?.reason).toBe('FIELD_DUPLICATION');
  });

  it('variables are checked on every request, whatever the text', () => {
    expect(checkGraphQLRequest({ query, variables: { x: 'ok' } }, { maxTokens: 1000, maxFieldDuplicates: 50 })).toBeNull();
    expect(checkGraphQLRequest({ query, variables: { x: 'a\u0000b' } }, { maxTokens: 1000, maxFieldDuplicates: 50 })?.reason).toBe('INVALID_CHARACTERS');
  });
});
