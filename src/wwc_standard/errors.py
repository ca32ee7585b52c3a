"""The exceptions of wwc-standard: one root, and subclasses that also inherit a builtin.

Every error carries structured fields next to its readable message. Errors about input carry
every problem found at once, each a :class:`Problem` with the path where it is, a stable code,
and a hint on how to fix it, so a user never fixes one mistake only to meet the next.

>>> problem = Problem(path="answers.DM99", code="unknown-criterion",
...                   message="revision 2024 has no criterion 'DM99'", hint="did you mean DM9?")
>>> print(AssessmentError([problem]))
1 problem in the assessment:
  answers.DM99: revision 2024 has no criterion 'DM99' [unknown-criterion] (did you mean DM9?)
>>> isinstance(AssessmentError([problem]), ValueError)
True
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Mapping
from typing import Any, cast

import attrs

from .i18n.messages import Items, Message, Plural, Text, as_optional_text, as_text, join_lines

__all__ = [
    "AssessmentError",
    "IncompleteStandard",
    "InvalidArgument",
    "InvalidStandard",
    "NoMigrationPath",
    "Problem",
    "UnknownLocale",
    "UnknownStandard",
    "UnreadableFile",
    "WWCError",
    "did_you_mean",
    "unknown_checklist_item",
    "unknown_criterion",
]


@attrs.frozen(kw_only=True)
class Problem:
    """One problem in an input: where it is, what it is, how to fix it.

    Every error about input lists its problems in ``.problems``; an app can show them, or send
    them as JSON, without parsing the message:

    >>> import wwc_standard as wwc
    >>> try:
    ...     wwc.evaluate({"answers": {"DM99": "met"}}, standard="2024")
    ... except wwc.AssessmentError as error:
    ...     problem = error.problems[0]
    >>> problem.path, problem.code
    ('answers.DM99', 'unknown-criterion')
    >>> problem.to_dict()["hint"]
    'did you mean DM9?'
    >>> print(problem.message("es"), "/", problem.hint("es"))
    la revisión 2024 no tiene el criterio 'DM99' / ¿quiso decir DM9?
    """

    path: str
    """Where in the input: dotted keys and ``[index]`` ("answers.DG1.checklist.e"); "" for the
    input as a whole."""
    code: str
    """A stable, machine-readable code ("unknown-criterion"): match on this, not the message."""
    message: Text = attrs.field(converter=as_text)
    """What is wrong: the English string, callable for another locale
    (``problem.message(locale="es")``)."""
    hint: Text | None = attrs.field(default=None, converter=as_optional_text)
    """How to fix it, when there is something useful to say ("did you mean DM9?"); callable
    for another locale like ``message``."""
    params: Mapping[str, Any] = attrs.field(factory=dict, eq=False, repr=False)
    """The values the message was built from, for callers that word problems themselves."""

    text: Any = attrs.field(default=None, eq=False, repr=False)
    """The translatable message behind ``message`` (an i18n ``Message``), if any."""
    hint_text: Any = attrs.field(default=None, eq=False, repr=False)
    """The translatable message behind ``hint``, if any."""

    @classmethod
    def of(
        cls,
        path: str,
        code: str,
        text: Message,
        hint: Message | str | None = None,
        *,
        params: Mapping[str, Any] | None = None,
    ) -> Problem:
        """A problem worded by translatable messages (``wwc_standard.i18n.messages.Message``);
        ``params`` defaults to the message's values.

        >>> problem = Problem.of("city.population", "negative-population",
        ...     Message("population cannot be negative, found {population}", population=-5))
        >>> problem.params, problem.message("pt_BR")
        ({'population': -5}, 'a população não pode ser negativa, foi encontrado -5')
        """
        return cls(
            path=path,
            code=code,
            message=Text(text),
            hint=None if hint is None else Text(hint),
            params=text.json_params() if params is None else params,
            text=text,
            hint_text=hint,
        )

    def localized(self, locale: str = "en") -> str:
        """The problem on one line in ``locale``: path, message, code and hint.

        >>> problem = Problem.of("city.population", "negative-population",
        ...     Message("population cannot be negative, found {population}", population=-5))
        >>> print(problem.localized("es"))
        city.population: la población no puede ser negativa, se encontró -5 [negative-population]
        """
        message = self.message(locale)
        hint = self.hint(locale) if self.hint else None
        if self.path and hint:
            line = Message(
                "{path}: {message} [{code}] ({hint})",
                path=self.path,
                message=message,
                code=self.code,
                hint=hint,
            )
        elif self.path:
            line = Message(
                "{path}: {message} [{code}]", path=self.path, message=message, code=self.code
            )
        elif hint:
            line = Message(
                "{message} [{code}] ({hint})", message=message, code=self.code, hint=hint
            )
        else:
            line = Message("{message} [{code}]", message=message, code=self.code)
        return line.render(locale)

    def __str__(self) -> str:
        return self.localized("en")

    def to_dict(self) -> dict[str, Any]:
        """The problem as JSON-compatible data (English)."""
        return {
            "path": self.path,
            "code": self.code,
            "message": str(self.message),
            "hint": None if self.hint is None else str(self.hint),
        }


class WWCError(Exception):
    """The root of every error wwc-standard raises on purpose.

    Every error pickles with its message and fields, so it crosses a process pool whole:

    >>> import pickle
    >>> error = UnknownStandard("2042", available=("2024",))
    >>> copy = pickle.loads(pickle.dumps(error))
    >>> type(copy).__name__, copy.version, copy.problems == error.problems
    ('UnknownStandard', '2042', True)
    """

    problems: tuple[Problem, ...] = ()
    """The problems behind the error, each with its path; may be empty."""

    def localized(self, locale: str = "en") -> str:
        """The error's message in ``locale``; ``str(error)`` is always English.

        >>> error = AssessmentError([Problem.of("answers", "missing-field",
        ...     Message("the assessment has no answers"))])
        >>> print(error.localized("pt_BR"))
        1 problema na autoavaliação:
          answers: a autoavaliação não tem respostas [missing-field]
        """
        if self.problems:
            return join_lines(problem.localized(locale) for problem in self.problems)
        return str(self)

    def __reduce__(self) -> tuple[Any, ...]:
        # An exception pickles as its class called with its args, but each error here takes
        # other arguments than the message it passes on as args (its problems, a version...):
        # rebuild it as the builtin it is, then restore its fields (problems, origin, ...).
        _, args, *state = cast(tuple[Any, ...], super().__reduce__())
        return (_rebuild, (type(self), args), *state)


def _rebuild(cls: type[WWCError], args: tuple[Any, ...]) -> WWCError:
    """An error of class ``cls`` with ``args``, made as its builtin base makes it (``OSError``
    keeps its errno and filename), its own ``__init__`` skipped; pickle then sets its fields."""
    error = cls.__new__(cls, *args)
    if isinstance(error, OSError):
        # OSError reads errno, strerror and filename in __init__ when a subclass has its own.
        OSError.__init__(error, *args)
    return error


def _listing(problems: tuple[Problem, ...], heading: Message, locale: str = "en") -> str:
    lines = [heading.render(locale), *("  " + p.localized(locale) for p in problems)]
    return join_lines(lines)


class AssessmentError(WWCError, ValueError):
    """An assessment that cannot be evaluated as given; ``.problems`` lists every reason.

    Every problem of the input is found at once, not only the first (a long line is wrapped
    here):

    >>> import wwc_standard as wwc
    >>> wwc.Assessment.from_dict({"city": {"population": -5}, "answers": {"DM1": "yes"}})
    Traceback (most recent call last):
      ...
    wwc_standard.errors.AssessmentError: 2 problems in the assessment:
      city.population: population cannot be negative, found -5 [negative-population]
        (give the number of people living in the city)
      answers.DM1: 'yes' is not a status [unknown-status] (use met, unmet, unknown, true or false)
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.localized("en"))

    def localized(self, locale: str = "en") -> str:
        """The error with every problem, in ``locale``.

        >>> import wwc_standard as wwc
        >>> try:
        ...     wwc.evaluate({"answers": {"DM99": "met"}}, standard="2024")
        ... except wwc.AssessmentError as error:
        ...     print(error.localized("pt_BR"))
        1 problema na autoavaliação:
          answers.DM99: a revisão 2024 não tem o critério 'DM99' [unknown-criterion]
            (você quis dizer DM9?)
        """
        n = len(self.problems)
        heading = Plural("{n} problem in the assessment:", "{n} problems in the assessment:", n)
        return _listing(self.problems, heading, locale)


