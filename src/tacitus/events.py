"""Event detection: a parsed article -> event candidates with type, evidence and actor spans.

Takes a spaCy ``Doc`` of ``Article.text`` and returns :class:`EventCandidate`
records (``models.py``). Detection is lexical-syntactic: trigger words
(``killed``, ``airstrike``, ``lost control of``, ``protest`` ...) are found
by lemma, grouped into one event per clause, filtered for modality (threats,
plans, hypotheticals, negations, generic statements are not events), typed by
the CODEBOOK rules (means of attack, who gains territory, armed or unarmed
target, protest or riot) and given initiator/target spans from the
dependency parse (active and passive voice, ``by``-agents, ``claimed by``).
The lexicon lives in ``lexicon.py``, word senses in ``senses.py``, modality and typing
rules in ``triggers.py``.

A casualty clause ("19 people were killed and 13 injured") and the clause
that says how (after/when/as a bomber attacked ..., in a suicide attack,
"exploded, killing six") are one event, typed by the means and carrying the
toll. Sentences that only report casualties ("The gunman was also killed.")
or refer back to the event ("The attack occurred at ...", "It killed 16"),
and sentences that count injured people with no trigger word ("One person
sustained slight injuries") join the event before them, so a toll given later
in an article belongs to the attack it counts. Accident and disaster
sentences are not events; weak trigger words ("beat", "hit", "fight") stand
only with violence named in their sentence, a
lone casualty sentence only when it counts people or names violence, and a
video is propaganda only when an armed group releases it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from tacitus import countries
from tacitus.actors import attributed_to, is_government
from tacitus.lexicon import (
    AGREE,
    ATTACK,
    BLAST,
    CIVILIAN_SITES,
    CLASH,
    EVENT_VERBS,
    GAIN,
    INTERVENTION_CUES,
    KILL,
    KIND_FAMILIES,
    KIND_PRIORITY,
    LOSS,
    MOVEMENT_VERBS,
    NOT_TARGETS,
    OUTCOME,
    PERSON_VICTIMS,
    PLAIN_PEOPLE,
    PROPAGANDA,
    PROTEST,
    PROTEST_VERBS,
    SPEAKING_VERBS,
    STATE_WORDS,
    SUICIDE,
    TAKERS,
    VIOLENCE_CUES,
    WAR_CRAFT,
    WITHDRAWAL,
    trigger_kind,
)
from tacitus.models import SUB_EVENT_TYPES, EventCandidate, Span
from tacitus.modality import not_an_event
from tacitus.nlp import doc_text, tokens_in
from tacitus.numbers import read_casualties
from tacitus.senses import is_human, needs_evidence, violence_evidence
from tacitus.triggers import (
    ActorFinder,
    accident,
    classify,
    find_triggers,
    gainer_before,
    generic_named_as,
    grievance,
    is_asserted,
    reports_casualties,
    small_clause,
    territory_sub,
)

logger = logging.getLogger(__name__)


@dataclass
class _Group:
    """Triggers of one clause, growing into one event."""

    head: Token
    triggers: list[tuple[Token, str]] = field(default_factory=list)
    # Heads of clauses outside the head's subtree that tell this event (a toll the parser hung elsewhere).
    annexed: list[Token] = field(default_factory=list)

    @property
    def kinds(self) -> set[str]:
        return {k for _, k in self.triggers}

    @property
    def outcome_only(self) -> bool:
        return self.kinds <= {OUTCOME}




def detect(doc: Doc, *, group_spans: ActorFinder | None = None) -> list[EventCandidate]:
    """Find the events a parsed article reports.

    Args:
        doc: the article text parsed by a spaCy pipeline with a parser.
        group_spans: finds named armed groups and state forces in a string
            (``ActorDictionary.find_all``); used to fill a missing initiator
            from the sentence and to tell armed from unarmed targets.

    Returns:
        Candidates in text order, outcome-only sentences merged into the
        event they follow.
    """
    candidates: list[EventCandidate] = []
    # An opening count of injured people no event precedes ("Five people suffered light injuries in a
    # suicide bombing ... The bomber, who was killed, exploded prematurely") waits for the event after it.
    injured: SpacySpan | None = None
    mishap: SpacySpan | None = None  # the accident just told, which the next sentences may go on about
    for sent in doc.sents:
        follows = bool(candidates) and _same_paragraph(doc, candidates[-1].evidence.end, sent.start_char)
        if injured is not None and not _same_paragraph(doc, injured.end_char, sent.start_char):
            injured = None
        if accident(sent):
            if follows and any(k == OUTCOME or t.lemma_.lower() in ("kill", "burn") for t, k in find_triggers(sent)):
                # "the only casualty was one of the attackers, who accidentally burned himself to death"
                candidates[-1] = _extend(candidates[-1], doc, sent)
            else:
                mishap = sent
            continue
        if mishap is not None and _same_paragraph(doc, mishap.end_char, sent.start_char) and not _violence_named(sent) \
                and not _armed_context(sent, group_spans):
            # "A tank at the plant exploded. Four people were injured", "... the blast occurred in a
            # tank containing solvents": the accident's toll and details, no event of their own; a
            # sentence naming an armed group ("captured by the Islamic State") is a story of its own
            mishap = sent
            continue
        mishap = None
        found = _sentence_events(doc, sent, group_spans)
        if candidates:
            # "Troops were deployed to the area" after an attack is the response to it, not a development of its own
            found = [c for c in found if not _troop_movement(doc, c)]
        if not found and _reports_injuries(sent) and not_an_event(sent.root, [t for t, _ in find_triggers(sent)]):
            continue  # "The offensive has killed 1600 and wounded thousands" is no toll of the event before it
        if not found:
            if follows and _reports_injuries(sent):
                # "One person sustained slight injuries.", "Two people are reported to have been
                # injured": the wounded of the event just told, though no trigger word names them
                candidates[-1] = _extend(candidates[-1], doc, sent)
            elif not follows and injured is None and _reports_injuries(sent):
                injured = sent
            continue
        if all(c.event_type == "" for c in found):  # casualty report only
            if follows:
                candidates[-1] = _extend(candidates[-1], doc, sent)
                continue
            found = [_outcome_event(c) for c in found if _toll_of_violence(sent, group_spans)]
        elif follows and len(found) == 1 and _anaphoric(doc, found[0]):
            # "The attack saw at least 25 casualties": the same event told on
            candidates[-1] = _extend(candidates[-1], doc, sent)
            continue
        found = [c for c in found if c.event_type]
        if injured is not None and found:
            found[0] = _extend_back(found[0], doc, injured)
        injured = None
        candidates.extend(found)
    return candidates


def strike_owners(doc: Doc) -> list[Span]:
    """Who an article says carries out strikes: the subject of "conducted 23 strikes", "launched
    airstrikes", whether or not the sentence is an event of its own (a day's tally is not)."""
    out = []
    for tok in doc:
        if tok.dep_ == "dobj" and tok.lemma_.lower() in ("strike", "airstrike") and tok.tag_ == "NNS" \
                and tok.head.lemma_.lower() in ("conduct", "carry", "launch", "fly", "execute", "mount"):
            subj = _child(tok.head, ("nsubj",))
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                out.append(_np(subj))
    return out


def _extend_back(c: EventCandidate, doc: Doc, sent: SpacySpan) -> EventCandidate:
    """Add the injury sentence before an event to it (its evidence and the text numbers are read from)."""
    evidence = _span_of(doc, sent.start_char, c.evidence.end)
    context = c.context or c.evidence
    context = _span_of(doc, sent.start_char, max(context.end, c.evidence.end))
    return replace(c, evidence=evidence, context=context)


def _violence_named(sent: SpacySpan) -> bool:
    """Whether a sentence names attackers, weapons of attack or unrest (lexicon.VIOLENCE_CUES)."""
    return any(t.lemma_.lower() in VIOLENCE_CUES or t.lower_ in VIOLENCE_CUES for t in sent)


def _troop_movement(doc: Doc, c: EventCandidate) -> bool:
    """A change to group/activity told by a verb of moving forces ("deployed", "withdrew", "reinforced")."""
    if c.sub_event_type != "Change to group/activity":
        return False
    span = doc.char_span(c.trigger.start, c.trigger.end, alignment_mode="expand")
    return span is not None and span.root.lemma_.lower() in MOVEMENT_VERBS


