"""Reading back the PDFs we make, for the tests."""

import io

from pypdf import PdfReader


def lettertypen(pdf: bytes) -> set[str]:
    """The names of the fonts embedded in a PDF (what pdffonts lists), without their subset
    prefix ("ABCDEF+")."""
    namen = set()
    for pagina in PdfReader(io.BytesIO(pdf)).pages:
        for font in pagina["/Resources"]["/Font"].values():
            namen.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return namen
