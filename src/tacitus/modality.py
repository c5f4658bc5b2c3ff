"""Modality of event clauses: does a clause report one occurrence, or something else?

Takes tokens of a spaCy parse -- the head of one candidate event's clause and
its trigger tokens, as ``events.py`` groups them -- and returns why the clause
reports no single occurrence (``not_an_event``), or ``None`` when it does.
CODEBOOK section 1 rules out three families that word-by-word checks
(``triggers.is_asserted``: negation, modals, conditionals, irrealis governors)
miss, because they show in the clause as a whole:

- ``habitual``: habits and classes of events. "Firearms are ubiquitous and
  assassinations are a regular event", "Dagestan sees frequent attacks",
  "One person a year is killed", "Militants have been using IEDs to target
  security forces", the men "who have fought in wars";
- ``aggregate``: statistics, trends and running totals. "London's murder
  tally", "There were more murders in March than in any month", "Overall
  attacks have fallen", "By the end of 1972, 496 had been killed", "The
  offensive has killed more than 1600 civilians" (a campaign's total, like
  ``triggers.cumulative``'s conflict totals), "incursions in the 1990s";
- ``unrealised``: what is planned, proposed or a property. "UAVs are to be
  taken for test flights", "Capturing drones is one of several options being
  considered", "being a suicide bomber was OK", "criticised for targeting
  minorities".

Tense alone does not decide: wiki summaries use the present ("A bomb explodes
at the home of ...") and fresh news the present perfect ("Militants have
killed 12 soldiers"). A present or perfect clause is generic only when its
subject is a bare plural and nothing pins it to one occurrence -- a day or
hour, a count, a named place, a singular definite or indefinite participant.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from tacitus.lexicon import AGREE, IRREALIS, trigger_kind

logger = logging.getLogger(__name__)

HABITUAL, AGGREGATE, UNREALISED = "habitual", "aggregate", "unrealised"

# Words that make an event noun a habit or a class: "frequent attacks", "numerous bombings",
# "assassinations are a regular event", "kidnappings are common".
FREQUENCY = {"frequent", "regular", "numerous", "countless", "repeated", "routine", "constant", "recurrent",
             "recurring", "periodic", "occasional", "incessant", "persistent", "perennial", "habitual", "chronic",
             "continual", "endless", "everyday", "daily", "nightly", "innumerable", "commonplace", "common",
             "customary", "typical", "usual", "rampant", "widespread", "rife", "endemic", "prevalent",
             "ubiquitous", "rare", "uncommon", "unusual", "familiar"}
# "a year", "each day", "every week": a rate, not a date.
_RATE_DETS = {"a", "an", "each", "every", "per"}
_RATE_UNITS = {"year", "month", "week", "day", "night", "weekend", "hour", "time", "season"}
# After which a rate unit is a date instead: "a day after the attack", "a year ago".
_RELATIVE = {"after", "before", "ago", "later", "earlier", "since", "prior", "following", "on"}
_RATE_ADVERBS = {"annually", "yearly", "daily", "nightly", "weekly", "monthly", "hourly", "habitually",
                 "perennially", "chronically", "customarily", "traditionally", "commonly", "constantly",
                 "continually", "seldom", "rarely", "whenever"}
# A quick look at the sentence before its parse is read: the words the rate and total rules need.
_RATE_WORDS = re.compile(r"\b(?:" + "|".join(sorted(_RATE_ADVERBS | _RATE_UNITS)) + r")s?\b", re.IGNORECASE)
_TOTAL_WORDS = re.compile(r"\bby\s+(?:the\s+)?(?:end|close|(?:18|19|20)\d\d)\b|\balone\b|\bso\s+far\b|\bto\s+date\b",
                          re.IGNORECASE)
# Antecedents that make a relative clause a class: "all the men who have fought", "anyone who attacks".
_UNIVERSAL = {"all", "every", "any", "each", "whoever", "anyone", "anybody", "everyone", "everybody"}
# Pronouns that can stand for people in general.
_GENERIC_PRONOUNS = {"they", "we", "you", "one"}

# Nouns of counting: "murder tally", "the number of attacks", "a rise in kidnappings".
STATISTIC_NOUNS = {"tally", "rate", "number", "figure", "statistic", "total", "count", "level", "rise", "increase",
                   "decline", "drop", "spike", "surge", "fall", "decrease", "reduction", "upsurge", "uptick",
                   "trend", "average", "percentage", "proportion", "share", "record", "data", "frequency",
                   "incidence", "prevalence"}
# Verbs of a trend: "attacks have fallen", "kidnappings rose by 20 percent".
TREND_VERBS = {"fall", "rise", "drop", "decline", "increase", "decrease", "double", "triple", "quadruple", "halve",
               "soar", "surge", "plummet", "plunge", "climb", "dip", "spike", "jump", "grow", "shrink", "outnumber",
               "exceed", "total", "average", "peak", "skyrocket", "dwindle"}
# Event nouns whose plural is counted in trends: "attacks have fallen", "kidnappings rose".
COUNTED_EVENTS = {"attack", "killing", "murder", "homicide", "bombing", "kidnapping", "abduction", "shooting",
                  "stabbing", "protest", "demonstration", "arrest", "assault", "clash", "incident", "crime",
                  "casualty", "death", "fatality", "strike", "raid", "robbery", "rape", "explosion", "riot"}
# Operations that last weeks or years: their running total is no single event (CODEBOOK section 1:
# one day or one stated period), as triggers.cumulative rules for whole conflicts.
CAMPAIGN_NOUNS = {"offensive", "campaign", "crackdown", "siege", "blockade", "occupation", "war", "conflict",
                  "insurgency", "uprising", "rebellion", "intifada", "counteroffensive", "counter-offensive"}
_TOLL_VERBS = {"kill", "wound", "injure", "die", "claim", "displace", "maim", "murder", "slay"}
_SHORT_UNITS = {"day", "night", "morning", "afternoon", "evening", "hour", "minute", "week", "weekend", "operation",
                "attack", "raid", "siege", "battle", "fighting", "clash", "assault", "standoff"}
_LONG_UNITS = {"year", "month", "decade", "century", "war", "conflict", "campaign", "insurgency", "era", "period",
               "season", "quarter", "term", "reign", "occupation", "regime"}
# Predicate nouns that make their subject an idea rather than a deed: "is one of several options",
# "was a common tactic".
PLAN_NOUNS = {"option", "idea", "proposal", "plan", "possibility", "alternative", "scenario", "method", "tactic",
              "way", "strategy", "tool", "means", "technique", "approach", "solution", "recommendation",
              "suggestion", "goal", "aim", "objective", "priority", "concept", "proposition", "dream", "ambition",
              "hypothesis", "theory", "fantasy", "tradition", "practice", "hallmark", "trademark"}
# Future frames with "be ... to": "are to be taken", "is set to", "is due to".
_FUTURE_FRAMES = {"be", "set", "due", "about", "scheduled", "slated", "poised", "bound", "supposed", "meant",
                  "destined", "going", "planned", "expected", "likely", "certain", "sure"}
# A deed named as the ground of a judgement or a reputation: "criticised for targeting minorities".
JUDGEMENTS = {"criticise", "criticize", "condemn", "denounce", "praise", "fault", "censure", "slam", "decry",
              "know", "notorious", "famous", "infamous", "renowned", "reputation", "notoriety", "fame",
              "commend", "laud", "applaud", "rebuke", "chastise", "castigate", "reprimand", "excoriate"}

# Nouns that turn an event word before them into an order, a threat or a sham: "arrest warrant".
SHAM_NOUNS = {"warrant", "order", "threat", "hoax", "scare", "drill", "exercise", "simulation", "rehearsal",
              "training", "game", "movie", "film", "novel", "video-game", "videogame", "fantasy"}
# Verbs of guessing: what follows them is a conjecture, not a report.
SPECULATION = {"speculate", "wonder", "hypothesize", "hypothesise", "guess", "imagine", "suppose", "conjecture",
               "muse", "fantasize", "fantasise", "dream", "ponder"}

_DAY_WORDS = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b(?:yesterday|today|tonight|overnight|dawn|dusk|midnight|"
    r"noon|morning|afternoon|evening|night|day|hours?|minutes?|ago|week|weekend|(?:this|last|next) (?:week|weekend))\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b\d{1,2}/\d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE)
_RATE_DATE = re.compile(r"\b(?:every|each|per|a|an)\s+(?:day|night|week|weekend|hour|morning|evening)\b|"
                        r"\b(?:daily|weekly|nightly)\b|\bweeks\b|\bhours\b", re.IGNORECASE)
_DECADE = re.compile(r"^(?:\d{4}s|'?\d0s|centur(?:y|ies))$", re.IGNORECASE)
_COUNT_WORDS = {"dozens", "hundreds", "thousands", "scores", "several", "dozen", "hundred", "thousand", "million",
                "both", "two", "three", "four", "five"}
_NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}


def not_an_event(head: Token, triggers: Sequence[Token]) -> str | None:
    """Why a clause reports no single occurrence, or None when it does.

    Args:
        head: the verb (or root) of the clause a candidate event was grouped under.
        triggers: its trigger tokens (the defining ones, where there are any).

    Returns:
        ``"habitual"``, ``"aggregate"`` or ``"unrealised"`` when the clause as a
        whole, or every one of its triggers, states a habit, a statistic or
        something not (yet) done; None otherwise.
    """
    reason = _clause_reason(head)
    if reason is None and triggers:
        ids = {t.i for t in triggers}
        reasons = [_trigger_reason(t, head, ids) for t in triggers]
        if all(reasons):
            reason = reasons[0]
        else:
            # "Dagestan sees frequent attacks on security forces and assassinations": a habit or a
            # statistic told by the clause's subject or object is the clause's, whatever else it names
            reason = next((r for t, r in zip(triggers, reasons) if r in (HABITUAL, AGGREGATE) and _core(t, head)),
                          None)
    if reason is not None:
        logger.debug("not an event (%s): %s", reason, head.sent.text[:120])
    return reason


def habitual(head: Token) -> bool:
    """A clause that tells a habit or a class of events rather than one of them.

    "Militants have been using home-made IEDs to target security forces",
    "Insurgents attack convoys", "One person a year is killed",
    "all the men and women who have fought". A day, a count, a named place or
    a singular participant ("Gunmen attack a bus in Kabul") makes it one.
    """
    if _specific_time(head.sent.root):
        return False
    if _rate(head):
        return True
    predicate = _frame(head)
    if predicate.dep_ in ("relcl", "acl") and _generic_antecedent(predicate.head) and not _anchored(predicate):
        return True
    said = _child(predicate, ("ccomp",))
    if said is not None:
        # "Officials say the blast was a suicide attack", "findings indicate the attack was an ambush":
        # what is said tells the tense, not the saying
        predicate = said
    tense = _tense(predicate)
    if tense not in ("present", "perfect", "perfect progressive"):
        return False
    subject = _subject(predicate)
    if subject is None or not _generic_np(subject):
        return False
    if tense == "perfect" and predicate.lemma_.lower() in _TOLL_VERBS:
        return False  # "have killed" without a number is still news: "Militants have killed soldiers in Kunar"
    return not _anchored(predicate)


def aggregate(head: Token) -> bool:
    """A clause that sums, counts or compares events instead of telling one.

    "Overall attacks nationwide have fallen", "By the end of 1972, 496 had
    been killed", "The offensive has killed more than 1600 civilians",
    "Troops were deployed to repel incursions in the 1990s".
    """
    predicate = _frame(head)
    lemma = predicate.lemma_.lower()
    subject = _subject(predicate)
    if _specific_time(predicate):
        return False
    if lemma in TREND_VERBS and subject is not None and _trend(predicate, subject):
        return True
    if _running_total(predicate) or _compared(predicate) or _yearly_count(predicate):
        return True
    if lemma in _TOLL_VERBS and _perfect(predicate) and _campaign_cause(predicate, subject):
        return True
    return _decade_only(predicate)


def unrealised(tok: Token) -> bool:
    """A trigger in a clause that tells what is to come, is proposed, or is a property.

    "UAVs are to be taken for test flights", "Capturing drones ... is one of
    several options being considered", "said being a suicide bomber was OK",
    "have been criticised for targeting ethnic minorities".
    """
    if _order_or_sham(tok) or _question(tok) or _speculated(tok):
        return True
    predicate, relation = _predicate(tok)
    if predicate is None:
        return False
    if relation == "self" and tok.dep_ in ("csubj", "csubjpass"):
        predicate, relation = tok.head, tok.dep_  # "Capturing drones ... is one of several options"
    if _future_frame(predicate) and not _exists_already(tok, predicate, relation):
        return True
    if predicate.lemma_ in ("be", "become", "remain") and relation in ("nsubj", "csubj", "nsubjpass"):
        attr = _child(predicate, ("attr",))
        if attr is not None and _plan_noun(attr):
            return True
    if predicate.lemma_ == "be" and relation == "attr" and predicate.tag_ == "VBG" and \
            predicate.dep_ in ("csubj", "nsubj", "pcomp", "dobj", "ccomp"):
        return True  # "said being a suicide bomber was OK": a property, not a deed
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ in ("for", "of"):
        judge = tok.head.head
        return judge.lemma_.lower() in JUDGEMENTS or judge.lower_ in JUDGEMENTS
    return False


def _order_or_sham(tok: Token) -> bool:
    """An event word naming an order, a threat or a sham of it: "27 arrest warrants", "a bomb threat",
    "a bomb hoax", "a military drill"."""
    node = tok
    while node.dep_ in ("compound", "amod", "nmod") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in SHAM_NOUNS:
            return True
    return False


def _question(tok: Token) -> bool:
    """A question asks; it does not report: "Could the strikes be the first of many?"."""
    sent = tok.sent
    if not sent.text.rstrip().rstrip('"\'”’').endswith("?"):
        return False
    first = next((t for t in sent if not t.is_punct), None)
    return first is not None and (first.tag_ in ("MD", "WRB", "WP", "WDT") or first.lemma_ in ("be", "do", "have"))


def _speculated(tok: Token) -> bool:
    """An event told only as a speculation: "Landaeta speculated that the deaths might have been ..."."""
    node = tok
    for _ in range(8):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in SPECULATION:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _clause_reason(head: Token) -> str | None:
    if aggregate(head):
        return AGGREGATE
    if habitual(head):
        return HABITUAL
    return None


def _trigger_reason(tok: Token, head: Token, ids: set[int], depth: int = 0) -> str | None:
    """What a single trigger word tells besides an occurrence: a frequency, a statistic, a plan."""
    if unrealised(tok):
        return UNREALISED
    if depth < 2 and tok.dep_ in ("acl", "relcl", "amod", "compound", "conj") and tok.head.i in ids:
        # "numerous bombings targeted at the Russian military": the participle tells of the bombings
        inherited = _trigger_reason(tok.head, head, ids, depth + 1)
        if inherited is not None:
            return inherited
    noun = _phrase_noun(tok)
    if noun is not None:
        if _statistic(tok) or _statistic(noun) or _comparison(noun):
            return AGGREGATE
        if _frequent(noun) and not _specific_time(head) and not _specific_time(noun):
            return HABITUAL
    predicate, _ = _predicate(tok)
    if predicate is not None and predicate.i != head.i:
        return _clause_reason(predicate)
    return None


def _core(tok: Token, head: Token) -> bool:
    """A trigger that is (in) the subject, object or predicate noun of its clause's verb."""
    node = _phrase_noun(tok) or tok
    if node.i == head.i:
        return True
    return node.head.i == head.i and node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "csubj")