def _sentence_events(doc: Doc, sent: SpacySpan, group_spans: ActorFinder | None) -> list[EventCandidate]:
    triggers = [(tok, kind) for tok, kind in find_triggers(sent)
                if not needs_evidence(tok, kind) or _violent_context(sent, (tok,), group_spans)]
    triggers = [(tok, kind) for tok, kind in triggers if not _grounds_of_custody(tok)]
    if not triggers:
        return []
    groups: dict[int, _Group] = {}
    for tok, kind in triggers:
        if not is_asserted(tok):
            continue
        if reports_casualties(tok):
            # "19 people were killed": the toll of an event told by the clause that says how
            kind = OUTCOME
        head = _clause_head(tok)
        groups.setdefault(head.i, _Group(head)).triggers.append((tok, kind))
    merged = _merge_groups(list(groups.values()))
    defining = [g for g in merged if not g.outcome_only]
    if defining:
        for g in merged:
            if g.outcome_only:
                target = min(defining, key=lambda d: abs(d.head.i - g.head.i))
                target.triggers.extend(g.triggers)
                if g.head in target.head.ancestors:
                    # the casualty clause governs the one that says how: the event spans both
                    target.head = g.head
        merged = _join_back_references(defining)
    elif len(merged) > 1:
        first = merged[0]
        for g in merged[1:]:
            first.triggers.extend(g.triggers)
        merged = [first]
    out: list[EventCandidate] = []
    heads = {g.head.i for g in merged} | {a.i for g in merged for a in g.annexed}
    for g in merged:
        if not_an_event(g.head, [t for t, k in g.triggers if k != OUTCOME] or [t for t, _ in g.triggers]):
            continue  # a habit, a statistic or something not done (CODEBOOK section 1)
        cand = _candidate(doc, sent, g, heads, group_spans, merged)
        if cand is not None and cand.actor2 is None and out and out[-1].actor1 is not None and _response(g):
            # "killed in IS attacks, prompting Russian airstrikes": the answer is aimed at the attackers
            cand = replace(cand, actor2=out[-1].actor1)
        if cand is not None:
            out.append(cand)
    return out



# Verbs of custody and prosecution, whose "for"/"over" phrase names the grounds, not a new deed.
_CUSTODY_VERBS = {"arrest", "detain", "charge", "question", "hold", "convict", "sentence", "indict", "jail",
                  "apprehend", "nab", "extradite", "prosecute", "try", "accuse", "suspect"}


def _grounds_of_custody(tok: Token) -> bool:
    """An attack named as the grounds of an arrest or a charge, which is the event told.

    "police arrested 12 people in connection with Saturday's terror attack", "was detained
    over the bombing", "charged for the attack": the attack is the background of the custody.
    """
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "with" and prep.head.lower_ in ("connection", "relation"):
        return True
    if prep.lower_ not in ("for", "over", "after", "following"):
        return False
    head = prep.head
    while head.dep_ in ("prep", "pobj", "conj") and head.head.i != head.i:
        head = head.head
    return head.pos_ == "VERB" and head.lemma_.lower() in _CUSTODY_VERBS


def _names_event(noun: Token, trigger_ids: set[int]) -> bool:
    """The noun is an event trigger or what one is about: "a bombing that ...", "the battle for Kobani, where ..."."""
    node = noun
    for _ in range(3):
        if node.i in trigger_ids:
            return True
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            return False
        node = node.head.head
    return False


def _join_back_references(groups: list[_Group]) -> list[_Group]:
    """Fold a clause that only names an event already told into the clause before it.

    "Two were injured in a bomb blast in Kabul; no group has claimed
    responsibility for this attack" is one event.
    """
    out: list[_Group] = []
    for g in sorted(groups, key=lambda x: x.head.i):
        if out and all(_refers_back(t) for t, k in g.triggers if k != OUTCOME):
            out[-1].triggers.extend(g.triggers)
            continue
        out.append(g)
    return out


def _clause_head(tok: Token) -> Token:
    """The verb whose clause holds a trigger (the trigger itself when it is a verb)."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB",) or node.dep_ == "ROOT":
            return node
        if node.head.i == node.i:
            return node
        node = node.head
    return node


# Verbs whose object is another side's answer to the event told: "..., prompting Russian airstrikes".
_RESPONSES = {"prompt", "trigger", "spark", "provoke", "draw"}


def _response(g: _Group) -> bool:
    """A participle clause telling the answer the event drew, an event of its own: "24 fighters were killed
    in IS attacks, prompting Russian airstrikes on the militants". A firefight an attack sparked goes on
    with the same sides: it is the attack's."""
    head = g.head
    return head.dep_ == "advcl" and head.tag_ == "VBG" and head.lemma_.lower() in _RESPONSES and \
        not g.outcome_only and all(t.i != head.i and head in t.ancestors and k != CLASH for t, k in g.triggers)


def _merge_groups(groups: list[_Group]) -> list[_Group]:
    """Join a clause into its governing clause when it has no subject of its own.

    "exploded, killing six" and "recaptured the town, forcing militants to
    flee" are one event; "men aligned with IS murdered 132 people ..., ISIS
    lost control of Sinjar" (a relative clause with its own subject) is two.
    """
    by_head = {g.head.i: g for g in groups}
    trigger_ids = {t.i for g in groups for t, _ in g.triggers}
    parent: dict[int, int] = {}
    for g in groups:
        if _response(g):
            continue
        node = g.head
        own_clause = False
        for _ in range(6):
            if node.head.i == node.i:
                break
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in node.children)
            linked = node.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp", "prep", "pobj", "dobj", "npadvmod",
                                   "ccomp", "nsubj", "compound", "amod", "appos", "relcl", "attr", "agent")
            if not linked:
                break
            # "a suicide bombing that targeted a former leader": a relative clause on an event noun tells that event
            on_event_noun = node.dep_ in ("relcl", "acl") and _names_event(node.head, trigger_ids)
            if own_subject and node.dep_ in ("relcl", "advcl", "ccomp", "conj") and \
                    not (g.outcome_only or node.tag_ == "VBG" or on_event_noun or _same_doer(node)):
                own_clause = True
            how = node.dep_ == "advcl"
            node = node.head
            if node.i in by_head and node.i != g.head.i:
                # "19 were killed after a bomber attacked a camp": a clause with its own
                # subject still tells the same event when the clause it hangs on counts the dead
                # ("25 people were wounded when a bomber detonated explosives")
                if not own_clause or by_head[node.i].outcome_only or \
                        (how and any(k == OUTCOME for _, k in by_head[node.i].triggers)
                         and not _earlier_deed(g, by_head[node.i])):
                    parent[g.head.i] = node.i
                break
    for g in groups:
        if g.head.i in parent or g.head.tag_ != "VBG" or g.head.head.i in by_head or _response(g):
            continue
        # "Police used live bullets to disperse a protest, killing one protester": the participle
        # tells what the main clause's event did, even when the trigger of that event sits lower
        siblings = [o for o in groups if o is not g and o.head.i not in parent and o.head.i < g.head.i
                    and g.head.head in o.head.ancestors] if g.head.dep_ == "advcl" else []
        if not siblings and _trailing_toll(g):
            # "A bomb destroys an office building housing ..., killing 175 and injuring 80": the
            # parser hangs the participle anywhere; the toll is the toll of the event told before it
            siblings = [o for o in groups if o is not g and o.head.i not in parent and o.head.i < g.head.i
                        and o.head not in g.head.subtree]
        if siblings:
            parent[g.head.i] = max(siblings, key=lambda o: o.head.i).head.i
    for g in groups:
        # ", killing at least 71 people" after a clause of another deed told as a time ("The
        # abduction took place hours after a bomb tore through a bus station ..., killing 71"):
        # the parser hangs the toll on the main clause, but it counts that deed's dead.
        up = by_head.get(parent.get(g.head.i, -1))
        if up is None or not _trailing_toll(g) or up.outcome_only:
            continue
        before = [o for o in groups if o is not g and o.head.i not in parent and up.head.i < o.head.i < g.head.i
                  and o.head.head.i == up.head.i and _earlier_deed(o, up)]
        if before:
            deed = max(before, key=lambda o: o.head.i)
            parent[g.head.i] = deed.head.i
            deed.annexed.append(g.head)
    roots: dict[int, _Group] = {}
    for g in groups:
        top = g.head.i
        hops = 0
        while top in parent and hops < 10:
            top = parent[top]
            hops += 1
        if top != g.head.i:
            by_head[top].triggers.extend(g.triggers)
        else:
            roots[top] = g
    return [roots[k] for k in sorted(roots)]




