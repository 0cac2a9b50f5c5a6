"""The 8-bit encoding of the UN report extract (``2010data.csv``), as a Python codec.

The extract was parsed from the Working Group reports' PDFs, and its typographic characters
came out as bytes that no code page gives them: the right single quotation mark (the
apostrophe of "women’s", "People’s", "Belarus’ obligations") is 0xEA, which Windows-1252
reads "ê" ("womenês rights"). Every other byte is Windows-1252. The bytes below were read in
context in the whole file: each appears only where that character belongs, never as the
character Windows-1252 gives it.

=====  ====================  =====  ==================================================
byte   character             count  seen in
=====  ====================  =====  ==================================================
0xEA   ’ right single quote   311   "women’s rights", "Côte d’Ivoire", "‘witch hunts’"
0xCD   ’ right single quote     7   "Special Rapporteur’s report" (notes column)
0x95   ‘ left single quote      1   "‘witch hunts’"
0xF1   “ left double quote      6   "the term “all”" (notes column)
0xEE   ” right double quote     6   the same quotations' ends
0xBB   ô                       15   "Côte d’Ivoire"
0x9A   à                        5   "vis-à-vis"
=====  ====================  =====  ==================================================

Only the ``un-report`` format reads with this codec, and only a file that is not UTF-8 and
whose encoding the import does not name (:func:`~.upr_imports.import_un_report`): every other
legacy file is read as before. Pure Python: no Django here.
"""

from __future__ import annotations

import codecs

NAME = "un_report_cp1252"

QUIRKS = {
    0xEA: "\u2019",
    0xCD: "\u2019",
    0x95: "\u2018",
    0xF1: "\u201c",
    0xEE: "\u201d",
    0xBB: "\u00f4",
    0x9A: "\u00e0",
}


def _character(byte: int) -> str:
    if byte in QUIRKS:
        return QUIRKS[byte]
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return "\ufffe"  # undefined, as in cp1252: decoding such a byte fails


_DECODING_TABLE = "".join(_character(byte) for byte in range(256))
_ENCODING_TABLE = codecs.charmap_build(_DECODING_TABLE)


def _decode(data, errors="strict"):
    # A 256-character string is a decoding table too (as the codecs cp1252 uses are built);
    # typeshed allows only a mapping.
    return codecs.charmap_decode(data, errors, _DECODING_TABLE)  # type: ignore[arg-type]


def _encode(text, errors="strict"):
    return codecs.charmap_encode(text, errors, _ENCODING_TABLE)


class _IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, data, final=False):
        return _decode(data, self.errors)[0]


class _IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, text, final=False):
        return _encode(text, self.errors)[0]


_INFO = codecs.CodecInfo(
    name=NAME,
    encode=_encode,
    decode=_decode,
    incrementalencoder=_IncrementalEncoder,
    incrementaldecoder=_IncrementalDecoder,
)


def _search(name: str):
    return _INFO if name.replace("-", "_") == NAME else None


codecs.register(_search)