# --- the clause -------------------------------------------------------------------------------------------


def _frame(head: Token) -> Token:
    """The finite verb a clause head hangs on: "continue to ambush" is told by "continue"."""
    node = head
    for _ in range(3):
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in ("continue", "keep", "tend", "use"):
            node = node.head
        else:
            break
    return node


def _predicate(tok: Token) -> tuple[Token | None, str]:
    """The nearest verb above a trigger and the relation of the trigger's phrase to it."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok, "self"
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            return None, ""
        if node.head.pos_ in ("VERB", "AUX"):
            return node.head, node.dep_
        node = node.head
    return None, ""


def _tense(verb: Token) -> str:
    """The tense and aspect of a verb group: present, progressive, perfect, perfect progressive, past, modal."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.tag_ == "VBN":
        auxes = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return "modal"
    if verb.tag_ == "VB" and not auxes and any(c.dep_ == "nsubj" for c in verb.children):
        return "present"  # the tagger's VB for a finite plural verb: "Insurgents regularly attack convoys"
    if any(a.lower_ == "to" for a in auxes) or verb.tag_ in ("VBG", "VB", "VBN") and not auxes:
        return "nonfinite"
    have = [a for a in auxes if a.lemma_ == "have" and a.dep_ == "aux"]
    if have:
        if have[0].tag_ == "VBD":
            return "past"
        return "perfect progressive" if verb.tag_ == "VBG" else "perfect"
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes):
        return "progressive"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return "other"