class InvalidStandard(WWCError, ValueError):
    """A revision file or revision data that breaks the schema or the standard's own rules.

    >>> print(InvalidStandard([Problem(path="criteria[3].prerequisites[0]",
    ...     code="unknown-prerequisite", message="DM10 is not a criterion of this revision")],
    ...     origin="mine.toml"))
    1 problem in revision mine.toml:
      criteria[3].prerequisites[0]: DM10 is not a criterion of this revision [unknown-prerequisite]
    """

    def __init__(self, problems: Iterable[Problem], *, origin: str) -> None:
        self.problems = tuple(problems)
        self.origin = origin
        """Where the revision came from: a file path, a shipped version, or ``<dict>``."""
        super().__init__(self.localized("en"))

    def localized(self, locale: str = "en") -> str:
        """The error with every problem, in ``locale``.

        >>> import wwc_standard as wwc
        >>> mine = {"version": "2024-mine", "extends": "2024", "changes": ["Counts as text."],
        ...         "criteria_count": "many"}
        >>> try:
        ...     wwc.revisions.Standard.from_dict(mine)
        ... except InvalidStandard as error:
        ...     print(error.localized("es"))
        1 problema en la revisión <dict>:
          criteria_count: se esperaba un número entero, se encontró una cadena de texto [wrong-type]
        """
        n = len(self.problems)
        heading = Plural(
            "{n} problem in revision {origin}:",
            "{n} problems in revision {origin}:",
            n,
            origin=self.origin,
        )
        return _listing(self.problems, heading, locale)