_TEMPORAL_MARKS = {"when", "as", "after", "once"}
_PERSONAL = {"he", "she", "they", "him", "her", "them"}
# Marks of a clause telling another deed in sequence: "hours after a bomb tore through ...".
_SEQUENCE_MARKS = {"after", "before", "since", "until"}


def _earlier_deed(clause: _Group, main: _Group) -> bool:
    """A clause of its own deed told as a time for the main clause's, not how that happened.

    "The abduction took place hours after a bomb tore through a bus station": the
    bombing is another event. Both clauses need a deed of their own, of kinds no
    family joins (lexicon.KIND_FAMILIES); "19 were killed after a bomber attacked a
    camp" (the main clause only counts the dead) and "killed in a firefight after a
    unit was ambushed" (one fight) stay one event.
    """
    head = clause.head
    if head.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _SEQUENCE_MARKS for c in head.children):
        return False
    own, other = _families(clause.kinds - {OUTCOME}), _families(main.kinds - {OUTCOME})
    return bool(own) and bool(other) and not own & other


def _families(kinds: set[str]) -> set[frozenset[str]]:
    return {next((f for f in KIND_FAMILIES if kind in f), frozenset({kind})) for kind in kinds}


def _same_doer(clause: Token) -> bool:
    """A clause that goes on telling the same deed: "20 injured" joined to "nine were killed";
    "a bomber wounds 15 people when he blows himself up" (the how, with the doer as a pronoun)."""
    if clause.dep_ == "conj" and _elided_passive(clause):
        return True
    if clause.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in clause.children):
        return False
    subj = _child(clause, ("nsubj", "nsubjpass"))
    return subj is not None and subj.lower_ in _PERSONAL


def _trailing_toll(g: _Group) -> bool:
    """A subjectless participle clause that only tells casualties: ", killing 5 and injuring 8"."""
    head = g.head
    if head.tag_ != "VBG" or head.dep_ not in ("advcl", "conj") or head.i == 0:
        return False
    # Without the comma ("exploded after a bus drove over it in Kuthra killing seven people") the
    # participle still tells the toll, as long as it stands at the end of the sentence's clauses.
    if _prev(head).text != "," and any(t.dep_ in ("nsubj", "nsubjpass") and t.i > head.i for t in head.sent):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return False
    return all(k in (KILL, OUTCOME) for _, k in g.triggers)


def _prev(tok: Token) -> Token:
    return tok.doc[tok.i - 1]


def _candidate(doc: Doc, sent: SpacySpan, g: _Group, heads: set[int],
               group_spans: ActorFinder | None, groups: Sequence[_Group] = ()) -> EventCandidate | None:
    kinds = g.kinds
    trigger_tok = min(g.triggers, key=lambda tk: KIND_PRIORITY.index(tk[1]))[0]
    tokens = _owned_tokens(sent, g, heads, groups)
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    actor1, actor2 = _roles(g, trigger_tok)
    if group_spans is not None:
        actor1 = _affiliation(actor1, doc, group_spans)
        actor2 = _affiliation(actor2, doc, group_spans)
        actor2 = _owner_of_thing(actor2, doc, group_spans)
    if actor1 is None and group_spans is not None and not kinds & {LOSS}:
        actor1 = _named_group(doc, tokens, group_spans, exclude=actor2)
    if kinds == {PROPAGANDA} and not _armed_context(sent, group_spans):
        return None  # a police or a party video, not an armed group's propaganda
    etype, sub = classify(kinds, lemmas, actor1, actor2, doc, tokens)
    if (etype, sub) == ("Violence against civilians", "Attack") and kinds <= {ATTACK, OUTCOME} \
            and actor2 is not None and group_spans is not None and _armed(actor2, group_spans):
        etype, sub = "Battles", "Armed clash"  # "a US strike hit two al-Qaida vehicles": an armed side hit
    if sub in ("Government regains territory", "Non-state actor overtakes territory") or \
            (etype == "Battles" and sub is None and actor1 is not None):
        # The gainer's kind decides; with no gainer read, classify's guess stands.
        sub = (territory_sub(actor1, group_spans) or sub) if kinds & {GAIN, LOSS} else sub
    if etype is None:
        return None
    if len(heads) > 1 and g.head.dep_ != "ROOT":
        ev_start = min(t.idx for t in tokens)
        ev_end = max(t.idx + len(t) for t in tokens)
    else:
        ev_start, ev_end = sent.start_char, sent.end_char
    ev_text = doc_text(doc)[ev_start:ev_end]
    stripped = ev_text.rstrip()
    evidence = Span(ev_start, ev_start + len(stripped), stripped)
    background = _background(g, trigger_tok)
    if background and not _anchored(trigger_tok, group_spans):
        return None
    confidence = 0.55 + 0.1 * (actor1 is not None) + 0.1 * (actor2 is not None) + 0.1 * (not background)
    confidence += 0.05 * (len(g.triggers) > 1)
    excluded = [(t.idx, t.idx + len(t)) for t in sent if t not in tokens and not t.is_space]
    context = Span(evidence.start, evidence.end, evidence.text)
    return EventCandidate(
        event_type=etype, sub_event_type=sub,
        trigger=_span_of(doc, trigger_tok.idx, trigger_tok.idx + len(trigger_tok)),
        evidence=evidence, actor1=actor1, actor2=actor2, confidence=min(confidence, 0.95),
        background=background, context=context,
        excluded=tuple(_span_of(doc, s, e) for s, e in _ranges(excluded)),
    )


def _violent_context(sent: SpacySpan, exclude: Sequence[Token], group_spans: ActorFinder | None) -> bool:
    """Arms, armed men, harm or a named armed group or force in a sentence, besides the words ``exclude``."""
    if violence_evidence(sent, exclude=exclude):
        return True
    if group_spans is None:
        return False
    return any(getattr(a, "kind", None) not in (None, "civilians") for _, _, a in group_spans(sent.text))


ARMED_WORDS = {"militant", "jihadist", "insurgent", "rebel", "terrorist", "militia", "guerrilla", "guerilla", "extremist",
               "separatist", "gunman", "gunmen", "fighter", "mujahideen", "paramilitary", "attacker", "kidnapper",
               "captor", "abductor"}


def _armed_context(sent: SpacySpan, group_spans: ActorFinder | None) -> bool:
    """An armed group named or spoken of in the sentence (propaganda is an armed group's, CODEBOOK 2)."""
    if any(t.lemma_.lower() in ARMED_WORDS for t in sent):
        return True
    return group_spans is not None and any(getattr(a, "kind", None) == "rebel" for _, _, a in group_spans(sent.text))


def _toll_of_violence(sent: SpacySpan, group_spans: ActorFinder | None) -> bool:
    """A sentence that only counts casualties is an event of its own when it counts them or names violence.

    "Seven crew members died", "Three soldiers were wounded in Kunar" are;
    "Epstein's sudden death", "The death occurred Saturday", "Olivier Vernon's
    injury" are no conflict event.
    """
    outcomes = [t for t in sent if trigger_kind(t) == OUTCOME]
    if _violent_context(sent, outcomes, group_spans):
        return True
    if any((t.like_num or t.lower_ in ("dozens", "hundreds", "thousands", "scores")) and
           t.dep_ in ("nummod", "nsubj", "nsubjpass", "dobj", "pobj", "appos") and
           t.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL") for t in sent):
        return True
    # "A taxi driver was slightly injured", "Jaramillo dies in the air bridge of Bogota";
    # not "I almost died there", "Epstein's sudden death", "Jeffrey Epstein is dead"
    place = any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in sent)
    return any(s.dep_ in ("nsubj", "nsubjpass") and trigger_kind(s) is None and
               (s.pos_ == "NOUN" or s.pos_ == "PROPN" and place)
               for t in outcomes for s in (t, *t.children) if s.i != t.i)