def _perfect(verb: Token) -> bool:
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    if not auxes and verb.dep_ == "conj":
        auxes = [c for c in verb.head.children if c.dep_ == "aux"]
    return any(a.lemma_ == "have" for a in auxes)


def _subject(verb: Token) -> Token | None:
    node = verb
    for _ in range(3):
        subj = _child(node, ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl"))
        if subj is not None:
            if subj.dep_ == "expl":  # "there were more murders": the noun after the verb
                return _child(node, ("attr",))
            if subj.tag_ in ("WDT", "WP") and node.dep_ == "relcl":
                return node.head  # "militants who attack ...": the antecedent
            return subj
        if node.dep_ != "conj" or node.head.i == node.i:
            return None
        node = node.head
    return None


def _generic_np(noun: Token) -> bool:
    """A bare plural or a pronoun for people in general: "militants", "drone strikes", "they"."""
    if noun.lower_ in _GENERIC_PRONOUNS and noun.pos_ == "PRON":
        return True
    if noun.tag_ != "NNS" or noun.pos_ != "NOUN":
        return False
    return not _determined(noun)


def _determined(noun: Token) -> bool:
    """A noun with a determiner, a number or an owner: "the attacks", "two bombings", "ISIS's attacks"."""
    for c in noun.children:
        if c.dep_ == "det" and c.lower_ not in ("all", "any", "some", "such", "most", "many"):
            return True
        if c.dep_ in ("nummod", "poss", "quantmod") or c.lower_ in ("several", "few"):
            return True  # "two bombings", "several grenades", "a few shots": so many of them, once
        if c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")):
            return True  # "Nigerian security forces", "Taliban fighters": a named side, not people in general
    return False


def _generic_antecedent(noun: Token) -> bool:
    if noun.lower_ in _UNIVERSAL:
        return True
    return any(c.dep_ in ("predet", "det") and c.lower_ in _UNIVERSAL for c in noun.children)


def _anchored(verb: Token) -> bool:
    """Something in a clause that pins it to one occurrence: a day, a count, a named place, a singular participant."""
    subject = _subject(verb)
    skip = set(subject.subtree) if subject is not None and subject.i < verb.i else set()
    tokens = [t for t in verb.subtree if t not in skip]
    if _specific_time(verb):
        return True
    for t in tokens:
        if t.ent_type_ in _NOT_COUNTS:
            continue
        if t.like_num or t.lower_ in _COUNT_WORDS:
            return True
        if (t.ent_type_ in ("GPE", "LOC", "FAC", "PERSON") or t.pos_ == "PROPN") and t.ent_type_ != "NORP":
            return True  # a named place, person or side
    for obj in _participants(verb):
        if obj.tag_ == "NN" and any(c.dep_ in ("det", "poss") and c.lower_ not in ("no", "any", "every", "each")
                                    for c in obj.children):
            return True
        if obj.pos_ == "PROPN" and obj.ent_type_ not in ("NORP",):
            return True
        if obj.tag_ == "NN" and obj.dep_ == "dobj" and verb.dep_ == "ROOT" and _tense(verb) == "present" and \
                not any(c.dep_ == "det" for c in obj.children):
            return True  # "Police arrest activist on sedition charges": a headline's bare singular is one person
        if obj.lower_ in ("him", "her", "it", "them", "me", "us"):
            return True  # "seized from him"
        if obj.tag_ == "NNS" and _determined(obj):
            return True  # "attacked Syrian government forces", "the two checkpoints"
    return False


def _participants(verb: Token) -> Iterable[Token]:
    """The objects of a verb and of its prepositions, one level down: who or what was acted on, and where."""
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "nsubjpass", "dative", "oprd"):
            yield c
            for p in c.children:
                if p.dep_ == "prep":
                    yield from (o for o in p.children if o.dep_ == "pobj")
        elif c.dep_ in ("prep", "agent"):
            yield from (o for o in c.children if o.dep_ == "pobj")
        elif c.dep_ in ("xcomp", "advcl") and c.tag_ in ("VB", "VBG"):
            yield from _participants(c)