class InvalidArgument(WWCError, ValueError, TypeError):
    """An argument of a function that it cannot use (a tier that does not exist, a capacity
    below 0, ``None`` where criteria are expected); ``.problems`` names each argument.

    It is a ``ValueError`` and a ``TypeError`` both, as a wrong value and a wrong type are
    the same mistake to a caller.

    >>> print(InvalidArgument([Problem(path="capacity", code="invalid-capacity",
    ...     message="capacity is at least 0")]))
    1 problem in the arguments:
      capacity: capacity is at least 0 [invalid-capacity]
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.localized("en"))

    def localized(self, locale: str = "en") -> str:
        """The error with every problem, in ``locale``.

        >>> import wwc_standard as wwc
        >>> try:
        ...     wwc.path_to(wwc.evaluate(wwc.example_assessment()), "diamond")
        ... except InvalidArgument as error:
        ...     print(error.localized("es"))
        1 problema en los argumentos:
          tier: nivel desconocido 'diamond' [unknown-tier] (use silver, gold o platinum)
        """
        n = len(self.problems)
        heading = Plural("{n} problem in the arguments:", "{n} problems in the arguments:", n)
        return _listing(self.problems, heading, locale)


class UnknownStandard(WWCError, LookupError):
    """No shipped revision has that version, or none was in force on that date.

    >>> print(UnknownStandard("2042", available=("2022", "2023")))
    no revision '2042' is shipped; available: 2022, 2023
    """

    def __init__(
        self, version: str, *, available: tuple[str, ...], reason: Message | str = ""
    ) -> None:
        self.version = version
        """The version (or date) that was asked for."""
        self.available = available
        """The versions that are shipped."""
        if isinstance(reason, Text) and reason.message is not None:
            reason = reason.message
        if isinstance(reason, Message):
            problem = Problem.of("standard", "unknown-standard", reason)
        elif reason:
            problem = Problem(path="standard", code="unknown-standard", message=reason)
        else:
            problem = Problem.of(
                "standard",
                "unknown-standard",
                Message(
                    "no revision '{version}' is shipped; available: {available}",
                    version=version,
                    available=", ".join(available),
                ),
            )
        self.problems = (problem,)
        super().__init__(str(problem.message))

    def __str__(self) -> str:
        return str(self.problems[0].message)

    def localized(self, locale: str = "en") -> str:
        """The error's message in ``locale``.

        >>> import wwc_standard as wwc
        >>> try:
        ...     wwc.standard("2042")
        ... except UnknownStandard as error:
        ...     print(error.localized("es"))
        no se incluye ninguna revisión '2042'; disponibles: 2017, 2018, ..., 2026
        """
        return self.problems[0].message(locale)


class IncompleteStandard(WWCError, ValueError):
    """A revision that lists fewer criteria than it has, or whose tier rule lacks a parameter,
    cannot score a city.

    Scoring against a partial list would give percentages of the wrong total, and a tier rule
    without its parameter has no answer, so evaluation refuses; complete the revision with a
    revision file of your own that ``extends`` it. ``missing`` names the tier rule's parameters
    that are not given (the 2017 launch standard's ``tier_rule.working_across``); each is one
    more problem, worded with what to add and where.

    >>> print(IncompleteStandard("2018", listed=11, declared=45))
    revision 2018 lists 11 of its 45 criteria; 34 were not found in the sources we could read. \
Complete it with revision data that extends "2018" and adds the missing criteria (see \
docs/revision-files.md), then evaluate against that.
    >>> error = IncompleteStandard("2017-mine", listed=50, declared=50,
    ...                            missing=("tier_rule.working_across",))
    >>> print(error)
    revision 2017-mine does not give tier_rule.working_across, which was not found in the \
sources we could read and without which it cannot score a city. Give it in your revision data \
(a [tier_rule] table with working_across = { min_criteria = ..., min_percent = ... }; see \
docs/revision-files.md), then evaluate against that.
    >>> [problem.code for problem in error.problems]
    ['incomplete-standard']
    >>> about = IncompleteStandard("2017", listed=0, declared=50, approximate=True)
    >>> print(about.problems[0].message)
    revision 2017 lists 0 of its about 50 criteria; about 50 were not found in the sources we \
could read. Complete it with revision data that extends "2017" and adds the missing criteria \
(see docs/revision-files.md), then evaluate against that.
    """

    def __init__(
        self,
        version: str,
        *,
        listed: int,
        declared: int,
        missing: Iterable[str] = (),
        approximate: bool = False,
    ) -> None:
        self.version = version
        """The incomplete revision."""
        self.listed = listed
        """How many criteria it lists."""
        self.declared = declared
        """How many criteria the published revision has."""
        self.missing = tuple(missing)
        """The paths of the tier rule's parameters that are not given."""
        self.approximate = approximate
        """Whether ``declared`` is only approximate (the 2017 launch standard's "about 50")."""
        messages: list[Message] = []
        if listed < declared and approximate:
            messages.append(
                Plural(
                    "revision {version} lists {listed} of its about {declared} criteria; about {n} "
                    "was not found in the sources we could read. Complete it with revision data "
                    'that extends "{version}" and adds the missing criterion (see '
                    "docs/revision-files.md), then evaluate against that.",
                    "revision {version} lists {listed} of its about {declared} criteria; about {n} "
                    "were not found in the sources we could read. Complete it with revision data "
                    'that extends "{version}" and adds the missing criteria (see '
                    "docs/revision-files.md), then evaluate against that.",
                    declared - listed,
                    version=version,
                    listed=listed,
                    declared=declared,
                )
            )
        elif listed < declared:
            messages.append(
                Plural(
                    "revision {version} lists {listed} of its {declared} criteria; {n} was not "
                    "found in the sources we could read. Complete it with revision data that "
                    'extends "{version}" and adds the missing criterion (see '
                    "docs/revision-files.md), then evaluate against that.",
                    "revision {version} lists {listed} of its {declared} criteria; {n} were not "
                    "found in the sources we could read. Complete it with revision data that "
                    'extends "{version}" and adds the missing criteria (see '
                    "docs/revision-files.md), then evaluate against that.",
                    declared - listed,
                    version=version,
                    listed=listed,
                    declared=declared,
                )
            )
        for path in self.missing:
            messages.append(
                Message(
                    "revision {version} does not give {path}, which was not found in the sources "
                    "we could read and without which it cannot score a city. Give it in your "
                    "revision data (a [tier_rule] table with working_across = {{ min_criteria = "
                    "..., min_percent = ... }}; see docs/revision-files.md), then evaluate "
                    "against that.",
                    version=version,
                    path=path,
                )
            )
        self.problems = tuple(
            Problem.of("standard", "incomplete-standard", message) for message in messages
        )
        super().__init__(self.localized())

    def __str__(self) -> str:
        return self.localized()

    def localized(self, locale: str = "en") -> str:
        """The error's message in ``locale``: one line per problem.

        >>> import wwc_standard as wwc
        >>> try:
        ...     wwc.evaluate({"answers": {}}, standard="2018")
        ... except IncompleteStandard as error:
        ...     print(error.version, error.listed, error.declared)
        ...     print(error.localized("pt_BR"))
        2018 11 45
        a revisão 2018 lista 11 de seus 45 critérios; ...
        """
        return join_lines(problem.message(locale) for problem in self.problems)


class NoMigrationPath(WWCError, LookupError):
    """No crosswalk leads from one revision to another, so an assessment cannot be migrated.

    >>> print(NoMigrationPath([Problem(path="standard", code="no-crosswalk",
    ...     message="no crosswalk links revision 2030 to 2031")]))
    1 problem in the migration:
      standard: no crosswalk links revision 2030 to 2031 [no-crosswalk]
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.localized("en"))

    def localized(self, locale: str = "en") -> str:
        """The error with every problem, in ``locale``.

        >>> error = NoMigrationPath([Problem(path="standard", code="no-crosswalk",
        ...     message="no crosswalk links revision 2030 to 2031")])
        >>> print(error.localized("es"))
        1 problema en la migración:
          standard: no crosswalk links revision 2030 to 2031 [no-crosswalk]
        """
        n = len(self.problems)
        heading = Plural("{n} problem in the migration:", "{n} problems in the migration:", n)
        return _listing(self.problems, heading, locale)


class UnreadableFile(WWCError, OSError):
    """A file that cannot be read at all (missing, a directory, no permission): an ``OSError``
    of the library's family, whatever the file was to hold.

    >>> error = UnreadableFile("missing.json", FileNotFoundError(2, "No such file or directory"))
    >>> print(error)
    cannot read missing.json: No such file or directory [unreadable-file] (check the path ...)
    >>> isinstance(error, OSError), error.filename
    (True, 'missing.json')
    """

    def __init__(self, filename: str, failure: OSError) -> None:
        reason = failure.strerror or str(failure)
        self.problems = (
            Problem.of(
                "",
                "unreadable-file",
                Message("cannot read {path}: {reason}", path=filename, reason=reason),
                hint=Message("check the path and that the file can be read"),
            ),
        )
        super().__init__(failure.errno, self.localized("en"), filename)

    def localized(self, locale: str = "en") -> str:
        """The error's message in ``locale``.

        >>> error = UnreadableFile("missing.json", FileNotFoundError(2, "No such file"))
        >>> print(error.localized("es"))
        no se puede leer missing.json: No such file [unreadable-file]
          (verifique la ruta y que el archivo se pueda leer)
        """
        return self.problems[0].localized(locale)

    def __str__(self) -> str:
        return self.localized("en")


class UnknownLocale(WWCError, ValueError):
    """A locale the library does not speak; ``.problems`` names it and the locales there are.

    >>> from wwc_standard.i18n.languages import negotiate
    >>> try:
    ...     negotiate("de")
    ... except UnknownLocale as error:
    ...     print(error)
    wwc-standard does not speak 'de' (use one of en, es, pt_BR, fr)
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.localized("en"))

    @classmethod
    def of(cls, locale: str, available: Iterable[str]) -> UnknownLocale:
        """The error for ``locale``, naming the locales there are.

        >>> print(UnknownLocale.of("de", ["en", "es"]).problems[0].hint)
        use one of en, es
        """
        available = list(available)
        return cls(
            [
                Problem.of(
                    "locale",
                    "unknown-locale",
                    Message("wwc-standard does not speak '{locale}'", locale=locale),
                    hint=Message("use one of {available}", available=", ".join(available)),
                    params={"locale": locale, "available": available},
                )
            ]
        )

    def localized(self, locale: str = "en") -> str:
        """The error's message in ``locale`` (the locale of the message, not the unknown one).

        >>> print(UnknownLocale.of("de", ["en", "es", "pt_BR", "fr"]).localized("pt_BR"))
        wwc-standard não fala 'de' (use um destes: en, es, pt_BR, fr)
        """
        first = self.problems[0]
        if first.hint is None:
            return first.message(locale)
        return Message(
            "{message} ({hint})", message=first.message(locale), hint=first.hint(locale)
        ).render(locale)


