// The stand-in's in-memory state for one repository's issues, pull requests, labels and commit
// statuses, and the JSON GitHub documents for them (issue-comment, label, status, simple-user).

/** GitHub's `simple-user`. */
export interface User {
  login: string;
  id: number;
  node_id: string;
  avatar_url: string;
  gravatar_id: string | null;
  url: string;
  html_url: string;
  followers_url: string;
  following_url: string;
  gists_url: string;
  starred_url: string;
  subscriptions_url: string;
  organizations_url: string;
  repos_url: string;
  events_url: string;
  received_events_url: string;
  type: string;
  site_admin: boolean;
  user_view_type: string;
}

/** GitHub's `issue-comment`, as the default media type returns it. */
export interface IssueComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  body: string;
  user: User;
  created_at: string;
  updated_at: string;
  issue_url: string;
  author_association: string;
  performed_via_github_app: null;
  reactions: Record<string, number | string>;
}

/** GitHub's `label`. */
export interface Label {
  id: number;
  node_id: string;
  url: string;
  name: string;
  description: string | null;
  color: string;
  default: boolean;
}

/** GitHub's `status` (a commit status). */
export interface CommitStatus {
  url: string;
  avatar_url: string | null;
  id: number;
  node_id: string;
  state: string;
  description: string | null;
  target_url: string | null;
  context: string;
  created_at: string;
  updated_at: string;
  creator: User;
}

/** The account the stand-in acts as for every write: the GITHUB_TOKEN of a workflow run. */
export const BOT_LOGIN = 'github-actions[bot]';

/** GitHub's own ids for github-actions[bot], so that code keyed on them sees what GitHub sends. */
const KNOWN_USERS: Record<string, { id: number; node_id: string; avatar_url: string; html_url: string }> = {
  [BOT_LOGIN]: { id: 41898282, node_id: 'MDM6Qm90NDE4OTgyODI=', avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4', html_url: 'https://github.com/apps/github-actions' },
};

/** A user as GitHub describes one; logins ending in "[bot]" are apps' bot accounts, as on GitHub. */
export function user(api: string, login: string): User {
  const known = KNOWN_USERS[login];
  // Stable ids for other logins, so that seeded users compare equal across runs.
  const id = known?.id ?? 1_000_000 + ([...login].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) % 9_000_000, 7));
  const self = `${api}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: known?.node_id ?? Buffer.from(`04:User${id}`).toString('base64'),
    avatar_url: known?.avatar_url ?? `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: self,
    html_url: known?.html_url ?? `https://github.com/${login}`,
    followers_url: `${self}/followers`,
    following_url: `${self}/following{/other_user}`,
    gists_url: `${self}/gists{/gist_id}`,
    starred_url: `${self}/starred{/owner}{/repo}`,
    subscriptions_url: `${self}/subscriptions`,
    organizations_url: `${self}/orgs`,
    repos_url: `${self}/repos`,
    events_url: `${self}/events{/privacy}`,
    received_events_url: `${self}/received_events`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
    user_view_type: 'public',
  };
}

/** GitHub's timestamps: UTC, whole seconds. */
export const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** What a pull request's own endpoints (pulls/…) return beyond the issue: its author and commits. */
export interface PullRequestFields {
  readonly author: string;
  readonly headSha: string;
  readonly headRef: string;
  readonly baseSha: string;
  readonly baseRef: string;
}

export interface Issue {
  readonly number: number;
  readonly pullRequest: boolean;
  /** Set for a pull request seeded with its commits. */
  pull?: PullRequestFields;
  readonly comments: IssueComment[];
  /** The issue's labels, the same objects as the repository's. */
  readonly labels: Label[];
}

/** One repository's issues (pull requests are issues too), labels and commit statuses. */
export class RepositoryState {
  readonly issues = new Map<number, Issue>();
  /** By lower-cased name: GitHub's label names are case-insensitive. */
  readonly labels = new Map<string, Label>();
  readonly statuses = new Map<string, CommitStatus[]>();

  /** "owner/repo". */
  readonly fullName: string;
  /** The stand-in's own URL for this repository's API, e.g. http://127.0.0.1:1234/repos/o/r */
  readonly api: string;
  /** The stand-in's URL, standing for https://api.github.com */
  readonly root: string;
  /** Ids are unique across the stand-in, as GitHub's are across GitHub. */
  private readonly nextId: () => number;

  constructor(fullName: string, api: string, root: string, nextId: () => number) {
    this.fullName = fullName;
    this.api = api;
    this.root = root;
    this.nextId = nextId;
  }

  label(name: string): Label | undefined {
    return this.labels.get(name.toLowerCase());
  }

  addLabel(name: string, color = 'ededed', description: string | null = null): Label {
    const id = this.nextId();
    const label: Label = { id, node_id: `LA_${id}`, url: `${this.api}/labels/${encodeURIComponent(name)}`, name, description, color, default: false };
    this.labels.set(name.toLowerCase(), label);
    return label;
  }

  addIssue(number: number, pullRequest: boolean): Issue {
    if (this.issues.has(number)) throw new Error(`${this.fullName} already has #${number}`);
    const issue: Issue = { number, pullRequest, comments: [], labels: [] };
    this.issues.set(number, issue);
    return issue;
  }

  /** Labels an issue, creating labels the repository lacks, as GitHub does. */
  labelIssue(issue: Issue, name: string): void {
    const label = this.label(name) ?? this.addLabel(name);
    if (!issue.labels.includes(label)) issue.labels.push(label);
  }

  addComment(issue: Issue, body: string, login: string, authorAssociation = 'NONE', at = now()): IssueComment {
    const id = this.nextId();
    const comment: IssueComment = {
      id,
      node_id: `IC_${id}`,
      url: `${this.api}/issues/comments/${id}`,
      html_url: `https://github.com/${this.fullName}/${issue.pullRequest ? 'pull' : 'issues'}/${issue.number}#issuecomment-${id}`,
      body,
      user: user(this.root, login),
      created_at: at,
      updated_at: at,
      issue_url: `${this.api}/issues/${issue.number}`,
      author_association: authorAssociation,
      performed_via_github_app: null,
      reactions: { url: `${this.api}/issues/comments/${id}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 },
    };
    issue.comments.push(comment);
    return comment;
  }

  comment(id: number): IssueComment | undefined {
    for (const issue of this.issues.values()) {
      const found = issue.comments.find((c) => c.id === id);
      if (found) return found;
    }
    return undefined;
  }

  addStatus(sha: string, fields: { state: string; target_url?: string | null; description?: string | null; context?: string }, login: string): CommitStatus {
    const id = this.nextId();
    const at = now();
    const creator = user(this.root, login);
    const status: CommitStatus = {
      url: `${this.api}/statuses/${sha}`,
      avatar_url: creator.avatar_url,
      id,
      node_id: `SC_${id}`,
      state: fields.state,
      description: fields.description ?? null,
      target_url: fields.target_url ?? null,
      context: fields.context ?? 'default',
      created_at: at,
      updated_at: at,
      creator,
    };
    const list = this.statuses.get(sha) ?? [];
    list.push(status);
    this.statuses.set(sha, list);
    return status;
  }
}