def _rate(head: Token) -> bool:
    """A rate or a frequency in the clause: "one person a year", "each and every year", "attacks occur daily"."""
    if not _RATE_WORDS.search(head.sent.text):
        return False  # no rate word in the sentence: nothing to parse
    verb = _frame(head)
    for t in verb.subtree:
        low = t.lower_
        if t.dep_ == "advmod" and low in _RATE_ADVERBS and t.head.i == verb.i:
            return True
        if low == "whenever" and t.head.i == verb.i:
            return True
        det = next((c for c in t.children if c.dep_ == "det" and c.lower_ in _RATE_DETS), None)
        if t.lemma_.lower() not in _RATE_UNITS or det is None or t.dep_ == "pobj" or t.tag_ != "NN":
            continue
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if nxt is not None and nxt.lower_ in _RELATIVE or any(c.lower_ in _RELATIVE for c in t.children):
            continue  # "a day after the attack", "a year ago": a date, not a rate
        before = t.doc[det.i - 1] if det.i > 0 else None
        if det.lower_ in ("a", "an") and not (before is not None and (
                before.pos_ in ("NOUN", "NUM") or before.lower_ in ("once", "twice", "thrice", "times"))):
            continue  # "spent a week", "cap a week of anger": a length of time; "one person a year" is a rate
        return True
    return False


