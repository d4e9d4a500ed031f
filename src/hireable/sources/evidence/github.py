"""GitHub: merged pull requests into other people's repositories, and the user's own repositories
that people pay attention to.

With a token the GraphQL API does the work: one request per 100 pull requests, each with its
repository (stars, topics, language, owner) and `mergedBy` inline. Without one, the REST search
API lists the pull requests (100 a page) and each repository is looked up once per run
(`GET /repos/{owner}/{repo}`, cached). REST search results do not say who merged a pull request,
but they do give the author's `author_association`: an author without write access
(CONTRIBUTOR, FIRST_TIME_CONTRIBUTOR, FIRST_TIMER, NONE) cannot merge, so someone else did, and
no further request is needed. Only where the author could have merged it themselves is
`GET /repos/{o}/{r}/pulls/{n}` fetched, and only where it can change the class: pull requests
into ML repositories with at least `PRIMARY_MIN_STARS` stars (a maintainer's merge makes them
primary, a self-merge makes them talent), at most `detail_budget` of them per run. Other pull
requests keep `merged_by` unknown (secondary).

Search returns at most 1,000 results per query, so when a user has more the query is sliced by
merge date (`merged:FROM..TO`), halving a range until each has at most 1,000.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from hireable.core.credibility import PRIMARY_MIN_STARS
from hireable.errors import RateLimited, SourceError
from hireable.sources.evidence.fetched import Fetched, NotEvidence, Skipped, day, trim
from hireable.sources.http import JsonResponse, RemoteNotFound, request_json

SEARCH_CAP = 1000  # GitHub search returns at most this many results per query
PAGE = 100
DEFAULT_DETAIL_BUDGET = 50

# When is a repository an ML repository? Any one signal is enough; each with its rationale.
ML_TOPICS = frozenset(
    {
        # topics maintainers set for ML work
        "machine-learning", "deep-learning", "artificial-intelligence", "ai", "ml",
        "neural-network", "neural-networks", "pytorch", "tensorflow", "keras", "jax",
        "scikit-learn", "transformers", "huggingface", "nlp", "natural-language-processing",
        "computer-vision", "llm", "llms", "large-language-models", "generative-ai", "gpt",
        "reinforcement-learning", "diffusion", "stable-diffusion", "speech-recognition",
        "object-detection", "image-classification", "mlops", "data-science", "xgboost",
        "lightgbm", "recommender-system", "time-series-forecasting", "rag", "embeddings",
    }
)  # fmt: skip
ML_OWNERS = frozenset(
    {
        # organisations whose repositories are ML projects even without topics
        "pytorch", "tensorflow", "huggingface", "scikit-learn", "keras-team", "google-deepmind",
        "openai", "jax-ml", "microsoft-deepspeed", "lightning-ai", "mlflow", "ray-project",
        "dmlc", "microsoft-onnx", "onnx", "vllm-project", "ggerganov", "ultralytics",
        "facebookresearch", "explosion", "allenai", "langchain-ai", "run-llama", "mistralai",
    }
)  # fmt: skip
# Words in the name or description that say ML (whole words, case-insensitive).
ML_WORDS = re.compile(
    r"\b(machine[- ]learning|deep[- ]learning|neural|pytorch|tensorflow|keras|transformers?|"
    r"llms?|language models?|computer vision|reinforcement learning|diffusion|nlp|"
    r"scikit-learn|embeddings?|inference engine|gradient boosting|classifier)\b",
    re.I,
)
# Own repositories worth recording as products: someone besides you paid attention.
PRODUCT_MIN_STARS = 10
PRODUCT_MIN_FORKS = 5


def is_ml_repo(*, owner: str, name: str, topics: list[str], description: str | None) -> bool:
    if owner.lower() in ML_OWNERS or ML_TOPICS & {t.lower() for t in topics}:
        return True
    return bool(ML_WORDS.search(f"{name.replace('-', ' ')} {description or ''}"))


@dataclass
class Repo:
    full_name: str
    owner: str
    stars: int
    forks: int
    topics: list[str]
    language: str | None
    description: str | None
    html_url: str
    fork: bool = False
    created_at: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def ml(self) -> bool:
        return is_ml_repo(
            owner=self.owner,
            name=self.full_name.split("/")[-1],
            topics=self.topics,
            description=self.description,
        )

    @classmethod
    def from_rest(cls, data: dict[str, Any]) -> Repo:
        if not isinstance(data, dict) or not isinstance(data.get("full_name"), str):
            raise SourceError("GitHub returned a malformed repository record")
        return cls(
            full_name=data["full_name"],
            owner=(data.get("owner") or {}).get("login") or data["full_name"].split("/")[0],
            stars=int(data.get("stargazers_count") or 0),
            forks=int(data.get("forks_count") or 0),
            topics=list(data.get("topics") or []),
            language=data.get("language"),
            description=data.get("description"),
            html_url=data.get("html_url") or f"https://github.com/{data['full_name']}",
            fork=bool(data.get("fork")),
            created_at=data.get("created_at"),
            raw=trim(data),
        )


# Author associations without write access: such an author cannot have merged the PR.
NO_WRITE_ACCESS = frozenset({"CONTRIBUTOR", "FIRST_TIME_CONTRIBUTOR", "FIRST_TIMER", "NONE"})
INFERRED_MAINTAINER = "a maintainer"  # merged_by when only the author's access tells us


@dataclass
class Pull:
    repo: str
    number: int
    title: str
    html_url: str
    author: str | None
    merged_at: str | None
    merged_by: str | None = None
    author_association: str | None = None
    additions: int | None = None
    deletions: int | None = None
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass
class Counter:
    """Requests made, by purpose: the benchmark and the import summary read it."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1