def _outcome_event(c: EventCandidate) -> EventCandidate:
    """A sentence that only reports deaths or injuries, with no attack before it."""
    sub = c.sub_event_type or "Attack"
    return replace(c, event_type=SUB_EVENT_TYPES[sub], sub_event_type=sub, confidence=0.45)


def _owned_tokens(sent: SpacySpan, g: _Group, heads: set[int], groups: Sequence[_Group] = ()) -> set[Token]:
    """The tokens of a group's clause, less the clauses of other events in the sentence."""
    if len(heads) == 1:
        return set(sent)
    mine = {a.i for a in g.annexed}
    others = [sent.doc[h] for h in heads if h != g.head.i and h not in mine]
    own = set(g.head.subtree) if g.head.dep_ != "ROOT" else set(sent)
    own |= _reach(g)
    for o in others:
        if o in own and o is not g.head:
            own -= set(o.subtree)
    for o in groups:
        reach = _reach(o) if o is not g else set()
        if g.head not in reach:
            own -= reach
    if g.head.dep_ == "relcl" and any(c.lower_ in ("where", "when") for c in g.head.children):
        # "the battle for Kobani, where Kurdish fighters killed ...": the antecedent is the place
        own |= {t for t in g.head.head.subtree if t.i < g.head.i} - _other_subtrees(others, g)
    return own or set(sent)


def _reach(g: _Group) -> set[Token]:
    """A deed's clause through the toll annexed to it, and every word between ("a bomb tore
    through a bus station in Nyanya, on the edge of the capital, on the morning of April 14,
    killing at least 71"), where the parser hangs some of those words on the main clause."""
    if not g.annexed:
        return set()
    doc = g.head.doc
    start = min(t.i for t in g.head.subtree)
    end = max(t.i for a in g.annexed for t in a.subtree)
    return set(doc[start : end + 1])


def _other_subtrees(others: list[Token], g: _Group) -> set[Token]:
    out: set[Token] = set()
    for o in others:
        if g.head not in set(o.subtree):
            out |= set(o.subtree)
    return out


def _roles(g: _Group, trig: Token) -> tuple[Span | None, Span | None]:
    """Initiator and target spans from the parse around the main trigger."""
    doc = trig.doc
    verbs = [trig] if trig.pos_ in ("VERB", "AUX") else []
    if g.head.pos_ == "VERB" and g.head not in verbs and g.head.lemma_.lower() not in SPEAKING_VERBS:
        verbs.append(g.head)  # not "The Syrian government reported a death toll of three"
    for tok, _ in g.triggers:
        if tok.pos_ == "VERB" and tok not in verbs:
            verbs.append(tok)
    # "struck a concert hall ..., killing at least 129 people": the toll clause names whom the deed hit
    verbs.extend(c for v in list(verbs) for c in v.children
                 if c.dep_ in ("advcl", "conj") and c.lemma_.lower() in _TOLL_VERBS and c not in verbs)
    # "Soldiers fired on the crowd, killing three", "police fired 40 rounds killing two": the shooters killed.
    shooter = trig.head if trig.dep_ in ("advcl", "conj") else trig.head.head if (
        trig.dep_ == "acl" and trig.head.dep_ == "dobj") else None
    if shooter is not None and _child(trig, ("nsubj",)) is None and _shooting(shooter) and shooter not in verbs:
        verbs.append(shooter)
    kinds_at = dict((t.i, k) for t, k in g.triggers)
    kind = kinds_at.get(trig.i)
    actor1, actor2 = _sides(g)
    site = None  # a thing attacked (a hall, a truck), the target only when no people are told as hit
    for verb in verbs:
        subj = _counted(_child(verb, ("nsubj",)))
        subjpass = _child(verb, ("nsubjpass",))
        obj = _child(verb, ("dobj",))
        agent = _agent(verb)
        if verb is trig and subj is None and subjpass is None and verb.dep_ == "xcomp" and \
                _child(verb, ("aux",)) is not None:
            # "Gunmen are believed to have killed five villagers", "militants tried to storm the base":
            # the infinitive's subject is its head's
            subj = _child(verb.head, ("nsubj", "nsubjpass"))
        if subj is not None and _elided_passive(verb):
            # "Three soldiers were killed and five wounded": "five" was wounded
            subj, subjpass = None, subjpass or subj
        if verb is not trig and verb.lemma_.lower() in _SUSPECTING:
            # "the Taliban is suspected to be behind the attack": the suspected did it; who suspects
            # ("police blamed the Taliban") is no side of it.
            if subjpass is not None and subjpass.pos_ != "PRON" and not _is_inanimate_subject(subjpass):
                actor1 = actor1 or _np(subjpass)
            continue
        if subj is not None and small_clause(verb) and reports_casualties(verb):
            actor2 = actor2 or _victims(subj)  # "fighting that saw 120 Iraqi soldiers killed": the dead were hit
            continue
        if verb.lemma_.lower() in DEATH_VERBS:
            # "Two soldiers died in a PKK attack": the one who died is the target, the killer is in the cause
            if subj is not None:
                actor2 = actor2 or _victims(subj)
            actor1 = actor1 or _cause_actor(verb)
            continue
        if verb.lemma_.lower() in ("lose", "fall") or kind == LOSS and verb is trig:
            # "ISIS lost control of Sinjar": the subject is the loser; "fell to X": X gains
            if actor2 is None and subj is not None:
                actor2 = _np(subj)
            to = _prep_obj(verb, ("to",)) if verb.lemma_.lower() == "fall" else None
            if actor1 is None and to is not None:
                actor1 = _np(to)
            continue
        if kinds_at.get(verb.i) == GAIN:
            # "retook the town from Islamic State", "was recaptured by troops": the object is the place
            taker = agent if agent is not None else subj
            if taker is None and verb.dep_ == "conj":
                taker = _child(verb.head, ("nsubj",))  # "pushed deep into the area and retook crossings"
            if taker is not None and taker.pos_ == "PRON" and verb.dep_ == "ccomp":
                # "the Rapid Support Forces said they had taken control": the one who said so
                sayers = [c for c in verb.head.children if c.dep_ == "nsubj"]
                taker = next((c for c in sayers if c.pos_ in ("NOUN", "PROPN")), None)
            if taker is not None:
                actor1 = actor1 or _np(taker)
            frm = _prep_obj(verb, ("from",))
            if frm is not None and frm.ent_type_ not in ("GPE", "LOC", "FAC"):
                actor2 = actor2 or _np(frm)
            continue
        if subjpass is not None:
            actor2 = actor2 or _victims(subjpass)
            if agent is not None:
                actor1 = actor1 or _np(agent)
            else:
                # "were killed in an ambush by ELN rebels", "was shot dead in a Taliban attack"
                actor1 = actor1 or _cause_actor(verb)
        if subj is not None and SUICIDE in g.kinds and subj.lemma_.lower() in PLAIN_PEOPLE:
            pass  # "Three young women blew themselves up": a bomber is never a civilian initiator
        elif subj is not None and not _is_inanimate_subject(subj):
            actor1 = actor1 or _np(subj)
        elif subj is not None:
            # "U.S.-led coalition airstrikes killed ...": the weapon's owner is in its modifiers;
            # "Turkish warplanes struck ...": a nationality alone names the owner with its weapon
            # "An improvised explosive, emplaced by UNLF militants, detonated", "A spate of attacks by
            # Boko Haram left 7 people dead": the one who set it or made them
            by = _prep_obj(subj, ("by",))
            by = by if by is not None else _acl_agent(subj)
            owner = _np(by) if by is not None else _modifier_actor(subj)
            if owner is not None and by is None and _nationality_word(subj, owner):
                owner = _np(subj)
            if owner is not None:
                actor1 = actor1 or owner
        if obj is not None and obj.lemma_.lower() not in NOT_TARGETS:
            if actor2 is None and not _names_people(obj):
                # "struck a concert hall ..., killing at least 129 people": the hall is where, the dead are whom
                site = site or _np(obj)
            else:
                actor2 = actor2 or _np(obj)
        elif actor2 is None:
            # "opened fire on protesters", "blew themselves up among residents"
            at = _prep_obj(verb, ("on", "at", "among", "upon", "into"))
            people = at is not None and (is_human(at) or trigger_kind(at) == PROTEST or
                                         at.lemma_.lower() in ("crowd", "audience", "gathering"))
            if people and at.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC"):
                actor2 = _np(at)  # people, not "their vehicle" (the dead in it say who was hit)
        frm = _prep_obj(verb, ("from",))
        if frm is not None and kind == GAIN and actor2 is None:
            actor2 = _np(frm)
        if actor1 and actor2:
            break
    if trig.pos_ == "NOUN" and actor1 is None:
        by = _prep_obj(trig, ("by",))
        if by is not None:
            actor1 = _np(by)
        else:
            owner = _modifier_actor(trig)
            if owner is not None and trig.lemma_.lower() in WAR_CRAFT and _nationality_word(trig, owner):
                owner = _np(trig)  # "US jets bombed ...": the jets are the actor's, named with them
            if owner is not None:
                actor1 = owner
    if trig.pos_ == "NOUN" and actor2 is None:
        on = _prep_obj(trig, ("on", "against"))
        if on is None and trig.dep_ == "dobj" and trig.head.lemma_.lower() in _RESPONSES:
            on = _prep_obj(trig.head, ("on", "against"))  # "prompting Russian airstrikes on the militants"
        if on is not None and on.ent_type_ not in ("DATE", "TIME"):  # not "a strike on Jan. 1"
            actor2 = _np(on)
    if actor1 is None:
        # "... was claimed by X", "X claimed responsibility"
        for t in trig.sent:
            if t.lemma_ == "claim":
                agent = _agent(t)
                subj = _child(t, ("nsubj",))
                if agent is not None:
                    actor1 = _np(agent)
                elif subj is not None and any(c.lemma_ == "responsibility" for c in t.children):
                    actor1 = _np(subj)
                break
    if actor1 is None and g.kinds & {GAIN, LOSS}:
        # "the town had been 'liberated'": by whoever the article has just said took it
        taker = gainer_before(trig, loser=actor2)
        if taker is not None:
            actor1 = _np(taker)
    if actor2 is None and g.kinds & {GAIN, LOSS}:
        # "the army said its troops had withdrawn from Wad Madani after the RSF said they had taken control"
        actor2 = _withdrawn(trig, actor1)
    named = generic_named_as(actor1, trig) if actor1 is not None else None
    if named is not None:
        actor1 = _np(named)
    actor2 = actor2 or site
    if actor1 and actor2 and actor1.start == actor2.start:
        actor2 = None
    return actor1, actor2