def _specific_time(tok: Token) -> bool:
    """A time expression of a day or finer in the clause: "on Friday", "last week", "March 4", "two hours ago"."""
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or ent.end <= left or ent.start > right:
            continue
        text = ent.text
        if _DAY_WORDS.search(text) and not _RATE_DATE.search(text):
            return True
    return False


# --- aggregates -------------------------------------------------------------------------------------------


def _running_total(verb: Token) -> bool:
    """A total up to a point of a long period: "By the end of 1972", "so far this year", "in 2017 alone".

    A rank ("the deadliest attack so far this year", "the seventh journalist murdered so far this
    year") singles one event out of the total: that one is told.
    """
    if not _TOTAL_WORDS.search(verb.sent.text):
        return False  # no "by", "alone", "so far" or "to date": nothing to parse
    if any(t.tag_ == "JJS" or t.ent_type_ == "ORDINAL" for t in verb.sent):
        return False
    for t in verb.subtree:
        low = t.lower_
        if low == "by" and t.dep_ == "prep" and t.head.i == verb.i:
            obj = _child(t, ("pobj",))
            if obj is None:
                continue
            if obj.lemma_.lower() in ("end", "close") and _long_period(_child(_child(obj, ("prep",)), ("pobj",))):
                return True
            if _is_year(obj):
                return True
        if low == "alone" and t.head.ent_type_ == "DATE" and not _DAY_WORDS.search(t.head.text):
            return True  # "In 2017 alone", "this year alone"
        if low == "far" and t.i > 0 and t.doc[t.i - 1].lower_ == "so":
            nxt = t.doc[t.i + 1:t.i + 4].text.lower()
            if re.match(r"\s*(?:this|in|during)\s+(?:year|month|\d{4})", nxt):
                return True
        if low == "date" and t.i > 0 and t.doc[t.i - 1].lower_ == "to" and t.dep_ == "pobj":
            return True  # "to date"
    return False


