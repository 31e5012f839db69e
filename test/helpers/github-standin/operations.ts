// The one list of GitHub REST operations the stand-in serves. The committed subset of GitHub's
// OpenAPI description is cut to exactly these (scripts/github-openapi-subset.ts), and the stand-in
// keeps one handler per entry, so it cannot serve an operation the subset lacks.

/** GitHub's operationId → "METHOD /path template", as in GitHub's OpenAPI description. */
export const SERVED_OPERATIONS = {
  // Files, read by the evidence checker.
  'repos/get-content': 'GET /repos/{owner}/{repo}/contents/{path}',
  'git/get-blob': 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
  'repos/get-commit': 'GET /repos/{owner}/{repo}/commits/{ref}',
  // Pull-request bot: comments, labels, commit statuses.
  'issues/list-comments': 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'issues/create-comment': 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'issues/update-comment': 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  'issues/list-labels-on-issue': 'GET /repos/{owner}/{repo}/issues/{issue_number}/labels',
  'issues/add-labels': 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
  'issues/remove-label': 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
  'issues/get-label': 'GET /repos/{owner}/{repo}/labels/{name}',
  'issues/create-label': 'POST /repos/{owner}/{repo}/labels',
  'repos/create-commit-status': 'POST /repos/{owner}/{repo}/statuses/{sha}',
  // Pull-request bot: who wrote the pull request, its head, what it changes.
  'pulls/get': 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
  'pulls/list-files': 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
} as const;

export type OperationId = keyof typeof SERVED_OPERATIONS;

/** Splits "METHOD /path" into OpenAPI's lower-case method and the path template. */
export function operationKey(operationId: OperationId): { method: string; path: string } {
  const [method, path] = SERVED_OPERATIONS[operationId].split(' ') as [string, string];
  return { method: method.toLowerCase(), path };
}

/** The committed subset (generated; do not edit by hand). */
export const SUBSET_FILE = new URL('../../fixtures/github-openapi/api.github.com.json', import.meta.url);
