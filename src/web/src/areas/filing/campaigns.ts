import { graphql } from '../../gql';

/** The latest campaigns, for choosing one (a street office runs a few a year: the latest 100 hold them). */
export const FilingCampaignChoicesDoc = graphql(`
  query FilingCampaignChoices {
    cleanupCampaigns(first: 100) {
      nodes {
        id
        title
        startedOn
      }
    }
  }
`);