def _compared(verb: Token) -> bool:
    """A figure set against another: "There were 130 murders in London, compared with 292 across the pond"."""
    return any(c.dep_ in ("prep", "advcl") and c.lemma_.lower() == "compare" and c.tag_ == "VBN"
               for c in verb.children)


def _yearly_count(verb: Token) -> bool:
    """A count of events over a year or more: "There were 130 murders in London in 2017"."""
    if verb.lemma_ != "be" or not any(c.dep_ == "expl" for c in verb.children):
        return False
    counted = _child(verb, ("attr",))
    if counted is None or counted.tag_ != "NNS" or counted.lemma_.lower() not in COUNTED_EVENTS:
        return False
    dates = [t for t in verb.subtree if t.ent_type_ == "DATE"]
    return bool(dates) and any(_is_year(t) or t.lemma_.lower() in ("year", "decade") for t in dates)


def _trend(verb: Token, subject: Token) -> bool:
    """A verb of trend said of a count: "Overall attacks nationwide have fallen", "the murder rate rose";
    not "munitions were dropped on a city"."""
    if any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("on", "onto", "upon", "at", "into", "over"))
           for c in verb.children):
        return False
    lemma = subject.lemma_.lower()
    return lemma in STATISTIC_NOUNS or (lemma in COUNTED_EVENTS and subject.tag_ == "NNS" and not _determined(subject))