def _withdrawn(trig: Token, taker: Span | None) -> Span | None:
    """The side the sentence of a takeover says withdrew or retreated: the one that lost the place."""
    for tok in trig.sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _GAVE_UP:
            continue
        subj = _child(tok, ("nsubj",))
        if subj is None or subj.pos_ == "PRON" or _is_inanimate_subject(subj):
            continue
        side = _np(subj)
        if taker is None or not (side.start < taker.end and taker.start < side.end):
            return side
    return None


_GAVE_UP = WITHDRAWAL | {"flee"}
_SUSPECTING = {"suspect", "believe", "think", "blame", "accuse", "allege"}
_PEOPLE_ENTS = ("PERSON", "NORP", "ORG")
_TOLL_VERBS = {"kill", "wound", "injure"}
_THE_HIT = {"dead", "casualty", "victim", "injured", "wounded"}


def _names_people(obj: Token) -> bool:
    """An object that names who was hit, not only where: people, a group, or a place of theirs ("a police station",
    "a convoy of soldiers", "a Shia mosque"), not a building or a crowd's place ("a concert hall", "a junction")."""
    if obj.lemma_.lower() not in CIVILIAN_SITES and (is_human(obj) or obj.ent_type_ in _PEOPLE_ENTS):
        return True
    if obj.pos_ == "NUM" or obj.lemma_.lower() in _THE_HIT:
        return True  # "killing two", "left 20 dead"
    for c in obj.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss") and _people_word(c):
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(_people_word(t) for t in c.subtree):
            return True
    return False


def _people_word(tok: Token) -> bool:
    return tok.ent_type_ in ("PERSON", "NORP") or is_human(tok) and tok.lemma_.lower() not in CIVILIAN_SITES


DEATH_VERBS = {"die", "succumb", "perish"}
CAUSE_PREPS = ("in", "during", "after", "following", "from", "of", "at", "by")
WEAPONS = {"gun", "rifle", "weapon", "knife", "machete", "stone", "rock", "arm", "firearm", "mortar", "rocket"}


def _sides(g: _Group) -> tuple[Span | None, Span | None]:
    """The two sides of a clash or an agreement: "fighting between X and Y", "X clashed with Y", "X and Y signed a deal"."""
    for tok, kind in g.triggers:
        if kind == AGREE:
            subj = _child(tok.head if tok.pos_ == "NOUN" else tok, ("nsubj",))
            pair = _pair(subj) if subj is not None and _child(subj, ("conj",)) is not None else None
            if pair is not None:
                return pair
        if kind != CLASH:
            continue
        for node in (tok, tok.head):
            btw = _prep_obj(node, ("between",))
            if btw is not None:
                pair = _pair(btw)
                if pair is not None:
                    return pair
        with_ = _prep_obj(tok, ("with", "against"))
        if with_ is not None and with_.lemma_.lower() not in WEAPONS | INANIMATE:
            return None, _np(with_)
    return None, None


def _pair(tok: Token) -> tuple[Span, Span] | None:
    """The two sides of "between X and Y", also where the parse coordinates inside one phrase ("the Houthis and
    government forces")."""
    other = _child(tok, ("conj",))
    if other is not None:
        return _np(tok), _np(other)
    for mod in tok.lefts:
        other = _child(mod, ("conj",))
        if other is not None and mod.pos_ == "PROPN":
            first = tok.doc[mod.left_edge.i:mod.i + 1]
            while len(first) > 1 and first[0].dep_ == "det":
                first = first[1:]
            return (_span_of(tok.doc, first.start_char, first.end_char),
                    _span_of(tok.doc, other.left_edge.idx, tok.idx + len(tok)))
    return None


def _victims(tok: Token) -> Span:
    """The noun phrase of the dead or attacked, with its coordinates: "1 captain and 7 soldiers"."""
    last = tok
    while (nxt := _child(last, ("conj",))) is not None:
        last = nxt
    first, end = _np(tok), _np(last)
    return _span_of(tok.doc, first.start, end.end) if last is not tok else first


def _elided_passive(verb: Token) -> bool:
    """A participle sharing the passive auxiliary of the verb it is joined to: "were killed and five wounded"."""
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ == "VERB"
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and any(c.dep_ == "auxpass" for c in verb.head.children))


def _cause_actor(verb: Token) -> Span | None:
    """Who carried out the attack a death or passive verb is told in ("in a PKK attack", "in an ambush by X")."""
    for c in verb.children:
        noun = None
        if c.dep_ == "prep" and c.lower_ in CAUSE_PREPS:
            noun = _child(c, ("pobj",))
            if noun is not None and _force_firing(noun):
                return _np(noun)
        elif c.dep_ == "advcl" and (trigger_kind(c) or _shooting(c)):
            # "died when an al-Shabaab car bomb exploded", "died after gunmen stormed the hotel",
            # "was killed when the police fired 15 rounds"
            subj = _child(c, ("nsubj",))
            if subj is not None and not _is_inanimate_subject(subj):
                return _np(subj)
            noun = subj
        if noun is None or not (trigger_kind(noun) not in (None, OUTCOME) or noun.lemma_.lower() in INANIMATE):
            continue
        by = _prep_obj(noun, ("by",))
        by = by if by is not None else _acl_agent(noun)  # "in an ambush carried out by suspected militants"
        owner = _np(by) if by is not None else _modifier_actor(noun)
        if owner is not None and by is None and countries.country_iso3(owner.text):
            owner = _np(noun)  # "killed in an Israeli airstrike": the nationality names the forces with their weapon
        if owner is not None:
            return owner
    return None


# The act of a force told as an -ing word after it: "killed in police firing", "in army shelling".
_FIRING = {"fire", "firing", "shell", "shelling", "shoot", "shooting", "bomb", "bombing", "action", "crackdown",
           "raid", "strike", "airstrike", "gunfire", "attack", "assault", "operation", "lathicharge",
           "lathi-charge", "encounter"}


