"""The kernel: what every app uses and that is not the route. It imports no app of ours.

- `types`: the request type of the views (`HtmxHttpRequest`);
- `pdf`: HTML to PDF, with the one fetcher that serves stylesheets from the static files;
- `rem`: the one throttle for guessable secrets (codes and links);
- `logboek`: log lines never hold a secret from a URL;
- `session_store`, `session_redis`: the session engines that write back only what a request changed;
- `gezond`: /gezond/, the health check;
- `fouten`: the error handlers;
- `markup`: Markdown to sanitised HTML;
- `context_processors`: the main menu's current item;
- `admin`: the read-only admin base;
- `adressen` (with its tags in `templatetags/vast`): `vaste_url` and `vaste_static`, links worked out once per process;
- `terugweg`: the one check for a "back to where you were" address.
"""