def _long_period(noun: Token | None) -> bool:
    if noun is None or noun.lemma_.lower() in _SHORT_UNITS:
        return False  # "By the end of the day, the IRA had detonated 20 bombs": one day's attack
    return _is_year(noun) or noun.lemma_.lower() in _LONG_UNITS or (
        noun.ent_type_ == "DATE" and not _DAY_WORDS.search(noun.text))


def _is_year(tok: Token) -> bool:
    return tok.text.isdigit() and len(tok.text) == 4 and 1800 <= int(tok.text) <= 2100


def _campaign_cause(verb: Token, subject: Token | None) -> bool:
    """A toll whose subject or cause is a campaign: "The offensive has killed ...", "killed in the offensive"."""
    if subject is not None and subject.lemma_.lower() in CAMPAIGN_NOUNS:
        return True
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "since", "throughout", "over"):
            obj = _child(c, ("pobj",))
            if obj is not None and obj.lemma_.lower() in CAMPAIGN_NOUNS:
                return True
    return False


def _decade_only(verb: Token) -> bool:
    """The clause's only time is a decade or a century: "in the 1990s", "in the 19th century"."""
    dates = [t for t in verb.subtree if t.ent_type_ == "DATE"]
    return bool(dates) and any(_DECADE.match(t.text) for t in dates) and not any(
        _is_year(t) or _DAY_WORDS.search(t.text) for t in dates)


# What an event's toll counts: "the number of deaths", "the total of casualties".
_TOLL_NOUNS = frozenset({"death", "dead", "casualty", "victim", "fatality", "injury", "injured", "wounded", "body"})


def _statistic(noun: Token) -> bool:
    """An event noun counted by a statistic: "murder tally", "the number of attacks", "a rise in kidnappings"."""
    if _determined(noun) or noun.tag_ == "NN" and any(c.dep_ == "det" for c in noun.children):
        return False  # "the fall of seven mortar shells", "a rise in the attack's toll": one event
    if noun.lemma_.lower() in _TOLL_NOUNS:
        return False  # "the exact number of deaths is unknown": an event's toll (running totals are read apart)
    head = noun.head
    if noun.dep_ in ("compound", "nmod") and head.pos_ in ("NOUN", "PROPN") and \
            head.lemma_.lower() in STATISTIC_NOUNS:
        return True
    if noun.dep_ == "pobj" and head.lower_ in ("of", "in") and head.head.pos_ in ("NOUN", "PROPN") and \
            head.head.lemma_.lower() in STATISTIC_NOUNS:
        stat = head.head
        # "a number of attacks" counts them; it is no statistic
        return not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in stat.children) or \
            stat.lemma_.lower() != "number"
    return False