def _force_firing(noun: Token) -> bool:
    """Whether a cause's object is a state or armed force followed by its act ("police firing")."""
    if noun.lemma_.lower() not in STATE_WORDS | TAKERS or noun.i + 1 >= len(noun.doc):
        return False
    act = noun.doc[noun.i + 1]
    return act.lemma_.lower() in _FIRING or act.lower_ in _FIRING


def _shooting(verb: Token) -> bool:
    """A verb of shooting that the trigger lexicon leaves out for its other senses.

    "Police fired", "opened fire", "resorted to firing"; not "fired tear gas" (force against
    a crowd, told by the protest rules) nor "fired the coach".
    """
    lemma = verb.lemma_.lower()
    if lemma == "open":
        return any(c.dep_ == "dobj" and c.lemma_.lower() == "fire" for c in verb.children)
    if lemma == "resort":  # "the police resorted to firing"
        to = _prep_obj(verb, ("to",))
        return to is not None and to.lemma_.lower() in ("fire", "firing", "shoot", "shooting")
    return lemma == "fire" and not any(c.dep_ == "dobj" and not {t.lemma_.lower() for t in c.subtree}.isdisjoint(
        _NOT_SHOTS) for c in verb.children)


_NOT_SHOTS = INTERVENTION_CUES | {"gas", "employee", "worker", "staff", "coach", "manager", "official", "minister"}


INANIMATE = {"airstrike", "strike", "bomb", "blast", "explosion", "shell", "shelling", "missile", "rocket",
             "attack", "raid", "mortar", "grenade", "device", "ied", "mine", "landmine", "fire", "gunfire",
             "bombing", "drone", "jet", "warplane", "aircraft", "helicopter", "plane", "artillery", "car",
             "truck", "vehicle", "clash", "fighting", "violence", "ambush", "assault", "barrage", "operation",
             "crossfire", "bullet", "shot", "explosive", "motorbike", "motorcycle", "vbied"}


def _is_inanimate_subject(tok: Token) -> bool:
    return tok.lemma_.lower() in INANIMATE or tok.lower_.rsplit("-", 1)[-1] in INANIMATE


def _modifier_actor(tok: Token) -> Span | None:
    """The owner named in a noun's modifiers: "coalition airstrikes", "a Taliban attack", "ISIS's attack"."""
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod") and c.pos_ != "PRON" and
            c.lemma_.lower() not in ("suicide", "air", "car", "roadside", "terrorist", "deadly", "fresh", "new",
                                     "twin", "coordinated", "major", "recent", "latest", "heavy", "late",
                                     "suspected", "apparent", "first", "second", "last", "large", "small",
                                     "massive", "drone", "mortar", "rocket", "artillery", "chemical", "gas",
                                     "truck", "bomb", "grenade", "militant", "separate", "similar", "brutal",
                                     "precision", "targeted", "guided", "retaliatory", "overnight", "joint")]
    if not mods:
        return None
    start = min(min(t.i for t in m.subtree) for m in mods)
    end = max(max(t.i for t in m.subtree) for m in mods) + 1
    span = tok.doc[start:end]
    while len(span) and span[0].dep_ == "det":
        span = span[1:]
    while len(span) and span[-1].dep_ == "case":  # "Boko Haram's attack"
        span = span[:-1]
    if not len(span):
        return None
    return _span_of(tok.doc, span.start_char, span.end_char)


def _nationality_word(noun: Token, owner: Span) -> bool:
    """Whether a noun's owner is one word naming whose it is with it: "Turkish warplanes", "US jets",
    "Coalition aircraft" (a craft's owner, read with the craft: "US" alone is a pronoun's spelling)."""
    mods = [c for c in noun.children if c.idx >= owner.start and c.idx + len(c) <= owner.end]
    return len(mods) == 1 and len(list(mods[0].subtree)) == 1 and (
        mods[0].ent_type_ == "NORP" or mods[0].pos_ == "ADJ" or noun.lemma_.lower() in WAR_CRAFT)


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return _child(c, ("pobj",))
    return None


# Nouns that only count what their of-phrase names: "a series of airstrikes", "a wave of attacks".
_COUNTING_NOUNS = {"series", "wave", "spate", "string", "volley", "salvo", "round", "flurry", "number", "couple",
                   "pair", "set", "handful", "dozen", "dozens", "group", "band", "barrage"}


def _counted(tok: Token | None) -> Token | None:
    """What a counting noun counts ("A series of U.S. airstrikes killed ...": the airstrikes), else the noun."""
    if tok is None or tok.lemma_.lower() not in _COUNTING_NOUNS:
        return tok
    inner = _prep_obj(tok, ("of",))
    return inner if inner is not None else tok


def _acl_agent(noun: Token) -> Token | None:
    """The by-agent of a participle after a noun: "an ambush carried out by militants", "a mine, emplaced by X"."""
    return next((a for c in noun.children if c.dep_ == "acl" and (a := _agent(c)) is not None
                 and not _is_inanimate_subject(a)), None)  # not "an explosion caused by a bomb"


def _prep_obj(tok: Token, preps: tuple[str, ...]) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            return _child(c, ("pobj",))
    return None


def _np(tok: Token) -> Span:
    """The noun phrase of a token: its subtree, trimmed of relative clauses and trailing punctuation."""
    left = tok.left_edge.i
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("relcl", "acl", "punct", "cc", "advcl") or (c.dep_ == "prep" and c.lower_ not in ("of",)):
            break
        right = max(right, c.right_edge.i)
    doc = tok.doc
    while left < right and doc[left].dep_ in ("det", "punct", "cc"):
        left += 1
    return _span_of(doc, doc[left].idx, doc[right].idx + len(doc[right]))


AFFILIATION = {"align", "affiliate", "link", "loyal", "belong", "ally", "tie", "connect", "member", "part",
               "fighter", "militant", "supporter", "suspect", "associate"}


def _affiliation(span: Span | None, doc: Doc, group_spans: ActorFinder) -> Span | None:
    """Name the group a generic phrase belongs to: "eight men apparently aligned with Islamic State"."""
    if span is None or group_spans(span.text):
        return span
    tok_span = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tok_span is None:
        return span
    head = tok_span.root
    for child in head.children:
        if child.dep_ in ("acl", "amod", "prep", "relcl") and (
                child.lemma_.lower() in AFFILIATION or child.lower_ in ("of", "with", "from")):
            left, right = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            for s, e, _ in group_spans(doc_text(doc)[left:right]):
                return _span_of(doc, left + s, left + e)
    return _antecedent(head, doc, group_spans) or span


def _person_noun(tok: Token) -> bool:
    """People, not their things or positions: "relatives", "fighters", "villagers", a name."""
    return tok.ent_type_ in ("PERSON", "NORP") or tok.lemma_.lower() in PERSON_VICTIMS | MEMBER_NOUNS \
        or is_human(tok, by_word=True) and tok.lemma_.lower() not in THINGS_HELD


# Words the armed-target list holds that are things, not people: what a strike destroys.
THINGS_HELD = {"position", "base", "checkpoint", "post", "outpost", "convoy", "vehicle", "tank", "camp", "barracks",
               "headquarters", "building", "facility", "depot", "station", "compound", "bunker", "trench", "line"}


def _armed(span: Span, group_spans: ActorFinder) -> bool:
    """Whether a span is, as a whole, an armed group or state forces the dictionary knows."""
    return any(s == 0 and e >= len(span.text.rstrip()) - 1 and getattr(a, "kind", None) in ("rebel", "state")
               for s, e, a in group_spans(span.text))


def _owner_of_thing(span: Span | None, doc: Doc, group_spans: ActorFinder) -> Span | None:
    """The group whose thing was hit: "destroyed an ISIL tactical vehicle", "hit two al-Qaida vehicles",
    "a mortar attack on a Peshmerga frontline position". Not for people ("relatives of Taliban fighters")."""
    if span is None:
        return None
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or _person_noun(words.root) or words.root.ent_type_ in ("GPE", "LOC", "FAC"):
        return span
    root = words.root.idx
    found = group_spans(span.text)
    if found and any(span.start + s <= root < span.start + e for s, e, _ in found):
        return span  # the phrase is the group ("Taliban fighters")
    start, end = span.start, span.end
    if not found:
        # "destroyed three tunnel entrances and two ISIL fighting positions": the things listed with it
        conj = [c for c in words.root.children if c.dep_ == "conj" and c.pos_ == "NOUN" and not _person_noun(c)]
        if not conj:
            return span
        end = max(c.right_edge.idx + len(c.right_edge) for c in conj)
        found = group_spans(doc_text(doc)[start:end])
        if not found:
            return span
    s, e, _ = found[0]
    return _span_of(doc, start + s, start + e)


