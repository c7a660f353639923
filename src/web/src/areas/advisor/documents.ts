import { graphql } from '../../gql';

/** The review as the workspace shows it: intake, deadline, pinned text, the subject's text now, and every opinion. */
export const AdvisorReviewDoc = graphql(`
  query AdvisorReview($id: ID!) {
    review(id: $id) {
      id
      code
      subjectType
      subjectId
      subjectTitle
      status
      version
      pinnedHash
      pinnedMaterials
      pinnedVersion {
        id
        number
        text
        contentHash
        createdAt
        changeNote
      }
      acceptedOn
      returnedOn
      returnReason
      pausedWorkingDays
      extensionWorkingDays
      extensionReason
      dueOn
      requestedCompletionOn
      requestedAt
      firstReviewNote
      opinionIssuedOn
      documents {
        kind
        format
        title
        url
      }
      requestedBy {
        id
        displayName
        department {
          id
          name
        }
      }
      assignedTo {
        id
        displayName
      }
      deadline {
        dueOn
        workingDaysLeft
        overdue
        paused
        provisional
      }
      availableActions {
        action
        label
        rule
        ruleTitle
      }
      requiredAspects {
        aspect
        label
        checklist {
          item
          label
          rule
        }
      }
      opinions {
        ...AdvisorOpinion
      }
      proposal {
        id
        code
        currentDraft {
          ...AdvisorText
        }
        decision {
          id
          status
          version
          requiredChanges
          availableActions {
            action
            label
            rule
            ruleTitle
          }
          amendments(first: 10) {
            nodes {
              id
              seq
              status
              draftNumber
              explanation
              legalConfirmationRequired
              legalConfirmationBasis
              advisorConfirmedAt
              advisorNote
              submittedAt
            }
          }
        }
      }
      contract {
        id
        code
        counterparty
        amount
        currentDraft {
          ...AdvisorText
        }
      }
      normativeDocument {
        id
        currentVersion {
          ...AdvisorText
        }
      }
      enforcementCase {
        id
        code
        proposedDecision {
          ...AdvisorText
        }
      }
    }
  }
`);

export const AdvisorTextFragment = graphql(`
  fragment AdvisorText on TextVersion {
    id
    number
    text
    contentHash
    createdAt
    changeNote
  }
`);

export const AdvisorOpinionFragment = graphql(`
  fragment AdvisorOpinion on LegalOpinion {
    id
    number
    documents {
      kind
      format
      title
      url
    }
    status
    conclusion
    text
    version
    reviewedDraftHash
    superseded
    supersedesId
    issuedAt
    signedBy {
      id
      displayName
    }
    aspects {
      id
      aspect
      conclusion
      note
      checklist {
        item
        answer
        lawName
        article
      }
    }
    findings {
      id
      seq
      aspect
      mustFix
      text
      lawName
      article
      response
      responseReason
      respondedAt
    }
    confirmations {
      id
      draftHash
      note
      confirmedAt
    }
  }
`);

export const AdvisorAcceptDoc = graphql(`
  mutation AdvisorAcceptReview($input: ReviewTransitionInput!) {
    acceptReview(input: $input) {
      review {
        id
        status
        version
      }
    }
  }
`);

export const AdvisorReturnDoc = graphql(`
  mutation AdvisorReturnReview($input: ReturnReviewInput!) {
    returnReview(input: $input) {
      review {
        id
        status
        version
        returnReason
      }
    }
  }
`);

export const AdvisorAssignDoc = graphql(`
  mutation AdvisorAssignReview($input: AssignReviewInput!) {
    assignReview(input: $input) {
      review {
        id
        version
        assignedTo {
          id
          displayName
        }
      }
    }
  }
`);

export const AdvisorExtendDoc = graphql(`
  mutation AdvisorExtendReview($input: ExtendReviewInput!) {
    extendReview(input: $input) {
      review {
        id
        version
        dueOn
        extensionWorkingDays
        extensionReason
      }
    }
  }
`);

export const AdvisorAdvisorsDoc = graphql(`
  query AdvisorAdvisors {
    reviewAdvisors {
      id
      username
      displayName
    }
  }
`);

export const AdvisorSaveOpinionDoc = graphql(`
  mutation AdvisorSaveOpinion($input: SaveOpinionInput!) {
    saveOpinionDraft(input: $input) {
      opinion {
        ...AdvisorOpinion
      }
    }
  }
`);

export const AdvisorIssueOpinionDoc = graphql(`
  mutation AdvisorIssueOpinion($input: IssueOpinionInput!) {
    issueOpinion(input: $input) {
      opinion {
        ...AdvisorOpinion
      }
      review {
        id
        status
        version
      }
    }
  }
`);

export const AdvisorConfirmDraftDoc = graphql(`
  mutation AdvisorConfirmAmendedDraft($input: ConfirmDraftInput!) {
    confirmAmendedDraft(input: $input) {
      confirmation {
        id
        draftHash
        note
        confirmedAt
      }
      review {
        id
        version
        pinnedHash
      }
    }
  }
`);

export const AdvisorConfirmTextLegallyDoc = graphql(`
  mutation AdvisorConfirmAmendedTextLegally($input: ConfirmAmendedTextInput!) {
    confirmAmendedTextLegally(input: $input) {
      amendment {
        id
        advisorConfirmedAt
        advisorNote
      }
      decision {
        id
        version
      }
    }
  }
`);
