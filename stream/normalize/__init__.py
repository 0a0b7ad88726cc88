"""PURE: raw report text -> NormalizedReport (numbers, weapons, measures, damage,
casualties, claimant, evidence spans).

Modules: `lang` (language), `tokens` (tokens, lemmas, sentences), `lexicon`
(word classes, phrase matcher), `numbers` (digits, number words, qualifiers),
`places` (gazetteer hits, launch origins, anaphora), `weapons` (weapon words,
measure cues), `phrases` (what a number quantifies), `hits` (weapons told as hits
by a noun), `count_region`, `counts`,
`casualties`, `damage` + `damage_kinds`, `denials` (what a speaker calls untrue),
`recaps` (sentences that recap an earlier attack), `claimant`, `item_regions` (places
of items that name none), `singular` (a count of one stated by a singular noun), and
`extract` (the pipeline). `windows` (reporting window) is owned separately.
"""

from __future__ import annotations

from stream.models import PARSER_VERSION, NormalizedReport, RawReport
from stream.normalize.extract import normalize_report

__all__ = ["PARSER_VERSION", "normalize"]


def normalize(raw: RawReport) -> NormalizedReport:
    """Normalize a raw report. Pure, deterministic, never raises on any text."""
    return normalize_report(raw)