# Nouns for a group's members or units, which a definite or "such" phrase uses to refer back to a group.
MEMBER_NOUNS = {"cell", "militant", "fighter", "insurgent", "jihadist", "rebel", "gunman", "attacker",
                "assailant", "group", "terrorist", "extremist", "guerrilla", "guerilla", "faction", "organisation",
                "organization", "movement", "outfit", "unit", "member"}
_REFERRING = {"the", "such", "these", "those", "this", "that"}
_ANTECEDENT_SENTENCES = 2


def _antecedent(head: Token, doc: Doc, group_spans: ActorFinder) -> Span | None:
    """The named group a referring phrase stands for: "two such cells" after "the ISIS sleeper cells".

    Only a phrase of members or units ("the militants", "such cells", "the
    group") marked as referring back ("the", "such", "these"), with exactly one
    named armed group in the paragraph's last sentences before it; where the
    group's own mention has the same noun ("ISIS sleeper cells"), that one.
    The span returned is the antecedent's, so the field stays traceable.
    """
    if head.lemma_.lower() not in MEMBER_NOUNS or not any(
            c.lower_ in _REFERRING and c.dep_ in ("det", "amod", "predet") for c in head.children):
        return None
    first = head.sent.start  # token index of the window's first sentence
    for _ in range(_ANTECEDENT_SENTENCES):
        if first == 0 or "\n" in doc_text(doc)[doc[first - 1].idx:doc[first].idx]:
            break  # not across a paragraph break
        first = doc[first - 1].sent.start
    start, end = doc[first].idx, head.left_edge.idx
    window = doc_text(doc)[start:end]
    hits = [(s, e, a) for s, e, a in group_spans(window) if getattr(a, "kind", None) == "rebel"]
    lemma = head.lemma_.lower()
    same_noun = [h for h in hits if lemma in window[h[0]:h[1]].lower()]
    hits = same_noun or hits
    if len({getattr(a, "name", None) for _, _, a in hits}) != 1:
        return None
    s, e, _ = hits[-1]
    return _span_of(doc, start + s, start + e)


def _named_group(doc: Doc, tokens: set[Token], group_spans: ActorFinder, *, exclude: Span | None) -> Span | None:
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    text = doc_text(doc)
    first: tuple[int, int] | None = None
    for s, e, actor in group_spans(text[start:end]):
        kind = getattr(actor, "kind", None)
        if kind in ("civilians", "protesters", "rioters") or is_government(actor):
            continue  # nor a government its words name ("in what French President Macron called an attack")
        abs_s, abs_e = start + s, start + e
        if exclude is not None and exclude.start <= abs_s < exclude.end:
            continue
        if exclude is not None and _affiliation_of(doc, exclude, abs_s, abs_e):
            continue
        if attributed_to(text, abs_s):
            # The one the words lay the deed on, over one named first: "bombed overnight which the
            # Colombian army blamed on FARC dissidents" (a parse that makes "on" a target's).
            return _span_of(doc, abs_s, abs_e)
        if first is None and not _not_initiator(doc, abs_s, abs_e):
            first = (abs_s, abs_e)
    return _span_of(doc, *first) if first is not None else None


# Words by which a description of people ties them to a group: "leftists known to be sympathetic to ETA",
# "men suspected of links to al-Shabaab", "relatives of Taliban fighters".
_TIES = {"know", "suspect", "believe", "allege", "say", "accuse", "link", "tie", "connection", "affiliate",
         "affiliated", "sympathetic", "sympathise", "sympathize", "loyal", "close", "member", "supporter",
         "sympathiser", "sympathizer", "associate", "relative", "family", "be", "have", "fighter", "militant"}
_TYING = _TIES - {"be", "have"}  # the words that tie by themselves


def _affiliation_of(doc: Doc, people: Span, start: int, end: int) -> bool:
    """Whether a group named at ``start:end`` is only what the description of ``people`` ties them to."""
    toks = tokens_in(doc, start, end)
    ptoks = tokens_in(doc, people.start, people.end)
    if not toks or not ptoks:
        return False
    head = next((t for t in ptoks if not (people.start <= t.head.idx < people.end) or t.head.i == t.i), ptoks[0])
    tok, tied = toks[-1], False
    while tok.head.i != tok.i and not (start <= tok.head.idx < end):
        tok = tok.head
        if tok.i == head.i:
            # Only through a word of ties: "a general in the Egyptian Army" is one of the army's.
            return tied
        if tok.pos_ not in ("ADP", "AUX", "PART", "DET") and tok.lemma_.lower() not in _TIES:
            return False
        tied = tied or tok.lemma_.lower() in _TYING
    return False


# Nouns a group's name before them makes the group's doing ("a Taliban offensive", "an IS claim").
_DEEDS_OF = {"attack", "assault", "offensive", "raid", "ambush", "operation", "strike", "bombing", "claim",
             "campaign"}
# A group's people, whose place in the sentence is the group's ("engaged four ISIL units"), even where
# the noun is also a trigger word.
_MEMBERS = {"fighter", "militant", "gunman", "member", "commander", "unit", "force", "troop"}
# Prepositions whose object an attack is aimed at ("fired on troops", "an IED under a convoy").
_TARGET_PREPS = {"on", "against", "under", "at", "toward", "towards", "targeting", "upon"}
# Verbs whose subject responds to an attack rather than carries it out ("police are hunting a suspect").
_RESPONDERS = {"hunt", "search", "seek", "investigate", "probe", "pursue", "track", "chase", "comb", "condemn",
               "blame", "accuse", "suspect", "respond", "rush", "evacuate", "cordon", "rescue", "treat"}


def _not_initiator(doc: Doc, start: int, end: int) -> bool:
    """Whether a group named in an event's words stands where the syntax makes it no initiator.

    The target of the attack ("an IED detonated under a convoy of Russian soldiers", "fired on
    troops"), what a verb acts on, or the one responding ("French police are hunting a suspect").
    """
    toks = tokens_in(doc, start, end)
    heads = [t for t in toks if not (start <= t.head.idx < end) or t.head.i == t.i]
    if not heads:
        return False
    tok = heads[0]
    if grievance(tok):
        return True  # "a protest over a police shooting": what is protested
    if tok.dep_ == "npadvmod" and tok.head.dep_ == "amod" and tok.head.head.i != tok.head.i:
        tok = tok.head.head  # "destroyed an ISIL-held building": the building's place in the sentence
    while tok.dep_ in ("pobj", "conj", "compound", "poss", "amod", "nmod", "appos") and tok.head.i != tok.i:
        if tok.dep_ != "pobj":
            # "a Taliban vehicle": the vehicle's place; not "a Taliban attack", which is theirs
            # "killed three Taliban fighters", "suppressed an ISIL tactical unit": the members' place
            if tok.dep_ != "conj" and (trigger_kind(tok.head) is not None or tok.head.lemma_.lower() in _DEEDS_OF) \
                    and tok.head.lemma_.lower() not in _MEMBERS:
                break
            tok = tok.head
            continue
        prep = tok.head
        if prep.lower_ != "of" or prep.head.i == prep.i:
            break
        tok = prep.head  # "a convoy of Russian soldiers": the convoy's place in the sentence
    if tok.dep_ in ("dobj", "nsubjpass"):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in _TARGET_PREPS:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in ("including", "among") and _counts_hit(tok.head.head):
        return True  # "injuring 10 more including members of the SDF": some of those hit
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _RESPONDERS


def _counts_hit(tok: Token) -> bool:
    """A word that tells of people killed or hurt: "injuring", "the dead", "12 casualties"."""
    return tok.lemma_.lower() in _TOLL_VERBS | _THE_HIT or trigger_kind(tok) == OUTCOME


def _background(g: _Group, trig: Token) -> bool:
    """An event named only in passing: its noun triggers hang on words that are not event verbs.

    "Rebels fired mortar rounds containing poisonous gas" is reported (the
    mortar rounds were fired) even though the gas only "contains".
    """
    if any(t.pos_ == "VERB" for t, _ in g.triggers):
        return False
    return all(_passing(t) for t, _ in g.triggers) if g.triggers else _passing(trig)


