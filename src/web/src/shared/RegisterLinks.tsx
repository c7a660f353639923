import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { DocumentLinks } from './DocumentLinks';

// Imported by the area screens directly (not through ./index, which the first page loads): the query belongs to the areas' documents.
const RegistersDoc = graphql(`
  query Registers {
    registers {
      kind
      format
      title
      url
    }
  }
`);

/** Download buttons for the registers of the given kinds that the signed-in user may download (the `registers` query). */
export function RegisterLinks({ kinds, testId = 'register-links' }: { kinds: readonly string[]; testId?: string }) {
  const { data } = useQuery(RegistersDoc, { fetchPolicy: 'cache-first' });
  return <DocumentLinks links={data?.registers} kinds={kinds} size="middle" testId={testId} />;
}