# -- problem factories: one wording for each kind of problem that several layers report -------


def did_you_mean(word: str, choices: Iterable[str]) -> Message | None:
    """A hint naming the choice closest to ``word``, or ``None`` when nothing is close.

    Case is ignored when matching, so ``dm1`` suggests ``DM1``. The hint is a translatable
    message whose value is the choice itself, so callers never read it back from English.

    >>> print(did_you_mean("DM99", ["DM1", "DM9", "OD3"]))
    did you mean DM9?
    >>> print(did_you_mean("od3", ["DM1", "OD3"]))
    did you mean OD3?
    >>> did_you_mean("zzz", ["DM1"]) is None
    True
    >>> did_you_mean("DM99", ["DM9"]).render("pt_BR")
    'você quis dizer DM9?'
    """
    index = _choice_index(tuple(choices))
    folded = word.casefold()
    # difflib's ratio is 2 * matches / (len(a) + len(b)), and matches <= the shorter length:
    # only a choice whose length is within 3/7 and 7/3 of the word's can reach the 0.6 cutoff,
    # so leaving the others out changes no answer.
    size = len(folded)
    lengths = range(-(-3 * size // 7), 7 * size // 3 + 1)
    candidates = [c for n in lengths for c in index.by_length.get(n, ())]
    if len(candidates) > _MOST_CANDIDATES:
        # Too many to compare with in time (a revision of 100,000 criteria): the choices
        # nearest in alphabetical order, those that share the longest prefix with the word.
        at = bisect.bisect_left(index.ordered, folded)
        half = _MOST_CANDIDATES // 2
        window = index.ordered[max(0, at - half) : at + half]
        candidates = [c for c in window if len(c) in lengths]
    # difflib when a suggestion is asked for: start-up time that an app may never need.
    import difflib

    close = difflib.get_close_matches(folded, candidates, n=1, cutoff=0.6)
    if not close:
        return None
    return Message("did you mean {choice}?", choice=index.by_folded[close[0]])


_MOST_CANDIDATES = 2000
"""The most choices :func:`did_you_mean` compares a word with (some 5 ms)."""


class _ChoiceIndex:
    # A plain class, not an attrs one: nothing compares or prints it, and building an attrs
    # class is start-up time that only a suggestion needs.
    __slots__ = ("by_folded", "by_length", "ordered")

    def __init__(
        self, by_folded: Mapping[str, str], by_length: Mapping[int, list[str]], ordered: list[str]
    ) -> None:
        self.by_folded = by_folded
        """Casefolded choice to the first choice that folds to it."""
        self.by_length = by_length
        """Length to the casefolded choices of that length."""
        self.ordered = ordered
        """The casefolded choices, sorted."""


@functools.lru_cache(maxsize=4)
def _choice_index(choices: tuple[str, ...]) -> _ChoiceIndex:
    # Cached: a caller reports every unknown id of an input against the same choices.
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(choice.casefold(), choice)
    by_length: dict[int, list[str]] = {}
    for folded in by_folded:
        by_length.setdefault(len(folded), []).append(folded)
    return _ChoiceIndex(by_folded, by_length, sorted(by_folded))


def unknown_criterion(path: str, version: str, criterion: object, ids: Iterable[str]) -> Problem:
    """The problem of a criterion id that revision ``version`` does not have, with the
    closest of ``ids`` as a hint; every layer reports an unknown criterion with this one.

    >>> print(unknown_criterion("answers.DM99", "2024", "DM99", ["DM1", "DM9"]))
    answers.DM99: revision 2024 has no criterion 'DM99' [unknown-criterion] (did you mean DM9?)
    """
    return Problem.of(
        path,
        "unknown-criterion",
        Message(
            "revision {version} has no criterion {criterion}",
            version=version,
            criterion=repr(criterion),
        ),
        hint=did_you_mean(str(criterion), ids),
        params={"criterion": criterion, "version": version},
    )


def unknown_checklist_item(
    path: str, criterion: str, item: object, item_ids: Iterable[str]
) -> Problem:
    """The problem of a checklist item that ``criterion`` does not have, hinting at the
    closest item or else listing them all.

    >>> problem = unknown_checklist_item("checklist.e", "DG1", "e", ["a", "b"])
    >>> print(problem.message, problem.hint, sep="; ")
    DG1 has no checklist item 'e'; its items are a and b
    """
    item_ids = list(item_ids)
    return Problem.of(
        path,
        "unknown-checklist-item",
        Message("{criterion} has no checklist item {item}", criterion=criterion, item=repr(item)),
        hint=did_you_mean(str(item), item_ids)
        or Message("its items are {items}", items=Items(item_ids)),
        params={"criterion": criterion, "item": item},
    )