class GitHub:
    """One run against the GitHub API: caches repositories, counts requests."""

    def __init__(
        self,
        client: httpx.Client,
        base_url: str,
        token: str | None = None,
        *,
        detail_budget: int = DEFAULT_DETAIL_BUDGET,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.client = client
        self.base = base_url.rstrip("/")
        self._token = token
        self.detail_budget = detail_budget
        self.today = today
        self.repos: dict[str, Repo] = {}
        self.requests = Counter()

    @property
    def mode(self) -> str:
        return "graphql" if self._token else "rest"

    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        return headers

    def _get(
        self, path: str, *, params: dict[str, Any] | None = None, what: str, purpose: str
    ) -> JsonResponse:
        self.requests.add(purpose)
        try:
            return request_json(
                self.client,
                f"{self.base}{path}",
                params=params,
                headers=self._headers(),
                what=what,
            )
        except SourceError as exc:
            raise _explain(exc, authenticated=bool(self._token)) from None

    # -- users and repositories -------------------------------------------------------------

    def user(self, login: str) -> dict[str, Any]:
        try:
            data = self._get(f"/users/{login}", what=f"GitHub user '{login}'", purpose="user").data
        except RemoteNotFound:
            raise RemoteNotFound(f"GitHub user '{login}' does not exist") from None
        if not isinstance(data, dict) or "login" not in data:
            raise SourceError(f"GitHub returned a malformed record for user '{login}'")
        return data

    def repo(self, full_name: str) -> Repo:
        key = full_name.lower()
        if key not in self.repos:
            data = self._get(
                f"/repos/{full_name}", what=f"GitHub repository {full_name}", purpose="repos"
            ).data
            self.repos[key] = Repo.from_rest(data)
        return self.repos[key]

    def own_repos(self, login: str) -> Iterator[Repo]:
        path: str | None = f"/users/{login}/repos"
        params: dict[str, Any] | None = {"type": "owner", "per_page": PAGE, "sort": "pushed"}
        while path:
            page = self._get(
                path, params=params, what=f"repositories of {login}", purpose="own repos"
            )
            if not isinstance(page.data, list):
                raise SourceError(f"GitHub returned a malformed repository list for '{login}'")
            for data in page.data:
                yield Repo.from_rest(data)
            nxt = page.link("next")
            path, params = (nxt.removeprefix(self.base), None) if nxt else (None, None)

    def pull(self, full_name: str, number: int) -> Pull:
        data = self._get(
            f"/repos/{full_name}/pulls/{number}",
            what=f"pull request {full_name}#{number}",
            purpose="pull details",
        ).data
        return _pull_from_rest(full_name, data)

    # -- merged pull requests ---------------------------------------------------------------

    def merged_pulls(self, login: str, *, since: dt.date) -> Iterator[Pull | Skipped]:
        base = f"is:pr is:merged author:{login} -user:{login}"
        page_fn = self._graphql_page if self._token else self._rest_page
        for pull in _sliced(page_fn, base, since, self.today()):
            if isinstance(pull, Pull):
                yield from self._complete(pull, login)

    def _complete(self, pull: Pull, login: str) -> Iterator[Pull | Skipped]:
        owner = pull.repo.split("/")[0]
        if owner.lower() == login.lower():
            yield Skipped(f"{pull.repo}#{pull.number}", "a pull request to your own repository")
            return
        repo = self.repo(pull.repo)
        if pull.merged_by is None and (pull.author_association or "") in NO_WRITE_ACCESS:
            pull.merged_by = INFERRED_MAINTAINER
        needs_detail = pull.merged_by is None and repo.ml and repo.stars >= PRIMARY_MIN_STARS
        if self.mode == "rest" and needs_detail and self.detail_budget > 0:
            self.detail_budget -= 1
            detail = self.pull(pull.repo, pull.number)
            detail.title = detail.title or pull.title
            pull = detail
        yield pull

    def _rest_page(self, query: str, cursor: str | None) -> tuple[int, list[Pull], str | None]:
        page = int(cursor or 1)
        data = self._get(
            "/search/issues",
            params={"q": query, "per_page": PAGE, "page": page},
            what="GitHub pull request search",
            purpose="search",
        ).data
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            raise SourceError("GitHub returned a malformed search result")
        pulls = [_pull_from_search(item) for item in data["items"]]
        total = int(data.get("total_count") or 0)
        more = page * PAGE < min(total, SEARCH_CAP) and len(pulls) == PAGE
        return total, pulls, str(page + 1) if more else None

    def _graphql_page(self, query: str, cursor: str | None) -> tuple[int, list[Pull], str | None]:
        self.requests.add("graphql")
        try:
            response = request_json(
                self.client,
                f"{self.base}/graphql",
                method="POST",
                headers=self._headers(),
                json_body={"query": SEARCH_QUERY, "variables": {"q": query, "after": cursor}},
                what="GitHub GraphQL search",
            )
        except SourceError as exc:
            raise _explain(exc, authenticated=True) from None
        body = response.data
        if isinstance(body, dict) and body.get("errors"):
            _graphql_errors(body["errors"], response.headers)
        try:
            search = body["data"]["search"]
            nodes = search["nodes"]
            info = search["pageInfo"]
            total = int(search["issueCount"])
        except (KeyError, TypeError, ValueError):
            raise SourceError("GitHub GraphQL returned a malformed search result") from None
        pulls = []
        for node in nodes:
            if isinstance(node, dict) and node.get("number") is not None:
                pulls.append(self._pull_from_graphql(node))
        return total, pulls, info.get("endCursor") if info.get("hasNextPage") else None

    def _pull_from_graphql(self, node: dict[str, Any]) -> Pull:
        repo = node.get("repository") or {}
        name = repo.get("nameWithOwner")
        if not isinstance(name, str):
            raise SourceError("GitHub GraphQL returned a pull request without its repository")
        topics = [
            (n.get("topic") or {}).get("name", "")
            for n in ((repo.get("repositoryTopics") or {}).get("nodes") or [])
        ]
        self.repos.setdefault(
            name.lower(),
            Repo(
                full_name=name,
                owner=(repo.get("owner") or {}).get("login") or name.split("/")[0],
                stars=int(repo.get("stargazerCount") or 0),
                forks=int(repo.get("forkCount") or 0),
                topics=[t for t in topics if t],
                language=(repo.get("primaryLanguage") or {}).get("name"),
                description=repo.get("description"),
                html_url=repo.get("url") or f"https://github.com/{name}",
                raw=repo,
            ),
        )
        return Pull(
            repo=name,
            number=int(node["number"]),
            title=str(node.get("title") or ""),
            html_url=node.get("url") or f"https://github.com/{name}/pull/{node['number']}",
            author=(node.get("author") or {}).get("login"),
            merged_at=node.get("mergedAt"),
            merged_by=(node.get("mergedBy") or {}).get("login"),
            additions=node.get("additions"),
            deletions=node.get("deletions"),
            raw={k: v for k, v in node.items() if k != "repository"},
        )


SEARCH_QUERY = """
query($q: String!, $after: String) {
  search(query: $q, type: ISSUE, first: 100, after: $after) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes {
      ... on PullRequest {
        number title url mergedAt additions deletions
        author { login }
        mergedBy { login }
        repository {
          nameWithOwner url stargazerCount forkCount description
          owner { login }
          primaryLanguage { name }
          repositoryTopics(first: 20) { nodes { topic { name } } }
        }
      }
    }
  }
}
""".strip()

PageFn = Callable[[str, str | None], tuple[int, list[Pull], str | None]]


def _sliced(page_fn: PageFn, base: str, since: dt.date, until: dt.date) -> Iterator[Pull]:
    """Every result of `base`, slicing by merge date where a query would pass the cap."""
    ranges: list[tuple[dt.date, dt.date] | None] = [None]  # None: the whole history
    while ranges:
        span = ranges.pop()
        query = base if span is None else f"{base} merged:{span[0]}..{span[1]}"
        total, pulls, cursor = page_fn(query, None)
        if total > SEARCH_CAP:
            lo, hi = span or (since, until)
            if lo < hi:
                mid = lo + (hi - lo) // 2
                ranges += [(mid + dt.timedelta(days=1), hi), (lo, mid)]
                continue
        yield from pulls
        while cursor:
            total, pulls, cursor = page_fn(query, cursor)
            yield from pulls


def _repo_of(url: str) -> str:
    """`https://github.com/o/r/pull/1` or `.../repos/o/r` → `o/r`."""
    path = httpx.URL(url).path.strip("/").split("/")
    if path and path[0] == "repos":
        path = path[1:]
    if len(path) < 2:
        raise SourceError("GitHub returned a pull request without its repository")
    return f"{path[0]}/{path[1]}"


def _pull_from_search(item: Any) -> Pull:
    if not isinstance(item, dict) or "number" not in item:
        raise SourceError("GitHub returned a malformed search item")
    pr = item.get("pull_request") or {}
    repo = _repo_of(item.get("repository_url") or item.get("html_url") or "")
    return Pull(
        repo=repo,
        number=int(item["number"]),
        title=str(item.get("title") or ""),
        html_url=item.get("html_url") or f"https://github.com/{repo}/pull/{item['number']}",
        author=(item.get("user") or {}).get("login"),
        merged_at=pr.get("merged_at") or item.get("closed_at"),
        author_association=item.get("author_association"),
        raw=trim(item),
    )


def _pull_from_rest(full_name: str, data: Any) -> Pull:
    if not isinstance(data, dict) or "number" not in data:
        raise SourceError(f"GitHub returned a malformed pull request {full_name}")
    return Pull(
        repo=full_name,
        number=int(data["number"]),
        title=str(data.get("title") or ""),
        html_url=data.get("html_url") or f"https://github.com/{full_name}/pull/{data['number']}",
        author=(data.get("user") or {}).get("login"),
        merged_at=data.get("merged_at"),
        merged_by=(data.get("merged_by") or {}).get("login"),
        additions=data.get("additions"),
        deletions=data.get("deletions"),
        raw=trim(data),
    )


def _graphql_errors(errors: Any, headers: httpx.Headers) -> None:
    first = errors[0] if isinstance(errors, list) and errors else {}
    kind = first.get("type") if isinstance(first, dict) else None
    if kind == "RATE_LIMITED":
        reset = headers.get("X-RateLimit-Reset", "")
        resume = float(reset) if reset.isdigit() else None
        raise RateLimited("GitHub GraphQL rate limit reached", resume)
    message = first.get("message") if isinstance(first, dict) else None
    raise SourceError(f"GitHub GraphQL refused the query: {message or 'unknown error'}")


def _explain(exc: SourceError, *, authenticated: bool) -> SourceError:
    """Turn HTTP-level failures into what the learner should do."""
    text = str(exc)
    if isinstance(exc, RateLimited | RemoteNotFound):
        return exc
    if "HTTP 401" in text:
        return SourceError(
            "GitHub rejected the token (HTTP 401): it is revoked, expired or mistyped; "
            "set a new HIREABLE_GITHUB_TOKEN or import without the token"
            if authenticated
            else "GitHub answered HTTP 401"
        )
    return exc


# -- evidence items ---------------------------------------------------------------------------


def pull_item(pull: Pull, repo: Repo, source_url: str) -> Fetched:
    metrics: dict[str, Any] = {
        "repo": repo.full_name,
        "stars": repo.stars,
        "merged": True,
        "ml_repo": repo.ml,
    }
    if pull.author:
        metrics["author"] = pull.author
    if pull.merged_by:
        metrics["merged_by"] = pull.merged_by
    for key in ("additions", "deletions"):
        value = getattr(pull, key)
        if isinstance(value, int):
            metrics[key] = value
    if pull.merged_at:
        metrics["merged_at"] = pull.merged_at
    self_merged = bool(pull.merged_by) and pull.merged_by == pull.author
    validator = None
    if pull.merged_by == INFERRED_MAINTAINER:
        validator = f"a maintainer of {repo.full_name}"
    elif pull.merged_by and not self_merged:
        validator = f"{pull.merged_by} (maintainer of {repo.full_name})"
    note = None
    if pull.merged_by == INFERRED_MAINTAINER:
        note = "merged by a maintainer: you had no write access, so someone else merged it"
    elif self_merged:
        note = "self-merged: nobody else reviewed it"
    elif not pull.merged_by:
        note = "merger unknown (REST detail budget): secondary until refreshed with a token"
    return Fetched(
        source_key=f"github:pr:{repo.full_name}#{pull.number}",
        kind="open-source",
        title=f"{repo.full_name}#{pull.number}: {pull.title}"[:500],
        source_url=source_url,
        url=pull.html_url,
        date=day(pull.merged_at),
        validator=validator,
        metrics=metrics,
        raw={"pull": pull.raw, "repo": repo.raw},
        note=note,
    )


def repo_item(repo: Repo, source_url: str) -> Fetched:
    return Fetched(
        source_key=f"github:repo:{repo.full_name}",
        kind="product",
        title=f"{repo.full_name}: {repo.description or 'GitHub repository'}"[:500],
        source_url=source_url,
        url=repo.html_url,
        date=day(repo.created_at),
        metrics={"stars": repo.stars, "forks": repo.forks},
        raw=repo.raw,
    )


def has_attention(repo: Repo) -> bool:
    return repo.stars >= PRODUCT_MIN_STARS or repo.forks >= PRODUCT_MIN_FORKS


def import_user(gh: GitHub, login: str) -> Iterator[Fetched | Skipped]:
    """Everything `hireable import github USER` records, item by item."""
    user = gh.user(login)
    login = user["login"]
    created = day(user.get("created_at")) or "2008-01-01"
    since = dt.date.fromisoformat(created)
    for pull in gh.merged_pulls(login, since=since):
        if isinstance(pull, Skipped):
            yield pull
            continue
        repo = gh.repo(pull.repo)
        source = f"{gh.base}/repos/{repo.full_name}/pulls/{pull.number}"
        yield pull_item(pull, repo, source)
    for repo in gh.own_repos(login):
        if repo.fork:
            yield Skipped(repo.full_name, "a fork of someone else's project")
        elif not has_attention(repo):
            yield Skipped(
                repo.full_name,
                f"fewer than {PRODUCT_MIN_STARS} stars and {PRODUCT_MIN_FORKS} forks",
            )
        else:
            yield repo_item(repo, f"{gh.base}/repos/{repo.full_name}")


def fetch_pull(gh: GitHub, full_name: str, number: int) -> Fetched:
    """One pull request by address (`evidence add --url`, `evidence refresh`)."""
    pull = gh.pull(full_name, number)
    if pull.merged_at is None:
        raise NotEvidence(f"{full_name}#{number} is not merged: not evidence yet")
    repo = gh.repo(full_name)
    return pull_item(pull, repo, f"{gh.base}/repos/{full_name}/pulls/{number}")


def fetch_repo(gh: GitHub, full_name: str) -> Fetched:
    repo = gh.repo(full_name)
    return repo_item(repo, f"{gh.base}/repos/{full_name}")


def gh_cli_token(timeout: float = 5.0) -> str | None:
    """The `gh` CLI's token, if `gh` is installed and logged in; any failure means none."""
    import shutil
    import subprocess

    exe = shutil.which("gh")
    if not exe:
        return None
    try:
        done = subprocess.run(
            [exe, "auth", "token"], capture_output=True, text=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    token = done.stdout.strip()
    return token if done.returncode == 0 and token and " " not in token else None


def resolve_token(configured: str | None, *, use_gh: bool = True) -> str | None:
    """HIREABLE_GITHUB_TOKEN first, then `gh auth token`; None means the anonymous REST API."""
    if configured:
        return configured
    return gh_cli_token() if use_gh else None
