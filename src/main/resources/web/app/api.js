// The only way this page talks to the server: POST /graphql, with errors in plain words.

/** What went wrong, as sentences a person can act on. */
export class ApiError extends Error {
  constructor(messages) {
    super(messages.join('\n'));
    this.messages = messages;
  }
}

const INTRO = {
  QUERY_SYNTAX: 'The search could not be read',
  UNKNOWN_FIELD: 'The search names a field that does not exist',
  UNSUPPORTED: 'The spec asks for something the build cache data cannot answer',
  LIMIT: 'The request asks for too much',
  BAD_CURSOR: 'That page of results is no longer valid; start again from the first page',
  AMBIGUOUS_HASH: 'Several binaries start with that hash',
  BAD_ARGUMENT: 'One of the choices is not valid',
  INTERNAL: 'The server failed; please try again later',
};

/** One GraphQL error as a sentence: what kind of mistake, then the API's own message. */
export function plainWords(error) {
  const kind = error.extensions && error.extensions.classification;
  const intro = INTRO[kind];
  if (!intro || kind === 'INTERNAL') return intro || error.message;
  return `${intro}: ${error.message}`;
}

/** Runs `query` with `variables` and returns its data, or throws an ApiError. */
export async function gql(query, variables = {}) {
  let response;
  try {
    response = await fetch('graphql', {
      method: 'POST',
      // application/json: GraphQL errors come back as 200 with their messages, never a bare 400.
      headers: {'Content-Type': 'application/json', Accept: 'application/json'},
      body: JSON.stringify({query, variables}),
    });
  } catch (e) {
    throw new ApiError([`The server could not be reached (${e.message}).`]);
  }
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new ApiError([`The server answered ${response.status} ${response.statusText} without a result.`]);
  }
  if (body.errors && body.errors.length) {
    // The same mistake reaches every field that reads it: say it once.
    throw new ApiError([...new Set(body.errors.map(plainWords))]);
  }
  if (!response.ok) throw new ApiError([`The server answered ${response.status}.`]);
  return body.data;
}