def _passing(trig: Token) -> bool:
    node = _phrase_head(trig)
    if node.dep_ == "ROOT":
        return False  # a headline or a verbless sentence: "Bomb blast in Kabul"
    head = node.head
    for _ in range(2):
        while head.dep_ in ("prep", "pobj", "conj", "compound", "amod") and head.head.i != head.i:
            head = head.head
        # "to disperse hundreds of protesters", "a crowd of rioters": the verb is the collective's
        if head.lemma_.lower() not in COLLECTIVES or head.head.i == head.i:
            break
        head = head.head
    if trigger_kind(trig) == PROTEST and head.lemma_.lower() in PROTEST_VERBS:
        # "Demonstrators gathered in ...", "gathered in a peaceful protest": a crowd's own doing
        return False
    if head.lemma_.lower() == "come" and any(c.dep_ == "prep" and c.lower_ in _ARRIVAL_PREPS for c in head.children):
        return False  # "The first blasts came ... at St Anthony's Shrine": where, not whence or when
    return head.lemma_.lower() not in EVENT_VERBS


# Where a deed "came": at a place ("came ... at St Sebastian's Church in Negombo"), not
# from one ("the attack had come from Yemen") nor after another ("The arrests came a year after").
_ARRIVAL_PREPS = frozenset({"at", "in", "near", "outside", "inside"})


COLLECTIVES = {"hundred", "thousand", "dozen", "score", "crowd", "group", "number", "gathering", "throng",
               # "carried out a string of airstrikes", "launched a wave of attacks": the deeds' own verb
               "string", "series", "wave", "spate", "barrage", "volley", "salvo", "flurry", "succession", "pair",
               "couple"}


def _phrase_head(tok: Token) -> Token:
    """The head noun of the phrase a modifier belongs to: "ceasefire" -> "agreement"."""
    node = tok
    while node.dep_ in ("compound", "amod", "nmod") and node.head.i != node.i:
        node = node.head
    return node


def _anchored(trig: Token, group_spans: ActorFinder | None) -> bool:
    """A passing mention is an event only when it is pinned to a place, a date or a named actor.

    "the Nice atrocity", "bombings in Lebanon and Turkey" and "the ISIS-inspired
    murder of Father Hamel" are; "the killing", "the means of mass murder" are not.
    """
    phrase = _phrase_head(trig)
    near = list(phrase.subtree) + [c for c in phrase.head.children if c.dep_ == "prep"]
    if any(t.ent_type_ in ("GPE", "LOC", "FAC", "DATE") for t in near):
        return True
    if any(t.dep_ in ("compound", "amod", "poss") and t.pos_ == "PROPN" for t in trig.children):
        return True
    if group_spans is not None:
        left, right = trig.left_edge.idx, trig.right_edge.idx + len(trig.right_edge)
        return bool(group_spans(doc_text(trig.doc)[left:right]))
    return any(t.pos_ == "PROPN" and t.ent_type_ in ("ORG", "NORP") for t in trig.subtree)


ANAPHORIC_DETS = {"the", "this", "that", "these", "those", "its", "their"}
# Generic event nouns that can point back to an event already told; a means
# ("airstrike", "suicide bombing") or an arrest tells something new.
GENERIC_KINDS = {ATTACK, BLAST, KILL, CLASH, OUTCOME}


def _refers_back(trig: Token) -> bool:
    """A generic event noun that points back: "the attack", "this bombing", "Pakistan's deadliest attack".

    A definite noun with its own place or date ("the attack in Kabul", "the
    Nice attack") names another event.
    """
    if trig.pos_ not in ("NOUN", "PROPN") or trigger_kind(trig) not in GENERIC_KINDS:
        return False
    tok = _phrase_head(trig)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    superlative = any(c.tag_ == "JJS" for c in tok.children)
    definite = superlative or any(
        (c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS) or (c.dep_ == "poss" and c.pos_ == "PRON")
        for c in tok.children)
    if not definite:
        return False
    if superlative:
        return True
    return not any(c.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "NORP") for c in _own_words(tok))


def _own_words(tok: Token) -> list[Token]:
    """A noun's phrase without its relative clauses and by-agent: what can name the event it points to.

    "the attack, which targeted a leader in Benghazi" and "the attack by 'radical Islamists'" still
    point back; "the attack in Kabul" names a place of its own.
    """
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("relcl", "acl", "advcl", "punct") or (c.dep_ in ("prep", "agent") and c.lower_ == "by"):
            continue
        out.extend(c.subtree)
    return out


def _anaphoric(doc: Doc, cand: EventCandidate) -> bool:
    """A sentence whose event noun refers back: "The attack ...", "the blast ...", "this bombing".

    A casualty verb whose subject refers back tells on the same event: "It killed at least 16
    civilians", "The attacks killed 10 and wounded 3 others".
    """
    span = doc.char_span(cand.trigger.start, cand.trigger.end, alignment_mode="expand")
    if span is None:
        return False
    trig = span.root
    if _refers_back(trig) or _said_of_it(trig):
        return True
    if trig.pos_ == "VERB" and cand.sub_event_type in _DEEDS and not _NEW_DEED.search(cand.evidence.text):
        # "The suicide bomber detonated his bomb when ...", "The groups ambushed a convoy": the
        # attackers just told, named again with a definite article, go on with the same deed,
        # unless they hurt people of their own ("the militants killed two farmers")
        subj = _child(trig, ("nsubj",))
        if subj is not None and subj.lemma_.lower() in _DOERS and any(
                c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in subj.children):
            told = read_casualties(cand.evidence.text)
            return told.fatalities is None and told.wounded is None
    if trig.pos_ != "VERB" or trigger_kind(trig) not in (KILL, OUTCOME):
        return False
    subj = _child(trig, ("nsubj",))
    return subj is not None and (subj.lower_ == "it" or _refers_back(subj))


# Who carried out an attack, as a later sentence names them again ("the bomber", "the gunmen").
_DOERS = {"bomber", "attacker", "gunman", "gunmen", "assailant", "shooter", "militant", "terrorist", "group",
          "insurgent", "rebel", "perpetrator", "assailent"}
_DEEDS = {"Armed clash", "Attack", "Suicide bomb", "Remote explosive/landmine/IED", "Grenade",
          "Shelling/artillery/missile attack"}
_NEW_DEED = re.compile(r"\b(?:another|second|third|separate|separately|elsewhere|later|then|next|also)\b",
                       re.IGNORECASE)


def _said_of_it(trig: Token) -> bool:
    """An event noun said of "this" or "it": "This was the first serious bombing in Tel Aviv since 2006",
    "It is the third such attack in forty-five days", "This is another in a series of attacks"."""
    node = trig
    for _ in range(5):
        if node.lemma_ == "be":
            subj = _child(node, ("nsubj",))
            return subj is not None and subj.lower_ in ("this", "it") and trig.pos_ in ("NOUN", "PROPN")
        if node.head.i == node.i:
            return False
        node = node.head
    return False


# Words that tell of the injured where no trigger word does ("sustained slight injuries", "taken to hospital").
_INJURY_WORDS = re.compile(r"\b(?:injur|wound|hurt|hospital|casualt|burns\b)", re.IGNORECASE)


def _reports_injuries(sent: SpacySpan) -> bool:
    """A sentence with no event trigger that still counts injured people (or says no one was)."""
    text = sent.text
    return bool(_INJURY_WORDS.search(text)) and read_casualties(text).wounded is not None


def _extend(c: EventCandidate, doc: Doc, sent: SpacySpan) -> EventCandidate:
    """Add a casualty-only sentence to the event it follows (its evidence and the text numbers are read from)."""
    end_text = sent.text.rstrip()
    end = sent.start_char + len(end_text)
    evidence = _span_of(doc, c.evidence.start, end)
    return replace(c, evidence=evidence, context=evidence)


def _same_paragraph(doc: Doc, end: int, start: int) -> bool:
    return "\n\n" not in doc_text(doc)[end:start] and start - end < 400


def _span_of(doc: Doc, start: int, end: int) -> Span:
    return Span(start, end, doc_text(doc)[start:end])


def _ranges(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(pairs):
        if out and s <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