def _comparison(noun: Token) -> bool:
    """An event noun compared in number: "more murders in March than in any month"."""
    if not any(c.dep_ == "amod" and c.lower_ in ("more", "fewer", "less") for c in noun.children):
        return False
    return any(t.lower_ == "than" and t.i > noun.i for t in noun.sent)


# --- habits and plans -------------------------------------------------------------------------------------


def _frequent(noun: Token) -> bool:
    """A plural event noun with a word of frequency, or an event noun said to be frequent:
    "numerous bombings", "frequent attacks", "assassinations are a regular event", "kidnappings are common"."""
    if noun.tag_ == "NNS" and any(c.dep_ in ("amod", "advmod") and c.lower_ in FREQUENCY for c in noun.children):
        return True
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_ in ("be", "become", "remain"):
        cop = noun.head
        for c in cop.children:
            if c.dep_ == "acomp" and c.lower_ in FREQUENCY:
                return True
            if c.dep_ == "attr" and any(m.dep_ == "amod" and m.lower_ in FREQUENCY for m in c.children):
                return True
    return False


def _phrase_noun(tok: Token) -> Token | None:
    """The head noun of the phrase a trigger word belongs to ("suicide" -> "bomber"), or None for a verb."""
    if tok.pos_ in ("VERB", "AUX"):
        return None
    node = tok
    while node.dep_ in ("compound", "amod", "nmod") and node.head.i != node.i and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head
    return node if node.pos_ in ("NOUN", "PROPN") else tok


def _plan_noun(attr: Token) -> bool:
    """A predicate noun of ideas: "an option", "one of several options being considered", "a common tactic"."""
    nouns = [attr]
    if attr.lower_ in ("one", "part", "some", "among") or attr.pos_ == "NUM":
        of = _child(attr, ("prep",))
        if of is not None and of.lower_ in ("of", "among"):
            nouns.extend(c for c in of.children if c.dep_ == "pobj")
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if lemma in PLAN_NOUNS or lemma in IRREALIS:
            return True
        if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in IRREALIS for c in noun.children):
            return True
    return False


# What an event already under way can still be "set to" or "due to" do: "the march is slated to end at
# the headquarters", "the bombing was supposed to cause maximum damage".
_OCCUR_VERBS = {"take", "happen", "occur", "begin", "start", "go", "hold", "commence", "kick", "get", "unfold"}


def _exists_already(tok: Token, predicate: Token, relation: str) -> bool:
    """An event noun that is the subject of a "be set to" frame exists already unless the frame
    is about its taking place ("the protest is set to take place on Friday") -- nor does an agreement
    "set to take effect tomorrow" wait to be made."""
    if trigger_kind(tok) == AGREE:
        return True
    if relation not in ("nsubj", "nsubjpass") or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    infinitives = [c for c in (predicate, *predicate.children) if c.dep_ == "xcomp"] + \
        [g for c in predicate.children if c.dep_ in ("acomp", "xcomp") for g in c.children if g.dep_ == "xcomp"]
    return bool(infinitives) and all(v.lemma_.lower() not in _OCCUR_VERBS for v in infinitives)


def _future_frame(verb: Token) -> bool:
    """A verb in a "be to" or "be set to" frame, or a copula that has one: "are to be taken", "is due to start"."""
    for node in (verb, *[c for c in verb.children if c.dep_ == "xcomp"]):
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            continue
        frame = node.head if node.i == verb.i else verb
        if frame.i == node.i:
            continue
        if frame.lemma_.lower() == "be" or (frame.lower_ in _FUTURE_FRAMES and frame.head.lemma_ == "be"):
            return True
        if frame.lower_ in _FUTURE_FRAMES and any(c.lemma_ == "be" and c.dep_ in ("aux", "auxpass", "cop")
                                                  for c in frame.children):
            return True
    return False


def _child(tok: Token | None, deps: tuple[str, ...]) -> Token | None:
    if tok is None:
        return None
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None
